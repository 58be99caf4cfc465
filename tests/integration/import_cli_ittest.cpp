// `hoot import stackexchange` as a person runs it: exit codes and what it says.

#include <gtest/gtest.h>
#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <fstream>
#include <string>

#include "store/postgres/migration_target.hpp"
#include "store/sqlite/migration_source.hpp"
#include "support/hoot_command.hpp"
#include "support/test_postgres.hpp"
#include "support/test_server.hpp"
#include "support/test_support.hpp"

namespace {

namespace fs = std::filesystem;
using hoot::testing::Outcome;
using hoot::testing::RunHoot;
using hoot::testing::TempDir;

fs::path Dump(const std::string& name) {
    return hoot::testing::SharedDir() / "data" / "stackexchange" / name;
}

bool Has(const Outcome& o, const std::string& text) {
    return o.output.find(text) != std::string::npos;
}

TEST(ImportCli, ImportsADumpAndSummarises) {
    TempDir data;
    auto o = RunHoot("import stackexchange " + Dump("conlang.meta.stackexchange.com").string() +
                     " --data " + data.path().string());
    EXPECT_EQ(o.exit_code, 0) << o.output;
    EXPECT_TRUE(Has(o, "as conlang.meta.stackexchange.com")) << o.output;
    EXPECT_TRUE(Has(o, "questions: ")) << o.output;
    EXPECT_TRUE(Has(o, "Posts.xml: ")) << o.output;  // progress lines (not a terminal)
    EXPECT_TRUE(fs::exists(data.path() / "hoot.sqlite3"));
}

TEST(ImportCli, TagsShowTheExcerptsOfTheImportedSiteWithCredit) {
    TempDir data;
    auto o = RunHoot("import stackexchange " + Dump("conlang.meta.stackexchange.com").string() +
                     " --data " + data.path().string());
    ASSERT_EQ(o.exit_code, 0) << o.output;
    hoot::testing::TestServer server(
        [&](hoot::app::AppConfig& config) { config.data_dir = data.path(); });
    auto client = server.Client();
    // The dump's Tags.xml gives "badges" the excerpt post 161.
    const std::string excerpt =
        "Badges are awarded to encourage and incentivise positive community actions within the "
        "site.";
    const std::string credit =
        "(from <a href=\"https://conlang.meta.stackexchange.com/tags/badges/info\">"
        "conlang.meta.stackexchange.com</a>)";
    auto tags = client.Get("/tags");
    ASSERT_EQ(tags.status, 200);
    EXPECT_TRUE(tags.Contains(excerpt)) << tags.body;
    EXPECT_TRUE(tags.Contains(credit)) << tags.body;
    auto tag = client.Get("/tags/badges");
    ASSERT_EQ(tag.status, 200);
    EXPECT_TRUE(tag.Contains("<p class=\"tag-excerpt\">" + excerpt)) << tag.body;
    EXPECT_TRUE(tag.Contains(credit)) << tag.body;
    auto api = client.Get("/api/v1/tags");
    ASSERT_EQ(api.status, 200);
    auto json = nlohmann::json::parse(api.body);
    bool found = false;
    for (const auto& entry : json["tags"]) {
        if (entry["tag"] != "badges") continue;
        found = true;
        EXPECT_EQ(entry["excerpt"], excerpt);
        EXPECT_EQ(entry["excerpt_source"],
                  "https://conlang.meta.stackexchange.com/tags/badges/info");
    }
    EXPECT_TRUE(found) << api.body;
}

TEST(ImportCli, APartialDumpWarnsAndSucceeds) {
    TempDir data;
    auto o = RunHoot("import stackexchange " +
                     Dump("coffee.stackexchange.com-2015-posts-only").string() + " --data " +
                     data.path().string());
    EXPECT_EQ(o.exit_code, 0) << o.output;
    EXPECT_TRUE(Has(o, "as coffee.stackexchange.com")) << o.output;
    EXPECT_TRUE(Has(o, "warning: Users.xml is not in the dump")) << o.output;
}

TEST(ImportCli, UsageErrorsExitTwo) {
    TempDir data;
    auto missing =
        RunHoot("import stackexchange " + (data.path() / "nope.stackexchange.com").string() +
                " --data " + data.path().string());
    EXPECT_EQ(missing.exit_code, 2) << missing.output;
    EXPECT_TRUE(Has(missing, "no dump folder")) << missing.output;

    auto unnamed =
        RunHoot("import stackexchange " + data.path().string() + " --data " + data.path().string());
    EXPECT_EQ(unnamed.exit_code, 2) << unnamed.output;
    EXPECT_TRUE(Has(unnamed, "--site-url")) << unnamed.output;

    auto bad_url =
        RunHoot("import stackexchange " + Dump("conlang.meta.stackexchange.com").string() +
                " --site-url 'javascript:x' --data " + data.path().string());
    EXPECT_EQ(bad_url.exit_code, 2) << bad_url.output;

    auto no_dir = RunHoot("import stackexchange");
    EXPECT_EQ(no_dir.exit_code, 2) << no_dir.output;
}

TEST(ImportCli, AMalformedDumpExitsOneNamingFileAndLine) {
    TempDir data, dump_parent;
    fs::path dump = dump_parent.path() / "conlang.meta.stackexchange.com";
    fs::create_directories(dump);
    std::string posts =
        hoot::testing::ReadFile(Dump("conlang.meta.stackexchange.com") / "Posts.xml");
    posts.resize(posts.size() / 3);
    std::ofstream(dump / "Posts.xml", std::ios::binary) << posts;
    auto o = RunHoot("import stackexchange " + dump.string() + " --data " + data.path().string());
    EXPECT_EQ(o.exit_code, 1) << o.output;
    EXPECT_TRUE(Has(o, "hoot: Posts.xml:")) << o.output;
    EXPECT_TRUE(Has(o, "nothing was imported")) << o.output;
}

// --db postgres://… imports into PostgreSQL (through its own import store) exactly what the same
// dump puts into SQLite, and writes nothing in the data folder.
TEST(ImportCli, ImportsIntoPostgresWithDb) {
    TempDir sqlite_data, unused_data;
    hoot::testing::TestPostgresDatabase postgres;
    const std::string dump = Dump("conlang.meta.stackexchange.com").string();
    auto into_sqlite =
        RunHoot("import stackexchange " + dump + " --data " + sqlite_data.path().string());
    ASSERT_EQ(into_sqlite.exit_code, 0) << into_sqlite.output;
    auto into_postgres = RunHoot("import stackexchange " + dump + " --data " +
                                 unused_data.path().string() + " --db '" + postgres.url() + "'");
    ASSERT_EQ(into_postgres.exit_code, 0) << into_postgres.output;
    EXPECT_TRUE(Has(into_postgres, "as conlang.meta.stackexchange.com")) << into_postgres.output;
    EXPECT_FALSE(fs::exists(unused_data.path() / "hoot.sqlite3"));

    hoot::store::sqlite::MigrationSource sqlite(sqlite_data.path() / "hoot.sqlite3");
    hoot::store::postgres::PoolOptions pool;
    pool.size = 1;
    hoot::store::postgres::Database database(postgres.url(), pool);
    hoot::store::postgres::MigrationTarget pg(database);
    for (const char* table :
         {"users", "posts", "hoots", "comments", "replies", "revisions", "hoot_tags", "tag_counts",
          "import_map", "imported_posts", "imported_users", "imported_links", "tag_excerpts"}) {
        EXPECT_GT(sqlite.CountRows(table), 0) << table;
        EXPECT_EQ(pg.CountRows(table), sqlite.CountRows(table)) << table;
    }
    EXPECT_EQ(pg.CountRows("search_index"), sqlite.CountRows("search_index"));

    // Importing the same dump again updates in place, on PostgreSQL as on SQLite.
    auto again = RunHoot("import stackexchange " + dump + " --db '" + postgres.url() + "'");
    ASSERT_EQ(again.exit_code, 0) << again.output;
    EXPECT_EQ(pg.CountRows("hoots"), sqlite.CountRows("hoots"));

    auto bad = RunHoot("import stackexchange " + dump + " --db mysql://x/y");
    EXPECT_EQ(bad.exit_code, 2) << bad.output;
    EXPECT_TRUE(Has(bad, "--db must be sqlite:PATH or postgres://")) << bad.output;
}

TEST(ImportCli, BackupOfPostgresPointsToPgDump) {
    auto o = RunHoot("backup /tmp/never-written.sqlite3 --db postgres://hoot:x@127.0.0.1:1/hoot");
    EXPECT_EQ(o.exit_code, 2) << o.output;
    EXPECT_TRUE(Has(o, "pg_dump")) << o.output;
    EXPECT_FALSE(fs::exists("/tmp/never-written.sqlite3"));
}

}  // namespace
