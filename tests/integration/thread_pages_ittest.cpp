// The whole thread through the web pages (issue 3), as a person without JavaScript uses it:
// the forms for updates, edits, reactions, replies and deletion, and what the thread page,
// the edit page and the history page then show. The JSON side is in thread_api_ittest.cpp.

#include <gtest/gtest.h>

#include <cstdio>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>
#include <vector>

#include "support/test_server.hpp"

namespace {

using hoot::testing::Bearer;
using hoot::testing::HeaderList;
using hoot::testing::HootIdOf;
using hoot::testing::HtmlEscape;
using hoot::testing::HttpClient;
using hoot::testing::HttpResponse;
using hoot::testing::kTestPassword;
using hoot::testing::PositionOf;
using hoot::testing::PostComment;
using hoot::testing::PostHoot;
using hoot::testing::TestServer;
using Json = nlohmann::json;

std::runtime_error Unexpected(const std::string& what, const HttpResponse& response) {
    return std::runtime_error(what + ": status " + std::to_string(response.status) +
                              ", Location '" + response.Header("location") + "', body " +
                              response.body.substr(0, 1000));
}

// "/hoots/7/slug#c-12" → "12".
std::string CommentIdOf(const std::string& location) {
    auto at = location.find("#c-");
    if (at == std::string::npos) throw std::runtime_error("no comment anchor in " + location);
    return location.substr(at + 3);
}

// The thread path without its fragment.
std::string PathOf(const std::string& location) { return location.substr(0, location.find('#')); }

// A moderator (users.is_admin) created by the operator, signed in through the /login form.
HttpClient ModeratorClient(TestServer& server, const std::string& name) {
    auto user = server.app().services().accounts.CreateUser(name, kTestPassword, true);
    if (!user) throw std::runtime_error("could not create moderator " + name);
    HttpClient client = server.Client();
    auto response =
        client.SubmitForm("/login", "/login", {{"username", name}, {"password", kTestPassword}});
    if (response.status != 303) throw Unexpected("moderator sign-in", response);
    return client;
}

std::size_t Count(const std::string& haystack, const std::string& needle) {
    std::size_t count = 0;
    for (auto at = haystack.find(needle); at != std::string::npos;
         at = haystack.find(needle, at + needle.size()))
        ++count;
    return count;
}

// The reaction form of `kind` for post `id` (its markup up to </form>), or "" when the page has
// none for that reader.
std::string ReactionForm(const std::string& html, const std::string& id, const std::string& kind) {
    const std::string action = "action=\"/posts/" + id + "/reactions/" + kind + "\"";
    auto at = html.find(action);
    if (at == std::string::npos) return {};
    auto end = html.find("</form>", at);
    return html.substr(at, end == std::string::npos ? std::string::npos : end - at);
}

// The markup of the comment article with `id`: up to the next comment, or to what follows the
// last one (the "Load Full" link, the comment form or the sign-in prompt).
std::string CommentArticle(const std::string& html, const std::string& id) {
    auto at = html.find("id=\"c-" + id + "\"");
    if (at == std::string::npos) return {};
    std::size_t end = std::string::npos;
    for (const char* marker : {"<article", "<p class=\"more\"", "<form class=\"comment-form\"",
                               "<p class=\"comment-login\"", "<p class=\"empty\""}) {
        auto found = html.find(marker, at);
        if (found < end) end = found;
    }
    return html.substr(at, end == std::string::npos ? std::string::npos : end - at);
}

// The href of the "Load Full" link, with &amp; decoded.
std::string LoadFullHref(const std::string& html) {
    auto at = html.find("class=\"load-full\"");
    if (at == std::string::npos) return {};
    auto href = html.find("href=\"", at);
    if (href == std::string::npos) return {};
    href += 6;
    std::string value = html.substr(href, html.find('"', href) - href);
    for (auto amp = value.find("&amp;"); amp != std::string::npos; amp = value.find("&amp;"))
        value.replace(amp, 5, "&");
    return value;
}

// The page's JSON-LD, parsed; null (and a failure) when absent or not JSON.
Json JsonLd(const std::string& html) {
    const std::string open = "<script type=\"application/ld+json\">";
    auto at = html.find(open);
    if (at == std::string::npos) {
        ADD_FAILURE() << "no JSON-LD on the page";
        return Json();
    }
    at += open.size();
    auto end = html.find("</script>", at);
    Json parsed = Json::parse(html.substr(at, end - at), nullptr, false);
    if (parsed.is_discarded()) {
        ADD_FAILURE() << "JSON-LD does not parse: " << html.substr(at, end - at);
        return Json();
    }
    return parsed;
}

// Whether some <tag>…</tag> in `html` contains `word`.
bool Marked(const std::string& html, const std::string& tag, const std::string& word) {
    const std::string open = "<" + tag + ">", close = "</" + tag + ">";
    for (auto at = html.find(open); at != std::string::npos; at = html.find(open, at + 1)) {
        auto end = html.find(close, at);
        if (end == std::string::npos) return false;
        if (html.substr(at + open.size(), end - at - open.size()).find(word) != std::string::npos)
            return true;
    }
    return false;
}

// JSON of a thread through the API (for checking what the forms stored).
Json ApiThread(const TestServer& server, const std::string& hoot_id,
               const std::string& query = "") {
    auto response = server.ApiClient().Get("/api/v1/hoots/" + hoot_id + query);
    EXPECT_EQ(response.status, 200) << response.body.substr(0, 300);
    return Json::parse(response.body, nullptr, false);
}

// ---- updates ----

TEST(ThreadPagesUpdates, UpdateFormAppendsUpdatesUnderTheBodyInOrder) {
    TestServer server;
    auto asker = server.SignUp("asker");
    auto answerer = server.SignUp("answerer");
    std::string thread = PostHoot(asker, "Sore glutes from running", "The original question.");
    std::string id = HootIdOf(thread);
    std::string comment = CommentIdOf(PostComment(answerer, thread, "An answer."));

    // The author's page offers the form; nobody else's does.
    EXPECT_TRUE(asker.Get(thread).Contains("action=\"/posts/" + id + "/updates\""));
    EXPECT_FALSE(answerer.Get(thread).Contains("action=\"/posts/" + id + "/updates\""));
    EXPECT_FALSE(server.Client().Get(thread).Contains("action=\"/posts/" + id + "/updates\""));

    auto first = asker.SubmitForm(thread, "/posts/" + id + "/updates",
                                  {{"heading", ""}, {"body", "No *tingling* at all."}});
    ASSERT_EQ(first.status, 303) << first.body;
    EXPECT_EQ(first.Header("location"), thread);
    auto second =
        asker.SubmitForm(thread, "/posts/" + id + "/updates",
                         {{"heading", "Response to Mike-DHSc"}, {"body", "I work at a desk."}});
    ASSERT_EQ(second.status, 303);
    auto third = asker.SubmitForm(thread, "/posts/" + id + "/updates",
                                  {{"heading", "Final Update"}, {"body", "It went away."}});
    ASSERT_EQ(third.status, 303);
    auto on_comment = answerer.SubmitForm(thread, "/posts/" + comment + "/updates",
                                          {{"heading", ""}, {"body", "Some follow-up questions."}});
    ASSERT_EQ(on_comment.status, 303);
    EXPECT_EQ(on_comment.Header("location"), thread + "#c-" + comment);

    auto page = server.Client().Get(thread);
    ASSERT_EQ(page.status, 200);
    EXPECT_EQ(Count(page.body, "<section class=\"update\">"), 4u);
    auto body = PositionOf(page.body, "The original question.");
    auto u1 = PositionOf(page.body, "<h2>UPDATE</h2>");
    auto u2 = PositionOf(page.body, "<h2>Response to Mike-DHSc</h2>");
    auto u3 = PositionOf(page.body, "<h2>Final Update</h2>");
    auto comments = PositionOf(page.body, "1 Comments");
    ASSERT_NE(u1, std::string::npos) << page.body;
    ASSERT_NE(u2, std::string::npos);
    ASSERT_NE(u3, std::string::npos);
    EXPECT_LT(body, u1);
    EXPECT_LT(u1, u2);
    EXPECT_LT(u2, u3);
    EXPECT_LT(u3, comments);
    EXPECT_TRUE(page.Contains("No <em>tingling</em> at all."));
    EXPECT_LT(PositionOf(page.body, "No <em>tingling</em> at all."), u2);
    EXPECT_LT(u2, PositionOf(page.body, "I work at a desk."));
    // The comment's update sits in the comment, under its text.
    std::string article = CommentArticle(page.body, comment);
    EXPECT_NE(article.find("<h3>UPDATE</h3>"), std::string::npos) << article;
    EXPECT_LT(article.find("An answer."), article.find("Some follow-up questions."));
    // Each update carries its date.
    auto update_at = page.body.find("<section class=\"update\">");
    EXPECT_NE(page.body.substr(update_at, 300).find("<time datetime="), std::string::npos);
}

TEST(ThreadPagesUpdates, OthersGetTheErrorPageAndBadInputIsRefused) {
    TestServer server;
    auto asker = server.SignUp("asker");
    auto stranger = server.SignUp("stranger");
    std::string thread = PostHoot(asker, "Sore glutes from running", "The original question.");
    std::string id = HootIdOf(thread);
    const std::string action = "/posts/" + id + "/updates";

    auto forbidden = stranger.SubmitForm(thread, action, {{"heading", ""}, {"body", "Hijack."}});
    EXPECT_EQ(forbidden.status, 403);
    EXPECT_TRUE(forbidden.Contains("Only the author or a moderator can add an update."))
        << forbidden.body.substr(0, 2000);

    auto empty = asker.SubmitForm(thread, action, {{"heading", "Empty"}, {"body", "  "}});
    EXPECT_EQ(empty.status, 422);
    auto long_heading =
        asker.SubmitForm(thread, action, {{"heading", std::string(101, 'h')}, {"body", "Text."}});
    EXPECT_EQ(long_heading.status, 422);
    EXPECT_TRUE(long_heading.Contains("A heading is one line of at most 100 characters."));
    auto two_lines =
        asker.SubmitForm(thread, action, {{"heading", "One\r\nTwo"}, {"body", "Text."}});
    EXPECT_EQ(two_lines.status, 422);
    auto unknown = asker.SubmitForm(thread, "/posts/999999/updates", {{"body", "Nowhere."}});
    EXPECT_EQ(unknown.status, 404);

    auto moderator = ModeratorClient(server, "moddy");
    auto by_moderator =
        moderator.SubmitForm(thread, action, {{"heading", "Moderator note"}, {"body", "Merged."}});
    EXPECT_EQ(by_moderator.status, 303) << by_moderator.body.substr(0, 1000);

    auto page = server.Client().Get(thread);
    EXPECT_FALSE(page.Contains("Hijack."));
    EXPECT_EQ(Count(page.body, "<section class=\"update\">"), 1u);
    EXPECT_TRUE(page.Contains("<h2>Moderator note</h2>"));
}

// ---- edits and revision history ----

TEST(ThreadPagesEdits, EditFormSavesAndTheHistoryMarksTheChangedWord) {
    TestServer server;
    auto asker = server.SignUp("asker");
    auto stranger = server.SignUp("stranger");
    std::string thread =
        PostHoot(asker, "Sore glutes from running", "My glutes feel tight after runs.", "running");
    std::string id = HootIdOf(thread);
    const std::string edit = "/posts/" + id + "/edit";

    EXPECT_EQ(server.Client().Get(edit).status, 303);  // to /login
    EXPECT_EQ(stranger.Get(edit).status, 403);
    auto form = asker.Get(edit);
    ASSERT_EQ(form.status, 200);
    EXPECT_TRUE(form.Contains("name=\"base_revision\" value=\"1\"")) << form.body;
    EXPECT_TRUE(form.Contains("value=\"Sore glutes from running\""));
    EXPECT_TRUE(form.Contains("My glutes feel tight after runs.</textarea>"));
    EXPECT_TRUE(form.Contains("value=\"running\""));
    // No history link before the first edit.
    EXPECT_FALSE(asker.Get(thread).Contains("/posts/" + id + "/revisions"));

    auto saved = asker.SubmitForm(edit, edit,
                                  {{"title", "Sore glutes after running"},
                                   {"body", "My glutes feel sore after runs."},
                                   {"tags", "running glutes"},
                                   {"base_revision", "1"}});
    ASSERT_EQ(saved.status, 303) << saved.body.substr(0, 2000);
    EXPECT_EQ(saved.Header("location"), "/hoots/" + id + "/sore-glutes-after-running");
    EXPECT_EQ(stranger
                  .SubmitForm("/", edit,
                              {{"title", "Vandalised title"},
                               {"body", "Vandalised."},
                               {"tags", ""},
                               {"base_revision", "2"}})
                  .status,
              403);

    auto page = server.Client().Get(saved.Header("location"));
    ASSERT_EQ(page.status, 200);
    EXPECT_TRUE(page.Contains("<h1>Sore glutes after running</h1>"));
    EXPECT_TRUE(page.Contains("My glutes feel sore after runs."));
    EXPECT_TRUE(page.Contains("href=\"/posts/" + id + "/revisions\"")) << "history link";
    EXPECT_TRUE(page.Contains("History (2 revisions)"));
    // The old address still leads there.
    EXPECT_EQ(server.Client().Get(thread).status, 301);

    for (std::string history : {"/posts/" + id + "/revisions", "/hoots/" + id + "/revisions"}) {
        auto revisions = server.Client().Get(history);
        EXPECT_EQ(revisions.status, 200) << history << " → " << revisions.Header("location");
        if (revisions.status != 200) continue;
        EXPECT_TRUE(Marked(revisions.body, "del", "tight")) << revisions.body;
        EXPECT_TRUE(Marked(revisions.body, "ins", "sore"));
        EXPECT_TRUE(Marked(revisions.body, "del", "from"));
        EXPECT_TRUE(Marked(revisions.body, "ins", "after"));
        EXPECT_TRUE(Marked(revisions.body, "ins", "glutes"));  // the added tag
        EXPECT_TRUE(revisions.Contains("Revision 1"));
        EXPECT_TRUE(revisions.Contains("Revision 2"));
        EXPECT_TRUE(revisions.Contains(">asker</a>"));
    }
    EXPECT_EQ(server.Client().Get("/hoots/999999/revisions").status, 404);
}

TEST(ThreadPagesEdits, AConflictComesBackWith409TheNoticeAndTheTypedText) {
    TestServer server;
    auto asker = server.SignUp("asker");
    std::string thread = PostHoot(asker, "Sore glutes from running", "Version one.");
    std::string id = HootIdOf(thread);
    const std::string edit = "/posts/" + id + "/edit";

    // Another tab saves first.
    ASSERT_EQ(asker
                  .SubmitForm(edit, edit,
                              {{"title", "Sore glutes from running"},
                               {"body", "Version two, from the other tab."},
                               {"tags", ""},
                               {"base_revision", "1"}})
                  .status,
              303);
    const std::string typed = "My careful rewrite <with> \"quotes\" & more.";
    auto conflict = asker.SubmitForm(edit, edit,
                                     {{"title", "Sore glutes from running, revised"},
                                      {"body", typed},
                                      {"tags", "running"},
                                      {"base_revision", "1"}});
    ASSERT_EQ(conflict.status, 409) << conflict.body.substr(0, 2000);
    EXPECT_TRUE(conflict.Contains("Someone else saved a newer version while you were editing."));
    EXPECT_TRUE(conflict.Contains(HtmlEscape(typed) + "</textarea>")) << conflict.body;
    EXPECT_TRUE(conflict.Contains("value=\"Sore glutes from running, revised\""));
    EXPECT_TRUE(conflict.Contains("name=\"base_revision\" value=\"2\""));
    EXPECT_TRUE(conflict.Contains("action=\"" + edit + "\""));

    // Nothing was lost: version two stands, and saving again from the new base works.
    Json before = ApiThread(server, id);
    EXPECT_EQ(before["body"], "Version two, from the other tab.");
    EXPECT_EQ(before["revision"], 2);
    auto again = asker.SubmitForm(edit, edit,
                                  {{"title", "Sore glutes from running, revised"},
                                   {"body", typed},
                                   {"tags", "running"},
                                   {"base_revision", "2"}});
    ASSERT_EQ(again.status, 303) << again.body.substr(0, 2000);
    Json after = ApiThread(server, id);
    EXPECT_EQ(after["body"], typed);
    EXPECT_EQ(after["revision"], 3);

    // Saving the form unchanged makes no revision.
    auto unchanged = asker.SubmitForm(edit, edit,
                                      {{"title", "Sore glutes from running, revised"},
                                       {"body", typed},
                                       {"tags", "running"},
                                       {"base_revision", "3"}});
    EXPECT_EQ(unchanged.status, 303);
    EXPECT_EQ(ApiThread(server, id)["revision"], 3);
    auto history = server.ApiClient().Get("/api/v1/hoots/" + id + "/revisions");
    EXPECT_EQ(Json::parse(history.body)["revisions"].size(), 3u);

    // Bad input comes back as the form with 422.
    auto bad = asker.SubmitForm(
        edit, edit, {{"title", "Hi"}, {"body", "Body."}, {"tags", ""}, {"base_revision", "3"}});
    EXPECT_EQ(bad.status, 422);
    EXPECT_TRUE(bad.Contains("value=\"Hi\""));
}

TEST(ThreadPagesEdits, CommentEditFormAndItsHistory) {
    TestServer server;
    auto asker = server.SignUp("asker");
    auto answerer = server.SignUp("answerer");
    std::string thread = PostHoot(asker, "Sore glutes from running", "Question.");
    std::string comment = CommentIdOf(PostComment(answerer, thread, "Stretch once a day."));
    const std::string edit = "/posts/" + comment + "/edit";

    EXPECT_EQ(asker.Get(edit).status, 403);
    auto form = answerer.Get(edit);
    ASSERT_EQ(form.status, 200);
    EXPECT_TRUE(form.Contains("Edit comment"));
    EXPECT_FALSE(form.Contains("name=\"title\""));
    EXPECT_TRUE(form.Contains("Stretch once a day.</textarea>"));

    auto saved =
        answerer.SubmitForm(edit, edit, {{"body", "Stretch twice a day."}, {"base_revision", "1"}});
    ASSERT_EQ(saved.status, 303) << saved.body.substr(0, 2000);
    EXPECT_EQ(saved.Header("location"), thread + "#c-" + comment);
    auto conflict = answerer.SubmitForm(
        edit, edit, {{"body", "Stretch thrice a day."}, {"base_revision", "1"}});
    EXPECT_EQ(conflict.status, 409);
    EXPECT_TRUE(conflict.Contains("Stretch thrice a day.</textarea>"));

    auto page = server.Client().Get(thread);
    EXPECT_TRUE(page.Contains("Stretch twice a day."));
    EXPECT_FALSE(page.Contains("Stretch once a day."));
    EXPECT_TRUE(CommentArticle(page.body, comment).find("/posts/" + comment + "/revisions") !=
                std::string::npos);
    auto history = server.Client().Get("/posts/" + comment + "/revisions");
    ASSERT_EQ(history.status, 200);
    EXPECT_TRUE(Marked(history.body, "del", "once")) << history.body;
    EXPECT_TRUE(Marked(history.body, "ins", "twice"));
}

// ---- reactions ----

TEST(ThreadPagesReactions, FormTogglesRedirectsBackAndMarksTheReadersOwn) {
    TestServer server;
    auto asker = server.SignUp("asker");
    auto answerer = server.SignUp("answerer");
    auto reader = server.SignUp("reader");
    std::string thread = PostHoot(asker, "Sore glutes from running", "Question.");
    std::string comment = CommentIdOf(PostComment(answerer, thread, "An answer."));
    const std::string helpful = "/posts/" + comment + "/reactions/helpful";

    auto added = reader.SubmitForm(thread, helpful, {});
    ASSERT_EQ(added.status, 303) << added.body.substr(0, 2000);
    EXPECT_EQ(added.Header("location"), thread + "#c-" + comment);

    auto mine = reader.Get(thread);
    std::string helpful_form = ReactionForm(mine.body, comment, "helpful");
    ASSERT_FALSE(helpful_form.empty()) << mine.body;
    EXPECT_NE(helpful_form.find("aria-pressed=\"true\""), std::string::npos) << helpful_form;
    EXPECT_NE(helpful_form.find(">1<"), std::string::npos) << helpful_form;
    std::string like_form = ReactionForm(mine.body, comment, "like");
    EXPECT_NE(like_form.find("aria-pressed=\"false\""), std::string::npos) << like_form;
    std::string article = CommentArticle(mine.body, comment);
    EXPECT_NE(article.find("44% popularity"), std::string::npos) << article;
    EXPECT_NE(article.find("1 Reactions"), std::string::npos);

    // Anonymous readers see the counts, without buttons.
    auto anonymous = server.Client().Get(thread);
    EXPECT_TRUE(ReactionForm(anonymous.body, comment, "helpful").empty());
    std::string anonymous_article = CommentArticle(anonymous.body, comment);
    EXPECT_NE(anonymous_article.find("Helpful 1"), std::string::npos) << anonymous_article;
    EXPECT_NE(anonymous_article.find("44% popularity"), std::string::npos);
    // The author cannot react to their own comment, and gets no buttons for it.
    EXPECT_TRUE(ReactionForm(answerer.Get(thread).body, comment, "helpful").empty());
    EXPECT_EQ(answerer.SubmitForm(thread, helpful, {}).status, 403);
    EXPECT_EQ(reader.SubmitForm(thread, "/posts/" + comment + "/reactions/love", {}).status, 404);

    // A second press takes it back.
    auto removed = reader.SubmitForm(thread, helpful, {});
    ASSERT_EQ(removed.status, 303);
    auto after = reader.Get(thread);
    EXPECT_NE(ReactionForm(after.body, comment, "helpful").find("aria-pressed=\"false\""),
              std::string::npos);
    std::string after_article = CommentArticle(server.Client().Get(thread).body, comment);
    EXPECT_EQ(after_article.find("Helpful 1"), std::string::npos);
    EXPECT_NE(after_article.find("10% popularity"), std::string::npos);
    EXPECT_NE(after_article.find("0 Reactions"), std::string::npos);

    // Reacting to the hoot itself works the same way.
    std::string id = HootIdOf(thread);
    ASSERT_EQ(reader.SubmitForm(thread, "/posts/" + id + "/reactions/insightful", {}).status, 303);
    EXPECT_NE(ReactionForm(reader.Get(thread).body, id, "insightful").find("aria-pressed=\"true\""),
              std::string::npos);
    auto anonymous_after = server.Client().Get(thread);
    EXPECT_TRUE(anonymous_after.Contains("Insightful 1"));
    EXPECT_TRUE(anonymous_after.Contains("44% popularity"));

    // Anonymous presses are refused.
    auto stranger = server.Client();
    auto refused = stranger.SubmitForm(thread, helpful, {});
    EXPECT_TRUE(refused.status == 401 || refused.status == 303) << refused.status;
    if (refused.status == 303) {
        EXPECT_TRUE(refused.Header("location").starts_with("/login"));
    }
}

TEST(ThreadPagesReactions, BestOrderOnThePageTiesByAgeOthersByTime) {
    TestServer server;
    auto asker = server.SignUp("asker");
    auto r1 = server.SignUp("reader1");
    auto r2 = server.SignUp("reader2");
    std::string thread = PostHoot(asker, "Sore glutes from running", "Question.");
    std::string c1 = CommentIdOf(PostComment(asker, thread, "First comment."));
    std::string c2 = CommentIdOf(PostComment(asker, thread, "Second comment."));
    std::string c3 = CommentIdOf(PostComment(asker, thread, "Third comment."));
    std::string c4 = CommentIdOf(PostComment(asker, thread, "Fourth comment."));
    auto react = [&](HttpClient& who, const std::string& post, const std::string& kind) {
        auto response = who.SubmitForm(thread, "/posts/" + post + "/reactions/" + kind, {});
        ASSERT_EQ(response.status, 303) << response.body.substr(0, 1000);
    };
    react(r1, c3, "like");
    react(r2, c3, "helpful");
    react(r1, c2, "like");
    react(r2, c4, "insightful");

    auto positions = [](const std::string& html, const std::vector<std::string>& ids) {
        std::vector<std::size_t> at;
        for (const auto& id : ids) at.push_back(PositionOf(html, "id=\"c-" + id + "\""));
        return at;
    };
    auto in_order = [](const std::vector<std::size_t>& at) {
        for (std::size_t i = 0; i + 1 < at.size(); ++i)
            if (at[i] == std::string::npos || at[i] >= at[i + 1]) return false;
        return at.back() != std::string::npos;
    };

    auto best = server.Client().Get(thread + "?sort=best");
    ASSERT_EQ(best.status, 200);
    EXPECT_TRUE(best.Contains("Sorted by best first"));
    EXPECT_TRUE(best.Contains("?sort=best\" aria-current=\"true\">Best</a>")) << best.body;
    // c3 (2 positive), then c2 and c4 (1 each, older first), then c1.
    EXPECT_TRUE(in_order(positions(best.body, {c3, c2, c4, c1})));

    auto latest = server.Client().Get(thread);
    EXPECT_TRUE(latest.Contains("Sorted by latest first"));
    EXPECT_TRUE(in_order(positions(latest.body, {c4, c3, c2, c1})));
    auto oldest = server.Client().Get(thread + "?sort=oldest");
    EXPECT_TRUE(oldest.Contains("Sorted by oldest first"));
    EXPECT_TRUE(in_order(positions(oldest.body, {c1, c2, c3, c4})));
    EXPECT_EQ(server.Client().Get(thread + "?sort=sideways").status, 400);

    // The API agrees.
    Json api = ApiThread(server, HootIdOf(thread), "?sort=best");
    std::vector<std::string> ids;
    for (const auto& c : api["comments"]) ids.push_back(std::to_string(c["id"].get<long long>()));
    EXPECT_EQ(ids, (std::vector<std::string>{c3, c2, c4, c1}));
}

// ---- replies ----

TEST(ThreadPagesReplies, RepliesShowInTimeOrderWithLinksAndEscapedText) {
    TestServer server;
    auto asker = server.SignUp("asker");
    auto reader = server.SignUp("reader");
    std::string thread = PostHoot(asker, "Sore glutes from running", "Question.");
    std::string id = HootIdOf(thread);
    std::string comment = CommentIdOf(PostComment(reader, thread, "An answer."));

    auto first = reader.SubmitForm(thread, "/posts/" + id + "/replies",
                                   {{"body", "Which side? See https://example.org/hips please."}});
    ASSERT_EQ(first.status, 303) << first.body.substr(0, 1000);
    EXPECT_EQ(first.Header("location"), thread);
    auto second = asker.SubmitForm(thread, "/posts/" + id + "/replies",
                                   {{"body", "Both. <script>alert(1)</script>"}});
    ASSERT_EQ(second.status, 303);
    auto on_comment = asker.SubmitForm(thread, "/posts/" + comment + "/replies",
                                       {{"body", "Thanks, www.example.com helped."}});
    ASSERT_EQ(on_comment.status, 303);
    EXPECT_EQ(on_comment.Header("location"), thread + "#c-" + comment);

    auto page = server.Client().Get(thread);
    ASSERT_EQ(page.status, 200);
    EXPECT_EQ(Count(page.body, "<ul class=\"replies\""), 2u);
    auto list = PositionOf(page.body, "<ul class=\"replies\"");
    auto r1 = PositionOf(page.body, "Which side?");
    auto r2 = PositionOf(page.body, "Both. ");
    ASSERT_NE(list, std::string::npos);
    EXPECT_LT(list, r1);
    EXPECT_LT(r1, r2);
    EXPECT_LT(r2, PositionOf(page.body, "Comments</h2>"));  // the hoot's replies come first
    EXPECT_TRUE(page.Contains("<a href=\"https://example.org/hips\" rel=\"nofollow ugc\">"))
        << page.body;
    EXPECT_TRUE(page.Contains("rel=\"nofollow ugc\">www.example.com</a>"));
    EXPECT_FALSE(page.Contains("<script>alert(1)"));
    EXPECT_TRUE(page.Contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    std::string article = CommentArticle(page.body, comment);
    EXPECT_NE(article.find("<ul class=\"replies\""), std::string::npos);
    EXPECT_NE(article.find("www.example.com"), std::string::npos);

    auto too_long =
        reader.SubmitForm(thread, "/posts/" + id + "/replies", {{"body", std::string(601, 'x')}});
    EXPECT_EQ(too_long.status, 422);
    EXPECT_TRUE(too_long.Contains("A reply is at most 600 characters."));
    auto anonymous = server.Client();
    auto refused = anonymous.SubmitForm(thread, "/posts/" + id + "/replies", {{"body", "Hi"}});
    EXPECT_TRUE(refused.status == 401 || refused.status == 303) << refused.status;
    EXPECT_EQ(Count(server.Client().Get(thread).body, "<li class=\"reply\""), 3u);
}

// ---- Load Full ----

TEST(ThreadPagesLoadFull, TwentyCommentsFirstThenLoadFullShowsTheRest) {
    TestServer server;
    std::string token = server.ApiSignUp("asker");
    auto api = server.ApiClient();
    auto created = api.PostJson(
        "/api/v1/hoots", Json{{"title", "Sore glutes from running"}, {"body", "Question."}}.dump(),
        Bearer(token));
    ASSERT_EQ(created.status, 201);
    std::string thread = Json::parse(created.body)["url"].get<std::string>();
    std::string id = HootIdOf(thread);
    for (int i = 1; i <= 25; ++i) {
        char body[32];
        std::snprintf(body, sizeof body, "Comment number %02d.", i);
        auto response = api.PostJson("/api/v1/hoots/" + id + "/comments",
                                     Json{{"body", body}}.dump(), Bearer(token));
        ASSERT_EQ(response.status, 201);
    }

    auto page = server.Client().Get(thread);
    ASSERT_EQ(page.status, 200);
    EXPECT_EQ(Count(page.body, "<article class=\"comment"), 20u);
    EXPECT_TRUE(page.Contains("25 Comments"));
    EXPECT_TRUE(page.Contains("Load Full (5)")) << page.body;
    EXPECT_TRUE(page.Contains("Comment number 25."));  // latest first
    EXPECT_FALSE(page.Contains("Comment number 05."));
    std::string href = LoadFullHref(page.body);
    ASSERT_FALSE(href.empty());
    EXPECT_NE(href.find("full=1"), std::string::npos) << href;

    auto full = server.Client().Get(href);
    ASSERT_EQ(full.status, 200) << href;
    EXPECT_EQ(Count(full.body, "<article class=\"comment"), 25u);
    EXPECT_FALSE(full.Contains("Load Full"));
    EXPECT_LT(PositionOf(full.body, "Comment number 25."),
              PositionOf(full.body, "Comment number 01."));

    auto oldest = server.Client().Get(thread + "?sort=oldest");
    EXPECT_EQ(Count(oldest.body, "<article class=\"comment"), 20u);
    EXPECT_TRUE(oldest.Contains("Comment number 01."));
    EXPECT_FALSE(oldest.Contains("Comment number 21."));
    std::string oldest_href = LoadFullHref(oldest.body);
    EXPECT_NE(oldest_href.find("sort=oldest"), std::string::npos) << oldest_href;
    auto oldest_full = server.Client().Get(oldest_href);
    EXPECT_EQ(Count(oldest_full.body, "<article class=\"comment"), 25u);
    EXPECT_LT(PositionOf(oldest_full.body, "Comment number 01."),
              PositionOf(oldest_full.body, "Comment number 25."));

    // The API asks for what it shows, too.
    Json limited = ApiThread(server, id, "?limit=20");
    EXPECT_EQ(limited["comments"].size(), 20u);
    EXPECT_EQ(limited["comments_not_shown"], 5);

    // Exactly a first page: nothing more to load.
    auto second = api.PostJson(
        "/api/v1/hoots", Json{{"title", "Exactly twenty comments"}, {"body", "Question."}}.dump(),
        Bearer(token));
    std::string second_thread = Json::parse(second.body)["url"].get<std::string>();
    std::string second_id = HootIdOf(second_thread);
    for (int i = 0; i < 20; ++i)
        api.PostJson("/api/v1/hoots/" + second_id + "/comments", Json{{"body", "Another."}}.dump(),
                     Bearer(token));
    auto exact = server.Client().Get(second_thread);
    EXPECT_EQ(Count(exact.body, "<article class=\"comment"), 20u);
    EXPECT_FALSE(exact.Contains("Load Full"));
}

// ---- delete and restore ----

TEST(ThreadPagesDelete, DeletedCommentLeavesAPlaceholderAndAModeratorRestoresIt) {
    TestServer server;
    auto asker = server.SignUp("asker");
    auto answerer = server.SignUp("answerer");
    std::string thread = PostHoot(asker, "Sore glutes from running", "Question.");
    PostComment(answerer, thread, "A comment that stays.");
    std::string doomed = CommentIdOf(PostComment(answerer, thread, "Regrettable advice here."));
    ASSERT_EQ(asker
                  .SubmitForm(thread, "/posts/" + doomed + "/replies",
                              {{"body", "A reply that outlives it."}})
                  .status,
              303);
    EXPECT_TRUE(server.Client().Get(thread).Contains("2 Comments"));

    EXPECT_EQ(asker.SubmitForm(thread, "/posts/" + doomed + "/delete", {}).status, 403);
    EXPECT_FALSE(asker.Get(thread).Contains("action=\"/posts/" + doomed + "/delete\""));
    EXPECT_TRUE(answerer.Get(thread).Contains("action=\"/posts/" + doomed + "/delete\""));

    auto deleted = answerer.SubmitForm(thread, "/posts/" + doomed + "/delete", {});
    ASSERT_EQ(deleted.status, 303) << deleted.body.substr(0, 1000);
    EXPECT_EQ(PathOf(deleted.Header("location")), thread);

    auto page = server.Client().Get(thread);
    ASSERT_EQ(page.status, 200);
    std::string placeholder = CommentArticle(page.body, doomed);
    EXPECT_NE(placeholder.find("This comment was deleted."), std::string::npos) << placeholder;
    EXPECT_NE(placeholder.find("A reply that outlives it."), std::string::npos);
    EXPECT_EQ(placeholder.find("/u/answerer"), std::string::npos) << "the author is gone too";
    EXPECT_FALSE(page.Contains("Regrettable"));
    EXPECT_TRUE(page.Contains("A comment that stays."));
    EXPECT_TRUE(page.Contains("1 Comments"));
    EXPECT_EQ(Count(page.body, "<article class=\"comment"), 2u);  // the placeholder keeps its place
    // Not in the API either, for anyone but moderators.
    EXPECT_EQ(server.ApiClient().Get("/api/v1/hoots/" + HootIdOf(thread)).body.find("Regrettable"),
              std::string::npos);

    // A moderator sees a restore button and brings it back from the database.
    auto moderator = ModeratorClient(server, "moddy");
    auto as_moderator = moderator.Get(thread);
    EXPECT_TRUE(as_moderator.Contains("action=\"/posts/" + doomed + "/restore\""));
    EXPECT_FALSE(answerer.Get(thread).Contains("action=\"/posts/" + doomed + "/restore\""));
    EXPECT_EQ(answerer.SubmitForm(thread, "/posts/" + doomed + "/restore", {}).status, 403);
    auto restored = moderator.SubmitForm(thread, "/posts/" + doomed + "/restore", {});
    ASSERT_EQ(restored.status, 303) << restored.body.substr(0, 1000);
    auto back = server.Client().Get(thread);
    EXPECT_TRUE(back.Contains("Regrettable advice here."));
    EXPECT_FALSE(back.Contains("This comment was deleted."));
    EXPECT_TRUE(back.Contains("2 Comments"));
    EXPECT_TRUE(back.Contains("A reply that outlives it."));

    // A moderator may delete someone else's comment.
    auto removed = moderator.SubmitForm(thread, "/posts/" + doomed + "/delete", {});
    EXPECT_EQ(removed.status, 303);
    EXPECT_TRUE(server.Client().Get(thread).Contains("This comment was deleted."));
}

TEST(ThreadPagesDelete, DeletedHootIsGoneForReadersAndShownToModerators) {
    TestServer server;
    auto asker = server.SignUp("asker");
    auto stranger = server.SignUp("stranger");
    std::string thread = PostHoot(asker, "Sore glutes from running", "A question to delete.");
    std::string id = HootIdOf(thread);

    EXPECT_EQ(stranger.SubmitForm(thread, "/posts/" + id + "/delete", {}).status, 403);
    auto deleted = asker.SubmitForm(thread, "/posts/" + id + "/delete", {});
    ASSERT_EQ(deleted.status, 303);
    EXPECT_EQ(deleted.Header("location"), "/");

    EXPECT_EQ(server.Client().Get(thread).status, 404);
    EXPECT_EQ(asker.Get(thread).status, 404);
    EXPECT_FALSE(server.Client().Get("/").Contains("Sore glutes from running"));

    auto moderator = ModeratorClient(server, "moddy");
    auto seen = moderator.Get(thread);
    ASSERT_EQ(seen.status, 200);
    EXPECT_TRUE(seen.Contains("This hoot is deleted"));
    EXPECT_TRUE(seen.Contains("A question to delete."));
    EXPECT_FALSE(seen.Contains("application/ld+json"));
    EXPECT_TRUE(seen.Contains("action=\"/posts/" + id + "/restore\""));

    auto restored = moderator.SubmitForm(thread, "/posts/" + id + "/restore", {});
    ASSERT_EQ(restored.status, 303);
    auto back = server.Client().Get(thread);
    EXPECT_EQ(back.status, 200);
    EXPECT_TRUE(back.Contains("A question to delete."));
    EXPECT_FALSE(back.Contains("This hoot is deleted"));
}

// ---- structured data ----

TEST(ThreadPagesStructuredData, JsonLdDescribesTheQuestionAndItsAnswers) {
    TestServer server;
    auto asker = server.SignUp("asker");
    auto answerer = server.SignUp("answerer");
    auto r1 = server.SignUp("reader1");
    auto r2 = server.SignUp("reader2");
    std::string thread = PostHoot(asker, "Sore glutes from running", "Why *so* sore?", "running");
    std::string id = HootIdOf(thread);
    std::string liked = CommentIdOf(PostComment(answerer, thread, "Tight piriformis."));
    std::string plain = CommentIdOf(PostComment(answerer, thread, "Or weak abductors."));
    std::string gone = CommentIdOf(PostComment(answerer, thread, "Deleted advice."));
    auto press = [&](HttpClient& who, const std::string& post, const std::string& kind) {
        ASSERT_EQ(who.SubmitForm(thread, "/posts/" + post + "/reactions/" + kind, {}).status, 303);
    };
    press(r1, liked, "helpful");
    press(r2, liked, "like");
    press(r1, plain, "disagree");  // not an upvote
    press(r1, id, "insightful");
    ASSERT_EQ(asker
                  .SubmitForm(thread, "/posts/" + id + "/updates",
                              {{"heading", "Final Update"}, {"body", "It went away."}})
                  .status,
              303);
    ASSERT_EQ(answerer.SubmitForm(thread, "/posts/" + gone + "/delete", {}).status, 303);

    auto page = server.Client().Get(thread);
    ASSERT_EQ(page.status, 200);
    EXPECT_TRUE(page.Contains("<link rel=\"canonical\" href=\"" + thread + "\">")) << page.body;
    EXPECT_TRUE(server.Client()
                    .Get(thread + "?sort=best")
                    .Contains("<link rel=\"canonical\" href=\"" + thread + "\">"));

    Json ld = JsonLd(page.body);
    ASSERT_TRUE(ld.is_object());
    EXPECT_EQ(ld["@context"], "https://schema.org");
    EXPECT_EQ(ld["@type"], "QAPage");
    const Json& question = ld["mainEntity"];
    EXPECT_EQ(question["@type"], "Question");
    EXPECT_EQ(question["name"], "Sore glutes from running");
    EXPECT_EQ(question["answerCount"], 2);
    EXPECT_EQ(question["upvoteCount"], 1);
    EXPECT_EQ(question["author"]["name"], "asker");
    EXPECT_TRUE(question.contains("dateCreated"));
    const std::string text = question["text"].get<std::string>();
    EXPECT_NE(text.find("Why so sore?"), std::string::npos) << text;
    EXPECT_NE(text.find("Final Update"), std::string::npos) << text;
    EXPECT_NE(text.find("It went away."), std::string::npos) << text;
    ASSERT_TRUE(question["suggestedAnswer"].is_array());
    ASSERT_EQ(question["suggestedAnswer"].size(), 2u) << question.dump(2);
    bool saw_liked = false, saw_plain = false;
    for (const auto& answer : question["suggestedAnswer"]) {
        EXPECT_EQ(answer["@type"], "Answer");
        EXPECT_EQ(answer["author"]["name"], "answerer");
        EXPECT_TRUE(answer.contains("dateCreated"));
        const std::string url = answer["url"].get<std::string>();
        if (url.ends_with("#c-" + liked)) {
            saw_liked = true;
            EXPECT_EQ(answer["upvoteCount"], 2);
            EXPECT_EQ(answer["text"], "Tight piriformis.");
        } else if (url.ends_with("#c-" + plain)) {
            saw_plain = true;
            EXPECT_EQ(answer["upvoteCount"], 0);
        } else {
            ADD_FAILURE() << "unexpected answer " << answer.dump();
        }
    }
    EXPECT_TRUE(saw_liked);
    EXPECT_TRUE(saw_plain);
    EXPECT_EQ(page.body.find("Deleted advice."), std::string::npos);
}

}  // namespace
