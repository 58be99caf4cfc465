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
