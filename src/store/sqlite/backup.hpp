#pragma once
// `hoot backup`: a consistent copy of a live SQLite database, taken with SQLite's online backup
// API while a server keeps writing to it.

#include <cstdint>
#include <filesystem>
#include <functional>

#include "domain/result.hpp"

namespace hoot::store::sqlite {

struct BackupSummary {
    std::int64_t bytes = 0;
    std::int64_t users = 0, hoots = 0, comments = 0;  // rows in the copy, for the person to check
};

// Called between chunks with the pages copied so far and the total.
using BackupProgress = std::function<void(std::int64_t done, std::int64_t total)>;

// Copies `source` into `target` as one snapshot: a read transaction is held on the source for the
// whole copy (in WAL mode writers go on meanwhile; the copy is the database as it was when the
// backup began). The copy is written beside `target` under a temporary name, checked
// (quick_check) and only then renamed into place, so `target` is either the whole backup or
// untouched. kInvalidInput when there is no database at `source` or `target` exists and
// `overwrite` is false; kInternal when copying fails.
Result<BackupSummary> BackupDatabase(const std::filesystem::path& source,
                                     const std::filesystem::path& target, bool overwrite,
                                     const BackupProgress& progress = {});

}  // namespace hoot::store::sqlite
