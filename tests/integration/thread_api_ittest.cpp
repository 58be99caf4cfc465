// The whole thread through the JSON API (issue 3): updates, edits and their revisions, reactions
// and popularity, the Best order, replies and deletion, with who may do what and bad input.
// Page-side checks of the same operations live in thread_pages_ittest.cpp.

#include <gtest/gtest.h>

#include <atomic>
#include <latch>
#include <nlohmann/json.hpp>
#include <optional>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "support/test_server.hpp"

namespace {

using hoot::testing::Bearer;
using hoot::testing::HeaderList;
using hoot::testing::HttpClient;
using hoot::testing::HttpResponse;
using hoot::testing::kTestPassword;
using hoot::testing::PositionOf;
using hoot::testing::TestServer;
using Json = nlohmann::json;

// One API call as curl would make it: no cookies, a bearer token when given, a JSON body when
// given.
HttpResponse Call(const TestServer& server, const std::string& method, const std::string& target,
                  const std::string& token = "", const std::optional<Json>& body = std::nullopt) {
    HttpClient client = server.ApiClient();
    HeaderList headers;
    if (!token.empty()) headers = Bearer(token);
    std::string text;
    if (body) {
        headers.emplace_back("Content-Type", "application/json");
        text = body->dump();
    }
    return client.Send(method, target, headers, text);
}

// The body as JSON; a failure (and null) when it is not JSON.
Json JsonOf(const HttpResponse& response) {
    Json parsed = Json::parse(response.body, nullptr, false);
    if (parsed.is_discarded()) {
        ADD_FAILURE() << "not JSON (status " << response.status
                      << "): " << response.body.substr(0, 500);
        return Json();
    }
    return parsed;
}

std::string ErrorCode(const HttpResponse& response) {
    Json json = JsonOf(response);
    if (!json.is_object() || !json.contains("error")) return "(no error object)";
    return json["error"].value("code", "(no code)");
}

std::string ErrorField(const HttpResponse& response) {
    Json json = JsonOf(response);
    if (!json.is_object() || !json.contains("error")) return "(no error object)";
    return json["error"].value("field", "");
}

std::runtime_error Unexpected(const std::string& what, const HttpResponse& response) {
    return std::runtime_error(what + ": status " + std::to_string(response.status) + ", body " +
                              response.body.substr(0, 1000));
}

struct NewHoot {
    std::int64_t id = 0;
    std::string url;  // /hoots/{id}/{slug}
};

NewHoot AskApi(const TestServer& server, const std::string& token, const std::string& title,
               const std::string& body, const std::vector<std::string>& tags = {}) {
    auto response = Call(server, "POST", "/api/v1/hoots", token,
                         Json{{"title", title}, {"body", body}, {"tags", tags}});
    if (response.status != 201) throw Unexpected("creating hoot '" + title + "'", response);
    Json json = JsonOf(response);
    return {json.at("id").get<std::int64_t>(), json.at("url").get<std::string>()};
}

std::int64_t CommentApi(const TestServer& server, const std::string& token, std::int64_t hoot,
                        const std::string& body) {
    auto response = Call(server, "POST", "/api/v1/hoots/" + std::to_string(hoot) + "/comments",
                         token, Json{{"body", body}});
    if (response.status != 201) throw Unexpected("commenting on " + std::to_string(hoot), response);
    return JsonOf(response).at("id").get<std::int64_t>();
}

// A moderator (users.is_admin) made the way an operator would, signed in through the API.
std::string ModeratorToken(TestServer& server, const std::string& name) {
    auto user = server.app().services().accounts.CreateUser(name, kTestPassword, true);
    if (!user) throw std::runtime_error("could not create moderator " + name);
    auto response = Call(server, "POST", "/api/v1/auth/login", "",
                         Json{{"username", name}, {"password", kTestPassword}});
    if (response.status != 200) throw Unexpected("moderator sign-in", response);
    return JsonOf(response).at("token").get<std::string>();
}

Json GetHoot(const TestServer& server, std::int64_t hoot, const std::string& query = "",
             const std::string& token = "") {
    auto response = Call(server, "GET", "/api/v1/hoots/" + std::to_string(hoot) + query, token);
    EXPECT_EQ(response.status, 200) << response.body.substr(0, 500);
    return JsonOf(response);
}

std::string Post(std::int64_t id) { return "/api/v1/posts/" + std::to_string(id); }
std::string Hoot(std::int64_t id) { return "/api/v1/hoots/" + std::to_string(id); }

HttpResponse React(const TestServer& server, const std::string& token, std::int64_t post,
                   const std::string& kind, bool add = true) {
    return Call(server, add ? "PUT" : "DELETE", Post(post) + "/reactions/" + kind, token);
}

// Reacts and insists it worked (for setting up counts).
void MustReact(const TestServer& server, const std::string& token, std::int64_t post,
               const std::string& kind) {
    auto response = React(server, token, post, kind);
    if (response.status != 200) throw Unexpected("reacting " + kind, response);
}

// The comment with `id` in a thread's JSON, or null.
Json CommentIn(const Json& thread, std::int64_t id) {
    for (const auto& comment : thread.at("comments"))
        if (comment.at("id").get<std::int64_t>() == id) return comment;
    return Json();
}

std::vector<std::int64_t> CommentIds(const Json& thread) {
    std::vector<std::int64_t> ids;
    for (const auto& comment : thread.at("comments"))
        ids.push_back(comment.at("id").get<std::int64_t>());
    return ids;
}

// Whether some <tag>…</tag> in `html` contains `word` (a diff marks words with the spaces
// around them as one piece, so the exact boundaries are not asserted).
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

// ---- updates ----

TEST(ThreadApiUpdates, AuthorAddsUpdatesWithHeadingOrDefaultShownInOrder) {
    TestServer server;
    std::string asker = server.ApiSignUp("asker");
    std::string answerer = server.ApiSignUp("answerer");
    NewHoot hoot = AskApi(server, asker, "Sore glutes from running", "Why are they *sore*?");
    std::int64_t comment = CommentApi(server, answerer, hoot.id, "A tight piriformis.");

    auto first = Call(server, "POST", Hoot(hoot.id) + "/updates", asker,
                      Json{{"body", "No **tingling** at all."}});
    ASSERT_EQ(first.status, 201) << first.body;
    Json first_json = JsonOf(first);
    EXPECT_EQ(first_json["heading"], "UPDATE");
    EXPECT_EQ(first_json["post_id"], hoot.id);
    EXPECT_EQ(first_json["body"], "No **tingling** at all.");
    EXPECT_NE(first_json["body_html"].get<std::string>().find("<strong>tingling</strong>"),
              std::string::npos);
    EXPECT_TRUE(first_json.contains("created_at"));
    EXPECT_TRUE(first_json.contains("id"));

    auto second =
        Call(server, "POST", Post(hoot.id) + "/updates", asker,
             Json{{"heading", "  Response to Mike-DHSc  "}, {"body", "I work at a desk."}});
    ASSERT_EQ(second.status, 201) << second.body;
    EXPECT_EQ(JsonOf(second)["heading"], "Response to Mike-DHSc");
    auto third = Call(server, "POST", Hoot(hoot.id) + "/updates", asker,
                      Json{{"heading", "Final Update"}, {"body", "It has gone away."}});
    ASSERT_EQ(third.status, 201) << third.body;

    // The comment's author updates the comment through the post id.
    auto on_comment = Call(server, "POST", Post(comment) + "/updates", answerer,
                           Json{{"heading", ""}, {"body", "Some follow-up questions."}});
    ASSERT_EQ(on_comment.status, 201) << on_comment.body;
    EXPECT_EQ(JsonOf(on_comment)["heading"], "UPDATE");
    EXPECT_EQ(JsonOf(on_comment)["post_id"], comment);

    Json thread = GetHoot(server, hoot.id);
    ASSERT_EQ(thread["updates"].size(), 3u);
    EXPECT_EQ(thread["updates"][0]["heading"], "UPDATE");
    EXPECT_EQ(thread["updates"][1]["heading"], "Response to Mike-DHSc");
    EXPECT_EQ(thread["updates"][2]["heading"], "Final Update");
    EXPECT_EQ(thread["updates"][2]["body"], "It has gone away.");
    Json comment_json = CommentIn(thread, comment);
    ASSERT_TRUE(comment_json.is_object());
    ASSERT_EQ(comment_json["updates"].size(), 1u);
    EXPECT_EQ(comment_json["updates"][0]["body"], "Some follow-up questions.");

    // On the page: after the body, in order, each with its heading.
    auto page = server.Client().Get(hoot.url);
    ASSERT_EQ(page.status, 200);
    auto body = PositionOf(page.body, "Why are they <em>sore</em>?");
    auto u1 = PositionOf(page.body, "<h2>UPDATE</h2>");
    auto u2 = PositionOf(page.body, "<h2>Response to Mike-DHSc</h2>");
    auto u3 = PositionOf(page.body, "<h2>Final Update</h2>");
    auto comments = PositionOf(page.body, "1 Comments");
    ASSERT_NE(body, std::string::npos);
    ASSERT_NE(u1, std::string::npos) << page.body;
    ASSERT_NE(u2, std::string::npos);
    ASSERT_NE(u3, std::string::npos);
    EXPECT_LT(body, u1);
    EXPECT_LT(u1, u2);
    EXPECT_LT(u2, u3);
    EXPECT_LT(u3, comments);
    EXPECT_TRUE(page.Contains("No <strong>tingling</strong> at all."));
    EXPECT_TRUE(page.Contains("Some follow-up questions."));
}

TEST(ThreadApiUpdates, OnlyTheAuthorOrAModeratorMayAddOne) {
    TestServer server;
    std::string asker = server.ApiSignUp("asker");
    std::string stranger = server.ApiSignUp("stranger");
    std::string moderator = ModeratorToken(server, "moddy");
    NewHoot hoot = AskApi(server, asker, "Sore glutes from running", "Body text.");
    std::int64_t comment = CommentApi(server, asker, hoot.id, "The asker's own comment.");

    auto forbidden =
        Call(server, "POST", Hoot(hoot.id) + "/updates", stranger, Json{{"body", "Not my post."}});
    EXPECT_EQ(forbidden.status, 403);
    EXPECT_EQ(ErrorCode(forbidden), "forbidden");
    auto forbidden_comment = Call(server, "POST", Post(comment) + "/updates", stranger,
                                  Json{{"body", "Not my comment."}});
    EXPECT_EQ(forbidden_comment.status, 403);
    auto anonymous =
        Call(server, "POST", Hoot(hoot.id) + "/updates", "", Json{{"body", "Who am I?"}});
    EXPECT_EQ(anonymous.status, 401);
    EXPECT_EQ(ErrorCode(anonymous), "unauthenticated");

    auto by_moderator = Call(server, "POST", Hoot(hoot.id) + "/updates", moderator,
                             Json{{"heading", "Moderator note"}, {"body", "Merged a duplicate."}});
    EXPECT_EQ(by_moderator.status, 201) << by_moderator.body;

    Json thread = GetHoot(server, hoot.id);
    ASSERT_EQ(thread["updates"].size(), 1u);
    EXPECT_EQ(thread["updates"][0]["heading"], "Moderator note");
}

TEST(ThreadApiUpdates, BadInputIs422NamingTheFieldAndUnknownPostIs404) {
    TestServer server;
    std::string asker = server.ApiSignUp("asker");
    NewHoot hoot = AskApi(server, asker, "Sore glutes from running", "Body text.");
    const std::string target = Hoot(hoot.id) + "/updates";

    auto empty = Call(server, "POST", target, asker, Json{{"body", "  \n "}});
    EXPECT_EQ(empty.status, 422);
    EXPECT_EQ(ErrorCode(empty), "invalid_input");
    EXPECT_EQ(ErrorField(empty), "body");

    auto two_lines =
        Call(server, "POST", target, asker, Json{{"heading", "One\nTwo"}, {"body", "Text."}});
    EXPECT_EQ(two_lines.status, 422);
    EXPECT_EQ(ErrorField(two_lines), "heading");

    auto too_long = Call(server, "POST", target, asker,
                         Json{{"heading", std::string(101, 'h')}, {"body", "Text."}});
    EXPECT_EQ(too_long.status, 422);
    EXPECT_EQ(ErrorField(too_long), "heading");

    auto missing = Call(server, "POST", target, asker, Json{{"heading", "No body"}});
    EXPECT_EQ(missing.status, 400);
    EXPECT_EQ(ErrorField(missing), "body");

    auto unknown =
        Call(server, "POST", "/api/v1/hoots/999999/updates", asker, Json{{"body", "Nowhere."}});
    EXPECT_EQ(unknown.status, 404);
    EXPECT_EQ(ErrorCode(unknown), "not_found");
    auto unknown_post =
        Call(server, "POST", Post(999999) + "/updates", asker, Json{{"body", "Nowhere."}});
    EXPECT_EQ(unknown_post.status, 404);

    // Nothing above was stored.
    EXPECT_TRUE(GetHoot(server, hoot.id)["updates"].empty());
}

// docs/api.md and the issue: a heading is one line of up to 100 characters.
TEST(ThreadApiUpdates, AHeadingOfExactlyOneHundredCharactersIsAccepted) {
    TestServer server;
    std::string asker = server.ApiSignUp("asker");
    NewHoot hoot = AskApi(server, asker, "Sore glutes from running", "Body text.");
    const std::string heading(100, 'h');
    auto response = Call(server, "POST", Hoot(hoot.id) + "/updates", asker,
                         Json{{"heading", heading}, {"body", "Text."}});
    EXPECT_EQ(response.status, 201) << response.body;
    auto sixty_five = Call(server, "POST", Hoot(hoot.id) + "/updates", asker,
                           Json{{"heading", std::string(65, 'x')}, {"body", "Text."}});
    EXPECT_EQ(sixty_five.status, 201) << sixty_five.body;
}

// ---- edits and revisions ----

TEST(ThreadApiEdits, PatchChangesTitleBodyTagsAndKeepsEveryRevision) {
    TestServer server;
    std::string asker = server.ApiSignUp("asker");
    NewHoot hoot =
        AskApi(server, asker, "Sore glutes from running", "The quick brown fox.", {"running"});
    EXPECT_EQ(GetHoot(server, hoot.id)["revision"], 1);

    auto edited = Call(server, "PATCH", Hoot(hoot.id), asker,
                       Json{{"title", "Sore glutes after running"},
                            {"body", "The slow brown fox."},
                            {"tags", Json::array({"Running", "glutes"})},
                            {"base_revision", 1}});
    ASSERT_EQ(edited.status, 200) << edited.body;
    Json json = JsonOf(edited);
    EXPECT_EQ(json["revision"], 2);
    EXPECT_EQ(json["title"], "Sore glutes after running");
    EXPECT_EQ(json["body"], "The slow brown fox.");
    EXPECT_NE(json["body_html"].get<std::string>().find("The slow brown fox."), std::string::npos);
    EXPECT_EQ(json["tags"], Json::array({"running", "glutes"}));
    EXPECT_EQ(json["url"], "/hoots/" + std::to_string(hoot.id) + "/sore-glutes-after-running");

    // Only the body this time: the title and tags keep their values.
    auto again = Call(server, "PATCH", Post(hoot.id), asker,
                      Json{{"body", "The slow brown dog."}, {"base_revision", 2}});
    ASSERT_EQ(again.status, 200) << again.body;
    Json again_json = JsonOf(again);
    EXPECT_EQ(again_json["revision"], 3);
    EXPECT_EQ(again_json["title"], "Sore glutes after running");
    EXPECT_EQ(again_json["tags"], Json::array({"running", "glutes"}));

    auto history = Call(server, "GET", Hoot(hoot.id) + "/revisions");
    ASSERT_EQ(history.status, 200) << history.body;
    Json revisions = JsonOf(history);
    EXPECT_EQ(revisions["post_id"], hoot.id);
    ASSERT_EQ(revisions["revisions"].size(), 3u) << history.body;
    const Json& original = revisions["revisions"][0];
    EXPECT_EQ(original["number"], 1);
    EXPECT_EQ(original["title"], "Sore glutes from running");
    EXPECT_EQ(original["body"], "The quick brown fox.");
    EXPECT_EQ(original["tags"], Json::array({"running"}));
    EXPECT_EQ(original["author"]["username"], "asker");
    EXPECT_TRUE(original.contains("created_at"));
    EXPECT_EQ(revisions["revisions"][1]["number"], 2);
    EXPECT_EQ(revisions["revisions"][1]["body"], "The slow brown fox.");
    EXPECT_EQ(revisions["revisions"][2]["number"], 3);
    EXPECT_EQ(revisions["revisions"][2]["body"], "The slow brown dog.");
    EXPECT_EQ(revisions["revisions"][2]["title"], "Sore glutes after running");

    // The same list under the post id.
    auto by_post = Call(server, "GET", Post(hoot.id) + "/revisions");
    ASSERT_EQ(by_post.status, 200);
    EXPECT_EQ(JsonOf(by_post)["revisions"].size(), 3u);

    // The history page shows the changed word of the body.
    auto page = server.Client().Get("/posts/" + std::to_string(hoot.id) + "/revisions");
    ASSERT_EQ(page.status, 200);
    EXPECT_TRUE(Marked(page.body, "del", "fox")) << page.body;
    EXPECT_TRUE(Marked(page.body, "ins", "dog"));
    EXPECT_TRUE(Marked(page.body, "del", "quick"));
    EXPECT_TRUE(Marked(page.body, "ins", "slow"));
}

TEST(ThreadApiEdits, StaleBaseRevisionIs409AndChangesNothing) {
    TestServer server;
    std::string asker = server.ApiSignUp("asker");
    NewHoot hoot = AskApi(server, asker, "Sore glutes from running", "First text.");
    auto first = Call(server, "PATCH", Hoot(hoot.id), asker,
                      Json{{"body", "Second text."}, {"base_revision", 1}});
    ASSERT_EQ(first.status, 200) << first.body;

    auto stale = Call(server, "PATCH", Hoot(hoot.id), asker,
                      Json{{"body", "Written from the first version."}, {"base_revision", 1}});
    EXPECT_EQ(stale.status, 409) << stale.body;
    EXPECT_EQ(ErrorCode(stale), "conflict");

    Json thread = GetHoot(server, hoot.id);
    EXPECT_EQ(thread["body"], "Second text.");
    EXPECT_EQ(thread["revision"], 2);
    EXPECT_EQ(JsonOf(Call(server, "GET", Hoot(hoot.id) + "/revisions"))["revisions"].size(), 2u);

    auto bad_type = Call(server, "PATCH", Hoot(hoot.id), asker,
                         Json{{"body", "x y z"}, {"base_revision", "two"}});
    EXPECT_EQ(bad_type.status, 400);
    EXPECT_EQ(ErrorField(bad_type), "base_revision");
    auto bad_title =
        Call(server, "PATCH", Hoot(hoot.id), asker, Json{{"title", "Hi"}, {"base_revision", 2}});
    EXPECT_EQ(bad_title.status, 422);
    EXPECT_EQ(ErrorField(bad_title), "title");
    auto empty_body =
        Call(server, "PATCH", Hoot(hoot.id), asker, Json{{"body", " "}, {"base_revision", 2}});
    EXPECT_EQ(empty_body.status, 422);
    EXPECT_EQ(ErrorField(empty_body), "body");
    auto unknown = Call(server, "PATCH", "/api/v1/hoots/999999", asker,
                        Json{{"body", "Nowhere."}, {"base_revision", 1}});
    EXPECT_EQ(unknown.status, 404);
    EXPECT_EQ(GetHoot(server, hoot.id)["revision"], 2);
}

TEST(ThreadApiEdits, AnUnchangedSaveMakesNoRevision) {
    TestServer server;
    std::string asker = server.ApiSignUp("asker");
    NewHoot hoot = AskApi(server, asker, "Sore glutes from running", "Same text.", {"running"});
    auto same = Call(server, "PATCH", Hoot(hoot.id), asker,
                     Json{{"title", "Sore glutes from running"},
                          {"body", "Same text."},
                          {"tags", Json::array({"running"})},
                          {"base_revision", 1}});
    ASSERT_EQ(same.status, 200) << same.body;
    EXPECT_EQ(JsonOf(same)["revision"], 1);
    auto nothing = Call(server, "PATCH", Hoot(hoot.id), asker, Json{{"base_revision", 1}});
    ASSERT_EQ(nothing.status, 200) << nothing.body;
    EXPECT_EQ(JsonOf(nothing)["revision"], 1);
    Json revisions = JsonOf(Call(server, "GET", Hoot(hoot.id) + "/revisions"));
    EXPECT_EQ(revisions["revisions"].size(), 1u) << revisions.dump();
}

TEST(ThreadApiEdits, OnlyTheAuthorOrAModeratorMayEdit) {
    TestServer server;
    std::string asker = server.ApiSignUp("asker");
    std::string stranger = server.ApiSignUp("stranger");
    std::string moderator = ModeratorToken(server, "moddy");
    NewHoot hoot = AskApi(server, asker, "Sore glutes from running", "Original text.");

    auto forbidden = Call(server, "PATCH", Hoot(hoot.id), stranger,
                          Json{{"body", "Vandalised."}, {"base_revision", 1}});
    EXPECT_EQ(forbidden.status, 403);
    EXPECT_EQ(ErrorCode(forbidden), "forbidden");
    auto anonymous =
        Call(server, "PATCH", Hoot(hoot.id), "", Json{{"body", "Anon."}, {"base_revision", 1}});
    EXPECT_EQ(anonymous.status, 401);
    EXPECT_EQ(GetHoot(server, hoot.id)["body"], "Original text.");

    auto by_moderator = Call(server, "PATCH", Hoot(hoot.id), moderator,
                             Json{{"body", "Original text, tidied."}, {"base_revision", 1}});
    ASSERT_EQ(by_moderator.status, 200) << by_moderator.body;
    Json revisions = JsonOf(Call(server, "GET", Hoot(hoot.id) + "/revisions"));
    ASSERT_EQ(revisions["revisions"].size(), 2u);
    EXPECT_EQ(revisions["revisions"][0]["author"]["username"], "asker");
    EXPECT_EQ(revisions["revisions"][1]["author"]["username"], "moddy");
}

TEST(ThreadApiEdits, CommentEditsKeepRevisionsToo) {
    TestServer server;
    std::string asker = server.ApiSignUp("asker");
    std::string answerer = server.ApiSignUp("answerer");
    NewHoot hoot = AskApi(server, asker, "Sore glutes from running", "Question.");
    std::int64_t comment = CommentApi(server, answerer, hoot.id, "Stretch the piriformis daily.");

    auto edited = Call(server, "PATCH", Post(comment), answerer,
                       Json{{"body", "Stretch the piriformis twice daily."}, {"base_revision", 1}});
    ASSERT_EQ(edited.status, 200) << edited.body;
    Json json = JsonOf(edited);
    EXPECT_EQ(json["id"], comment);
    EXPECT_EQ(json["hoot_id"], hoot.id);
    EXPECT_EQ(json["revision"], 2);
    EXPECT_EQ(json["body"], "Stretch the piriformis twice daily.");

    auto stale = Call(server, "PATCH", Post(comment), answerer,
                      Json{{"body", "Something else."}, {"base_revision", 1}});
    EXPECT_EQ(stale.status, 409);
    auto forbidden = Call(server, "PATCH", Post(comment), asker,
                          Json{{"body", "The asker does not own this."}, {"base_revision", 2}});
    EXPECT_EQ(forbidden.status, 403);
    auto unchanged =
        Call(server, "PATCH", Post(comment), answerer,
             Json{{"body", "Stretch the piriformis twice daily."}, {"base_revision", 2}});
    EXPECT_EQ(unchanged.status, 200);
    EXPECT_EQ(JsonOf(unchanged)["revision"], 2);

    auto history = Call(server, "GET", Post(comment) + "/revisions");
    ASSERT_EQ(history.status, 200);
    Json revisions = JsonOf(history);
    ASSERT_EQ(revisions["revisions"].size(), 2u);
    EXPECT_EQ(revisions["revisions"][0]["body"], "Stretch the piriformis daily.");
    EXPECT_EQ(revisions["revisions"][1]["body"], "Stretch the piriformis twice daily.");
    EXPECT_FALSE(revisions["revisions"][0].contains("title"));

    Json in_thread = CommentIn(GetHoot(server, hoot.id), comment);
    EXPECT_EQ(in_thread["body"], "Stretch the piriformis twice daily.");
    EXPECT_EQ(in_thread["revision"], 2);

    auto page = server.Client().Get("/posts/" + std::to_string(comment) + "/revisions");
    ASSERT_EQ(page.status, 200);
    EXPECT_TRUE(Marked(page.body, "ins", "twice")) << page.body;
}

TEST(ThreadApiEdits, TwoRacingEditsGiveOneSaveAndOneConflictAndLoseNoRevision) {
    TestServer server;
    std::string asker = server.ApiSignUp("asker");
    NewHoot hoot = AskApi(server, asker, "Sore glutes from running", "Round zero.");
    constexpr int kRounds = 8;
    std::vector<std::string> winners{"Round zero."};

    for (int round = 1; round <= kRounds; ++round) {
        const int base = round;  // every round starts from the revision the last one made
        std::latch start(2);
        std::vector<HttpResponse> results(2);
        std::vector<std::string> texts{"Round " + std::to_string(round) + " by A.",
                                       "Round " + std::to_string(round) + " by B."};
        std::vector<std::thread> editors;
        for (int who = 0; who < 2; ++who) {
            editors.emplace_back([&, who] {
                HttpClient client = server.ApiClient();
                HeaderList headers = Bearer(asker);
                headers.emplace_back("Content-Type", "application/json");
                std::string body = Json{{"body", texts[who]}, {"base_revision", base}}.dump();
                start.arrive_and_wait();
                results[who] = client.Send("PATCH", Hoot(hoot.id), headers, body);
            });
        }
        for (auto& editor : editors) editor.join();

        int saved = 0, conflicts = 0;
        int winner = -1;
        for (int who = 0; who < 2; ++who) {
            if (results[who].status == 200) {
                ++saved;
                winner = who;
            } else if (results[who].status == 409) {
                ++conflicts;
                EXPECT_EQ(ErrorCode(results[who]), "conflict");
            } else {
                ADD_FAILURE() << "round " << round << ": status " << results[who].status << " "
                              << results[who].body;
            }
        }
        ASSERT_EQ(saved, 1) << "round " << round;
        ASSERT_EQ(conflicts, 1) << "round " << round;
        EXPECT_EQ(JsonOf(results[winner])["revision"], round + 1);
        winners.push_back(texts[winner]);
    }

    Json thread = GetHoot(server, hoot.id);
    EXPECT_EQ(thread["revision"], kRounds + 1);
    EXPECT_EQ(thread["body"], winners.back());
    Json revisions = JsonOf(Call(server, "GET", Hoot(hoot.id) + "/revisions"))["revisions"];
    ASSERT_EQ(revisions.size(), static_cast<std::size_t>(kRounds + 1));
    for (int i = 0; i <= kRounds; ++i) {
        EXPECT_EQ(revisions[i]["number"], i + 1);
        EXPECT_EQ(revisions[i]["body"], winners[i]) << "revision " << i + 1;
    }
}

// ---- reactions and popularity ----

TEST(ThreadApiReactions, PutAddsDeleteRemovesBothIdempotent) {
    TestServer server;
    std::string asker = server.ApiSignUp("asker");
    std::string reader = server.ApiSignUp("reader");
    NewHoot hoot = AskApi(server, asker, "Sore glutes from running", "Question.");

    auto put = React(server, reader, hoot.id, "like");
    ASSERT_EQ(put.status, 200) << put.body;
    Json state = JsonOf(put);
    EXPECT_EQ(state["post_id"], hoot.id);
    EXPECT_EQ(state["popularity"], 44);
    EXPECT_EQ(state["reactions"]["like"], 1);
    EXPECT_EQ(state["reactions"]["helpful"], 0);
    EXPECT_EQ(state["reactions"]["insightful"], 0);
    EXPECT_EQ(state["reactions"]["disagree"], 0);
    EXPECT_EQ(state["reactions"]["positive"], 1);
    EXPECT_EQ(state["reactions"]["negative"], 0);
    EXPECT_EQ(state["reactions"]["total"], 1);
    EXPECT_EQ(state["mine"]["like"], true);
    EXPECT_EQ(state["mine"]["helpful"], false);

    auto twice = React(server, reader, hoot.id, "like");
    ASSERT_EQ(twice.status, 200);
    EXPECT_EQ(JsonOf(twice)["reactions"]["like"], 1);
    EXPECT_EQ(JsonOf(twice)["reactions"]["total"], 1);

    // The thread shows the counts to everyone and marks the reader's own.
    Json as_reader = GetHoot(server, hoot.id, "", reader);
    EXPECT_EQ(as_reader["reactions"]["like"], 1);
    EXPECT_EQ(as_reader["mine"]["like"], true);
    EXPECT_EQ(as_reader["popularity"], 44);
    Json anonymous = GetHoot(server, hoot.id);
    EXPECT_EQ(anonymous["reactions"]["like"], 1);
    EXPECT_EQ(anonymous["mine"]["like"], false);

    auto removed = React(server, reader, hoot.id, "like", false);
    ASSERT_EQ(removed.status, 200);
    EXPECT_EQ(JsonOf(removed)["reactions"]["like"], 0);
    EXPECT_EQ(JsonOf(removed)["mine"]["like"], false);
    EXPECT_EQ(JsonOf(removed)["popularity"], 10);
    auto removed_again = React(server, reader, hoot.id, "like", false);
    ASSERT_EQ(removed_again.status, 200);
    EXPECT_EQ(JsonOf(removed_again)["reactions"]["total"], 0);
    EXPECT_EQ(GetHoot(server, hoot.id)["popularity"], 10);
}

TEST(ThreadApiReactions, OwnPostIsForbiddenUnknownKindOrPostIs404AnonymousIs401) {
    TestServer server;
    std::string asker = server.ApiSignUp("asker");
    std::string reader = server.ApiSignUp("reader");
    NewHoot hoot = AskApi(server, asker, "Sore glutes from running", "Question.");
    std::int64_t comment = CommentApi(server, reader, hoot.id, "Answer.");

    auto own = React(server, asker, hoot.id, "helpful");
    EXPECT_EQ(own.status, 403);
    EXPECT_EQ(ErrorCode(own), "forbidden");
    auto own_comment = React(server, reader, comment, "like");
    EXPECT_EQ(own_comment.status, 403);
    auto unknown_kind = React(server, reader, hoot.id, "love");
    EXPECT_EQ(unknown_kind.status, 404);
    EXPECT_EQ(ErrorCode(unknown_kind), "not_found");
    auto unknown_post = React(server, reader, 999999, "like");
    EXPECT_EQ(unknown_post.status, 404);
    auto anonymous = React(server, "", hoot.id, "like");
    EXPECT_EQ(anonymous.status, 401);

    Json thread = GetHoot(server, hoot.id);
    EXPECT_EQ(thread["reactions"]["total"], 0);
    EXPECT_EQ(CommentIn(thread, comment)["reactions"]["total"], 0);
}

TEST(ThreadApiReactions, PopularityFollowsTheWilsonFormulaOfDesignSection4) {
    TestServer server;
    std::string asker = server.ApiSignUp("asker");
    std::vector<std::string> readers;
    for (int i = 0; i < 10; ++i) readers.push_back(server.ApiSignUp("reader" + std::to_string(i)));
    NewHoot hoot = AskApi(server, asker, "Sore glutes from running", "Question.");
    std::int64_t comment = CommentApi(server, asker, hoot.id, "A self-answer.");

    EXPECT_EQ(GetHoot(server, hoot.id)["popularity"], 10);  // (0,0) → 10
    MustReact(server, readers[0], hoot.id, "helpful");
    EXPECT_EQ(GetHoot(server, hoot.id)["popularity"], 44);  // (1,0) → 44
    MustReact(server, readers[1], hoot.id, "like");
    auto third = React(server, readers[2], hoot.id, "insightful");
    ASSERT_EQ(third.status, 200);
    Json state = JsonOf(third);
    EXPECT_EQ(state["popularity"], 68);  // (3,0) → 68
    EXPECT_EQ(state["reactions"]["helpful"], 1);
    EXPECT_EQ(state["reactions"]["like"], 1);
    EXPECT_EQ(state["reactions"]["insightful"], 1);
    EXPECT_EQ(state["reactions"]["positive"], 3);

    // (5,5) → 38 on the comment: five positive readers and five who disagree.
    for (int i = 0; i < 5; ++i) MustReact(server, readers[i], comment, i % 2 ? "like" : "helpful");
    for (int i = 5; i < 10; ++i) MustReact(server, readers[i], comment, "disagree");
    Json thread = GetHoot(server, hoot.id);
    Json comment_json = CommentIn(thread, comment);
    EXPECT_EQ(comment_json["popularity"], 38);
    EXPECT_EQ(comment_json["reactions"]["positive"], 5);
    EXPECT_EQ(comment_json["reactions"]["negative"], 5);
    EXPECT_EQ(comment_json["reactions"]["disagree"], 5);
    EXPECT_EQ(comment_json["reactions"]["total"], 10);
    EXPECT_EQ(thread["popularity"], 68);

    // And on the page, for an anonymous reader.
    auto page = server.Client().Get(hoot.url);
    EXPECT_TRUE(page.Contains("68% popularity"));
    EXPECT_TRUE(page.Contains("3 Reactions"));
    EXPECT_TRUE(page.Contains("38% popularity"));
    EXPECT_TRUE(page.Contains("10 Reactions"));
}

TEST(ThreadApiReactions, BestOrderRanksByPositiveReactionsTiesByAge) {
    TestServer server;
    std::string asker = server.ApiSignUp("asker");
    std::string r1 = server.ApiSignUp("reader1");
    std::string r2 = server.ApiSignUp("reader2");
    NewHoot hoot = AskApi(server, asker, "Sore glutes from running", "Question.");
    std::int64_t c1 = CommentApi(server, asker, hoot.id, "First and unloved.");
    std::int64_t c2 = CommentApi(server, asker, hoot.id, "Second, liked twice.");
    std::int64_t c3 = CommentApi(server, asker, hoot.id, "Third, liked once.");
    std::int64_t c4 = CommentApi(server, asker, hoot.id, "Fourth, liked once.");
    MustReact(server, r1, c2, "like");
    MustReact(server, r2, c2, "helpful");
    MustReact(server, r1, c3, "like");
    MustReact(server, r2, c4, "insightful");

    EXPECT_EQ(CommentIds(GetHoot(server, hoot.id, "?sort=best")),
              (std::vector<std::int64_t>{c2, c3, c4, c1}));
    EXPECT_EQ(CommentIds(GetHoot(server, hoot.id)), (std::vector<std::int64_t>{c4, c3, c2, c1}));
    EXPECT_EQ(CommentIds(GetHoot(server, hoot.id, "?sort=latest")),
              (std::vector<std::int64_t>{c4, c3, c2, c1}));
    EXPECT_EQ(CommentIds(GetHoot(server, hoot.id, "?sort=oldest")),
              (std::vector<std::int64_t>{c1, c2, c3, c4}));
    // Paging keeps the order: the first two of Best are the first two of the whole.
    Json top = GetHoot(server, hoot.id, "?sort=best&limit=2");
    EXPECT_EQ(CommentIds(top), (std::vector<std::int64_t>{c2, c3}));
    EXPECT_EQ(top["comments_not_shown"], 2);

    // A disagreement drops c3 below c4 (same positives, one negative).
    std::string r3 = server.ApiSignUp("reader3");
    MustReact(server, r3, c3, "disagree");
    EXPECT_EQ(CommentIds(GetHoot(server, hoot.id, "?sort=best")),
              (std::vector<std::int64_t>{c2, c4, c3, c1}));

    auto bad = Call(server, "GET", Hoot(hoot.id) + "?sort=popular");
    EXPECT_EQ(bad.status, 400);
}

// ---- replies ----

TEST(ThreadApiReplies, RepliesUnderAHootAndACommentInTimeOrderWithLinks) {
    TestServer server;
    std::string asker = server.ApiSignUp("asker");
    std::string reader = server.ApiSignUp("reader");
    NewHoot hoot = AskApi(server, asker, "Sore glutes from running", "Question.");
    std::int64_t comment = CommentApi(server, reader, hoot.id, "Answer.");

    auto first = Call(server, "POST", Post(hoot.id) + "/replies", reader,
                      Json{{"body", "Is it one side? See https://example.org/hips for more."}});
    ASSERT_EQ(first.status, 201) << first.body;
    Json reply = JsonOf(first);
    EXPECT_EQ(reply["post_id"], hoot.id);
    EXPECT_EQ(reply["author"]["username"], "reader");
    EXPECT_EQ(reply["body"], "Is it one side? See https://example.org/hips for more.");
    const std::string html = reply["body_html"].get<std::string>();
    EXPECT_NE(html.find("<a href=\"https://example.org/hips\""), std::string::npos) << html;
    EXPECT_NE(html.find("nofollow"), std::string::npos) << html;
    EXPECT_TRUE(reply.contains("created_at"));
    EXPECT_TRUE(reply.contains("id"));

    auto second = Call(server, "POST", Post(hoot.id) + "/replies", asker,
                       Json{{"body", "Both sides. <script>alert(1)</script>"}});
    ASSERT_EQ(second.status, 201);
    const std::string escaped = JsonOf(second)["body_html"].get<std::string>();
    EXPECT_EQ(escaped.find("<script"), std::string::npos) << escaped;
    EXPECT_NE(escaped.find("&lt;script&gt;"), std::string::npos) << escaped;

    auto on_comment = Call(server, "POST", Post(comment) + "/replies", asker,
                           Json{{"body", "Thanks, trying it."}});
    ASSERT_EQ(on_comment.status, 201);
    EXPECT_EQ(JsonOf(on_comment)["post_id"], comment);

    Json thread = GetHoot(server, hoot.id);
    ASSERT_EQ(thread["replies"].size(), 2u);
    EXPECT_EQ(thread["replies"][0]["author"]["username"], "reader");
    EXPECT_EQ(thread["replies"][1]["author"]["username"], "asker");
    Json comment_json = CommentIn(thread, comment);
    ASSERT_EQ(comment_json["replies"].size(), 1u);
    EXPECT_EQ(comment_json["replies"][0]["body"], "Thanks, trying it.");

    auto page = server.Client().Get(hoot.url);
    ASSERT_EQ(page.status, 200);
    EXPECT_FALSE(page.Contains("<script>alert(1)"));
    EXPECT_TRUE(page.Contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    EXPECT_LT(PositionOf(page.body, "Is it one side?"), PositionOf(page.body, "Both sides."));
}

TEST(ThreadApiReplies, LongEmptyOrAnonymousRepliesAreRefused) {
    TestServer server;
    std::string asker = server.ApiSignUp("asker");
    NewHoot hoot = AskApi(server, asker, "Sore glutes from running", "Question.");
    const std::string target = Post(hoot.id) + "/replies";

    auto exactly = Call(server, "POST", target, asker, Json{{"body", std::string(600, 'a')}});
    EXPECT_EQ(exactly.status, 201) << exactly.body;
    // 600 characters, not bytes: "é" is two bytes.
    std::string accented;
    for (int i = 0; i < 600; ++i) accented += "\xC3\xA9";
    EXPECT_EQ(Call(server, "POST", target, asker, Json{{"body", accented}}).status, 201);

    auto too_long = Call(server, "POST", target, asker, Json{{"body", std::string(601, 'a')}});
    EXPECT_EQ(too_long.status, 422);
    EXPECT_EQ(ErrorField(too_long), "body");
    auto empty = Call(server, "POST", target, asker, Json{{"body", "   "}});
    EXPECT_EQ(empty.status, 422);
    auto anonymous = Call(server, "POST", target, "", Json{{"body", "Hello?"}});
    EXPECT_EQ(anonymous.status, 401);
    auto unknown = Call(server, "POST", Post(999999) + "/replies", asker, Json{{"body", "Hi"}});
    EXPECT_EQ(unknown.status, 404);

    EXPECT_EQ(GetHoot(server, hoot.id)["replies"].size(), 2u);
}

// ---- delete and restore ----

TEST(ThreadApiDelete, AuthorDeletesACommentLeavingAPlaceholderWithItsReplies) {
    TestServer server;
    std::string asker = server.ApiSignUp("asker");
    std::string answerer = server.ApiSignUp("answerer");
    NewHoot hoot = AskApi(server, asker, "Sore glutes from running", "Question.");
    std::int64_t kept = CommentApi(server, answerer, hoot.id, "A comment that stays.");
    std::int64_t doomed = CommentApi(server, answerer, hoot.id, "Regrettable advice here.");
    ASSERT_EQ(Call(server, "POST", Post(doomed) + "/replies", asker,
                   Json{{"body", "A reply that outlives it."}})
                  .status,
              201);
    EXPECT_EQ(GetHoot(server, hoot.id)["comment_count"], 2);

    auto forbidden = Call(server, "DELETE", Post(doomed), asker);  // the hoot's author, not its
    EXPECT_EQ(forbidden.status, 403);
    EXPECT_EQ(Call(server, "DELETE", Post(doomed)).status, 401);

    auto deleted = Call(server, "DELETE", Post(doomed), answerer);
    ASSERT_EQ(deleted.status, 200) << deleted.body;
    EXPECT_EQ(JsonOf(deleted), (Json{{"post_id", doomed}, {"deleted", true}}));

    Json thread = GetHoot(server, hoot.id);
    EXPECT_EQ(thread["comment_count"], 1);
    Json placeholder = CommentIn(thread, doomed);
    ASSERT_TRUE(placeholder.is_object()) << thread.dump();
    EXPECT_EQ(placeholder["deleted"], true);
    EXPECT_FALSE(placeholder.contains("body"));
    EXPECT_FALSE(placeholder.contains("body_html"));
    EXPECT_FALSE(placeholder.contains("author"));
    ASSERT_EQ(placeholder["replies"].size(), 1u);
    EXPECT_EQ(placeholder["replies"][0]["body"], "A reply that outlives it.");
    EXPECT_EQ(thread.dump().find("Regrettable"), std::string::npos);
    EXPECT_EQ(CommentIn(thread, kept)["body"], "A comment that stays.");

    auto page = server.Client().Get(hoot.url);
    ASSERT_EQ(page.status, 200);
    EXPECT_TRUE(page.Contains("This comment was deleted."));
    EXPECT_FALSE(page.Contains("Regrettable"));
    EXPECT_TRUE(page.Contains("A reply that outlives it."));
    EXPECT_TRUE(page.Contains("1 Comments"));

    // Gone for everyone but moderators: no edits, no reactions, no revisions.
    EXPECT_EQ(Call(server, "PATCH", Post(doomed), answerer,
                   Json{{"body", "Edited after deletion."}, {"base_revision", 1}})
                  .status,
              404);
    EXPECT_EQ(React(server, asker, doomed, "like").status, 404);
    EXPECT_EQ(Call(server, "GET", Post(doomed) + "/revisions").status, 404);
    // Only moderators restore.
    EXPECT_EQ(Call(server, "POST", Post(doomed) + "/restore", answerer).status, 403);
}

TEST(ThreadApiDelete, ModeratorDeletesAndRestoresFromTheDatabase) {
    TestServer server;
    std::string asker = server.ApiSignUp("asker");
    std::string answerer = server.ApiSignUp("answerer");
    std::string moderator = ModeratorToken(server, "moddy");
    NewHoot hoot = AskApi(server, asker, "Sore glutes from running", "Question.");
    std::int64_t comment = CommentApi(server, answerer, hoot.id, "Spam spam spam.");
    ASSERT_EQ(React(server, asker, comment, "like").status, 200);

    ASSERT_EQ(Call(server, "DELETE", Post(comment), moderator).status, 200);
    EXPECT_EQ(GetHoot(server, hoot.id)["comment_count"], 0);
    // The moderator still sees the text (to judge a restore).
    Json as_moderator = GetHoot(server, hoot.id, "", moderator);
    EXPECT_EQ(CommentIn(as_moderator, comment)["body"], "Spam spam spam.");
    EXPECT_EQ(CommentIn(as_moderator, comment)["deleted"], true);

    auto restored = Call(server, "POST", Post(comment) + "/restore", moderator);
    ASSERT_EQ(restored.status, 200) << restored.body;
    EXPECT_EQ(JsonOf(restored)["body"], "Spam spam spam.");
    Json thread = GetHoot(server, hoot.id);
    EXPECT_EQ(thread["comment_count"], 1);
    Json back = CommentIn(thread, comment);
    EXPECT_EQ(back["body"], "Spam spam spam.");
    EXPECT_FALSE(back.contains("deleted"));
    EXPECT_EQ(back["reactions"]["like"], 1);  // kept, not recounted from nothing
}

TEST(ThreadApiDelete, DeletedHootIs404ForReadersAndVisibleToModerators) {
    TestServer server;
    std::string asker = server.ApiSignUp("asker");
    std::string stranger = server.ApiSignUp("stranger");
    std::string moderator = ModeratorToken(server, "moddy");
    NewHoot hoot = AskApi(server, asker, "Sore glutes from running", "Question to delete.");

    EXPECT_EQ(Call(server, "DELETE", Post(hoot.id), stranger).status, 403);
    ASSERT_EQ(Call(server, "DELETE", Post(hoot.id), asker).status, 200);

    EXPECT_EQ(Call(server, "GET", Hoot(hoot.id)).status, 404);
    EXPECT_EQ(Call(server, "GET", Hoot(hoot.id), asker).status, 404);
    EXPECT_EQ(server.Client().Get(hoot.url).status, 404);
    EXPECT_EQ(Call(server, "GET", "/api/v1/hoots").body.find("Question to delete"),
              std::string::npos);

    auto seen = Call(server, "GET", Hoot(hoot.id), moderator);
    ASSERT_EQ(seen.status, 200) << seen.body;
    EXPECT_EQ(JsonOf(seen)["deleted"], true);
    EXPECT_EQ(JsonOf(seen)["body"], "Question to delete.");

    EXPECT_EQ(Call(server, "POST", Post(hoot.id) + "/restore", asker).status, 403);
    auto restored = Call(server, "POST", Post(hoot.id) + "/restore", moderator);
    ASSERT_EQ(restored.status, 200) << restored.body;
    Json back = GetHoot(server, hoot.id);
    EXPECT_EQ(back["body"], "Question to delete.");
    EXPECT_FALSE(back.contains("deleted"));
    EXPECT_EQ(server.Client().Get(hoot.url).status, 200);
}

}  // namespace
