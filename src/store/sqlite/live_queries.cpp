// What the live event stream polls after a wake-up: cheap indexed reads from a cursor.

#include "store/sqlite/guard.hpp"
#include "store/sqlite/social_store.hpp"

namespace hoot::store::sqlite {
namespace {

constexpr std::string_view kLatestIds =
    "SELECT (SELECT COALESCE(MAX(id), 0) FROM notifications), "
    "(SELECT COALESCE(MAX(id), 0) FROM messages), (SELECT COALESCE(MAX(id), 0) FROM posts)";
constexpr std::string_view kCommentsAfter =
    "SELECT c.id, u.id, u.username, u.display_name FROM comments c "
    "JOIN users u ON u.id = c.author_id "
    "WHERE c.hoot_id = ? AND c.id > ? AND c.deleted_at IS NULL ORDER BY c.id LIMIT ?";

}  // namespace

Result<service::LiveCursor> SqliteSocialStore::LatestIds() {
    return Guarded([&]() -> Result<service::LiveCursor> {
        auto conn = db_.Read();
        auto stmt = conn->Prepare(kLatestIds);
        stmt.Step();
        return service::LiveCursor{stmt.Int(0), stmt.Int(1), stmt.Int(2)};
    });
}

Result<std::vector<service::LiveComment>> SqliteSocialStore::CommentsAfter(HootId hoot,
                                                                           CommentId after,
                                                                           int limit) {
    return Guarded([&]() -> Result<std::vector<service::LiveComment>> {
        auto conn = db_.Read();
        auto stmt = conn->Prepare(kCommentsAfter);
        stmt.BindAll(hoot.value, after.value, limit);
        std::vector<service::LiveComment> out;
        while (stmt.Step()) out.push_back({CommentId(stmt.Int(0)), ReadAuthor(stmt, 1)});
        return out;
    });
}

}  // namespace hoot::store::sqlite
