// The profile pages and editor, the dark theme toggle, and the static assets the pages link.

#include <gtest/gtest.h>

#include <regex>
#include <string>

#include "support/test_server.hpp"

namespace {

using hoot::testing::HtmlEscape;
using hoot::testing::TestServer;

TEST(ProfileEditor, RequiresSignIn) {
    TestServer server;
    auto response = server.Client().Get("/settings/profile");
    EXPECT_EQ(response.status, 303);
    EXPECT_EQ(response.Header("location"), "/login?next=/settings/profile");
}

TEST(ProfileEditor, SavedNameAndBioShowOnTheProfileAndInTheTopBar) {
    TestServer server;
    auto client = server.SignUp("owlfan");
    auto editor = client.Get("/settings/profile");
    EXPECT_EQ(editor.status, 200);
    EXPECT_TRUE(editor.Contains("name=\"display_name\""));
    EXPECT_TRUE(editor.Contains("name=\"bio\""));

    auto saved = client.SubmitForm(
        "/settings/profile", "/settings/profile",
        {{"display_name", "Olive the Owl"}, {"bio", "I like *owls* & night skies."}});
    EXPECT_EQ(saved.status, 303);
    EXPECT_EQ(saved.Header("location"), "/settings/profile?saved=1");
    auto after = client.Get(saved.Header("location"));
    EXPECT_TRUE(after.Contains("Saved."));
    EXPECT_TRUE(after.Contains("value=\"Olive the Owl\""));
    EXPECT_TRUE(after.Contains("I like *owls* &amp; night skies.</textarea>"));

    auto profile = server.Client().Get("/u/owlfan");
    EXPECT_EQ(profile.status, 200);
    EXPECT_TRUE(profile.Contains("<title>Olive the Owl - Hoot Test</title>"));
    EXPECT_TRUE(profile.Contains("<h1>Olive the Owl</h1>"));
    EXPECT_TRUE(profile.Contains("@owlfan"));
    EXPECT_TRUE(profile.Contains("I like <em>owls</em> &amp; night skies."));

    auto home = client.Get("/");
    EXPECT_TRUE(home.Contains("<a class=\"me\" href=\"/u/owlfan\">Olive the Owl</a>")) << home.body;

    // Their hoots now carry the display name.
    std::string thread = hoot::testing::PostHoot(client, "A hoot by Olive", "body");
    EXPECT_TRUE(server.Client().Get(thread).Contains(">Olive the Owl</a>"));
}

TEST(ProfileEditor, TooLongDisplayNameIsRefusedAndValuesKept) {
    TestServer server;
    auto client = server.SignUp("owlfan");
    std::string name(65, 'n');
    auto response = client.SubmitForm("/settings/profile", "/settings/profile",
                                      {{"display_name", name}, {"bio", "My <bio> stays"}});
    EXPECT_EQ(response.status, 422);
    EXPECT_TRUE(response.Contains("Display name must be at most 64 characters.")) << response.body;
    EXPECT_TRUE(response.Contains("value=\"" + name + "\""));
    EXPECT_TRUE(response.Contains(HtmlEscape("My <bio> stays") + "</textarea>"));
    EXPECT_FALSE(server.Client().Get("/u/owlfan").Contains(name));
}

TEST(ProfilePage, UnknownUserIsNotFound) {
    TestServer server;
    EXPECT_EQ(server.Client().Get("/u/nobody").status, 404);
}

TEST(ProfilePage, ListsTheirHoots) {
    TestServer server;
    auto client = server.SignUp("owlfan");
    hoot::testing::PostHoot(client, "My very own hoot", "body");
    auto profile = server.Client().Get("/u/owlfan");
    EXPECT_TRUE(profile.Contains("My very own hoot"));
    EXPECT_TRUE(profile.Contains("1 hoot"));
}

TEST(Theme, ToggleSetsTheCookieAndTheNextPageIsDark) {
    TestServer server;
    auto client = server.Client();
    auto light = client.Get("/");
    EXPECT_TRUE(light.Contains("Use Dark theme"));
    EXPECT_FALSE(light.Contains("data-theme="));

    auto response = client.SubmitForm("/", "/theme", {{"theme", "dark"}, {"next", "/u/x"}});
    EXPECT_EQ(response.status, 303);
    EXPECT_EQ(response.Header("location"), "/u/x");
    std::string cookie = response.SetCookie("hoot_theme");
    EXPECT_EQ(cookie.rfind("hoot_theme=dark", 0), 0u) << cookie;
    EXPECT_NE(cookie.find("Max-Age="), std::string::npos) << cookie;

    auto dark = client.Get("/");
    EXPECT_TRUE(dark.Contains("<html lang=\"en\" data-theme=\"dark\">"));
    EXPECT_TRUE(dark.Contains("Use Light theme"));
    EXPECT_FALSE(dark.Contains("Use Dark theme"));

    auto back = client.SubmitForm("/", "/theme", {{"theme", "light"}, {"next", "/"}});
    EXPECT_EQ(back.status, 303);
    auto light_again = client.Get("/");
    EXPECT_TRUE(light_again.Contains("data-theme=\"light\""));
    EXPECT_TRUE(light_again.Contains("Use Dark theme"));
}

TEST(Theme, UnknownThemeIsRefused) {
    TestServer server;
    auto client = server.Client();
    auto response = client.SubmitForm("/", "/theme", {{"theme", "purple"}, {"next", "/"}});
    EXPECT_EQ(response.status, 400);
    EXPECT_FALSE(client.cookies().Get("hoot_theme"));
}

TEST(StaticAssets, HashedUrlsFromThePageAreServedImmutable) {
    TestServer server;
    auto client = server.Client();
    auto page = client.Get("/");
    std::smatch css;
    ASSERT_TRUE(std::regex_search(page.body, css,
                                  std::regex(R"re(href="(/static/hoot\.[0-9a-f]+\.css)")re")))
        << page.body;
    std::smatch js;
    ASSERT_TRUE(
        std::regex_search(page.body, js, std::regex(R"re(src="(/static/hoot\.[0-9a-f]+\.js)")re")));

    auto stylesheet = client.Get(css[1]);
    EXPECT_EQ(stylesheet.status, 200);
    EXPECT_EQ(stylesheet.Header("content-type").rfind("text/css", 0), 0u);
    EXPECT_NE(stylesheet.Header("cache-control").find("immutable"), std::string::npos);
    EXPECT_NE(stylesheet.Header("cache-control").find("max-age=31536000"), std::string::npos);
    EXPECT_FALSE(stylesheet.body.empty());
    // Dark theme as CSS variables, following the system when unset.
    EXPECT_TRUE(stylesheet.Contains("data-theme")) << "no dark theme rules in the stylesheet";
    EXPECT_TRUE(stylesheet.Contains("prefers-color-scheme"));

    auto script = client.Get(js[1]);
    EXPECT_EQ(script.status, 200);
    EXPECT_EQ(script.Header("content-type").rfind("text/javascript", 0), 0u);
    EXPECT_NE(script.Header("cache-control").find("immutable"), std::string::npos);

    EXPECT_EQ(client.Get("/static/nothing.css").status, 404);
    auto unhashed = client.Get("/static/hoot.css");
    EXPECT_EQ(unhashed.status, 200);
    EXPECT_EQ(unhashed.Header("cache-control").find("immutable"), std::string::npos);
}

}  // namespace
