#include "domain/popularity.hpp"
#include "store/sqlite/guard.hpp"
#include "store/sqlite/stores.hpp"

namespace hoot::store::sqlite {
namespace {

constexpr std::string_view kFindPost =
    "SELECT p.id, p.kind, COALESCE(h.id, c.hoot_id), COALESCE(h.author_id, c.author_id), "
    "COALESCE(h.revision, c.revision), COALESCE(h.deleted_at, c.deleted_at) IS NOT NULL, "
    "(SELECT t.deleted_at IS NOT NULL FROM hoots t WHERE t.id = COALESCE(h.id, c.hoot_id)) "
    "FROM posts p LEFT JOIN hoots h ON h.id = p.id LEFT JOIN comments c ON c.id = p.id "
    "WHERE p.id = ?";

// The post ids of one page arrive as a JSON array, so one prepared statement serves any count.
constexpr std::string_view kUpdatesOf =
    "SELECT id, post_id, heading, body_source, body_html, created_at, body_text FROM post_updates "
    "WHERE post_id IN (SELECT value FROM json_each(?1)) ORDER BY post_id, id";
constexpr std::string_view kRepliesOf =
    "SELECT r.id, r.post_id, r.body, r.body_html, r.created_at, u.id, u.username, "
    "u.display_name FROM replies r JOIN users u ON u.id = r.author_id "
    "WHERE r.deleted_at IS NULL AND r.post_id IN (SELECT value FROM json_each(?1)) "
    "ORDER BY r.post_id, r.created_at, r.id";
constexpr std::string_view kCountsOf =
    "SELECT post_id, kind, count FROM reaction_counts "
    "WHERE post_id IN (SELECT value FROM json_each(?1)) AND count > 0";
constexpr std::string_view kMineOf =
    "SELECT post_id, kind FROM reactions "
    "WHERE user_id = ?2 AND post_id IN (SELECT value FROM json_each(?1))";

constexpr std::string_view kInsertUpdate =
    "INSERT INTO post_updates(post_id, author_id, heading, body_source, body_html, created_at, "
    "body_text) VALUES (?, ?, ?, ?, ?, ?, ?)";
constexpr std::string_view kInsertReply =
    "INSERT INTO replies(post_id, author_id, body, body_html, created_at) VALUES (?, ?, ?, ?, ?)";

constexpr std::string_view kAddReaction =
    "INSERT OR IGNORE INTO reactions(post_id, user_id, kind, created_at) VALUES (?, ?, ?, ?)";
constexpr std::string_view kRemoveReaction =
    "DELETE FROM reactions WHERE post_id = ? AND user_id = ? AND kind = ?";
constexpr std::string_view kBumpReactionCount =
    "INSERT INTO reaction_counts(post_id, kind, count) VALUES (?1, ?2, ?3) "
    "ON CONFLICT(post_id, kind) DO UPDATE SET count = count + ?3";
constexpr std::string_view kBumpHootTally =
    "UPDATE hoots SET positive = positive + ?2, negative = negative + ?3 WHERE id = ?1";
constexpr std::string_view kBumpCommentTally =
    "UPDATE comments SET positive = positive + ?2, negative = negative + ?3 WHERE id = ?1";
constexpr std::string_view kHootTally = "SELECT positive, negative FROM hoots WHERE id = ?";
constexpr std::string_view kCommentTally = "SELECT positive, negative FROM comments WHERE id = ?";
constexpr std::string_view kSetBestScore = "UPDATE comments SET best_score = ? WHERE id = ?";
constexpr std::string_view kCountsOfOne =
    "SELECT kind, count FROM reaction_counts WHERE post_id = ?";
constexpr std::string_view kMineOfOne =
    "SELECT kind FROM reactions WHERE post_id = ? AND user_id = ?";

constexpr std::string_view kInsertRevision =
    "INSERT INTO revisions(post_id, number, author_id, created_at, title, tags, body_source) "
    "VALUES (?, ?, ?, ?, ?, ?, ?)";
constexpr std::string_view kEditHoot =
    "UPDATE hoots SET title = ?2, slug = ?3, body_source = ?4, body_html = ?5, excerpt = ?6, "
    "tags = ?7, updated_at = ?8, revision = ?9, body_text = ?10 WHERE id = ?1";
constexpr std::string_view kDropHootTags = "DELETE FROM hoot_tags WHERE hoot_id = ?";
constexpr std::string_view kInsertHootTag = "INSERT INTO hoot_tags(hoot_id, tag) VALUES (?, ?)";
constexpr std::string_view kEditComment =
    "UPDATE comments SET body_source = ?2, body_html = ?3, updated_at = ?4, revision = ?5, "
    "body_text = ?6 WHERE id = ?1";
constexpr std::string_view kRevisionsOf =
    "SELECT r.number, r.created_at, r.title, r.tags, r.body_source, u.id, u.username, "
    "u.display_name FROM revisions r JOIN users u ON u.id = r.author_id WHERE r.post_id = ? "
    "ORDER BY r.number";

constexpr std::string_view kSetHootDeleted = "UPDATE hoots SET deleted_at = ? WHERE id = ?";
constexpr std::string_view kSetCommentDeleted = "UPDATE comments SET deleted_at = ? WHERE id = ?";
constexpr std::string_view kBumpUserHoots =
    "UPDATE users SET hoot_count = hoot_count + ? WHERE id = ?";
constexpr std::string_view kBumpUserComments =
    "UPDATE users SET comment_count = comment_count + ? WHERE id = ?";
constexpr std::string_view kBumpThreadComments =
    "UPDATE hoots SET comment_count = comment_count + ?2, "
    "deleted_comment_count = deleted_comment_count - ?2 WHERE id = ?1";

std::string IdsJson(const std::vector<PostId>& posts) {
    std::string json = "[";
    for (std::size_t i = 0; i < posts.size(); ++i) {
        if (i) json += ',';
        json += std::to_string(posts[i].value);
    }
    json += ']';
    return json;
}

std::optional<service::PostRef> ReadPostRef(Connection& conn, PostId id) {
    auto stmt = conn.Prepare(kFindPost);
    stmt.Bind(1, id.value);
    if (!stmt.Step() || stmt.IsNull(2)) return std::nullopt;
    service::PostRef ref;
    ref.id = PostId(stmt.Int(0));
    ref.kind = static_cast<PostKind>(stmt.Int(1));
    ref.hoot = HootId(stmt.Int(2));
    ref.author = UserId(stmt.Int(3));
    ref.revision = static_cast<int>(stmt.Int(4));
    ref.deleted = stmt.Int(5) != 0;
    ref.hoot_deleted = stmt.Int(6) != 0;
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

Result<std::optional<service::PostRef>> SqlitePostStore::Find(PostId id) {
    return Guarded([&]() -> Result<std::optional<service::PostRef>> {
        auto conn = db_.Read();
        return ReadPostRef(*conn, id);
    });
}

Result<service::PostExtras> SqlitePostStore::Extras(const std::vector<PostId>& posts,
                                                    std::optional<UserId> viewer) {
    return Guarded([&]() -> Result<service::PostExtras> {
        service::PostExtras extras;
        if (posts.empty()) return extras;
        std::string ids = IdsJson(posts);
        auto conn = db_.Read();
        {
            auto stmt = conn->Prepare(kUpdatesOf);
            stmt.Bind(1, std::string_view(ids));
            while (stmt.Step())
                extras.updates.push_back({UpdateId(stmt.Int(0)), PostId(stmt.Int(1)), stmt.Text(2),
                                          stmt.Text(3), stmt.Text(4), stmt.Int(5), stmt.Text(6)});
        }
        {
            auto stmt = conn->Prepare(kRepliesOf);
            stmt.Bind(1, std::string_view(ids));
            while (stmt.Step())
                extras.replies.push_back({ReplyId(stmt.Int(0)), PostId(stmt.Int(1)),
                                          ReadAuthor(stmt, 5), stmt.Text(2), stmt.Text(3),
                                          stmt.Int(4)});
        }
        {
            auto stmt = conn->Prepare(kCountsOf);
            stmt.Bind(1, std::string_view(ids));
            while (stmt.Step()) {
                if (!ValidKindIndex(stmt.Int(1))) continue;
                BreakdownFor(extras, PostId(stmt.Int(0))).counts[stmt.Int(1)] = stmt.Int(2);
            }
        }
        if (viewer) {
            auto stmt = conn->Prepare(kMineOf);
            stmt.BindAll(std::string_view(ids), viewer->value);
            while (stmt.Step()) {
                if (!ValidKindIndex(stmt.Int(1))) continue;
                BreakdownFor(extras, PostId(stmt.Int(0))).mine[stmt.Int(1)] = true;
            }
        }
        return extras;
    });
}

Result<UpdateId> SqlitePostStore::AddUpdate(const service::NewUpdate& update) {
    return Guarded([&]() -> Result<UpdateId> {
        auto conn = db_.Write();
        conn->Prepare(kInsertUpdate)
            .BindAll(update.post.value, update.author.value, std::string_view(update.heading),
                     std::string_view(update.body_source), std::string_view(update.body_html),
                     update.created_at, std::string_view(update.body_text))
            .Exec();
        return UpdateId(conn->LastInsertId());
    });
}

Result<ReplyId> SqlitePostStore::AddReply(const service::NewReply& reply) {
    return Guarded([&]() -> Result<ReplyId> {
        auto conn = db_.Write();
        conn->Prepare(kInsertReply)
            .BindAll(reply.post.value, reply.author.value, std::string_view(reply.body),
                     std::string_view(reply.body_html), reply.created_at)
            .Exec();
        return ReplyId(conn->LastInsertId());
    });
}

Result<service::ReactionState> SqlitePostStore::SetReaction(PostId post, UserId user,
                                                            ReactionKind kind, bool present,
                                                            UnixSeconds now) {
    return Guarded([&]() -> Result<service::ReactionState> {
        auto conn = db_.Write();
        WriteTx tx(*conn);
        auto ref = ReadPostRef(*conn, post);
        if (!ref) return NoSuchPost();
        const auto kind_index = static_cast<std::int64_t>(kind);
        if (present)
            conn->Prepare(kAddReaction).BindAll(post.value, user.value, kind_index, now).Exec();
        else
            conn->Prepare(kRemoveReaction).BindAll(post.value, user.value, kind_index).Exec();
        const bool is_hoot = ref->kind == PostKind::kHoot;
        if (conn->Changes() == 1) {
            const std::int64_t delta = present ? 1 : -1;
            const bool positive = InfoOf(kind).sign > 0;
            conn->Prepare(kBumpReactionCount).BindAll(post.value, kind_index, delta).Exec();
            conn->Prepare(is_hoot ? kBumpHootTally : kBumpCommentTally)
                .BindAll(post.value, positive ? delta : 0, positive ? 0 : delta)
                .Exec();
        }
        service::ReactionState state;
        {
            auto stmt = conn->Prepare(is_hoot ? kHootTally : kCommentTally);
            stmt.Bind(1, post.value);
            if (stmt.Step()) state.tally = {stmt.Int(0), stmt.Int(1)};
        }
        if (!is_hoot)
            conn->Prepare(kSetBestScore).BindAll(BestScore(state.tally), post.value).Exec();
        {
            auto stmt = conn->Prepare(kCountsOfOne);
            stmt.Bind(1, post.value);
            while (stmt.Step())
                if (ValidKindIndex(stmt.Int(0))) state.breakdown.counts[stmt.Int(0)] = stmt.Int(1);
        }
        {
            auto stmt = conn->Prepare(kMineOfOne);
            stmt.BindAll(post.value, user.value);
            while (stmt.Step())
                if (ValidKindIndex(stmt.Int(0))) state.breakdown.mine[stmt.Int(0)] = true;
        }
        tx.Commit();
        return state;
    });
}

Result<int> SqlitePostStore::Edit(const service::PostEdit& edit) {
    return Guarded([&]() -> Result<int> {
        auto conn = db_.Write();
        WriteTx tx(*conn);
        auto ref = ReadPostRef(*conn, edit.post);
        if (!ref) return NoSuchPost();
        if (ref->revision != edit.base_revision)
            return Error::Make(Errc::kConflict,
                               "Someone else saved a newer version while you were editing.");
        const int number = ref->revision + 1;
        const bool is_hoot = ref->kind == PostKind::kHoot;
        const std::string tags = is_hoot ? JoinTags(edit.tags) : std::string();
        conn->Prepare(kInsertRevision)
            .BindAll(edit.post.value, number, edit.editor.value, edit.edited_at,
                     std::string_view(is_hoot ? edit.title : std::string()), std::string_view(tags),
                     std::string_view(edit.body_source))
            .Exec();
        if (is_hoot) {
            conn->Prepare(kEditHoot)
                .BindAll(edit.post.value, std::string_view(edit.title), std::string_view(edit.slug),
                         std::string_view(edit.body_source), std::string_view(edit.body_html),
                         std::string_view(edit.excerpt), std::string_view(tags), edit.edited_at,
                         number, std::string_view(edit.body_text))
                .Exec();
            conn->Prepare(kDropHootTags).Bind(1, edit.post.value).Exec();
            for (const auto& tag : edit.tags)
                conn->Prepare(kInsertHootTag)
                    .BindAll(edit.post.value, std::string_view(tag))
                    .Exec();
        } else {
            conn->Prepare(kEditComment)
                .BindAll(edit.post.value, std::string_view(edit.body_source),
                         std::string_view(edit.body_html), edit.edited_at, number,
                         std::string_view(edit.body_text))
                .Exec();
        }
        tx.Commit();
        return number;
    });
}

Result<std::vector<Revision>> SqlitePostStore::Revisions(PostId post) {
    return Guarded([&]() -> Result<std::vector<Revision>> {
        auto conn = db_.Read();
        auto stmt = conn->Prepare(kRevisionsOf);
        stmt.Bind(1, post.value);
        std::vector<Revision> revisions;
        while (stmt.Step()) {
            Revision revision;
            revision.number = static_cast<int>(stmt.Int(0));
            revision.post = post;
            revision.created_at = stmt.Int(1);
            revision.title = stmt.Text(2);
            revision.tags = SplitTags(stmt.TextView(3));
            revision.body_source = stmt.Text(4);
            revision.author = ReadAuthor(stmt, 5);
            revisions.push_back(std::move(revision));
        }
        return revisions;
    });
}

Status SqlitePostStore::SetDeleted(PostId post, bool deleted, UnixSeconds now) {
    return Guarded([&]() -> Status {
        auto conn = db_.Write();
        WriteTx tx(*conn);
        auto ref = ReadPostRef(*conn, post);
        if (!ref) return NoSuchPost();
        if (ref->deleted == deleted) return OkStatus();
        const std::int64_t live_delta = deleted ? -1 : 1;
        auto stmt =
            conn->Prepare(ref->kind == PostKind::kHoot ? kSetHootDeleted : kSetCommentDeleted);
        if (deleted)
            stmt.Bind(1, now);
        else
            stmt.BindNull(1);
        stmt.Bind(2, post.value).Exec();
        if (ref->kind == PostKind::kHoot) {
            conn->Prepare(kBumpUserHoots).BindAll(live_delta, ref->author.value).Exec();
        } else {
            conn->Prepare(kBumpUserComments).BindAll(live_delta, ref->author.value).Exec();
            conn->Prepare(kBumpThreadComments).BindAll(ref->hoot.value, live_delta).Exec();
        }
        tx.Commit();
        return OkStatus();
    });
}

}  // namespace hoot::store::sqlite
