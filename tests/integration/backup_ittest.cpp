// `hoot backup FILE` as a person runs it beside a serving Hoot: the copy is consistent while
// comments keep arriving, it opens as a community of its own, and bad targets are refused
// without touching anything.

#include <gtest/gtest.h>
#include <sys/wait.h>

#include <array>
#include <atomic>
#include <cstdio>
#include <fstream>
#include <string>
#include <thread>

#include "app/app.hpp"
#include "store/sqlite/stores.hpp"
#include "support/api_calls.hpp"
#include "support/hoot_command.hpp"
#include "support/test_server.hpp"

namespace hoot::testing {
namespace {

std::int64_t Count(store::sqlite::SqliteBackend& backend, const std::string& sql) {
    auto conn = backend.database().Read();
    auto stmt = conn->Prepare(sql);
    return stmt.Step() ? stmt.Int(0) : -1;
}

TEST(Backup, CopyIsConsistentWhileCommentsKeepArriving) {
    TestServer server;
    const std::string token = server.ApiSignUp("keeper");
    const auto hoot = AskApi(server, token, "Backed up while busy", "The body of the hoot.");
    const std::int64_t hoot_id = hoot["id"].get<std::int64_t>();
    for (int i = 0; i < 20; ++i) CommentApi(server, token, hoot_id, "Before " + std::to_string(i));

    std::atomic<bool> stop{false};
    std::atomic<int> written{0};
    std::thread writer([&] {
        for (int i = 0; !stop && i < 2000; ++i) {
            CommentApi(server, token, hoot_id, "During " + std::to_string(i));
            ++written;
        }
    });
    while (written < 5) std::this_thread::sleep_for(std::chrono::milliseconds(5));
    TempDir out;
    const auto file = out.path() / "copy.sqlite3";
    auto outcome = RunHoot("backup " + file.string() + " --data " + server.data_dir().string());
    stop = true;
    writer.join();
    ASSERT_EQ(outcome.exit_code, 0) << outcome.output;
    EXPECT_NE(outcome.output.find("backed up"), std::string::npos) << outcome.output;
    EXPECT_FALSE(std::filesystem::exists(file.string() + ".partial-0"));

    // The copy is a whole community: migrated, every count in step with the rows it holds.
    store::sqlite::SqliteBackend copy(file);
    const std::int64_t comments = Count(copy, "SELECT COUNT(*) FROM comments");
    EXPECT_GE(comments, 25);
    EXPECT_LE(comments, 20 + written.load());
    EXPECT_EQ(Count(copy, "SELECT comment_count FROM hoots WHERE id = " + std::to_string(hoot_id)),
              comments);
    EXPECT_EQ(Count(copy, "SELECT COUNT(*) FROM pragma_foreign_key_check"), 0);
    auto found = copy.stores().hoots.Find(HootId{hoot_id});
    ASSERT_TRUE(found.ok() && found->has_value());
    EXPECT_EQ((*found)->title, "Backed up while busy");
}

TEST(Backup, RefusesAnExistingFileAndLeavesItAlone) {
    TestServer server;
    TempDir out;
    const auto file = out.path() / "precious.txt";
    std::ofstream(file) << "not a backup";
    auto outcome = RunHoot("backup " + file.string() + " --data " + server.data_dir().string());
    EXPECT_EQ(outcome.exit_code, 2) << outcome.output;
    EXPECT_NE(outcome.output.find("already exists"), std::string::npos) << outcome.output;
    std::ifstream in(file);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    EXPECT_EQ(text, "not a backup");

    auto forced =
        RunHoot("backup " + file.string() + " --force --data " + server.data_dir().string());
    EXPECT_EQ(forced.exit_code, 0) << forced.output;
    store::sqlite::SqliteBackend copy(file);
    EXPECT_GE(Count(copy, "SELECT COUNT(*) FROM users"), 0);
}

TEST(Backup, NoDatabaseOrUnwritableTargetIsAClearError) {
    TempDir empty;
    auto none = RunHoot("backup " + (empty.path() / "x.sqlite3").string() + " --data " +
                        (empty.path() / "nothing-here").string());
    EXPECT_EQ(none.exit_code, 2) << none.output;
    EXPECT_NE(none.output.find("no database at"), std::string::npos) << none.output;
    EXPECT_FALSE(std::filesystem::exists(empty.path() / "x.sqlite3"));

    TestServer server;
    auto nowhere = RunHoot("backup " + (empty.path() / "missing-folder" / "x.sqlite3").string() +
                           " --data " + server.data_dir().string());
    EXPECT_EQ(nowhere.exit_code, 1) << nowhere.output;
    EXPECT_NE(nowhere.output.find("backup:"), std::string::npos) << nowhere.output;
}

}  // namespace
}  // namespace hoot::testing
