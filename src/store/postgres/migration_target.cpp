#include "store/postgres/migration_target.hpp"

#include <libpq-fe.h>

#include <algorithm>
#include <charconv>

#include "app/log.hpp"
#include "store/postgres/migrations.hpp"

namespace hoot::store::postgres {
namespace {

constexpr std::string_view kTables =
    "SELECT table_name::text FROM information_schema.tables "
    "WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' "
    "AND table_name <> 'schema_migrations' ORDER BY table_name";
// Generated columns (search_index.document) are the database's to compute.
constexpr std::string_view kColumns =
    "SELECT column_name::text, data_type::text FROM information_schema.columns "
    "WHERE table_schema = current_schema() AND table_name = $1 AND is_generated = 'NEVER' "
    "ORDER BY ordinal_position";
constexpr std::string_view kTablesWithTriggers =
    "SELECT DISTINCT c.relname::text FROM pg_trigger t "
    "JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace "
    "WHERE NOT t.tgisinternal AND n.nspname = current_schema()";
// Indexes that back no constraint (those stay with their primary key or unique constraint).
constexpr std::string_view kSecondaryIndexes =
    "SELECT c.relname::text, ic.relname::text, pg_get_indexdef(i.indexrelid) FROM pg_index i "
    "JOIN pg_class c ON c.oid = i.indrelid JOIN pg_class ic ON ic.oid = i.indexrelid "
    "JOIN pg_namespace n ON n.oid = c.relnamespace "
    "WHERE n.nspname = current_schema() "
    "AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid) "
    "ORDER BY 2";
constexpr std::string_view kForeignKeys =
    "SELECT c.relname::text, k.conname::text, pg_get_constraintdef(k.oid) FROM pg_constraint k "
    "JOIN pg_class c ON c.oid = k.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace "
    "WHERE n.nspname = current_schema() AND k.contype = 'f' ORDER BY 1, 2";
constexpr std::string_view kIdentityColumns =
    "SELECT table_name::text, column_name::text FROM information_schema.columns "
    "WHERE table_schema = current_schema() AND is_identity = 'YES' ORDER BY table_name";

// What the triggers of schema.cpp's migrations 4 (search) and 5 (profiles) would have written,
// row by row, for every copied row: the migrations' own backfill.
constexpr const char* kRebuildDerived = "DELETE FROM search_index;\n" PG_SEARCH_INDEX_BACKFILL
                                        "DELETE FROM tag_counts;\n" PG_TAG_COUNTS_BACKFILL;

// Rows travel in chunks of this size: few round trips, little memory.
constexpr std::size_t kChunkBytes = 1 << 20;

[[noreturn]] void Throw(PGconn* conn, PGresult* result, std::string_view what) {
    const char* state = result ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
    std::string sqlstate = state ? state : "";
    std::string message = result ? PQresultErrorMessage(result) : "";
    if (message.empty()) message = PQerrorMessage(conn);
    while (!message.empty() && (message.back() == '\n' || message.back() == ' '))
        message.pop_back();
    PQclear(result);
    if (sqlstate.empty() && PQstatus(conn) != CONNECTION_OK) sqlstate = "08006";
    throw PgError(std::move(sqlstate), message + " [" + std::string(what) + "]");
}

}  // namespace

// --- CopyIn ---

CopyIn::CopyIn(Connection& conn, std::string_view table, std::span<const TargetColumn> columns)
    : conn_(conn), table_(table) {
    std::string sql = "COPY " + QuoteIdentifier(table) + " (";
    for (std::size_t i = 0; i < columns.size(); ++i) {
        sql += (i ? ", " : "") + QuoteIdentifier(columns[i].name);
        bytea_.push_back(columns[i].bytea);
    }
    sql += ") FROM STDIN";
    PGresult* result = PQexec(conn_.raw(), sql.c_str());
    if (PQresultStatus(result) != PGRES_COPY_IN) Throw(conn_.raw(), result, sql);
    PQclear(result);
    open_ = true;
    buffer_.reserve(kChunkBytes + kChunkBytes / 4);
}

CopyIn::~CopyIn() {
    if (!open_ || !conn_.Healthy()) return;
    // Ends the COPY with an error, which aborts the transaction the caller is about to roll back.
    PQputCopyEnd(conn_.raw(), "cancelled by hoot migrate-db");
    while (PGresult* result = PQgetResult(conn_.raw())) PQclear(result);
}

// COPY's text format: a tab between columns, a newline after the row, \N for NULL, and a
// backslash before any backslash, tab, newline or carriage return inside a value.
void CopyIn::Append(const Cell& cell, bool bytea) {
    char digits[32];
    switch (cell.type) {
        case Cell::Type::kNull:
            buffer_ += "\\N";
            return;
        case Cell::Type::kInteger: {
            auto [end, ec] = std::to_chars(digits, digits + sizeof digits, cell.integer);
            buffer_.append(digits, end);
            return;
        }
        case Cell::Type::kReal: {
            // Shortest text that reads back as the same double.
            auto [end, ec] = std::to_chars(digits, digits + sizeof digits, cell.real);
            buffer_.append(digits, end);
            return;
        }
        case Cell::Type::kText:
        case Cell::Type::kBlob:
            break;
    }
    if (bytea) {
        // bytea's hex form, \x…, with its backslash escaped for COPY.
        static constexpr char kHex[] = "0123456789abcdef";
        buffer_ += "\\\\x";
        for (unsigned char byte : cell.bytes) {
            buffer_ += kHex[byte >> 4];
            buffer_ += kHex[byte & 15];
        }
        return;
    }
    // Text goes as stored: PostgreSQL itself refuses what is not valid in its encoding (a NUL
    // byte, broken UTF-8), naming the table and line, rather than us changing anyone's words.
    std::string_view text = cell.bytes;
    std::size_t start = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        char escaped;
        switch (text[i]) {
            case '\\':
                escaped = '\\';
                break;
            case '\t':
                escaped = 't';
                break;
            case '\n':
                escaped = 'n';
                break;
            case '\r':
                escaped = 'r';
                break;
            default:
                continue;
        }
        buffer_.append(text.substr(start, i - start));
        buffer_ += '\\';
        buffer_ += escaped;
        start = i + 1;
    }
    buffer_.append(text.substr(start));
}

void CopyIn::Add(std::span<const Cell> row) {
    for (std::size_t i = 0; i < row.size(); ++i) {
        if (i) buffer_ += '\t';
        Append(row[i], bytea_[i]);
    }
    buffer_ += '\n';
    if (buffer_.size() >= kChunkBytes) Flush();
}

void CopyIn::Flush() {
    if (buffer_.empty()) return;
    if (PQputCopyData(conn_.raw(), buffer_.data(), static_cast<int>(buffer_.size())) != 1)
        Throw(conn_.raw(), nullptr, "COPY " + table_);
    buffer_.clear();
}

std::int64_t CopyIn::Finish() {
    Flush();
    open_ = false;
    if (PQputCopyEnd(conn_.raw(), nullptr) != 1) Throw(conn_.raw(), nullptr, "COPY " + table_);
    PGresult* result = PQgetResult(conn_.raw());
    if (PQresultStatus(result) != PGRES_COMMAND_OK) {
        // Drains what follows the failure, so the connection can take the ROLLBACK.
        while (PGresult* more = PQgetResult(conn_.raw())) PQclear(more);
        Throw(conn_.raw(), result, "COPY " + table_);
    }
    std::int64_t rows = 0;
    std::string_view tuples = PQcmdTuples(result);
    std::from_chars(tuples.data(), tuples.data() + tuples.size(), rows);
    PQclear(result);
    while (PGresult* more = PQgetResult(conn_.raw())) PQclear(more);
    return rows;
}

// --- MigrationTarget ---

MigrationTarget::MigrationTarget(Database& db) : lease_(db.Acquire()) {}

MigrationTarget::~MigrationTarget() {
    if (!in_transaction_ || !lease_->Healthy()) return;
    try {
        lease_->ExecScript("ROLLBACK");
    } catch (const std::exception& e) {
        log::Error(std::string("migrate-db: rollback failed: ") + e.what());
    }
}

std::vector<std::string> MigrationTarget::Tables() {
    std::vector<std::string> tables;
    for (Row row : lease_->Query(kTables)) tables.push_back(row.Text(0));
    return tables;
}

std::vector<TargetColumn> MigrationTarget::Columns(std::string_view table) {
    std::vector<TargetColumn> columns;
    for (Row row : lease_->Query(kColumns, table))
        columns.push_back({row.Text(0), row.TextView(1) == "bytea"});
    return columns;
}

void MigrationTarget::Begin(std::span<const std::string> tables) {
    tables_.assign(tables.begin(), tables.end());
    std::vector<std::string> with_triggers;
    for (Row row : lease_->Query(kTablesWithTriggers)) with_triggers.push_back(row.Text(0));
    lease_->ExecScript("BEGIN");
    in_transaction_ = true;
    // SQLite holds UTF-8; the server converts it to the database's encoding whatever that is.
    lease_->ExecScript("SET LOCAL client_encoding = 'UTF8'");
    // A server using this database holds its locks for milliseconds; anything longer is
    // something to tell the person about rather than wait on.
    lease_->ExecScript("SET LOCAL lock_timeout = '30s'");
    std::string lock = "LOCK TABLE ";
    for (std::size_t i = 0; i < tables.size(); ++i)
        lock += (i ? ", " : "") + QuoteIdentifier(tables[i]);
    // No one else writes (or, for the tables whose triggers go off, reads) until we commit, so
    // the emptiness checked next still holds when we commit.
    lease_->ExecScript(lock + " IN EXCLUSIVE MODE");
    for (const auto& table : tables) {
        if (std::find(with_triggers.begin(), with_triggers.end(), table) == with_triggers.end())
            continue;
        lease_->ExecScript("ALTER TABLE " + QuoteIdentifier(table) + " DISABLE TRIGGER USER");
        triggers_off_.push_back(table);
    }
}

bool MigrationTarget::HasRows(std::string_view table) {
    return lease_->Query("SELECT EXISTS (SELECT 1 FROM " + QuoteIdentifier(table) + ")")[0].Bool(0);
}

std::int64_t MigrationTarget::CountRows(std::string_view table) {
    return lease_->Query("SELECT COUNT(*) FROM " + QuoteIdentifier(table))[0].Int(0);
}

void MigrationTarget::Clear(std::string_view table) {
    lease_->ExecScript("DELETE FROM " + QuoteIdentifier(table));
}

void MigrationTarget::SetAsideIndexesAndForeignKeys() {
    auto ours = [&](std::string_view table) {
        return std::find(tables_.begin(), tables_.end(), table) != tables_.end();
    };
    // Index builds sort in memory up to this much, per index, for this transaction only.
    lease_->ExecScript("SET LOCAL maintenance_work_mem = '256MB'");
    std::vector<std::string> drop;
    for (Row row : lease_->Query(kForeignKeys)) {
        if (!ours(row.TextView(0))) continue;
        drop.push_back("ALTER TABLE " + QuoteIdentifier(row.TextView(0)) + " DROP CONSTRAINT " +
                       QuoteIdentifier(row.TextView(1)));
        restore_.push_back("ALTER TABLE " + QuoteIdentifier(row.TextView(0)) + " ADD CONSTRAINT " +
                           QuoteIdentifier(row.TextView(1)) + " " + row.Text(2));
    }
    std::vector<std::string> indexes;
    for (Row row : lease_->Query(kSecondaryIndexes)) {
        if (!ours(row.TextView(0))) continue;
        drop.push_back("DROP INDEX " + QuoteIdentifier(row.TextView(1)));
        indexes.push_back(row.Text(2));
    }
    // Indexes first, so each key's check can use them.
    restore_.insert(restore_.begin(), indexes.begin(), indexes.end());
    for (const auto& statement : drop) lease_->ExecScript(statement);
}

void MigrationTarget::RestoreIndexesAndForeignKeys() {
    for (const auto& statement : restore_) lease_->ExecScript(statement);
    restore_.clear();
}

CopyIn MigrationTarget::StartCopy(std::string_view table, std::span<const TargetColumn> columns) {
    return CopyIn(*lease_, table, columns);
}

void MigrationTarget::RebuildDerivedTables() { lease_->ExecScript(kRebuildDerived); }

void MigrationTarget::MoveSequencesPastCopiedIds() {
    std::vector<std::pair<std::string, std::string>> identities;
    for (Row row : lease_->Query(kIdentityColumns))
        identities.emplace_back(row.Text(0), row.Text(1));
    for (const auto& [table, column] : identities) {
        // An empty table keeps its fresh sequence; otherwise the next id is MAX + 1.
        lease_->Query("SELECT setval(pg_get_serial_sequence($1, $2), MAX(" +
                          QuoteIdentifier(column) + ")) FROM " + QuoteIdentifier(table) +
                          " HAVING MAX(" + QuoteIdentifier(column) + ") IS NOT NULL",
                      QuoteIdentifier(table), column);
    }
}

void MigrationTarget::Commit() {
    for (const auto& table : triggers_off_)
        lease_->ExecScript("ALTER TABLE " + QuoteIdentifier(table) + " ENABLE TRIGGER USER");
    lease_->ExecScript("COMMIT");
    in_transaction_ = false;
}

}  // namespace hoot::store::postgres
