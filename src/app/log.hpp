#pragma once
// One-line logs to stderr: "2026-11-24T01:33:05Z level message". Thread-safe (one write per line).

#include <string_view>

namespace hoot::log {

enum class Level { kDebug, kInfo, kWarn, kError };

void SetLevel(Level level);
void Write(Level level, std::string_view message);
inline void Info(std::string_view m) { Write(Level::kInfo, m); }
inline void Warn(std::string_view m) { Write(Level::kWarn, m); }
inline void Error(std::string_view m) { Write(Level::kError, m); }

}  // namespace hoot::log
