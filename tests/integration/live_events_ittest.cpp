// The live event stream over real HTTP: who may open it, what arrives (counts, notifications,
// messages, the thread's new comments) and resuming after a reconnect with Last-Event-ID.

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "support/api_calls.hpp"
#include "support/sse_client.hpp"

namespace {

using namespace hoot::testing;

class LiveEvents : public ::testing::Test {
  protected:
    TestServer server;

    std::unique_ptr<SseClient> Open(const std::string& token, const std::string& query = "",
                                    HeaderList extra = {}) {
        HeaderList headers = Bearer(token);
        for (auto& header : extra) headers.push_back(std::move(header));
        return std::make_unique<SseClient>(server.port(), "/events" + query, headers);
    }
};

TEST_F(LiveEvents, OnlySignedInPeopleMayListen) {
    SseClient anonymous(server.port(), "/events", {});
    EXPECT_EQ(anonymous.head().status, 401);
    std::string ada = server.ApiSignUp("ada");
    auto stream = Open(ada);
    ASSERT_EQ(stream->head().status, 200);
    EXPECT_EQ(stream->head().Header("content-type"), "text/event-stream; charset=utf-8");
    EXPECT_EQ(stream->head().Header("cache-control"), "no-store");
    EXPECT_FALSE(stream->head().Header("content-security-policy").empty());
    SseEvent counts = stream->NextNamed("counts");
    EXPECT_EQ(JsonOf({200, {}, counts.data}), (Json{{"notifications", 0}, {"conversations", 0}}));
    EXPECT_FALSE(counts.id.empty());
}

TEST_F(LiveEvents, BadRequestsAreRefusedClearly) {
    std::string ada = server.ApiSignUp("ada");
    auto bad_hoot = Open(ada, "?hoot=abc");
    EXPECT_EQ(bad_hoot->head().status, 400);
    auto missing = Open(ada, "?hoot=99999");
    EXPECT_EQ(missing->head().status, 404);
    auto bad_id = Open(ada, "", {{"Last-Event-ID", "n1.m2"}});
    EXPECT_EQ(bad_id->head().status, 400);
    EXPECT_NE(bad_id->head().body.find("Last-Event-ID"), std::string::npos);
}

TEST_F(LiveEvents, ANewCommentReachesTheThreadsReadersAndTheBell) {
    std::string ada = server.ApiSignUp("ada"), bob = server.ApiSignUp("bob"),
                cyd = server.ApiSignUp("cyd");
    Json hoot = AskApi(server, ada, "Live comments", "Body");
    const std::string query = "?hoot=" + std::to_string(hoot["id"].get<int>());
    auto ada_stream = Open(ada, query);
    auto cyd_stream = Open(cyd, query);  // reads the thread, follows nothing
    ada_stream->NextNamed("counts");
    cyd_stream->NextNamed("counts");

    Json comment = CommentApi(server, bob, hoot["id"].get<std::int64_t>(), "Hello from bob");
    SseEvent arrived = ada_stream->NextNamed("comment");
    Json data = JsonOf({200, {}, arrived.data});
    EXPECT_EQ(data["id"], comment["id"]);
    EXPECT_EQ(data["author"]["username"], "bob");
    EXPECT_NE(data["url"].get<std::string>().find("#c-"), std::string::npos);

    SseEvent counts = ada_stream->NextNamed("counts");
    EXPECT_EQ(JsonOf({200, {}, counts.data})["notifications"], 1);
    EXPECT_EQ(cyd_stream->NextNamed("comment").id.empty(), false)
        << "a reader of the thread sees the comment too";
}

TEST_F(LiveEvents, NotificationsAndMessagesArriveWithoutAThread) {
    std::string ada = server.ApiSignUp("ada"), bob = server.ApiSignUp("bob");
    Json hoot = AskApi(server, ada, "Bell test", "Body");
    auto ada_stream = Open(ada);
    auto bob_stream = Open(bob);
    ada_stream->NextNamed("counts");
    bob_stream->NextNamed("counts");

    CommentApi(server, bob, hoot["id"].get<std::int64_t>(), "Ping");
    Json notification = JsonOf({200, {}, ada_stream->NextNamed("notification").data});
    EXPECT_EQ(notification["kind"], "comment");
    EXPECT_EQ(notification["text"], "bob commented on \u201cBell test\u201d");
    EXPECT_EQ(JsonOf({200, {}, ada_stream->NextNamed("counts").data})["notifications"], 1);

    ASSERT_EQ(Call(server, "POST", "/api/v1/conversations/ada/messages", bob,
                   Json{{"body", "Are you there?"}})
                  .status,
              201);
    Json to_ada = JsonOf({200, {}, ada_stream->NextNamed("message").data});
    EXPECT_EQ(to_ada["with"], "bob");
    EXPECT_FALSE(to_ada["mine"].get<bool>());
    EXPECT_EQ(JsonOf({200, {}, ada_stream->NextNamed("counts").data})["conversations"], 1);
    Json to_bob = JsonOf({200, {}, bob_stream->NextNamed("message").data});
    EXPECT_EQ(to_bob["with"], "ada") << "the sender's other tabs see their own message";
    EXPECT_TRUE(to_bob["mine"].get<bool>());

    // Reading elsewhere lowers the counts on the stream without any new event.
    ASSERT_EQ(Call(server, "POST", "/api/v1/notifications/read", ada, Json{{"all", true}}).status,
              200);
    EXPECT_EQ(JsonOf({200, {}, ada_stream->NextNamed("counts").data})["notifications"], 0);
}

TEST_F(LiveEvents, AReconnectWithLastEventIdGetsExactlyWhatWasMissed) {
    std::string ada = server.ApiSignUp("ada"), bob = server.ApiSignUp("bob");
    Json hoot = AskApi(server, ada, "Resume", "Body");
    const std::int64_t id = hoot["id"].get<std::int64_t>();
    const std::string query = "?hoot=" + std::to_string(id);
    std::string last_id;
    {
        auto stream = Open(ada, query);
        last_id = stream->NextNamed("counts").id;
        CommentApi(server, bob, id, "Seen live");
        last_id = stream->NextNamed("comment").id;
    }  // the tab goes away
    Json missed_one = CommentApi(server, bob, id, "Missed one");
    Json missed_two = CommentApi(server, bob, id, "Missed two");
    ASSERT_EQ(Call(server, "POST", "/api/v1/conversations/ada/messages", bob,
                   Json{{"body", "Missed message"}})
                  .status,
              201);

    auto resumed = Open(ada, query, {{"Last-Event-ID", last_id}});
    ASSERT_EQ(resumed->head().status, 200);
    std::vector<std::string> notifications, comments, messages;
    while (comments.size() < 2 || notifications.size() < 2 || messages.size() < 1) {
        auto event = resumed->Next();
        ASSERT_TRUE(event.has_value());
        Json data = JsonOf({200, {}, event->data});
        if (event->event == "notification") notifications.push_back(data["text"]);
        if (event->event == "comment") comments.push_back(std::to_string(data["id"].get<int>()));
        if (event->event == "message") messages.push_back(data["with"]);
    }
    EXPECT_EQ(comments, (std::vector<std::string>{std::to_string(missed_one["id"].get<int>()),
                                                  std::to_string(missed_two["id"].get<int>())}))
        << "the comment seen before the drop is not sent again";
    EXPECT_EQ(notifications.size(), 2u);
    EXPECT_EQ(messages, std::vector<std::string>{"bob"});
    Json counts = JsonOf({200, {}, resumed->NextNamed("counts").data});
    EXPECT_EQ(counts["notifications"], 3) << "the bell as it stands now";
    EXPECT_TRUE(resumed->StaysQuiet(std::chrono::milliseconds(300))) << "and nothing else";
}

TEST_F(LiveEvents, ABrowserSessionCookieOpensTheStream) {
    HttpClient browser = server.SignUp("ada");
    auto cookie = browser.cookies().HeaderValue();
    SseClient stream(server.port(), "/events", {{"Cookie", cookie}});
    ASSERT_EQ(stream.head().status, 200);
    EXPECT_EQ(stream.NextNamed("counts").event, "counts");
}

TEST_F(LiveEvents, OnePersonCannotHoldUnlimitedStreams) {
    std::string ada = server.ApiSignUp("ada");
    std::vector<std::unique_ptr<SseClient>> streams;
    for (int i = 0; i < 32; ++i) {
        streams.push_back(Open(ada));
        ASSERT_EQ(streams.back()->head().status, 200) << "stream " << i;
        streams.back()->NextNamed("counts");  // subscribed by now
    }
    auto refused = Open(ada);
    EXPECT_EQ(refused->head().status, 429);
    EXPECT_NE(refused->head().body.find("close some tabs"), std::string::npos);
    std::string bob = server.ApiSignUp("bob");
    EXPECT_EQ(Open(bob)->head().status, 200) << "the cap is per person";

    // Closed tabs give their places back at once, not at the next keep-alive 25 s later.
    streams.clear();
    int status = 0;
    for (int attempt = 0; attempt < 50 && status != 200; ++attempt) {
        status = Open(ada)->head().status;
        if (status != 200) std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    EXPECT_EQ(status, 200);
}

TEST(LiveEventsShutdown, OpenStreamsDoNotHoldUpAStop) {
    auto server = std::make_unique<TestServer>();
    std::string ada = server->ApiSignUp("ada");
    SseClient stream(server->port(), "/events", Bearer(ada));
    stream.NextNamed("counts");
    auto started = std::chrono::steady_clock::now();
    server->Stop();
    EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(8))
        << "a stop waits for requests in flight, not for open streams";
    EXPECT_FALSE(stream.Next(std::chrono::seconds(5)).has_value()) << "the stream is closed";
}

}  // namespace
