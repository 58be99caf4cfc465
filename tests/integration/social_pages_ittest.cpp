// Following, the bell, the notification inbox and settings, the DM box and conversations, and
// blocking, as pages and forms without JavaScript.

#include <gtest/gtest.h>

#include <string>

#include "support/api_calls.hpp"

namespace {

using namespace hoot::testing;

class SocialPages : public ::testing::Test {
  protected:
    TestServer server;
};

// The number in the top bar's badge named `which` ("notifications" or "conversations").
std::string Badge(const HttpResponse& page, const std::string& which) {
    std::string marker = "data-unread=\"" + which + "\"";
    auto at = page.body.find(marker);
    if (at == std::string::npos) return "(no badge)";
    auto open = page.body.find("(</span>", at);
    auto close = page.body.find("<span", open + 8);
    return page.body.substr(open + 8, close - open - 8);
}

TEST_F(SocialPages, FollowingFromTheThreadAndTheFollowingPage) {
    HttpClient ada = server.SignUp("ada");
    HttpClient bob = server.SignUp("bob");
    std::string thread = PostHoot(ada, "Follow me please", "Body");
    auto anonymous = server.Client().Get(thread);
    EXPECT_TRUE(anonymous.Contains("Login to follow hoots"));
    EXPECT_TRUE(anonymous.Contains("1 follower<"));

    auto before = bob.Get(thread);
    EXPECT_TRUE(before.Contains("aria-pressed=\"false\"")) << "bob does not follow yet";
    EXPECT_FALSE(before.Contains("Login to follow hoots"));
    const std::string follow = "/hoots/" + HootIdOf(thread) + "/follow";
    auto followed = bob.SubmitForm(thread, follow, {{"follow", "1"}});
    ASSERT_EQ(followed.status, 303) << followed.body;
    EXPECT_EQ(followed.Header("location"), thread);
    auto after = bob.Get(thread);
    EXPECT_TRUE(after.Contains(">Following</button>"));
    EXPECT_TRUE(after.Contains("2 followers"));
    EXPECT_TRUE(bob.Get("/following").Contains("Follow me please"));

    EXPECT_EQ(bob.SubmitForm(thread, follow, {{"follow", "0"}}).status, 303);
    EXPECT_TRUE(bob.Get(thread).Contains("1 follower<"));
    EXPECT_FALSE(bob.Get("/following").Contains("Follow me please"));
    EXPECT_EQ(bob.SubmitForm(thread, follow, {{"follow", "maybe"}}).status, 400);
    EXPECT_EQ(server.Client().Get("/following").status, 303) << "sign in first";
}

TEST_F(SocialPages, TheBellCountsOpeningMarksReadAndLandsOnTheComment) {
    HttpClient ada = server.SignUp("ada");
    HttpClient bob = server.SignUp("bob");
    std::string thread = PostHoot(ada, "Bell on every page", "Body");
    EXPECT_EQ(Badge(ada.Get("/"), "notifications"), "0");
    EXPECT_TRUE(ada.Get("/").Contains("data-unread=\"notifications\" hidden"));
    std::string comment_at = PostComment(bob, thread, "First answer");
    PostComment(bob, thread, "Second answer");

    auto home = ada.Get("/");
    EXPECT_EQ(Badge(home, "notifications"), "2");
    auto inbox = ada.Get("/notifications");
    ASSERT_EQ(inbox.status, 200);
    EXPECT_TRUE(inbox.Contains("2 notifications")) << "grouped under the hoot";
    EXPECT_TRUE(inbox.Contains(HtmlEscape("bob commented on \u201cBell on every page\u201d")));
    auto link_at = inbox.body.find("href=\"/notifications/");
    ASSERT_NE(link_at, std::string::npos);
    std::string link =
        inbox.body.substr(link_at + 6, inbox.body.find('"', link_at + 6) - link_at - 6);

    auto opened = ada.Get(link);
    ASSERT_EQ(opened.status, 303);
    EXPECT_NE(opened.Header("location").find("#c-"), std::string::npos)
        << opened.Header("location");
    EXPECT_EQ(Badge(ada.Get("/"), "notifications"), "1");
    EXPECT_EQ(bob.Get(link).status, 404) << "only the owner opens a notification";

    auto read_all = ada.SubmitForm("/notifications", "/notifications/read", {});
    EXPECT_EQ(read_all.status, 303);
    EXPECT_EQ(Badge(ada.Get("/"), "notifications"), "0");
    EXPECT_FALSE(ada.Get("/notifications").Contains("Mark all read"));
    EXPECT_EQ(ada.Get("/notifications?before=x").status, 400);
    (void)comment_at;
}

TEST_F(SocialPages, NotificationSettingsAreKeptAndObeyed) {
    HttpClient ada = server.SignUp("ada");
    HttpClient bob = server.SignUp("bob");
    auto page = ada.Get("/settings/notifications");
    ASSERT_EQ(page.status, 200);
    EXPECT_TRUE(page.Contains("New comments on hoots I follow"));
    auto saved = ada.SubmitForm("/settings/notifications", "/settings/notifications",
                                {{"notify", "mention"}, {"notify", "reply"}});
    ASSERT_EQ(saved.status, 303);
    auto again = ada.Get("/settings/notifications?saved=1");
    EXPECT_TRUE(again.Contains("Saved."));
    EXPECT_TRUE(again.Contains("value=\"mention\" checked"));
    EXPECT_FALSE(again.Contains("value=\"comment\" checked"));
    EXPECT_FALSE(again.Contains("name=\"follow_on_comment\" value=\"1\" checked"));

    std::string thread = PostHoot(ada, "Quiet please", "Body");
    PostComment(bob, thread, "A comment ada does not want to hear of");
    EXPECT_EQ(Badge(ada.Get("/"), "notifications"), "0");
    PostComment(bob, thread, "But @ada is mentioned");
    EXPECT_EQ(Badge(ada.Get("/"), "notifications"), "1");
    auto bad = ada.SubmitForm("/settings/notifications", "/settings/notifications",
                              {{"notify", "everything"}});
    EXPECT_EQ(bad.status, 400);
}

TEST_F(SocialPages, ConversationsThroughFormsStayBetweenTheirTwoPeople) {
    HttpClient ada = server.SignUp("ada");
    HttpClient bob = server.SignUp("bob");
    HttpClient cyd = server.SignUp("cyd");
    auto sent = bob.SubmitForm("/messages/ada", "/messages/ada", {{"body", "Hello *Ada*"}});
    ASSERT_EQ(sent.status, 303) << sent.body;
    EXPECT_NE(sent.Header("location").find("/messages/ada#m-"), std::string::npos);

    EXPECT_EQ(Badge(ada.Get("/"), "conversations"), "1");
    auto list = ada.Get("/messages");
    EXPECT_TRUE(list.Contains("href=\"/messages/bob\""));
    EXPECT_TRUE(list.Contains("1 unread"));
    auto conversation = ada.Get("/messages/bob");
    EXPECT_TRUE(conversation.Contains("<em>Ada</em>"));
    EXPECT_EQ(Badge(conversation, "conversations"), "0") << "opening it reads it";
    EXPECT_EQ(Badge(ada.Get("/"), "conversations"), "0");

    auto outsider = cyd.Get("/messages/bob");
    EXPECT_EQ(outsider.status, 200);
    EXPECT_FALSE(outsider.Contains("Hello")) << "cyd sees only cyd's own conversation with bob";
    EXPECT_FALSE(cyd.Get("/messages").Contains("/messages/ada"));
    EXPECT_EQ(server.Client().Get("/messages/bob").status, 303) << "sign in first";

    auto empty = ada.SubmitForm("/messages/bob", "/messages/bob", {{"body", "  "}});
    EXPECT_EQ(empty.status, 422);
    EXPECT_EQ(ada.Get("/messages?to=bob").Header("location"), "/messages/bob");
    auto nobody = ada.Get("/messages?to=nobody-here");
    EXPECT_EQ(nobody.status, 404);
    EXPECT_TRUE(nobody.Contains("There is no user called that."));
    EXPECT_TRUE(nobody.Contains("value=\"nobody-here\"")) << "what was typed is kept";
    EXPECT_EQ(ada.Get("/messages/nobody-here").status, 404);
}

TEST_F(SocialPages, BlockingFromTheProfileShowsWhyMessagesAreRefused) {
    HttpClient ada = server.SignUp("ada");
    HttpClient bob = server.SignUp("bob");
    auto profile = ada.Get("/u/bob");
    EXPECT_TRUE(profile.Contains("Send a message"));
    EXPECT_TRUE(profile.Contains(">Block</button>"));
    EXPECT_FALSE(ada.Get("/u/ada").Contains(">Block</button>")) << "not on one's own profile";
    EXPECT_FALSE(server.Client().Get("/u/bob").Contains(">Block</button>"));

    auto blocked = ada.SubmitForm("/u/bob", "/u/bob/block", {{"block", "1"}});
    ASSERT_EQ(blocked.status, 303);
    EXPECT_TRUE(ada.Get("/u/bob").Contains(">Unblock</button>"));

    auto refused = bob.SubmitForm("/messages/ada", "/messages/ada", {{"body", "Hi?"}});
    EXPECT_EQ(refused.status, 403);
    EXPECT_TRUE(refused.Contains("ada has blocked you, so you cannot send them messages."));
    EXPECT_TRUE(refused.Contains("Hi?")) << "the text is kept";
    EXPECT_TRUE(bob.Get("/messages/ada").Contains("has blocked you"));
    EXPECT_FALSE(bob.Get("/messages/ada").Contains("class=\"send-message\""));

    EXPECT_EQ(ada.SubmitForm("/u/bob", "/u/bob/block", {{"block", "0"}}).status, 303);
    EXPECT_EQ(bob.SubmitForm("/messages/ada", "/messages/ada", {{"body", "Hi again"}}).status, 303);
    EXPECT_EQ(ada.SubmitForm("/u/bob", "/u/bob/block", {{"block", "x"}}).status, 400);
}

}  // namespace
