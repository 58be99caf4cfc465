// What the live event stream polls after a wake-up: cheap indexed reads from a cursor. The twin
// of store/sqlite/live_queries.cpp.

#include "store/postgres/guard.hpp"
#include "store/postgres/social_store.hpp"

namespace hoot::store::postgres {
namespace {

constexpr std::string_view kLatestIds =
    "SELECT (SELECT COALESCE(MAX(id), 0) FROM notifications), "
    "(SELECT COALESCE(MAX(id), 0) FROM messages), (SELECT COALESCE(MAX(id), 0) FROM posts)";
// Comment ids grow in commit order on a hoot: a comment is numbered while it holds the hoot's
// row (PgCommentStore::Create), so a cursor here never passes one that commits late.
constexpr std::string_view kCommentsAfter =
    "SELECT c.id, u.id, u.username, u.display_name FROM comments c "
    "JOIN users u ON u.id = c.author_id "
    "WHERE c.hoot_id = $1 AND c.id > $2 AND c.deleted_at IS NULL ORDER BY c.id LIMIT $3";

}  // namespace

Result<service::LiveCursor> PgSocialStore::LatestIds() {
    return Guarded([&]() -> Result<service::LiveCursor> {
        auto conn = db_.Acquire();
        auto rows = conn->Query(kLatestIds);
        return service::LiveCursor{rows[0].Int(0), rows[0].Int(1), rows[0].Int(2)};
    });
}

Result<std::vector<service::LiveComment>> PgSocialStore::CommentsAfter(HootId hoot, CommentId after,
                                                                       int limit) {
    return Guarded([&]() -> Result<std::vector<service::LiveComment>> {
        auto conn = db_.Acquire();
        std::vector<service::LiveComment> out;
        for (Row row : conn->Query(kCommentsAfter, hoot.value, after.value, limit))
            out.push_back({CommentId(row.Int(0)), ReadAuthor(row, 1)});
        return out;
    });
}

}  // namespace hoot::store::postgres
