// `hoot migrate-db` as a person runs it: a community built on SQLite through the real server (and
// a Stack Exchange dump imported into it), moved by the real binary into PostgreSQL while the
// SQLite server keeps serving it, then served from PostgreSQL and compared page by page. Always
// SQLite → PostgreSQL, whichever backend the rest of the suite runs on, so it is left out of the
// suite's PostgreSQL pass (tests/CMakeLists.txt).

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include "app/app.hpp"
#include "store/postgres/migration_target.hpp"
#include "store/sqlite/db.hpp"
#include "support/api_calls.hpp"
#include "support/hoot_command.hpp"
#include "support/test_images.hpp"
#include "support/test_postgres.hpp"
#include "support/test_server.hpp"

namespace hoot::testing {
namespace {

namespace fs = std::filesystem;

TestServer::Configure OnSqlite() {
    return [](app::AppConfig& config) { config.database = ""; };
}

TestServer::Configure On(const TestPostgresDatabase& database) {
    return [&database](app::AppConfig& config) { config.database = database.url(); };
}

bool Has(const Outcome& outcome, const std::string& text) {
    return outcome.output.find(text) != std::string::npos;
}

Outcome Migrate(const fs::path& data, const TestPostgresDatabase& target) {
    return RunHoot("migrate-db --data " + data.string() + " --to '" + target.url() + "'");
}

// Rows in every table of the PostgreSQL database, read outside any server.
std::map<std::string, std::int64_t> RowsByTable(const TestPostgresDatabase& database) {
    store::postgres::PoolOptions pool;
    pool.size = 1;
    store::postgres::Database db(database.url(), pool);
    store::postgres::MigrationTarget reader(db);
    std::map<std::string, std::int64_t> rows;
    for (const auto& table : reader.Tables()) rows[table] = reader.CountRows(table);
    return rows;
}

std::int64_t TotalRows(const std::map<std::string, std::int64_t>& rows) {
    std::int64_t total = 0;
    for (const auto& [table, count] : rows) total += count;
    return total;
}

Json MustCall(const TestServer& server, const std::string& method, const std::string& target,
              const std::string& token = "", const std::optional<Json>& body = std::nullopt) {
    auto response = Call(server, method, target, token, body);
    EXPECT_LT(response.status, 300) << method << " " << target << ": " << response.body;
    return JsonOf(response);
}

std::int64_t Ask(const TestServer& server, const std::string& token, const std::string& title,
                 const std::string& body, const std::vector<std::string>& tags) {
    return MustCall(server, "POST", "/api/v1/hoots", token,
                    Json{{"title", title}, {"body", body}, {"tags", tags}})["id"]
        .get<std::int64_t>();
}

std::int64_t Comment(const TestServer& server, const std::string& token, std::int64_t hoot,
                     const std::string& body) {
    return CommentApi(server, token, hoot, body)["id"].get<std::int64_t>();
}

std::string Path(std::string_view kind, std::int64_t id, std::string_view rest = "") {
    return "/api/v1/" + std::string(kind) + "/" + std::to_string(id) + std::string(rest);
}

// Everything a community holds, written through the API of a running server.
struct Community {
    std::string ada, bob, cyd;  // bearer tokens
    std::vector<std::int64_t> hoots;
    std::string avatar_url;
};

Community Build(TestServer& server) {
    Community c;
    c.ada = server.ApiSignUp("ada");
    c.bob = server.ApiSignUp("bob");
    c.cyd = server.ApiSignUp("cyd");
    auto avatar = server.ApiClient().Put("/api/v1/users/me/avatar",
                                         MakeTestImage(TestImageFormat::kPng, 64, 64), "image/png",
                                         Bearer(c.ada));
    EXPECT_EQ(avatar.status, 200) << avatar.body;
    c.avatar_url = JsonOf(avatar)["avatar_url"].get<std::string>();

    auto starter = Ask(server, c.ada, "Sourdough starter smells of acetone",
                       "My **starter** smells of nail polish remover after two days.",
                       {"baking", "sourdough"});
    auto rye = Ask(server, c.bob, "Which flour for a rye loaf", "Dark rye or light rye?",
                   {"baking", "rye"});
    auto kefir = Ask(server, c.cyd, "Kefir grains stopped working", "They sit there.", {"kefir"});
    c.hoots = {starter, rye, kefir};
    auto hungry = Comment(server, c.bob, starter, "Feed it twice a day: acetone means hunger.");
    auto wheat = Comment(server, c.cyd, starter, "Try whole wheat flour for a week.");
    Comment(server, c.ada, rye, "Light rye is easier to start with.");

    MustCall(server, "POST", Path("hoots", starter, "/updates"), c.ada,
             Json{{"heading", "Final update"}, {"body", "Twice-daily feeding fixed it."}});
    MustCall(server, "POST", Path("posts", hungry, "/updates"), c.bob,
             Json{{"body", "Keep it somewhere warm, too."}});
    MustCall(server, "PATCH", Path("hoots", starter), c.ada,
             Json{{"title", "Sourdough starter smells of acetone after two days"},
                  {"body", "My **starter** smells of nail polish remover. It is rye based."},
                  {"tags", {"baking", "sourdough", "fermentation"}}});
    MustCall(server, "POST", Path("posts", hungry, "/replies"), c.ada,
             Json{{"body", "Thanks, trying it tonight."}});
    MustCall(server, "PUT", Path("posts", starter, "/reactions/helpful"), c.bob);
    MustCall(server, "PUT", Path("posts", starter, "/reactions/helpful"), c.cyd);
    MustCall(server, "PUT", Path("posts", hungry, "/reactions/insightful"), c.ada);
    MustCall(server, "PUT", Path("hoots", rye, "/follow"), c.cyd);
    MustCall(server, "DELETE", Path("posts", kefir), c.cyd);
    MustCall(server, "DELETE", Path("posts", wheat), c.cyd);

    // Ada reads one notification of several; the rest stay unread.
    Json inbox = MustCall(server, "GET", "/api/v1/notifications", c.ada);
    EXPECT_GE(inbox["notifications"].size(), 2u) << inbox;
    MustCall(server, "POST", "/api/v1/notifications/read", c.ada,
             Json{{"ids", {inbox["notifications"][0]["id"]}}});

    MustCall(server, "POST", "/api/v1/conversations/bob/messages", c.ada,
             Json{{"body", "Want some of my starter?"}});
    MustCall(server, "POST", "/api/v1/conversations/ada/messages", c.bob,
             Json{{"body", "Yes please, tab\tand all."}});
    MustCall(server, "POST", "/api/v1/conversations/ada/messages", c.cyd,
             Json{{"body", "Me too!\nTwo lines, a \\ backslash."}});
    MustCall(server, "PUT", "/api/v1/blocks/bob", c.cyd);
    return c;
}

fs::path Dump(const std::string& name) { return SharedDir() / "data" / "stackexchange" / name; }

// The parts of a page that differ from one request to the next whatever the database: the CSRF
// token and times shown relative to now.
std::string Normalised(std::string html) {
    static const std::regex kCsrf("(csrf[^>]*?(value|content)=\")[^\"]*\"");
    static const std::regex kTime("(<time[^>]*>)[^<]*</time>");
    html = std::regex_replace(html, kCsrf, "$1…\"");
    return std::regex_replace(html, kTime, "$1…</time>");
}

std::vector<std::int64_t> SearchHits(const TestServer& server, const std::string& query) {
    Json json = MustCall(server, "GET", "/api/v1/search?q=" + UrlEncode(query) + "&limit=50");
    std::vector<std::int64_t> posts;
    // Every thread found, on one page: the two backends rank differently (so the post shown for a
    // thread may differ too), so only whole sets of threads compare.
    EXPECT_TRUE(json["next_page"].is_null()) << query;
    for (const auto& hit : json["results"]) posts.push_back(hit["hoot"]["id"].get<std::int64_t>());
    std::sort(posts.begin(), posts.end());
    return posts;
}

TEST(MigrateDb, ACommunityMovesIntactAndGoesOnLivingOnPostgres) {
    TestServer sqlite(OnSqlite());
    Community c = Build(sqlite);
    sqlite.Stop();
    auto imported =
        RunHoot("import stackexchange " + Dump("conlang.meta.stackexchange.com").string() +
                " --data " + sqlite.data_dir().string());
    ASSERT_EQ(imported.exit_code, 0) << imported.output;
    sqlite.Restart();

    // What the community looks like on SQLite: threads (local and imported), feed, tags, search,
    // people, their inboxes.
    std::vector<std::string> pages = {"/",
                                      "/tags",
                                      "/u/ada",
                                      "/api/v1/hoots",
                                      "/api/v1/tags",
                                      "/api/v1/users/ada",
                                      "/api/v1/users/bob"};
    Json feed = MustCall(sqlite, "GET", "/api/v1/hoots");
    std::vector<std::int64_t> threads = c.hoots;
    for (const auto& hoot : feed["hoots"]) threads.push_back(hoot["id"].get<std::int64_t>());
    ASSERT_GT(threads.size(), 20u);
    for (std::size_t i = 0; i < threads.size(); i += 4) {
        pages.push_back(
            MustCall(sqlite, "GET", Path("hoots", threads[i]))["url"].get<std::string>());
        pages.push_back(Path("hoots", threads[i]));
        pages.push_back(Path("hoots", threads[i], "/revisions"));
    }
    std::map<std::string, std::pair<int, std::string>> before;
    for (const auto& page : pages) {
        auto response = sqlite.Client().Get(page);
        EXPECT_EQ(response.status, 200) << page;
        before[page] = {response.status, Normalised(response.body)};
    }
    const std::vector<std::string> queries = {"acetone", "rye",      "kefir",
                                              "flour",   "language", "twice daily feeding"};
    std::map<std::string, std::vector<std::int64_t>> hits_before;
    for (const auto& query : queries) hits_before[query] = SearchHits(sqlite, query);
    EXPECT_FALSE(hits_before["acetone"].empty());
    EXPECT_TRUE(hits_before["kefir"].empty());  // the deleted hoot
    std::map<std::string, Json> private_before;
    for (const auto& [name, token] : {std::pair{"ada", c.ada}, {"bob", c.bob}, {"cyd", c.cyd}}) {
        private_before[std::string(name) + " me"] = MustCall(sqlite, "GET", "/api/v1/me", token);
        private_before[std::string(name) + " inbox"] =
            MustCall(sqlite, "GET", "/api/v1/notifications", token);
        private_before[std::string(name) + " dms"] =
            MustCall(sqlite, "GET", "/api/v1/conversations", token);
    }
    EXPECT_GT(private_before["ada me"]["unread"]["notifications"].get<int>(), 0);
    EXPECT_GT(private_before["ada me"]["unread"]["conversations"].get<int>(), 0);
    std::string avatar = sqlite.Client().Get(c.avatar_url).body;

    // The move, while the SQLite server still serves.
    TestPostgresDatabase postgres;
    auto moved = Migrate(sqlite.data_dir(), postgres);
    ASSERT_EQ(moved.exit_code, 0) << moved.output;
    EXPECT_TRUE(Has(moved, "migrate-db: hoots: ")) << moved.output;  // progress per table
    EXPECT_TRUE(std::regex_search(moved.output, std::regex("\nusers +([0-9]+) +\\1\n")))
        << moved.output;
    EXPECT_TRUE(std::regex_search(moved.output, std::regex("search_index \\(derived\\) +[1-9]")))
        << moved.output;
    EXPECT_FALSE(Has(moved, "DIFFERS")) << moved.output;
    sqlite.Stop();

    TestServer pg(On(postgres));
    for (const auto& page : pages) {
        auto response = pg.Client().Get(page);
        EXPECT_EQ(response.status, before[page].first) << page;
        EXPECT_EQ(Normalised(response.body), before[page].second) << page;
    }
    for (const auto& query : queries) EXPECT_EQ(SearchHits(pg, query), hits_before[query]) << query;
    for (const auto& [name, token] : {std::pair{"ada", c.ada}, {"bob", c.bob}, {"cyd", c.cyd}}) {
        // The sessions made on SQLite open PostgreSQL: nobody was signed out by the move.
        EXPECT_EQ(MustCall(pg, "GET", "/api/v1/me", token),
                  private_before[std::string(name) + " me"]);
        EXPECT_EQ(MustCall(pg, "GET", "/api/v1/notifications", token),
                  private_before[std::string(name) + " inbox"]);
        EXPECT_EQ(MustCall(pg, "GET", "/api/v1/conversations", token),
                  private_before[std::string(name) + " dms"]);
    }
    EXPECT_EQ(pg.Client().Get(c.avatar_url).body, avatar);
    auto signed_in = Call(pg, "POST", "/api/v1/auth/login", "",
                          Json{{"username", "bob"}, {"password", kTestPassword}});
    ASSERT_EQ(signed_in.status, 200) << signed_in.body;

    // New rows get fresh ids from every sequence: a collision would fail the write.
    std::int64_t newest = *std::max_element(threads.begin(), threads.end());
    auto fresh = Ask(pg, c.bob, "Written on PostgreSQL", "After the move.", {"baking"});
    EXPECT_GT(fresh, newest);
    Comment(pg, c.ada, fresh, "A comment after the move tells bob.");
    MustCall(pg, "POST", Path("hoots", fresh, "/updates"), c.bob, Json{{"body", "Updated."}});
    MustCall(pg, "POST", Path("posts", fresh, "/replies"), c.ada, Json{{"body", "A reply."}});
    MustCall(pg, "POST", "/api/v1/conversations/ada/messages", pg.ApiSignUp("dee"),
             Json{{"body", "Nobody"}});
    MustCall(pg, "POST", "/api/v1/conversations/ada/messages", c.bob, Json{{"body", "Again"}});
    EXPECT_GT(MustCall(pg, "GET", "/api/v1/me", c.bob)["unread"]["notifications"].get<int>(),
              private_before["bob me"]["unread"]["notifications"].get<int>());
    // The triggers are back on: what is written now is searchable and counted.
    EXPECT_EQ(SearchHits(pg, "written postgresql").size(), 1u);
    Json tags = MustCall(pg, "GET", "/api/v1/tags");
    for (const auto& tag : tags["tags"])
        if (tag["tag"] == "baking") {
            EXPECT_EQ(tag["count"], 3) << tags;
        }
}

TEST(MigrateDb, ATargetThatHoldsACommunityIsRefusedAndKeptAsItWas) {
    TestServer sqlite(OnSqlite());
    Build(sqlite);
    sqlite.Stop();

    TestPostgresDatabase postgres;
    {
        TestServer pg(On(postgres));
        pg.ApiSignUp("someone_else");
    }
    auto rows = RowsByTable(postgres);
    auto refused = Migrate(sqlite.data_dir(), postgres);
    EXPECT_EQ(refused.exit_code, 2) << refused.output;
    EXPECT_TRUE(Has(refused, "already holds a community")) << refused.output;
    EXPECT_TRUE(Has(refused, "wrote nothing")) << refused.output;
    EXPECT_EQ(RowsByTable(postgres), rows);

    // A second move into a target the first one filled is refused the same way.
    TestPostgresDatabase second;
    ASSERT_EQ(Migrate(sqlite.data_dir(), second).exit_code, 0);
    auto filled = RowsByTable(second);
    EXPECT_EQ(Migrate(sqlite.data_dir(), second).exit_code, 2);
    EXPECT_EQ(RowsByTable(second), filled);
}

// Rows SQLite took with its checks off, that PostgreSQL refuses: one while its table is copied,
// half way through the tables, one when the foreign keys are checked after the last table.
TEST(MigrateDb, AFailurePartWayLeavesTheTargetAsItWas) {
    TestServer sqlite(OnSqlite());
    Build(sqlite);
    sqlite.Stop();
    const fs::path file = app::DatabaseFile(sqlite.data_dir());
    auto on_source = [&](const char* sql) {
        store::sqlite::Connection conn(file, false);
        conn.ExecScript(sql);
    };
    TestPostgresDatabase postgres;
    const auto rows = RowsByTable(postgres);
    EXPECT_EQ(TotalRows(rows), 0);

    // A notification of a kind no Hoot has (CHECK kind BETWEEN 1 AND 5).
    on_source(
        "PRAGMA ignore_check_constraints = ON;"
        "UPDATE notifications SET kind = 9 WHERE id = (SELECT MAX(id) FROM notifications);");
    auto midway = Migrate(sqlite.data_dir(), postgres);
    EXPECT_EQ(midway.exit_code, 1) << midway.output;
    EXPECT_TRUE(Has(midway, "notifications_kind_check")) << midway.output;
    EXPECT_TRUE(Has(midway, "migrate-db: follows: ")) << midway.output;  // copied before it
    EXPECT_FALSE(Has(midway, "migrate-db: messages: ")) << midway.output;
    EXPECT_TRUE(Has(midway, "the move was undone")) << midway.output;
    EXPECT_EQ(RowsByTable(postgres), rows);

    // A message whose conversation and sender do not exist.
    on_source(
        "PRAGMA ignore_check_constraints = ON;"
        "UPDATE notifications SET kind = 1 WHERE kind = 9;"
        "PRAGMA foreign_keys = OFF;"
        "INSERT INTO messages(conversation_id, sender_id, body_source, body_html, created_at)"
        " VALUES (9999, 9999, 'orphan', '<p>orphan</p>', 1);");
    auto at_the_end = Migrate(sqlite.data_dir(), postgres);
    EXPECT_EQ(at_the_end.exit_code, 1) << at_the_end.output;
    EXPECT_TRUE(Has(at_the_end, "messages")) << at_the_end.output;
    EXPECT_TRUE(Has(at_the_end, "foreign key")) << at_the_end.output;
    EXPECT_TRUE(Has(at_the_end, "migrate-db: tag_excerpts: ")) << at_the_end.output;
    EXPECT_TRUE(Has(at_the_end, "the move was undone")) << at_the_end.output;
    EXPECT_EQ(RowsByTable(postgres), rows);

    // With the bad rows gone the same target takes the community, triggers, keys and all.
    on_source("DELETE FROM messages WHERE conversation_id = 9999;");
    auto moved = Migrate(sqlite.data_dir(), postgres);
    ASSERT_EQ(moved.exit_code, 0) << moved.output;
    TestServer pg(On(postgres));
    std::string token = pg.ApiSignUp("eve");
    Ask(pg, token, "Searchable after a failed move", "Body", {"after"});
    EXPECT_EQ(SearchHits(pg, "searchable failed move").size(), 1u);
}

// SQLite's full-text index missing a hoot and its update (written past its triggers): the index
// PostgreSQL rebuilds holds two rows more, the counts say so, and nothing is kept.
TEST(MigrateDb, ACountThatDiffersUndoesTheMove) {
    TestServer sqlite(OnSqlite());
    Community c = Build(sqlite);
    sqlite.Stop();
    {
        store::sqlite::Connection conn(app::DatabaseFile(sqlite.data_dir()), false);
        conn.ExecScript(
            ("DELETE FROM search_index WHERE post_id = " + std::to_string(c.hoots[0]) + ";")
                .c_str());
    }
    TestPostgresDatabase postgres;
    auto differs = Migrate(sqlite.data_dir(), postgres);
    EXPECT_EQ(differs.exit_code, 1) << differs.output;
    EXPECT_TRUE(
        std::regex_search(differs.output, std::regex("search_index \\(derived\\) +4 +6  DIFFERS")))
        << differs.output;
    EXPECT_TRUE(Has(differs, "the counts differ, so the move was undone")) << differs.output;
    EXPECT_EQ(TotalRows(RowsByTable(postgres)), 0);
}

TEST(MigrateDb, BadSourcesAndTargetsAreRefusedClearly) {
    TempDir dir;
    TestPostgresDatabase postgres;
    const std::string to = " --to '" + postgres.url() + "'";
    struct Case {
        std::string args;
        int exit_code;
        std::string says;
    };
    fs::path not_hoot = dir.path() / "other.sqlite3";
    { store::sqlite::Connection(not_hoot, false).ExecScript("CREATE TABLE t(x);"); }
    fs::path text_file = dir.path() / "notes.txt";
    std::ofstream(text_file) << "not a database at all, just some words\n";
    const std::vector<Case> cases = {
        {"migrate-db --data " + dir.path().string(), 2, "--to is required"},
        {"migrate-db --data " + dir.path().string() + " --to sqlite:/tmp/x.sqlite3", 2,
         "--to must be a PostgreSQL database"},
        {"migrate-db --data " + dir.path().string() + " --to mysql://x/y", 2,
         "--to must be postgres://"},
        {"migrate-db --from mysql://x/y" + to, 2, "--from must be sqlite:PATH"},
        {"migrate-db --from " + postgres.url() + to, 2, "--from must be the SQLite file"},
        {"migrate-db --data " + (dir.path() / "none").string() + to, 2, "no SQLite database at"},
        {"migrate-db --from sqlite:" + not_hoot.string() + to, 2, "is not a Hoot database"},
        {"migrate-db --from sqlite:" + text_file.string() + to, 2, "cannot read"},
    };
    for (const auto& c : cases) {
        auto outcome = RunHoot(c.args);
        EXPECT_EQ(outcome.exit_code, c.exit_code) << c.args << "\n" << outcome.output;
        EXPECT_TRUE(Has(outcome, c.says)) << c.args << "\n" << outcome.output;
    }
    EXPECT_EQ(TotalRows(RowsByTable(postgres)), 0);

    // A server that does not answer: a failure to move (1), not a usage error.
    TestServer sqlite(OnSqlite());
    sqlite.Stop();
    auto nowhere = RunHoot("migrate-db --data " + sqlite.data_dir().string() +
                           " --to postgres://hoot:x@127.0.0.1:1/hoot");
    EXPECT_EQ(nowhere.exit_code, 1) << nowhere.output;
    EXPECT_TRUE(Has(nowhere, "cannot use the PostgreSQL database")) << nowhere.output;

    // A file an older Hoot wrote is to be migrated by serving it once, not moved as it is.
    {
        store::sqlite::Connection conn(app::DatabaseFile(sqlite.data_dir()), false);
        conn.ExecScript(
            "DELETE FROM schema_migrations WHERE number = (SELECT MAX(number) FROM "
            "schema_migrations);");
    }
    auto older = RunHoot("migrate-db --data " + sqlite.data_dir().string() + to);
    EXPECT_EQ(older.exit_code, 2) << older.output;
    EXPECT_TRUE(Has(older, "start `hoot serve --db sqlite:")) << older.output;
    EXPECT_EQ(TotalRows(RowsByTable(postgres)), 0);
}

}  // namespace
}  // namespace hoot::testing
