#include "domain/popularity.hpp"
#include "store/postgres/guard.hpp"
#include "store/postgres/stores.hpp"

namespace hoot::store::postgres {
namespace {

// Locks the hoot row: a moderator's delete waits for the comment (or the comment sees the
// delete), as SQLite's single writer orders them. NO KEY UPDATE, not UPDATE: the foreign-key
// checks of rows that reference the hoot (a notification, a follow) take KEY SHARE, which only
// FOR UPDATE blocks; blocking them let a comment and a notification fan-out deadlock.
constexpr std::string_view kLockLiveHoot =
    "SELECT 1 FROM hoots WHERE id = $1 AND deleted_at IS NULL FOR NO KEY UPDATE";
constexpr std::string_view kInsertPost = "INSERT INTO posts(kind) VALUES (2) RETURNING id";
constexpr std::string_view kInsertComment =
    "INSERT INTO comments(hoot_id, author_id, body_source, body_html, created_at, updated_at, "
    "best_score, id, body_text) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)";
constexpr std::string_view kInsertFirstRevision =
    "INSERT INTO revisions(post_id, number, author_id, created_at, body_source) "
    "VALUES ($1, 1, $2, $3, $4)";
constexpr std::string_view kCountCommentOnHoot =
    "UPDATE hoots SET comment_count = comment_count + 1 WHERE id = $1";
constexpr std::string_view kCountCommentOnAuthor =
    "UPDATE users SET comment_count = comment_count + 1 WHERE id = $1";

#define COMMENT_COLUMNS                                                                    \
    "SELECT c.id, c.hoot_id, c.body_source, c.body_html, c.created_at, c.positive, "       \
    "c.negative, u.id, u.username, u.display_name, c.revision, c.deleted_at IS NOT NULL, " \
    "c.body_text, u.avatar_hash "                                                          \
    "FROM comments c JOIN users u ON u.id = c.author_id "
constexpr std::string_view kFindComment =
    COMMENT_COLUMNS "WHERE c.id = $1 AND c.deleted_at IS NULL";
constexpr std::string_view kCommentsLatest =
    COMMENT_COLUMNS "WHERE c.hoot_id = $1 ORDER BY c.created_at DESC, c.id DESC LIMIT $2";
constexpr std::string_view kCommentsOldest =
    COMMENT_COLUMNS "WHERE c.hoot_id = $1 ORDER BY c.created_at, c.id LIMIT $2";
constexpr std::string_view kCommentsBest =
    COMMENT_COLUMNS "WHERE c.hoot_id = $1 ORDER BY c.best_score DESC, c.created_at, c.id LIMIT $2";
#undef COMMENT_COLUMNS

constexpr std::string_view kCommentsByAuthor =
    "SELECT c.id, c.hoot_id, h.title, h.slug, substr(c.body_text, 1, 240), c.created_at, "
    "c.positive, c.negative FROM comments c JOIN hoots h ON h.id = c.hoot_id "
    "WHERE c.author_id = $1 AND c.deleted_at IS NULL AND h.deleted_at IS NULL "
    "AND ($2::boolean OR (c.created_at, c.id) < ($3::bigint, $4::bigint)) "
    "ORDER BY c.created_at DESC, c.id DESC LIMIT $5";

Comment ReadComment(const Row& row) {
    Comment c;
    c.id = CommentId(row.Int(0));
    c.hoot_id = HootId(row.Int(1));
    c.body_source = row.Text(2);
    c.body_html = row.Text(3);
    c.created_at = row.Int(4);
    c.reactions = {row.Int(5), row.Int(6)};
    c.author = ReadAuthor(row, 7);
    c.revision = static_cast<int>(row.Int(10));
    c.deleted = row.Bool(11);
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

Result<CommentId> PgCommentStore::Create(const service::NewComment& comment) {
    return Guarded([&]() -> Result<CommentId> {
        auto conn = db_.Acquire();
        Transaction tx(*conn);
        if (conn->Query(kLockLiveHoot, comment.hoot.value).empty())
            return Error::Make(Errc::kNotFound, "That hoot does not exist.");
        CommentId id(conn->Query(kInsertPost)[0].Int(0));
        conn->Query(kInsertComment, comment.hoot.value, comment.author.value, comment.body_source,
                    comment.body_html, comment.created_at, comment.created_at,
                    BestScore(ReactionTally{}), id.value, comment.body_text);
        conn->Query(kInsertFirstRevision, id.value, comment.author.value, comment.created_at,
                    comment.body_source);
        conn->Query(kCountCommentOnHoot, comment.hoot.value);
        conn->Query(kCountCommentOnAuthor, comment.author.value);
        tx.Commit();
        return id;
    });
}

Result<std::optional<Comment>> PgCommentStore::Find(CommentId id) {
    return Guarded([&]() -> Result<std::optional<Comment>> {
        auto conn = db_.Acquire();
        auto rows = conn->Query(kFindComment, id.value);
        if (rows.empty()) return std::optional<Comment>();
        return std::optional<Comment>(ReadComment(rows[0]));
    });
}

Result<std::vector<Comment>> PgCommentStore::List(HootId hoot, CommentOrder order, int limit) {
    return Guarded([&]() -> Result<std::vector<Comment>> {
        auto conn = db_.Acquire();
        std::vector<Comment> comments;
        for (Row row : conn->Query(ListQuery(order), hoot.value, limit))
            comments.push_back(ReadComment(row));
        return comments;
    });
}

Result<std::vector<service::AuthoredComment>> PgCommentStore::ByAuthor(
    UserId author, std::optional<service::TimeCursor> after, int limit) {
    return Guarded([&]() -> Result<std::vector<service::AuthoredComment>> {
        auto conn = db_.Acquire();
        std::vector<service::AuthoredComment> comments;
        for (Row row : conn->Query(kCommentsByAuthor, author.value, !after,
                                   after ? after->created_at : 0, after ? after->id : 0, limit)) {
            service::AuthoredComment c;
            c.id = CommentId(row.Int(0));
            c.hoot = HootId(row.Int(1));
            c.hoot_title = row.Text(2);
            c.hoot_slug = row.Text(3);
            c.excerpt = row.Text(4);
            c.created_at = row.Int(5);
            c.reactions = {row.Int(6), row.Int(7)};
            comments.push_back(std::move(c));
        }
        return comments;
    });
}

}  // namespace hoot::store::postgres
