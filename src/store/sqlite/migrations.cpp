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
