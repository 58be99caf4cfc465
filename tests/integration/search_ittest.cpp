// /search and /api/v1/search over real HTTP: results link to the right place, snippets are
// escaped with only <mark> added, malformed queries never fail, paging, and the search box in
// every page's top bar.

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "support/test_server.hpp"
#include "web/urls.hpp"

namespace {

using hoot::testing::Bearer;
using hoot::testing::HttpClient;
using hoot::testing::HttpResponse;
using hoot::testing::TestServer;
using Json = nlohmann::json;

Json ParseJson(const HttpResponse& response) {
    EXPECT_EQ(response.Header("content-type").rfind("application/json", 0), 0u) << response.body;
    try {
        return Json::parse(response.body);
    } catch (const Json::parse_error&) {
        ADD_FAILURE() << "not JSON: " << response.body;
        return Json::object();
    }
}

std::string SearchPath(const std::string& query) { return hoot::web::SearchUrl(query); }

std::string ApiSearchPath(const std::string& query, const std::string& extra = "") {
    return "/api/v1/search?q=" + hoot::web::UrlEncode(query) + extra;
}

TEST(SearchPage, FindsAHootAndLinksToItWithTheWordsMarked) {
    TestServer server;
    auto client = server.SignUp("runner");
    std::string path = hoot::testing::PostHoot(client, "Sore glutes from running",
                                               "They hurt after every long run.", "running");
    auto page = server.Client().Get(SearchPath("glutes"));
    ASSERT_EQ(page.status, 200);
    EXPECT_TRUE(page.Contains("<title>Search: glutes - Hoot Test</title>"));
    EXPECT_TRUE(page.Contains("<a class=\"search-result\" href=\"" + path +
                              "\">Sore <mark>glutes</mark> from running</a>"))
        << page.body;
    // The box in the top bar keeps the query.
    EXPECT_TRUE(page.Contains(
        "name=\"q\" placeholder=\"Search hoots\" maxlength=\"512\" value=\"glutes\""));
}

TEST(SearchPage, EveryPageHasTheSearchBoxInTheTopBar) {
    TestServer server;
    auto home = server.Client().Get("/");
    ASSERT_EQ(home.status, 200);
    const auto bar = home.body.find("<header class=\"topbar\">");
    const auto form = home.body.find(
        "<form class=\"search-box\" role=\"search\" method=\"get\" action=\"/search\">");
    ASSERT_NE(bar, std::string::npos);
    ASSERT_NE(form, std::string::npos);
    EXPECT_LT(bar, form);
    EXPECT_LT(form, home.body.find("</header>"));
    EXPECT_TRUE(home.Contains("<input id=\"search-q\" type=\"search\" name=\"q\""));
}

TEST(SearchPage, CommentMatchLinksToTheCommentInTheFullThread) {
    TestServer server;
    auto asker = server.SignUp("asker");
    std::string path = hoot::testing::PostHoot(asker, "Sore glutes", "From running.");
    auto answerer = server.SignUp("answerer");
    std::string comment_url = hoot::testing::PostComment(answerer, path, "Try foam rolling.");
    const std::string anchor = comment_url.substr(comment_url.find('#'));
    auto page = server.Client().Get(SearchPath("foam"));
    ASSERT_EQ(page.status, 200);
    EXPECT_TRUE(page.Contains("href=\"" + path + "?full=1" + anchor + "\""));
    EXPECT_TRUE(page.Contains("Found in a comment"));
    EXPECT_TRUE(page.Contains("Try <mark>foam</mark> rolling."));
    // And the link does show that comment.
    auto thread = server.Client().Get(path + "?full=1");
    EXPECT_TRUE(thread.Contains("id=\"" + anchor.substr(1) + "\""));
}

TEST(SearchPage, ScriptInAHootComesBackEscaped) {
    TestServer server;
    auto client = server.SignUp("mallory");
    hoot::testing::PostHoot(client, "Why <script>alert(1)</script> breaks",
                            "Typing `<script>alert(2)</script>` and <b>bold</b> here.");
    auto page = server.Client().Get(SearchPath("alert"));
    ASSERT_EQ(page.status, 200);
    EXPECT_EQ(page.body.find("<script>alert"), std::string::npos) << page.body;
    EXPECT_EQ(page.body.find("<b>bold"), std::string::npos);
    EXPECT_TRUE(page.Contains("&lt;script&gt;<mark>alert</mark>(1)&lt;/script&gt;")) << page.body;

    auto api = ParseJson(server.ApiClient().Get(ApiSearchPath("alert")));
    ASSERT_EQ(api["results"].size(), 1u);
    const auto title_html = api["results"][0]["title_html"].get<std::string>();
    const auto snippet_html = api["results"][0]["snippet_html"].get<std::string>();
    EXPECT_EQ(title_html, "Why &lt;script&gt;<mark>alert</mark>(1)&lt;/script&gt; breaks");
    EXPECT_EQ(snippet_html.find("<script"), std::string::npos) << snippet_html;
    EXPECT_NE(snippet_html.find("<mark>alert</mark>"), std::string::npos) << snippet_html;
}

TEST(SearchPage, MalformedQueriesAreReadLiterally) {
    TestServer server;
    auto client = server.SignUp("writer");
    hoot::testing::PostHoot(client, "Owls NEAR the barn", "They hoot (softly) at night.");
    for (const std::string query :
         {"\"", "\"owls",   "-",   "tag:", "user:", "is:", "*",    "^",     "NEAR(", "owls:", "(",
          ")",  "owls AND", "NOT", "\"\"", "-\"",   "%",   "\xff", "owls*", "^owls", "{x}"}) {
        auto page = server.Client().Get(SearchPath(query));
        EXPECT_EQ(page.status, 200) << "query [" << query << "]";
        auto api = server.ApiClient().Get(ApiSearchPath(query));
        EXPECT_EQ(api.status, 200) << "query [" << query << "]: " << api.body;
        EXPECT_TRUE(ParseJson(api).contains("results"));
    }
    auto literal = ParseJson(server.ApiClient().Get(ApiSearchPath("owls NEAR( \"barn")));
    EXPECT_EQ(literal["results"].size(), 1u) << literal.dump();
}

TEST(SearchPage, EmptyQueryAndNoMatchSaySo) {
    TestServer server;
    auto empty = server.Client().Get("/search");
    ASSERT_EQ(empty.status, 200);
    EXPECT_TRUE(empty.Contains("Type words into the search box above."));
    auto none = server.Client().Get(SearchPath("zebra"));
    EXPECT_TRUE(none.Contains("No hoots match."));
    EXPECT_EQ(server.Client().Get("/search?q=x&page=abc").status, 400);
    EXPECT_EQ(server.Client().Get("/search?q=x&page=0").status, 400);
}

TEST(SearchPage, PagesLinkOnward) {
    TestServer server;
    auto token = server.ApiSignUp("prolific");
    auto api = server.ApiClient();
    for (int i = 0; i < 22; ++i) {
        Json body{{"title", "Puffin sighting " + std::to_string(i)}, {"body", "Puffins again."}};
        ASSERT_EQ(api.PostJson("/api/v1/hoots", body.dump(), Bearer(token)).status, 201);
    }
    auto first = server.Client().Get(SearchPath("puffin"));
    EXPECT_TRUE(first.Contains("<a rel=\"next\" href=\"/search?q=puffin&amp;page=2\">"));
    auto second = server.Client().Get("/search?q=puffin&page=2");
    EXPECT_TRUE(second.Contains("<a rel=\"prev\" href=\"/search?q=puffin\">"));
    EXPECT_FALSE(second.Contains("rel=\"next\""));

    auto json = ParseJson(server.ApiClient().Get(ApiSearchPath("puffin", "&limit=20")));
    EXPECT_EQ(json["results"].size(), 20u);
    EXPECT_EQ(json["page"], 1);
    EXPECT_EQ(json["next_page"], 2);
    json = ParseJson(server.ApiClient().Get(ApiSearchPath("puffin", "&page=2")));
    EXPECT_EQ(json["results"].size(), 2u);
    EXPECT_TRUE(json["next_page"].is_null());
}

TEST(SearchApi, AnswersWithHootsMatchesAndUrls) {
    TestServer server;
    auto token = server.ApiSignUp("asker");
    auto api = server.ApiClient();
    Json body{{"title", "Heron nests"}, {"body", "Colonies in tall trees."}, {"tags", {"birds"}}};
    auto created = ParseJson(api.PostJson("/api/v1/hoots", body.dump(), Bearer(token)));
    auto json = ParseJson(api.Get(ApiSearchPath("heron tag:birds user:ASKER")));
    EXPECT_EQ(json["query"], "heron tag:birds user:asker");
    ASSERT_EQ(json["results"].size(), 1u);
    const Json& hit = json["results"][0];
    EXPECT_EQ(hit["match"], "hoot");
    EXPECT_EQ(hit["post_id"], created["id"]);
    EXPECT_EQ(hit["url"], created["url"]);
    EXPECT_EQ(hit["hoot"]["title"], "Heron nests");
    EXPECT_EQ(hit["title_html"], "<mark>Heron</mark> nests");
    EXPECT_EQ(hit["snippet"], "Colonies in tall trees.");
}

TEST(SearchApi, DeletedHootsAreNotFound) {
    TestServer server;
    auto token = server.ApiSignUp("asker");
    auto api = server.ApiClient();
    Json body{{"title", "Kingfisher colours"}, {"body", "Why so blue?"}};
    auto created = ParseJson(api.PostJson("/api/v1/hoots", body.dump(), Bearer(token)));
    EXPECT_EQ(ParseJson(api.Get(ApiSearchPath("kingfisher")))["results"].size(), 1u);
    const std::string id = std::to_string(created["id"].get<std::int64_t>());
    ASSERT_EQ(api.Delete("/api/v1/posts/" + id, Bearer(token)).status, 200);
    EXPECT_EQ(ParseJson(api.Get(ApiSearchPath("kingfisher")))["results"].size(), 0u);
}

TEST(SearchApi, BadPageOrLimitIsABadRequest) {
    TestServer server;
    auto api = server.ApiClient();
    for (const char* extra :
         {"&page=abc", "&page=0", "&page=51", "&limit=0", "&limit=51", "&limit=x"}) {
        auto response = api.Get(ApiSearchPath("owls", extra));
        EXPECT_EQ(response.status, 400) << extra;
        EXPECT_EQ(ParseJson(response)["error"]["code"], "bad_request") << extra;
    }
}

}  // namespace
