// The page views, read the way a person reads them: the words on the page, where the links go,
// which forms post where with which fields, and that nobody's text turns into markup.

#include "web/views/views.hpp"

#include <gtest/gtest.h>

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
    EXPECT_EQ(Occurrences(html, "<span>10% popularity</span> <span>0 Reactions</span>"), 2u);
    EXPECT_TRUE(Contains(html, ">1 Comments</h2>"));
    EXPECT_TRUE(Contains(html, "<a rel=\"tag\" href=\"/tags/running\">running</a>"));
    EXPECT_TRUE(Contains(html, "<a class=\"author\" href=\"/u/runner\">runner</a>"));
}

TEST(ViewsThread, PopularityAndReactionsComeFromTheTally) {
    ThreadPage page = SampleThread();
    page.hoot.reactions = {.positive = 10, .negative = 1};
    const std::string html = RenderThread(page).Take();
    EXPECT_TRUE(Contains(html, "<span>77% popularity</span> <span>11 Reactions</span>"));
}

TEST(ViewsThread, TimesCarryMachineAndExactForms) {
    const std::string html = RenderThread(SampleThread()).Take();
    EXPECT_TRUE(Contains(html,
                         "<time datetime=\"2023-11-14T19:13:20Z\" "
                         "title=\"Nov 14, 2023 at 19:13 UTC\">3 hours ago</time>"));
}

TEST(ViewsThread, CommentsAreArticlesWithAnchors) {
    const std::string html = RenderThread(SampleThread()).Take();
    EXPECT_TRUE(Contains(html, "<article class=\"comment\" id=\"c-12\">"));
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
    EXPECT_TRUE(Contains(html,
                         "<a href=\"/hoots/7/sore-glutes-from-running?sort=latest&amp;full=1\">"
                         "Load Full (4)</a>"));
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
    const std::vector<std::string_view> forms = PostForms(html);
    ASSERT_EQ(forms.size(), 1u);
    EXPECT_TRUE(Contains(forms[0], "action=\"/hoots/7/comments\""));
    EXPECT_TRUE(Contains(forms[0], "<label for=\"f-body\">Your comment</label>"));
    EXPECT_TRUE(Contains(forms[0], "<textarea id=\"f-body\" name=\"body\""));
    ExpectCsrfInEveryPostForm(html, "tok123");
}

TEST(ViewsThread, FailedCommentKeepsTheDraftAndShowsTheErrorByTheField) {
    ThreadPage page = SampleThread();
    page.signed_in = true;
    page.comment_draft = "\nfirst line <b>bold</b>";
    page.comment_errors.fields = {{"body", "Your comment is too long."}};
    const std::string html = RenderThread(page).Take();
    const std::string_view field = FieldBlock(html, "body");
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
    EXPECT_TRUE(Contains(html, "method=\"post\" action=\"/settings/profile\""));
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
