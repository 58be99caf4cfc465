#pragma once
// The SQLite side of `hoot migrate-db` (store/migrate_db.hpp): a community's database read as
// one consistent snapshot, table by table, while a server may go on writing to it.
//
// Thread-safety: one thread at a time.

#include <cstdint>
#include <filesystem>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "store/sqlite/db.hpp"
#include "store/table_rows.hpp"

namespace hoot::store::sqlite {

class MigrationSource {
  public:
    // Opens `file` read-only and starts the read transaction every later call reads in (in WAL
    // mode writers go on; this reader sees the database as it was here). Throws SqliteError when
    // the file cannot be opened or read.
    explicit MigrationSource(const std::filesystem::path& file);

    // The highest migration recorded in the file; 0 when it has no schema_migrations table (not
    // a Hoot database).
    int SchemaLevel();
    // Ordinary tables, without SQLite's own, the full-text index and its shadow tables.
    std::vector<std::string> Tables();
    // Column names of `table`, in declaration order.
    std::vector<std::string> Columns(std::string_view table);
    // Rows of `table` (a virtual table such as search_index too).
    std::int64_t CountRows(std::string_view table);
    // Calls `visit` with each row of `table`, cells in the order of `columns`. Throws SqliteError.
    void ReadRows(std::string_view table, std::span<const std::string> columns,
                  const RowVisitor& visit);

  private:
    Connection conn_;
};

}  // namespace hoot::store::sqlite
