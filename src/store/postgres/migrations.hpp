#pragma once

#include <span>
#include <string>

#include "store/postgres/db.hpp"

namespace hoot::store::postgres {

// One numbered schema change. Numbers and meanings match store/sqlite/migrations.cpp (1
// foundation, 2 thread, 3 social, 4 search, 5 profiles, 6 import, 7 avatars, 9 hot bound; 8 is
// unused on both); keep the two in step.
struct Migration {
    int number;
    const char* name;
    const char* sql;
};

// What the search and tag-count triggers of migrations 4 and 5 would have written for every row
// already there: the migrations backfill with it, and so does a move from SQLite
// (migration_target.cpp), which copies rows with the triggers set aside.
#define PG_SEARCH_INDEX_BACKFILL                                                          \
    "INSERT INTO search_index(id, title, body, post_id)\n"                                \
    "SELECT id * 2147483648 + 2 * id, title, search_text(body_text, body_source), id\n"   \
    "FROM hoots WHERE deleted_at IS NULL;\n"                                              \
    "INSERT INTO search_index(id, title, body, post_id)\n"                                \
    "SELECT hoot_id * 2147483648 + 2 * id, '', search_text(body_text, body_source), id\n" \
    "FROM comments WHERE deleted_at IS NULL;\n"                                           \
    "INSERT INTO search_index(id, title, body, post_id)\n"                                \
    "SELECT COALESCE(c.hoot_id, u.post_id) * 2147483648 + 2 * u.id + 1, '',\n"            \
    "       u.heading || ' ' || search_text(u.body_text, u.body_source), u.post_id\n"     \
    "FROM post_updates u LEFT JOIN comments c ON c.id = u.post_id WHERE c.deleted_at IS NULL;\n"
#define PG_TAG_COUNTS_BACKFILL                                                       \
    "INSERT INTO tag_counts(tag, count)\n"                                           \
    "    SELECT t.tag, COUNT(*) FROM hoot_tags t JOIN hoots h ON h.id = t.hoot_id\n" \
    "    WHERE h.deleted_at IS NULL GROUP BY t.tag;\n"

// Every migration this binary knows, in order (schema.cpp).
std::span<const Migration> Migrations();

// The highest migration number this binary knows.
int LatestMigration();

// Applies, in order and each in its own transaction, the migrations the database has not seen
// yet (recorded in schema_migrations). Holds a session advisory lock meanwhile, so instances
// starting together against one database migrate once: the others wait, then find nothing to do.
// Throws on failure, leaving the failed migration unapplied.
void ApplyMigrations(Connection& conn);

// The advisory lock key ApplyMigrations holds ("Hoot" in ASCII).
inline constexpr std::int64_t kMigrationLockKey = 0x486f6f74;

}  // namespace hoot::store::postgres
