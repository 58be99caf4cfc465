#include "importer/progress.hpp"

namespace hoot::importer {
namespace {

using Clock = std::chrono::steady_clock;

std::string Megabytes(std::int64_t bytes) {
    char text[32];
    std::snprintf(text, sizeof text, "%.1f MB", static_cast<double>(bytes) / 1e6);
    return text;
}

}  // namespace

void Progress::StartFile(const std::string& name, std::int64_t total_bytes) {
    file_ = name;
    total_bytes_ = total_bytes;
    rows_ = 0;
    started_ = last_draw_ = Clock::now();
}

void Progress::MaybeDraw(std::int64_t bytes_read) {
    if (!out_) return;
    auto now = Clock::now();
    auto interval = terminal_ ? std::chrono::milliseconds(200) : std::chrono::milliseconds(2000);
    if (now - last_draw_ < interval) return;
    last_draw_ = now;
    Draw(bytes_read, false);
}

void Progress::EndFile() {
    if (out_) Draw(total_bytes_, true);
}

void Progress::Draw(std::int64_t bytes_read, bool final) {
    double seconds = std::chrono::duration<double>(Clock::now() - started_).count();
    double rate = seconds > 0 ? static_cast<double>(rows_) / seconds : 0;
    double fraction = total_bytes_ > 0 ? static_cast<double>(bytes_read) / total_bytes_ : 1;
    if (fraction > 1) fraction = 1;
    if (terminal_) {
        constexpr int kWidth = 24;
        std::string bar(static_cast<std::size_t>(fraction * kWidth), '#');
        bar.resize(kWidth, '.');
        std::fprintf(out_, "\r%-16s [%s] %3.0f%% %s / %s  %lld rows  %.0f rows/s\x1b[K%s",
                     file_.c_str(), bar.c_str(), fraction * 100, Megabytes(bytes_read).c_str(),
                     Megabytes(total_bytes_).c_str(), static_cast<long long>(rows_), rate,
                     final ? "\n" : "");
    } else {
        std::fprintf(out_, "%s: %lld rows, %s of %s (%.0f%%), %.0f rows/s%s\n", file_.c_str(),
                     static_cast<long long>(rows_), Megabytes(bytes_read).c_str(),
                     Megabytes(total_bytes_).c_str(), fraction * 100, rate, final ? ", done" : "");
    }
    std::fflush(out_);
}

}  // namespace hoot::importer
