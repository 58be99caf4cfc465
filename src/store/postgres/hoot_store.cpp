#include <algorithm>

#include "store/postgres/guard.hpp"
#include "store/postgres/stores.hpp"
#include "store/postgres/summary_rows.hpp"

namespace hoot::store::postgres {
namespace {

constexpr std::string_view kInsertPost = "INSERT INTO posts(kind) VALUES (1) RETURNING id";
constexpr std::string_view kInsertHoot =
    "INSERT INTO hoots(author_id, title, slug, body_source, body_html, excerpt, tags, created_at, "
    "updated_at, id, body_text) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)";
constexpr std::string_view kInsertFirstRevision =
    "INSERT INTO revisions(post_id, number, author_id, created_at, title, tags, body_source) "
    "VALUES ($1, 1, $2, $3, $4, $5, $6)";
constexpr std::string_view kInsertHootTag = "INSERT INTO hoot_tags(hoot_id, tag) VALUES ($1, $2)";
// Authors follow their own hoots (DESIGN §1).
constexpr std::string_view kAuthorFollows =
    "INSERT INTO follows(hoot_id, user_id, created_at) VALUES ($1, $2, $3)";
constexpr std::string_view kCountAuthorAsFollower =
    "UPDATE hoots SET follower_count = 1 WHERE id = $1";
constexpr std::string_view kCountHootOnAuthor =
    "UPDATE users SET hoot_count = hoot_count + 1 WHERE id = $1";
constexpr std::string_view kFindHoot =
    "SELECT h.id, h.title, h.slug, h.body_source, h.body_html, h.tags, h.created_at, "
    "h.updated_at, h.comment_count, h.positive, h.negative, u.id, u.username, u.display_name, "
    "h.revision, h.deleted_at IS NOT NULL, h.deleted_comment_count, h.body_text, h.follower_count, "
    "u.avatar_hash FROM hoots h JOIN users u ON u.id = h.author_id "
    "WHERE h.id = $1 AND ($2::boolean OR h.deleted_at IS NULL)";

// Feed rows: columns 0..8 hoot, 9..12 author. The cursor is (created_at, id) of the last row
// shown; $1 is true when there is no cursor.
#define HOOT_SUMMARY_COLUMNS \
    PG_HOOT_SUMMARY_SELECT "FROM hoots h JOIN users u ON u.id = h.author_id "
#define AFTER_CURSOR "($1::boolean OR (h.created_at, h.id) < ($2::bigint, $3::bigint)) "
constexpr std::string_view kLatestHoots = HOOT_SUMMARY_COLUMNS
    "WHERE h.deleted_at IS NULL AND " AFTER_CURSOR "ORDER BY h.created_at DESC, h.id DESC LIMIT $4";
constexpr std::string_view kHootsByAuthor =
    HOOT_SUMMARY_COLUMNS "WHERE h.author_id = $5 AND h.deleted_at IS NULL AND " AFTER_CURSOR
                         "ORDER BY h.created_at DESC, h.id DESC LIMIT $4";
constexpr std::string_view kHootsByTag = HOOT_SUMMARY_COLUMNS
    "JOIN hoot_tags t ON t.hoot_id = h.id AND t.tag = $5 "
    "WHERE h.deleted_at IS NULL AND " AFTER_CURSOR "ORDER BY h.created_at DESC, h.id DESC LIMIT $4";
#undef AFTER_CURSOR
#undef HOOT_SUMMARY_COLUMNS

Params CursorParams(const std::optional<service::TimeCursor>& after, int limit) {
    Params params;
    params.Add(!after).Add(after ? after->created_at : 0).Add(after ? after->id : 0).Add(limit);
    return params;
}

}  // namespace

Result<HootId> PgHootStore::Create(const service::NewHoot& hoot) {
    return Guarded([&]() -> Result<HootId> {
        auto conn = db_.Acquire();
        Transaction tx(*conn);
        HootId id(conn->Query(kInsertPost)[0].Int(0));
        const std::string tags = JoinTags(hoot.tags);
        conn->Query(kInsertHoot, hoot.author.value, hoot.title, hoot.slug, hoot.body_source,
                    hoot.body_html, hoot.excerpt, tags, hoot.created_at, hoot.created_at, id.value,
                    hoot.body_text);
        conn->Query(kInsertFirstRevision, id.value, hoot.author.value, hoot.created_at, hoot.title,
                    tags, hoot.body_source);
        // In one order for every writer: tag_counts rows are then locked in that order too, so
        // two hoots tagged "a b" and "b a" at once cannot deadlock.
        std::vector<std::string> sorted = hoot.tags;
        std::sort(sorted.begin(), sorted.end());
        for (const auto& tag : sorted) conn->Query(kInsertHootTag, id.value, tag);
        conn->Query(kCountHootOnAuthor, hoot.author.value);
        conn->Query(kAuthorFollows, id.value, hoot.author.value, hoot.created_at);
        conn->Query(kCountAuthorAsFollower, id.value);
        tx.Commit();
        return id;
    });
}

Result<std::optional<Hoot>> PgHootStore::Find(HootId id, bool include_deleted) {
    return Guarded([&]() -> Result<std::optional<Hoot>> {
        auto conn = db_.Acquire();
        auto rows = conn->Query(kFindHoot, id.value, include_deleted);
        if (rows.empty()) return std::optional<Hoot>();
        Row row = rows[0];
        Hoot h;
        h.id = HootId(row.Int(0));
        h.title = row.Text(1);
        h.slug = row.Text(2);
        h.body_source = row.Text(3);
        h.body_html = row.Text(4);
        h.tags = SplitTags(row.TextView(5));
        h.created_at = row.Int(6);
        h.updated_at = row.Int(7);
        h.comment_count = row.Int(8);
        h.reactions = {row.Int(9), row.Int(10)};
        h.author = ReadAuthor(row, 11);
        h.revision = static_cast<int>(row.Int(14));
        h.deleted = row.Bool(15);
        h.deleted_comment_count = row.Int(16);
        h.body_text = row.Text(17);
        h.follower_count = row.Int(18);
        h.author.avatar_hash = row.Text(19);
        return std::optional<Hoot>(std::move(h));
    });
}

Result<std::vector<HootSummary>> PgHootStore::Latest(std::optional<service::TimeCursor> after,
                                                     int limit) {
    return Guarded([&]() -> Result<std::vector<HootSummary>> {
        auto conn = db_.Acquire();
        return ReadSummaries(conn->Exec(kLatestHoots, CursorParams(after, limit)));
    });
}

Result<std::vector<HootSummary>> PgHootStore::ByAuthor(UserId author,
                                                       std::optional<service::TimeCursor> after,
                                                       int limit) {
    return Guarded([&]() -> Result<std::vector<HootSummary>> {
        auto conn = db_.Acquire();
        auto params = CursorParams(after, limit);
        params.Add(author.value);
        return ReadSummaries(conn->Exec(kHootsByAuthor, params));
    });
}

Result<std::vector<HootSummary>> PgHootStore::ByTag(std::string_view tag,
                                                    std::optional<service::TimeCursor> after,
                                                    int limit) {
    return Guarded([&]() -> Result<std::vector<HootSummary>> {
        auto conn = db_.Acquire();
        auto params = CursorParams(after, limit);
        params.Add(tag);
        return ReadSummaries(conn->Exec(kHootsByTag, params));
    });
}

}  // namespace hoot::store::postgres
