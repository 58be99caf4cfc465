#include "store/sqlite/migrations.hpp"

#include <string>

#include "app/log.hpp"

namespace hoot::store::sqlite {
namespace {

struct Migration {
    int number;
    const char* name;
    const char* sql;
};

// Append only: a released migration never changes. Keep postgres/migrations in step.
// Text that is shown as HTML (*_html) is written only by the Markdown sanitiser.
constexpr Migration kMigrations[] = {
    {1, "foundation", R"sql(
CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;

CREATE TABLE users (
    id            INTEGER PRIMARY KEY,
    username      TEXT NOT NULL,
    username_key  TEXT NOT NULL UNIQUE,      -- lower-cased: names are unique case-insensitively
    password_hash TEXT,                      -- NULL: cannot sign in (e.g. imported users)
    display_name  TEXT NOT NULL DEFAULT '',
    bio_source    TEXT NOT NULL DEFAULT '',
    bio_html      TEXT NOT NULL DEFAULT '',
    is_admin      INTEGER NOT NULL DEFAULT 0,
    created_at    INTEGER NOT NULL,
    hoot_count    INTEGER NOT NULL DEFAULT 0,
    comment_count INTEGER NOT NULL DEFAULT 0
) STRICT;

CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY,             -- BLAKE2b of the token: a stolen table opens nothing
    user_id    INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL
) STRICT, WITHOUT ROWID;
CREATE INDEX sessions_by_user ON sessions(user_id);

-- Hoots and comments share one id space, so reactions, updates, revisions and replies can name
-- "a post" with one number (the API's /posts/{id}), as Stack Exchange's Posts table does.
CREATE TABLE posts (
    id   INTEGER PRIMARY KEY,
    kind INTEGER NOT NULL CHECK (kind IN (1, 2))  -- 1 hoot, 2 comment
) STRICT;

CREATE TABLE hoots (
    id            INTEGER PRIMARY KEY REFERENCES posts(id),
    author_id     INTEGER NOT NULL REFERENCES users(id),
    title         TEXT NOT NULL,
    slug          TEXT NOT NULL,
    body_source   TEXT NOT NULL,
    body_html     TEXT NOT NULL,
    body_text     TEXT NOT NULL DEFAULT '',  -- the words, for structured data and search
    excerpt       TEXT NOT NULL,
    tags          TEXT NOT NULL DEFAULT '',  -- space-separated, normalised; hoot_tags indexes them
    created_at    INTEGER NOT NULL,
    updated_at    INTEGER NOT NULL,
    comment_count INTEGER NOT NULL DEFAULT 0,
    positive      INTEGER NOT NULL DEFAULT 0,
    negative      INTEGER NOT NULL DEFAULT 0,
    deleted_at    INTEGER
) STRICT;
CREATE INDEX hoots_latest ON hoots(created_at DESC, id DESC) WHERE deleted_at IS NULL;
CREATE INDEX hoots_by_author ON hoots(author_id, created_at DESC, id DESC);

CREATE TABLE hoot_tags (
    hoot_id INTEGER NOT NULL REFERENCES hoots(id) ON DELETE CASCADE,
    tag     TEXT NOT NULL,
    PRIMARY KEY (tag, hoot_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX hoot_tags_by_hoot ON hoot_tags(hoot_id);

CREATE TABLE comments (
    id          INTEGER PRIMARY KEY REFERENCES posts(id),
    hoot_id     INTEGER NOT NULL REFERENCES hoots(id) ON DELETE CASCADE,
    author_id   INTEGER NOT NULL REFERENCES users(id),
    body_source TEXT NOT NULL,
    body_html   TEXT NOT NULL,
    body_text   TEXT NOT NULL DEFAULT '',
    created_at  INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL,
    positive    INTEGER NOT NULL DEFAULT 0,
    negative    INTEGER NOT NULL DEFAULT 0,
    best_score  REAL NOT NULL DEFAULT 0,     -- Wilson lower bound, kept in step with the counts
    deleted_at  INTEGER
) STRICT;
CREATE INDEX comments_by_time ON comments(hoot_id, created_at, id);
CREATE INDEX comments_by_best ON comments(hoot_id, best_score DESC, created_at, id);
CREATE INDEX comments_by_author ON comments(author_id, created_at DESC);
)sql"},
    {2, "thread", R"sql(
ALTER TABLE hoots ADD COLUMN revision INTEGER NOT NULL DEFAULT 1;
ALTER TABLE hoots ADD COLUMN deleted_comment_count INTEGER NOT NULL DEFAULT 0;
ALTER TABLE comments ADD COLUMN revision INTEGER NOT NULL DEFAULT 1;

-- One row per person, post and kind: toggling is an insert or a delete. reaction_counts and the
-- positive/negative columns of hoots and comments are kept in step in the same transaction.
CREATE TABLE reactions (
    post_id    INTEGER NOT NULL REFERENCES posts(id),
    user_id    INTEGER NOT NULL REFERENCES users(id),
    kind       INTEGER NOT NULL CHECK (kind BETWEEN 0 AND 3),
    created_at INTEGER NOT NULL,
    PRIMARY KEY (post_id, user_id, kind)
) STRICT, WITHOUT ROWID;
CREATE INDEX reactions_by_user ON reactions(user_id, post_id);

CREATE TABLE reaction_counts (
    post_id INTEGER NOT NULL REFERENCES posts(id),
    kind    INTEGER NOT NULL,
    count   INTEGER NOT NULL,
    PRIMARY KEY (post_id, kind)
) STRICT, WITHOUT ROWID;

CREATE TABLE post_updates (
    id          INTEGER PRIMARY KEY,
    post_id     INTEGER NOT NULL REFERENCES posts(id),
    author_id   INTEGER NOT NULL REFERENCES users(id),
    heading     TEXT NOT NULL,
    body_source TEXT NOT NULL,
    body_html   TEXT NOT NULL,
    created_at  INTEGER NOT NULL,
    body_text   TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX post_updates_by_post ON post_updates(post_id, id);

CREATE TABLE replies (
    id         INTEGER PRIMARY KEY,
    post_id    INTEGER NOT NULL REFERENCES posts(id),
    author_id  INTEGER NOT NULL REFERENCES users(id),
    body       TEXT NOT NULL,
    body_html  TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    deleted_at INTEGER
) STRICT;
CREATE INDEX replies_by_post ON replies(post_id, created_at, id);

-- Every version of a post's editable text; number 1 is the original.
CREATE TABLE revisions (
    post_id     INTEGER NOT NULL REFERENCES posts(id),
    number      INTEGER NOT NULL,
    author_id   INTEGER NOT NULL REFERENCES users(id),
    created_at  INTEGER NOT NULL,
    title       TEXT NOT NULL DEFAULT '',
    tags        TEXT NOT NULL DEFAULT '',
    body_source TEXT NOT NULL,
    PRIMARY KEY (post_id, number)
) STRICT, WITHOUT ROWID;
INSERT INTO revisions(post_id, number, author_id, created_at, title, tags, body_source)
    SELECT id, 1, author_id, created_at, title, tags, body_source FROM hoots;
INSERT INTO revisions(post_id, number, author_id, created_at, body_source)
    SELECT id, 1, author_id, created_at, body_source FROM comments;
)sql"},
    {3, "social", R"sql(
-- Maintained counts for the top bar (bell, DM box) and the thread (followers): read on every page.
ALTER TABLE users ADD COLUMN unread_notifications INTEGER NOT NULL DEFAULT 0;
ALTER TABLE users ADD COLUMN unread_conversations INTEGER NOT NULL DEFAULT 0;
-- Preferences: commenting follows the hoot; one bit per notification kind (1 << kind), all on.
ALTER TABLE users ADD COLUMN follow_on_comment INTEGER NOT NULL DEFAULT 1;
ALTER TABLE users ADD COLUMN notify_mask INTEGER NOT NULL DEFAULT 62;
ALTER TABLE hoots ADD COLUMN follower_count INTEGER NOT NULL DEFAULT 0;

CREATE TABLE follows (
    hoot_id    INTEGER NOT NULL REFERENCES hoots(id),
    user_id    INTEGER NOT NULL REFERENCES users(id),
    created_at INTEGER NOT NULL,
    PRIMARY KEY (hoot_id, user_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX follows_by_user ON follows(user_id, created_at DESC, hoot_id DESC);
-- Authors follow their own hoots, commenters what they commented on (the product's rule, applied
-- to what was written before it existed).
INSERT INTO follows(hoot_id, user_id, created_at) SELECT id, author_id, created_at FROM hoots;
INSERT OR IGNORE INTO follows(hoot_id, user_id, created_at)
    SELECT hoot_id, author_id, MIN(created_at) FROM comments GROUP BY hoot_id, author_id;
UPDATE hoots SET follower_count = (SELECT COUNT(*) FROM follows f WHERE f.hoot_id = hoots.id);

-- One row per person and event: event_key names the event ("c:{comment}", "u:{update}",
-- "r:{post}:{actor}:{kind}", "p:{reply}", "h:{hoot}"), so a person mentioned in a comment on a
-- hoot they follow is told once, and toggling a reaction off and on tells nobody twice.
CREATE TABLE notifications (
    id         INTEGER PRIMARY KEY,
    user_id    INTEGER NOT NULL REFERENCES users(id),
    kind       INTEGER NOT NULL CHECK (kind BETWEEN 1 AND 5),
    hoot_id    INTEGER NOT NULL REFERENCES hoots(id),
    post_id    INTEGER NOT NULL REFERENCES posts(id),
    actor_id   INTEGER NOT NULL REFERENCES users(id),
    event_key  TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    read_at    INTEGER,
    UNIQUE (user_id, event_key)
) STRICT;
CREATE INDEX notifications_inbox ON notifications(user_id, id DESC);
CREATE INDEX notifications_unread_by_hoot ON notifications(user_id, hoot_id) WHERE read_at IS NULL;

-- A conversation is the pair of people (lower id first); each side has a member row with its own
-- unread count, ordered by the last message for the conversation list.
CREATE TABLE conversations (
    id        INTEGER PRIMARY KEY,
    user_low  INTEGER NOT NULL REFERENCES users(id),
    user_high INTEGER NOT NULL REFERENCES users(id),
    CHECK (user_low < user_high),
    UNIQUE (user_low, user_high)
) STRICT;
CREATE TABLE conversation_members (
    user_id         INTEGER NOT NULL REFERENCES users(id),
    other_id        INTEGER NOT NULL REFERENCES users(id),
    conversation_id INTEGER NOT NULL REFERENCES conversations(id),
    last_message_id INTEGER NOT NULL,
    unread_count    INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (user_id, other_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX conversation_members_recent ON conversation_members(user_id, last_message_id DESC);
CREATE TABLE messages (
    id              INTEGER PRIMARY KEY,
    conversation_id INTEGER NOT NULL REFERENCES conversations(id),
    sender_id       INTEGER NOT NULL REFERENCES users(id),
    body_source     TEXT NOT NULL,
    body_html       TEXT NOT NULL,
    created_at      INTEGER NOT NULL
) STRICT;
CREATE INDEX messages_by_conversation ON messages(conversation_id, id);

CREATE TABLE blocks (
    blocker_id INTEGER NOT NULL REFERENCES users(id),
    blocked_id INTEGER NOT NULL REFERENCES users(id),
    created_at INTEGER NOT NULL,
    PRIMARY KEY (blocker_id, blocked_id)
) STRICT, WITHOUT ROWID;
)sql"},
    {4, "search", R"sql(
-- Full-text search (store/sqlite/search_store.cpp). One row per live hoot, comment and update,
-- numbered so that the thread is in the number: rowid = hoot id * 2^31 + 2 * post id for the
-- hoot and its comments, + 2 * update id + 1 for updates (ids stay below 2^30; past that an
-- insert fails loudly on a taken rowid rather than mixing threads). So the search groups by
-- thread and walks newest threads first without reading any row's content.
-- The triggers below keep the index in step with every write to the content tables, whoever
-- makes it (the services, an importer, a console): it never holds deleted or outdated text. A
-- deleted hoot's comments and updates stay indexed; the search joins hoots and skips them.
-- body is the plain text (body_text); body_source stands in where a writer left that empty.
-- post_id: the hoot or comment, or for an update the post it was added to.
CREATE VIRTUAL TABLE search_index USING fts5(
    title, body, post_id UNINDEXED,
    tokenize = 'porter unicode61 remove_diacritics 2');

CREATE TRIGGER search_hoot_insert AFTER INSERT ON hoots WHEN new.deleted_at IS NULL BEGIN
    INSERT INTO search_index(rowid, title, body, post_id)
    VALUES (new.id * 2147483648 + 2 * new.id, new.title,
            IIF(new.body_text <> '', new.body_text, new.body_source), new.id);
END;
CREATE TRIGGER search_hoot_update AFTER UPDATE OF title, body_text, body_source, deleted_at
ON hoots BEGIN
    DELETE FROM search_index WHERE rowid = old.id * 2147483648 + 2 * old.id;
    INSERT INTO search_index(rowid, title, body, post_id)
    SELECT new.id * 2147483648 + 2 * new.id, new.title,
           IIF(new.body_text <> '', new.body_text, new.body_source), new.id
    WHERE new.deleted_at IS NULL;
END;
CREATE TRIGGER search_hoot_delete AFTER DELETE ON hoots BEGIN
    DELETE FROM search_index
    WHERE rowid >= old.id * 2147483648 AND rowid < (old.id + 1) * 2147483648;
END;

CREATE TRIGGER search_comment_insert AFTER INSERT ON comments WHEN new.deleted_at IS NULL BEGIN
    INSERT INTO search_index(rowid, title, body, post_id)
    VALUES (new.hoot_id * 2147483648 + 2 * new.id, '',
            IIF(new.body_text <> '', new.body_text, new.body_source), new.id);
END;
CREATE TRIGGER search_comment_update AFTER UPDATE OF body_text, body_source, deleted_at
ON comments BEGIN
    DELETE FROM search_index WHERE rowid = old.hoot_id * 2147483648 + 2 * old.id;
    INSERT INTO search_index(rowid, title, body, post_id)
    SELECT new.hoot_id * 2147483648 + 2 * new.id, '',
           IIF(new.body_text <> '', new.body_text, new.body_source), new.id
    WHERE new.deleted_at IS NULL;
END;
-- A comment's updates go and come back with it.
CREATE TRIGGER search_comment_updates_follow AFTER UPDATE OF deleted_at ON comments
WHEN (old.deleted_at IS NULL) <> (new.deleted_at IS NULL) BEGIN
    DELETE FROM search_index WHERE rowid IN
        (SELECT new.hoot_id * 2147483648 + 2 * id + 1 FROM post_updates WHERE post_id = new.id);
    INSERT INTO search_index(rowid, title, body, post_id)
    SELECT new.hoot_id * 2147483648 + 2 * u.id + 1, '',
           u.heading || ' ' || IIF(u.body_text <> '', u.body_text, u.body_source), new.id
    FROM post_updates u WHERE u.post_id = new.id AND new.deleted_at IS NULL;
END;
CREATE TRIGGER search_comment_delete AFTER DELETE ON comments BEGIN
    DELETE FROM search_index WHERE rowid = old.hoot_id * 2147483648 + 2 * old.id;
END;

-- An update of a hoot or of a live comment; its thread is the hoot, or the comment's hoot.
CREATE TRIGGER search_update_insert AFTER INSERT ON post_updates BEGIN
    INSERT INTO search_index(rowid, title, body, post_id)
    SELECT COALESCE(c.hoot_id, new.post_id) * 2147483648 + 2 * new.id + 1, '',
           new.heading || ' ' || IIF(new.body_text <> '', new.body_text, new.body_source),
           new.post_id
    FROM (SELECT new.post_id AS id) p LEFT JOIN comments c ON c.id = p.id
    WHERE c.deleted_at IS NULL;
END;
CREATE TRIGGER search_update_update AFTER UPDATE ON post_updates BEGIN
    DELETE FROM search_index WHERE rowid =
        COALESCE((SELECT hoot_id FROM comments WHERE id = old.post_id), old.post_id)
        * 2147483648 + 2 * old.id + 1;
    INSERT INTO search_index(rowid, title, body, post_id)
    SELECT COALESCE(c.hoot_id, new.post_id) * 2147483648 + 2 * new.id + 1, '',
           new.heading || ' ' || IIF(new.body_text <> '', new.body_text, new.body_source),
           new.post_id
    FROM (SELECT new.post_id AS id) p LEFT JOIN comments c ON c.id = p.id
    WHERE c.deleted_at IS NULL;
END;
CREATE TRIGGER search_update_delete AFTER DELETE ON post_updates BEGIN
    DELETE FROM search_index WHERE rowid =
        COALESCE((SELECT hoot_id FROM comments WHERE id = old.post_id), old.post_id)
        * 2147483648 + 2 * old.id + 1;
END;

INSERT INTO search_index(rowid, title, body, post_id)
SELECT id * 2147483648 + 2 * id, title, IIF(body_text <> '', body_text, body_source), id
FROM hoots WHERE deleted_at IS NULL;
INSERT INTO search_index(rowid, title, body, post_id)
SELECT hoot_id * 2147483648 + 2 * id, '', IIF(body_text <> '', body_text, body_source), id
FROM comments WHERE deleted_at IS NULL;
INSERT INTO search_index(rowid, title, body, post_id)
SELECT COALESCE(c.hoot_id, u.post_id) * 2147483648 + 2 * u.id + 1, '',
       u.heading || ' ' || IIF(u.body_text <> '', u.body_text, u.body_source), u.post_id
FROM post_updates u LEFT JOIN comments c ON c.id = u.post_id WHERE c.deleted_at IS NULL;
)sql"},
    {5, "profiles", R"sql(
-- Tags with how many visible hoots carry each, kept by triggers in the transaction that changes
-- hoot_tags or a hoot's deleted_at, so /tags never counts per view.
CREATE TABLE tag_counts (
    tag   TEXT PRIMARY KEY,
    count INTEGER NOT NULL
) STRICT, WITHOUT ROWID;
CREATE INDEX tag_counts_by_count ON tag_counts(count DESC, tag);
INSERT INTO tag_counts(tag, count)
    SELECT t.tag, COUNT(*) FROM hoot_tags t JOIN hoots h ON h.id = t.hoot_id
    WHERE h.deleted_at IS NULL GROUP BY t.tag;
CREATE TRIGGER tag_counts_on_tag AFTER INSERT ON hoot_tags
WHEN (SELECT deleted_at IS NULL FROM hoots WHERE id = NEW.hoot_id) BEGIN
    INSERT INTO tag_counts(tag, count) VALUES (NEW.tag, 1)
        ON CONFLICT(tag) DO UPDATE SET count = count + 1;
END;
CREATE TRIGGER tag_counts_on_untag AFTER DELETE ON hoot_tags
WHEN (SELECT deleted_at IS NULL FROM hoots WHERE id = OLD.hoot_id) BEGIN
    UPDATE tag_counts SET count = count - 1 WHERE tag = OLD.tag;
    DELETE FROM tag_counts WHERE tag = OLD.tag AND count <= 0;
END;
CREATE TRIGGER tag_counts_on_delete AFTER UPDATE OF deleted_at ON hoots
WHEN OLD.deleted_at IS NULL AND NEW.deleted_at IS NOT NULL BEGIN
    UPDATE tag_counts SET count = count - 1
        WHERE tag IN (SELECT tag FROM hoot_tags WHERE hoot_id = NEW.id);
    DELETE FROM tag_counts WHERE count <= 0;
END;
CREATE TRIGGER tag_counts_on_restore AFTER UPDATE OF deleted_at ON hoots
WHEN OLD.deleted_at IS NOT NULL AND NEW.deleted_at IS NULL BEGIN
    INSERT INTO tag_counts(tag, count) SELECT tag, 1 FROM hoot_tags WHERE hoot_id = NEW.id
        ON CONFLICT(tag) DO UPDATE SET count = count + 1;
END;

-- Feed orders other than Latest (hoots_latest): Top walks net score, Unanswered the hoots
-- without comments. Hot ranks by a formula of the reading time (see feed_store.cpp).
CREATE INDEX hoots_top ON hoots(positive - negative DESC, id DESC) WHERE deleted_at IS NULL;
CREATE INDEX hoots_unanswered ON hoots(created_at DESC, id DESC)
    WHERE deleted_at IS NULL AND comment_count = 0;

-- A profile's comments, newest first, paged by (created_at, id).
CREATE INDEX comments_by_author_time ON comments(author_id, created_at DESC, id DESC)
    WHERE deleted_at IS NULL;

ALTER TABLE users ADD COLUMN website TEXT NOT NULL DEFAULT '';
)sql"},
    {6, "import", R"sql(
-- Stack Exchange imports. (site, kind, source id) → local id makes a second import of the same
-- dump update in place. kind: 1 user, 2 post (question or answer), 3 reply (an SE comment).
CREATE TABLE import_map (
    site      TEXT NOT NULL,
    kind      INTEGER NOT NULL CHECK (kind IN (1, 2, 3)),
    source_id INTEGER NOT NULL,
    local_id  INTEGER NOT NULL,
    PRIMARY KEY (site, kind, source_id)
) STRICT, WITHOUT ROWID;

-- What attribution (CC BY-SA) and the thread need of an imported post. up/down are the imported
-- votes, already added into the post's positive/negative columns (so popularity counts them like
-- local reactions); kept here so a re-import can replace them instead of adding them twice.
CREATE TABLE imported_posts (
    post_id            INTEGER PRIMARY KEY REFERENCES posts(id),
    site               TEXT NOT NULL,
    source_id          INTEGER NOT NULL,
    license            TEXT NOT NULL,
    author_name        TEXT NOT NULL,
    author_source_id   INTEGER,              -- NULL: a deleted Stack Exchange user
    up_votes           INTEGER NOT NULL DEFAULT 0,
    down_votes         INTEGER NOT NULL DEFAULT 0,
    accepted_source_id INTEGER,              -- questions: the accepted answer's source id
    closed_at          INTEGER,
    close_reason       TEXT NOT NULL DEFAULT '',
    locked             INTEGER NOT NULL DEFAULT 0
) STRICT;
CREATE INDEX imported_posts_by_site ON imported_posts(site);

-- Duplicate links (PostLinks type 3): `hoot_id` is a duplicate of `target_id`.
CREATE TABLE imported_links (
    hoot_id   INTEGER NOT NULL REFERENCES hoots(id),
    target_id INTEGER NOT NULL REFERENCES hoots(id),
    PRIMARY KEY (hoot_id, target_id)
) STRICT, WITHOUT ROWID;

CREATE TABLE imported_users (
    user_id    INTEGER PRIMARY KEY REFERENCES users(id),
    site       TEXT NOT NULL,
    source_id  INTEGER NOT NULL,
    location   TEXT NOT NULL DEFAULT '',
    website    TEXT NOT NULL DEFAULT '',
    reputation INTEGER NOT NULL DEFAULT 0
) STRICT;

CREATE TABLE tag_excerpts (
    site    TEXT NOT NULL,
    tag     TEXT NOT NULL,
    excerpt TEXT NOT NULL,
    PRIMARY KEY (site, tag)
) STRICT, WITHOUT ROWID;
)sql"},
    {7, "avatars", R"sql(
-- A person's avatar as Hoot re-encoded it (never the upload itself). `hash` names the picture in
-- its URL, so browsers may cache it for ever; users.avatar_hash repeats it on the row every page
-- already reads for an author, so showing avatars costs no query of its own.
CREATE TABLE avatars (
    user_id    INTEGER PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
    hash       TEXT NOT NULL,
    mime       TEXT NOT NULL,
    bytes      BLOB NOT NULL,
    updated_at INTEGER NOT NULL
) STRICT;
ALTER TABLE users ADD COLUMN avatar_hash TEXT NOT NULL DEFAULT '';  -- '' when there is none
)sql"},
    {9, "hot bound", R"sql(
-- The most points any hoot has bounds how old a hoot can be and still make a Hot page
-- (feed_store.cpp), so Hot reads recent hoots instead of all of them.
CREATE INDEX hoots_points ON hoots(positive - negative + comment_count) WHERE deleted_at IS NULL;
)sql"},
    {10, "rate buckets", R"sql(
-- Rate-limit buckets shared by the instances of a PostgreSQL deployment. A SQLite site is one
-- instance and keeps its buckets in memory (http/rate_limit.cpp), so nothing writes this table:
-- it is here because the two schemas are one schema with the same numbers and tables, so that a
-- database moves between backends as it is.
CREATE TABLE rate_buckets (
    key        TEXT PRIMARY KEY,
    tokens     REAL NOT NULL,
    updated_at REAL NOT NULL  -- Unix seconds with their fraction (a bucket refills by the second)
) STRICT, WITHOUT ROWID;
)sql"},
    {11, "search reads <", R"sql(
-- Nothing to change here: PostgreSQL's text search parser took `<script>` for a tag (its
-- migration 11); FTS5's unicode61 tokenizer reads `<` as a separator. The number is taken on
-- both backends, so that a number means one step of one schema.
)sql"},
};

}  // namespace

int LatestMigration() { return kMigrations[std::size(kMigrations) - 1].number; }

void ApplyMigrations(Connection& conn) {
    conn.ExecScript(
        "CREATE TABLE IF NOT EXISTS schema_migrations ("
        " number INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL) STRICT;");
    int applied = 0;
    {
        auto stmt = conn.Prepare("SELECT COALESCE(MAX(number), 0) FROM schema_migrations");
        if (stmt.Step()) applied = static_cast<int>(stmt.Int(0));
    }
    if (applied > LatestMigration())
        throw std::runtime_error("the database was written by a newer Hoot (schema " +
                                 std::to_string(applied) + "); this binary knows up to " +
                                 std::to_string(LatestMigration()));
    for (const auto& migration : kMigrations) {
        if (migration.number <= applied) continue;
        WriteTx tx(conn);
        conn.ExecScript(migration.sql);
        conn.Prepare(
                "INSERT INTO schema_migrations(number, name, applied_at) "
                "VALUES (?, ?, unixepoch())")
            .BindAll(migration.number, std::string_view(migration.name))
            .Exec();
        tx.Commit();
        log::Info("applied migration " + std::to_string(migration.number) + " " + migration.name);
    }
}

}  // namespace hoot::store::sqlite
