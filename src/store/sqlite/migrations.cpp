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
