// Browsing over real HTTP: the feed orders and their paging (pages and API), tags, Atom feeds
// validated against RFC 4287's schema, and the profile's comments, website and password change.

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include "support/test_server.hpp"

namespace {

using hoot::testing::Bearer;
using hoot::testing::HootIdOf;
using hoot::testing::HttpClient;
using hoot::testing::TempDir;
using hoot::testing::TestServer;
using Json = nlohmann::json;

// Every id of `GET /api/v1/hoots?{query}`, following `next` to the end, `limit` at a time.
std::vector<std::int64_t> WalkApi(HttpClient& client, const std::string& query, int limit) {
    std::vector<std::int64_t> ids;
    std::string after;
    for (int pages = 0; pages < 100; ++pages) {
        std::string target = "/api/v1/hoots?limit=" + std::to_string(limit) + "&" + query;
        if (!after.empty()) target += "&after=" + hoot::testing::UrlEncode(after);
        auto response = client.Get(target);
        EXPECT_EQ(response.status, 200) << target << "\n" << response.body;
        if (response.status != 200) return ids;
        Json page = Json::parse(response.body);
        for (const auto& hoot : page["hoots"]) ids.push_back(hoot["id"].get<std::int64_t>());
        if (page["next"].is_null()) return ids;
        after = page["next"].get<std::string>();
    }
    ADD_FAILURE() << "paging did not end";
    return ids;
}

// xmllint's verdict on `xml` against tests/data/atom.rng: "" when valid, else its messages.
std::string AtomSchemaErrors(const std::string& xml) {
    TempDir dir;
    const auto file = dir.path() / "feed.atom";
    std::ofstream(file) << xml;
    const std::string schema = std::string(HOOT_SOURCE_DIR) + "/tests/data/atom.rng";
    const std::string command =
        "xmllint --noout --relaxng '" + schema + "' '" + file.string() + "' 2>&1";
    std::string output;
    FILE* pipe = popen(command.c_str(), "r");
    if (!pipe) return "could not run xmllint";
    char buffer[512];
    while (fgets(buffer, sizeof buffer, pipe)) output += buffer;
    const int status = pclose(pipe);
    return status == 0 ? std::string() : output;
}

struct Community {
    std::string quiet, popular, answered;  // thread paths
};

// Three hoots by alice: one quiet, one with reactions from bob, one bob commented on.
Community MakeCommunity(TestServer& server, HttpClient& alice, const std::string& bob_token) {
    Community made;
    made.quiet = hoot::testing::PostHoot(alice, "A quiet question", "Nobody answers.", "owls");
    made.popular =
        hoot::testing::PostHoot(alice, "A popular question", "Everyone likes it.", "owls night");
    made.answered = hoot::testing::PostHoot(alice, "An answered question", "Bob knows.", "bats");
    auto api = server.ApiClient();
    for (const char* kind : {"helpful", "like", "insightful"}) {
        auto reacted = api.Put("/api/v1/posts/" + HootIdOf(made.popular) + "/reactions/" + kind, "",
                               "application/json", Bearer(bob_token));
        EXPECT_EQ(reacted.status, 200) << reacted.body;
    }
    auto commented = api.PostJson("/api/v1/hoots/" + HootIdOf(made.answered) + "/comments",
                                  R"({"body":"Because bats."})", Bearer(bob_token));
    EXPECT_EQ(commented.status, 201) << commented.body;
    return made;
}

std::int64_t IdOf(const std::string& path) { return std::stoll(HootIdOf(path)); }

TEST(FeedOrders, PagesShowTabsAndTheChosenOrder) {
    TestServer server;
    auto alice = server.SignUp("alice");
    auto made = MakeCommunity(server, alice, server.ApiSignUp("bob"));
    auto reader = server.Client();

    auto home = reader.Get("/");
    EXPECT_TRUE(home.Contains("<h1>Latest hoots</h1>"));
    EXPECT_TRUE(home.Contains("<a href=\"/\" aria-current=\"page\">Latest</a>"));
    EXPECT_TRUE(home.Contains("<a href=\"/?sort=hot\">Hot</a>"));
    EXPECT_TRUE(
        home.Contains("<link rel=\"alternate\" type=\"application/atom+xml\" title=\"Hoot Test\" "
                      "href=\"/feed.atom\">"));

    auto unanswered = reader.Get("/?sort=unanswered");
    EXPECT_EQ(unanswered.status, 200);
    EXPECT_TRUE(unanswered.Contains("<h1>Unanswered hoots</h1>"));
    EXPECT_TRUE(unanswered.Contains("A quiet question"));
    EXPECT_FALSE(unanswered.Contains("An answered question"));

    auto top = reader.Get("/?sort=top&period=all");
    EXPECT_EQ(top.status, 200);
    EXPECT_TRUE(top.Contains("aria-current=\"page\">All time</a>"));
    const auto popular_at = top.body.find("A popular question");
    const auto quiet_at = top.body.find("A quiet question");
    ASSERT_NE(popular_at, std::string::npos);
    EXPECT_LT(popular_at, quiet_at);

    auto tag = reader.Get("/tags/owls?sort=hot");
    EXPECT_EQ(tag.status, 200);
    EXPECT_TRUE(tag.Contains("href=\"/tags/owls/feed.atom\""));
    EXPECT_TRUE(tag.Contains("<a href=\"/tags/owls?sort=hot\" aria-current=\"page\">Hot</a>"));
    EXPECT_FALSE(tag.Contains("An answered question"));

    EXPECT_EQ(reader.Get("/?sort=sideways").status, 400);
    EXPECT_EQ(reader.Get("/?sort=top&period=decade").status, 400);
    EXPECT_EQ(reader.Get("/?sort=hot&after=12.34").status, 400);
    EXPECT_EQ(reader.Get("/?sort=top&after=1_x_2").status, 400);
    (void)made;
}

TEST(FeedOrders, ApiPagesThroughEveryOrderWithoutRepeatsOrGaps) {
    TestServer server;
    auto alice = server.SignUp("alice");
    auto made = MakeCommunity(server, alice, server.ApiSignUp("bob"));
    for (int i = 0; i < 4; ++i)
        hoot::testing::PostHoot(alice, "Filler question " + std::to_string(i), "Body.", "owls");
    auto api = server.ApiClient();
    const std::vector<std::int64_t> latest = WalkApi(api, "sort=latest", 100);
    ASSERT_EQ(latest.size(), 7u);
    const std::set<std::int64_t> everyone(latest.begin(), latest.end());

    for (const char* query : {"sort=latest", "sort=hot", "sort=top&period=all", "sort=top"}) {
        SCOPED_TRACE(query);
        auto whole = WalkApi(api, query, 100);
        auto paged = WalkApi(api, query, 2);
        EXPECT_EQ(paged, whole);
        EXPECT_EQ(std::set<std::int64_t>(paged.begin(), paged.end()), everyone);
        EXPECT_EQ(paged.size(), everyone.size());
    }
    auto top = WalkApi(api, "sort=top&period=all", 3);
    ASSERT_FALSE(top.empty());
    EXPECT_EQ(top.front(), IdOf(made.popular));
    auto hot = WalkApi(api, "sort=hot", 3);
    ASSERT_FALSE(hot.empty());
    EXPECT_EQ(hot.front(), IdOf(made.popular));  // 4 points beats 1 at nearly the same age

    auto unanswered = WalkApi(api, "sort=unanswered", 2);
    EXPECT_EQ(unanswered.size(), 6u);
    EXPECT_EQ(std::count(unanswered.begin(), unanswered.end(), IdOf(made.answered)), 0);
    auto owls = WalkApi(api, "sort=hot&tag=owls", 2);
    EXPECT_EQ(owls.size(), 6u);

    for (const char* bad : {"sort=best", "period=fortnight", "sort=hot&after=1.2",
                            "sort=top&after=nonsense", "after=1_2_3"}) {
        SCOPED_TRACE(bad);
        auto response = api.Get(std::string("/api/v1/hoots?") + bad);
        EXPECT_EQ(response.status, 400);
        EXPECT_EQ(Json::parse(response.body)["error"]["code"], "bad_request");
    }
}

TEST(Tags, PageAndApiListMaintainedCounts) {
    TestServer server;
    auto alice = server.SignUp("alice");
    MakeCommunity(server, alice, server.ApiSignUp("bob"));
    auto reader = server.Client();
    auto page = reader.Get("/tags");
    EXPECT_EQ(page.status, 200);
    EXPECT_TRUE(page.Contains("<title>Tags - Hoot Test</title>"));
    EXPECT_TRUE(page.Contains(
        "<li><a rel=\"tag\" href=\"/tags/owls\">owls</a> <span class=\"count\">2 hoots</span>"));
    EXPECT_TRUE(page.Contains(
        "<li><a rel=\"tag\" href=\"/tags/bats\">bats</a> <span class=\"count\">1 hoot</span>"));
    EXPECT_TRUE(reader.Get("/").Contains("<a href=\"/tags\">Tags</a>"));

    auto api = server.ApiClient().Get("/api/v1/tags");
    EXPECT_EQ(api.status, 200);
    Json tags = Json::parse(api.body)["tags"];
    ASSERT_EQ(tags.size(), 3u);
    EXPECT_EQ(tags[0], (Json{{"tag", "owls"}, {"count", 2}, {"url", "/tags/owls"}}));
}

TEST(AtomFeeds, SiteTagAndThreadFeedsAreValidAtom) {
    TestServer server;
    auto alice = server.SignUp("alice");
    auto made = MakeCommunity(server, alice, server.ApiSignUp("bob"));
    hoot::testing::PostHoot(alice, "Tricky <characters> & \"quotes\"",
                            "A bell rings; *emphasis* & <b>tags</b>", "owls");
    auto reader = server.Client();
    for (const std::string& path : {std::string("/feed.atom"), std::string("/tags/owls/feed.atom"),
                                    "/hoots/" + HootIdOf(made.answered) + "/feed.atom"}) {
        SCOPED_TRACE(path);
        auto feed = reader.Get(path);
        ASSERT_EQ(feed.status, 200);
        EXPECT_EQ(feed.Header("content-type"), "application/atom+xml; charset=utf-8");
        EXPECT_EQ(AtomSchemaErrors(feed.body), "") << feed.body;
    }
    auto site = reader.Get("/feed.atom");
    EXPECT_NE(site.body.find("<title type=\"text\">Tricky &lt;characters&gt; &amp; "
                             "&quot;quotes&quot;</title>"),
              std::string::npos);
    const std::string port = std::to_string(server.port());
    EXPECT_NE(site.body.find("<link rel=\"self\" type=\"application/atom+xml\" "
                             "href=\"http://127.0.0.1:" +
                             port + "/feed.atom\"/>"),
              std::string::npos)
        << site.body;
    auto thread = reader.Get("/hoots/" + HootIdOf(made.answered) + "/feed.atom");
    EXPECT_NE(thread.body.find("&lt;p&gt;Because bats.&lt;/p&gt;"), std::string::npos);
    EXPECT_TRUE(reader.Get(made.answered)
                    .Contains("<link rel=\"alternate\" type=\"application/atom+xml\""));

    // The schema check itself rejects what is not Atom (a feed without id and updated).
    EXPECT_NE(AtomSchemaErrors("<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>t</title>"
                               "</feed>"),
              "");
    EXPECT_EQ(reader.Get("/hoots/999999/feed.atom").status, 404);
}

TEST(Profiles, ShowCommentsPagedAndTheUserApi) {
    TestServer server;
    auto alice = server.SignUp("alice");
    auto bob = server.SignUp("bob");
    auto thread = hoot::testing::PostHoot(alice, "Where do owls sleep?", "Tell me.", "owls");
    for (int i = 0; i < 22; ++i)
        hoot::testing::PostComment(bob, thread, "In a tree, answer " + std::to_string(i));
    auto reader = server.Client();
    auto profile = reader.Get("/u/bob");
    EXPECT_EQ(profile.status, 200);
    EXPECT_TRUE(profile.Contains("<h2 id=\"comments-heading\">Comments</h2>"));
    EXPECT_TRUE(profile.Contains("In a tree, answer 21"));
    EXPECT_FALSE(profile.Contains("In a tree, answer 1<"));
    std::smatch more;
    ASSERT_TRUE(std::regex_search(profile.body, more,
                                  std::regex("<a rel=\"next\" href=\"(/u/bob\\?comments_after="
                                             "[^\"]+)\">More comments</a>")));
    auto second = reader.Get(more[1].str());
    EXPECT_EQ(second.status, 200);
    EXPECT_TRUE(second.Contains("In a tree, answer 1<"));
    EXPECT_TRUE(second.Contains("In a tree, answer 0<"));
    EXPECT_FALSE(second.Contains("In a tree, answer 21"));
    EXPECT_EQ(reader.Get("/u/bob?comments_after=nope").status, 400);

    auto api = server.ApiClient().Get("/api/v1/users/BOB");
    EXPECT_EQ(api.status, 200);
    Json user = Json::parse(api.body);
    EXPECT_EQ(user["username"], "bob");
    EXPECT_EQ(user["comment_count"], 22);
    EXPECT_EQ(user["website"], "");
    EXPECT_EQ(server.ApiClient().Get("/api/v1/users/nobody").status, 404);
}

TEST(Profiles, WebsiteIsValidatedKeptWhenRejectedAndShown) {
    TestServer server;
    auto alice = server.SignUp("alice");
    auto rejected = alice.SubmitForm(
        "/settings/profile", "/settings/profile",
        {{"display_name", "Alice Typed"}, {"bio", "Kept bio"}, {"website", "javascript:alert(1)"}});
    EXPECT_EQ(rejected.status, 422);
    EXPECT_TRUE(rejected.Contains("Website must be an address starting with http://"));
    EXPECT_TRUE(rejected.Contains("value=\"Alice Typed\""));
    EXPECT_TRUE(rejected.Contains("Kept bio</textarea>"));
    EXPECT_TRUE(rejected.Contains("value=\"javascript:alert(1)\""));
    EXPECT_FALSE(server.Client().Get("/u/alice").Contains("javascript:"));

    auto saved = alice.SubmitForm(
        "/settings/profile", "/settings/profile",
        {{"display_name", ""}, {"bio", ""}, {"website", "https://alice.example/owls"}});
    EXPECT_EQ(saved.status, 303);
    auto profile = server.Client().Get("/u/alice");
    EXPECT_TRUE(
        profile.Contains("<a rel=\"ugc nofollow noopener\" "
                         "href=\"https://alice.example/owls\">"));
    Json user = Json::parse(server.ApiClient().Get("/api/v1/users/alice").body);
    EXPECT_EQ(user["website"], "https://alice.example/owls");
}

TEST(Profiles, ChangingThePasswordNeedsTheOldOneAndSignsOutOtherSessions) {
    TestServer server;
    auto here = server.SignUp("alice");
    auto elsewhere = server.Client();
    ASSERT_EQ(elsewhere
                  .SubmitForm("/login", "/login",
                              {{"username", "alice"}, {"password", hoot::testing::kTestPassword}})
                  .status,
              303);
    ASSERT_EQ(elsewhere.Get("/settings/profile").status, 200);

    auto wrong = here.SubmitForm(
        "/settings/profile", "/settings/password",
        {{"current_password", "not my password"}, {"new_password", "a brand new password"}});
    EXPECT_EQ(wrong.status, 422);
    EXPECT_TRUE(wrong.Contains("That is not your current password."));
    auto weak = here.SubmitForm(
        "/settings/profile", "/settings/password",
        {{"current_password", hoot::testing::kTestPassword}, {"new_password", "short"}});
    EXPECT_EQ(weak.status, 422);
    EXPECT_EQ(elsewhere.Get("/settings/profile").status, 200);  // nothing changed yet

    auto changed = here.SubmitForm("/settings/profile", "/settings/password",
                                   {{"current_password", hoot::testing::kTestPassword},
                                    {"new_password", "a brand new password"}});
    EXPECT_EQ(changed.status, 303);
    EXPECT_EQ(changed.Header("location"), "/settings/profile?password=changed");
    EXPECT_TRUE(here.Get(changed.Header("location")).Contains("Password changed."));
    EXPECT_EQ(elsewhere.Get("/settings/profile").status, 303);  // signed out

    auto api = server.ApiClient();
    EXPECT_EQ(api.PostJson("/api/v1/auth/login",
                           R"({"username":"alice","password":"correct horse battery"})")
                  .status,
              401);
    EXPECT_EQ(api.PostJson("/api/v1/auth/login",
                           R"({"username":"alice","password":"a brand new password"})")
                  .status,
              200);
}

TEST(StaticAssets, TextAssetsComePrecompressedWhenTheClientTakesGzip) {
    TestServer server;
    auto client = server.Client();
    std::smatch css;
    const std::string page = client.Get("/").body;
    ASSERT_TRUE(
        std::regex_search(page, css, std::regex(R"re(href="(/static/hoot\.[0-9a-f]+\.css)")re")));
    auto plain = client.Get(css[1]);
    ASSERT_EQ(plain.status, 200);
    EXPECT_EQ(plain.Header("vary"), "Accept-Encoding");
    EXPECT_FALSE(plain.HasHeader("content-encoding"));

    for (const char* accept : {"gzip", "br, gzip;q=0.8, deflate", "*", "identity;q=1, *;q=0.5"}) {
        SCOPED_TRACE(accept);
        auto packed = client.Get(css[1], {{"Accept-Encoding", accept}});
        ASSERT_EQ(packed.status, 200);
        EXPECT_EQ(packed.Header("content-encoding"), "gzip");
        EXPECT_EQ(packed.Header("vary"), "Accept-Encoding");
        EXPECT_EQ(packed.Header("cache-control"), "public, max-age=31536000, immutable");
        EXPECT_LT(packed.body.size(), plain.body.size() / 2);
        // It unpacks to exactly the plain bytes.
        TempDir dir;
        std::ofstream(dir.path() / "a.gz", std::ios::binary) << packed.body;
        const std::string command = "gzip -dc '" + (dir.path() / "a.gz").string() + "'";
        std::string unpacked;
        FILE* pipe = popen(command.c_str(), "r");
        ASSERT_NE(pipe, nullptr);
        char buffer[4096];
        for (std::size_t n; (n = fread(buffer, 1, sizeof buffer, pipe)) > 0;)
            unpacked.append(buffer, n);
        EXPECT_EQ(pclose(pipe), 0);
        EXPECT_EQ(unpacked, plain.body);
    }
    for (const char* refuse : {"gzip;q=0", "identity", "br", "*;q=0"}) {
        SCOPED_TRACE(refuse);
        auto response = client.Get(css[1], {{"Accept-Encoding", refuse}});
        EXPECT_FALSE(response.HasHeader("content-encoding"));
        EXPECT_EQ(response.body, plain.body);
    }
}

}  // namespace
