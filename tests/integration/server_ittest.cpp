// The HTTP server itself: health check, size and time limits, keep-alive, graceful stop, and
// that what it acknowledged is still there after a restart.

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <future>
#include <string>
#include <thread>
#include <vector>

#include "support/sse_client.hpp"
#include "support/test_server.hpp"

namespace {

using hoot::testing::HttpClient;
using hoot::testing::HttpResponse;
using hoot::testing::kTestPassword;
using hoot::testing::RawConnection;
using hoot::testing::TestServer;
using Clock = std::chrono::steady_clock;

TEST(Health, HealthzAnswersOk) {
    TestServer server;
    auto response = server.Client().Get("/healthz");
    EXPECT_EQ(response.status, 200);
    EXPECT_EQ(response.body, "ok");
    EXPECT_FALSE(response.HasHeader("set-cookie"));
}

TEST(Health, HeadGivesHeadersWithoutBody) {
    TestServer server;
    RawConnection connection(server.port());
    ASSERT_TRUE(connection.Send("HEAD /healthz HTTP/1.1\r\nHost: x\r\n\r\n"));
    auto response = connection.ReadResponse(/*head_only=*/true);
    EXPECT_EQ(response.status, 200);
    EXPECT_EQ(response.Header("content-length"), "2");
}

TEST(Routing, AKnownPathUnderAnotherMethodIs405WithAllow) {
    TestServer server;
    HttpClient client = server.Client();
    HttpResponse response = client.Delete("/signup");
    EXPECT_EQ(response.status, 405);
    EXPECT_EQ(response.Header("allow"), "GET, POST");
    HttpResponse api = client.Delete("/api/v1/hoots");
    EXPECT_EQ(api.status, 405);
    EXPECT_EQ(api.Header("allow"), "GET, POST");
    EXPECT_TRUE(api.Contains("\"code\":\"bad_request\"")) << api.body;
}

TEST(ServerLimits, BodyOverTheLimitIs413) {
    TestServer server(
        [](hoot::app::AppConfig& config) { config.server.max_body_bytes = 64 * 1024; });
    auto client = server.Client();
    std::string csrf = client.CsrfFrom("/signup");
    std::string big(100 * 1024, 'x');
    auto response =
        client.PostForm("/signup", {{"username", "big"}, {"password", big}, {"csrf", csrf}});
    EXPECT_EQ(response.status, 413);
    // A page of the site, saying what the limit is.
    EXPECT_NE(response.Header("content-type").find("text/html"), std::string::npos);
    EXPECT_TRUE(response.Contains("larger than the 64 KB this site accepts")) << response.body;

    // A body under the limit is fine on a new connection.
    auto ok = client.PostForm("/signup",
                              {{"username", "small"}, {"password", kTestPassword}, {"csrf", csrf}});
    EXPECT_EQ(ok.status, 303);
}

TEST(ServerLimits, HeadersOverSixteenKibIs431) {
    TestServer server;
    RawConnection connection(server.port());
    std::string request =
        "GET / HTTP/1.1\r\nHost: x\r\nX-Padding: " + std::string(20 * 1024, 'p') + "\r\n\r\n";
    ASSERT_TRUE(connection.Send(request));
    auto response = connection.ReadResponse();
    EXPECT_EQ(response.status, 431);

    // Headers just under the limit pass.
    auto client = server.Client();
    auto fine = client.Get("/healthz", {{"X-Padding", std::string(8 * 1024, 'p')}});
    EXPECT_EQ(fine.status, 200);
}

TEST(ServerLimits, MalformedRequestIs400) {
    TestServer server;
    RawConnection connection(server.port());
    ASSERT_TRUE(connection.Send("THIS IS NOT HTTP\r\n\r\n"));
    auto response = connection.ReadResponse();
    EXPECT_EQ(response.status, 400);
}

TEST(ServerLimits, StalledHalfRequestIsDroppedAfterTheReadTimeout) {
    TestServer server(
        [](hoot::app::AppConfig& config) { config.server.read_timeout = std::chrono::seconds(1); });
    auto start = Clock::now();
    RawConnection connection(server.port());
    ASSERT_TRUE(connection.Send("POST /signup HTTP/1.1\r\nHost: x\r\nContent-Le"));
    EXPECT_TRUE(connection.WaitForClose(std::chrono::seconds(5)));
    auto waited = Clock::now() - start;
    EXPECT_GE(waited, std::chrono::milliseconds(800));
    EXPECT_LT(waited, std::chrono::seconds(5));

    // Others are still served meanwhile and afterwards.
    EXPECT_EQ(server.Client().Get("/healthz").status, 200);
}

TEST(ServerLimits, UnknownMethodOnAKnownPathIs405) {
    TestServer server;
    auto client = server.Client();
    EXPECT_EQ(client.Delete("/login").status, 405);
    EXPECT_EQ(client.Put("/settings/profile", "x", "text/plain").status, 405);
}

TEST(KeepAlive, ServesSeveralRequestsOnOneConnection) {
    TestServer server;
    auto client = server.Client(/*keep_alive=*/true);
    for (int i = 0; i < 5; ++i) {
        auto response = client.Get(i % 2 ? "/healthz" : "/");
        EXPECT_EQ(response.status, 200);
    }
    auto csrf = client.CsrfFrom("/signup");
    auto signup = client.PostForm(
        "/signup", {{"username", "keeper"}, {"password", kTestPassword}, {"csrf", csrf}});
    EXPECT_EQ(signup.status, 303);
    EXPECT_EQ(client.Get("/").status, 200);
    EXPECT_EQ(client.connections_opened(), 1);

    // Also when the requests are written back to back before any answer is read.
    RawConnection connection(server.port());
    ASSERT_TRUE(
        connection.Send("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n"
                        "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n"));
    EXPECT_EQ(connection.ReadResponse().body, "ok");
    EXPECT_EQ(connection.ReadResponse().body, "ok");
}

TEST(KeepAlive, ConnectionCloseIsHonoured) {
    TestServer server;
    RawConnection connection(server.port());
    ASSERT_TRUE(connection.Send("GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"));
    auto response = connection.ReadResponse();
    EXPECT_EQ(response.status, 200);
    EXPECT_TRUE(connection.WaitForClose(std::chrono::seconds(5)));
}

TEST(GracefulStop, InFlightPostsFinishBeforeTheServerStops) {
    // One blocking thread: the sign-ups (each hashes a password) queue up behind each other, so
    // most of them are still running when Stop() is called.
    TestServer server([](hoot::app::AppConfig& config) { config.server.blocking_threads = 1; });
    constexpr int kRequests = 6;
    std::vector<RawConnection> connections;
    std::string csrf;
    std::string seed;
    {
        auto client = server.Client();
        csrf = client.CsrfFrom("/signup");
        seed = *client.cookies().Get("hoot_csrf");
    }
    for (int i = 0; i < kRequests; ++i) {
        std::string body = hoot::testing::FormEncode({{"username", "inflight" + std::to_string(i)},
                                                      {"password", kTestPassword},
                                                      {"csrf", csrf}});
        connections.emplace_back(server.port());
        ASSERT_TRUE(connections.back().Send(
            "POST /signup HTTP/1.1\r\nHost: x\r\nCookie: hoot_csrf=" + seed +
            "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: " +
            std::to_string(body.size()) + "\r\n\r\n" + body));
    }
    // Once the first answer is back, the others have long arrived and wait for the pool.
    std::vector<HttpResponse> responses;
    responses.push_back(connections[0].ReadResponse());
    std::thread stopper([&server] { server.app().Stop(); });
    for (int i = 1; i < kRequests; ++i) {
        try {
            responses.push_back(connections[i].ReadResponse());
        } catch (const std::exception& e) {
            ADD_FAILURE() << "request " << i << " got no answer: " << e.what();
        }
    }
    stopper.join();
    for (const auto& response : responses) EXPECT_EQ(response.status, 303);

    server.Restart();
    for (int i = 0; i < kRequests; ++i)
        EXPECT_EQ(server.Client().Get("/u/inflight" + std::to_string(i)).status, 200) << i;
}

TEST(GracefulStop, StopIsPromptWithIdleKeepAliveConnections) {
    TestServer server;
    auto client = server.Client();
    EXPECT_EQ(client.Get("/healthz").status, 200);  // leaves an idle keep-alive connection
    auto start = Clock::now();
    server.Stop();
    EXPECT_LT(Clock::now() - start, std::chrono::seconds(5));
}

// Behind a proxy that keeps connections open (nginx's upstream keepalive), a stopping server
// closes the idle ones and ends its event streams at once, while the requests in flight still
// run to their answers: the proxy stops sending it work immediately, and browsers' streams
// reconnect elsewhere. (Before, idle connections stayed open until the last request was done.)
TEST(GracefulStop, IdleConnectionsAndStreamsCloseAtOnceWhileRequestsFinish) {
    TestServer server([](hoot::app::AppConfig& config) { config.server.blocking_threads = 1; });
    const std::string token = server.ApiSignUp("streamer");
    hoot::testing::SseClient stream(server.port(), "/events", hoot::testing::Bearer(token));
    ASSERT_EQ(stream.head().status, 200);
    RawConnection idle(server.port());
    ASSERT_TRUE(idle.Send("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n"));
    ASSERT_EQ(idle.ReadResponse().status, 200);

    // Sign-ups queued on the one blocking thread (each hashes a password): in flight for a while.
    constexpr int kRequests = 30;
    std::vector<RawConnection> connections;
    for (int i = 0; i < kRequests; ++i) {
        connections.emplace_back(server.port());
        const std::string json = R"({"username":"queued)" + std::to_string(i) +
                                 R"(","password":")" + kTestPassword + R"("})";
        ASSERT_TRUE(connections.back().Send(
            "POST /api/v1/users HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
            "Content-Length: " +
            std::to_string(json.size()) + "\r\n\r\n" + json));
    }
    ASSERT_EQ(connections[0].ReadResponse().status, 201);
    // Each answer is read as it comes, and when it came is noted.
    std::vector<HttpResponse> responses(kRequests);
    std::vector<Clock::time_point> answered(kRequests);
    std::vector<std::thread> readers;
    for (int i = 1; i < kRequests; ++i) {
        readers.emplace_back([&, i] {
            try {
                responses[i] = connections[i].ReadResponse();
            } catch (const std::exception& e) {
                responses[i].body = e.what();
            }
            answered[i] = Clock::now();
        });
    }

    std::thread stopper([&server] { server.app().Stop(); });
    EXPECT_TRUE(idle.WaitForClose(std::chrono::seconds(5)));
    const auto idle_closed = Clock::now();
    bool ended = false;
    for (int i = 0; i < 5 && !ended; ++i) ended = !stream.Next(std::chrono::seconds(2));
    EXPECT_TRUE(ended);
    const auto stream_ended = Clock::now();
    for (auto& reader : readers) reader.join();
    stopper.join();

    Clock::time_point last_answer = answered[1];
    for (int i = 1; i < kRequests; ++i) {
        EXPECT_EQ(responses[i].status, 201) << i << ": " << responses[i].body;
        last_answer = std::max(last_answer, answered[i]);
    }
    // Both closed while sign-ups were still being answered, not after the last.
    auto ms = [](Clock::duration d) {
        return std::to_string(std::chrono::duration_cast<std::chrono::milliseconds>(d).count()) +
               " ms";
    };
    EXPECT_LT(idle_closed, last_answer)
        << "idle closed " << ms(idle_closed - last_answer) << " after the last answer";
    EXPECT_LT(stream_ended, last_answer)
        << "stream ended " << ms(stream_ended - last_answer) << " after the last answer";
    // Answers made once the stop had begun tell the client the connection ends.
    int closing = 0;
    for (int i = 1; i < kRequests; ++i) closing += responses[i].Header("connection") == "close";
    EXPECT_GT(closing, 0);
}

TEST(Durability, ContentSurvivesARestartOnTheSameDataDir) {
    TestServer server;
    std::string thread;
    {
        auto author = server.SignUp("durable");
        thread = hoot::testing::PostHoot(author, "Still here after restart", "Persistent *body*",
                                         "kept");
        hoot::testing::PostComment(author, thread, "A persistent comment");
        auto saved = author.SubmitForm("/settings/profile", "/settings/profile",
                                       {{"display_name", "Durable Dan"}, {"bio", ""}});
        ASSERT_EQ(saved.status, 303);
    }
    server.Restart();

    auto reader = server.Client();
    auto page = reader.Get(thread);
    EXPECT_EQ(page.status, 200);
    EXPECT_TRUE(page.Contains("<title>Hoots : Still here after restart - Hoot Test</title>"));
    EXPECT_TRUE(page.Contains("Persistent <em>body</em>"));
    EXPECT_TRUE(page.Contains("A persistent comment"));
    EXPECT_TRUE(page.Contains("1 Comments"));
    EXPECT_TRUE(page.Contains(">Durable Dan</a>"));
    EXPECT_TRUE(reader.Get("/").Contains("Still here after restart"));

    // The account still signs in, with the same password.
    auto client = server.Client();
    auto signin = client.SubmitForm("/login", "/login",
                                    {{"username", "durable"}, {"password", kTestPassword}});
    EXPECT_EQ(signin.status, 303);
}

TEST(Durability, SessionsSurviveARestart) {
    TestServer server;
    auto client = server.SignUp("sticky");
    std::string session = *client.cookies().Get("hoot_session");
    server.Restart();
    HttpClient again = server.Client();
    again.cookies().Set("hoot_session", session);
    auto editor = again.Get("/settings/profile");
    EXPECT_EQ(editor.status, 200);
}

}  // namespace
