// The feed orders and the tag list. Hot's SQL rank must stay equal to domain/ranking.cpp's
// HotRank (the store test compares them): every step is float8, as HotRank's are doubles, and
// PostgreSQL's ln() is the C library's log().

#include <array>
#include <string>

#include "store/postgres/guard.hpp"
#include "store/postgres/stores.hpp"
#include "store/postgres/summary_rows.hpp"

namespace hoot::store::postgres {
namespace {

// Parameters: $1 true on the first page, $2 now, $3 cursor key or rank, $4 cursor id, $5 limit,
// $6 since (Top; 0 otherwise), $7 tag (tagged variants only). Column 12 is the sort key.
constexpr std::string_view kColumns =
    "SELECT h.id, h.title, h.slug, h.excerpt, h.tags, h.created_at, h.comment_count, "
    "h.positive, h.negative, u.id, u.username, u.display_name, ";
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

std::string BuildFeedSql(FeedOrder order, bool tagged) {
    const OrderSql sql = SqlFor(order);
    std::string text(kColumns);
    text.append(sql.key).append(" AS sort_key FROM hoots h JOIN users u ON u.id = h.author_id ");
    if (tagged) text.append("JOIN hoot_tags t ON t.hoot_id = h.id AND t.tag = $7 ");
    text.append("WHERE h.deleted_at IS NULL AND h.created_at >= $6::bigint AND ")
        .append(sql.where)
        .append(" AND ($1::boolean OR (")
        .append(sql.key)
        .append(", h.id) < ($3::")
        .append(sql.key_type)
        .append(", $4::bigint)) ORDER BY sort_key DESC, h.id DESC LIMIT $5");
    return text;
}

// Built once: [order][tagged].
const std::string& FeedSql(const service::FeedQuery& query) {
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
    return table[static_cast<std::size_t>(query.order)][query.tag.empty() ? 0 : 1];
}

// Tags compare byte by byte, as SQLite's BINARY collation does, whatever the database's locale.
constexpr std::string_view kTags =
    "SELECT tag, count FROM tag_counts WHERE count > 0 ORDER BY count DESC, tag COLLATE \"C\" "
    "LIMIT $1";

}  // namespace

Result<std::vector<service::FeedRow>> PgHootStore::Feed(const service::FeedQuery& query) {
    return Guarded([&]() -> Result<std::vector<service::FeedRow>> {
        auto conn = db_.Acquire();
        Params params;
        params.Add(!query.has_cursor).Add(query.now);
        if (query.order == FeedOrder::kHot)
            params.Add(query.rank);
        else
            params.Add(query.key);
        params.Add(query.id).Add(query.limit).Add(query.since);
        if (!query.tag.empty()) params.Add(query.tag);
        auto result = conn->Exec(FeedSql(query), params);
        std::vector<service::FeedRow> rows;
        rows.reserve(static_cast<std::size_t>(result.size()));
        const bool hot = query.order == FeedOrder::kHot;
        for (Row row : result) {
            service::FeedRow feed_row;
            feed_row.hoot = ReadSummary(row);
            // Both, as SQLite gives them: the key of Hot is its rank truncated.
            feed_row.rank = row.Real(12);
            feed_row.key = hot ? static_cast<std::int64_t>(feed_row.rank) : row.Int(12);
            rows.push_back(std::move(feed_row));
        }
        return rows;
    });
}

Result<std::vector<service::TagCount>> PgHootStore::Tags(int limit) {
    return Guarded([&]() -> Result<std::vector<service::TagCount>> {
        auto conn = db_.Acquire();
        std::vector<service::TagCount> tags;
        for (Row row : conn->Query(kTags, limit)) tags.push_back({row.Text(0), row.Int(1)});
        return tags;
    });
}

}  // namespace hoot::store::postgres
