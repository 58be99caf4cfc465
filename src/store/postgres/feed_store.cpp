// The feed orders and the tag list. Hot's SQL rank must stay equal to domain/ranking.cpp's
// HotRank (the store test compares them): every step is float8, as HotRank's are doubles, and
// PostgreSQL's ln() is the C library's log().

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <optional>
#include <string>

#include "domain/ranking.hpp"
#include "store/postgres/guard.hpp"
#include "store/postgres/stores.hpp"
#include "store/postgres/summary_rows.hpp"
#include "store/quiet_hot_page.hpp"

namespace hoot::store::postgres {
namespace {

// Parameters: $1 true on the first page, $2 now, $3 cursor key or rank, $4 cursor id, $5 limit,
// $6 since (Top; 0 otherwise), $7 tag (tagged variants only). Column kSummaryColumns is the sort
// key.
constexpr std::string_view kColumns = PG_HOOT_SUMMARY_SELECT ", ";
constexpr std::string_view kHotRank =
    "(ln(GREATEST(1, 1 + h.positive - h.negative + h.comment_count)::float8) - "
    "1.8::float8 * ln(GREATEST(0, $2::bigint - h.created_at)::float8 / 3600.0::float8 + "
    "2.0::float8))";

struct OrderSql {
    std::string_view key;       // the sort key expression
    std::string_view key_type;  // its type, for the cursor parameter
    std::string_view where;     // the order's own condition
};

OrderSql SqlFor(FeedOrder order) {
    switch (order) {
        case FeedOrder::kHot:
            return {kHotRank, "float8", "h.created_at <= $2::bigint"};
        case FeedOrder::kTop:
            return {"(h.positive - h.negative)", "bigint", "h.created_at <= $2::bigint"};
        case FeedOrder::kUnanswered:
            return {"h.created_at", "bigint", "$2::bigint IS NOT NULL AND h.comment_count = 0"};
        case FeedOrder::kLatest:
            break;
    }
    // Latest pages by time alone; $2 is named only so every order takes the same parameters
    // (PostgreSQL must be able to type each one).
    return {"h.created_at", "bigint", "$2::bigint IS NOT NULL"};
}

// points_floor (Hot only): only hoots whose points less one are at least the last parameter
// ($8, or $7 when not tagged), the hoots_points index's value.
std::string BuildFeedSql(FeedOrder order, bool tagged, bool points_floor = false) {
    const OrderSql sql = SqlFor(order);
    std::string text(kColumns);
    text.append(sql.key).append(" AS sort_key FROM hoots h JOIN users u ON u.id = h.author_id ");
    if (tagged) text.append("JOIN hoot_tags t ON t.hoot_id = h.id AND t.tag = $7 ");
    text.append("WHERE h.deleted_at IS NULL AND h.created_at >= $6::bigint AND ").append(sql.where);
    if (points_floor)
        text.append(tagged ? " AND h.positive - h.negative + h.comment_count >= $8::bigint"
                           : " AND h.positive - h.negative + h.comment_count >= $7::bigint");
    text.append(" AND ($1::boolean OR (")
        .append(sql.key)
        .append(", h.id) < ($3::")
        .append(sql.key_type)
        .append(", $4::bigint)) ORDER BY sort_key DESC, h.id DESC LIMIT $5");
    return text;
}

// Built once: [order][tagged], and Hot above a points floor [tagged].
const std::string& FeedSql(const service::FeedQuery& query, bool points_floor) {
    static const auto table = [] {
        std::array<std::array<std::string, 2>, 4> sql;
        for (int order = 0; order < 4; ++order) {
            sql[static_cast<std::size_t>(order)][0] =
                BuildFeedSql(static_cast<FeedOrder>(order), false);
            sql[static_cast<std::size_t>(order)][1] =
                BuildFeedSql(static_cast<FeedOrder>(order), true);
        }
        return sql;
    }();
    static const std::array<std::string, 2> hot_floor = {BuildFeedSql(FeedOrder::kHot, false, true),
                                                         BuildFeedSql(FeedOrder::kHot, true, true)};
    if (points_floor) return hot_floor[query.tag.empty() ? 0 : 1];
    return table[static_cast<std::size_t>(query.order)][query.tag.empty() ? 0 : 1];
}

// The most points any visible hoot has, less the 1 every hoot starts with (index hoots_points).
constexpr std::string_view kMaxHotPoints =
    "SELECT MAX(positive - negative + comment_count) FROM hoots WHERE deleted_at IS NULL";

// The points (less one) of the hoot ranked $1 by points, from 0 (index hoots_points).
constexpr std::string_view kPointsAtPlace =
    "SELECT positive - negative + comment_count FROM hoots WHERE deleted_at IS NULL "
    "ORDER BY positive - negative + comment_count DESC LIMIT 1 OFFSET $1";
// When the youngest visible hoot was posted (index hoots_latest).
constexpr std::string_view kYoungestHoot =
    "SELECT MAX(created_at) FROM hoots WHERE deleted_at IS NULL AND created_at <= $1";

// Hot's first window: most sites have a page-full of hoots this recent that nothing older beats.
constexpr UnixSeconds kHotFirstWindow = 2 * 24 * 3600;

// Tags compare byte by byte, as SQLite's BINARY collation does, whatever the database's locale.
// A tag's excerpt may come from several imported sites: the rows of one tag are adjacent, the
// first site by name wins.
constexpr std::string_view kTags =
    "SELECT t.tag, t.count, e.site, e.excerpt FROM "
    "(SELECT tag, count FROM tag_counts WHERE count > 0 ORDER BY count DESC, tag COLLATE \"C\" "
    "LIMIT $1) t LEFT JOIN tag_excerpts e ON e.tag = t.tag "
    "ORDER BY t.count DESC, t.tag COLLATE \"C\", e.site COLLATE \"C\"";
// One row whether or not the tag is counted or described.
constexpr std::string_view kTag =
    "SELECT COALESCE((SELECT count FROM tag_counts WHERE tag = $1), 0), e.site, e.excerpt "
    "FROM (SELECT 1) one LEFT JOIN (SELECT site, excerpt FROM tag_excerpts WHERE tag = $1 "
    "ORDER BY site COLLATE \"C\" LIMIT 1) e ON true";

}  // namespace

namespace {

std::vector<service::FeedRow> ReadFeedPage(
    Connection& conn, const service::FeedQuery& query, UnixSeconds since,
    std::optional<std::int64_t> points_floor = std::nullopt) {
    Params params;
    params.Add(!query.has_cursor).Add(query.now);
    if (query.order == FeedOrder::kHot)
        params.Add(query.rank);
    else
        params.Add(query.key);
    params.Add(query.id).Add(query.limit).Add(since);
    if (!query.tag.empty()) params.Add(query.tag);
    if (points_floor) params.Add(*points_floor);
    auto result = conn.Exec(FeedSql(query, points_floor.has_value()), params);
    std::vector<service::FeedRow> rows;
    rows.reserve(static_cast<std::size_t>(result.size()));
    const bool hot = query.order == FeedOrder::kHot;
    for (Row row : result) {
        service::FeedRow feed_row;
        feed_row.hoot = ReadSummary(row);
        // Both, as SQLite gives them: the key of Hot is its rank truncated.
        feed_row.rank = row.Real(kSummaryColumns);
        feed_row.key = hot ? static_cast<std::int64_t>(feed_row.rank) : row.Int(kSummaryColumns);
        rows.push_back(std::move(feed_row));
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
// The same steps as store/sqlite/feed_store.cpp's ReadHotPage; change the two together.
std::vector<service::FeedRow> ReadHotPage(Connection& conn, const service::FeedQuery& query) {
    {
        auto rows = conn.Query(kYoungestHoot, query.now);
        if (rows.empty() || rows[0].IsNull(0)) return {};
        const UnixSeconds youngest_age = query.now - rows[0].Int(0);
        if (youngest_age >= kHotFirstWindow) {
            const UnixSeconds since = std::numeric_limits<UnixSeconds>::min();
            return QuietHotPage(
                query, youngest_age,
                [&](std::optional<std::int64_t> floor) {
                    return ReadFeedPage(conn, query, since, floor);
                },
                [&](std::int64_t place) -> std::optional<std::int64_t> {
                    auto points = conn.Query(kPointsAtPlace, place);
                    if (points.empty() || points[0].IsNull(0)) return std::nullopt;
                    return points[0].Int(0);
                });
        }
    }
    // Only the window needs the most points (the quiet page reads them its own way).
    std::int64_t max_points = 1;
    {
        auto rows = conn.Query(kMaxHotPoints);
        if (rows.empty() || rows[0].IsNull(0)) return {};
        max_points = std::max<std::int64_t>(1, 1 + rows[0].Int(0));
    }
    double window = static_cast<double>(kHotFirstWindow);
    bool widened_to_reach = false;
    for (;;) {
        // Beyond the reading moment's own age every hoot is inside: the last, unbounded try.
        const bool whole = window >= static_cast<double>(query.now);
        const UnixSeconds since =
            whole ? std::numeric_limits<UnixSeconds>::min()
                  : std::max(query.since, query.now - static_cast<UnixSeconds>(window));
        auto rows = ReadFeedPage(conn, query, since);
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

Result<std::vector<service::FeedRow>> PgHootStore::Feed(const service::FeedQuery& query) {
    return Guarded([&]() -> Result<std::vector<service::FeedRow>> {
        auto conn = db_.Acquire();
        if (query.order == FeedOrder::kHot) return ReadHotPage(*conn, query);
        return ReadFeedPage(*conn, query, query.since);
    });
}

Result<std::vector<service::TagCount>> PgHootStore::Tags(int limit) {
    return Guarded([&]() -> Result<std::vector<service::TagCount>> {
        auto conn = db_.Acquire();
        std::vector<service::TagCount> tags;
        for (Row row : conn->Query(kTags, limit)) {
            std::string tag = row.Text(0);
            if (!tags.empty() && tags.back().tag == tag) continue;
            tags.push_back({std::move(tag), row.Int(1), row.Text(3), row.Text(2)});
        }
        return tags;
    });
}

Result<service::TagCount> PgHootStore::Tag(std::string_view tag) {
    return Guarded([&]() -> Result<service::TagCount> {
        auto conn = db_.Acquire();
        service::TagCount found{std::string(tag)};
        for (Row row : conn->Query(kTag, tag)) {
            found.count = row.Int(0);
            found.excerpt_site = row.Text(1);
            found.excerpt = row.Text(2);
        }
        return found;
    });
}

}  // namespace hoot::store::postgres
