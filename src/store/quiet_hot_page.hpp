#pragma once
// Hot on a quiet site, the same steps for both stores (sqlite/feed_store.cpp and
// postgres/feed_store.cpp, whose ReadHotPage calls it when no hoot is in Hot's first window).
//
// On a quiet site (an imported community, a dormant one) every hoot is old, ages differ little on
// Hot's log scale, and a window of recent hoots would widen to the whole site: points bound the
// page instead. No hoot is younger than the youngest, so one with points p ranks at most
// ln(p) - 1.8 ln(the youngest's hours + 2). The hoots with the most points (the 8 × page most
// popular, then 64 × page, until they fill a page with the feed's filters) give a rank the true
// page reaches at least; every hoot that could rank that high has at least the points that takes,
// and the page read above that floor (through the hoots_points index) is the one the unbounded
// query gives.

#include <cmath>
#include <cstdint>
#include <limits>
#include <optional>
#include <vector>

#include "service/ports.hpp"

namespace hoot::store {

// `read_page(floor)`: the page of `query` among the hoots whose points less one (the
// hoots_points index value) are at least `floor`, every hoot when nullopt.
// `points_at_place(place)`: that value for the hoot ranked `place` by it (from 0, most first),
// nullopt when there are not that many hoots.
template <typename ReadPage, typename PointsAtPlace>
std::vector<service::FeedRow> QuietHotPage(const service::FeedQuery& query,
                                           UnixSeconds youngest_age, ReadPage&& read_page,
                                           PointsAtPlace&& points_at_place) {
    const double age_term = 1.8 * std::log(static_cast<double>(youngest_age) / 3600.0 + 2.0);
    // The least index value a hoot needs to rank `rank`, a little lower for rounding; nullopt
    // when every hoot could.
    auto floor_for = [&](double rank) -> std::optional<std::int64_t> {
        const double points = std::exp(rank + age_term) * (1 - 1e-9);
        if (!(points > 1.0)) return std::nullopt;
        if (points > 1e15) return std::numeric_limits<std::int64_t>::max() / 2;
        return static_cast<std::int64_t>(std::floor(points)) - 1;
    };
    for (std::int64_t place = 8 * static_cast<std::int64_t>(query.limit);; place *= 8) {
        const std::optional<std::int64_t> floor = points_at_place(place - 1);
        if (!floor) return read_page(std::nullopt);  // fewer hoots than that: all of them
        std::vector<service::FeedRow> rows = read_page(floor);
        if (static_cast<int>(rows.size()) == query.limit) {
            const std::optional<std::int64_t> needed = floor_for(rows.back().rank);
            if (needed && *needed >= *floor) return rows;
            return read_page(needed);
        }
    }
}

}  // namespace hoot::store
