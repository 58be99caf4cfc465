// The PostgreSQL side of a Stack Exchange import: every write of an import in one transaction on
// one connection, row by row through prepared statements. The twin of
// store/sqlite/import_store.cpp (same statements, translated); change the two together. SQLite's
// bulk mode (indexes and triggers dropped for a large first import) is not done here: PostgreSQL
// keeps its indexes and triggers in step row by row.

#include "store/postgres/import_store.hpp"

#include <algorithm>
#include <cctype>

#include "domain/popularity.hpp"
#include "store/postgres/guard.hpp"

namespace hoot::store::postgres {
namespace {

enum MapKind : int { kMapUser = 1, kMapPost = 2, kMapReply = 3 };

// One import of a site at a time: the second waits for the first's transaction to end. The class
// key keeps these locks apart from other advisory locks ("Hoot" in ASCII).
constexpr std::string_view kLockSite = "SELECT pg_advisory_xact_lock(1215262580, hashtext($1))";

constexpr std::string_view kFindMapped =
    "SELECT local_id FROM import_map WHERE site = $1 AND kind = $2 AND source_id = $3";
constexpr std::string_view kInsertMapped =
    "INSERT INTO import_map(site, kind, source_id, local_id) VALUES ($1, $2, $3, $4)";

constexpr std::string_view kFindUserByKey = "SELECT id FROM users WHERE username_key = $1";
constexpr std::string_view kInsertUser =
    "INSERT INTO users(username, username_key, password_hash, display_name, bio_source, bio_html, "
    "created_at) VALUES ($1, $2, NULL, $3, $4, $5, $6) RETURNING id";
constexpr std::string_view kUpdateUser =
    "UPDATE users SET display_name = $2, bio_source = $3, bio_html = $4, created_at = $5 "
    "WHERE id = $1";
constexpr std::string_view kPutImportedUser =
    "INSERT INTO imported_users(user_id, site, source_id, location, website, reputation) "
    "VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT(user_id) DO UPDATE SET "
    "location = EXCLUDED.location, website = EXCLUDED.website, reputation = EXCLUDED.reputation";

constexpr std::string_view kInsertPost = "INSERT INTO posts(kind) VALUES ($1) RETURNING id";
// A reserved post is a comment (kind 2) until PutPost says it is a hoot.
constexpr std::string_view kSetPostKind = "UPDATE posts SET kind = $2 WHERE id = $1";
// A reserved post that Posts.xml did not have: only while no hoot or comment row is its.
constexpr std::string_view kDropReservedRevisions =
    "DELETE FROM revisions WHERE post_id = $1 AND NOT EXISTS (SELECT 1 FROM hoots WHERE id = $1) "
    "AND NOT EXISTS (SELECT 1 FROM comments WHERE id = $1)";
constexpr std::string_view kDropReservedPost =
    "DELETE FROM posts WHERE id = $1 AND NOT EXISTS (SELECT 1 FROM hoots WHERE id = $1) "
    "AND NOT EXISTS (SELECT 1 FROM comments WHERE id = $1)";
constexpr std::string_view kInsertHoot =
    "INSERT INTO hoots(id, author_id, title, slug, body_source, body_html, body_text, excerpt, "
    "tags, created_at, updated_at, positive, negative) "
    "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)";
constexpr std::string_view kUpdateHoot =
    "UPDATE hoots SET author_id = $2, title = $3, slug = $4, body_source = $5, body_html = $6, "
    "body_text = $7, excerpt = $8, tags = $9, created_at = $10, updated_at = $11 WHERE id = $1";
constexpr std::string_view kDropHootTags = "DELETE FROM hoot_tags WHERE hoot_id = $1";
constexpr std::string_view kInsertHootTag =
    "INSERT INTO hoot_tags(hoot_id, tag) VALUES ($1, $2) ON CONFLICT DO NOTHING";
constexpr std::string_view kInsertComment =
    "INSERT INTO comments(id, hoot_id, author_id, body_source, body_html, body_text, created_at, "
    "updated_at, positive, negative, best_score) "
    "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)";
constexpr std::string_view kUpdateComment =
    "UPDATE comments SET hoot_id = $2, author_id = $3, body_source = $4, body_html = $5, "
    "body_text = $6, created_at = $7, updated_at = $8 WHERE id = $1";
constexpr std::string_view kPutImportedPost =
    "INSERT INTO imported_posts(post_id, site, source_id, license, author_name, author_source_id, "
    "accepted_source_id, closed_at, up_votes, down_votes) "
    "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) "
    "ON CONFLICT(post_id) DO UPDATE SET license = $4, author_name = $5, author_source_id = $6, "
    "accepted_source_id = $7, closed_at = $8, close_reason = '', locked = 0, "
    "up_votes = CASE WHEN $11::boolean THEN $9 ELSE imported_posts.up_votes END, "
    "down_votes = CASE WHEN $11::boolean THEN $10 ELSE imported_posts.down_votes END";

constexpr std::string_view kPutRevision =
    "INSERT INTO revisions(post_id, number, author_id, created_at, title, tags, body_source) "
    "VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT(post_id, number) DO UPDATE SET "
    "author_id = $3, created_at = $4, title = $5, tags = $6, body_source = $7";
constexpr std::string_view kRevisionAt =
    "SELECT number, author_id, created_at, title, tags, body_source FROM revisions "
    "WHERE post_id = $1 AND number = $2";

constexpr std::string_view kInsertReply =
    "INSERT INTO replies(post_id, author_id, body, body_html, created_at) "
    "VALUES ($1, $2, $3, $4, $5) RETURNING id";
constexpr std::string_view kUpdateReply =
    "UPDATE replies SET post_id = $2, author_id = $3, body = $4, body_html = $5, created_at = $6 "
    "WHERE id = $1";

constexpr std::string_view kSetClosed =
    "UPDATE imported_posts SET closed_at = $2, close_reason = $3 WHERE post_id = $1";
constexpr std::string_view kSetLocked = "UPDATE imported_posts SET locked = $2 WHERE post_id = $1";

// A re-import replaces the votes the earlier import added (imported_posts still holds them).
constexpr std::string_view kRevoteHoot =
    "UPDATE hoots SET positive = positive - i.up_votes + $2, "
    "negative = negative - i.down_votes + $3 FROM imported_posts i "
    "WHERE i.post_id = hoots.id AND hoots.id = $1";
constexpr std::string_view kRevoteComment =
    "UPDATE comments SET positive = positive - i.up_votes + $2, "
    "negative = negative - i.down_votes + $3 FROM imported_posts i "
    "WHERE i.post_id = comments.id AND comments.id = $1 RETURNING positive, negative";
constexpr std::string_view kSetBestScore = "UPDATE comments SET best_score = $1 WHERE id = $2";

constexpr std::string_view kPutLink =
    "INSERT INTO imported_links(hoot_id, target_id) VALUES ($1, $2) ON CONFLICT DO NOTHING";
constexpr std::string_view kPutTagExcerpt =
    "INSERT INTO tag_excerpts(site, tag, excerpt) VALUES ($1, $2, $3) "
    "ON CONFLICT(site, tag) DO UPDATE SET excerpt = EXCLUDED.excerpt";

constexpr std::string_view kFirstRevisionOfHoots =
    "INSERT INTO revisions(post_id, number, author_id, created_at, title, tags, body_source) "
    "SELECT h.id, 1, h.author_id, h.created_at, h.title, h.tags, h.body_source FROM hoots h "
    "JOIN imported_posts i ON i.post_id = h.id AND i.site = $1 "
    "WHERE NOT EXISTS (SELECT 1 FROM revisions r WHERE r.post_id = h.id)";
constexpr std::string_view kFirstRevisionOfComments =
    "INSERT INTO revisions(post_id, number, author_id, created_at, body_source) "
    "SELECT c.id, 1, c.author_id, c.created_at, c.body_source FROM comments c "
    "JOIN imported_posts i ON i.post_id = c.id AND i.site = $1 "
    "WHERE NOT EXISTS (SELECT 1 FROM revisions r WHERE r.post_id = c.id)";
// Each post's current text and revision number follow its latest revision (PutPost writes the
// text the importer converted; ImportedPost::latest_revision is met here, in one pass). PostgreSQL
// plans the UPDATE … FROM (… GROUP BY) as a join.
constexpr std::string_view kFollowHistoryHoots =
    "UPDATE hoots h SET revision = r.number, body_source = r.body_source FROM "
    "(SELECT DISTINCT ON (post_id) post_id, number, body_source FROM revisions "
    "WHERE post_id IN (SELECT post_id FROM imported_posts WHERE site = $1) "
    "ORDER BY post_id, number DESC) r WHERE h.id = r.post_id";
constexpr std::string_view kFollowHistoryComments =
    "UPDATE comments c SET revision = r.number, body_source = r.body_source FROM "
    "(SELECT DISTINCT ON (post_id) post_id, number, body_source FROM revisions "
    "WHERE post_id IN (SELECT post_id FROM imported_posts WHERE site = $1) "
    "ORDER BY post_id, number DESC) r WHERE c.id = r.post_id";
constexpr std::string_view kRecountThreads =
    "UPDATE hoots SET comment_count = (SELECT COUNT(*) FROM comments c WHERE c.hoot_id = hoots.id "
    "AND c.deleted_at IS NULL), deleted_comment_count = (SELECT COUNT(*) FROM comments c "
    "WHERE c.hoot_id = hoots.id AND c.deleted_at IS NOT NULL) "
    "WHERE id IN (SELECT post_id FROM imported_posts WHERE site = $1)";
constexpr std::string_view kRecountAuthors =
    "UPDATE users SET hoot_count = (SELECT COUNT(*) FROM hoots h WHERE h.author_id = users.id "
    "AND h.deleted_at IS NULL), comment_count = (SELECT COUNT(*) FROM comments c "
    "WHERE c.author_id = users.id AND c.deleted_at IS NULL) "
    "WHERE id IN (SELECT user_id FROM imported_users WHERE site = $1) OR username_key = $2";

// Reads for the thread view.
constexpr std::string_view kOriginOf =
    "SELECT site, source_id, license, author_name, author_source_id, up_votes, down_votes, "
    "accepted_source_id, closed_at, close_reason, locked FROM imported_posts WHERE post_id = $1";
constexpr std::string_view kAnswerCredits =
    "SELECT i.post_id, i.license, i.author_name, i.author_source_id FROM comments c "
    "JOIN imported_posts i ON i.post_id = c.id WHERE c.hoot_id = $1 AND c.deleted_at IS NULL "
    "ORDER BY i.source_id";
constexpr std::string_view kDuplicatesOf =
    "SELECT h.id, h.title, h.slug FROM imported_links l JOIN hoots h ON h.id = l.target_id "
    "WHERE l.hoot_id = $1 AND h.deleted_at IS NULL ORDER BY h.id";

std::string Lower(std::string_view text) {
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

std::string PlaceholderName(std::string_view site) { return "deleted@" + std::string(site); }

template <typename T, typename F>
Result<T> Attempt(F&& operation) {
    try {
        return operation();
    } catch (const std::exception& e) {
        return ErrorFromException(e);
    }
}

std::optional<std::int64_t> NonZero(std::int64_t value) {
    return value ? std::optional<std::int64_t>(value) : std::nullopt;
}

class PgImportSession final : public service::ImportSession {
  public:
    PgImportSession(Database& db, std::string site)
        : lease_(db.Acquire()), tx_(*lease_), site_(std::move(site)) {
        conn().Query(kLockSite, site_);
    }

    Result<UserId> PutUser(const service::ImportedUser& user) override {
        return Attempt<UserId>([&] {
            auto id = Mapped(kMapUser, user.source_id);
            if (id) {
                conn().Query(kUpdateUser, *id, user.display_name, user.bio_source, user.bio_html,
                             user.created_at);
            } else {
                id = conn()
                         .Query(kInsertUser, user.username, Lower(user.username), user.display_name,
                                user.bio_source, user.bio_html, user.created_at)[0]
                         .Int(0);
                Map(kMapUser, user.source_id, *id);
            }
            conn().Query(kPutImportedUser, *id, site_, user.source_id, user.location, user.website,
                         user.reputation);
            return UserId(*id);
        });
    }

    Result<UserId> PutPlaceholderUser() override {
        return Attempt<UserId>([&] {
            std::string name = PlaceholderName(site_);
            auto found = conn().Query(kFindUserByKey, Lower(name));
            if (!found.empty()) return UserId(found[0].Int(0));
            return UserId(conn()
                              .Query(kInsertUser, name, Lower(name), "deleted user", "", "",
                                     std::int64_t{0})[0]
                              .Int(0));
        });
    }

    Result<PostId> PutPost(const service::ImportedPost& post) override {
        return Attempt<PostId>([&] {
            auto id = Mapped(kMapPost, post.source_id);
            const bool is_new = !id;
            if (is_new && post.reserved.valid()) {
                id = post.reserved.value;
                if (post.is_question) conn().Query(kSetPostKind, *id, 1);
                Map(kMapPost, post.source_id, *id);
            } else if (is_new) {
                id = conn().Query(kInsertPost, post.is_question ? 1 : 2)[0].Int(0);
                Map(kMapPost, post.source_id, *id);
            }
            std::string tags = JoinTags(post.tags);
            if (!is_new && post.has_votes) Revote(*id, post);
            if (post.is_question) {
                if (is_new) {
                    conn().Query(kInsertHoot, *id, post.author.value, post.title, post.slug,
                                 post.body_source, post.body_html, post.body_text, post.excerpt,
                                 tags, post.created_at, post.updated_at, post.up_votes,
                                 post.down_votes);
                } else {
                    conn().Query(kUpdateHoot, *id, post.author.value, post.title, post.slug,
                                 post.body_source, post.body_html, post.body_text, post.excerpt,
                                 tags, post.created_at, post.updated_at);
                    conn().Query(kDropHootTags, *id);
                }
                for (const auto& tag : post.tags) conn().Query(kInsertHootTag, *id, tag);
            } else if (is_new) {
                conn().Query(kInsertComment, *id, post.hoot.value, post.author.value,
                             post.body_source, post.body_html, post.body_text, post.created_at,
                             post.updated_at, post.up_votes, post.down_votes,
                             BestScore(ReactionTally{post.up_votes, post.down_votes}));
            } else {
                conn().Query(kUpdateComment, *id, post.hoot.value, post.author.value,
                             post.body_source, post.body_html, post.body_text, post.created_at,
                             post.updated_at);
            }
            conn().Query(kPutImportedPost, *id, site_, post.source_id, post.license,
                         post.author_name, post.author_source_id, post.accepted_source_id,
                         NonZero(post.closed_at), post.up_votes, post.down_votes, post.has_votes);
            // The post as it is now is its first revision until PostHistory says otherwise.
            if (post.write_first_revision)
                PutRevisionRow({PostId(*id), 1, post.author, post.created_at,
                                post.is_question ? post.title : std::string(),
                                post.is_question ? tags : std::string(), post.body_source});
            return PostId(*id);
        });
    }

    Result<PostId> ReservePost(std::int64_t source_id) override {
        return Attempt<PostId>([&] {
            if (auto id = Mapped(kMapPost, source_id)) return PostId(*id);
            return PostId(conn().Query(kInsertPost, 2)[0].Int(0));
        });
    }

    Status DropPost(PostId post) override {
        return Attempt<Ok>([&] {
            conn().Query(kDropReservedRevisions, post.value);
            conn().Query(kDropReservedPost, post.value);
            return Ok{};
        });
    }

    Result<ReplyId> PutReply(const service::ImportedReply& reply) override {
        return Attempt<ReplyId>([&] {
            auto id = Mapped(kMapReply, reply.source_id);
            if (id) {
                conn().Query(kUpdateReply, *id, reply.post.value, reply.author.value, reply.body,
                             reply.body_html, reply.created_at);
            } else {
                id = conn()
                         .Query(kInsertReply, reply.post.value, reply.author.value, reply.body,
                                reply.body_html, reply.created_at)[0]
                         .Int(0);
                Map(kMapReply, reply.source_id, *id);
            }
            return ReplyId(*id);
        });
    }

    Status PutRevision(const service::ImportedRevision& revision) override {
        return Attempt<Ok>([&] {
            PutRevisionRow(revision);
            return Ok{};
        });
    }

    Result<std::optional<service::ImportedRevision>> RevisionAt(PostId post, int number) override {
        return Attempt<std::optional<service::ImportedRevision>>(
            [&]() -> std::optional<service::ImportedRevision> {
                auto rows = conn().Query(kRevisionAt, post.value, number);
                if (rows.empty()) return std::nullopt;
                Row row = rows[0];
                return service::ImportedRevision{post,
                                                 static_cast<int>(row.Int(0)),
                                                 UserId(row.Int(1)),
                                                 row.Int(2),
                                                 row.Text(3),
                                                 row.Text(4),
                                                 row.Text(5)};
            });
    }

    Status SetClosed(PostId hoot, UnixSeconds closed_at, std::string_view reason) override {
        return Attempt<Ok>([&] {
            conn().Query(kSetClosed, hoot.value, NonZero(closed_at), reason);
            return Ok{};
        });
    }

    Status SetLocked(PostId hoot, bool locked) override {
        return Attempt<Ok>([&] {
            conn().Query(kSetLocked, hoot.value, locked ? 1 : 0);
            return Ok{};
        });
    }

    Status PutDuplicateLink(HootId duplicate, HootId original) override {
        return Attempt<Ok>([&] {
            conn().Query(kPutLink, duplicate.value, original.value);
            return Ok{};
        });
    }

    Status PutTagExcerpt(std::string_view tag, std::string_view excerpt) override {
        return Attempt<Ok>([&] {
            conn().Query(kPutTagExcerpt, site_, tag, excerpt);
            return Ok{};
        });
    }

    Status Finish() override {
        return Attempt<Ok>([&] {
            conn().Query(kFirstRevisionOfHoots, site_);
            conn().Query(kFirstRevisionOfComments, site_);
            conn().Query(kFollowHistoryHoots, site_);
            conn().Query(kFollowHistoryComments, site_);
            conn().Query(kRecountThreads, site_);
            conn().Query(kRecountAuthors, site_, Lower(PlaceholderName(site_)));
            return Ok{};
        });
    }

    Status Commit() override {
        return Attempt<Ok>([&] {
            tx_.Commit();
            return Ok{};
        });
    }

  private:
    Connection& conn() { return *lease_; }

    std::optional<std::int64_t> Mapped(int kind, std::int64_t source_id) {
        auto rows = conn().Query(kFindMapped, site_, kind, source_id);
        if (rows.empty()) return std::nullopt;
        return rows[0].Int(0);
    }

    void Map(int kind, std::int64_t source_id, std::int64_t local_id) {
        conn().Query(kInsertMapped, site_, kind, source_id, local_id);
    }

    void PutRevisionRow(const service::ImportedRevision& r) {
        conn().Query(kPutRevision, r.post.value, r.number, r.author.value, r.created_at, r.title,
                     r.tags, r.body_source);
    }

    void Revote(std::int64_t id, const service::ImportedPost& post) {
        if (post.is_question) {
            conn().Query(kRevoteHoot, id, post.up_votes, post.down_votes);
            return;
        }
        auto rows = conn().Query(kRevoteComment, id, post.up_votes, post.down_votes);
        if (rows.empty()) return;
        conn().Query(kSetBestScore, BestScore(ReactionTally{rows[0].Int(0), rows[0].Int(1)}), id);
    }

    Database::Lease lease_;
    Transaction tx_;
    std::string site_;
};

}  // namespace

Result<std::unique_ptr<service::ImportSession>> PgImportStore::Begin(std::string_view site,
                                                                     std::int64_t) {
    return Guarded([&]() -> Result<std::unique_ptr<service::ImportSession>> {
        return std::unique_ptr<service::ImportSession>(
            std::make_unique<PgImportSession>(db_, std::string(site)));
    });
}

Result<std::optional<ImportedOrigin>> PgImportStore::Origin(HootId hoot) {
    return Guarded([&]() -> Result<std::optional<ImportedOrigin>> {
        auto conn = db_.Acquire();
        ImportedOrigin origin;
        std::optional<std::int64_t> accepted_source;
        {
            auto rows = conn->Query(kOriginOf, hoot.value);
            if (rows.empty()) return std::optional<ImportedOrigin>();
            Row row = rows[0];
            origin.site = row.Text(0);
            origin.question_source_id = row.Int(1);
            origin.credits.push_back(
                {ToPost(hoot), true, row.Text(3), row.IsNull(4) ? 0 : row.Int(4), row.Text(2)});
            origin.up_votes = row.Int(5);
            origin.down_votes = row.Int(6);
            if (!row.IsNull(7)) accepted_source = row.Int(7);
            origin.closed_at = row.IsNull(8) ? 0 : row.Int(8);
            origin.close_reason = row.Text(9);
            origin.locked = row.Int(10) != 0;
        }
        for (Row row : conn->Query(kAnswerCredits, hoot.value))
            origin.credits.push_back({PostId(row.Int(0)), false, row.Text(2),
                                      row.IsNull(3) ? 0 : row.Int(3), row.Text(1)});
        if (accepted_source) {
            auto rows =
                conn->Query(kFindMapped, origin.site, static_cast<int>(kMapPost), *accepted_source);
            if (!rows.empty()) origin.accepted = CommentId(rows[0].Int(0));
        }
        for (Row row : conn->Query(kDuplicatesOf, hoot.value))
            origin.duplicate_of.push_back({HootId(row.Int(0)), row.Text(1), row.Text(2)});
        return std::optional<ImportedOrigin>(std::move(origin));
    });
}

}  // namespace hoot::store::postgres
