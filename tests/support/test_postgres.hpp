#pragma once
// Fresh PostgreSQL databases for tests, on the throw-away server `make test` starts
// (scripts/with_pg_cluster.sh exports HOOT_TEST_POSTGRES). Each is copied from a migrated
// template and dropped when its owner goes. Without a server the constructor throws, which
// fails the test: a PostgreSQL test never passes or skips for want of one.

#include <string>

namespace hoot::testing {

// The test server's URL, or a std::runtime_error that says how to get one.
std::string TestPostgresUrl();

// The migrated template every test database is copied from: one per schema (named by a hash of
// the migrations) on the server, built once by whichever test process comes first while the
// others wait on an advisory lock. ctest runs every case in a process of its own, so a template
// per process would migrate once per test.
const std::string& PostgresTemplate();

class TestPostgresDatabase {
  public:
    TestPostgresDatabase();
    ~TestPostgresDatabase();
    TestPostgresDatabase(const TestPostgresDatabase&) = delete;
    TestPostgresDatabase& operator=(const TestPostgresDatabase&) = delete;
    // postgres://… of this database, for a backend or `hoot serve --db`.
    std::string url() const;

  private:
    std::string admin_url_;
    std::string name_;
};

// True when the integration tests run against PostgreSQL (HOOT_TEST_BACKEND=postgres, set by
// the second registration of the integration suite in tests/CMakeLists.txt).
bool IntegrationOnPostgres();

}  // namespace hoot::testing
