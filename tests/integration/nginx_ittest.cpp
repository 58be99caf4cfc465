// The nginx configuration of docs/deploy/nginx.conf, started for real in front of two Hoot
// instances on one PostgreSQL database: requests and sessions reach the community through it,
// a live event streams through it unbuffered, and one instance stopped gracefully (SIGTERM to
// the real binary) leaves the community served by the other.

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "support/api_calls.hpp"
#include "support/sse_client.hpp"
#include "support/test_postgres.hpp"
#include "support/test_server.hpp"

namespace hoot::testing {
namespace {

unsigned short FreePort() {
    // A listening socket's ephemeral port, closed again at once: nginx binds it a moment later.
    int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address);
    socklen_t size = sizeof address;
    ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &size);
    ::close(fd);
    return ntohs(address.sin_port);
}

void Replace(std::string& text, const std::string& from, const std::string& to) {
    auto at = text.find(from);
    if (at == std::string::npos) throw std::runtime_error("deploy config lacks '" + from + "'");
    text.replace(at, from.size(), to);
}

// nginx in the foreground on a folder of its own, with the documented server block.
class Nginx {
  public:
    Nginx(unsigned short first, unsigned short second) : port_(FreePort()) {
        std::string site =
            ReadFile(std::filesystem::path(HOOT_SOURCE_DIR) / "docs/deploy/nginx.conf");
        Replace(site, "127.0.0.1:8081", "127.0.0.1:" + std::to_string(first));
        Replace(site, "127.0.0.1:8082", "127.0.0.1:" + std::to_string(second));
        Replace(site, "listen 80;", "listen 127.0.0.1:" + std::to_string(port_) + ";");
        const std::string dir = dir_.path().string();
        std::ofstream(dir_.path() / "nginx.conf")
            << (::getuid() == 0 ? "user root;\n" : "") << "worker_processes 1;\n"
            << "pid " << dir << "/nginx.pid;\nerror_log " << dir << "/error.log;\n"
            << "events { worker_connections 256; }\nhttp {\naccess_log off;\n"
            << "client_body_temp_path " << dir << "/body;\nproxy_temp_path " << dir
            << "/proxy;\nfastcgi_temp_path " << dir << "/fastcgi;\nuwsgi_temp_path " << dir
            << "/uwsgi;\nscgi_temp_path " << dir << "/scgi;\n"
            << site << "}\n";
        pid_ = ::fork();
        if (pid_ == 0) {
            ::execl("/usr/sbin/nginx", "nginx", "-p", dir.c_str(), "-c",
                    (dir + "/nginx.conf").c_str(), "-g", "daemon off;", nullptr);
            ::_exit(127);
        }
        for (int i = 0; i < 100; ++i) {
            try {
                HttpClient probe(port_, false);
                if (probe.Get("/healthz").status == 200) return;
            } catch (const std::exception&) {
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
        }
        throw std::runtime_error("nginx did not start: " + ReadFile(dir_.path() / "error.log"));
    }
    ~Nginx() {
        ::kill(pid_, SIGTERM);
        ::waitpid(pid_, nullptr, 0);
    }
    unsigned short port() const { return port_; }

  private:
    TempDir dir_;
    unsigned short port_;
    pid_t pid_ = -1;
};

// `hoot serve` as a process of its own on a PostgreSQL database, on a free port, for the tests
// that stop it the way systemd does. Killed (SIGKILL) on destruction if still running.
class HootProcess {
  public:
    explicit HootProcess(const std::string& database_url) : log_(dir_.path() / "serve.log") {
        const std::string data = (dir_.path() / "data").string();
        pid_ = ::fork();
        if (pid_ == 0) {
            if (!std::freopen(log_.c_str(), "w", stderr)) ::_exit(126);
            ::execl(HOOT_BINARY, "hoot", "serve", "--listen", "127.0.0.1:0", "--data", data.c_str(),
                    "--db", database_url.c_str(), "--no-sample", static_cast<char*>(nullptr));
            ::_exit(127);
        }
        constexpr std::string_view kListening = "listening on http://127.0.0.1:";
        for (int i = 0; i < 200 && port_ == 0 && !ExitStatus(); ++i) {
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
            const std::string log = Log();
            if (auto at = log.find(kListening); at != std::string::npos)
                port_ = static_cast<unsigned short>(std::stoi(log.substr(at + kListening.size())));
        }
        if (port_ == 0) throw std::runtime_error("hoot serve did not start: " + Log());
    }
    ~HootProcess() {
        if (ExitStatus()) return;
        ::kill(pid_, SIGKILL);
        ::waitpid(pid_, nullptr, 0);
    }
    HootProcess(const HootProcess&) = delete;
    HootProcess& operator=(const HootProcess&) = delete;

    unsigned short port() const { return port_; }
    void Terminate() { ::kill(pid_, SIGTERM); }
    // The exit code once the process has exited (-1 when a signal ended it); nullopt before.
    std::optional<int> ExitStatus() {
        if (exit_status_) return exit_status_;
        int status = 0;
        if (::waitpid(pid_, &status, WNOHANG) == pid_)
            exit_status_ = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
        return exit_status_;
    }
    std::string Log() const { return ReadFile(log_); }

  private:
    TempDir dir_;
    std::filesystem::path log_;
    pid_t pid_ = -1;
    unsigned short port_ = 0;
    std::optional<int> exit_status_;
};

// How long a graceful stop may take with nothing in flight: idle connections and live streams
// are closed at once, not waited for.
constexpr std::chrono::seconds kStopBound{5};

class BehindNginx : public ::testing::Test {
  protected:
    TestPostgresDatabase database;
    std::unique_ptr<TestServer> a = Instance();
    std::unique_ptr<TestServer> b = Instance();
    Nginx nginx{a->port(), b->port()};

    std::unique_ptr<TestServer> Instance() {
        return std::make_unique<TestServer>(
            [this](app::AppConfig& config) { config.database = database.url(); });
    }
};

TEST_F(BehindNginx, TheCommunityIsServedThroughEitherInstance) {
    HttpClient site(nginx.port());
    auto signup =
        site.SubmitForm("/signup", "/signup", {{"username", "ada"}, {"password", kTestPassword}});
    ASSERT_EQ(signup.status, 303) << signup.body;
    const std::string thread = PostHoot(site, "Asked through nginx", "Body of it.");
    for (int i = 0; i < 6; ++i) {
        auto page = site.Get(thread);
        ASSERT_EQ(page.status, 200);
        EXPECT_NE(page.body.find("Asked through nginx"), std::string::npos);
    }
    // The page was read through both instances (least_conn spreads them): the session the
    // sign-up made on one opens the profile editor on either.
    for (int i = 0; i < 4; ++i) EXPECT_EQ(site.Get("/settings/profile").status, 200) << i;
}

TEST_F(BehindNginx, LiveEventsStreamThroughIt) {
    const std::string ada = a->ApiSignUp("ada");
    const std::string bob = b->ApiSignUp("bob");
    Json hoot = AskApi(*a, ada, "Streamed through nginx", "Body");
    const auto id = hoot["id"].get<std::int64_t>();
    SseClient stream(nginx.port(), "/events?hoot=" + std::to_string(id), Bearer(ada));
    ASSERT_EQ(stream.head().status, 200);
    stream.NextNamed("counts");
    // Posted on one instance; the stream may be held by either: it arrives at once either way.
    CommentApi(*b, bob, id, "Through the proxy");
    SseEvent comment = stream.NextNamed("comment");
    EXPECT_EQ(JsonOf({200, {}, comment.data})["author"]["username"], "bob") << comment.data;
}

// What a deploy or a restart does to one of two instances: SIGTERM, with nginx holding idle
// keep-alive connections to it, a live stream open through it, and readers going on. The
// instance stops within seconds; nobody reading through nginx sees an error meanwhile or after.
TEST(BehindNginxFailover, AnInstanceStoppedGracefullyLeavesTheSiteToTheOther) {
    TestPostgresDatabase database;
    HootProcess a(database.url());
    TestServer b([&](app::AppConfig& config) { config.database = database.url(); });
    Nginx nginx(a.port(), b.port());

    HttpClient site(nginx.port());
    auto signup =
        site.SubmitForm("/signup", "/signup", {{"username", "ada"}, {"password", kTestPassword}});
    ASSERT_EQ(signup.status, 303) << signup.body;
    const std::string thread = PostHoot(site, "Still here", "While an instance restarts.");
    // Readers through nginx leave it keep-alive connections to both instances.
    for (int i = 0; i < 8; ++i) ASSERT_EQ(site.Get(thread).status, 200) << i;
    // An idle keep-alive connection and a live stream straight to A, and streams through nginx
    // (least_conn puts at least one of them on A).
    HttpClient idle(a.port());
    ASSERT_EQ(idle.Get("/healthz").status, 200);
    const std::string token = b.ApiSignUp("bob");
    SseClient on_a(a.port(), "/events", Bearer(token));
    ASSERT_EQ(on_a.head().status, 200);
    std::vector<std::unique_ptr<SseClient>> proxied;
    for (int i = 0; i < 2; ++i) {
        proxied.push_back(std::make_unique<SseClient>(nginx.port(), "/events", Bearer(token)));
        ASSERT_EQ(proxied.back()->head().status, 200);
    }

    // Readers and a writer through nginx, busy before the signal and until A has gone: some of
    // their requests are in flight on A when it is told to stop.
    std::atomic<bool> done{false};
    std::atomic<int> reads{0}, writes{0};
    std::mutex failures_mutex;
    std::vector<std::string> failures;
    auto note = [&](const std::string& what, const HttpResponse& response) {
        std::lock_guard lock(failures_mutex);
        failures.push_back(what + ": " + std::to_string(response.status) + " " +
                           response.body.substr(0, 200));
    };
    std::vector<std::thread> clients;
    for (int t = 0; t < 3; ++t) {
        clients.emplace_back([&] {
            HttpClient reader(nginx.port());
            while (!done) {
                auto page = reader.Get(thread);
                if (page.status != 200) note("read", page);
                ++reads;
            }
        });
    }
    // A's rate limits are the defaults (30 comments at once): the writer stays under them.
    const std::string comments = "/hoots/" + HootIdOf(thread) + "/comments";
    clients.emplace_back([&] {
        HttpClient writer(nginx.port());
        writer.cookies() = site.cookies();
        while (!done && writes < 25) {
            std::this_thread::sleep_for(std::chrono::milliseconds(60));
            auto posted = writer.SubmitForm(thread, comments,
                                            {{"body", "Comment " + std::to_string(writes)}});
            if (posted.status != 303) note("write", posted);
            ++writes;
        }
    });
    std::this_thread::sleep_for(std::chrono::milliseconds(300));

    const auto stop_started = std::chrono::steady_clock::now();
    a.Terminate();
    while (!a.ExitStatus() && std::chrono::steady_clock::now() - stop_started < kStopBound * 3)
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    const auto stop_took = std::chrono::steady_clock::now() - stop_started;
    ASSERT_TRUE(a.ExitStatus()) << "A still running " << kStopBound.count() * 3
                                << " s after SIGTERM:\n"
                                << a.Log();
    EXPECT_LT(stop_took, kStopBound) << a.Log();
    EXPECT_EQ(*a.ExitStatus(), 0) << a.Log();
    EXPECT_NE(a.Log().find("stopped cleanly"), std::string::npos) << a.Log();
    // A's own stream ended with it (after what it had sent), rather than holding the stop up.
    bool ended = false;
    for (int i = 0; i < 10 && !ended; ++i) ended = !on_a.Next(std::chrono::seconds(2));
    EXPECT_TRUE(ended);

    std::this_thread::sleep_for(std::chrono::milliseconds(500));  // and a little after
    done = true;
    for (auto& client : clients) client.join();
    std::cout << "A stopped in "
              << std::chrono::duration_cast<std::chrono::milliseconds>(stop_took).count() << " ms; "
              << reads << " reads and " << writes << " comments meanwhile\n";
    EXPECT_GT(reads.load(), 0);
    EXPECT_GT(writes.load(), 0);
    for (const auto& failure : failures) ADD_FAILURE() << failure;

    // Afterwards B serves everything, writes included.
    for (int i = 0; i < 6; ++i) EXPECT_EQ(site.Get(thread).status, 200) << i;
    PostComment(site, thread, "Posted after A stopped.");
    EXPECT_TRUE(site.Get(thread + "?full=1").Contains("Posted after A stopped."));
}

}  // namespace
}  // namespace hoot::testing
