// Every form that changes state is refused without its CSRF token or with a wrong one, and
// accepted with the token from the page.

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "support/test_server.hpp"

namespace {

using hoot::testing::HeaderList;
using hoot::testing::HttpClient;
using hoot::testing::kTestPassword;
using hoot::testing::TestServer;

struct FormCase {
    std::string name;
    std::string page;    // where the form is shown
    std::string action;  // where it posts
    HeaderList fields;   // everything but csrf
    bool signed_in;      // posted by a signed-in member (else by an anonymous visitor)
};

std::vector<FormCase> EveryForm(const std::string& thread_path, const std::string& hoot_id) {
    return {
        {"sign in",
         "/login",
         "/login",
         {{"username", "owner"}, {"password", kTestPassword}},
         false},
        {"sign up",
         "/signup",
         "/signup",
         {{"username", "newbie"}, {"password", kTestPassword}},
         false},
        {"theme", "/", "/theme", {{"theme", "dark"}, {"next", "/"}}, false},
        {"new hoot",
         "/new",
         "/hoots",
         {{"title", "A fine title"}, {"body", "Some body"}, {"tags", "x"}},
         true},
        {"comment", thread_path, "/hoots/" + hoot_id + "/comments", {{"body", "A comment"}}, true},
        {"profile",
         "/settings/profile",
         "/settings/profile",
         {{"display_name", "Owner"}, {"bio", "Hi"}},
         true},
        {"sign out", "/", "/logout", {}, true},
    };
}

TEST(Csrf, EveryFormIsRefusedWithoutTokenOrWithAWrongOne) {
    TestServer server;
    auto owner = server.SignUp("owner");
    std::string thread = hoot::testing::PostHoot(owner, "CSRF target hoot", "Body text");
    std::string id = hoot::testing::HootIdOf(thread);

    for (const auto& form : EveryForm(thread, id)) {
        SCOPED_TRACE(form.name);
        HttpClient anonymous = server.Client();
        HttpClient& client = form.signed_in ? owner : anonymous;
        std::string good = client.CsrfFrom(form.page);  // also gives anonymous its seed cookie

        auto missing = client.PostForm(form.action, form.fields);
        EXPECT_EQ(missing.status, 403);
        EXPECT_TRUE(missing.Contains("This form has expired")) << missing.body;

        HeaderList wrong_fields = form.fields;
        std::string wrong = good;
        wrong.back() = wrong.back() == 'A' ? 'B' : 'A';
        wrong_fields.emplace_back("csrf", wrong);
        EXPECT_EQ(client.PostForm(form.action, wrong_fields).status, 403);

        HeaderList empty_fields = form.fields;
        empty_fields.emplace_back("csrf", "");
        EXPECT_EQ(client.PostForm(form.action, empty_fields).status, 403);
    }
    // Nothing was done by the refused posts: still signed in, no new account, no comment.
    EXPECT_TRUE(owner.Get("/").Contains("Sign out"));
    EXPECT_EQ(server.Client().Get("/u/newbie").status, 404);
    EXPECT_TRUE(server.Client().Get(thread).Contains("0 Comments"));
}

TEST(Csrf, EveryFormIsAcceptedWithTheTokenFromThePage) {
    TestServer server;
    auto owner = server.SignUp("owner");
    std::string thread = hoot::testing::PostHoot(owner, "CSRF target hoot", "Body text");
    std::string id = hoot::testing::HootIdOf(thread);

    for (const auto& form : EveryForm(thread, id)) {
        SCOPED_TRACE(form.name);
        HttpClient anonymous = server.Client();
        HttpClient& client = form.signed_in ? owner : anonymous;
        auto response = client.SubmitForm(form.page, form.action, form.fields);
        EXPECT_EQ(response.status, 303) << response.body;
    }
}

TEST(Csrf, TokenOfOneVisitorDoesNotWorkForAnother) {
    TestServer server;
    auto alice = server.SignUp("alice");
    auto bob = server.SignUp("bobby");
    std::string alice_token = alice.CsrfFrom("/settings/profile");
    auto response = bob.PostForm(
        "/settings/profile", {{"display_name", "Hijacked"}, {"bio", ""}, {"csrf", alice_token}});
    EXPECT_EQ(response.status, 403);
    EXPECT_FALSE(server.Client().Get("/u/bobby").Contains("Hijacked"));
}

TEST(Csrf, AnonymousVisitorGetsASeedCookie) {
    TestServer server;
    auto client = server.Client();
    auto page = client.Get("/login");
    std::string cookie = page.SetCookie("hoot_csrf");
    ASSERT_FALSE(cookie.empty());
    EXPECT_NE(cookie.find("HttpOnly"), std::string::npos) << cookie;
    EXPECT_NE(cookie.find("SameSite=Lax"), std::string::npos) << cookie;
    EXPECT_FALSE(hoot::testing::ExtractCsrf(page.body).empty());
    // The same visitor keeps the same token across pages.
    EXPECT_EQ(hoot::testing::ExtractCsrf(client.Get("/signup").body),
              hoot::testing::ExtractCsrf(page.body));
}

}  // namespace
