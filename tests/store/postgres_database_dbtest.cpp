// What only the PostgreSQL backend has: its migrations under an advisory lock, the connection
// pool, reconnecting, prepared statements, parameters and SQLSTATEs. Needs HOOT_TEST_POSTGRES
// (see store_fixture.hpp); fails without it.

#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <limits>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "store/postgres/migrations.hpp"
#include "store/postgres/stores.hpp"
#include "store/sqlite/migrations.hpp"
#include "store/store_fixture.hpp"

namespace hoot::testing {
namespace {

using store::postgres::Connection;
using store::postgres::Database;
using store::postgres::PgError;
using store::postgres::PoolOptions;
using store::postgres::Transaction;

// An empty database of its own on the test server, dropped at the end.
class PostgresDatabaseTest : public ::testing::Test {
  protected:
    void SetUp() override {
        admin_url_ = TestPostgresUrl();
        static std::atomic<int> counter{0};
        name_ = "s_" + std::to_string(::getpid()) + "_" + std::to_string(++counter);
        Connection(admin_url_).ExecScript("CREATE DATABASE \"" + name_ + "\"");
    }
    void TearDown() override {
        Connection(admin_url_).ExecScript("DROP DATABASE IF EXISTS \"" + name_ + "\" WITH (FORCE)");
    }
    std::string url() const { return store::postgres::UrlWithDatabase(admin_url_, name_); }
    // A connection to the server outside any pool under test.
    Connection Admin() const { return Connection(admin_url_); }

    std::string admin_url_;
    std::string name_;
};

struct MigrationRow {
    std::int64_t number;
    std::string name;
    bool operator==(const MigrationRow&) const = default;
};

std::vector<MigrationRow> MigrationRows(Database& db) {
    std::vector<MigrationRow> rows;
    auto conn = db.Acquire();
    for (auto row : conn->Query("SELECT number, name FROM schema_migrations ORDER BY 1"))
        rows.push_back({row.Int(0), row.Text(1)});
    return rows;
}

std::vector<MigrationRow> KnownMigrations() {
    std::vector<MigrationRow> rows;
    for (const auto& migration : store::postgres::Migrations())
        rows.push_back({migration.number, migration.name});
    return rows;
}

TEST_F(PostgresDatabaseTest, NewDatabaseGetsEveryMigrationRecorded) {
    Database db(url());
    EXPECT_EQ(MigrationRows(db), KnownMigrations());
    EXPECT_EQ(store::postgres::LatestMigration(), 11);
}

TEST_F(PostgresDatabaseTest, MigrationsHaveTheSameNumbersAndNamesAsSqlite) {
    // The two backends' schemas are one schema translated: a number means the same change.
    const std::vector<MigrationRow> expected = {
        {1, "foundation"},    {2, "thread"},         {3, "social"},  {4, "search"},
        {5, "profiles"},      {6, "import"},         {7, "avatars"}, {9, "hot bound"},
        {10, "rate buckets"}, {11, "search reads <"}};
    EXPECT_EQ(KnownMigrations(), expected);
    EXPECT_EQ(store::postgres::LatestMigration(), store::sqlite::LatestMigration());
}

TEST_F(PostgresDatabaseTest, InstancesStartingTogetherMigrateOnce) {
    constexpr int kInstances = 4;
    std::vector<std::thread> threads;
    std::atomic<int> failures{0};
    std::vector<std::string> errors(kInstances);
    for (int i = 0; i < kInstances; ++i) {
        threads.emplace_back([&, i] {
            try {
                Database db(url());
            } catch (const std::exception& e) {
                errors[i] = e.what();
                ++failures;
            }
        });
    }
    for (auto& thread : threads) thread.join();
    for (const auto& error : errors) EXPECT_EQ(error, "");
    EXPECT_EQ(failures.load(), 0);
    Database db(url());
    EXPECT_EQ(MigrationRows(db), KnownMigrations());
}

TEST_F(PostgresDatabaseTest, ReopeningAMigratedDatabaseAppliesNothing) {
    { Database first(url()); }
    Database again(url());
    auto conn = again.Acquire();
    EXPECT_EQ(conn->Query("SELECT COUNT(*) FROM schema_migrations")[0].Int(0),
              static_cast<std::int64_t>(KnownMigrations().size()));
}

// Numbers may have gaps (8 is unused): a database left at 7 by an older Hoot gets 9 and later
// and nothing else, and opens as one made new.
TEST_F(PostgresDatabaseTest, ADatabaseBeforeAGapGetsTheMigrationsAfterIt) {
    {
        Database db(url());
        // Undone newest first: 11, 10, 9.
        db.Acquire()->ExecScript(
            "ALTER TABLE search_index DROP COLUMN document;"
            "ALTER TABLE search_index ADD COLUMN document tsvector GENERATED ALWAYS AS ("
            " setweight(to_tsvector('hoot_english'::regconfig, title), 'A') ||"
            " setweight(to_tsvector('hoot_english'::regconfig, body), 'B')) STORED;"
            "CREATE INDEX search_index_document ON search_index USING GIN (document);"
            "DROP FUNCTION search_parser_text;"
            "DROP TABLE rate_buckets; DROP INDEX hoots_points;"
            "DELETE FROM schema_migrations WHERE number IN (9, 10, 11);");
    }
    Database again(url());
    EXPECT_EQ(MigrationRows(again), KnownMigrations());
    auto conn = again.Acquire();
    EXPECT_EQ(
        conn->Query("SELECT COUNT(*) FROM pg_indexes WHERE indexname = 'hoots_points'")[0].Int(0),
        1);
}

TEST_F(PostgresDatabaseTest, ADatabaseFromANewerHootIsRefused) {
    {
        Database db(url());
        db.Acquire()->Query("INSERT INTO schema_migrations VALUES (999, 'future', 0)");
    }
    try {
        Database db(url());
        FAIL() << "opened a database with schema 999";
    } catch (const std::runtime_error& e) {
        EXPECT_NE(std::string(e.what()).find("newer Hoot"), std::string::npos) << e.what();
    }
}

TEST_F(PostgresDatabaseTest, AnUnreachableServerIsAStartUpError) {
    // Port 1 on 127.0.0.1: nothing listens there.
    try {
        Database db("postgres://nobody@127.0.0.1:1/none?connect_timeout=5");
        FAIL() << "connected to nothing";
    } catch (const PgError& e) {
        EXPECT_TRUE(e.IsUnavailable()) << e.sqlstate();
        EXPECT_NE(std::string(e.what()).find("cannot connect"), std::string::npos) << e.what();
    }
}

TEST_F(PostgresDatabaseTest, AFullPoolMakesWaitersGiveUpAsUnavailable) {
    PoolOptions options;
    options.size = 1;
    options.acquire_timeout = std::chrono::milliseconds(50);
    store::postgres::PostgresBackend backend(url(), options);
    EXPECT_EQ(backend.database().pool_size(), 1);
    {
        auto held = backend.database().Acquire();
        try {
            backend.database().Acquire();
            FAIL() << "a second connection from a pool of one";
        } catch (const PgError& e) {
            EXPECT_EQ(e.sqlstate(), store::postgres::kPoolTimeoutState);
            EXPECT_TRUE(e.IsUnavailable());
        }
        auto count = backend.stores().users.Count();
        ASSERT_FALSE(count.ok());
        EXPECT_EQ(count.error().code, Errc::kUnavailable);
    }
    // Returned: the next caller gets it.
    auto count = backend.stores().users.Count();
    ASSERT_TRUE(count.ok()) << count.error().detail;
    EXPECT_EQ(*count, 0);
}

TEST_F(PostgresDatabaseTest, PoolSizeComesFromTheUrl) {
    Database db(url() + "?pool_size=3");
    EXPECT_EQ(db.pool_size(), 3);
    std::vector<Database::Lease> leases;
    for (int i = 0; i < 3; ++i) leases.push_back(db.Acquire());
    std::set<std::int64_t> pids;
    for (auto& lease : leases) pids.insert(lease->Query("SELECT pg_backend_pid()")[0].Int(0));
    EXPECT_EQ(pids.size(), 3u) << "three leases, three server sessions";
}

TEST_F(PostgresDatabaseTest, ABrokenConnectionIsReplacedWhenReturned) {
    PoolOptions options;
    options.size = 1;
    store::postgres::PostgresBackend backend(url(), options);
    auto& users = backend.stores().users;
    ASSERT_TRUE(users.Create({"alice", "hash", false, 1}).ok());
    std::int64_t pid = backend.database().Acquire()->Query("SELECT pg_backend_pid()")[0].Int(0);

    auto admin = Admin();
    ASSERT_TRUE(admin.Query("SELECT pg_terminate_backend($1::int, 10000)", pid)[0].Bool(0));

    // The call that meets the dead session fails as unavailable (a retry may succeed) ...
    auto during = users.FindByUsername("alice");
    ASSERT_FALSE(during.ok());
    EXPECT_EQ(during.error().code, Errc::kUnavailable);
    // ... and the connection is reset on its way back to the pool, statements and all.
    auto after = users.FindByUsername("alice");
    ASSERT_TRUE(after.ok()) << after.error().detail;
    ASSERT_TRUE(after->has_value());
    EXPECT_EQ((*after)->username, "alice");
    EXPECT_NE(backend.database().Acquire()->Query("SELECT pg_backend_pid()")[0].Int(0), pid);
}

TEST_F(PostgresDatabaseTest, StatementsArePreparedOncePerConnection) {
    Database db(url());
    auto conn = db.Acquire();
    constexpr std::string_view kQuery = "SELECT value FROM settings WHERE key = $1";
    for (int i = 0; i < 3; ++i) EXPECT_TRUE(conn->Query(kQuery, "missing").empty());
    auto prepared =
        conn->Query("SELECT COUNT(*) FROM pg_prepared_statements WHERE statement = $1", kQuery);
    EXPECT_EQ(prepared[0].Int(0), 1);
}

TEST_F(PostgresDatabaseTest, ParametersAndColumnsKeepTheirValues) {
    Database db(url());
    auto conn = db.Acquire();
    const std::int64_t big = std::numeric_limits<std::int64_t>::max();
    const std::int64_t small = std::numeric_limits<std::int64_t>::min();
    const std::string text = "quote ' backslash \\ ünïcödé 🦉 $1";
    std::optional<std::string> none;
    auto rows = conn->Query(
        "SELECT $1::bigint, $2::bigint, $3::float8, $4::float8, $5::text, "
        "$6::text, $6::text IS NULL, $7::int",
        big, small, 0.1, 1e-300, text, none, true);
    ASSERT_EQ(rows.size(), 1);
    auto row = rows[0];
    EXPECT_EQ(row.Int(0), big);
    EXPECT_EQ(row.Int(1), small);
    EXPECT_EQ(row.Real(2), 0.1);
    EXPECT_EQ(row.Real(3), 1e-300);
    EXPECT_EQ(row.Text(4), text);
    EXPECT_TRUE(row.IsNull(5));
    EXPECT_EQ(row.Int(5), 0);
    EXPECT_TRUE(row.Bool(6));
    EXPECT_EQ(row.Int(7), 1);
}

TEST_F(PostgresDatabaseTest, ErrorsCarryTheirSqlstate) {
    Database db(url());
    auto conn = db.Acquire();
    conn->Query("INSERT INTO settings(key, value) VALUES ('k', 'v')");
    try {
        conn->Query("INSERT INTO settings(key, value) VALUES ('k', 'w')");
        FAIL() << "a second row under one key";
    } catch (const PgError& e) {
        EXPECT_EQ(e.sqlstate(), "23505");
        EXPECT_TRUE(e.IsUniqueViolation());
        EXPECT_FALSE(e.IsUnavailable());
    }
    try {
        conn->Query("SELECT * FROM no_such_table");
        FAIL();
    } catch (const PgError& e) {
        EXPECT_EQ(e.sqlstate(), "42P01");
        auto error = store::postgres::ErrorFromException(e);
        EXPECT_EQ(error.code, Errc::kInternal);
    }
}

TEST_F(PostgresDatabaseTest, SerializationFailuresAreRecognised) {
    Database db(url());
    auto first = db.Acquire();
    auto second = db.Acquire();
    first->Query("INSERT INTO settings(key, value) VALUES ('n', '0')");
    Transaction a(*first, Transaction::Isolation::kSerializable);
    Transaction b(*second, Transaction::Isolation::kSerializable);
    first->Query("SELECT value FROM settings WHERE key = 'n'");
    second->Query("SELECT value FROM settings WHERE key = 'n'");
    first->Query("UPDATE settings SET value = '1' WHERE key = 'n'");
    a.Commit();
    try {
        second->Query("UPDATE settings SET value = '2' WHERE key = 'n'");
        FAIL() << "two serializable writers of one row both went through";
    } catch (const PgError& e) {
        EXPECT_TRUE(e.IsSerializationFailure()) << e.sqlstate();
        EXPECT_EQ(store::postgres::ErrorFromException(e).code, Errc::kUnavailable);
    }
}

TEST_F(PostgresDatabaseTest, ATransactionRollsBackUnlessCommitted) {
    Database db(url());
    auto conn = db.Acquire();
    {
        Transaction tx(*conn);
        conn->Query("INSERT INTO settings(key, value) VALUES ('dropped', 'x')");
    }
    {
        Transaction tx(*conn);
        conn->Query("INSERT INTO settings(key, value) VALUES ('kept', 'y')");
        tx.Commit();
    }
    EXPECT_FALSE(conn->InTransaction());
    auto rows = conn->Query("SELECT key FROM settings ORDER BY key");
    ASSERT_EQ(rows.size(), 1);
    EXPECT_EQ(rows[0].Text(0), "kept");
}

TEST_F(PostgresDatabaseTest, ALeaseReturnedInsideATransactionIsRolledBack) {
    PoolOptions options;
    options.size = 1;
    Database db(url(), options);
    {
        auto conn = db.Acquire();
        conn->ExecScript("BEGIN; INSERT INTO settings(key, value) VALUES ('left', 'open')");
    }
    auto conn = db.Acquire();
    EXPECT_FALSE(conn->InTransaction());
    EXPECT_TRUE(conn->Query("SELECT 1 FROM settings WHERE key = 'left'").empty());
}

TEST_F(PostgresDatabaseTest, FullTextSearchIndexFollowsHootsByTrigger) {
    // Migration 4 keeps search_index in step by triggers, as SQLite's FTS5 triggers do; the
    // title weighs more than the body.
    Database db(url());
    auto conn = db.Acquire();
    conn->ExecScript(
        "INSERT INTO users(id, username, username_key, created_at) VALUES (1, 'a', 'a', 1);"
        "INSERT INTO posts(id, kind) VALUES (10, 1), (11, 1);"
        "INSERT INTO hoots(id, author_id, title, slug, body_source, body_html, excerpt, "
        "created_at, updated_at) VALUES "
        "(10, 1, 'Running shoes', 's', 'about owls', '', '', 1, 1),"
        "(11, 1, 'Owls', 's', 'the runners were running', '', '', 2, 2);");
    constexpr std::string_view kSearch =
        "SELECT post_id FROM search_index, to_tsquery('hoot_english', $1) q "
        "WHERE document @@ q ORDER BY ts_rank(document, q) DESC, post_id";
    auto run = conn->Query(kSearch, "run");
    ASSERT_EQ(run.size(), 2);
    EXPECT_EQ(run[0].Int(0), 10) << "a title match outranks a body match";
    EXPECT_EQ(run[1].Int(0), 11);
    EXPECT_EQ(conn->Query(kSearch, "the").size(), 1) << "no stop words, as in SQLite";
    conn->ExecScript("UPDATE hoots SET deleted_at = 5 WHERE id = 10");
    EXPECT_EQ(conn->Query(kSearch, "run").size(), 1);
    conn->ExecScript("UPDATE hoots SET deleted_at = NULL, title = 'Walking' WHERE id = 10");
    EXPECT_EQ(conn->Query(kSearch, "walk").size(), 1);
    EXPECT_EQ(conn->Query(kSearch, "run").size(), 1);
}

TEST(PostgresUrlTest, PoolSizeIsHootsOwnParameter) {
    std::optional<int> size;
    EXPECT_EQ(store::postgres::StripPoolSize("postgres://u:p@h:5432/db?pool_size=12", size),
              "postgres://u:p@h:5432/db");
    EXPECT_EQ(size, 12);
    size.reset();
    EXPECT_EQ(store::postgres::StripPoolSize(
                  "postgres://h/db?sslmode=disable&pool_size=2&connect_timeout=3", size),
              "postgres://h/db?sslmode=disable&connect_timeout=3");
    EXPECT_EQ(size, 2);
    size.reset();
    EXPECT_EQ(store::postgres::StripPoolSize("postgres://h/db", size), "postgres://h/db");
    EXPECT_FALSE(size.has_value());
    EXPECT_THROW(store::postgres::StripPoolSize("postgres://h/db?pool_size=0", size),
                 std::invalid_argument);
    EXPECT_THROW(store::postgres::StripPoolSize("postgres://h/db?pool_size=x", size),
                 std::invalid_argument);
}

TEST(PostgresUrlTest, AnotherDatabaseOnTheSameServer) {
    using store::postgres::UrlWithDatabase;
    EXPECT_EQ(UrlWithDatabase("postgres://u:p@h:1/a", "b"), "postgres://u:p@h:1/b");
    EXPECT_EQ(UrlWithDatabase("postgres://u@h:1/a?x=1", "b"), "postgres://u@h:1/b?x=1");
    EXPECT_EQ(UrlWithDatabase("postgresql://h", "b"), "postgresql://h/b");
    EXPECT_EQ(UrlWithDatabase("postgres://h?x=1", "b"), "postgres://h/b?x=1");
}

}  // namespace
}  // namespace hoot::testing
