// Two Hoot instances on one PostgreSQL database, as behind a load balancer: what one writes the
// other reads, a session made on one works on the other, and live events cross between them
// (LISTEN/NOTIFY), and rate limits count once for all of them. Always on PostgreSQL, whichever
// backend the rest of the suite runs on.

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "support/api_calls.hpp"
#include "support/sse_client.hpp"
#include "support/test_postgres.hpp"
#include "support/test_server.hpp"

namespace hoot::testing {
namespace {

class Instances : public ::testing::Test {
  protected:
    TestPostgresDatabase database;
    TestServer a{[this](app::AppConfig& config) { config.database = database.url(); }};
    TestServer b{[this](app::AppConfig& config) { config.database = database.url(); }};

    std::unique_ptr<SseClient> Open(const TestServer& server, const std::string& token,
                                    const std::string& query = "") {
        return std::make_unique<SseClient>(server.port(), "/events" + query, Bearer(token));
    }
};

TEST_F(Instances, WhatOneWritesTheOtherReadsWithTheSameSession) {
    const std::string ada = a.ApiSignUp("ada");
    Json hoot = AskApi(a, ada, "Written on A", "Read on B.");
    const std::string path = "/api/v1/hoots/" + std::to_string(hoot["id"].get<std::int64_t>());
    auto read = Call(b, "GET", path);
    ASSERT_EQ(read.status, 200) << read.body;
    EXPECT_EQ(JsonOf(read)["title"], "Written on A");
    // The token A issued opens B: sessions live in the database, not in an instance.
    Json comment = CommentApi(b, ada, hoot["id"].get<std::int64_t>(), "Commented on B");
    EXPECT_EQ(comment["author"]["username"], "ada");
    auto on_a = Call(a, "GET", path);
    ASSERT_EQ(on_a.status, 200) << on_a.body;
    EXPECT_NE(on_a.body.find("Commented on B"), std::string::npos);
    // And the name taken on A is taken on B.
    auto again = Call(b, "POST", "/api/v1/users", "",
                      Json{{"username", "ada"}, {"password", kTestPassword}});
    EXPECT_EQ(again.status, 409) << again.body;
}

TEST_F(Instances, ABellOnOneLightsUpFromAnActionOnTheOther) {
    const std::string ada = a.ApiSignUp("ada");
    const std::string bob = b.ApiSignUp("bob");
    Json hoot = AskApi(a, ada, "Live across instances", "Body");
    const auto hoot_id = hoot["id"].get<std::int64_t>();
    // Ada reads her thread on B; her bell is on B too.
    auto stream = Open(b, ada, "?hoot=" + std::to_string(hoot_id));
    ASSERT_EQ(stream->head().status, 200);
    stream->NextNamed("counts");

    CommentApi(a, bob, hoot_id, "Bob comments through A");
    SseEvent comment = stream->NextNamed("comment");
    EXPECT_EQ(JsonOf({200, {}, comment.data})["author"]["username"], "bob") << comment.data;
    SseEvent counts = stream->NextNamed("counts");
    EXPECT_EQ(JsonOf({200, {}, counts.data})["notifications"], 1);

    // A direct message sent through A reaches the DM box on B.
    auto sent = Call(a, "POST", "/api/v1/conversations/ada/messages", bob,
                     Json{{"body", "Hello across instances"}});
    ASSERT_EQ(sent.status, 201) << sent.body;
    SseEvent message = stream->NextNamed("message");
    EXPECT_EQ(JsonOf({200, {}, message.data})["with"], "bob") << message.data;
}

// Rate limits are counted in the database the instances share: a client that alternates between
// them is refused after one burst, not after one burst per instance. Sign-in attempts with an
// empty password are quick (they fail without hashing) and count like any.
TEST(InstancesRateLimited, SignInAttemptsAlternatingBetweenInstancesShareOneBurst) {
    TestPostgresDatabase database;
    auto configure = [&](app::AppConfig& config) {
        config.database = database.url();
        config.rate_limits = true;
        // A burst of 3, then one a minute: no token comes back while the test runs.
        config.rate_rule_overrides = {{"signin", {3, 1}}};
    };
    TestServer a(configure), b(configure);
    const Json guess{{"username", "mallory"}, {"password", ""}};
    for (int i = 0; i < 3; ++i) {
        auto response = Call(i % 2 ? b : a, "POST", "/api/v1/auth/login", "", guess);
        ASSERT_EQ(response.status, 401) << "attempt " << i + 1 << ": " << response.body;
    }
    // Each instance alone has seen at most two attempts; both refuse the fourth and the fifth.
    for (int i = 3; i < 5; ++i) {
        auto refused = Call(i % 2 ? b : a, "POST", "/api/v1/auth/login", "", guess);
        EXPECT_EQ(refused.status, 429) << "attempt " << i + 1 << ": " << refused.body;
        EXPECT_EQ(ErrorCode(refused), "rate_limited");
        EXPECT_EQ(refused.Header("retry-after"), "60");
    }
}

}  // namespace
}  // namespace hoot::testing
