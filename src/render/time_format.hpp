#pragma once
// Dates as people read them. All times are UTC unix seconds. Thread-safe.

#include <string>

#include "domain/model.hpp"

namespace hoot::render {

// "2026-11-24T01:33:05Z": for <time datetime> and JSON.
std::string IsoTime(UnixSeconds t);
// "Nov 24, 2026 at 01:33 UTC": the exact time shown on hover.
std::string ExactTime(UnixSeconds t);
// "just now", "5 minutes ago", "3 hours ago", "yesterday", "4 days ago", then "Mar 3" in the
// current year and "Mar 3, 2019" before it. A `then` after `now` reads "just now".
std::string RelativeTime(UnixSeconds then, UnixSeconds now);

}  // namespace hoot::render
