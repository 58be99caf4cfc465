#include "domain/popularity.hpp"
#include "store/sqlite/guard.hpp"
#include "store/sqlite/stores.hpp"

namespace hoot::store::sqlite {
namespace {

constexpr std::string_view kHootIsLive = "SELECT 1 FROM hoots WHERE id = ? AND deleted_at IS NULL";
constexpr std::string_view kInsertPost = "INSERT INTO posts(kind) VALUES (2)";
constexpr std::string_view kInsertComment =
    "INSERT INTO comments(hoot_id, author_id, body_source, body_html, created_at, updated_at, "
    "best_score, id, body_text) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
constexpr std::string_view kInsertFirstRevision =
    "INSERT INTO revisions(post_id, number, author_id, created_at, body_source) "
    "VALUES (?, 1, ?, ?, ?)";
constexpr std::string_view kCountCommentOnHoot =
    "UPDATE hoots SET comment_count = comment_count + 1 WHERE id = ?";
constexpr std::string_view kCountCommentOnAuthor =
    "UPDATE users SET comment_count = comment_count + 1 WHERE id = ?";

#define COMMENT_COLUMNS                                                                    \
    "SELECT c.id, c.hoot_id, c.body_source, c.body_html, c.created_at, c.positive, "       \
    "c.negative, u.id, u.username, u.display_name, c.revision, c.deleted_at IS NOT NULL, " \
    "c.body_text, u.avatar_hash "                                                          \
    "FROM comments c JOIN users u ON u.id = c.author_id "
constexpr std::string_view kFindComment = COMMENT_COLUMNS "WHERE c.id = ? AND c.deleted_at IS NULL";
constexpr std::string_view kCommentsLatest =
    COMMENT_COLUMNS "WHERE c.hoot_id = ? ORDER BY c.created_at DESC, c.id DESC LIMIT ?";
constexpr std::string_view kCommentsOldest =
    COMMENT_COLUMNS "WHERE c.hoot_id = ? ORDER BY c.created_at, c.id LIMIT ?";
constexpr std::string_view kCommentsBest =
    COMMENT_COLUMNS "WHERE c.hoot_id = ? ORDER BY c.best_score DESC, c.created_at, c.id LIMIT ?";
#undef COMMENT_COLUMNS

Comment ReadComment(const Stmt& row) {
    Comment c;
    c.id = CommentId(row.Int(0));
    c.hoot_id = HootId(row.Int(1));
    c.body_source = row.Text(2);
    c.body_html = row.Text(3);
    c.created_at = row.Int(4);
    c.reactions = {row.Int(5), row.Int(6)};
    c.author = ReadAuthor(row, 7);
    c.revision = static_cast<int>(row.Int(10));
    c.deleted = row.Int(11) != 0;
    c.body_text = row.Text(12);
    c.author.avatar_hash = row.Text(13);
    return c;
}

std::string_view ListQuery(CommentOrder order) {
    switch (order) {
        case CommentOrder::kLatest:
            return kCommentsLatest;
        case CommentOrder::kOldest:
            return kCommentsOldest;
        case CommentOrder::kBest:
            return kCommentsBest;
    }
    return kCommentsLatest;
}

}  // namespace

Result<CommentId> SqliteCommentStore::Create(const service::NewComment& comment) {
    return Guarded([&]() -> Result<CommentId> {
        auto conn = db_.Write();
        WriteTx tx(*conn);
        {
            auto live = conn->Prepare(kHootIsLive);
            live.Bind(1, comment.hoot.value);
            if (!live.Step()) return Error::Make(Errc::kNotFound, "That hoot does not exist.");
        }
        conn->Prepare(kInsertPost).Exec();
        CommentId id(conn->LastInsertId());
        conn->Prepare(kInsertComment)
            .BindAll(comment.hoot.value, comment.author.value,
                     std::string_view(comment.body_source), std::string_view(comment.body_html),
                     comment.created_at, comment.created_at, BestScore(ReactionTally{}), id.value,
                     std::string_view(comment.body_text))
            .Exec();
        conn->Prepare(kInsertFirstRevision)
            .BindAll(id.value, comment.author.value, comment.created_at,
                     std::string_view(comment.body_source))
            .Exec();
        conn->Prepare(kCountCommentOnHoot).Bind(1, comment.hoot.value).Exec();
        conn->Prepare(kCountCommentOnAuthor).Bind(1, comment.author.value).Exec();
        tx.Commit();
        return id;
    });
}

Result<std::optional<Comment>> SqliteCommentStore::Find(CommentId id) {
    return Guarded([&]() -> Result<std::optional<Comment>> {
        auto conn = db_.Read();
        auto stmt = conn->Prepare(kFindComment);
        stmt.Bind(1, id.value);
        if (!stmt.Step()) return std::optional<Comment>();
        return std::optional<Comment>(ReadComment(stmt));
    });
}

Result<std::vector<Comment>> SqliteCommentStore::List(HootId hoot, CommentOrder order, int limit) {
    return Guarded([&]() -> Result<std::vector<Comment>> {
        auto conn = db_.Read();
        auto stmt = conn->Prepare(ListQuery(order));
        stmt.BindAll(hoot.value, limit);
        std::vector<Comment> comments;
        while (stmt.Step()) comments.push_back(ReadComment(stmt));
        return comments;
    });
}

}  // namespace hoot::store::sqlite

namespace hoot::store::sqlite {
namespace {

constexpr std::string_view kCommentsByAuthor =
    "SELECT c.id, c.hoot_id, h.title, h.slug, substr(c.body_text, 1, 240), c.created_at, "
    "c.positive, c.negative FROM comments c JOIN hoots h ON h.id = c.hoot_id "
    "WHERE c.author_id = ?1 AND c.deleted_at IS NULL AND h.deleted_at IS NULL "
    "AND (?2 OR (c.created_at, c.id) < (?3, ?4)) ORDER BY c.created_at DESC, c.id DESC LIMIT ?5";

}  // namespace

Result<std::vector<service::AuthoredComment>> SqliteCommentStore::ByAuthor(
    UserId author, std::optional<service::TimeCursor> after, int limit) {
    return Guarded([&]() -> Result<std::vector<service::AuthoredComment>> {
        auto conn = db_.Read();
        auto stmt = conn->Prepare(kCommentsByAuthor);
        stmt.BindAll(author.value, after ? 0 : 1, after ? after->created_at : 0,
                     after ? after->id : 0, limit);
        std::vector<service::AuthoredComment> comments;
        while (stmt.Step()) {
            service::AuthoredComment c;
            c.id = CommentId(stmt.Int(0));
            c.hoot = HootId(stmt.Int(1));
            c.hoot_title = stmt.Text(2);
            c.hoot_slug = stmt.Text(3);
            c.excerpt = stmt.Text(4);
            c.created_at = stmt.Int(5);
            c.reactions = {stmt.Int(6), stmt.Int(7)};
            comments.push_back(std::move(c));
        }
        return comments;
    });
}

}  // namespace hoot::store::sqlite
