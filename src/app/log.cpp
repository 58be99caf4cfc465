#include "app/log.hpp"

#include <unistd.h>

#include <atomic>
#include <ctime>
#include <string>

namespace hoot::log {
namespace {
std::atomic<Level> g_level{Level::kInfo};

std::string_view LevelName(Level level) {
    switch (level) {
        case Level::kDebug:
            return "debug";
        case Level::kInfo:
            return "info";
        case Level::kWarn:
            return "warn";
        case Level::kError:
            return "error";
    }
    return "info";
}
}  // namespace

void SetLevel(Level level) { g_level = level; }

void Write(Level level, std::string_view message) {
    if (level < g_level.load(std::memory_order_relaxed)) return;
    std::time_t now = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&now, &tm);
    char stamp[32];
    std::strftime(stamp, sizeof stamp, "%Y-%m-%dT%H:%M:%SZ", &tm);
    std::string line;
    line.reserve(message.size() + 48);
    line.append(stamp)
        .append(" ")
        .append(LevelName(level))
        .append(" ")
        .append(message)
        .append("\n");
    // One write(2) per line keeps lines from different threads whole.
    [[maybe_unused]] auto written = ::write(2, line.data(), line.size());
}

}  // namespace hoot::log
