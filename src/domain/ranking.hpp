#pragma once
// The feed's orders (DESIGN.md §4): Latest, Hot, Top over a period, Unanswered. Pure functions,
// thread-safe. The Hot rank is also computed in SQL (store/sqlite/feed_store.cpp): change both
// together.

#include <cstdint>
#include <optional>
#include <string_view>

#include "domain/model.hpp"

namespace hoot {

enum class FeedOrder { kLatest, kHot, kTop, kUnanswered };
enum class TopPeriod { kWeek, kMonth, kYear, kAll };

std::optional<FeedOrder> ParseFeedOrder(std::string_view text);  // latest|hot|top|unanswered
std::string_view FeedOrderKey(FeedOrder order);
std::optional<TopPeriod> ParseTopPeriod(std::string_view text);  // week|month|year|all
std::string_view TopPeriodKey(TopPeriod period);
// How far back Top looks from `now`: the earliest created_at that counts (0 for all time).
UnixSeconds TopPeriodStart(TopPeriod period, UnixSeconds now);

// The points a hoot has for Hot: 1 for being there, +1 per positive reaction, -1 per negative
// one, +1 per comment; never below 1 (so a downvoted hoot sinks with age like an ignored one).
std::int64_t HotPoints(std::int64_t positive, std::int64_t negative, std::int64_t comments);

// ln(points) - 1.8 × ln(hours since posting + 2): the log of points / (hours + 2)^1.8, the
// gravity formula of DESIGN.md §4. Higher is hotter. A hoot posted after `now` counts as new.
double HotRank(std::int64_t points, UnixSeconds created_at, UnixSeconds now);

// The age in seconds beyond which no hoot with at most `max_points` can rank `rank` or above
// (HotRank falls with age): what lets a Hot page read only recent hoots. Infinity when no age
// is old enough.
double HotAgeBeyondReach(std::int64_t max_points, double rank);

}  // namespace hoot
