// `hoot import stackexchange` as a person runs it: exit codes and what it says.

#include <gtest/gtest.h>
#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <fstream>
#include <string>

#include "support/hoot_command.hpp"
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

}  // namespace
