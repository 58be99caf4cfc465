// The SQLite side of a Stack Exchange import: every write of an import in one transaction on the
// writer connection, through cached prepared statements (bind + step per row).

#include "store/sqlite/import_store.hpp"

#include <algorithm>
#include <cctype>

#include "app/log.hpp"
#include "domain/popularity.hpp"
#include "store/sqlite/guard.hpp"

namespace hoot::store::sqlite {
namespace {

enum MapKind : int { kMapUser = 1, kMapPost = 2, kMapReply = 3 };

// The busy timeout every Connection has (db.cpp); the import sets it to 0 for one statement.
constexpr int kBusyTimeoutMs = 5000;

constexpr std::string_view kFindMapped =
    "SELECT local_id FROM import_map WHERE site = ?1 AND kind = ?2 AND source_id = ?3";
constexpr std::string_view kInsertMapped =
    "INSERT INTO import_map(site, kind, source_id, local_id) VALUES (?, ?, ?, ?)";

constexpr std::string_view kFindUserByKey = "SELECT id FROM users WHERE username_key = ?";
constexpr std::string_view kInsertUser =
    "INSERT INTO users(username, username_key, password_hash, display_name, bio_source, bio_html, "
    "created_at) VALUES (?, ?, NULL, ?, ?, ?, ?)";
constexpr std::string_view kUpdateUser =
    "UPDATE users SET display_name = ?2, bio_source = ?3, bio_html = ?4, created_at = ?5 "
    "WHERE id = ?1";
constexpr std::string_view kPutImportedUser =
    "INSERT INTO imported_users(user_id, site, source_id, location, website, reputation) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT(user_id) DO UPDATE SET location = ?4, "
    "website = ?5, reputation = ?6";

constexpr std::string_view kInsertPost = "INSERT INTO posts(kind) VALUES (?)";
// A reserved post is a comment (kind 2) until PutPost says it is a hoot.
constexpr std::string_view kSetPostKind = "UPDATE posts SET kind = ?2 WHERE id = ?1";
// A reserved post that Posts.xml did not have: only while no hoot or comment row is its.
constexpr std::string_view kDropReservedRevisions =
    "DELETE FROM revisions WHERE post_id = ?1 AND NOT EXISTS (SELECT 1 FROM hoots WHERE id = ?1) "
    "AND NOT EXISTS (SELECT 1 FROM comments WHERE id = ?1)";
constexpr std::string_view kDropReservedPost =
    "DELETE FROM posts WHERE id = ?1 AND NOT EXISTS (SELECT 1 FROM hoots WHERE id = ?1) "
    "AND NOT EXISTS (SELECT 1 FROM comments WHERE id = ?1)";
constexpr std::string_view kRevisionBody =
    "SELECT body_source FROM revisions WHERE post_id = ? AND number = ?";
// The revision number is left as it is when PutPost is given none (?12 or ?9 NULL).
constexpr std::string_view kInsertHoot =
    "INSERT INTO hoots(id, author_id, title, slug, body_source, body_html, body_text, excerpt, "
    "tags, created_at, updated_at, positive, negative, revision) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
constexpr std::string_view kUpdateHoot =
    "UPDATE hoots SET author_id = ?2, title = ?3, slug = ?4, body_source = ?5, body_html = ?6, "
    "body_text = ?7, excerpt = ?8, tags = ?9, created_at = ?10, updated_at = ?11, "
    "revision = COALESCE(?12, revision) WHERE id = ?1";
constexpr std::string_view kDropHootTags = "DELETE FROM hoot_tags WHERE hoot_id = ?";
constexpr std::string_view kInsertHootTag =
    "INSERT OR IGNORE INTO hoot_tags(hoot_id, tag) VALUES (?, ?)";
constexpr std::string_view kInsertComment =
    "INSERT INTO comments(id, hoot_id, author_id, body_source, body_html, body_text, created_at, "
    "updated_at, positive, negative, best_score, revision) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
constexpr std::string_view kUpdateComment =
    "UPDATE comments SET hoot_id = ?2, author_id = ?3, body_source = ?4, body_html = ?5, "
    "body_text = ?6, created_at = ?7, updated_at = ?8, revision = COALESCE(?9, revision) "
    "WHERE id = ?1";
constexpr std::string_view kPutImportedPost =
    "INSERT INTO imported_posts(post_id, site, source_id, license, author_name, author_source_id, "
    "accepted_source_id, closed_at, up_votes, down_votes) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10) "
    "ON CONFLICT(post_id) DO UPDATE SET license = ?4, author_name = ?5, author_source_id = ?6, "
    "accepted_source_id = ?7, closed_at = ?8, close_reason = '', locked = 0, "
    "up_votes = CASE WHEN ?11 THEN ?9 ELSE up_votes END, "
    "down_votes = CASE WHEN ?11 THEN ?10 ELSE down_votes END";

constexpr std::string_view kPutRevision =
    "INSERT INTO revisions(post_id, number, author_id, created_at, title, tags, body_source) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT(post_id, number) DO UPDATE SET "
    "author_id = ?3, created_at = ?4, title = ?5, tags = ?6, body_source = ?7";
constexpr std::string_view kRevisionAt =
    "SELECT number, author_id, created_at, title, tags, body_source FROM revisions "
    "WHERE post_id = ? AND number = ?";

constexpr std::string_view kInsertReply =
    "INSERT INTO replies(post_id, author_id, body, body_html, created_at) VALUES (?, ?, ?, ?, ?)";
constexpr std::string_view kUpdateReply =
    "UPDATE replies SET post_id = ?2, author_id = ?3, body = ?4, body_html = ?5, created_at = ?6 "
    "WHERE id = ?1";

constexpr std::string_view kSetClosed =
    "UPDATE imported_posts SET closed_at = ?2, close_reason = ?3 WHERE post_id = ?1";
constexpr std::string_view kSetLocked = "UPDATE imported_posts SET locked = ?2 WHERE post_id = ?1";

// A re-import replaces the votes the earlier import added (imported_posts still holds them).
constexpr std::string_view kRevoteHoot =
    "UPDATE hoots SET positive = positive - i.up_votes + ?2, "
    "negative = negative - i.down_votes + ?3 FROM imported_posts i "
    "WHERE i.post_id = hoots.id AND hoots.id = ?1";
constexpr std::string_view kRevoteComment =
    "UPDATE comments SET positive = positive - i.up_votes + ?2, "
    "negative = negative - i.down_votes + ?3 FROM imported_posts i "
    "WHERE i.post_id = comments.id AND comments.id = ?1 RETURNING positive, negative";
constexpr std::string_view kSetBestScore = "UPDATE comments SET best_score = ? WHERE id = ?";

constexpr std::string_view kPutLink =
    "INSERT OR IGNORE INTO imported_links(hoot_id, target_id) VALUES (?, ?)";
constexpr std::string_view kPutTagExcerpt =
    "INSERT INTO tag_excerpts(site, tag, excerpt) VALUES (?1, ?2, ?3) "
    "ON CONFLICT(site, tag) DO UPDATE SET excerpt = ?3";

// Posts are tested for a revision before their rows are read (CROSS JOIN keeps imported_posts the
// outer loop): in a dump with history every post has one, and reading each post's row to find
// that out was 2.4 CPU seconds of a million-post import.
constexpr std::string_view kFirstRevisionOfHoots =
    "INSERT INTO revisions(post_id, number, author_id, created_at, title, tags, body_source) "
    "SELECT h.id, 1, h.author_id, h.created_at, h.title, h.tags, h.body_source "
    "FROM imported_posts i CROSS JOIN hoots h ON h.id = i.post_id WHERE i.site = ?1 "
    "AND NOT EXISTS (SELECT 1 FROM revisions r WHERE r.post_id = i.post_id)";
constexpr std::string_view kFirstRevisionOfComments =
    "INSERT INTO revisions(post_id, number, author_id, created_at, body_source) "
    "SELECT c.id, 1, c.author_id, c.created_at, c.body_source "
    "FROM imported_posts i CROSS JOIN comments c ON c.id = i.post_id WHERE i.site = ?1 "
    "AND NOT EXISTS (SELECT 1 FROM revisions r WHERE r.post_id = i.post_id)";
// A bulk import (the first import of a site about as large as the database): the secondary
// indexes of the tables it fills, and the triggers that keep the search index and the tag counts
// in step row by row, are dropped inside the import's transaction and made again at its end, so
// each index is built once by a sort instead of a B-tree insert per row. All of it is one
// transaction: a failed import rolls the schema back with the rows. Indexes are recreated from
// their own stored SQL, so ones added by later migrations come back as they were.
constexpr std::string_view kBulkIndexes =
    "SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL "
    "AND sql NOT LIKE 'CREATE UNIQUE%' AND tbl_name IN "
    "('hoots', 'comments', 'hoot_tags', 'replies', 'revisions', 'imported_posts') ORDER BY name";
// Only triggers whose work Finish does in bulk below; any other trigger keeps firing.
constexpr std::string_view kBulkTriggers =
    "SELECT name, sql FROM sqlite_schema WHERE type = 'trigger' AND name IN "
    "('search_hoot_insert', 'search_hoot_update', 'search_comment_insert', "
    "'search_comment_update', 'search_comment_updates_follow', 'tag_counts_on_tag', "
    "'tag_counts_on_untag') "
    "ORDER BY name";
constexpr std::string_view kSiteKnown =
    "SELECT EXISTS (SELECT 1 FROM imported_posts WHERE site = ?1) OR "
    "EXISTS (SELECT 1 FROM imported_users WHERE site = ?1)";
constexpr std::string_view kCountPosts = "SELECT COUNT(*), COALESCE(MAX(id), 0) FROM posts";
// The search rows of the posts made by this import (ids above the largest before it): the rows
// the triggers of migration 4 write, in the index's rowid order (thread, then post). FTS5
// flushes its pending terms whenever a rowid is not above the previous one, so rows arriving in
// post order, threads interleaved, would cost a flush each. Only the keys are sorted (read from
// the covering indexes, built by then) and each text is looked up by id in that order: sorting
// the texts with them spilled half a gigabyte per million posts to a temporary file and read it
// back (4.8 s of 16.6 s on a million synthetic posts; this way the whole fill took 14.8 s). A
// bulk import deletes nothing, so the keys need no deleted_at test, which would read every row.
constexpr std::string_view kIndexNewPosts =
    "INSERT INTO search_index(rowid, title, body, post_id) "
    "SELECT k.doc, IIF(k.is_hoot, (SELECT title FROM hoots WHERE id = k.id), ''), "
    "IIF(k.is_hoot, (SELECT IIF(body_text <> '', body_text, body_source) FROM hoots "
    "WHERE id = k.id), (SELECT IIF(body_text <> '', body_text, body_source) FROM comments "
    "WHERE id = k.id)), k.id FROM ("
    "SELECT id * 2147483648 + 2 * id AS doc, id, 1 AS is_hoot FROM hoots WHERE id > ?1 "
    "UNION ALL SELECT hoot_id * 2147483648 + 2 * id, id, 0 FROM comments WHERE id > ?1 "
    "ORDER BY 1) AS k";
// FTS5 writes its pending terms out as a new segment whenever they pass `hashsize` bytes (1 MB by
// default), and merges segments as they pile up: filling the index with a million posts wrote
// hundreds of segments and merged them level by level. A 32 MB buffer while the bulk rows go in
// (measured on 300,000 synthetic posts: 25% less CPU with 64 MB) costs that much memory for the
// statement's length; the default is set back after it.
constexpr std::string_view kBulkSearchBuffer =
    "INSERT INTO search_index(search_index, rank) VALUES ('hashsize', 33554432)";
constexpr std::string_view kDefaultSearchBuffer =
    "INSERT INTO search_index(search_index, rank) VALUES ('hashsize', 1048576)";
// In a bulk import every post, user and tag use is new and nothing of it is deleted, so the counts
// below need no deleted_at test: they are read from the indexes alone, never from the rows (the
// general recounts and a tag count joined to hoots read every post's row: 28 CPU seconds of a
// million-post import).
constexpr std::string_view kCountNewTags =
    "INSERT INTO tag_counts(tag, count) SELECT tag, COUNT(*) FROM hoot_tags WHERE hoot_id > ?1 "
    "GROUP BY tag ON CONFLICT(tag) DO UPDATE SET count = count + excluded.count";
constexpr std::string_view kCountNewThreads =
    "UPDATE hoots SET comment_count = c.n FROM (SELECT hoot_id, COUNT(*) AS n FROM comments "
    "WHERE id > ?1 GROUP BY hoot_id) AS c WHERE hoots.id = c.hoot_id";
constexpr std::string_view kCountNewAuthors =
    "UPDATE users SET hoot_count = (SELECT COUNT(*) FROM hoots h WHERE h.author_id = users.id), "
    "comment_count = (SELECT COUNT(*) FROM comments c WHERE c.author_id = users.id) "
    "WHERE id IN (SELECT user_id FROM imported_users WHERE site = ?1) OR username_key = ?2";
constexpr std::string_view kRecountThreads =
    "UPDATE hoots SET comment_count = (SELECT COUNT(*) FROM comments c WHERE c.hoot_id = hoots.id "
    "AND c.deleted_at IS NULL), deleted_comment_count = (SELECT COUNT(*) FROM comments c "
    "WHERE c.hoot_id = hoots.id AND c.deleted_at IS NOT NULL) "
    "WHERE id IN (SELECT post_id FROM imported_posts WHERE site = ?1)";
constexpr std::string_view kRecountAuthors =
    "UPDATE users SET hoot_count = (SELECT COUNT(*) FROM hoots h WHERE h.author_id = users.id "
    "AND h.deleted_at IS NULL), comment_count = (SELECT COUNT(*) FROM comments c "
    "WHERE c.author_id = users.id AND c.deleted_at IS NULL) "
    "WHERE id IN (SELECT user_id FROM imported_users WHERE site = ?1) OR username_key = ?2";

// Reads for the thread view.
constexpr std::string_view kOriginOf =
    "SELECT site, source_id, license, author_name, author_source_id, up_votes, down_votes, "
    "accepted_source_id, closed_at, close_reason, locked FROM imported_posts WHERE post_id = ?";
constexpr std::string_view kAnswerCredits =
    "SELECT i.post_id, i.license, i.author_name, i.author_source_id FROM comments c "
    "JOIN imported_posts i ON i.post_id = c.id WHERE c.hoot_id = ? AND c.deleted_at IS NULL "
    "ORDER BY i.source_id";
constexpr std::string_view kDuplicatesOf =
    "SELECT h.id, h.title, h.slug FROM imported_links l JOIN hoots h ON h.id = l.target_id "
    "WHERE l.hoot_id = ? AND h.deleted_at IS NULL ORDER BY h.id";

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

class SqliteImportSession final : public service::ImportSession {
  public:
    // A big page cache keeps an import of millions of rows from spilling pages to the WAL and
    // reading them back (measured: most of the time of the first version). The pragmas are set
    // before BEGIN (foreign_keys and the journal mode cannot change inside a transaction) and
    // restored after.
    SqliteImportSession(Database& db, std::string site, std::int64_t expected_posts)
        : lease_(db.Write()),
          site_(std::move(site)),
          pragmas_(*lease_, LooksBulk(expected_posts)),
          tx_(*lease_) {
        // Decided again inside the transaction: what was read before BEGIN may have changed.
        if (LooksBulk(expected_posts)) StartBulk();
    }

    Result<UserId> PutUser(const service::ImportedUser& user) override {
        return Attempt<UserId>([&] {
            auto id = Mapped(kMapUser, user.source_id);
            if (id) {
                conn()
                    .Prepare(kUpdateUser)
                    .BindAll(*id, std::string_view(user.display_name),
                             std::string_view(user.bio_source), std::string_view(user.bio_html),
                             user.created_at)
                    .Exec();
            } else {
                conn()
                    .Prepare(kInsertUser)
                    .BindAll(std::string_view(user.username),
                             std::string_view(Lower(user.username)),
                             std::string_view(user.display_name), std::string_view(user.bio_source),
                             std::string_view(user.bio_html), user.created_at)
                    .Exec();
                id = conn().LastInsertId();
                Map(kMapUser, user.source_id, *id);
            }
            conn()
                .Prepare(kPutImportedUser)
                .BindAll(*id, std::string_view(site_), user.source_id,
                         std::string_view(user.location), std::string_view(user.website),
                         user.reputation)
                .Exec();
            return UserId(*id);
        });
    }

    Result<UserId> PutPlaceholderUser() override {
        return Attempt<UserId>([&] {
            std::string name = PlaceholderName(site_);
            {
                auto find = conn().Prepare(kFindUserByKey);
                find.Bind(1, std::string_view(Lower(name)));
                if (find.Step()) return UserId(find.Int(0));
            }
            conn()
                .Prepare(kInsertUser)
                .BindAll(std::string_view(name), std::string_view(Lower(name)),
                         std::string_view("deleted user"), std::string_view(""),
                         std::string_view(""), std::int64_t{0})
                .Exec();
            return UserId(conn().LastInsertId());
        });
    }

    Result<PostId> PutPost(const service::ImportedPost& post) override {
        return Attempt<PostId>([&] {
            auto id = Mapped(kMapPost, post.source_id);
            const bool is_new = !id;
            if (is_new && post.reserved.valid()) {
                id = post.reserved.value;
                if (post.is_question) conn().Prepare(kSetPostKind).BindAll(*id, 1).Exec();
                Map(kMapPost, post.source_id, *id);
            } else if (is_new) {
                conn().Prepare(kInsertPost).Bind(1, post.is_question ? 1 : 2).Exec();
                id = conn().LastInsertId();
                Map(kMapPost, post.source_id, *id);
            }
            // History was written first: the post's current text is its latest revision's.
            std::string latest;
            const bool from_history =
                post.latest_revision > 0 && RevisionBody(*id, post.latest_revision, latest);
            const std::string& body_source = from_history ? latest : post.body_source;
            std::string tags = JoinTags(post.tags);
            if (!is_new && post.has_votes) Revote(*id, post);
            if (post.is_question) {
                auto write = conn().Prepare(is_new ? kInsertHoot : kUpdateHoot);
                write.Bind(1, *id)
                    .Bind(2, post.author.value)
                    .BindStatic(3, post.title)
                    .BindStatic(4, post.slug)
                    .BindStatic(5, body_source)
                    .BindStatic(6, post.body_html)
                    .BindStatic(7, post.body_text)
                    .BindStatic(8, post.excerpt)
                    .BindStatic(9, tags)
                    .Bind(10, post.created_at)
                    .Bind(11, post.updated_at);
                if (is_new) {
                    write.Bind(12, post.up_votes).Bind(13, post.down_votes);
                    write.Bind(14, from_history ? post.latest_revision : 1);
                } else if (from_history) {
                    write.Bind(12, post.latest_revision);
                } else {
                    write.BindNull(12);
                }
                write.Exec();
                if (!is_new) conn().Prepare(kDropHootTags).Bind(1, *id).Exec();
                for (const auto& tag : post.tags)
                    conn().Prepare(kInsertHootTag).Bind(1, *id).BindStatic(2, tag).Exec();
            } else {
                auto write = conn().Prepare(is_new ? kInsertComment : kUpdateComment);
                write.Bind(1, *id)
                    .Bind(2, post.hoot.value)
                    .Bind(3, post.author.value)
                    .BindStatic(4, body_source)
                    .BindStatic(5, post.body_html)
                    .BindStatic(6, post.body_text)
                    .Bind(7, post.created_at)
                    .Bind(8, post.updated_at);
                if (is_new)
                    write.Bind(9, post.up_votes)
                        .Bind(10, post.down_votes)
                        .Bind(11, BestScore(ReactionTally{post.up_votes, post.down_votes}))
                        .Bind(12, from_history ? post.latest_revision : 1);
                else if (from_history)
                    write.Bind(9, post.latest_revision);
                else
                    write.BindNull(9);
                write.Exec();
            }
            auto put = conn().Prepare(kPutImportedPost);
            put.Bind(1, *id)
                .BindStatic(2, site_)
                .Bind(3, post.source_id)
                .BindStatic(4, post.license)
                .BindStatic(5, post.author_name);
            if (post.author_source_id)
                put.Bind(6, *post.author_source_id);
            else
                put.BindNull(6);
            if (post.accepted_source_id)
                put.Bind(7, *post.accepted_source_id);
            else
                put.BindNull(7);
            if (post.closed_at)
                put.Bind(8, post.closed_at);
            else
                put.BindNull(8);
            put.Bind(9, post.up_votes).Bind(10, post.down_votes).Bind(11, post.has_votes ? 1 : 0);
            put.Exec();
            // The post as it is now is its first revision until PostHistory says otherwise.
            if (!post.write_first_revision && !from_history) ++posts_without_revision_;
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
            conn().Prepare(kInsertPost).Bind(1, 2).Exec();
            return PostId(conn().LastInsertId());
        });
    }

    Status DropPost(PostId post) override {
        return Attempt<Ok>([&] {
            conn().Prepare(kDropReservedRevisions).Bind(1, post.value).Exec();
            conn().Prepare(kDropReservedPost).Bind(1, post.value).Exec();
            return Ok{};
        });
    }

    Result<ReplyId> PutReply(const service::ImportedReply& reply) override {
        return Attempt<ReplyId>([&] {
            auto id = Mapped(kMapReply, reply.source_id);
            if (id) {
                conn()
                    .Prepare(kUpdateReply)
                    .BindAll(*id, reply.post.value, reply.author.value,
                             std::string_view(reply.body), std::string_view(reply.body_html),
                             reply.created_at)
                    .Exec();
            } else {
                conn()
                    .Prepare(kInsertReply)
                    .Bind(1, reply.post.value)
                    .Bind(2, reply.author.value)
                    .BindStatic(3, reply.body)
                    .BindStatic(4, reply.body_html)
                    .Bind(5, reply.created_at)
                    .Exec();
                id = conn().LastInsertId();
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
                auto stmt = conn().Prepare(kRevisionAt);
                stmt.BindAll(post.value, number);
                if (!stmt.Step()) return std::nullopt;
                return service::ImportedRevision{post,
                                                 static_cast<int>(stmt.Int(0)),
                                                 UserId(stmt.Int(1)),
                                                 stmt.Int(2),
                                                 stmt.Text(3),
                                                 stmt.Text(4),
                                                 stmt.Text(5)};
            });
    }

    Status SetClosed(PostId hoot, UnixSeconds closed_at, std::string_view reason) override {
        return Run(kSetClosed, [&](Stmt& s) {
            s.Bind(1, hoot.value);
            if (closed_at)
                s.Bind(2, closed_at);
            else
                s.BindNull(2);
            s.Bind(3, reason);
        });
    }

    Status SetLocked(PostId hoot, bool locked) override {
        return Run(kSetLocked, [&](Stmt& s) { s.BindAll(hoot.value, locked ? 1 : 0); });
    }

    Status PutDuplicateLink(HootId duplicate, HootId original) override {
        return Run(kPutLink, [&](Stmt& s) { s.BindAll(duplicate.value, original.value); });
    }

    Status PutTagExcerpt(std::string_view tag, std::string_view excerpt) override {
        return Run(kPutTagExcerpt,
                   [&](Stmt& s) { s.BindAll(std::string_view(site_), tag, excerpt); });
    }

    Status Finish() override {
        return Attempt<Ok>([&] {
            const bool bulk = bulk_;
            // A bulk import's posts are all this session's: when each came with its revisions,
            // no post of the site lacks one, and looking for one read every post (1.3 s of a
            // million-post import).
            if (!bulk || posts_without_revision_ > 0) {
                conn().Prepare(kFirstRevisionOfHoots).Bind(1, std::string_view(site_)).Exec();
                conn().Prepare(kFirstRevisionOfComments).Bind(1, std::string_view(site_)).Exec();
            }
            if (bulk) {
                EndBulk();
                conn().Prepare(kCountNewThreads).Bind(1, first_new_post_).Exec();
            } else {
                conn().Prepare(kRecountThreads).Bind(1, std::string_view(site_)).Exec();
            }
            conn()
                .Prepare(bulk ? kCountNewAuthors : kRecountAuthors)
                .BindAll(std::string_view(site_), std::string_view(Lower(PlaceholderName(site_))))
                .Exec();
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

    // Schema objects dropped for a bulk import, with the SQL that makes them again.
    struct Deferred {
        std::string name, sql;
    };

    std::vector<Deferred> SchemaObjects(std::string_view query) {
        std::vector<Deferred> out;
        auto stmt = conn().Prepare(query);
        while (stmt.Step()) out.push_back({stmt.Text(0), stmt.Text(1)});
        return out;
    }

    void StartBulk() {
        bulk_ = true;
        indexes_ = SchemaObjects(kBulkIndexes);
        triggers_ = SchemaObjects(kBulkTriggers);
        for (const auto& index : indexes_)
            conn().ExecScript(("DROP INDEX \"" + index.name + "\"").c_str());
        for (const auto& trigger : triggers_)
            conn().ExecScript(("DROP TRIGGER \"" + trigger.name + "\"").c_str());
    }

    // Builds the dropped indexes, then does what the dropped triggers would have done for the
    // posts this import made (a bulk import makes posts only: the site was not imported before,
    // so every post of it has an id above first_new_post_), then restores the triggers.
    void EndBulk() {
        for (const auto& index : indexes_) conn().ExecScript(index.sql.c_str());
        conn().Prepare(kBulkSearchBuffer).Exec();
        conn().Prepare(kIndexNewPosts).Bind(1, first_new_post_).Exec();
        conn().Prepare(kDefaultSearchBuffer).Exec();
        conn().Prepare(kCountNewTags).Bind(1, first_new_post_).Exec();
        for (const auto& trigger : triggers_) conn().ExecScript(trigger.sql.c_str());
        bulk_ = false;
    }

    // The text of revision `number` of `post` into `body`; false when there is no such revision.
    bool RevisionBody(std::int64_t post, int number, std::string& body) {
        auto stmt = conn().Prepare(kRevisionBody);
        stmt.BindAll(post, number);
        if (!stmt.Step()) return false;
        body = stmt.Text(0);
        return true;
    }

    std::optional<std::int64_t> Mapped(int kind, std::int64_t source_id) {
        auto stmt = conn().Prepare(kFindMapped);
        stmt.BindAll(std::string_view(site_), kind, source_id);
        if (stmt.Step()) return stmt.Int(0);
        return std::nullopt;
    }

    void Map(int kind, std::int64_t source_id, std::int64_t local_id) {
        conn()
            .Prepare(kInsertMapped)
            .BindAll(std::string_view(site_), kind, source_id, local_id)
            .Exec();
    }

    void PutRevisionRow(const service::ImportedRevision& r) {
        conn()
            .Prepare(kPutRevision)
            .Bind(1, r.post.value)
            .Bind(2, r.number)
            .Bind(3, r.author.value)
            .Bind(4, r.created_at)
            .BindStatic(5, r.title)
            .BindStatic(6, r.tags)
            .BindStatic(7, r.body_source)
            .Exec();
    }

    void Revote(std::int64_t id, const service::ImportedPost& post) {
        if (post.is_question) {
            conn().Prepare(kRevoteHoot).BindAll(id, post.up_votes, post.down_votes).Exec();
            return;
        }
        std::optional<std::pair<std::int64_t, std::int64_t>> tally;
        {
            auto stmt = conn().Prepare(kRevoteComment);
            stmt.BindAll(id, post.up_votes, post.down_votes);
            if (stmt.Step()) tally.emplace(stmt.Int(0), stmt.Int(1));
            while (stmt.Step()) {
            }
        }
        if (tally) SetBest(id, tally->first, tally->second);
    }

    void SetBest(std::int64_t comment, std::int64_t positive, std::int64_t negative) {
        conn()
            .Prepare(kSetBestScore)
            .BindAll(BestScore(ReactionTally{positive, negative}), comment)
            .Exec();
    }

    template <typename BindFn>
    Status Run(std::string_view sql, BindFn&& bind) {
        return Attempt<Ok>([&] {
            auto stmt = conn().Prepare(sql);
            bind(stmt);
            stmt.Exec();
            return Ok{};
        });
    }

    // A first import of a site about as large as the database: nothing of the site to update,
    // and few rows of others to keep. Reads first_new_post_ as a side effect.
    bool LooksBulk(std::int64_t expected_posts) {
        std::int64_t existing = 0;
        {
            auto stmt = conn().Prepare(kCountPosts);
            if (stmt.Step()) {
                existing = stmt.Int(0);
                first_new_post_ = stmt.Int(1);
            }
        }
        auto stmt = conn().Prepare(kSiteKnown);
        stmt.Bind(1, std::string_view(site_));
        const bool known = stmt.Step() && stmt.Int(0) != 0;
        return !known && expected_posts >= existing;
    }

    struct ImportPragmas {
        // Foreign keys are not checked row by row during the import (they cost an index lookup
        // per reference, measured): every id the session writes is one it read or made in the
        // same transaction. The store test runs PRAGMA foreign_key_check after each import.
        ImportPragmas(Connection& conn, bool bulk) : conn_(conn) {
            // Sorts (index builds, ORDER BY) spill to temporary files rather than to memory.
            conn_.ExecScript(
                "PRAGMA cache_size = -262144; PRAGMA foreign_keys = OFF; PRAGMA temp_store = "
                "FILE;");
            if (bulk) UseRollbackJournal();
        }
        ~ImportPragmas() {
            try {
                if (rollback_journal_) conn_.ExecScript("PRAGMA journal_mode = WAL;");
            } catch (const std::exception& e) {
                // The next Database to open the file sets WAL again (db.cpp).
                log::Warn(std::string("import: cannot return to WAL: ") + e.what());
            }
            try {
                conn_.ExecScript(
                    "PRAGMA cache_size = -2000; PRAGMA foreign_keys = ON; "
                    "PRAGMA temp_store = MEMORY;");
            } catch (const std::exception&) {
                // The connection keeps the larger cache; nothing else depends on it.
            }
        }

        // In WAL mode every page of a bulk import is written twice: to the WAL during the
        // transaction, then into the database file by the checkpoint. With a rollback journal
        // the pages an import appends go straight to the file, and the journal only keeps the
        // few pages that existed before (a rollback truncates the file back and restores them):
        // the same all-or-nothing import with half the writes. Leaving WAL needs the file to
        // itself (SQLite refuses while another connection, in this process or another, holds
        // it open in WAL mode, e.g. a running server): then the import stays in WAL mode.
        void UseRollbackJournal() {
            // No waiting: a connection that holds the file is not going to let go of it.
            sqlite3_busy_timeout(conn_.raw(), 0);
            try {
                auto stmt = conn_.Prepare("PRAGMA journal_mode = DELETE");
                rollback_journal_ = stmt.Step() && stmt.TextView(0) == "delete";
            } catch (const SqliteError& e) {
                if (!e.IsBusy()) throw;
            }
            sqlite3_busy_timeout(conn_.raw(), kBusyTimeoutMs);
        }

        Connection& conn_;
        bool rollback_journal_ = false;
    };

    Database::WriteLease lease_;
    std::string site_;
    ImportPragmas pragmas_;
    WriteTx tx_;
    bool bulk_ = false;
    std::int64_t first_new_post_ = 0;  // the largest post id before the import
    // Posts put without a revision (PostHistory had none of them): Finish gives them their first.
    std::int64_t posts_without_revision_ = 0;
    std::vector<Deferred> indexes_, triggers_;
};

}  // namespace

Result<std::unique_ptr<service::ImportSession>> SqliteImportStore::Begin(
    std::string_view site, std::int64_t expected_posts) {
    return Guarded([&]() -> Result<std::unique_ptr<service::ImportSession>> {
        return std::unique_ptr<service::ImportSession>(
            std::make_unique<SqliteImportSession>(db_, std::string(site), expected_posts));
    });
}

Result<std::optional<ImportedOrigin>> SqliteImportStore::Origin(HootId hoot) {
    return Guarded([&]() -> Result<std::optional<ImportedOrigin>> {
        auto conn = db_.Read();
        ImportedOrigin origin;
        std::optional<std::int64_t> accepted_source;
        {
            auto stmt = conn->Prepare(kOriginOf);
            stmt.Bind(1, hoot.value);
            if (!stmt.Step()) return std::optional<ImportedOrigin>();
            origin.site = stmt.Text(0);
            origin.question_source_id = stmt.Int(1);
            origin.credits.push_back(
                {ToPost(hoot), true, stmt.Text(3), stmt.IsNull(4) ? 0 : stmt.Int(4), stmt.Text(2)});
            origin.up_votes = stmt.Int(5);
            origin.down_votes = stmt.Int(6);
            if (!stmt.IsNull(7)) accepted_source = stmt.Int(7);
            origin.closed_at = stmt.IsNull(8) ? 0 : stmt.Int(8);
            origin.close_reason = stmt.Text(9);
            origin.locked = stmt.Int(10) != 0;
        }
        {
            auto stmt = conn->Prepare(kAnswerCredits);
            stmt.Bind(1, hoot.value);
            while (stmt.Step())
                origin.credits.push_back({PostId(stmt.Int(0)), false, stmt.Text(2),
                                          stmt.IsNull(3) ? 0 : stmt.Int(3), stmt.Text(1)});
        }
        if (accepted_source) {
            auto stmt = conn->Prepare(kFindMapped);
            stmt.BindAll(std::string_view(origin.site), static_cast<int>(kMapPost),
                         *accepted_source);
            if (stmt.Step()) origin.accepted = CommentId(stmt.Int(0));
        }
        {
            auto stmt = conn->Prepare(kDuplicatesOf);
            stmt.Bind(1, hoot.value);
            while (stmt.Step())
                origin.duplicate_of.push_back({HootId(stmt.Int(0)), stmt.Text(1), stmt.Text(2)});
        }
        return std::optional<ImportedOrigin>(std::move(origin));
    });
}

}  // namespace hoot::store::sqlite
