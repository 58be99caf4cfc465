// The page views, read the way a person reads them: the words on the page, where the links go,
// which forms post where with which fields, and that nobody's text turns into markup.

#include "web/views/views.hpp"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace hoot::web::views {
namespace {

constexpr UnixSeconds kNow = 1700000000;  // 2023-11-14T22:13:20Z
constexpr std::string_view kEvil = "<script>alert(1)</script>";
constexpr std::string_view kEvilEscaped = "&lt;script&gt;alert(1)&lt;/script&gt;";

bool Contains(std::string_view haystack, std::string_view needle) {
    return haystack.find(needle) != std::string_view::npos;
}

std::size_t Occurrences(std::string_view haystack, std::string_view needle) {
    std::size_t count = 0;
    for (std::size_t at = haystack.find(needle); at != std::string_view::npos;
         at = haystack.find(needle, at + needle.size())) {
        ++count;
    }
    return count;
}

// No user text may open a real <script>: the only script tag is the one with src.
void ExpectNoInjectedScript(std::string_view html) {
    EXPECT_FALSE(Contains(html, kEvil)) << html;
    EXPECT_FALSE(Contains(html, "<script>")) << html;
}

// Each `<form method="post" ...>...</form>` of the page.
std::vector<std::string_view> PostForms(std::string_view html) {
    std::vector<std::string_view> forms;
    for (std::size_t at = html.find("<form"); at != std::string_view::npos;
         at = html.find("<form", at + 1)) {
        const std::size_t end = html.find("</form>", at);
        std::string_view form = html.substr(at, end - at);
        if (Contains(form.substr(0, form.find('>')), "method=\"post\"")) forms.push_back(form);
    }
    return forms;
}

void ExpectCsrfInEveryPostForm(std::string_view html, std::string_view token) {
    const std::string input =
        "<input type=\"hidden\" name=\"csrf\" value=\"" + std::string(token) + "\">";
    for (std::string_view form : PostForms(html)) EXPECT_TRUE(Contains(form, input)) << form;
}

// The <div class="field..."> that holds the control named `name`.
std::string_view FieldBlock(std::string_view html, std::string_view name) {
    const std::size_t control = html.find("name=\"" + std::string(name) + "\"");
    if (control == std::string_view::npos) return {};
    const std::size_t start = html.rfind("<div class=\"field", control);
    const std::size_t end = html.find("</div>", control);
    return html.substr(start, end - start);
}

// The text of the element that starts with `open` up to the next `close` (exclusive).
std::string_view Between(std::string_view html, std::string_view open, std::string_view close) {
    const std::size_t start = html.find(open);
    if (start == std::string_view::npos) return {};
    const std::size_t from = start + open.size();
    const std::size_t end = html.find(close, from);
    return html.substr(from, end == std::string_view::npos ? std::string_view::npos : end - from);
}

// The article of one comment (up to the next article or the end of the comments).
std::string_view CommentArticle(std::string_view html, std::string_view anchor) {
    const std::size_t start = html.find("id=\"" + std::string(anchor) + "\"");
    if (start == std::string_view::npos) return {};
    const std::size_t end = html.find("</article>", start);
    return html.substr(start, end - start);
}

// The hoot's article.
std::string_view HootArticle(std::string_view html) {
    return Between(html, "<article class=\"hoot\"", "</article>");
}

// Every id="..." on the page, to check they are unique.
std::vector<std::string> Ids(std::string_view html) {
    std::vector<std::string> ids;
    for (std::size_t at = html.find(" id=\""); at != std::string_view::npos;
         at = html.find(" id=\"", at + 1)) {
        const std::size_t from = at + 5;
        ids.emplace_back(html.substr(from, html.find('"', from) - from));
    }
    return ids;
}

// The page's JSON-LD, parsed: the text between the script tags, exactly as a crawler reads it.
nlohmann::json JsonLd(std::string_view html) {
    const std::string_view text =
        Between(html, "<script type=\"application/ld+json\">", "</script>");
    return nlohmann::json::parse(text);
}

PageChrome Chrome() {
    PageChrome chrome;
    chrome.site_name = "Hoot Town";
    chrome.title = "Hoots : Sore glutes - Hoot Town";
    chrome.current_path = "/hoots/7/sore-glutes";
    chrome.csrf_token = "tok123";
    chrome.css_url = "/static/hoot.0123456789.css";
    chrome.js_url = "/static/hoot.9876543210.js";
    return chrome;
}

AuthorRef Author(std::string username, std::string display_name = {}) {
    AuthorRef author;
    author.id = UserId(3);
    author.username = std::move(username);
    author.display_name = std::move(display_name);
    return author;
}

Comment SampleComment(std::int64_t id, UnixSeconds at) {
    Comment comment;
    comment.id = CommentId(id);
    comment.hoot_id = HootId(7);
    comment.author = Author("mike", "Mike DHSc");
    comment.body_html = "<p>Stretch the <em>piriformis</em>.</p>";
    comment.body_text = "Stretch the piriformis.";
    comment.created_at = at;
    return comment;
}

ThreadPage SampleThread() {
    ThreadPage page;
    page.hoot.id = HootId(7);
    page.hoot.title = "Sore glutes from running";
    page.hoot.slug = "sore-glutes-from-running";
    page.hoot.body_html = "<p>Why would the <strong>upper glute</strong> get tight?</p>";
    page.hoot.tags = {"running", "recovery"};
    page.hoot.author = Author("runner");
    page.hoot.created_at = kNow - 3 * 3600;
    page.hoot.comment_count = 1;
    page.comments = {SampleComment(12, kNow - 600)};
    page.path = "/hoots/7/sore-glutes-from-running";
    page.load_full_url = "/hoots/7/sore-glutes-from-running?sort=latest&full=1";
    page.csrf_token = "tok123";
    page.now = kNow;
    return page;
}

HootSummary SampleSummary() {
    HootSummary hoot;
    hoot.id = HootId(7);
    hoot.title = "Sore glutes from running";
    hoot.slug = "sore-glutes-from-running";
    hoot.excerpt = "Why would the upper glute area get tight?";
    hoot.tags = {"running"};
    hoot.author = Author("runner", "Runner Jo");
    hoot.created_at = kNow - 2 * 86400;
    hoot.comment_count = 3;
    hoot.reactions.positive = 1;
    return hoot;
}

// --- Layout -------------------------------------------------------------------------------------

TEST(ViewsLayout, HeadHasTitleViewportAssetsAndCanonical) {
    PageChrome chrome = Chrome();
    chrome.canonical_path = "/hoots/7/sore-glutes";
    const std::string html = RenderLayout(chrome, render::Html());
    EXPECT_TRUE(html.starts_with("<!doctype html>"));
    EXPECT_TRUE(Contains(html, "<title>Hoots : Sore glutes - Hoot Town</title>"));
    EXPECT_TRUE(Contains(html, "<meta name=\"viewport\""));
    EXPECT_TRUE(Contains(html, "<link rel=\"stylesheet\" href=\"/static/hoot.0123456789.css\">"));
    EXPECT_TRUE(Contains(html, "<script src=\"/static/hoot.9876543210.js\" defer></script>"));
    EXPECT_TRUE(Contains(html, "<link rel=\"canonical\" href=\"/hoots/7/sore-glutes\">"));
    EXPECT_FALSE(Contains(RenderLayout(Chrome(), render::Html()), "rel=\"canonical\""));
}

TEST(ViewsLayout, CsrfTokenIsInTheHeadForScriptsOnlyWhenThereIsOne) {
    std::string html = RenderLayout(Chrome(), render::Html());
    EXPECT_TRUE(Contains(Between(html, "<head>", "</head>"),
                         "<meta name=\"csrf-token\" content=\"tok123\">"));
    PageChrome chrome = Chrome();
    chrome.csrf_token = "\"><script>";
    html = RenderLayout(chrome, render::Html());
    EXPECT_TRUE(Contains(html, "<meta name=\"csrf-token\" content=\"&quot;&gt;&lt;script&gt;\">"));
    chrome.csrf_token.clear();
    EXPECT_FALSE(Contains(RenderLayout(chrome, render::Html()), "csrf-token"));
}

TEST(ViewsLayout, FrameHasSkipLinkMainBackToTopAndNoInlineCode) {
    render::Html content;
    content.Raw("<h1>Hello</h1>");
    const std::string html = RenderLayout(Chrome(), content);
    EXPECT_TRUE(Contains(html, "<body id=\"top\">"));
    EXPECT_TRUE(Contains(html, "href=\"#main\">Skip to content</a>"));
    EXPECT_TRUE(Contains(html, "<main id=\"main\" tabindex=\"-1\"><h1>Hello</h1></main>"));
    EXPECT_TRUE(Contains(html, "<a class=\"to-top\" href=\"#top\">Back to top</a>"));
    // The CSP forbids inline scripts, handlers and styles.
    EXPECT_EQ(Occurrences(html, "<script"), 1u);
    EXPECT_FALSE(Contains(html, " onclick="));
    EXPECT_FALSE(Contains(html, " style="));
}

TEST(ViewsLayout, AnonymousTopBarOffersLogInAndSignUpComingBack) {
    const std::string html = RenderLayout(Chrome(), render::Html());
    EXPECT_TRUE(Contains(html, "<a class=\"home\" href=\"/\">Hoot Town</a>"));
    EXPECT_TRUE(Contains(html, "<a href=\"/new\">New Post</a>"));
    EXPECT_TRUE(Contains(html, "href=\"/login?next=/hoots/7/sore-glutes\">Log in</a>"));
    EXPECT_TRUE(Contains(html, "href=\"/signup?next=/hoots/7/sore-glutes\">Sign up</a>"));
    EXPECT_FALSE(Contains(html, "Sign out"));
    EXPECT_FALSE(Contains(html, "Edit profile"));
}

TEST(ViewsLayout, LogInFromTheLogInPageGoesHomeAfterwards) {
    PageChrome chrome = Chrome();
    chrome.current_path = "/login?next=/new";
    const std::string html = RenderLayout(chrome, render::Html());
    EXPECT_TRUE(Contains(html, "href=\"/login?next=/\">Log in</a>"));
}

TEST(ViewsLayout, SignedInTopBarShowsNameEditProfileAndSignOut) {
    PageChrome chrome = Chrome();
    chrome.viewer = {.signed_in = true, .username = "runner", .display_name = "Runner Jo"};
    const std::string html = RenderLayout(chrome, render::Html());
    EXPECT_TRUE(Contains(html, "<a class=\"me\" href=\"/u/runner\">Runner Jo</a>"));
    EXPECT_TRUE(Contains(html, "<a href=\"/settings/profile\">Edit profile</a>"));
    EXPECT_TRUE(Contains(html, "method=\"post\" action=\"/logout\">"));
    EXPECT_TRUE(Contains(html, "<button type=\"submit\">Sign out</button>"));
    EXPECT_FALSE(Contains(html, ">Log in</a>"));
    ExpectCsrfInEveryPostForm(html, "tok123");
    EXPECT_EQ(PostForms(html).size(), 2u);  // sign out and theme
}

TEST(ViewsLayout, UserTextIsEscapedInTheFrame) {
    PageChrome chrome = Chrome();
    chrome.title = std::string(kEvil);
    chrome.site_name = std::string(kEvil);
    chrome.viewer = {.signed_in = true, .username = "x", .display_name = std::string(kEvil)};
    chrome.current_path = "/\"><script>";
    const std::string html = RenderLayout(chrome, render::Html());
    ExpectNoInjectedScript(html);
    EXPECT_TRUE(Contains(html, std::string("<title>") + std::string(kEvilEscaped) + "</title>"));
    EXPECT_TRUE(Contains(html, "value=\"/&quot;&gt;&lt;script&gt;\""));
}

TEST(ViewsLayout, ThemeUnsetOffersDarkAndLeavesTheAttributeOut) {
    const std::string html = RenderLayout(Chrome(), render::Html());
    EXPECT_TRUE(Contains(html, "<html lang=\"en\">"));
    EXPECT_FALSE(Contains(html, "data-theme"));
    EXPECT_TRUE(Contains(html, "<input type=\"hidden\" name=\"theme\" value=\"dark\">"));
    EXPECT_TRUE(Contains(html, "<button type=\"submit\">Use Dark theme</button>"));
}

TEST(ViewsLayout, DarkThemeSetsTheAttributeAndOffersLight) {
    PageChrome chrome = Chrome();
    chrome.theme = "dark";
    const std::string html = RenderLayout(chrome, render::Html());
    EXPECT_TRUE(Contains(html, "<html lang=\"en\" data-theme=\"dark\">"));
    EXPECT_TRUE(Contains(html, "<input type=\"hidden\" name=\"theme\" value=\"light\">"));
    EXPECT_TRUE(Contains(html, "<button type=\"submit\">Use Light theme</button>"));
}

TEST(ViewsLayout, LightThemeOffersDarkAndUnknownThemesAreIgnored) {
    PageChrome chrome = Chrome();
    chrome.theme = "light";
    std::string html = RenderLayout(chrome, render::Html());
    EXPECT_TRUE(Contains(html, "<html lang=\"en\" data-theme=\"light\">"));
    EXPECT_TRUE(Contains(html, "Use Dark theme"));

    chrome.theme = "\"><script>";
    html = RenderLayout(chrome, render::Html());
    EXPECT_TRUE(Contains(html, "<html lang=\"en\">"));
    ExpectNoInjectedScript(html);
}

TEST(ViewsLayout, ThemeFormPostsCsrfAndComesBackHere) {
    const std::string html = RenderLayout(Chrome(), render::Html());
    const std::vector<std::string_view> forms = PostForms(html);
    ASSERT_EQ(forms.size(), 1u);
    EXPECT_TRUE(Contains(forms[0], "action=\"/theme\""));
    EXPECT_TRUE(Contains(forms[0], "name=\"next\" value=\"/hoots/7/sore-glutes\""));
    ExpectCsrfInEveryPostForm(html, "tok123");
}

// --- Thread -------------------------------------------------------------------------------------

TEST(ViewsThread, ShowsTheHootLikeTheReferencePage) {
    const std::string html = RenderThread(SampleThread()).Take();
    EXPECT_TRUE(Contains(html, "<h1>Sore glutes from running</h1>"));
    EXPECT_TRUE(Contains(html, "<p>Why would the <strong>upper glute</strong> get tight?</p>"));
    EXPECT_EQ(Occurrences(html,
                          "<p class=\"pop\" data-popularity><span class=\"popularity-value\">"
                          "10% popularity</span> <span class=\"reactions-total\">0 Reactions</span>"
                          "</p>"),
              2u);
    EXPECT_TRUE(Contains(html, ">1 Comments</h2>"));
    EXPECT_TRUE(Contains(html, "<a rel=\"tag\" href=\"/tags/running\">running</a>"));
    EXPECT_TRUE(Contains(html, "<a class=\"author\" href=\"/u/runner\">runner</a>"));
}

TEST(ViewsThread, PopularityAndReactionsComeFromTheTally) {
    ThreadPage page = SampleThread();
    page.hoot.reactions = {.positive = 10, .negative = 1};
    const std::string html = RenderThread(page).Take();
    EXPECT_TRUE(Contains(html,
                         "<span class=\"popularity-value\">77% popularity</span> "
                         "<span class=\"reactions-total\">11 Reactions</span>"));
}

TEST(ViewsThread, TimesCarryMachineAndExactForms) {
    const std::string html = RenderThread(SampleThread()).Take();
    EXPECT_TRUE(Contains(html,
                         "<time datetime=\"2023-11-14T19:13:20Z\" "
                         "title=\"Nov 14, 2023 at 19:13 UTC\">3 hours ago</time>"));
}

TEST(ViewsThread, CommentsAreArticlesWithAnchors) {
    const std::string html = RenderThread(SampleThread()).Take();
    EXPECT_TRUE(Contains(html, "<article class=\"comment\" id=\"c-12\" data-post-id=\"12\">"));
    EXPECT_TRUE(Contains(html, "<p>Stretch the <em>piriformis</em>.</p>"));
    EXPECT_TRUE(Contains(html, ">Mike DHSc</a>"));
    EXPECT_TRUE(Contains(html, "href=\"#c-12\""));
}

TEST(ViewsThread, SortControlMarksTheCurrentOrder) {
    ThreadPage page = SampleThread();
    std::string html = RenderThread(page).Take();
    EXPECT_TRUE(Contains(html, "<span>Sorted by latest first</span>"));
    EXPECT_TRUE(
        Contains(html,
                 "<a href=\"/hoots/7/sore-glutes-from-running?sort=latest\" aria-current=\"true\">"
                 "Latest</a>"));
    EXPECT_TRUE(
        Contains(html, "<a href=\"/hoots/7/sore-glutes-from-running?sort=oldest\">Oldest</a>"));
    EXPECT_TRUE(Contains(html, "<a href=\"/hoots/7/sore-glutes-from-running?sort=best\">Best</a>"));
    EXPECT_EQ(Occurrences(html, "aria-current"), 1u);

    page.order = CommentOrder::kBest;
    html = RenderThread(page).Take();
    EXPECT_TRUE(Contains(html, "<span>Sorted by best first</span>"));
    EXPECT_TRUE(Contains(html, "?sort=best\" aria-current=\"true\">Best</a>"));
    EXPECT_EQ(Occurrences(html, "aria-current"), 1u);

    page.order = CommentOrder::kOldest;
    EXPECT_TRUE(Contains(RenderThread(page).str(), "<span>Sorted by oldest first</span>"));
}

TEST(ViewsThread, LoadFullOnlyWhenCommentsAreNotShown) {
    ThreadPage page = SampleThread();
    EXPECT_FALSE(Contains(RenderThread(page).str(), "Load Full"));

    page.not_shown = 4;
    page.hoot.comment_count = 5;
    const std::string html = RenderThread(page).Take();
    // A plain link that works without JS; class and data-section are hoot.js's hooks.
    EXPECT_TRUE(Contains(html,
                         "<a class=\"load-full\" data-section=\"comments\" "
                         "href=\"/hoots/7/sore-glutes-from-running?sort=latest&amp;full=1\">"
                         "Load Full (4)</a>"));
    EXPECT_TRUE(Contains(html, "<section class=\"comments\" data-section=\"comments\""));
    EXPECT_TRUE(Contains(html, ">5 Comments</h2>"));
}

TEST(ViewsThread, AnonymousReadersAreAskedToLogInToFollowAndComment) {
    const std::string html = RenderThread(SampleThread()).Take();
    EXPECT_TRUE(Contains(
        html,
        "<a href=\"/login?next=/hoots/7/sore-glutes-from-running\">Login to follow hoots</a>"));
    EXPECT_TRUE(
        Contains(html, "<a href=\"/login?next=/hoots/7/sore-glutes-from-running\">Log in</a>"));
    EXPECT_TRUE(
        Contains(html, "<a href=\"/signup?next=/hoots/7/sore-glutes-from-running\">Sign up</a>"));
    EXPECT_TRUE(PostForms(html).empty());
}

TEST(ViewsThread, SignedInReadersGetTheCommentFormAndNoFollowPrompt) {
    ThreadPage page = SampleThread();
    page.signed_in = true;
    const std::string html = RenderThread(page).Take();
    EXPECT_FALSE(Contains(html, "Login to follow hoots"));
    EXPECT_FALSE(Contains(html, "follow</button>"));
    const std::string_view form =
        Between(html, "<form class=\"comment-form\" method=\"post\" action=\"/hoots/7/comments\"",
                "</form>");
    ASSERT_FALSE(form.empty());
    EXPECT_TRUE(Contains(form, "<label for=\"f-body\">Your comment</label>"));
    EXPECT_TRUE(Contains(form, "<textarea id=\"f-body\" name=\"body\""));
    ExpectCsrfInEveryPostForm(html, "tok123");
}

TEST(ViewsThread, FailedCommentKeepsTheDraftAndShowsTheErrorByTheField) {
    ThreadPage page = SampleThread();
    page.signed_in = true;
    page.comment_draft = "\nfirst line <b>bold</b>";
    page.comment_errors.fields = {{"body", "Your comment is too long."}};
    const std::string html = RenderThread(page).Take();
    const std::string_view field =
        FieldBlock(Between(html, "<form class=\"comment-form\"", "</form>"), "body");
    EXPECT_TRUE(Contains(field, "has-error"));
    EXPECT_TRUE(
        Contains(field, "<p class=\"error\" id=\"f-body-error\">Your comment is too long.</p>"));
    EXPECT_TRUE(Contains(field, "aria-invalid=\"true\""));
    // The extra newline keeps the draft's own leading newline (the parser drops the first one).
    EXPECT_TRUE(Contains(field, ">\n\nfirst line &lt;b&gt;bold&lt;/b&gt;</textarea>"));
    EXPECT_TRUE(Contains(html, "<a href=\"#f-body\">Your comment is too long.</a>"));
}

TEST(ViewsThread, EmptyThreadSaysSoWithoutASortControl) {
    ThreadPage page = SampleThread();
    page.comments.clear();
    page.hoot.comment_count = 0;
    const std::string html = RenderThread(page).Take();
    EXPECT_TRUE(Contains(html, ">0 Comments</h2>"));
    EXPECT_TRUE(Contains(html, "No comments yet."));
    EXPECT_FALSE(Contains(html, "Sorted by"));
}

TEST(ViewsThread, UserTextIsEscapedButStoredHtmlIsKept) {
    ThreadPage page = SampleThread();
    page.hoot.title = std::string(kEvil);
    page.hoot.tags = {std::string(kEvil)};
    page.hoot.author = Author(std::string(kEvil), std::string(kEvil));
    page.comments[0].author = Author("ok", std::string(kEvil));
    const std::string html = RenderThread(page).Take();
    ExpectNoInjectedScript(html);
    EXPECT_TRUE(Contains(html, std::string("<h1>") + std::string(kEvilEscaped) + "</h1>"));
    EXPECT_TRUE(Contains(html, "href=\"/tags/%3Cscript%3Ealert%281%29%3C/script%3E\""));
    EXPECT_TRUE(Contains(html, "href=\"/u/%3Cscript%3Ealert%281%29%3C/script%3E\""));
    EXPECT_GE(Occurrences(html, kEvilEscaped), 4u);
}

// --- Thread: updates, reactions, replies, controls, deletion, structured data -----------------

PostUpdate Update(std::string heading, std::string body_html, UnixSeconds at) {
    PostUpdate update;
    update.heading = std::move(heading);
    update.body_html = std::move(body_html);
    update.created_at = at;
    return update;
}

Reply SampleReply(std::int64_t id, std::string username, std::string body_html, UnixSeconds at) {
    Reply reply;
    reply.id = ReplyId(id);
    reply.author = Author(std::move(username));
    reply.author.id = UserId(50 + id);
    reply.body_html = std::move(body_html);
    reply.created_at = at;
    return reply;
}

// A thread whose hoot is by user 3 and whose comment is by user 4.
ThreadPage SignedInThread(UserId viewer, bool moderator = false) {
    ThreadPage page = SampleThread();
    page.comments[0].author.id = UserId(4);
    page.signed_in = true;
    page.viewer_id = viewer;
    page.viewer_is_moderator = moderator;
    return page;
}

TEST(ViewsThread, UpdatesFollowTheBodyInOrderWithTheirHeadings) {
    ThreadPage page = SampleThread();
    page.hoot.updates = {Update("UPDATE", "<p>I have no numbness.</p>", kNow - 7200),
                         Update("Response to Mike-DHSc", "<p>I sit a lot.</p>", kNow - 3600),
                         Update("Final Update", "<p>Almost gone.</p>", kNow - 60)};
    page.comments[0].updates = {Update("", "<p>Thanks for the info.</p>", kNow - 30)};
    const std::string html = RenderThread(page).Take();
    const std::string_view hoot = HootArticle(html);

    const std::size_t body = hoot.find("upper glute");
    const std::size_t first = hoot.find("<section class=\"update\"><h2>UPDATE</h2>");
    const std::size_t second =
        hoot.find("<section class=\"update\"><h2>Response to Mike-DHSc</h2>");
    const std::size_t third = hoot.find("<section class=\"update\"><h2>Final Update</h2>");
    ASSERT_NE(first, std::string_view::npos) << hoot;
    ASSERT_NE(second, std::string_view::npos);
    ASSERT_NE(third, std::string_view::npos);
    EXPECT_LT(body, first);
    EXPECT_LT(first, second);
    EXPECT_LT(second, third);
    EXPECT_TRUE(Contains(hoot, "<p>I have no numbness.</p>"));
    EXPECT_TRUE(Contains(hoot, "<p>Almost gone.</p>"));
    EXPECT_TRUE(Contains(hoot, "<time datetime=\"2023-11-14T21:13:20Z\""));  // the second's time

    // A comment's updates sit one heading level lower; no heading reads "UPDATE".
    const std::string_view comment = CommentArticle(html, "c-12");
    EXPECT_TRUE(Contains(comment, "<section class=\"update\"><h3>UPDATE</h3>"));
    EXPECT_TRUE(Contains(comment, "<p>Thanks for the info.</p>"));
    EXPECT_FALSE(Contains(comment, "<h2>"));
}

TEST(ViewsThread, UpdateHeadingsAreEscaped) {
    ThreadPage page = SampleThread();
    page.hoot.updates = {Update(std::string(kEvil), "<p>x</p>", kNow)};
    const std::string html = RenderThread(page).Take();
    ExpectNoInjectedScript(html);
    EXPECT_TRUE(Contains(html, "<h2>" + std::string(kEvilEscaped) + "</h2>"));
}

TEST(ViewsThread, SignedInReadersGetReactionButtonsMarkedWithTheirOwn) {
    ThreadPage page = SignedInThread(UserId(9));
    page.hoot.breakdown.counts = {2, 0, 1, 0};
    page.hoot.breakdown.mine = {true, false, false, false};
    page.hoot.reactions = {.positive = 3, .negative = 0};
    page.comments[0].breakdown.mine = {false, false, false, true};
    page.comments[0].breakdown.counts = {0, 0, 0, 2};
    page.comments[0].reactions = {.positive = 0, .negative = 2};
    const std::string html = RenderThread(page).Take();
    const std::string_view hoot = HootArticle(html);

    // One form per post carrying the CSRF token once; each button posts to its own kind.
    EXPECT_TRUE(Contains(hoot,
                         "<form class=\"reaction-form\" method=\"post\" "
                         "action=\"/posts/7/reactions/helpful\">"
                         "<input type=\"hidden\" name=\"csrf\" value=\"tok123\">"
                         "<button type=\"submit\" class=\"reaction\" "
                         "formaction=\"/posts/7/reactions/helpful\" aria-pressed=\"true\" "
                         "data-api=\"/api/v1/posts/7/reactions/helpful\" data-kind=\"helpful\">"
                         "Helpful <span class=\"count\">2</span></button>"))
        << hoot;
    EXPECT_EQ(Occurrences(hoot, "class=\"reaction-form\""), 1u);
    EXPECT_TRUE(Contains(hoot, "formaction=\"/posts/7/reactions/disagree\""));
    EXPECT_TRUE(Contains(hoot,
                         "aria-pressed=\"false\" data-api=\"/api/v1/posts/7/reactions/like\" "
                         "data-kind=\"like\">Like <span class=\"count\">0</span></button>"));
    EXPECT_TRUE(Contains(hoot, "data-kind=\"insightful\">Insightful <span class=\"count\">1"));
    EXPECT_TRUE(Contains(hoot,
                         "aria-pressed=\"false\" data-api=\"/api/v1/posts/7/reactions/"
                         "disagree\" data-kind=\"disagree\">Disagree"));
    EXPECT_EQ(Occurrences(hoot, "class=\"reaction\""), kReactionKinds.size());
    EXPECT_EQ(Occurrences(hoot, "aria-pressed=\"true\""), 1u);
    // The line above keeps the reference wording, with hooks for hoot.js.
    EXPECT_TRUE(
        Contains(hoot, "68% popularity</span> <span class=\"reactions-total\">3 Reactions"));
    EXPECT_TRUE(Contains(html, "<article class=\"hoot\" id=\"hoot\" data-post-id=\"7\">"));

    const std::string_view comment = CommentArticle(html, "c-12");
    EXPECT_TRUE(Contains(comment, "data-post-id=\"12\""));
    EXPECT_TRUE(Contains(comment, "action=\"/posts/12/reactions/disagree\""));
    EXPECT_TRUE(Contains(comment,
                         "aria-pressed=\"true\" data-api=\"/api/v1/posts/12/reactions/disagree\""));
    EXPECT_TRUE(Contains(comment, "2 Reactions"));
    ExpectCsrfInEveryPostForm(html, "tok123");
}

TEST(ViewsThread, AuthorsCannotReactToTheirOwnPostsButSeeTheCounts) {
    ThreadPage page = SignedInThread(UserId(3));  // wrote the hoot, not the comment
    page.hoot.breakdown.counts = {2, 0, 0, 0};
    const std::string html = RenderThread(page).Take();
    EXPECT_FALSE(Contains(HootArticle(html), "class=\"reaction\""));
    EXPECT_TRUE(Contains(HootArticle(html), "<span class=\"reaction-count\">Helpful 2</span>"));
    EXPECT_EQ(Occurrences(CommentArticle(html, "c-12"), "class=\"reaction\""),
              kReactionKinds.size());
}

TEST(ViewsThread, AnonymousReadersSeeNonZeroCountsReadOnly) {
    ThreadPage page = SampleThread();
    page.hoot.breakdown.counts = {3, 0, 1, 0};
    page.hoot.breakdown.mine = {true, true, true, true};  // ignored: nobody is signed in
    const std::string html = RenderThread(page).Take();
    EXPECT_TRUE(Contains(html,
                         "<p class=\"reaction-counts\"><span class=\"reaction-count\">Helpful 3"
                         "</span> <span class=\"reaction-count\">Insightful 1</span></p>"));
    EXPECT_FALSE(Contains(html, "Like 0"));
    EXPECT_FALSE(Contains(html, "<button"));
    EXPECT_FALSE(Contains(html, "aria-pressed"));
    EXPECT_TRUE(PostForms(html).empty());
    // A post nobody reacted to shows no breakdown at all.
    EXPECT_EQ(Occurrences(html, "reaction-counts"), 1u);
}

TEST(ViewsThread, RepliesAreListedInOrderUnderTheirPost) {
    ThreadPage page = SampleThread();
    page.hoot.replies = {
        SampleReply(1, "mike", "Is it on both sides?", kNow - 500),
        SampleReply(2, "runner",
                    "Both. See <a href=\"https://example.org\" rel=\"nofollow ugc\">this</a>",
                    kNow - 400)};
    page.comments[0].replies = {SampleReply(3, "ann", "Great answer.", kNow - 100)};
    std::string html = RenderThread(page).Take();
    const std::string_view hoot = HootArticle(html);
    const std::string_view replies = Between(hoot, "<ul class=\"replies\"", "</ul>");
    EXPECT_EQ(Occurrences(replies, "<li class=\"reply\">"), 2u);
    EXPECT_LT(replies.find("Is it on both sides?"), replies.find("Both. See"));
    EXPECT_TRUE(Contains(replies, "<a href=\"https://example.org\" rel=\"nofollow ugc\">this</a>"));
    EXPECT_TRUE(Contains(replies, "<a class=\"author\" href=\"/u/mike\">mike</a>"));
    EXPECT_TRUE(Contains(replies, ">8 minutes ago</time>"));
    EXPECT_TRUE(Contains(CommentArticle(html, "c-12"), "Great answer."));
    EXPECT_FALSE(Contains(html, "<summary>Reply</summary>"));  // anonymous: no reply form

    page.signed_in = true;
    html = RenderThread(page).Take();
    const std::string_view form = Between(
        HootArticle(html), "<details class=\"reply-form\"><summary>Reply</summary>", "</details>");
    EXPECT_TRUE(Contains(form, "method=\"post\" action=\"/posts/7/replies\""));
    EXPECT_TRUE(Contains(form,
                         "<textarea id=\"f-reply-h7\" name=\"body\" rows=\"3\" "
                         "maxlength=\"600\" required"));
    EXPECT_TRUE(Contains(form, "<button type=\"submit\">Reply</button>"));
    EXPECT_TRUE(Contains(CommentArticle(html, "c-12"), "action=\"/posts/12/replies\""));
    EXPECT_TRUE(Contains(CommentArticle(html, "c-12"), "id=\"f-reply-c12\""));
    ExpectCsrfInEveryPostForm(html, "tok123");
}

TEST(ViewsThread, OnlyTheAuthorOrAModeratorGetsEditUpdateAndDelete) {
    for (const ThreadPage& page : {SampleThread(), SignedInThread(UserId(9))}) {
        const std::string html = RenderThread(page).Take();
        EXPECT_FALSE(Contains(html, "/edit\""));
        EXPECT_FALSE(Contains(html, "/updates\""));
        EXPECT_FALSE(Contains(html, "/delete\""));
        EXPECT_FALSE(Contains(html, "Restore"));
    }

    // The hoot's author manages the hoot, not the comment.
    std::string html = RenderThread(SignedInThread(UserId(3))).Take();
    std::string_view hoot = HootArticle(html);
    EXPECT_TRUE(Contains(hoot, "<a href=\"/posts/7/edit\">Edit</a>"));
    EXPECT_TRUE(Contains(hoot,
                         "<form class=\"delete-form\" method=\"post\" "
                         "action=\"/posts/7/delete\">"));
    EXPECT_TRUE(Contains(hoot, "<button type=\"submit\">Delete</button>"));
    const std::string_view update = Between(
        hoot, "<details class=\"add-update\"><summary>Add an update</summary>", "</details>");
    EXPECT_TRUE(Contains(update, "method=\"post\" action=\"/posts/7/updates\""));
    EXPECT_TRUE(Contains(update,
                         "<input type=\"text\" id=\"f-heading-h7\" name=\"heading\" "
                         "maxlength=\"100\" placeholder=\"UPDATE\""));
    EXPECT_TRUE(Contains(update, "<textarea id=\"f-body-h7\" name=\"body\""));
    EXPECT_TRUE(Contains(update, "<label for=\"f-body-h7\">"));
    EXPECT_TRUE(Contains(update, "<button type=\"submit\">Add update</button>"));
    EXPECT_FALSE(Contains(CommentArticle(html, "c-12"), "/posts/12/edit"));
    ExpectCsrfInEveryPostForm(html, "tok123");

    // A moderator manages every post.
    html = RenderThread(SignedInThread(UserId(9), /*moderator=*/true)).Take();
    EXPECT_TRUE(Contains(HootArticle(html), "<a href=\"/posts/7/edit\">Edit</a>"));
    const std::string_view comment = CommentArticle(html, "c-12");
    EXPECT_TRUE(Contains(comment, "<a href=\"/posts/12/edit\">Edit</a>"));
    EXPECT_TRUE(Contains(comment, "action=\"/posts/12/delete\""));
    EXPECT_TRUE(Contains(comment, "action=\"/posts/12/updates\""));
    EXPECT_TRUE(Contains(comment, "id=\"f-body-c12\""));
    EXPECT_FALSE(Contains(html, "Restore"));  // nothing is deleted
}

TEST(ViewsThread, EveryIdOnTheBusiestPageIsUnique) {
    ThreadPage page = SignedInThread(UserId(9), /*moderator=*/true);
    page.comments.push_back(SampleComment(13, kNow - 60));
    const std::string html = RenderThread(page).Take();
    const std::vector<std::string> ids = Ids(html);
    const std::set<std::string> unique(ids.begin(), ids.end());
    EXPECT_EQ(unique.size(), ids.size());
    EXPECT_GT(ids.size(), 10u);
    EXPECT_TRUE(unique.contains("f-body"));  // the comment form keeps its id
}

TEST(ViewsThread, EditedPostsLinkToTheirHistoryForEveryone) {
    ThreadPage page = SampleThread();
    page.hoot.revision = 3;
    const std::string html = RenderThread(page).Take();
    EXPECT_TRUE(Contains(HootArticle(html),
                         "<a class=\"history\" href=\"/posts/7/revisions\">History (3 revisions)"));
    EXPECT_FALSE(Contains(CommentArticle(html, "c-12"), "History"));
}

TEST(ViewsThread, DeletedCommentLeavesAPlaceholderWithItsReplies) {
    ThreadPage page = SignedInThread(UserId(9));
    Comment& comment = page.comments[0];
    comment.deleted = true;
    comment.updates = {Update("UPDATE", "<p>secret update</p>", kNow)};
    comment.breakdown.counts = {5, 0, 0, 0};
    comment.replies = {SampleReply(1, "ann", "Still worth reading.", kNow - 50)};
    std::string html = RenderThread(page).Take();
    std::string_view article = CommentArticle(html, "c-12");
    EXPECT_TRUE(Contains(html, "<article class=\"comment deleted\" id=\"c-12\""));
    EXPECT_TRUE(Contains(article, "This comment was deleted."));
    EXPECT_TRUE(Contains(article, "Still worth reading."));
    for (std::string_view hidden : {"piriformis", "Mike DHSc", "secret update", "Helpful",
                                    "% popularity", "/posts/12/replies", "Restore"}) {
        EXPECT_FALSE(Contains(article, hidden)) << hidden;
    }

    page.viewer_is_moderator = true;
    html = RenderThread(page).Take();
    article = CommentArticle(html, "c-12");
    EXPECT_TRUE(Contains(article,
                         "<form class=\"restore-form\" method=\"post\" "
                         "action=\"/posts/12/restore\">"));
    EXPECT_TRUE(Contains(article, "<button type=\"submit\">Restore</button>"));
    EXPECT_FALSE(Contains(article, "/posts/12/delete"));
    EXPECT_FALSE(Contains(article, "piriformis"));
}

TEST(ViewsThread, DeletedHootShowsModeratorsABannerAndRestore) {
    ThreadPage page = SignedInThread(UserId(9), /*moderator=*/true);
    page.hoot.deleted = true;
    const std::string html = RenderThread(page).Take();
    EXPECT_TRUE(Contains(html, "This hoot is deleted. Only moderators see it."));
    EXPECT_TRUE(Contains(html, "action=\"/posts/7/restore\""));
    EXPECT_LT(html.find("This hoot is deleted."), html.find("<h1>"));
    EXPECT_FALSE(Contains(html, "action=\"/posts/7/delete\""));
    EXPECT_FALSE(Contains(html, "class=\"reaction\""));
    EXPECT_FALSE(Contains(html, "/comments\""));  // no new comments on a deleted hoot
    EXPECT_FALSE(Contains(html, "application/ld+json"));
}

TEST(ViewsThread, StructuredDataDescribesTheQuestionAndItsAnswers) {
    ThreadPage page = SampleThread();
    // The text is the plain words stored beside the HTML (render::PlainText at write time),
    // followed by each update under its heading.
    page.hoot.body_text = "Why would the upper glute & hip get tight? one two \xE2\x80\x94 'x'";
    page.hoot.updates = {Update("Final Update", "<p>All better.</p>", kNow)};
    page.hoot.updates[0].body_text = "All better.";
    page.hoot.reactions = {.positive = 3, .negative = 1};
    page.hoot.comment_count = 3;
    page.comments[0].reactions = {.positive = 2, .negative = 5};
    Comment deleted = SampleComment(13, kNow - 60);
    deleted.deleted = true;
    page.comments.push_back(deleted);
    const std::string html = RenderThread(page).Take();

    const nlohmann::json doc = JsonLd(html);
    EXPECT_EQ(doc["@context"], "https://schema.org");
    EXPECT_EQ(doc["@type"], "QAPage");
    const nlohmann::json& question = doc["mainEntity"];
    EXPECT_EQ(question["@type"], "Question");
    EXPECT_EQ(question["name"], "Sore glutes from running");
    EXPECT_EQ(question["text"],
              "Why would the upper glute & hip get tight? one two \xE2\x80\x94 'x'"
              "\n\nFinal Update\nAll better.");
    EXPECT_EQ(question["dateCreated"], "2023-11-14T19:13:20Z");
    EXPECT_EQ(question["upvoteCount"], 3);
    EXPECT_EQ(question["answerCount"], 3);
    EXPECT_EQ(question["author"]["@type"], "Person");
    EXPECT_EQ(question["author"]["name"], "runner");
    EXPECT_EQ(question["author"]["url"], "/u/runner");
    ASSERT_EQ(question["suggestedAnswer"].size(), 1u);  // the deleted comment is left out
    const nlohmann::json& answer = question["suggestedAnswer"][0];
    EXPECT_EQ(answer["@type"], "Answer");
    EXPECT_EQ(answer["text"], "Stretch the piriformis.");
    EXPECT_EQ(answer["upvoteCount"], 2);
    EXPECT_EQ(answer["dateCreated"], "2023-11-14T22:03:20Z");
    EXPECT_EQ(answer["url"], "/hoots/7/sore-glutes-from-running#c-12");
    EXPECT_EQ(answer["author"]["name"], "Mike DHSc");
    EXPECT_EQ(answer["author"]["url"], "/u/mike");
}

TEST(ViewsThread, StructuredDataCannotBeBrokenOutOf) {
    ThreadPage page = SampleThread();
    page.hoot.title = "</script><script>alert(1)</script><!--";
    page.hoot.body_text = "a & b </SCRIPT> \"quoted\"";
    page.comments[0].body_text = kEvil;
    const std::string html = RenderThread(page).Take();
    ExpectNoInjectedScript(html);
    // The only closing tag is the element's own, and the values survive intact.
    EXPECT_EQ(Occurrences(html, "</script>"), 1u);
    EXPECT_EQ(Occurrences(html, "</SCRIPT>"), 0u);
    const nlohmann::json doc = JsonLd(html);
    EXPECT_EQ(doc["mainEntity"]["name"], "</script><script>alert(1)</script><!--");
    EXPECT_EQ(doc["mainEntity"]["text"], "a & b </SCRIPT> \"quoted\"");
    EXPECT_EQ(doc["mainEntity"]["suggestedAnswer"][0]["text"], kEvil);
}

// --- Edit ---------------------------------------------------------------------------------------

EditPostPage SampleEdit() {
    EditPostPage page;
    page.kind = PostKind::kHoot;
    page.post = PostId(7);
    page.title = "Sore glutes from running";
    page.body = "Why would the **upper glute** get tight?";
    page.tags = "running recovery";
    page.base_revision = 2;
    page.cancel_url = "/hoots/7/sore-glutes-from-running";
    page.csrf_token = "tok123";
    return page;
}

TEST(ViewsEdit, HootFormPostsTitleBodyTagsAndTheBaseRevision) {
    const std::string html = RenderEditPost(SampleEdit()).Take();
    EXPECT_TRUE(Contains(html, "<h1>Edit hoot</h1>"));
    const std::vector<std::string_view> forms = PostForms(html);
    ASSERT_EQ(forms.size(), 1u);
    EXPECT_TRUE(Contains(forms[0], "action=\"/posts/7/edit\""));
    EXPECT_TRUE(Contains(forms[0], "<input type=\"hidden\" name=\"base_revision\" value=\"2\">"));
    EXPECT_TRUE(Contains(FieldBlock(html, "title"), "value=\"Sore glutes from running\""));
    EXPECT_TRUE(Contains(FieldBlock(html, "body"), "**upper glute** get tight?</textarea>"));
    EXPECT_TRUE(Contains(FieldBlock(html, "tags"), "value=\"running recovery\""));
    EXPECT_TRUE(Contains(html, "<button type=\"submit\">Save</button>"));
    EXPECT_TRUE(Contains(html, "<a href=\"/hoots/7/sore-glutes-from-running\">Cancel</a>"));
    EXPECT_FALSE(Contains(html, "Someone else"));
    ExpectCsrfInEveryPostForm(html, "tok123");
}

TEST(ViewsEdit, CommentFormHasOnlyTheBody) {
    EditPostPage page = SampleEdit();
    page.kind = PostKind::kComment;
    page.post = PostId(12);
    page.cancel_url = "/hoots/7/sore-glutes-from-running#c-12";
    const std::string html = RenderEditPost(page).Take();
    EXPECT_TRUE(Contains(html, "<h1>Edit comment</h1>"));
    EXPECT_TRUE(Contains(html, "action=\"/posts/12/edit\""));
    EXPECT_TRUE(Contains(html, "name=\"body\""));
    EXPECT_FALSE(Contains(html, "name=\"title\""));
    EXPECT_FALSE(Contains(html, "name=\"tags\""));
}

TEST(ViewsEdit, ConflictSaysWhatHappenedAndKeepsTheText) {
    EditPostPage page = SampleEdit();
    page.conflict = true;
    page.title = "My new <title>";
    page.body = "My edited body & more";
    page.base_revision = 3;
    const std::string html = RenderEditPost(page).Take();
    EXPECT_TRUE(Contains(html,
                         "Someone else saved a newer version while you were editing. "
                         "Your text is below; review <a href=\"/hoots/7/sore-glutes-from-"
                         "running\">the latest version</a> and save again."));
    EXPECT_TRUE(Contains(html, "role=\"alert\""));
    EXPECT_TRUE(Contains(FieldBlock(html, "title"), "value=\"My new &lt;title&gt;\""));
    EXPECT_TRUE(Contains(FieldBlock(html, "body"), "My edited body &amp; more</textarea>"));
    EXPECT_TRUE(Contains(html, "name=\"base_revision\" value=\"3\""));
    ExpectNoInjectedScript(html);
}

TEST(ViewsEdit, ErrorsSitByTheirFields) {
    EditPostPage page = SampleEdit();
    page.errors.fields = {{"title", "The title needs at least 5 characters."}};
    const std::string html = RenderEditPost(page).Take();
    EXPECT_TRUE(Contains(FieldBlock(html, "title"), "The title needs at least 5 characters."));
    EXPECT_TRUE(Contains(html, "<a href=\"#f-title\">The title needs at least 5 characters.</a>"));
    EXPECT_FALSE(Contains(FieldBlock(html, "body"), "class=\"error\""));
}

// --- Revisions ----------------------------------------------------------------------------------

Revision SampleRevision(int number, std::string title, std::vector<std::string> tags,
                        std::string body, UnixSeconds at) {
    Revision revision;
    revision.number = number;
    revision.post = PostId(7);
    revision.author = Author(number == 2 ? "mod" : "runner");
    revision.created_at = at;
    revision.title = std::move(title);
    revision.tags = std::move(tags);
    revision.body_source = std::move(body);
    return revision;
}

RevisionsPage SampleRevisions() {
    RevisionsPage page;
    page.kind = PostKind::kHoot;
    page.post_title = "Tight glutes from running";
    page.post_url = "/hoots/7/tight-glutes-from-running";
    page.now = kNow;
    page.revisions = {SampleRevision(1, "Sore glutes from running", {"running"},
                                     "Why so sore?\nHelp.", kNow - 3 * 86400),
                      SampleRevision(2, "Sore glutes from running", {"running", "recovery"},
                                     "Why so sore?\nHelp.", kNow - 2 * 86400),
                      SampleRevision(3, "Tight glutes from running", {"running", "recovery"},
                                     "Why so tight?\nHelp <b>please</b>.", kNow - 3600)};
    return page;
}

TEST(ViewsRevisions, NewestFirstWithAuthorTimeAndABackLink) {
    const std::string html = RenderRevisions(SampleRevisions()).Take();
    EXPECT_TRUE(Contains(html, "<h1>History of “Tight glutes from running”</h1>"));
    EXPECT_TRUE(Contains(html, "<a href=\"/hoots/7/tight-glutes-from-running\">Back to the hoot"));
    const std::size_t third = html.find("<h2>Revision 3");
    const std::size_t second = html.find("<h2>Revision 2");
    const std::size_t first = html.find("<h2>Revision 1");
    ASSERT_NE(first, std::string::npos);
    EXPECT_LT(third, second);
    EXPECT_LT(second, first);
    EXPECT_TRUE(Contains(html, "<h2>Revision 3 <span class=\"current\">(current)</span></h2>"));
    EXPECT_TRUE(Contains(html, "<a class=\"author\" href=\"/u/mod\">mod</a>"));
    EXPECT_TRUE(Contains(html, ">1 hour ago</time>"));
}

TEST(ViewsRevisions, EachRevisionShowsWhatChangedAsAnInlineDiff) {
    const std::string html = RenderRevisions(SampleRevisions()).Take();
    const std::string_view third = Between(html, "<h2>Revision 3", "</li>");
    EXPECT_TRUE(Contains(third, "<del>Sore</del>"));
    EXPECT_TRUE(Contains(third, "<ins>Tight</ins>"));
    EXPECT_TRUE(Contains(third, " glutes from running"));
    EXPECT_TRUE(Contains(third, "<del>sore</del>"));
    EXPECT_TRUE(Contains(third, "<ins>tight</ins>"));
    EXPECT_TRUE(Contains(third, "<pre class=\"diff\">"));
    EXPECT_FALSE(Contains(third, "<h3>Tags</h3>"));  // unchanged parts are left out
    // Only tags changed in revision 2.
    const std::string_view second = Between(html, "<h2>Revision 2", "</li>");
    EXPECT_TRUE(Contains(second, "<h3>Tags</h3><pre class=\"diff\">running<ins> recovery</ins>"))
        << second;
    EXPECT_FALSE(Contains(second, "<h3>Title</h3>"));
    EXPECT_FALSE(Contains(second, "<h3>Body</h3>"));
    // The original shows its whole text.
    const std::string_view first = Between(html, "<h2>Revision 1", "</li>");
    EXPECT_TRUE(
        Contains(first, "<h3>Title</h3><pre class=\"diff\">Sore glutes from running</pre>"));
    EXPECT_TRUE(Contains(first, "<pre class=\"diff\">Why so sore?\nHelp.</pre>"));
    EXPECT_FALSE(Contains(first, "<ins>"));
    EXPECT_FALSE(Contains(first, "<del>"));
}

TEST(ViewsRevisions, UserTextIsEscapedInTheDiff) {
    RevisionsPage page = SampleRevisions();
    page.post_title = std::string(kEvil);
    page.revisions[0].body_source = std::string(kEvil) + " first";
    const std::string html = RenderRevisions(page).Take();
    ExpectNoInjectedScript(html);
    EXPECT_TRUE(Contains(html, "History of “" + std::string(kEvilEscaped) + "”"));
    EXPECT_TRUE(Contains(html, std::string(kEvilEscaped) + " first</pre>"));  // the original
    EXPECT_TRUE(Contains(html, "&lt;b&gt;please&lt;/b&gt;"));                 // inside an <ins>
    EXPECT_FALSE(Contains(html, "<b>"));
}

TEST(ViewsRevisions, CommentHistoryHasOnlyTheBody) {
    RevisionsPage page;
    page.kind = PostKind::kComment;
    page.post_title = "Sore glutes from running";
    page.post_url = "/hoots/7/sore-glutes-from-running#c-12";
    page.now = kNow;
    page.revisions = {SampleRevision(1, "", {}, "Stretch daily.", kNow - 7200),
                      SampleRevision(2, "", {}, "Stretch twice daily.", kNow - 3600)};
    const std::string html = RenderRevisions(page).Take();
    EXPECT_TRUE(Contains(html, "Back to the comment"));
    EXPECT_TRUE(Contains(html, "<ins>twice </ins>") || Contains(html, "<ins> twice</ins>")) << html;
    EXPECT_FALSE(Contains(html, "<h3>"));
}

// --- Feed ---------------------------------------------------------------------------------------

TEST(ViewsFeed, ListsHootsWithWhatAReaderNeeds) {
    FeedPage page;
    page.hoots = {SampleSummary()};
    page.now = kNow;
    page.next_url = "/?after=7";
    const std::string html = RenderFeed(page).Take();
    EXPECT_TRUE(Contains(html,
                         "<h2><a href=\"/hoots/7/sore-glutes-from-running\">"
                         "Sore glutes from running</a></h2>"));
    EXPECT_TRUE(Contains(html, "Why would the upper glute area get tight?"));
    EXPECT_TRUE(Contains(html, "href=\"/tags/running\">running</a>"));
    EXPECT_TRUE(Contains(html, "<a class=\"author\" href=\"/u/runner\">Runner Jo</a>"));
    EXPECT_TRUE(Contains(html, ">2 days ago</time>"));
    EXPECT_TRUE(Contains(html, "3 comments"));
    EXPECT_TRUE(Contains(html, "44% popularity"));
    EXPECT_TRUE(Contains(html, "<a rel=\"next\" href=\"/?after=7\">Next page</a>"));
}

TEST(ViewsFeed, OneCommentIsSingularAndLastPageHasNoNextLink) {
    FeedPage page;
    page.hoots = {SampleSummary()};
    page.hoots[0].comment_count = 1;
    const std::string html = RenderFeed(page).Take();
    EXPECT_TRUE(Contains(html, "1 comment "));
    EXPECT_FALSE(Contains(html, "Next page"));
}

TEST(ViewsFeed, EmptyFeedInvitesTheFirstPost) {
    FeedPage page;
    std::string html = RenderFeed(page).Take();
    EXPECT_TRUE(Contains(html, "No hoots here yet."));
    EXPECT_TRUE(Contains(html, "href=\"/login?next=/new\""));
    page.signed_in = true;
    html = RenderFeed(page).Take();
    EXPECT_TRUE(Contains(html, "<a href=\"/new\">Write the first one</a>"));
}

TEST(ViewsFeed, UserTextIsEscaped) {
    FeedPage page;
    HootSummary hoot = SampleSummary();
    hoot.title = hoot.excerpt = std::string(kEvil);
    hoot.tags = {std::string(kEvil)};
    hoot.author = Author(std::string(kEvil), std::string(kEvil));
    page.hoots = {hoot};
    const std::string html = RenderFeed(page).Take();
    ExpectNoInjectedScript(html);
    EXPECT_EQ(Occurrences(html, kEvilEscaped), 4u);  // title, excerpt, tag, author
}

// --- Composer -----------------------------------------------------------------------------------

TEST(ViewsComposer, PostsTitleBodyAndTagsWithCsrf) {
    ComposerPage page;
    page.csrf_token = "tok123";
    const std::string html = RenderComposer(page).Take();
    const std::vector<std::string_view> forms = PostForms(html);
    ASSERT_EQ(forms.size(), 1u);
    EXPECT_TRUE(Contains(forms[0], "action=\"/hoots\""));
    EXPECT_TRUE(Contains(html, "<label for=\"f-title\">Title</label>"));
    EXPECT_TRUE(Contains(html, "<input type=\"text\" id=\"f-title\" name=\"title\""));
    EXPECT_TRUE(Contains(html, "<label for=\"f-body\">Body</label>"));
    EXPECT_TRUE(Contains(html, "<textarea id=\"f-body\" name=\"body\""));
    EXPECT_TRUE(Contains(html, "Markdown"));
    EXPECT_TRUE(Contains(html, "<label for=\"f-tags\">Tags</label>"));
    EXPECT_TRUE(Contains(FieldBlock(html, "tags"), "up to 5, separated by spaces"));
    ExpectCsrfInEveryPostForm(html, "tok123");
}

TEST(ViewsComposer, ErrorsSitByTheirFieldsAndTypedValuesStay) {
    ComposerPage page;
    page.title = "Hi \"there\" <b>";
    page.body = "Some *body* & more";
    page.tags = "a b c d e f";
    page.errors.general = "Please fix the problems below.";
    page.errors.fields = {{"title", "The title needs at least 5 characters."},
                          {"tags", "At most 5 tags."}};
    const std::string html = RenderComposer(page).Take();
    EXPECT_TRUE(Contains(html, "Please fix the problems below."));
    EXPECT_TRUE(Contains(FieldBlock(html, "title"), "The title needs at least 5 characters."));
    EXPECT_TRUE(Contains(FieldBlock(html, "title"), "value=\"Hi &quot;there&quot; &lt;b&gt;\""));
    EXPECT_TRUE(Contains(FieldBlock(html, "tags"), "At most 5 tags."));
    EXPECT_TRUE(Contains(FieldBlock(html, "tags"), "value=\"a b c d e f\""));
    EXPECT_TRUE(Contains(FieldBlock(html, "body"), "Some *body* &amp; more</textarea>"));
    EXPECT_FALSE(Contains(FieldBlock(html, "body"), "class=\"error\""));
}

// --- Sign in / sign up --------------------------------------------------------------------------

TEST(ViewsAuth, SignInPostsCredentialsNextAndCsrf) {
    SignInPage page;
    page.username = "runner";
    page.next = "/hoots/7/x";
    page.csrf_token = "tok123";
    const std::string html = RenderSignIn(page).Take();
    EXPECT_TRUE(Contains(html, "<h1>Log in</h1>"));
    EXPECT_TRUE(Contains(html, "method=\"post\" action=\"/login\""));
    EXPECT_TRUE(Contains(html, "<input type=\"hidden\" name=\"next\" value=\"/hoots/7/x\">"));
    EXPECT_TRUE(Contains(FieldBlock(html, "username"), "value=\"runner\""));
    EXPECT_TRUE(Contains(html, "<label for=\"f-password\">Password</label>"));
    EXPECT_TRUE(Contains(html, "<input type=\"password\" id=\"f-password\" name=\"password\""));
    EXPECT_TRUE(Contains(html, "<a href=\"/signup?next=/hoots/7/x\">Sign up</a>"));
    ExpectCsrfInEveryPostForm(html, "tok123");
}

TEST(ViewsAuth, FailedSignInKeepsTheUsernameButNeverThePassword) {
    SignInPage page;
    page.username = std::string(kEvil);
    page.errors.general = "Wrong username or password.";
    const std::string html = RenderSignIn(page).Take();
    EXPECT_TRUE(Contains(html, "Wrong username or password."));
    EXPECT_TRUE(Contains(FieldBlock(html, "username"), kEvilEscaped));
    EXPECT_FALSE(Contains(FieldBlock(html, "password"), "value="));
    ExpectNoInjectedScript(html);
}

TEST(ViewsAuth, SignUpExplainsTheRules) {
    SignUpPage page;
    page.csrf_token = "tok123";
    const std::string html = RenderSignUp(page).Take();
    EXPECT_TRUE(Contains(html, "<h1>Sign up</h1>"));
    EXPECT_TRUE(Contains(html, "method=\"post\" action=\"/signup\""));
    EXPECT_TRUE(Contains(html, "<input type=\"hidden\" name=\"next\" value=\"\">"));
    EXPECT_TRUE(
        Contains(FieldBlock(html, "username"), "3–32 characters: letters, digits, _ and -"));
    EXPECT_TRUE(Contains(FieldBlock(html, "password"), "At least 10 characters"));
    EXPECT_TRUE(Contains(FieldBlock(html, "password"), "autocomplete=\"new-password\""));
    EXPECT_TRUE(Contains(html, "<a href=\"/login\">Log in</a>"));
    ExpectCsrfInEveryPostForm(html, "tok123");
}

TEST(ViewsAuth, SignUpErrorsSitByTheirFields) {
    SignUpPage page;
    page.username = "ab";
    page.errors.fields = {{"username", "Usernames have 3 to 32 characters."},
                          {"password", "Passwords have at least 10 characters."}};
    const std::string html = RenderSignUp(page).Take();
    EXPECT_TRUE(Contains(FieldBlock(html, "username"), "Usernames have 3 to 32 characters."));
    EXPECT_TRUE(Contains(FieldBlock(html, "username"), "value=\"ab\""));
    EXPECT_TRUE(Contains(FieldBlock(html, "password"), "Passwords have at least 10 characters."));
    EXPECT_TRUE(Contains(FieldBlock(html, "password"),
                         "aria-describedby=\"f-password-hint f-password-error\""));
}

// --- Profiles -----------------------------------------------------------------------------------

ProfilePage SampleProfile() {
    ProfilePage page;
    page.user.id = UserId(3);
    page.user.username = "runner";
    page.user.display_name = "Runner Jo";
    page.user.bio_html = "<p>I run <em>a lot</em>.</p>";
    page.user.created_at = kNow - 86400;
    page.user.hoot_count = 1;
    page.user.comment_count = 4;
    page.hoots = {SampleSummary()};
    page.now = kNow;
    return page;
}

TEST(ViewsProfile, ShowsWhoTheyAreAndWhatTheyWrote) {
    const std::string html = RenderProfile(SampleProfile()).Take();
    EXPECT_TRUE(Contains(html, "<h1>Runner Jo</h1>"));
    EXPECT_TRUE(Contains(html, "@runner"));
    EXPECT_TRUE(Contains(html, "<p>I run <em>a lot</em>.</p>"));
    EXPECT_TRUE(Contains(html, "Joined <time datetime=\"2023-11-13T22:13:20Z\""));
    EXPECT_TRUE(Contains(html, "1 hoot "));
    EXPECT_TRUE(Contains(html, "4 comments"));
    EXPECT_TRUE(Contains(html, "<h3><a href=\"/hoots/7/sore-glutes-from-running\">"));
    EXPECT_FALSE(Contains(html, "Edit profile"));
}

TEST(ViewsProfile, OwnProfileLinksToTheEditorAndNamelessUsersShowTheirUsername) {
    ProfilePage page = SampleProfile();
    page.is_self = true;
    page.user.display_name.clear();
    page.hoots.clear();
    const std::string html = RenderProfile(page).Take();
    EXPECT_TRUE(Contains(html, "<a href=\"/settings/profile\">Edit profile</a>"));
    EXPECT_TRUE(Contains(html, "<h1>runner</h1>"));
    EXPECT_TRUE(Contains(html, "No hoots yet."));
}

TEST(ViewsProfile, UserTextIsEscaped) {
    ProfilePage page = SampleProfile();
    page.user.username = std::string(kEvil);
    page.user.display_name = std::string(kEvil);
    const std::string html = RenderProfile(page).Take();
    ExpectNoInjectedScript(html);
    EXPECT_TRUE(Contains(html, std::string("<h1>") + std::string(kEvilEscaped) + "</h1>"));
    EXPECT_TRUE(Contains(html, "@" + std::string(kEvilEscaped)));
}

TEST(ViewsProfileEdit, PostsNameAndBioAndSaysSaved) {
    ProfileEditPage page;
    page.username = "runner";
    page.display_name = "Runner <Jo>";
    page.bio = "I *run*.";
    page.csrf_token = "tok123";
    std::string html = RenderProfileEdit(page).Take();
    EXPECT_FALSE(Contains(html, "Saved."));
    // Multipart: the same form carries the avatar file.
    EXPECT_TRUE(Contains(
        html, "method=\"post\" enctype=\"multipart/form-data\" action=\"/settings/profile\""));
    EXPECT_TRUE(Contains(FieldBlock(html, "display_name"), "value=\"Runner &lt;Jo&gt;\""));
    EXPECT_TRUE(Contains(FieldBlock(html, "bio"), "I *run*.</textarea>"));
    EXPECT_TRUE(Contains(html, "<label for=\"f-bio\">Bio</label>"));
    ExpectCsrfInEveryPostForm(html, "tok123");

    page.saved = true;
    html = RenderProfileEdit(page).Take();
    EXPECT_TRUE(Contains(html, "<p class=\"saved\" role=\"status\">Saved.</p>"));
}

TEST(ViewsProfileEdit, ErrorsSitByTheirFields) {
    ProfileEditPage page;
    page.username = "runner";
    page.bio = std::string(kEvil);
    page.errors.fields = {{"bio", "Bios are at most 2000 characters."}};
    const std::string html = RenderProfileEdit(page).Take();
    EXPECT_TRUE(Contains(FieldBlock(html, "bio"), "Bios are at most 2000 characters."));
    EXPECT_FALSE(Contains(FieldBlock(html, "display_name"), "class=\"error\""));
    ExpectNoInjectedScript(html);
}

// --- Errors -------------------------------------------------------------------------------------

TEST(ViewsError, SaysWhatHappenedAndLinksHome) {
    const std::string html =
        RenderError({.status = 404, .heading = "Not found", .message = std::string(kEvil)}).Take();
    EXPECT_TRUE(Contains(html, "<h1>Not found</h1>"));
    EXPECT_TRUE(Contains(html, kEvilEscaped));
    EXPECT_TRUE(Contains(html, "Error 404"));
    EXPECT_TRUE(Contains(html, "<a href=\"/\">Back to the home page</a>"));
    ExpectNoInjectedScript(html);
}

// --- A whole page -------------------------------------------------------------------------------

TEST(ViewsPage, ThreadPageHasEveryElementOfTheReference) {
    PageChrome chrome = Chrome();
    chrome.title = "Hoots : Sore glutes from running - Hoot Town";
    const std::string html = RenderLayout(chrome, RenderThread(SampleThread()));
    for (std::string_view seen :
         {"Hoot Town</a>", "New Post", "Log in", "Sign up",
          "<title>Hoots : Sore glutes from running - Hoot Town</title>", "10% popularity",
          "0 Reactions", "1 Comments", "Sorted by latest first", ">Latest<", ">Oldest<", ">Best<",
          "Login to follow hoots", "Back to top", "Use Dark theme"}) {
        EXPECT_TRUE(Contains(html, seen)) << seen;
    }
}

}  // namespace
}  // namespace hoot::web::views
