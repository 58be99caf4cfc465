// The `hoot` binary as a person runs it: flags, exit codes, user creation, serving and stopping
// on SIGTERM.

#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include "app/app.hpp"
#include "support/api_calls.hpp"
#include "support/hoot_command.hpp"
#include "support/http_client.hpp"
#include "support/test_support.hpp"

namespace {

using hoot::testing::Outcome;
using hoot::testing::RunHoot;
using hoot::testing::TempDir;

int CountLines(const std::string& text) {
    int lines = 0;
    for (char c : text) lines += c == '\n';
    return lines;
}

TEST(Cli, VersionPrintsTheVersion) {
    auto outcome = RunHoot("--version");
    EXPECT_EQ(outcome.exit_code, 0);
    EXPECT_NE(outcome.output.find("hoot " HOOT_VERSION), std::string::npos) << outcome.output;
}

TEST(Cli, HelpListsTheCommands) {
    auto outcome = RunHoot("--help");
    EXPECT_EQ(outcome.exit_code, 0);
    EXPECT_NE(outcome.output.find("serve"), std::string::npos);
    EXPECT_NE(outcome.output.find("user"), std::string::npos);
}

TEST(Cli, BadFlagsGiveOneLineAndExitTwo) {
    TempDir dir;
    const std::string data = " --data " + dir.path().string();
    for (const std::string& args :
         {std::string("serve --bogus"), std::string(""),
          std::string("serve --listen nonsense") + data,
          std::string("serve --listen 127.0.0.1:99999") + data,
          std::string("serve --listen 127.0.0.1:") + data, std::string("frobnicate"),
          std::string("user create") + data, std::string("user create alice") + data,
          std::string("serve --trusted-proxy nginx.local") + data}) {
        SCOPED_TRACE(args);
        auto outcome = RunHoot(args);
        EXPECT_EQ(outcome.exit_code, 2) << outcome.output;
        EXPECT_EQ(CountLines(outcome.output), 1) << outcome.output;
        EXPECT_EQ(outcome.output.rfind("hoot: ", 0), 0u) << outcome.output;
    }
}

TEST(Cli, UserCreateMakesAnAccountThatCanSignIn) {
    TempDir dir;
    auto created =
        RunHoot("user create Alice_R --admin --password-stdin --data " + dir.path().string(),
                "a long enough password\n");
    EXPECT_EQ(created.exit_code, 0) << created.output;
    EXPECT_NE(created.output.find("created admin user Alice_R"), std::string::npos);
    {
        hoot::app::AppConfig config;
        config.data_dir = dir.path();
        config.seed_sample_content = false;
        hoot::app::App app(config);
        auto session = app.services().accounts.SignIn("alice_r", "a long enough password");
        ASSERT_TRUE(session.ok()) << session.error().message;
        EXPECT_EQ(session->user.username, "Alice_R");
        EXPECT_TRUE(session->user.is_admin);
    }

    auto again = RunHoot("user create alice_r --password-stdin --data " + dir.path().string(),
                         "another long password\n");
    EXPECT_EQ(again.exit_code, 1) << again.output;
    EXPECT_NE(again.output.find("taken"), std::string::npos) << again.output;

    auto weak =
        RunHoot("user create bob --password-stdin --data " + dir.path().string(), "short\n");
    EXPECT_EQ(weak.exit_code, 2) << weak.output;
    EXPECT_NE(weak.output.find("at least 10"), std::string::npos) << weak.output;
}

TEST(Cli, DataPathThatIsAFileIsRefused) {
    TempDir dir;
    auto file = dir.path() / "not-a-folder";
    FILE* f = fopen(file.c_str(), "w");
    ASSERT_NE(f, nullptr);
    fclose(f);
    auto outcome = RunHoot("serve --listen 127.0.0.1:0 --data " + file.string());
    EXPECT_NE(outcome.exit_code, 0);
    EXPECT_NE(outcome.output.find("data folder"), std::string::npos) << outcome.output;
}

// `hoot serve` in a child process on a port it picks; stopped with SIGTERM when destroyed.
class ServedHoot {
  public:
    ServedHoot(const TempDir& dir, const std::vector<std::string>& extra_args)
        : log_file_((dir.path() / "serve.log").string()) {
        std::string data = (dir.path() / "data").string();
        std::vector<std::string> args{"hoot", "serve", "--listen", "127.0.0.1:0", "--data", data};
        args.insert(args.end(), extra_args.begin(), extra_args.end());
        pid_ = fork();
        if (pid_ == 0) {
            FILE* log = freopen(log_file_.c_str(), "w", stderr);
            (void)log;
            std::vector<char*> argv;
            for (auto& arg : args) argv.push_back(arg.data());
            argv.push_back(nullptr);
            execv(HOOT_BINARY, argv.data());
            _exit(127);
        }
    }
    ~ServedHoot() { Stop(); }
    ServedHoot(const ServedHoot&) = delete;
    ServedHoot& operator=(const ServedHoot&) = delete;

    // The port from "listening on http://127.0.0.1:PORT", waiting for it (bounded); 0 if never.
    unsigned short WaitForPort() const {
        const std::string marker = "listening on http://127.0.0.1:";
        for (int i = 0; i < 200; ++i) {
            std::string log = Log();
            if (auto at = log.find(marker); at != std::string::npos)
                return static_cast<unsigned short>(std::stoi(log.substr(at + marker.size())));
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
        }
        return 0;
    }
    // SIGTERM, then waits: the child's wait status (-1 once already stopped).
    int Stop() {
        if (pid_ <= 0) return -1;
        kill(pid_, SIGTERM);
        int status = 0;
        waitpid(pid_, &status, 0);
        pid_ = -1;
        return status;
    }
    // The child may not have opened its log yet.
    std::string Log() const {
        return std::filesystem::exists(log_file_) ? hoot::testing::ReadFile(log_file_) : "";
    }

  private:
    std::string log_file_;
    pid_t pid_ = -1;
};

TEST(Cli, ServeStopsCleanlyOnSigterm) {
    TempDir dir;
    ServedHoot served(dir, {});
    ASSERT_NE(served.WaitForPort(), 0) << served.Log();
    int status = served.Stop();
    EXPECT_TRUE(WIFEXITED(status));
    EXPECT_EQ(WEXITSTATUS(status), 0);
    std::string log = served.Log();
    EXPECT_NE(log.find("wrote the sample welcome hoot"), std::string::npos) << log;
    EXPECT_NE(log.find("stopped cleanly"), std::string::npos) << log;
}

}  // namespace

namespace {

TEST(Cli, DbFlagInAnUnknownFormIsAUsageError) {
    TempDir dir;
    auto outcome = RunHoot("serve --data " + dir.path().string() + " --db mysql://x/y");
    EXPECT_EQ(outcome.exit_code, 2) << outcome.output;
    EXPECT_NE(outcome.output.find("--db must be sqlite:PATH or postgres://"), std::string::npos)
        << outcome.output;
}

TEST(Cli, DbFlagPicksASqliteFileOutsideTheDataFolder) {
    TempDir dir;
    const auto file = dir.path() / "elsewhere.sqlite3";
    auto outcome = RunHoot("user create owl --password-stdin --data " +
                               (dir.path() / "data").string() + " --db sqlite:" + file.string(),
                           "a long enough password");
    EXPECT_EQ(outcome.exit_code, 0) << outcome.output;
    EXPECT_TRUE(std::filesystem::exists(file));
    EXPECT_FALSE(std::filesystem::exists(hoot::app::DatabaseFile(dir.path() / "data")));
}

}  // namespace

namespace {

// How many of `tries` failed API sign-ins in a row to the server at `port` are answered 429.
int RefusedSignIns(unsigned short port, int tries) {
    hoot::testing::HttpClient client(port);
    return hoot::testing::RefusedSignIns(client, tries);
}

TEST(Cli, ServeLimitsSignInsUnlessToldNotTo) {
    {
        TempDir dir;
        ServedHoot served(dir, {"--no-sample"});
        unsigned short port = served.WaitForPort();
        ASSERT_NE(port, 0) << served.Log();
        EXPECT_EQ(RefusedSignIns(port, 12), 2);
    }
    TempDir dir;
    ServedHoot served(dir, {"--no-sample", "--no-rate-limits"});
    unsigned short port = served.WaitForPort();
    ASSERT_NE(port, 0) << served.Log();
    EXPECT_EQ(RefusedSignIns(port, 12), 0);
}

}  // namespace
