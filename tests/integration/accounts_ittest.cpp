// Accounts through the forms, as a person uses them: sign up, sign in, sign out, the session
// cookie, and the limit on guessing passwords.

#include <gtest/gtest.h>

#include <string>

#include "support/test_server.hpp"

namespace {

using hoot::testing::HtmlEscape;
using hoot::testing::HttpClient;
using hoot::testing::HttpResponse;
using hoot::testing::kTestPassword;
using hoot::testing::TestServer;

HttpResponse SubmitSignUp(HttpClient& client, const std::string& username,
                          const std::string& password) {
    return client.SubmitForm("/signup", "/signup",
                             {{"username", username}, {"password", password}, {"next", "/"}});
}

HttpResponse SubmitSignIn(HttpClient& client, const std::string& username,
                          const std::string& password) {
    return client.SubmitForm("/login", "/login",
                             {{"username", username}, {"password", password}, {"next", "/"}});
}

const char* kUsernameRule = "Username must be 3 to 32 characters";

TEST(SignUp, GoodInputSignsInAndRedirects) {
    TestServer server;
    auto client = server.Client();
    auto response = SubmitSignUp(client, "Alice_R-1", kTestPassword);
    EXPECT_EQ(response.status, 303);
    EXPECT_EQ(response.Header("location"), "/");
    ASSERT_TRUE(client.cookies().Get("hoot_session"));

    auto home = client.Get("/");
    EXPECT_EQ(home.status, 200);
    EXPECT_TRUE(home.Contains("Alice_R-1"));
    EXPECT_TRUE(home.Contains("Sign out"));
    EXPECT_FALSE(home.Contains(">Log in</a>"));
}

TEST(SignUp, SignUpReturnsToTheNextPage) {
    TestServer server;
    auto client = server.Client();
    auto response =
        client.SubmitForm("/signup?next=/new", "/signup",
                          {{"username", "carol"}, {"password", kTestPassword}, {"next", "/new"}});
    EXPECT_EQ(response.status, 303);
    EXPECT_EQ(response.Header("location"), "/new");
}

TEST(SignUp, BadUsernamesAreRefusedWithTheMessageAndTheTypedName) {
    TestServer server;
    for (const std::string& name :
         {std::string("ab"), std::string(33, 'a'), std::string("bad name"), std::string("bob@x"),
          std::string("zoë_unicode"), std::string("dots.not.ok")}) {
        SCOPED_TRACE(name);
        auto client = server.Client();
        auto response = SubmitSignUp(client, name, kTestPassword);
        EXPECT_EQ(response.status, 422);
        EXPECT_TRUE(response.Contains(kUsernameRule)) << response.body;
        EXPECT_TRUE(response.Contains("value=\"" + HtmlEscape(name) + "\"")) << response.body;
        EXPECT_TRUE(response.Contains("aria-invalid=\"true\""));
        EXPECT_FALSE(client.cookies().Get("hoot_session"));
    }
}

TEST(SignUp, BoundaryUsernameLengthsAreAccepted) {
    TestServer server;
    auto three = server.Client();
    EXPECT_EQ(SubmitSignUp(three, "abc", kTestPassword).status, 303);
    auto thirty_two = server.Client();
    EXPECT_EQ(SubmitSignUp(thirty_two, std::string(32, 'z'), kTestPassword).status, 303);
}

TEST(SignUp, ShortPasswordIsRefusedAndNeverEchoed) {
    TestServer server;
    auto client = server.Client();
    auto response = SubmitSignUp(client, "dave", "short9pwd");
    EXPECT_EQ(response.status, 422);
    EXPECT_TRUE(response.Contains("Password must be at least 10 characters.")) << response.body;
    EXPECT_TRUE(response.Contains("value=\"dave\""));
    EXPECT_FALSE(response.Contains("short9pwd"));
    EXPECT_FALSE(client.cookies().Get("hoot_session"));
}

TEST(SignUp, TakenNameIsRefusedCaseInsensitively) {
    TestServer server;
    server.SignUp("Alice");
    auto client = server.Client();
    auto response = SubmitSignUp(client, "aLICE", kTestPassword);
    EXPECT_EQ(response.status, 409);
    EXPECT_TRUE(response.Contains("That username is taken.")) << response.body;
    EXPECT_TRUE(response.Contains("value=\"aLICE\""));
    EXPECT_FALSE(client.cookies().Get("hoot_session"));
}

TEST(SignIn, GoodPasswordSignsIn) {
    TestServer server;
    server.SignUp("erin");
    auto client = server.Client();
    auto response = client.SubmitForm(
        "/login?next=/settings/profile", "/login",
        {{"username", "erin"}, {"password", kTestPassword}, {"next", "/settings/profile"}});
    EXPECT_EQ(response.status, 303);
    EXPECT_EQ(response.Header("location"), "/settings/profile");
    ASSERT_TRUE(client.cookies().Get("hoot_session"));
    auto editor = client.Get("/settings/profile");
    EXPECT_EQ(editor.status, 200);
    EXPECT_TRUE(editor.Contains("Edit profile"));
}

TEST(SignIn, UsernameIsMatchedCaseInsensitively) {
    TestServer server;
    server.SignUp("Frank");
    auto client = server.Client();
    EXPECT_EQ(SubmitSignIn(client, "frank", kTestPassword).status, 303);
}

TEST(SignIn, WrongPasswordAndUnknownUserGetTheSameMessage) {
    TestServer server;
    server.SignUp("gina");
    auto wrong_client = server.Client();
    auto wrong = SubmitSignIn(wrong_client, "gina", "not the password");
    auto unknown_client = server.Client();
    auto unknown = SubmitSignIn(unknown_client, "nobody_here", kTestPassword);

    const std::string message = "Wrong username or password.";
    EXPECT_EQ(wrong.status, 401);
    EXPECT_EQ(unknown.status, 401);
    EXPECT_TRUE(wrong.Contains(message)) << wrong.body;
    EXPECT_TRUE(unknown.Contains(message)) << unknown.body;
    EXPECT_TRUE(wrong.Contains("value=\"gina\""));
    EXPECT_TRUE(unknown.Contains("value=\"nobody_here\""));
    EXPECT_FALSE(wrong.Contains("not the password"));
    EXPECT_FALSE(wrong_client.cookies().Get("hoot_session"));
    EXPECT_FALSE(unknown_client.cookies().Get("hoot_session"));
}

TEST(SignIn, SignedInVisitorToLoginPageIsSentOn) {
    TestServer server;
    auto client = server.SignUp("hank");
    auto response = client.Get("/login?next=/new");
    EXPECT_EQ(response.status, 303);
    EXPECT_EQ(response.Header("location"), "/new");
}

TEST(SignIn, NextPointingOffSiteGoesHomeInstead) {
    TestServer server;
    server.SignUp("ivan");
    auto client = server.Client();
    auto response = client.SubmitForm(
        "/login", "/login",
        {{"username", "ivan"}, {"password", kTestPassword}, {"next", "//evil.example/x"}});
    EXPECT_EQ(response.status, 303);
    EXPECT_EQ(response.Header("location"), "/");
}

TEST(SignOut, EndsTheSessionForGood) {
    TestServer server;
    auto client = server.SignUp("judy");
    std::string token = *client.cookies().Get("hoot_session");

    auto response = client.SubmitForm("/", "/logout", {});
    EXPECT_EQ(response.status, 303);
    EXPECT_EQ(response.Header("location"), "/");
    EXPECT_NE(response.SetCookie("hoot_session").find("Max-Age=0"), std::string::npos)
        << response.SetCookie("hoot_session");
    EXPECT_FALSE(client.cookies().Get("hoot_session"));

    // The old token, replayed, no longer signs anyone in.
    auto replay = server.Client();
    replay.cookies().Set("hoot_session", token);
    auto editor = replay.Get("/settings/profile");
    EXPECT_EQ(editor.status, 303);
    EXPECT_EQ(editor.Header("location").rfind("/login?next=", 0), 0u) << editor.Header("location");
    auto home = replay.Get("/");
    EXPECT_FALSE(home.Contains("judy"));
    EXPECT_TRUE(home.Contains(">Log in</a>"));
}

TEST(SessionCookie, IsHttpOnlyAndSameSiteLax) {
    TestServer server;
    auto client = server.Client();
    auto response = SubmitSignUp(client, "kate", kTestPassword);
    std::string cookie = response.SetCookie("hoot_session");
    ASSERT_FALSE(cookie.empty());
    EXPECT_NE(cookie.find("HttpOnly"), std::string::npos) << cookie;
    EXPECT_NE(cookie.find("SameSite=Lax"), std::string::npos) << cookie;
    EXPECT_NE(cookie.find("Path=/"), std::string::npos) << cookie;

    auto signin_client = server.Client();
    auto signin = SubmitSignIn(signin_client, "kate", kTestPassword);
    std::string signin_cookie = signin.SetCookie("hoot_session");
    EXPECT_NE(signin_cookie.find("HttpOnly"), std::string::npos) << signin_cookie;
    EXPECT_NE(signin_cookie.find("SameSite=Lax"), std::string::npos) << signin_cookie;
}

TEST(RateLimit, EleventhFailedSignInWithinAMinuteIsRefused) {
    TestServer server([](hoot::app::AppConfig& config) { config.rate_limits = true; });
    auto client = server.Client();
    std::string csrf = client.CsrfFrom("/login");
    // The limiter is a token bucket that refills continuously (10 a minute), so the ten tries
    // must land within a few seconds: empty passwords fail without hashing, which keeps them
    // quick even on a loaded machine. They count like any other failed sign-in.
    for (int i = 0; i < 10; ++i) {
        auto response =
            client.PostForm("/login", {{"username", "mallory"}, {"password", ""}, {"csrf", csrf}});
        ASSERT_EQ(response.status, 401) << "attempt " << i + 1;
        EXPECT_TRUE(response.Contains("Wrong username or password."));
    }
    auto limited = client.PostForm(
        "/login", {{"username", "mallory"}, {"password", "guess eleven"}, {"csrf", csrf}});
    EXPECT_EQ(limited.status, 429);
    std::string retry_after = limited.Header("retry-after");
    ASSERT_FALSE(retry_after.empty());
    EXPECT_GT(std::stoi(retry_after), 0);
    EXPECT_TRUE(limited.Contains("You are trying to sign in too fast")) << limited.body;
}

}  // namespace
