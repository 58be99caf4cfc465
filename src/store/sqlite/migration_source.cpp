#include "store/sqlite/migration_source.hpp"

#include <memory>

namespace hoot::store::sqlite {
namespace {

constexpr std::string_view kSchemaLevel =
    "SELECT COALESCE((SELECT MAX(number) FROM schema_migrations), 0)";
constexpr std::string_view kHasMigrationsTable =
    "SELECT COUNT(*) FROM sqlite_schema WHERE type = 'table' AND name = 'schema_migrations'";
// pragma_table_list tells ordinary tables from virtual ones (FTS5's search_index) and their
// shadow tables; neither of those moves.
constexpr std::string_view kTables =
    "SELECT name FROM pragma_table_list WHERE schema = 'main' AND type = 'table' "
    "AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name";
constexpr std::string_view kColumns = "SELECT name FROM pragma_table_info(?) ORDER BY cid";

struct FinalizeStmt {
    void operator()(sqlite3_stmt* stmt) const { sqlite3_finalize(stmt); }
};

}  // namespace

MigrationSource::MigrationSource(const std::filesystem::path& file) : conn_(file, true) {
    // One snapshot for the whole move: the read transaction starts with the first read.
    conn_.ExecScript("BEGIN; SELECT COUNT(*) FROM sqlite_schema;");
}

int MigrationSource::SchemaLevel() {
    {
        auto has = conn_.Prepare(kHasMigrationsTable);
        if (!has.Step() || has.Int(0) == 0) return 0;
    }
    auto stmt = conn_.Prepare(kSchemaLevel);
    return stmt.Step() ? static_cast<int>(stmt.Int(0)) : 0;
}

std::vector<std::string> MigrationSource::Tables() {
    std::vector<std::string> tables;
    auto stmt = conn_.Prepare(kTables);
    while (stmt.Step()) tables.push_back(stmt.Text(0));
    return tables;
}

std::vector<std::string> MigrationSource::Columns(std::string_view table) {
    std::vector<std::string> columns;
    auto stmt = conn_.Prepare(kColumns);
    stmt.Bind(1, table);
    while (stmt.Step()) columns.push_back(stmt.Text(0));
    return columns;
}

std::int64_t MigrationSource::CountRows(std::string_view table) {
    auto stmt = conn_.Prepare("SELECT COUNT(*) FROM " + QuoteIdentifier(table));
    return stmt.Step() ? stmt.Int(0) : 0;
}

void MigrationSource::ReadRows(std::string_view table, std::span<const std::string> columns,
                               const RowVisitor& visit) {
    std::string sql = "SELECT ";
    for (std::size_t i = 0; i < columns.size(); ++i)
        sql += (i ? ", " : "") + QuoteIdentifier(columns[i]);
    sql += " FROM " + QuoteIdentifier(table);
    sqlite3_stmt* raw = nullptr;
    if (int rc = sqlite3_prepare_v2(conn_.raw(), sql.c_str(), -1, &raw, nullptr); rc != SQLITE_OK)
        conn_.Fail(rc, sql);
    std::unique_ptr<sqlite3_stmt, FinalizeStmt> stmt(raw);
    std::vector<Cell> row(columns.size());
    for (;;) {
        int rc = sqlite3_step(raw);
        if (rc == SQLITE_DONE) break;
        if (rc != SQLITE_ROW) conn_.Fail(rc, sql);
        for (int i = 0; i < static_cast<int>(row.size()); ++i) {
            Cell& cell = row[i];
            switch (sqlite3_column_type(raw, i)) {
                case SQLITE_INTEGER:
                    cell.type = Cell::Type::kInteger;
                    cell.integer = sqlite3_column_int64(raw, i);
                    break;
                case SQLITE_FLOAT:
                    cell.type = Cell::Type::kReal;
                    cell.real = sqlite3_column_double(raw, i);
                    break;
                case SQLITE_TEXT: {
                    cell.type = Cell::Type::kText;
                    const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(raw, i));
                    cell.bytes = std::string_view(
                        text, static_cast<std::size_t>(sqlite3_column_bytes(raw, i)));
                    break;
                }
                case SQLITE_BLOB: {
                    cell.type = Cell::Type::kBlob;
                    const auto* blob = static_cast<const char*>(sqlite3_column_blob(raw, i));
                    cell.bytes = std::string_view(
                        blob, static_cast<std::size_t>(sqlite3_column_bytes(raw, i)));
                    break;
                }
                default:
                    cell.type = Cell::Type::kNull;
                    break;
            }
        }
        visit(row);
    }
}

}  // namespace hoot::store::sqlite
