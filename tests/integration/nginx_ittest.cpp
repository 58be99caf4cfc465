// The nginx configuration of docs/deploy/nginx.conf, started for real in front of two Hoot
// instances on one PostgreSQL database: requests and sessions reach the community through it,
// and a live event streams through it unbuffered.

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <memory>
#include <string>
#include <thread>

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

}  // namespace
}  // namespace hoot::testing
