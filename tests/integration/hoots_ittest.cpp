// Posting hoots, reading a thread, commenting, and the home page feed, through the web pages.

#include <gtest/gtest.h>

#include <regex>
#include <set>
#include <string>
#include <vector>

#include "support/test_server.hpp"

namespace {

using hoot::testing::HtmlEscape;
using hoot::testing::HttpClient;
using hoot::testing::HttpResponse;
using hoot::testing::PositionOf;
using hoot::testing::TestServer;

HttpResponse SubmitHoot(HttpClient& client, const std::string& title, const std::string& body,
                        const std::string& tags) {
    return client.SubmitForm("/new", "/hoots", {{"title", title}, {"body", body}, {"tags", tags}});
}

// Every thread path linked from a feed page, in page order.
std::vector<std::string> ThreadLinks(const std::string& html) {
    static const std::regex kLink(R"re(<h2><a href="(/hoots/[0-9]+/[^"]*)")re");
    std::vector<std::string> links;
    for (auto it = std::sregex_iterator(html.begin(), html.end(), kLink);
         it != std::sregex_iterator(); ++it)
        links.push_back((*it)[1]);
    return links;
}

std::string NextPageLink(const std::string& html) {
    static const std::regex kNext(R"re(<a rel="next" href="([^"]*)")re");
    std::smatch match;
    if (!std::regex_search(html, match, kNext)) return {};
    // Attributes are escaped: &amp; would appear if the link had several parameters.
    return std::regex_replace(match[1].str(), std::regex("&amp;"), "&");
}

// ---- the composer ----

TEST(NewPost, AnonymousVisitorIsSentToLoginAndBack) {
    TestServer server;
    auto response = server.Client().Get("/new");
    EXPECT_EQ(response.status, 303);
    EXPECT_EQ(response.Header("location"), "/login?next=/new");
}

TEST(NewPost, ComposerShowsTheForm) {
    TestServer server;
    auto client = server.SignUp("writer");
    auto page = client.Get("/new");
    EXPECT_EQ(page.status, 200);
    EXPECT_TRUE(page.Contains("<title>New Post - Hoot Test</title>"));
    EXPECT_TRUE(page.Contains("name=\"title\""));
    EXPECT_TRUE(page.Contains("name=\"body\""));
    EXPECT_TRUE(page.Contains("name=\"tags\""));
    EXPECT_TRUE(page.Contains("action=\"/hoots\""));
}

TEST(NewPost, GoodPostRedirectsToItsThread) {
    TestServer server;
    auto client = server.SignUp("writer");
    auto response = SubmitHoot(client, "How do owls see at night?", "They have **large** eyes.",
                               "owls, Biology #night");
    EXPECT_EQ(response.status, 303);
    std::string location = response.Header("location");
    EXPECT_TRUE(std::regex_match(location, std::regex("/hoots/[0-9]+/how-do-owls-see-at-night")))
        << location;

    auto thread = client.Get(location);
    EXPECT_EQ(thread.status, 200);
    EXPECT_TRUE(thread.Contains("<h1>How do owls see at night?</h1>"));
    EXPECT_TRUE(thread.Contains("<strong>large</strong>"));
    for (const char* tag : {"owls", "biology", "night"})
        EXPECT_TRUE(thread.Contains(std::string("href=\"/tags/") + tag + "\"")) << tag;
    EXPECT_TRUE(thread.Contains(">writer</a>"));
}

struct BadPost {
    std::string name, title, body, tags, message;
};

TEST(NewPost, BadInputIsRefusedWithTheMessageAndTheTypedValuesKept) {
    TestServer server;
    auto client = server.SignUp("writer");
    const std::string title = "A perfectly fine title";
    const std::string body = "A body with <angle> & \"quotes\"";
    const std::vector<BadPost> cases = {
        {"title too short", "Abcd", body, "ok", "Title must be 5 to 200 characters."},
        {"title too long", std::string(201, 't'), body, "ok", "Title must be 5 to 200 characters."},
        {"too many tags", title, body, "a b c d e f", "Up to 5 tags."},
        {"bad tag characters", title, body, "good bad_tag", "may only use a-z, 0-9"},
        {"empty body", title, "   \n  ", "ok", HtmlEscape("Body can't be empty.")},
    };
    for (const auto& bad : cases) {
        SCOPED_TRACE(bad.name);
        auto response = SubmitHoot(client, bad.title, bad.body, bad.tags);
        EXPECT_EQ(response.status, 422);
        EXPECT_TRUE(response.Contains(bad.message)) << response.body;
        EXPECT_TRUE(response.Contains("role=\"alert\""));
        EXPECT_TRUE(response.Contains("value=\"" + HtmlEscape(bad.title) + "\""));
        EXPECT_TRUE(response.Contains("value=\"" + HtmlEscape(bad.tags) + "\""));
        EXPECT_TRUE(response.Contains(">\n" + HtmlEscape(bad.body) + "</textarea>"));
    }
    // None of them was posted.
    EXPECT_TRUE(client.Get("/").Contains("No hoots here yet."));
}

TEST(NewPost, BoundaryTitleLengthsAreAccepted) {
    TestServer server;
    auto client = server.SignUp("writer");
    EXPECT_EQ(SubmitHoot(client, "Abcde", "body", "").status, 303);
    EXPECT_EQ(SubmitHoot(client, std::string(200, 'x'), "body", "a b c d e").status, 303);
}

// ---- the thread page ----

TEST(ThreadPage, ShowsTitleBodyCountsAndControls) {
    TestServer server;
    auto author = server.SignUp("author");
    std::string thread = hoot::testing::PostHoot(
        author, "Why do owls hoot?", "Mostly *at night*.\n\n| a | b |\n|---|---|\n| 1 | 2 |");
    hoot::testing::PostComment(author, thread, "A first answer");
    hoot::testing::PostComment(author, thread, "A second answer");

    auto page = server.Client().Get(thread);
    EXPECT_EQ(page.status, 200);
    EXPECT_TRUE(page.Contains("<title>Hoots : Why do owls hoot? - Hoot Test</title>"));
    EXPECT_TRUE(page.Contains("<em>at night</em>"));
    EXPECT_TRUE(page.Contains("<table>"));
    EXPECT_TRUE(page.Contains("10% popularity"));
    EXPECT_TRUE(page.Contains("0 Reactions"));
    EXPECT_TRUE(page.Contains("2 Comments"));
    EXPECT_TRUE(page.Contains("Sorted by latest first"));
    std::string base = thread + "?sort=";
    EXPECT_TRUE(page.Contains("<a href=\"" + base + "latest\" aria-current=\"true\">Latest</a>"));
    EXPECT_TRUE(page.Contains("<a href=\"" + base + "oldest\">Oldest</a>"));
    EXPECT_TRUE(page.Contains("<a href=\"" + base + "best\">Best</a>"));
    EXPECT_TRUE(page.Contains("Back to top"));
    EXPECT_TRUE(page.Contains("Use Dark theme"));
    EXPECT_TRUE(page.Contains("<link rel=\"canonical\" href=\"" + thread + "\">"));
    EXPECT_EQ(page.Header("cache-control"), "private, no-cache");
    EXPECT_FALSE(page.Header("content-security-policy").empty());
}

TEST(ThreadPage, ScriptInTitleAndBodyIsEscaped) {
    TestServer server;
    auto author = server.SignUp("author");
    std::string thread = hoot::testing::PostHoot(
        author, "<script>alert(1)</script> owls",
        "Hello <script>alert(2)</script> and [x](javascript:alert(3)) and <b onclick=x>b</b>");
    hoot::testing::PostComment(author, thread, "<script>alert(4)</script> comment");

    auto page = server.Client().Get(thread);
    ASSERT_EQ(page.status, 200);
    EXPECT_TRUE(
        page.Contains("<title>Hoots : &lt;script&gt;alert(1)&lt;/script&gt; owls - Hoot Test"))
        << page.body;
    EXPECT_TRUE(page.Contains("<h1>&lt;script&gt;alert(1)&lt;/script&gt; owls</h1>"));
    EXPECT_FALSE(page.Contains("<script>alert"));
    // The link text may stay; a javascript: address must never become a link.
    EXPECT_FALSE(page.Contains("href=\"javascript:")) << page.body;
    EXPECT_FALSE(page.Contains("<b onclick"));
    // Raw HTML in Markdown is shown as the text that was typed, never as markup.
    EXPECT_TRUE(page.Contains("&lt;b onclick=x&gt;")) << page.body;

    auto home = server.Client().Get("/");
    EXPECT_FALSE(home.Contains("<script>alert"));
}

TEST(ThreadPage, FollowPromptIsForAnonymousReadersOnly) {
    TestServer server;
    auto author = server.SignUp("author");
    std::string thread = hoot::testing::PostHoot(author, "Follow me please", "body");
    auto anonymous = server.Client().Get(thread);
    EXPECT_TRUE(anonymous.Contains("Login to follow hoots"));
    EXPECT_TRUE(anonymous.Contains("to comment."));
    EXPECT_FALSE(anonymous.Contains("class=\"comment-form\""));

    auto member = author.Get(thread);
    EXPECT_FALSE(member.Contains("Login to follow hoots"));
    EXPECT_TRUE(member.Contains("class=\"comment-form\""));
}

TEST(ThreadPage, SortOrdersTheComments) {
    TestServer server;
    auto author = server.SignUp("author");
    std::string thread = hoot::testing::PostHoot(author, "Sorting comments", "body");
    for (const char* text : {"comment number one", "comment number two", "comment number three"})
        hoot::testing::PostComment(author, thread, text);
    auto reader = server.Client();

    auto positions = [&](const std::string& query) {
        auto page = reader.Get(thread + query);
        EXPECT_EQ(page.status, 200) << query;
        return std::vector<std::size_t>{PositionOf(page.body, "comment number one"),
                                        PositionOf(page.body, "comment number two"),
                                        PositionOf(page.body, "comment number three")};
    };
    auto latest = positions("");
    EXPECT_GT(latest[0], latest[1]);
    EXPECT_GT(latest[1], latest[2]);
    auto explicit_latest = positions("?sort=latest");
    EXPECT_GT(explicit_latest[0], explicit_latest[1]);
    EXPECT_GT(explicit_latest[1], explicit_latest[2]);

    auto oldest = positions("?sort=oldest");
    EXPECT_LT(oldest[0], oldest[1]);
    EXPECT_LT(oldest[1], oldest[2]);

    // Without reactions every comment is equally good: ties go by age, oldest first.
    auto best = positions("?sort=best");
    EXPECT_LT(best[0], best[1]);
    EXPECT_LT(best[1], best[2]);
    for (auto p : latest) EXPECT_NE(p, std::string::npos);

    auto oldest_page = reader.Get(thread + "?sort=oldest");
    EXPECT_TRUE(oldest_page.Contains("Sorted by oldest first"));
    EXPECT_TRUE(oldest_page.Contains("sort=oldest\" aria-current=\"true\">Oldest</a>"));
    EXPECT_TRUE(oldest_page.Contains("sort=latest\">Latest</a>"));
    auto best_page = reader.Get(thread + "?sort=best");
    EXPECT_TRUE(best_page.Contains("Sorted by best first"));
    EXPECT_TRUE(best_page.Contains("sort=best\" aria-current=\"true\">Best</a>"));
}

TEST(ThreadPage, UnknownSortIsABadRequest) {
    TestServer server;
    auto author = server.SignUp("author");
    std::string thread = hoot::testing::PostHoot(author, "Sorting comments", "body");
    auto page = server.Client().Get(thread + "?sort=random");
    EXPECT_EQ(page.status, 400);
    EXPECT_TRUE(page.Contains("Comments can be sorted by latest, oldest or best.")) << page.body;
}

TEST(ThreadPage, WrongOrMissingSlugRedirectsPermanently) {
    TestServer server;
    auto author = server.SignUp("author");
    std::string thread = hoot::testing::PostHoot(author, "The right slug here", "body");
    std::string id = hoot::testing::HootIdOf(thread);
    auto client = server.Client();

    auto wrong = client.Get("/hoots/" + id + "/the-wrong-slug");
    EXPECT_EQ(wrong.status, 301);
    EXPECT_EQ(wrong.Header("location"), thread);

    auto missing = client.Get("/hoots/" + id);
    EXPECT_EQ(missing.status, 301);
    EXPECT_EQ(missing.Header("location"), thread);

    auto with_query = client.Get("/hoots/" + id + "/old?sort=oldest");
    EXPECT_EQ(with_query.status, 301);
    EXPECT_EQ(with_query.Header("location"), thread + "?sort=oldest");
}

TEST(ThreadPage, UnknownOrNonNumericIdIsANotFoundPage) {
    TestServer server;
    auto client = server.Client();
    for (const std::string& path :
         {std::string("/hoots/999999/nothing"), std::string("/hoots/999999"),
          std::string("/hoots/abc/slug"), std::string("/hoots/-1"), std::string("/hoots/0"),
          std::string("/hoots/12abc"), std::string("/hoots/99999999999999999999999")}) {
        SCOPED_TRACE(path);
        auto page = client.Get(path);
        EXPECT_EQ(page.status, 404);
        EXPECT_TRUE(page.Contains("<h1>Not found</h1>")) << page.body;
        EXPECT_TRUE(page.Contains("Back to the home page"));
    }
    EXPECT_EQ(client.Get("/no/such/page").status, 404);
}

// ---- comments ----

TEST(Comments, AnonymousCommentIsRefused) {
    TestServer server;
    auto author = server.SignUp("author");
    std::string thread = hoot::testing::PostHoot(author, "Comment target", "body");
    std::string id = hoot::testing::HootIdOf(thread);
    auto anonymous = server.Client();
    auto response =
        anonymous.SubmitForm(thread, "/hoots/" + id + "/comments", {{"body", "drive-by comment"}});
    EXPECT_TRUE(response.status == 401 ||
                (response.status == 303 && response.Header("location").starts_with("/login")))
        << response.status << " " << response.Header("location");
    EXPECT_FALSE(server.Client().Get(thread).Contains("drive-by comment"));
}

TEST(Comments, GoodCommentRedirectsToItsAnchorAndAppears) {
    TestServer server;
    auto author = server.SignUp("author");
    auto commenter = server.SignUp("commenter");
    std::string thread = hoot::testing::PostHoot(author, "Comment target", "body");
    std::string location =
        hoot::testing::PostComment(commenter, thread, "I think **this** is the answer.");
    std::smatch match;
    ASSERT_TRUE(std::regex_match(location, match, std::regex(thread + "#(c-[0-9]+)"))) << location;

    auto page = server.Client().Get(thread);
    EXPECT_TRUE(page.Contains("id=\"" + match[1].str() + "\""));
    EXPECT_TRUE(page.Contains("I think <strong>this</strong> is the answer."));
    EXPECT_TRUE(page.Contains("1 Comments"));
    EXPECT_TRUE(page.Contains(">commenter</a>"));
    // The comment has its own popularity and reactions.
    std::size_t popularity_lines = 0;
    for (auto at = page.body.find("% popularity"); at != std::string::npos;
         at = page.body.find("% popularity", at + 1))
        ++popularity_lines;
    EXPECT_EQ(popularity_lines, 2u);
}

TEST(Comments, EmptyCommentShowsTheErrorOnTheThreadPage) {
    TestServer server;
    auto author = server.SignUp("author");
    std::string thread = hoot::testing::PostHoot(author, "Comment target", "The hoot body");
    std::string id = hoot::testing::HootIdOf(thread);
    auto response = author.SubmitForm(thread, "/hoots/" + id + "/comments", {{"body", "  \n "}});
    EXPECT_EQ(response.status, 422);
    EXPECT_TRUE(response.Contains(HtmlEscape("Body can't be empty."))) << response.body;
    EXPECT_TRUE(response.Contains("<title>Hoots : Comment target - Hoot Test</title>"));
    EXPECT_TRUE(response.Contains("The hoot body"));
    EXPECT_TRUE(response.Contains("0 Comments"));
}

TEST(Comments, CommentOnUnknownHootIsNotFound) {
    TestServer server;
    auto author = server.SignUp("author");
    auto response = author.SubmitForm("/", "/hoots/424242/comments", {{"body", "hello"}});
    EXPECT_EQ(response.status, 404);
}

TEST(LoadFull, ShowsTheFirstTwentyAndLinksToTheRest) {
    TestServer server;
    auto author = server.SignUp("author");
    std::string thread = hoot::testing::PostHoot(author, "A long thread", "body");
    auto token = server.ApiSignUp("apiuser");
    auto api = server.Client();
    std::string id = hoot::testing::HootIdOf(thread);
    for (int i = 1; i <= 25; ++i) {
        auto response = api.PostJson("/api/v1/hoots/" + id + "/comments",
                                     "{\"body\":\"Comment marker " + std::to_string(i) + ".\"}",
                                     hoot::testing::Bearer(token));
        ASSERT_EQ(response.status, 201) << response.body;
    }
    auto count = [](const std::string& html) {
        std::size_t n = 0;
        for (auto at = html.find("class=\"comment\""); at != std::string::npos;
             at = html.find("class=\"comment\"", at + 1))
            ++n;
        return n;
    };
    auto reader = server.Client();
    auto page = reader.Get(thread);
    EXPECT_TRUE(page.Contains("25 Comments"));
    EXPECT_EQ(count(page.body), 20u);
    EXPECT_TRUE(page.Contains("Load Full (5)"));
    EXPECT_TRUE(page.Contains("Comment marker 25."));  // latest first
    EXPECT_FALSE(page.Contains("Comment marker 5."));

    auto full = reader.Get(thread + "?sort=latest&full=1");
    EXPECT_EQ(full.status, 200);
    EXPECT_EQ(count(full.body), 25u);
    EXPECT_FALSE(full.Contains("Load Full"));
    for (int i = 1; i <= 25; ++i)
        EXPECT_TRUE(full.Contains("Comment marker " + std::to_string(i) + ".")) << i;

    // The link on the page is the one that loads the rest, in the chosen order.
    auto oldest = reader.Get(thread + "?sort=oldest");
    EXPECT_TRUE(oldest.Contains("href=\"" + thread + "?sort=oldest&amp;full=1\">Load Full (5)"))
        << oldest.body;
    EXPECT_EQ(count(reader.Get(thread + "?full=1").body), 25u);
}

// ---- the home page ----

TEST(HomePage, EmptySiteInvitesTheFirstHoot) {
    TestServer server;
    auto page = server.Client().Get("/");
    EXPECT_EQ(page.status, 200);
    EXPECT_TRUE(page.Contains("<title>Hoot Test</title>"));
    EXPECT_TRUE(page.Contains("No hoots here yet."));
}

TEST(HomePage, ListsTheLatestHootsWithTheirDetails) {
    TestServer server;
    auto author = server.SignUp("author");
    std::string older = hoot::testing::PostHoot(author, "The older hoot", "Older body text");
    std::string newer = hoot::testing::PostHoot(author, "The newer hoot", "Newer body text here");
    hoot::testing::PostComment(author, newer, "one comment");

    auto page = server.Client().Get("/");
    auto links = ThreadLinks(page.body);
    ASSERT_EQ(links.size(), 2u);
    EXPECT_EQ(links[0], newer);
    EXPECT_EQ(links[1], older);
    EXPECT_TRUE(page.Contains("Newer body text here"));  // excerpt
    EXPECT_TRUE(page.Contains(">author</a>"));
    EXPECT_TRUE(page.Contains("1 comment "));
    EXPECT_TRUE(page.Contains("0 comments"));
    EXPECT_TRUE(page.Contains("10% popularity"));
    EXPECT_TRUE(page.Contains("<time datetime=\""));
    EXPECT_TRUE(NextPageLink(page.body).empty());
}

TEST(HomePage, PagesByKeysetWithoutDuplicates) {
    TestServer server;
    auto token = server.ApiSignUp("prolific");
    auto api = server.Client();
    for (int i = 1; i <= 25; ++i) {
        auto response = api.PostJson(
            "/api/v1/hoots",
            "{\"title\":\"Paged hoot number " + std::to_string(i) + "\",\"body\":\"b\"}",
            hoot::testing::Bearer(token));
        ASSERT_EQ(response.status, 201) << response.body;
    }
    auto reader = server.Client();
    auto first = reader.Get("/");
    auto first_links = ThreadLinks(first.body);
    EXPECT_EQ(first_links.size(), 20u);
    EXPECT_TRUE(first.Contains("Paged hoot number 25"));
    std::string next = NextPageLink(first.body);
    ASSERT_FALSE(next.empty());
    EXPECT_EQ(next.rfind("/?after=", 0), 0u) << next;

    auto second = reader.Get(next);
    EXPECT_EQ(second.status, 200);
    auto second_links = ThreadLinks(second.body);
    EXPECT_EQ(second_links.size(), 5u);
    EXPECT_TRUE(second.Contains("Paged hoot number 1<"));
    EXPECT_TRUE(NextPageLink(second.body).empty());

    std::set<std::string> all(first_links.begin(), first_links.end());
    all.insert(second_links.begin(), second_links.end());
    EXPECT_EQ(all.size(), 25u);

    EXPECT_EQ(reader.Get("/?after=garbage").status, 400);
}

TEST(TagPage, ListsTheHootsWithThatTag) {
    TestServer server;
    auto author = server.SignUp("author");
    std::string tagged = hoot::testing::PostHoot(author, "Tagged owl hoot", "body", "owls");
    hoot::testing::PostHoot(author, "Untagged hoot", "body");
    auto page = server.Client().Get("/tags/owls");
    EXPECT_EQ(page.status, 200);
    auto links = ThreadLinks(page.body);
    ASSERT_EQ(links.size(), 1u);
    EXPECT_EQ(links[0], tagged);
}

}  // namespace
