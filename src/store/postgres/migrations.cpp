#include "store/postgres/migrations.hpp"

#include "app/log.hpp"

namespace hoot::store::postgres {
namespace {

constexpr std::string_view kCreateMigrationsTable =
    "CREATE TABLE IF NOT EXISTS schema_migrations ("
    " number BIGINT PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)";
constexpr std::string_view kLatestApplied =
    "SELECT COALESCE(MAX(number), 0) FROM schema_migrations";
constexpr std::string_view kRecordMigration =
    "INSERT INTO schema_migrations(number, name, applied_at) "
    "VALUES ($1, $2, EXTRACT(EPOCH FROM now())::bigint)";
constexpr std::string_view kLock = "SELECT pg_advisory_lock($1::bigint)";
constexpr std::string_view kUnlock = "SELECT pg_advisory_unlock($1::bigint)";

// Releases the advisory lock however ApplyMigrations ends; a broken connection has lost it with
// its session already.
class MigrationLock {
  public:
    explicit MigrationLock(Connection& conn) : conn_(conn) {
        conn_.Query(kLock, kMigrationLockKey);
    }
    ~MigrationLock() {
        if (!conn_.Healthy()) return;
        try {
            if (conn_.InTransaction()) conn_.ExecScript("ROLLBACK");
            conn_.Query(kUnlock, kMigrationLockKey);
        } catch (const std::exception& e) {
            log::Error(std::string("releasing the migration lock failed: ") + e.what());
        }
    }
    MigrationLock(const MigrationLock&) = delete;
    MigrationLock& operator=(const MigrationLock&) = delete;

  private:
    Connection& conn_;
};

}  // namespace

int LatestMigration() { return Migrations().back().number; }

void ApplyMigrations(Connection& conn) {
    MigrationLock lock(conn);
    conn.ExecScript(std::string(kCreateMigrationsTable));
    int applied = static_cast<int>(conn.Query(kLatestApplied)[0].Int(0));
    if (applied > LatestMigration())
        throw std::runtime_error("the database was written by a newer Hoot (schema " +
                                 std::to_string(applied) + "); this binary knows up to " +
                                 std::to_string(LatestMigration()));
    for (const auto& migration : Migrations()) {
        if (migration.number <= applied) continue;
        Transaction tx(conn);
        conn.ExecScript(migration.sql);
        conn.Query(kRecordMigration, migration.number, migration.name);
        tx.Commit();
        log::Info("applied PostgreSQL migration " + std::to_string(migration.number) + " " +
                  migration.name);
    }
}

}  // namespace hoot::store::postgres
