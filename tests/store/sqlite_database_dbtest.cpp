// What only the SQLite backend has: its migrations table, its PRAGMAs, its WAL file.

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "store/sqlite/migrations.hpp"
#include "store/store_fixture.hpp"

namespace hoot::testing {
namespace {

using store::sqlite::Connection;
using store::sqlite::LatestMigration;
using store::sqlite::SqliteBackend;

struct MigrationRow {
    std::int64_t number;
    std::string name;
    std::int64_t applied_at;
    bool operator==(const MigrationRow&) const = default;
};

std::vector<MigrationRow> MigrationRows(SqliteBackend& backend) {
    auto conn = backend.database().Read();
    auto stmt = conn->Prepare("SELECT number, name, applied_at FROM schema_migrations ORDER BY 1");
    std::vector<MigrationRow> rows;
    while (stmt.Step()) rows.push_back({stmt.Int(0), stmt.Text(1), stmt.Int(2)});
    return rows;
}

std::string PragmaText(Connection& conn, const char* pragma) {
    auto stmt = conn.Prepare(pragma);
    EXPECT_TRUE(stmt.Step()) << pragma;
    return stmt.Text(0);
}

class SqliteDatabaseTest : public ::testing::Test {
  protected:
    std::filesystem::path file() const { return dir_.path() / "hoot.db"; }
    TempDir dir_;
};

TEST_F(SqliteDatabaseTest, NewFileGetsEveryMigrationRecorded) {
    ASSERT_FALSE(std::filesystem::exists(file()));
    SqliteBackend backend(file());
    EXPECT_TRUE(std::filesystem::exists(file()));
    auto rows = MigrationRows(backend);
    // Numbers are assigned per task, so a branch may have gaps: increasing, ending at the latest.
    ASSERT_FALSE(rows.empty());
    EXPECT_EQ(rows.back().number, LatestMigration());
    for (std::size_t i = 0; i < rows.size(); ++i) {
        SCOPED_TRACE(i);
        if (i > 0) {
            EXPECT_GT(rows[i].number, rows[i - 1].number);
        }
        EXPECT_FALSE(rows[i].name.empty());
        EXPECT_GT(rows[i].applied_at, 0);
    }
    // The schema is there: the stores work.
    auto count = backend.stores().users.Count();
    ASSERT_TRUE(count.ok());
    EXPECT_EQ(*count, 0);
}

TEST_F(SqliteDatabaseTest, ReopeningAppliesNothingTwice) {
    std::vector<MigrationRow> first;
    {
        SqliteBackend backend(file());
        first = MigrationRows(backend);
        ASSERT_TRUE(backend.stores().users.Create({"alice", "h", false, 1}).ok());
    }
    for (int reopen = 1; reopen <= 3; ++reopen) {
        SCOPED_TRACE(reopen);
        std::unique_ptr<SqliteBackend> backend;
        ASSERT_NO_THROW(backend = std::make_unique<SqliteBackend>(file()));
        EXPECT_EQ(MigrationRows(*backend), first) << "same rows, same applied_at";
        auto count = backend->stores().users.Count();
        ASSERT_TRUE(count.ok());
        EXPECT_EQ(*count, 1);
    }
}

TEST_F(SqliteDatabaseTest, DatabaseFromANewerHootIsRefused) {
    const int future = LatestMigration() + 100;
    {
        SqliteBackend backend(file());
        backend.database()
            .Write()
            ->Prepare("INSERT INTO schema_migrations(number, name, applied_at) VALUES (?, ?, 1)")
            .BindAll(future, std::string_view("from the future"))
            .Exec();
    }
    try {
        SqliteBackend backend(file());
        FAIL() << "opened a database with schema " << future;
    } catch (const std::exception& e) {
        const std::string message = e.what();
        EXPECT_NE(message.find("newer"), std::string::npos) << message;
        EXPECT_NE(message.find(std::to_string(future)), std::string::npos) << message;
    }
}

TEST_F(SqliteDatabaseTest, WalAndForeignKeysOnEveryConnection) {
    SqliteBackend backend(file());
    {
        auto writer = backend.database().Write();
        EXPECT_EQ(PragmaText(*writer, "PRAGMA journal_mode"), "wal");
        EXPECT_EQ(PragmaText(*writer, "PRAGMA foreign_keys"), "1");
        EXPECT_EQ(PragmaText(*writer, "PRAGMA synchronous"), "2") << "FULL";
    }
    // Lease the whole pool at once, so that every reader is checked.
    std::vector<store::sqlite::Database::ReadLease> readers;
    for (int i = 0; i < 4; ++i) readers.push_back(backend.database().Read());
    for (auto& reader : readers) {
        EXPECT_EQ(PragmaText(*reader, "PRAGMA journal_mode"), "wal");
        EXPECT_EQ(PragmaText(*reader, "PRAGMA foreign_keys"), "1");
    }
}

TEST_F(SqliteDatabaseTest, WritesSurviveAProcessThatDiesWithoutClosing) {
    pid_t child = fork();
    ASSERT_NE(child, -1);
    if (child == 0) {
        // Like kill -9: no destructors, no checkpoint, no close.
        auto* backend = new SqliteBackend(file());
        auto user = backend->stores().users.Create({"survivor", "h", false, 10});
        if (!user.ok()) _exit(2);
        auto settings = backend->stores().settings.GetOrInsert("secret", "kept");
        _exit(settings.ok() ? 0 : 3);
    }
    int status = 0;
    ASSERT_EQ(waitpid(child, &status, 0), child);
    ASSERT_TRUE(WIFEXITED(status));
    ASSERT_EQ(WEXITSTATUS(status), 0);

    auto wal = file();
    wal += "-wal";
    ASSERT_TRUE(std::filesystem::exists(wal));
    EXPECT_GT(std::filesystem::file_size(wal), 0u) << "the writes are still only in the WAL";

    SqliteBackend backend(file());
    auto user = backend.stores().users.FindByUsername("survivor");
    ASSERT_TRUE(user.ok());
    ASSERT_TRUE(user->has_value());
    EXPECT_EQ((*user)->created_at, 10);
    auto secret = backend.stores().settings.GetOrInsert("secret", "new");
    ASSERT_TRUE(secret.ok());
    EXPECT_EQ(*secret, "kept");
}

TEST_F(SqliteDatabaseTest, ACleanCloseFoldsTheWalIntoTheFile) {
    {
        SqliteBackend backend(file());
        ASSERT_TRUE(backend.stores().users.Create({"alice", "h", false, 1}).ok());
    }
    auto wal = file();
    wal += "-wal";
    EXPECT_TRUE(!std::filesystem::exists(wal) || std::filesystem::file_size(wal) == 0);
}

}  // namespace
}  // namespace hoot::testing
