// The feed orders and the tag list. Hot's SQL rank must stay equal to domain/ranking.cpp's
// HotRank (the store test compares them).

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <optional>
#include <string>

#include "store/quiet_hot_page.hpp"
#include "store/sqlite/guard.hpp"
#include "store/sqlite/stores.hpp"
#include "store/sqlite/summary_rows.hpp"
#include "store/sqlite/tag_walk.hpp"

namespace hoot::store::sqlite {
namespace {

// Parameters: ?1 = 1 on the first page, ?2 now, ?3 cursor key or rank, ?4 cursor id, ?5 limit,
// ?6 since (Top; 0 otherwise), ?7 tag (tagged variants only). Column kSummaryColumns is the
// sort key.
constexpr std::string_view kColumns = HOOT_SUMMARY_SELECT ", ";
constexpr std::string_view kHotRank =
    "(ln(max(1, 1 + h.positive - h.negative + h.comment_count)) - "
    "1.8 * ln(max(0, ?2 - h.created_at) / 3600.0 + 2.0))";

struct OrderSql {
    std::string_view key;    // the sort key expression
    std::string_view where;  // the order's own condition
};

// Top over all time walks the hoots_top index (the unary + keeps the planner off the time
// index); over a period it reads that period's hoots by time and sorts them, so a quiet week
// on a large old site costs the week, not the whole index.
constexpr int kTopAllTime = 4;
// Hot on a quiet site (store/quiet_hot_page.hpp): only hoots with at least ?8 points, read
// through the hoots_points index.
constexpr int kHotPointsFloor = 5;

OrderSql SqlFor(int variant) {
    if (variant == kTopAllTime) return {"(h.positive - h.negative)", "+h.created_at <= ?2"};
    switch (static_cast<FeedOrder>(variant)) {
        case FeedOrder::kHot:
            return {kHotRank, "h.created_at <= ?2"};
        case FeedOrder::kTop:
            return {"(h.positive - h.negative)", "h.created_at <= ?2"};
        case FeedOrder::kUnanswered:
            return {"h.created_at", "?2 IS NOT NULL AND h.comment_count = 0"};
        case FeedOrder::kLatest:
            break;
    }
    // Latest pages by time alone; ?2 is named only so every variant takes the same parameters.
    return {"h.created_at", "?2 IS NOT NULL"};
}

// How a tag's feed finds its hoots (store/sqlite/tag_walk.hpp): from the tag's own hoots, or by
// walking the order's index and checking each hoot for the tag.
enum TagForm : int { kUntagged = 0, kTagLeads = 1, kTagChecked = 2 };

std::string BuildFeedSql(int variant, TagForm tag_form) {
    const bool points_floor = variant == kHotPointsFloor;
    const OrderSql sql = SqlFor(points_floor ? static_cast<int>(FeedOrder::kHot) : variant);
    const bool walk_index = variant == kTopAllTime;
    std::string text(kColumns);
    text.append(sql.key).append(points_floor ? " AS sort_key FROM hoots h INDEXED BY hoots_points "
                                             : " AS sort_key FROM hoots h ");
    text.append("JOIN users u ON u.id = h.author_id ");
    if (tag_form == kTagLeads) text.append("JOIN hoot_tags t ON t.hoot_id = h.id AND t.tag = ?7 ");
    text.append(walk_index ? "WHERE h.deleted_at IS NULL AND +h.created_at >= ?6 AND "
                           : "WHERE h.deleted_at IS NULL AND h.created_at >= ?6 AND ")
        .append(sql.where);
    if (points_floor) text.append(" AND h.positive - h.negative + h.comment_count >= ?8");
    if (tag_form == kTagChecked)
        text.append(
            " AND EXISTS (SELECT 1 FROM hoot_tags t WHERE t.tag = ?7 AND t.hoot_id = h.id)");
    text.append(
        " AND (?1 OR (sort_key, h.id) < (?3, ?4)) ORDER BY sort_key DESC, h.id DESC LIMIT ?5");
    return text;
}

// Built once: [variant][tag form], the variants being the four orders, Top over all time and
// Hot above a points floor.
const std::string& FeedSql(const service::FeedQuery& query, bool points_floor, TagForm tag_form) {
    static const auto table = [] {
        std::array<std::array<std::string, 3>, 6> sql;
        for (int variant = 0; variant < 6; ++variant)
            for (TagForm form : {kUntagged, kTagLeads, kTagChecked})
                sql[static_cast<std::size_t>(variant)][static_cast<std::size_t>(form)] =
                    BuildFeedSql(variant, form);
        return sql;
    }();
    const int variant = points_floor ? kHotPointsFloor
                        : query.order == FeedOrder::kTop && query.since <= 0
                            ? kTopAllTime
                            : static_cast<int>(query.order);
    return table[static_cast<std::size_t>(variant)][static_cast<std::size_t>(tag_form)];
}

constexpr std::string_view kTagCount = "SELECT count FROM tag_counts WHERE tag = ?1";

TagForm TagFormFor(Connection& conn, const service::FeedQuery& query) {
    if (query.tag.empty()) return kUntagged;
    auto stmt = conn.Prepare(kTagCount);
    stmt.Bind(1, std::string_view(query.tag));
    const std::int64_t count = stmt.Step() ? stmt.Int(0) : 0;
    return WalkingFindsTagSooner(conn, count) ? kTagChecked : kTagLeads;
}

// The most points any visible hoot has, less the 1 every hoot starts with (index hoots_points).
constexpr std::string_view kMaxHotPoints =
    "SELECT MAX(positive - negative + comment_count) FROM hoots WHERE deleted_at IS NULL";
// The points (less one) of the hoot ranked ?1 by points, from 0 (index hoots_points).
constexpr std::string_view kPointsAtPlace =
    "SELECT positive - negative + comment_count FROM hoots INDEXED BY hoots_points "
    "WHERE deleted_at IS NULL ORDER BY positive - negative + comment_count DESC LIMIT 1 OFFSET ?1";
// When the youngest visible hoot was posted (index hoots_latest).
constexpr std::string_view kYoungestHoot =
    "SELECT MAX(created_at) FROM hoots WHERE deleted_at IS NULL AND created_at <= ?1";

// Hot's first window: most sites have a page-full of hoots this recent that nothing older beats.
constexpr UnixSeconds kHotFirstWindow = 2 * 24 * 3600;

// A tag's excerpt may come from several imported sites: the rows of one tag are adjacent, the
// first site by name wins.
constexpr std::string_view kTags =
    "SELECT t.tag, t.count, e.site, e.excerpt FROM "
    "(SELECT tag, count FROM tag_counts WHERE count > 0 ORDER BY count DESC, tag LIMIT ?) t "
    "LEFT JOIN tag_excerpts e ON e.tag = t.tag ORDER BY t.count DESC, t.tag, e.site";
// One row whether or not the tag is counted or described.
constexpr std::string_view kTag =
    "SELECT COALESCE((SELECT count FROM tag_counts WHERE tag = ?1), 0), e.site, e.excerpt "
    "FROM (SELECT 1) LEFT JOIN (SELECT site, excerpt FROM tag_excerpts WHERE tag = ?1 "
    "ORDER BY site LIMIT 1) e ON 1";

}  // namespace

namespace {

std::vector<service::FeedRow> ReadFeedPage(
    Connection& conn, const service::FeedQuery& query, TagForm tag_form, UnixSeconds since,
    std::optional<std::int64_t> points_floor = std::nullopt) {
    auto stmt = conn.Prepare(FeedSql(query, points_floor.has_value(), tag_form));
    if (points_floor) stmt.Bind(8, *points_floor);
    stmt.Bind(1, query.has_cursor ? 0 : 1).Bind(2, query.now);
    if (query.order == FeedOrder::kHot) {
        stmt.Bind(3, query.rank);
    } else {
        stmt.Bind(3, query.key);
    }
    stmt.Bind(4, query.id).Bind(5, query.limit).Bind(6, since);
    if (!query.tag.empty()) stmt.Bind(7, std::string_view(query.tag));
    std::vector<service::FeedRow> rows;
    while (stmt.Step()) {
        service::FeedRow row;
        row.hoot = ReadSummary(stmt);
        row.rank = stmt.Real(kSummaryColumns);
        row.key = stmt.Int(kSummaryColumns);
        rows.push_back(std::move(row));
    }
    return rows;
}

// Hot's rank is not monotone in any stored column, so an unbounded page computes it for every
// hoot. But it is bounded by age: with at most P points, a hoot of age a ranks at most
// ln(P) - 1.8 ln(a + 2). A page read from a window of recent hoots is therefore exact once its
// last rank is above anything older than the window can reach; otherwise the window widens to
// exactly that age (the page can only get better, so the second try is final) or, when the
// window held less than a page, eightfold. The result is the same page the unbounded query gives.
// On a quiet site (no hoot in the first window) points bound the page instead: see
// store/quiet_hot_page.hpp.
std::vector<service::FeedRow> ReadHotPage(Connection& conn, const service::FeedQuery& query,
                                          TagForm tag_form) {
    {
        auto stmt = conn.Prepare(kYoungestHoot);
        stmt.Bind(1, query.now);
        if (!stmt.Step() || stmt.IsNull(0)) return {};
        const UnixSeconds youngest_age = query.now - stmt.Int(0);
        if (youngest_age >= kHotFirstWindow) {
            const UnixSeconds since = std::numeric_limits<UnixSeconds>::min();
            return QuietHotPage(
                query, youngest_age,
                [&](std::optional<std::int64_t> floor) {
                    return ReadFeedPage(conn, query, tag_form, since, floor);
                },
                [&](std::int64_t place) -> std::optional<std::int64_t> {
                    auto points = conn.Prepare(kPointsAtPlace);
                    points.Bind(1, place);
                    if (!points.Step() || points.IsNull(0)) return std::nullopt;
                    return points.Int(0);
                });
        }
    }
    // Only the window needs the most points (the quiet page reads them its own way).
    std::int64_t max_points = 1;
    {
        auto stmt = conn.Prepare(kMaxHotPoints);
        if (!stmt.Step() || stmt.IsNull(0)) return {};
        max_points = std::max<std::int64_t>(1, 1 + stmt.Int(0));
    }
    double window = static_cast<double>(kHotFirstWindow);
    bool widened_to_reach = false;
    for (;;) {
        // Beyond the reading moment's own age every hoot is inside: the last, unbounded try.
        const bool whole = window >= static_cast<double>(query.now);
        const UnixSeconds since =
            whole ? std::numeric_limits<UnixSeconds>::min()
                  : std::max(query.since, query.now - static_cast<UnixSeconds>(window));
        auto rows = ReadFeedPage(conn, query, tag_form, since);
        if (whole || widened_to_reach) return rows;
        if (static_cast<int>(rows.size()) < query.limit) {
            window *= 8;
            continue;
        }
        // Two seconds of margin against rounding, so a tie at the page's last rank is inside.
        const double reach = HotAgeBeyondReach(max_points, rows.back().rank) + 2.0;
        if (reach <= window) return rows;
        window = std::isfinite(reach) ? reach : static_cast<double>(query.now);
        widened_to_reach = true;
    }
}

}  // namespace

Result<std::vector<service::FeedRow>> SqliteHootStore::Feed(const service::FeedQuery& query) {
    return Guarded([&]() -> Result<std::vector<service::FeedRow>> {
        auto conn = db_.Read();
        const TagForm tag_form = TagFormFor(*conn, query);
        if (query.order == FeedOrder::kHot) return ReadHotPage(*conn, query, tag_form);
        return ReadFeedPage(*conn, query, tag_form, query.since);
    });
}

Result<std::vector<service::TagCount>> SqliteHootStore::Tags(int limit) {
    return Guarded([&]() -> Result<std::vector<service::TagCount>> {
        auto conn = db_.Read();
        auto stmt = conn->Prepare(kTags);
        stmt.Bind(1, limit);
        std::vector<service::TagCount> tags;
        while (stmt.Step()) {
            std::string tag = stmt.Text(0);
            if (!tags.empty() && tags.back().tag == tag) continue;
            tags.push_back({std::move(tag), stmt.Int(1), stmt.Text(3), stmt.Text(2)});
        }
        return tags;
    });
}

Result<service::TagCount> SqliteHootStore::Tag(std::string_view tag) {
    return Guarded([&]() -> Result<service::TagCount> {
        auto conn = db_.Read();
        auto stmt = conn->Prepare(kTag);
        stmt.Bind(1, tag);
        service::TagCount found{std::string(tag)};
        if (stmt.Step()) {
            found.count = stmt.Int(0);
            found.excerpt_site = stmt.Text(1);
            found.excerpt = stmt.Text(2);
        }
        return found;
    });
}

}  // namespace hoot::store::sqlite
