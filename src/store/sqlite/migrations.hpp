#pragma once

#include "store/sqlite/db.hpp"

namespace hoot::store::sqlite {

// Applies, in order and each in its own transaction, the numbered migrations the database has
// not seen yet (recorded in schema_migrations). Throws on failure, leaving the failed migration
// unapplied.
void ApplyMigrations(Connection& conn);

// The highest migration number this binary knows.
int LatestMigration();

}  // namespace hoot::store::sqlite
