#include <algorithm>

#include "domain/popularity.hpp"
#include "store/postgres/guard.hpp"
#include "store/postgres/stores.hpp"

namespace hoot::store::postgres {
namespace {

constexpr std::string_view kFindPost =
    "SELECT p.id, p.kind, COALESCE(h.id, c.hoot_id), COALESCE(h.author_id, c.author_id), "
    "COALESCE(h.revision, c.revision), COALESCE(h.deleted_at, c.deleted_at) IS NOT NULL, "
    "(SELECT t.deleted_at IS NOT NULL FROM hoots t WHERE t.id = COALESCE(h.id, c.hoot_id)) "
    "FROM posts p LEFT JOIN hoots h ON h.id = p.id LEFT JOIN comments c ON c.id = p.id "
    "WHERE p.id = $1";
// Writers of one post take its posts row first: they follow each other as SQLite's single
// writer makes them, so an edit's revision check and a reaction's counts cannot interleave. A
// statement of its own: kFindPost after it reads with a snapshot taken once the lock is held
// (a locking read of the join would re-read the posts row alone and keep stale hoot/comment
// columns). NO KEY UPDATE leaves the foreign-key checks of rows that reference the post
// (notifications) unblocked, as in comment_store.cpp.
constexpr std::string_view kLockPost = "SELECT 1 FROM posts WHERE id = $1 FOR NO KEY UPDATE";

// The post ids of one page arrive as one array parameter, so one prepared statement serves any
// count.
constexpr std::string_view kUpdatesOf =
    "SELECT id, post_id, heading, body_source, body_html, created_at, body_text FROM post_updates "
    "WHERE post_id = ANY($1::bigint[]) ORDER BY post_id, id";
constexpr std::string_view kRepliesOf =
    "SELECT r.id, r.post_id, r.body, r.body_html, r.created_at, u.id, u.username, "
    "u.display_name FROM replies r JOIN users u ON u.id = r.author_id "
    "WHERE r.deleted_at IS NULL AND r.post_id = ANY($1::bigint[]) "
    "ORDER BY r.post_id, r.created_at, r.id";
constexpr std::string_view kCountsOf =
    "SELECT post_id, kind, count FROM reaction_counts "
    "WHERE post_id = ANY($1::bigint[]) AND count > 0";
constexpr std::string_view kMineOf =
    "SELECT post_id, kind FROM reactions WHERE user_id = $2 AND post_id = ANY($1::bigint[])";

constexpr std::string_view kInsertUpdate =
    "INSERT INTO post_updates(post_id, author_id, heading, body_source, body_html, created_at, "
    "body_text) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id";
constexpr std::string_view kInsertReply =
    "INSERT INTO replies(post_id, author_id, body, body_html, created_at) "
    "VALUES ($1, $2, $3, $4, $5) RETURNING id";

constexpr std::string_view kAddReaction =
    "INSERT INTO reactions(post_id, user_id, kind, created_at) VALUES ($1, $2, $3, $4) "
    "ON CONFLICT DO NOTHING";
constexpr std::string_view kRemoveReaction =
    "DELETE FROM reactions WHERE post_id = $1 AND user_id = $2 AND kind = $3";
constexpr std::string_view kBumpReactionCount =
    "INSERT INTO reaction_counts(post_id, kind, count) VALUES ($1, $2, $3) "
    "ON CONFLICT(post_id, kind) DO UPDATE SET count = reaction_counts.count + $3";
constexpr std::string_view kBumpHootTally =
    "UPDATE hoots SET positive = positive + $2, negative = negative + $3 WHERE id = $1";
constexpr std::string_view kBumpCommentTally =
    "UPDATE comments SET positive = positive + $2, negative = negative + $3 WHERE id = $1";
constexpr std::string_view kHootTally = "SELECT positive, negative FROM hoots WHERE id = $1";
constexpr std::string_view kCommentTally = "SELECT positive, negative FROM comments WHERE id = $1";
constexpr std::string_view kSetBestScore = "UPDATE comments SET best_score = $1 WHERE id = $2";
constexpr std::string_view kCountsOfOne =
    "SELECT kind, count FROM reaction_counts WHERE post_id = $1";
constexpr std::string_view kMineOfOne =
    "SELECT kind FROM reactions WHERE post_id = $1 AND user_id = $2";

constexpr std::string_view kInsertRevision =
    "INSERT INTO revisions(post_id, number, author_id, created_at, title, tags, body_source) "
    "VALUES ($1, $2, $3, $4, $5, $6, $7)";
constexpr std::string_view kEditHoot =
    "UPDATE hoots SET title = $2, slug = $3, body_source = $4, body_html = $5, excerpt = $6, "
    "tags = $7, updated_at = $8, revision = $9, body_text = $10 WHERE id = $1";
constexpr std::string_view kDropHootTags = "DELETE FROM hoot_tags WHERE hoot_id = $1";
constexpr std::string_view kInsertHootTag = "INSERT INTO hoot_tags(hoot_id, tag) VALUES ($1, $2)";
constexpr std::string_view kEditComment =
    "UPDATE comments SET body_source = $2, body_html = $3, updated_at = $4, revision = $5, "
    "body_text = $6 WHERE id = $1";
constexpr std::string_view kRevisionsOf =
    "SELECT r.number, r.created_at, r.title, r.tags, r.body_source, u.id, u.username, "
    "u.display_name FROM revisions r JOIN users u ON u.id = r.author_id WHERE r.post_id = $1 "
    "ORDER BY r.number";

constexpr std::string_view kSetHootDeleted = "UPDATE hoots SET deleted_at = $1 WHERE id = $2";
constexpr std::string_view kSetCommentDeleted = "UPDATE comments SET deleted_at = $1 WHERE id = $2";
constexpr std::string_view kBumpUserHoots =
    "UPDATE users SET hoot_count = hoot_count + $1 WHERE id = $2";
constexpr std::string_view kBumpUserComments =
    "UPDATE users SET comment_count = comment_count + $1 WHERE id = $2";
constexpr std::string_view kBumpThreadComments =
    "UPDATE hoots SET comment_count = comment_count + $2, "
    "deleted_comment_count = deleted_comment_count - $2 WHERE id = $1";

// A PostgreSQL array literal: {1,2,3}.
std::string IdsArray(const std::vector<PostId>& posts) {
    std::string array = "{";
    for (std::size_t i = 0; i < posts.size(); ++i) {
        if (i) array += ',';
        array += std::to_string(posts[i].value);
    }
    array += '}';
    return array;
}

std::optional<service::PostRef> ReadPostRef(Connection& conn, PostId id, bool lock = false) {
    if (lock && conn.Query(kLockPost, id.value).empty()) return std::nullopt;
    auto rows = conn.Query(kFindPost, id.value);
    if (rows.empty() || rows[0].IsNull(2)) return std::nullopt;
    Row row = rows[0];
    service::PostRef ref;
    ref.id = PostId(row.Int(0));
    ref.kind = static_cast<PostKind>(row.Int(1));
    ref.hoot = HootId(row.Int(2));
    ref.author = UserId(row.Int(3));
    ref.revision = static_cast<int>(row.Int(4));
    ref.deleted = row.Bool(5);
    ref.hoot_deleted = row.Bool(6);
    return ref;
}

Error NoSuchPost() { return Error::Make(Errc::kNotFound, "That post does not exist."); }

ReactionBreakdown& BreakdownFor(service::PostExtras& extras, PostId post) {
    for (auto& [id, breakdown] : extras.breakdowns)
        if (id == post) return breakdown;
    return extras.breakdowns.emplace_back(post, ReactionBreakdown{}).second;
}

bool ValidKindIndex(std::int64_t kind) {
    return kind >= 0 && kind < static_cast<std::int64_t>(kReactionKindCount);
}

}  // namespace

Result<std::optional<service::PostRef>> PgPostStore::Find(PostId id) {
    return Guarded([&]() -> Result<std::optional<service::PostRef>> {
        auto conn = db_.Acquire();
        return ReadPostRef(*conn, id);
    });
}

Result<service::PostExtras> PgPostStore::Extras(const std::vector<PostId>& posts,
                                                std::optional<UserId> viewer) {
    return Guarded([&]() -> Result<service::PostExtras> {
        service::PostExtras extras;
        if (posts.empty()) return extras;
        const std::string ids = IdsArray(posts);
        auto conn = db_.Acquire();
        // One snapshot for the four reads, as SQLite's read transaction gives one.
        Transaction tx(*conn, Transaction::Isolation::kRepeatableRead);
        for (Row row : conn->Query(kUpdatesOf, ids))
            extras.updates.push_back({UpdateId(row.Int(0)), PostId(row.Int(1)), row.Text(2),
                                      row.Text(3), row.Text(4), row.Int(5), row.Text(6)});
        for (Row row : conn->Query(kRepliesOf, ids))
            extras.replies.push_back({ReplyId(row.Int(0)), PostId(row.Int(1)), ReadAuthor(row, 5),
                                      row.Text(2), row.Text(3), row.Int(4)});
        for (Row row : conn->Query(kCountsOf, ids)) {
            if (!ValidKindIndex(row.Int(1))) continue;
            BreakdownFor(extras, PostId(row.Int(0))).counts[row.Int(1)] = row.Int(2);
        }
        if (viewer) {
            for (Row row : conn->Query(kMineOf, ids, viewer->value)) {
                if (!ValidKindIndex(row.Int(1))) continue;
                BreakdownFor(extras, PostId(row.Int(0))).mine[row.Int(1)] = true;
            }
        }
        tx.Commit();
        return extras;
    });
}

Result<UpdateId> PgPostStore::AddUpdate(const service::NewUpdate& update) {
    return Guarded([&]() -> Result<UpdateId> {
        auto conn = db_.Acquire();
        auto rows =
            conn->Query(kInsertUpdate, update.post.value, update.author.value, update.heading,
                        update.body_source, update.body_html, update.created_at, update.body_text);
        return UpdateId(rows[0].Int(0));
    });
}

Result<ReplyId> PgPostStore::AddReply(const service::NewReply& reply) {
    return Guarded([&]() -> Result<ReplyId> {
        auto conn = db_.Acquire();
        auto rows = conn->Query(kInsertReply, reply.post.value, reply.author.value, reply.body,
                                reply.body_html, reply.created_at);
        return ReplyId(rows[0].Int(0));
    });
}

Result<service::ReactionState> PgPostStore::SetReaction(PostId post, UserId user, ReactionKind kind,
                                                        bool present, UnixSeconds now) {
    return Guarded([&]() -> Result<service::ReactionState> {
        auto conn = db_.Acquire();
        Transaction tx(*conn);
        auto ref = ReadPostRef(*conn, post, true);
        if (!ref) return NoSuchPost();
        const auto kind_index = static_cast<std::int64_t>(kind);
        auto changed = present ? conn->Query(kAddReaction, post.value, user.value, kind_index, now)
                               : conn->Query(kRemoveReaction, post.value, user.value, kind_index);
        const bool is_hoot = ref->kind == PostKind::kHoot;
        if (changed.Affected() == 1) {
            const std::int64_t delta = present ? 1 : -1;
            const bool positive = InfoOf(kind).sign > 0;
            conn->Query(kBumpReactionCount, post.value, kind_index, delta);
            conn->Query(is_hoot ? kBumpHootTally : kBumpCommentTally, post.value,
                        positive ? delta : 0, positive ? 0 : delta);
        }
        service::ReactionState state;
        if (auto tally = conn->Query(is_hoot ? kHootTally : kCommentTally, post.value);
            !tally.empty())
            state.tally = {tally[0].Int(0), tally[0].Int(1)};
        if (!is_hoot) conn->Query(kSetBestScore, BestScore(state.tally), post.value);
        for (Row row : conn->Query(kCountsOfOne, post.value))
            if (ValidKindIndex(row.Int(0))) state.breakdown.counts[row.Int(0)] = row.Int(1);
        for (Row row : conn->Query(kMineOfOne, post.value, user.value))
            if (ValidKindIndex(row.Int(0))) state.breakdown.mine[row.Int(0)] = true;
        tx.Commit();
        return state;
    });
}

Result<int> PgPostStore::Edit(const service::PostEdit& edit) {
    return Guarded([&]() -> Result<int> {
        auto conn = db_.Acquire();
        Transaction tx(*conn);
        auto ref = ReadPostRef(*conn, edit.post, true);
        if (!ref) return NoSuchPost();
        if (ref->revision != edit.base_revision)
            return Error::Make(Errc::kConflict,
                               "Someone else saved a newer version while you were editing.");
        const int number = ref->revision + 1;
        const bool is_hoot = ref->kind == PostKind::kHoot;
        const std::string tags = is_hoot ? JoinTags(edit.tags) : std::string();
        conn->Query(kInsertRevision, edit.post.value, number, edit.editor.value, edit.edited_at,
                    is_hoot ? edit.title : std::string(), tags, edit.body_source);
        if (is_hoot) {
            conn->Query(kEditHoot, edit.post.value, edit.title, edit.slug, edit.body_source,
                        edit.body_html, edit.excerpt, tags, edit.edited_at, number, edit.body_text);
            conn->Query(kDropHootTags, edit.post.value);
            // Sorted, as in PgHootStore::Create: tag_counts rows locked in one order.
            std::vector<std::string> sorted = edit.tags;
            std::sort(sorted.begin(), sorted.end());
            for (const auto& tag : sorted) conn->Query(kInsertHootTag, edit.post.value, tag);
        } else {
            conn->Query(kEditComment, edit.post.value, edit.body_source, edit.body_html,
                        edit.edited_at, number, edit.body_text);
        }
        tx.Commit();
        return number;
    });
}

Result<std::vector<Revision>> PgPostStore::Revisions(PostId post) {
    return Guarded([&]() -> Result<std::vector<Revision>> {
        auto conn = db_.Acquire();
        std::vector<Revision> revisions;
        for (Row row : conn->Query(kRevisionsOf, post.value)) {
            Revision revision;
            revision.number = static_cast<int>(row.Int(0));
            revision.post = post;
            revision.created_at = row.Int(1);
            revision.title = row.Text(2);
            revision.tags = SplitTags(row.TextView(3));
            revision.body_source = row.Text(4);
            revision.author = ReadAuthor(row, 5);
            revisions.push_back(std::move(revision));
        }
        return revisions;
    });
}

Status PgPostStore::SetDeleted(PostId post, bool deleted, UnixSeconds now) {
    return Guarded([&]() -> Status {
        auto conn = db_.Acquire();
        Transaction tx(*conn);
        auto ref = ReadPostRef(*conn, post, true);
        if (!ref) return NoSuchPost();
        if (ref->deleted == deleted) return OkStatus();
        const std::int64_t live_delta = deleted ? -1 : 1;
        std::optional<UnixSeconds> deleted_at;
        if (deleted) deleted_at = now;
        if (ref->kind == PostKind::kHoot) {
            conn->Query(kSetHootDeleted, deleted_at, post.value);
            conn->Query(kBumpUserHoots, live_delta, ref->author.value);
        } else {
            conn->Query(kSetCommentDeleted, deleted_at, post.value);
            // The thread before the author: the order PgCommentStore::Create locks them in.
            conn->Query(kBumpThreadComments, ref->hoot.value, live_delta);
            conn->Query(kBumpUserComments, live_delta, ref->author.value);
        }
        tx.Commit();
        return OkStatus();
    });
}

}  // namespace hoot::store::postgres
