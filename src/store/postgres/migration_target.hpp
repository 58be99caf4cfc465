#pragma once
// The PostgreSQL side of `hoot migrate-db` (store/migrate_db.hpp): fills an empty, migrated Hoot
// database in one transaction, with COPY … FROM STDIN, ids as given.
//
// Everything between Begin() and Commit() is one transaction: destroying the target before
// Commit() rolls it all back, schema changes (the disabled triggers) included, so a failure at
// any point leaves the database exactly as it was. Errors are thrown as PgError.
// Thread-safety: one thread at a time.

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "store/postgres/db.hpp"
#include "store/table_rows.hpp"

namespace hoot::store::postgres {

struct TargetColumn {
    std::string name = {};
    bool bytea = false;  // binary data: a source blob goes over as bytea's hex form
};

// One table's COPY in progress. Rows are buffered and sent in large chunks; the server checks
// them (types, encoding, constraints) and says what it refused at Finish(). Destroying it
// unfinished cancels the COPY, which fails the transaction.
class CopyIn {
  public:
    CopyIn(Connection& conn, std::string_view table, std::span<const TargetColumn> columns);
    ~CopyIn();
    CopyIn(const CopyIn&) = delete;
    CopyIn& operator=(const CopyIn&) = delete;

    // `row` holds one cell per column given to the constructor, in that order.
    void Add(std::span<const Cell> row);
    // Ends the COPY; the rows the server stored. Throws PgError naming the refused row.
    std::int64_t Finish();

  private:
    void Flush();
    void Append(const Cell& cell, bool bytea);

    Connection& conn_;
    std::string table_;
    std::vector<bool> bytea_;
    std::string buffer_;
    bool open_ = false;
};

class MigrationTarget {
  public:
    explicit MigrationTarget(Database& db);
    ~MigrationTarget();
    MigrationTarget(const MigrationTarget&) = delete;
    MigrationTarget& operator=(const MigrationTarget&) = delete;

    // Tables of the current schema, without schema_migrations.
    std::vector<std::string> Tables();
    // Columns a row is written with: those not computed by the database, in declaration order.
    std::vector<TargetColumn> Columns(std::string_view table);

    // BEGIN, then switches off the user triggers of `tables` for this transaction (which locks
    // them against every other session until the end): the derived tables they maintain row by
    // row are rebuilt in bulk by RebuildDerivedTables. Needs the tables' owner, as migrations do.
    void Begin(std::span<const std::string> tables);
    bool HasRows(std::string_view table);
    std::int64_t CountRows(std::string_view table);
    // Empties `table` (Begin first): for settings, the one table a fresh server writes alone.
    void Clear(std::string_view table);
    // Drops the secondary indexes and the foreign keys of the tables given to Begin, keeping
    // their definitions: like pg_restore, the rows go in first and each index is then built in
    // one pass and each key checked with one query, instead of row by row (several times
    // faster on a large community). Primary keys and unique constraints stay.
    void SetAsideIndexesAndForeignKeys();
    // Builds the indexes and adds the foreign keys back, exactly as they were; a copied row that
    // breaks a key fails here, naming the key and the table.
    void RestoreIndexesAndForeignKeys();
    CopyIn StartCopy(std::string_view table, std::span<const TargetColumn> columns);
    // search_index and tag_counts from the copied tables, by the rules of their triggers
    // (schema.cpp, migrations 4 and 5), as if every row had been written by a server.
    void RebuildDerivedTables();
    // Moves each identity sequence past the highest id copied, so the next row a server writes
    // gets a fresh id.
    void MoveSequencesPastCopiedIds();
    // Switches the triggers of Begin back on and commits.
    void Commit();

  private:
    Database::Lease lease_;
    std::vector<std::string> tables_;
    std::vector<std::string> triggers_off_;
    std::vector<std::string> restore_;  // statements that put back what was set aside
    bool in_transaction_ = false;
};

}  // namespace hoot::store::postgres
