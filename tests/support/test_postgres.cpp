#include "support/test_postgres.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <functional>
#include <stdexcept>

#include "store/postgres/db.hpp"
#include "store/postgres/migrations.hpp"

namespace hoot::testing {

std::string TestPostgresUrl() {
    const char* url = std::getenv("HOOT_TEST_POSTGRES");
    if (!url || !*url)
        throw std::runtime_error(
            "HOOT_TEST_POSTGRES is not set: run through make test, which starts a PostgreSQL "
            "cluster; or set HOOT_TEST_POSTGRES=postgres://user@host:port/db (or wrap the test "
            "command in scripts/with_pg_cluster.sh)");
    return url;
}

const std::string& PostgresTemplate() {
    static const std::string name = [] {
        std::string url = TestPostgresUrl();
        std::string schema;
        for (const auto& migration : store::postgres::Migrations()) schema += migration.sql;
        std::string name = "hoot_template_" + std::to_string(std::hash<std::string>{}(schema));
        std::string building = name + "_building";
        store::postgres::Connection admin(url);
        constexpr std::int64_t kTemplateLock = 0x486f6f7454;  // "HootT"
        admin.Query("SELECT pg_advisory_lock($1::bigint)", kTemplateLock);
        if (admin.Query("SELECT 1 FROM pg_database WHERE datname = $1", name).empty()) {
            // A process that died while building leaves a half-made template behind.
            admin.ExecScript("DROP DATABASE IF EXISTS \"" + building + "\" WITH (FORCE)");
            admin.ExecScript("CREATE DATABASE \"" + building + "\"");
            {
                store::postgres::PoolOptions options;
                options.size = 1;
                store::postgres::Database migrated(store::postgres::UrlWithDatabase(url, building),
                                                   options);
            }
            admin.ExecScript("ALTER DATABASE \"" + building + "\" RENAME TO \"" + name + "\"");
        }
        admin.Query("SELECT pg_advisory_unlock($1::bigint)", kTemplateLock);
        return name;
    }();
    return name;
}

TestPostgresDatabase::TestPostgresDatabase() : admin_url_(TestPostgresUrl()) {
    static std::atomic<int> counter{0};
    const std::string& source = PostgresTemplate();
    name_ = "t_" + std::to_string(::getpid()) + "_" + std::to_string(++counter);
    store::postgres::Connection admin(admin_url_);
    admin.ExecScript("CREATE DATABASE \"" + name_ + "\" TEMPLATE \"" + source + "\"");
}

TestPostgresDatabase::~TestPostgresDatabase() {
    try {
        store::postgres::Connection admin(admin_url_);
        admin.ExecScript("DROP DATABASE IF EXISTS \"" + name_ + "\" WITH (FORCE)");
    } catch (const std::exception& e) {
        ADD_FAILURE() << "dropping test database " << name_ << ": " << e.what();
    }
}

std::string TestPostgresDatabase::url() const {
    return store::postgres::UrlWithDatabase(admin_url_, name_);
}

bool IntegrationOnPostgres() {
    const char* backend = std::getenv("HOOT_TEST_BACKEND");
    return backend && std::string_view(backend) == "postgres";
}

}  // namespace hoot::testing
