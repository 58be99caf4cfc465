#include "store/migrate_db.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <memory>
#include <optional>
#include <set>
#include <string_view>

#include "store/postgres/migration_target.hpp"
#include "store/postgres/stores.hpp"
#include "store/sqlite/migration_source.hpp"
#include "store/sqlite/migrations.hpp"

namespace hoot::store {
namespace {

// Every table of the schema that holds a community, parents before children: PostgreSQL checks
// each foreign key as its table is copied. A table missing here stops the move (see Plan).
//
// sessions move too: the table holds BLAKE2b hashes of the tokens in people's cookies, hashed
// the same on both backends, so everyone stays signed in across the move (a move is the admin's
// doing, not a reason to sign a whole community out); nothing in it opens a session by itself.
// settings moves too: csrf_secret keeps the forms open in browsers valid, and sample_content
// keeps a server on PostgreSQL from seeding its welcome hoot into the moved community.
constexpr std::string_view kCopiedTables[] = {
    "settings",
    "users",
    "sessions",
    "avatars",
    "posts",
    "hoots",
    "hoot_tags",
    "comments",
    "reactions",
    "reaction_counts",
    "post_updates",
    "replies",
    "revisions",
    "follows",
    "notifications",
    "conversations",
    "conversation_members",
    "messages",
    "blocks",
    "import_map",
    "imported_posts",
    "imported_links",
    "imported_users",
    "tag_excerpts",
};
// Kept by triggers on both backends. Rebuilt in bulk on PostgreSQL from the copied tables
// (SQLite's search_index is an FTS5 index PostgreSQL has no use for), then counted against the
// source's own, which its triggers kept by the same rules.
constexpr std::string_view kDerivedTables[] = {"tag_counts", "search_index"};
// Neither copied nor counted: rate_buckets holds who asked how often in the last minutes
// (PostgreSQL shares it between instances; SQLite counts in memory and leaves it empty).
constexpr std::string_view kLeftBehindTables[] = {"rate_buckets"};
// A fresh server writes only settings (its csrf_secret); a target with nothing else is empty.
constexpr std::string_view kSettingsTable = "settings";

struct TablePlan {
    std::string table;
    std::vector<std::string> source_columns;
    std::vector<postgres::TargetColumn> target_columns;  // in source_columns' order
};

bool Contains(std::span<const std::string_view> list, std::string_view name) {
    return std::find(list.begin(), list.end(), name) != list.end();
}

// What to copy, table by table, after checking that both databases hold the same schema: the
// same tables (bar each one's own bookkeeping) and the same columns in each. Columns are matched
// by name, so a column added by ALTER TABLE in a different place on one side still lines up.
Result<std::vector<TablePlan>> Plan(sqlite::MigrationSource& source,
                                    postgres::MigrationTarget& target) {
    auto disagree = [](std::string what) {
        return Error::Make(Errc::kInternal, "the SQLite and PostgreSQL schemas disagree (" + what +
                                                "): this binary cannot move this database");
    };
    std::set<std::string> source_tables, target_tables;
    for (auto& table : source.Tables())
        if (table != "schema_migrations") source_tables.insert(table);
    for (auto& table : target.Tables()) target_tables.insert(table);
    auto known = [](const std::string& table) {
        return Contains(kCopiedTables, table) || Contains(kDerivedTables, table) ||
               Contains(kLeftBehindTables, table);
    };
    for (const auto& table : source_tables)
        if (!known(table)) return disagree("table " + table + " is not known to migrate-db");
    for (const auto& table : target_tables)
        if (!known(table))
            return disagree("table " + table + " on PostgreSQL is not known to migrate-db");

    std::vector<TablePlan> plan;
    for (std::string_view name : kCopiedTables) {
        std::string table(name);
        if (!source_tables.contains(table)) return disagree("no table " + table + " on SQLite");
        if (!target_tables.contains(table)) return disagree("no table " + table + " on PostgreSQL");
        TablePlan step{table, source.Columns(table), {}};
        auto columns = target.Columns(table);
        for (const auto& column : step.source_columns) {
            auto found = std::find_if(columns.begin(), columns.end(),
                                      [&](const auto& c) { return c.name == column; });
            if (found == columns.end())
                return disagree(table + "." + column + " is not on PostgreSQL");
            step.target_columns.push_back(*found);
        }
        if (columns.size() != step.source_columns.size())
            return disagree(table + " has columns on PostgreSQL that SQLite lacks");
        plan.push_back(std::move(step));
    }
    return plan;
}

// The source must be a Hoot's SQLite file at exactly this binary's schema: the copy maps its
// tables one to one onto the PostgreSQL schema of the same number.
Status CheckSource(const std::filesystem::path& file, sqlite::MigrationSource& source) {
    int level = source.SchemaLevel();
    if (level == 0)
        return Error::Make(Errc::kInvalidInput, file.string() + " is not a Hoot database");
    if (level > sqlite::LatestMigration())
        return Error::Make(Errc::kInvalidInput,
                           file.string() + " was written by a newer Hoot (schema " +
                               std::to_string(level) + "); this binary knows up to " +
                               std::to_string(sqlite::LatestMigration()));
    if (level < sqlite::LatestMigration())
        return Error::Make(
            Errc::kInvalidInput,
            file.string() + " is at schema " + std::to_string(level) + " and this hoot writes " +
                std::to_string(sqlite::LatestMigration()) + ": start `hoot serve --db sqlite:" +
                file.string() + "` once to migrate it (then stop it), and run migrate-db again");
    return OkStatus();
}

double SecondsSince(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// Fills the target inside its transaction. Returns the report; commits only when every count
// agrees.
Result<MigrateReport> Copy(sqlite::MigrationSource& source, postgres::MigrationTarget& target,
                           const MigrateProgress& progress) {
    auto started = std::chrono::steady_clock::now();
    auto plan = Plan(source, target);
    if (!plan) return plan.error();

    std::vector<std::string> locked;
    for (const auto& step : *plan) locked.push_back(step.table);
    for (std::string_view table : kDerivedTables) locked.emplace_back(table);
    target.Begin(locked);
    for (const auto& table : locked) {
        if (table == kSettingsTable || !target.HasRows(table)) continue;
        return Error::Make(Errc::kConflict,
                           "the PostgreSQL database already holds a community (table " + table +
                               " has rows): migrate-db only fills an empty database, and wrote "
                               "nothing");
    }
    target.Clear(kSettingsTable);
    target.SetAsideIndexesAndForeignKeys();

    for (const auto& step : *plan) {
        auto table_started = std::chrono::steady_clock::now();
        auto copy = target.StartCopy(step.table, step.target_columns);
        source.ReadRows(step.table, step.source_columns,
                        [&](std::span<const Cell> row) { copy.Add(row); });
        std::int64_t rows = copy.Finish();
        if (progress) progress(step.table, rows, SecondsSince(table_started));
    }
    auto derive_started = std::chrono::steady_clock::now();
    target.RebuildDerivedTables();
    target.MoveSequencesPastCopiedIds();
    if (progress)
        progress("rebuilt search_index and tag_counts", std::nullopt, SecondsSince(derive_started));
    auto restore_started = std::chrono::steady_clock::now();
    target.RestoreIndexesAndForeignKeys();
    if (progress)
        progress("built the indexes and checked the foreign keys", std::nullopt,
                 SecondsSince(restore_started));

    MigrateReport report;
    bool agree = true;
    for (const auto& step : *plan) {
        TableCount count{step.table, source.CountRows(step.table), target.CountRows(step.table)};
        agree = agree && count.source == count.target;
        report.counts.push_back(std::move(count));
    }
    for (std::string_view table : kDerivedTables) {
        TableCount count{std::string(table), source.CountRows(table), target.CountRows(table),
                         true};
        agree = agree && count.source == count.target;
        report.counts.push_back(std::move(count));
    }
    if (agree) {
        target.Commit();
        report.committed = true;
    }
    report.seconds = SecondsSince(started);
    return report;
}

}  // namespace

Result<MigrateReport> MigrateDatabase(const MigrateOptions& options) {
    if (options.from.kind != DatabaseTarget::Kind::kSqlite)
        return Error::Make(Errc::kInvalidInput,
                           "--from must be the SQLite file of the community, sqlite:PATH");
    if (options.to.kind != DatabaseTarget::Kind::kPostgres)
        return Error::Make(Errc::kInvalidInput,
                           "--to must be a PostgreSQL database, "
                           "postgres://USER:PASSWORD@HOST:PORT/DATABASE");
    const std::filesystem::path& file = options.from.sqlite_file;
    std::error_code ec;
    if (!std::filesystem::is_regular_file(file, ec))
        return Error::Make(Errc::kInvalidInput, "no SQLite database at " + file.string());

    std::optional<sqlite::MigrationSource> source;
    try {
        source.emplace(file);
        if (auto checked = CheckSource(file, *source); !checked) return checked.error();
    } catch (const std::exception& e) {
        return Error::Make(Errc::kInvalidInput,
                           "cannot read " + file.string() + " as a Hoot database: " + e.what());
    }

    std::unique_ptr<postgres::PostgresBackend> backend;
    try {
        postgres::PoolOptions pool;
        pool.size = 1;
        backend = std::make_unique<postgres::PostgresBackend>(options.to.postgres_url, pool);
    } catch (const std::exception& e) {
        return Error::Make(Errc::kUnavailable,
                           std::string("cannot use the PostgreSQL database: ") + e.what());
    }

    try {
        postgres::MigrationTarget target(backend->database());
        return Copy(*source, target, options.progress);
    } catch (const std::exception& e) {
        return Error::Make(
            Errc::kInternal,
            std::string(e.what()) + "\nthe move was undone: the PostgreSQL database is as it was");
    }
}

std::string FormatCounts(const MigrateReport& report) {
    std::string text;
    char line[160];
    std::snprintf(line, sizeof line, "%-32s %12s %12s\n", "table", "SQLite", "PostgreSQL");
    text += line;
    for (const auto& count : report.counts) {
        std::string name = count.table + (count.derived ? " (derived)" : "");
        std::snprintf(line, sizeof line, "%-32s %12lld %12lld%s\n", name.c_str(),
                      static_cast<long long>(count.source), static_cast<long long>(count.target),
                      count.source == count.target ? "" : "  DIFFERS");
        text += line;
    }
    return text;
}

}  // namespace hoot::store
