#pragma once
// The store suite runs against every backend listed in AllBackends(); this is the one place that
// knows how to make each. A suite derives from StoreTest and is instantiated with
// HOOT_STORE_SUITE(Name); its tests reach the database only through `stores()` (the ports) and
// the few hooks of TestBackend that no port offers.
//
// PostgreSQL runs always: its tests read the server from HOOT_TEST_POSTGRES (`make test` starts a
// throw-away cluster and sets it, scripts/with_pg_cluster.sh) and fail, never skip, without it.
// Each test gets a fresh database copied from a migrated template. The SQL the hooks take
// (Exec) is written to run on both.

#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <memory>
#include <optional>
#include <ostream>
#include <stdexcept>
#include <string>
#include <vector>

#include "service/ports.hpp"
#include "store/postgres/migrations.hpp"
#include "store/postgres/stores.hpp"
#include "store/sqlite/stores.hpp"
#include "support/test_postgres.hpp"
#include "support/test_support.hpp"

namespace hoot::testing {

enum class BackendKind { kSqlite, kPostgres };

// A database under test, fresh and migrated, with its stores.
class TestBackend {
  public:
    virtual ~TestBackend() = default;
    virtual service::Stores stores() = 0;
    // Closes the database cleanly and opens it again (durability).
    virtual void Reopen() = 0;
    // Runs SQL that returns no rows outside the stores, for states no port can make (a deleted
    // hoot, a comment's score). Write it portably.
    virtual void Exec(const std::string& sql) = 0;
    // Drops every table, so that each store call must fail.
    virtual void BreakSchema() = 0;
    // Makes every later change of users.comment_count fail, so a write that reaches it must roll
    // back whatever it did before.
    virtual void FailUserCommentCountUpdates() = 0;
};

class SqliteTestBackend final : public TestBackend {
  public:
    SqliteTestBackend() { Open(); }
    service::Stores stores() override { return backend_->stores(); }
    void Reopen() override {
        backend_.reset();
        Open();
    }
    void Exec(const std::string& sql) override {
        backend_->database().Write()->ExecScript(sql.c_str());
    }
    void BreakSchema() override {
        auto conn = backend_->database().Write();
        std::vector<std::string> tables;
        {
            auto stmt = conn->Prepare(
                "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'");
            while (stmt.Step()) tables.push_back(stmt.Text(0));
        }
        // Off while dropping: dropping a referenced table would otherwise fail on its rows.
        conn->ExecScript("PRAGMA foreign_keys = OFF;");
        // IF EXISTS: dropping a virtual table (full-text search) drops its shadow tables with it.
        for (const auto& table : tables)
            conn->ExecScript(("DROP TABLE IF EXISTS \"" + table + "\"").c_str());
        conn->ExecScript("PRAGMA foreign_keys = ON;");
    }
    void FailUserCommentCountUpdates() override {
        Exec(
            "CREATE TRIGGER fail_user_comment_count BEFORE UPDATE OF comment_count ON users "
            "BEGIN SELECT RAISE(ABORT, 'injected fault'); END;");
    }
    store::sqlite::SqliteBackend& backend() { return *backend_; }
    std::filesystem::path file() const { return dir_.path() / "hoot.db"; }

  private:
    void Open() { backend_ = std::make_unique<store::sqlite::SqliteBackend>(file()); }

    TempDir dir_;
    std::unique_ptr<store::sqlite::SqliteBackend> backend_;
};

class PostgresTestBackend final : public TestBackend {
  public:
    PostgresTestBackend() { Open(); }
    ~PostgresTestBackend() override { backend_.reset(); }
    service::Stores stores() override { return backend_->stores(); }
    void Reopen() override {
        backend_.reset();
        Open();
    }
    void Exec(const std::string& sql) override { backend_->database().Acquire()->ExecScript(sql); }
    void BreakSchema() override {
        // Tables, trigger functions and the search configuration all live in `public`.
        Exec("DROP SCHEMA public CASCADE; CREATE SCHEMA public;");
    }
    void FailUserCommentCountUpdates() override {
        Exec(
            "CREATE FUNCTION fail_user_comment_count() RETURNS trigger LANGUAGE plpgsql AS "
            "$$ BEGIN RAISE EXCEPTION 'injected fault'; END $$; "
            "CREATE TRIGGER fail_user_comment_count BEFORE UPDATE OF comment_count ON users "
            "FOR EACH ROW EXECUTE FUNCTION fail_user_comment_count();");
    }
    store::postgres::PostgresBackend& backend() { return *backend_; }
    std::string url() const { return database_.url(); }

  private:
    void Open() { backend_ = std::make_unique<store::postgres::PostgresBackend>(url()); }

    TestPostgresDatabase database_;
    std::unique_ptr<store::postgres::PostgresBackend> backend_;
};

inline std::vector<BackendKind> AllBackends() {
    return {BackendKind::kSqlite, BackendKind::kPostgres};
}

inline std::unique_ptr<TestBackend> MakeBackend(BackendKind kind) {
    switch (kind) {
        case BackendKind::kSqlite:
            return std::make_unique<SqliteTestBackend>();
        case BackendKind::kPostgres:
            return std::make_unique<PostgresTestBackend>();
    }
    throw std::logic_error("unknown backend kind");
}

// The backend's name in test names and failure messages (letters and digits only).
inline const char* BackendLabel(BackendKind kind) {
    switch (kind) {
        case BackendKind::kSqlite:
            return "Sqlite";
        case BackendKind::kPostgres:
            return "Postgres";
    }
    return "Unknown";
}
inline void PrintTo(BackendKind kind, std::ostream* os) { *os << BackendLabel(kind); }
inline std::string BackendName(const ::testing::TestParamInfo<BackendKind>& info) {
    return BackendLabel(info.param);
}

// The fixture of every backend-independent store test: a fresh database per test.
class StoreTest : public ::testing::TestWithParam<BackendKind> {
  protected:
    void SetUp() override { ResetBackend(); }
    // Starts again on a fresh, empty database (for table-driven cases that each need one).
    void ResetBackend() { backend_ = MakeBackend(GetParam()); }
    service::Stores stores() { return backend_->stores(); }
    TestBackend& backend() { return *backend_; }

    // Helpers that make the rows most tests need; each fails the test when the store refuses.
    UserId AddUser(const std::string& name, UnixSeconds created_at = 1000) {
        auto id =
            stores().users.Create(service::NewUser{name, "hash-of-" + name, false, created_at});
        EXPECT_TRUE(id.ok()) << (id.ok() ? "" : id.error().detail);
        return id.ok() ? *id : UserId();
    }

    HootId AddHoot(UserId author, UnixSeconds created_at, const std::string& title = "A title",
                   std::vector<std::string> tags = {}) {
        service::NewHoot hoot{author,        title,          "a-title",       "Body of " + title,
                              "<p>Body</p>", "Body excerpt", std::move(tags), created_at};
        auto id = stores().hoots.Create(hoot);
        EXPECT_TRUE(id.ok()) << (id.ok() ? "" : id.error().detail);
        return id.ok() ? *id : HootId();
    }

    CommentId AddComment(HootId hoot, UserId author, UnixSeconds created_at,
                         const std::string& body = "a comment") {
        auto id = stores().comments.Create(
            service::NewComment{hoot, author, body, "<p>" + body + "</p>", created_at});
        EXPECT_TRUE(id.ok()) << (id.ok() ? "" : id.error().detail);
        return id.ok() ? *id : CommentId();
    }

    User GetUser(UserId id) {
        auto found = stores().users.FindById(id);
        if (!found.ok() || !*found) {
            ADD_FAILURE() << "user " << id.value << " not found";
            return User();
        }
        return **found;
    }

    Hoot GetHoot(HootId id) {
        auto found = stores().hoots.Find(id);
        if (!found.ok() || !*found) {
            ADD_FAILURE() << "hoot " << id.value << " not found";
            return Hoot();
        }
        return **found;
    }

  private:
    std::unique_ptr<TestBackend> backend_;
};

#define HOOT_STORE_SUITE(Suite)                                                                    \
    INSTANTIATE_TEST_SUITE_P(Backends, Suite, ::testing::ValuesIn(::hoot::testing::AllBackends()), \
                             ::hoot::testing::BackendName)

}  // namespace hoot::testing
