// Following, notifications, direct messages and blocks through the JSON API, with several people:
// who is told of what (exactly once, never the actor), read state, privacy of conversations,
// blocking, the message rate limit, and bad input.

#include <gtest/gtest.h>

#include <string>

#include "support/api_calls.hpp"

namespace {

using namespace hoot::testing;

class SocialApi : public ::testing::Test {
  protected:
    TestServer server;

    Json Notifications(const std::string& token, const std::string& query = "") {
        auto response = Call(server, "GET", "/api/v1/notifications" + query, token);
        EXPECT_EQ(response.status, 200) << response.body;
        return JsonOf(response);
    }
    Json Me(const std::string& token) {
        auto response = Call(server, "GET", "/api/v1/me", token);
        EXPECT_EQ(response.status, 200) << response.body;
        return JsonOf(response);
    }
    std::int64_t UnreadNotifications(const std::string& token) {
        return Me(token)["unread"]["notifications"].get<std::int64_t>();
    }
    std::int64_t UnreadConversations(const std::string& token) {
        return Me(token)["unread"]["conversations"].get<std::int64_t>();
    }
    HttpResponse Send(const std::string& token, const std::string& to, const std::string& body) {
        return Call(server, "POST", "/api/v1/conversations/" + to + "/messages", token,
                    Json{{"body", body}});
    }
};

TEST_F(SocialApi, ACommentTellsEachFollowerExactlyOnceAndNeverTheActor) {
    std::string ada = server.ApiSignUp("ada"), bob = server.ApiSignUp("bob"),
                cyd = server.ApiSignUp("cyd"), dee = server.ApiSignUp("dee");
    Json hoot = AskApi(server, ada, "Sore glutes from running", "Any advice?");
    std::int64_t id = hoot["id"].get<std::int64_t>();
    auto follow = Call(server, "PUT", "/api/v1/hoots/" + std::to_string(id) + "/follow", cyd);
    ASSERT_EQ(follow.status, 200) << follow.body;
    EXPECT_EQ(JsonOf(follow)["followers"], 2) << "the author follows their own hoot";

    Json comment = CommentApi(server, bob, id, "Stretch your piriformis.");
    for (const std::string* token : {&ada, &cyd}) {
        Json inbox = Notifications(*token);
        ASSERT_EQ(inbox["notifications"].size(), 1u) << inbox.dump();
        Json n = inbox["notifications"][0];
        EXPECT_EQ(n["kind"], "comment");
        EXPECT_EQ(n["actor"]["username"], "bob");
        EXPECT_EQ(n["hoot"]["id"], id);
        EXPECT_EQ(n["post_id"], comment["id"]);
        EXPECT_EQ(n["text"], "bob commented on \u201cSore glutes from running\u201d");
        EXPECT_NE(
            n["url"].get<std::string>().find("#c-" + std::to_string(comment["id"].get<int>())),
            std::string::npos);
        EXPECT_FALSE(n["read"].get<bool>());
        EXPECT_EQ(inbox["unread"], 1);
        EXPECT_EQ(UnreadNotifications(*token), 1);
    }
    EXPECT_TRUE(Notifications(bob)["notifications"].empty()) << "the commenter is not told";
    EXPECT_TRUE(Notifications(dee)["notifications"].empty()) << "a stranger is not told";

    // Commenting followed the hoot for bob: cyd's comment now tells ada and bob, not cyd.
    CommentApi(server, cyd, id, "Foam roller helps too.");
    EXPECT_EQ(Notifications(bob)["notifications"].size(), 1u);
    EXPECT_EQ(Notifications(ada)["notifications"].size(), 2u);
    EXPECT_EQ(Notifications(cyd)["notifications"].size(), 1u);
    EXPECT_EQ(JsonOf(Call(server, "GET", "/api/v1/hoots/" + std::to_string(id), ada))["id"], id);
}

TEST_F(SocialApi, FollowIsIdempotentNeedsAnAccountAndAnExistingHoot) {
    std::string ada = server.ApiSignUp("ada"), bob = server.ApiSignUp("bob");
    std::int64_t id = AskApi(server, ada, "A hoot to follow", "Body")["id"].get<std::int64_t>();
    const std::string path = "/api/v1/hoots/" + std::to_string(id) + "/follow";
    EXPECT_EQ(JsonOf(Call(server, "PUT", path, bob))["followers"], 2);
    EXPECT_EQ(JsonOf(Call(server, "PUT", path, bob))["followers"], 2);
    Json stopped = JsonOf(Call(server, "DELETE", path, bob));
    EXPECT_EQ(stopped["followers"], 1);
    EXPECT_FALSE(stopped["following"].get<bool>());
    EXPECT_EQ(Call(server, "PUT", path).status, 401);
    auto missing = Call(server, "PUT", "/api/v1/hoots/999999/follow", bob);
    EXPECT_EQ(missing.status, 404);
    EXPECT_EQ(ErrorCode(missing), "not_found");
    EXPECT_EQ(Call(server, "PUT", "/api/v1/hoots/x/follow", bob).status, 404);
}

TEST_F(SocialApi, MentionsReactionsAndRepliesTellThePersonConcerned) {
    std::string ada = server.ApiSignUp("ada"), bob = server.ApiSignUp("bob"),
                cyd = server.ApiSignUp("cyd");
    std::int64_t id = AskApi(server, ada, "Mentions and more", "Body")["id"].get<std::int64_t>();
    // cyd does not follow the hoot, but is mentioned: told once, as a mention.
    Json comment =
        CommentApi(server, bob, id, "I think @cyd knows, and `@ada` in code is not one.");
    Json cyd_inbox = Notifications(cyd);
    ASSERT_EQ(cyd_inbox["notifications"].size(), 1u);
    EXPECT_EQ(cyd_inbox["notifications"][0]["kind"], "mention");
    EXPECT_EQ(Notifications(ada)["notifications"][0]["kind"], "comment");

    // A reaction to ada's hoot tells ada; un-reacting and reacting again tells nobody twice.
    const std::string react = "/api/v1/posts/" + std::to_string(id) + "/reactions/helpful";
    ASSERT_EQ(Call(server, "PUT", react, cyd).status, 200);
    ASSERT_EQ(Call(server, "DELETE", react, cyd).status, 200);
    ASSERT_EQ(Call(server, "PUT", react, cyd).status, 200);
    Json ada_inbox = Notifications(ada);
    ASSERT_EQ(ada_inbox["notifications"].size(), 2u);
    EXPECT_EQ(ada_inbox["notifications"][0]["kind"], "reaction");
    EXPECT_EQ(ada_inbox["notifications"][0]["actor"]["username"], "cyd");

    // A reply under bob's comment tells bob (the comment's author).
    auto reply = Call(server, "POST",
                      "/api/v1/posts/" + std::to_string(comment["id"].get<int>()) + "/replies", ada,
                      Json{{"body", "Thanks!"}});
    ASSERT_EQ(reply.status, 201) << reply.body;
    Json bob_inbox = Notifications(bob);
    ASSERT_EQ(bob_inbox["notifications"].size(), 1u);
    EXPECT_EQ(bob_inbox["notifications"][0]["kind"], "reply");
    EXPECT_EQ(bob_inbox["notifications"][0]["text"],
              "ada replied to your comment on \u201cMentions and more\u201d");

    // An update by ada tells the hoot's followers (bob follows by commenting), not ada.
    auto update = Call(server, "POST", "/api/v1/hoots/" + std::to_string(id) + "/updates", ada,
                       Json{{"body", "It got better."}});
    ASSERT_EQ(update.status, 201) << update.body;
    EXPECT_EQ(Notifications(bob)["notifications"][0]["kind"], "update");
    EXPECT_EQ(Notifications(ada)["notifications"].size(), 2u);
}

TEST_F(SocialApi, ReadStateIsPerPersonAndBadRequestsAreRefused) {
    std::string ada = server.ApiSignUp("ada"), bob = server.ApiSignUp("bob");
    std::int64_t id = AskApi(server, ada, "Read state", "Body")["id"].get<std::int64_t>();
    for (int i = 0; i < 3; ++i) CommentApi(server, bob, id, "Comment " + std::to_string(i));
    Json inbox = Notifications(ada);
    ASSERT_EQ(inbox["notifications"].size(), 3u);
    std::int64_t newest = inbox["notifications"][0]["id"].get<std::int64_t>();
    std::int64_t oldest = inbox["notifications"][2]["id"].get<std::int64_t>();

    // bob cannot mark ada's notifications read.
    auto foreign = Call(server, "POST", "/api/v1/notifications/read", bob, Json{{"ids", {newest}}});
    EXPECT_EQ(foreign.status, 200);
    EXPECT_EQ(UnreadNotifications(ada), 3);

    auto one = Call(server, "POST", "/api/v1/notifications/read", ada, Json{{"ids", {newest}}});
    EXPECT_EQ(JsonOf(one)["unread"], 2);
    EXPECT_TRUE(Notifications(ada)["notifications"][0]["read"].get<bool>());

    Json polled = Notifications(ada, "?after=" + std::to_string(oldest));
    ASSERT_EQ(polled["notifications"].size(), 2u) << "newer than the oldest, oldest first";
    EXPECT_EQ(polled["notifications"][1]["id"], newest);
    Json paged = Notifications(ada, "?before=" + std::to_string(newest));
    EXPECT_EQ(paged["notifications"].size(), 2u);

    auto all = Call(server, "POST", "/api/v1/notifications/read", ada, Json{{"all", true}});
    EXPECT_EQ(JsonOf(all)["unread"], 0);
    EXPECT_EQ(UnreadNotifications(ada), 0);

    for (const Json& bad :
         {Json::object(), Json{{"all", false}}, Json{{"ids", "1"}}, Json{{"ids", {0}}},
          Json{{"ids", {"x"}}}, Json{{"ids", {1}}, {"all", true}}}) {
        auto response = Call(server, "POST", "/api/v1/notifications/read", ada, bad);
        EXPECT_EQ(response.status, 400) << bad.dump();
        EXPECT_EQ(ErrorCode(response), "bad_request") << bad.dump();
    }
    EXPECT_EQ(Call(server, "GET", "/api/v1/notifications?before=abc", ada).status, 400);
    EXPECT_EQ(Call(server, "GET", "/api/v1/notifications?before=1&after=2", ada).status, 400);
    EXPECT_EQ(Call(server, "GET", "/api/v1/notifications").status, 401);
}

TEST_F(SocialApi, ConversationsArePrivateToTheirTwoPeopleAndCountUnread) {
    std::string ada = server.ApiSignUp("ada"), bob = server.ApiSignUp("bob"),
                cyd = server.ApiSignUp("cyd");
    auto sent = Send(bob, "ada", "Hi **Ada**, <script>alert(1)</script>");
    ASSERT_EQ(sent.status, 201) << sent.body;
    EXPECT_EQ(JsonOf(sent)["body_html"].get<std::string>().find("<script>"), std::string::npos);
    ASSERT_EQ(Send(bob, "ADA", "Second").status, 201) << "names are case-insensitive";
    EXPECT_EQ(UnreadConversations(ada), 1);
    EXPECT_EQ(UnreadConversations(bob), 0);

    Json list = JsonOf(Call(server, "GET", "/api/v1/conversations", ada));
    ASSERT_EQ(list["conversations"].size(), 1u);
    EXPECT_EQ(list["conversations"][0]["with"]["username"], "bob");
    EXPECT_EQ(list["conversations"][0]["unread"], 2);
    EXPECT_EQ(list["conversations"][0]["last_message"]["body"], "Second");

    Json read = JsonOf(Call(server, "GET", "/api/v1/conversations/bob/messages", ada));
    ASSERT_EQ(read["messages"].size(), 2u);
    EXPECT_EQ(read["messages"][0]["body"], "Hi **Ada**, <script>alert(1)</script>")
        << "oldest first; the source is kept as typed";
    EXPECT_EQ(UnreadConversations(ada), 0) << "reading marks the conversation read";

    // A third person only ever sees their own conversations.
    Json theirs = JsonOf(Call(server, "GET", "/api/v1/conversations/ada/messages", cyd));
    EXPECT_TRUE(theirs["messages"].empty());
    Json theirs_too = JsonOf(Call(server, "GET", "/api/v1/conversations/bob/messages", cyd));
    EXPECT_TRUE(theirs_too["messages"].empty());
    EXPECT_TRUE(JsonOf(Call(server, "GET", "/api/v1/conversations", cyd))["conversations"].empty());
    EXPECT_EQ(Call(server, "GET", "/api/v1/conversations/bob/messages").status, 401);

    auto self = Send(ada, "ada", "Note to self");
    EXPECT_EQ(self.status, 422);
    EXPECT_EQ(ErrorCode(self), "invalid_input");
    EXPECT_EQ(Send(ada, "nobody-here", "Hello").status, 404);
    EXPECT_EQ(Send(ada, "bob", "   ").status, 422);
    EXPECT_EQ(Send(ada, "bob", std::string(10001, 'x')).status, 422);
    EXPECT_EQ(Send(ada, "bob", std::string(10000, 'x')).status, 201);
    auto no_body = Call(server, "POST", "/api/v1/conversations/bob/messages", ada, Json::object());
    EXPECT_EQ(no_body.status, 400);
}

TEST_F(SocialApi, BlockingStopsMessagesWithAClearMessageUntilLifted) {
    std::string ada = server.ApiSignUp("ada"), bob = server.ApiSignUp("bob");
    auto block = Call(server, "PUT", "/api/v1/blocks/bob", ada);
    ASSERT_EQ(block.status, 200) << block.body;
    EXPECT_TRUE(JsonOf(block)["blocked"].get<bool>());

    auto refused = Send(bob, "ada", "Please talk to me");
    EXPECT_EQ(refused.status, 403);
    EXPECT_EQ(JsonOf(refused)["error"]["message"],
              "ada has blocked you, so you cannot send them messages.");
    auto own = Send(ada, "bob", "Hello?");
    EXPECT_EQ(own.status, 403);
    EXPECT_EQ(JsonOf(own)["error"]["message"],
              "You have blocked bob. Unblock them to send a message.");
    Json view = JsonOf(Call(server, "GET", "/api/v1/conversations/ada/messages", bob));
    EXPECT_TRUE(view["blocked_you"].get<bool>());

    // A blocked person's comments do not notify the blocker either.
    std::int64_t id = AskApi(server, ada, "Blocked comments", "Body")["id"].get<std::int64_t>();
    CommentApi(server, bob, id, "You cannot hear me");
    EXPECT_TRUE(Notifications(ada)["notifications"].empty());

    ASSERT_EQ(Call(server, "DELETE", "/api/v1/blocks/bob", ada).status, 200);
    EXPECT_EQ(Send(bob, "ada", "Thanks for unblocking").status, 201);
    EXPECT_EQ(Call(server, "PUT", "/api/v1/blocks/ada", ada).status, 422);
    EXPECT_EQ(Call(server, "PUT", "/api/v1/blocks/nobody-here", ada).status, 404);
}

TEST(SocialApiRateLimit, SendingIsLimitedPerPersonWithAClearMessage) {
    TestServer server([](hoot::app::AppConfig& config) { config.rate_limits = true; });
    std::string ada = server.ApiSignUp("ada"), bob = server.ApiSignUp("bob"),
                cyd = server.ApiSignUp("cyd");
    for (int i = 0; i < 30; ++i) {
        auto sent = Call(server, "POST", "/api/v1/conversations/ada/messages", bob,
                         Json{{"body", "message " + std::to_string(i)}});
        ASSERT_EQ(sent.status, 201) << "message " << i << ": " << sent.body;
    }
    auto limited = Call(server, "POST", "/api/v1/conversations/ada/messages", bob,
                        Json{{"body", "one too many"}});
    EXPECT_EQ(limited.status, 429);
    EXPECT_EQ(ErrorCode(limited), "rate_limited");
    EXPECT_NE(JsonOf(limited)["error"]["message"].get<std::string>().find(
                  "You are sending messages too fast"),
              std::string::npos);
    EXPECT_FALSE(limited.Header("retry-after").empty());
    // Per person: cyd is not slowed down by bob.
    EXPECT_EQ(
        Call(server, "POST", "/api/v1/conversations/ada/messages", cyd, Json{{"body", "hello"}})
            .status,
        201);
}

}  // namespace
