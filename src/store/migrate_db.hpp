#pragma once
// `hoot migrate-db`: moves a whole community from its SQLite file to an empty PostgreSQL
// database, ids and all, so every link into it stays valid, and checks the counts afterwards.
//
// The source is read as one snapshot (a server may keep serving it meanwhile; what it writes
// after the move began stays behind). The target is filled in one transaction: it ends either
// holding the whole community, with every row count equal to the source's, or exactly as it was.

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "domain/result.hpp"
#include "store/backend.hpp"

namespace hoot::store {

struct TableCount {
    std::string table = {};
    std::int64_t source = 0;
    std::int64_t target = 0;
    bool derived = false;  // rebuilt on PostgreSQL from the copied tables, not copied
};

struct MigrateReport {
    std::vector<TableCount> counts = {};
    bool committed = false;  // false: a count differed, and the target was rolled back
    double seconds = 0;
};

// Told after each step: a table copied (its name and rows) or the derived tables rebuilt (no
// rows), and the seconds it took.
using MigrateProgress =
    std::function<void(const std::string& step, std::optional<std::int64_t> rows, double seconds)>;

struct MigrateOptions {
    DatabaseTarget from = {};  // a SQLite file
    DatabaseTarget to = {};    // a PostgreSQL database
    MigrateProgress progress = {};
};

// Moves the community. Returns the report, committed or (counts differing) rolled back.
// Errors, with nothing written to the target:
//   kInvalidInput  `from` is not an existing SQLite file of a Hoot at this binary's schema
//                  (an older one must be served once to migrate it), or `to` is not PostgreSQL;
//   kConflict      the target already holds a community (any user, hoot, message, ...);
//   kUnavailable   the target cannot be reached or migrated;
//   kInternal      the copy failed (a row PostgreSQL refused, the schemas disagree, ...).
Result<MigrateReport> MigrateDatabase(const MigrateOptions& options);

// The counts as a table for a person: one line per table, source and target side by side.
std::string FormatCounts(const MigrateReport& report);

}  // namespace hoot::store
