// The reference thread (../shared/reference/seed-page.txt) rebuilt through the JSON API with its
// parts as Hoot models them: the question, its three updates ("UPDATE", "Response to Mike-DHSc",
// "Final Update"), the one answer as a comment with its own "UPDATE"; then the rendered page is
// checked for every element of the reference page, and reactions from other readers move the
// popularity. The text is sliced from the file at run time: it is someone else's writing and is
// never copied into this repository.

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "support/rendered_text.hpp"
#include "support/test_server.hpp"

namespace {

using hoot::testing::Bearer;
using hoot::testing::HttpClient;
using hoot::testing::HttpResponse;
using hoot::testing::PositionOf;
using hoot::testing::TestServer;
using hoot::testing::VisibleLines;
using Json = nlohmann::json;

constexpr const char* kTitle = "Sore glutes from running";

std::string TrimRight(std::string line) {
    while (!line.empty() && (line.back() == ' ' || line.back() == '\t' || line.back() == '\r'))
        line.pop_back();
    return line;
}

// Lines joined with '\n', without blank lines at either end.
std::string Join(const std::vector<std::string>& lines, std::size_t from, std::size_t to) {
    while (from < to && lines[from].empty()) ++from;
    while (to > from && lines[to - 1].empty()) --to;
    std::string text;
    for (std::size_t i = from; i < to; ++i) text += lines[i] + "\n";
    return text;
}

struct Update {
    std::string heading;  // "" = the default, "UPDATE"
    std::string body;
};

struct Reference {
    std::string question;
    std::vector<Update> question_updates;
    std::string answer;
    std::string answer_update;
};

// Slices the reference page: the question from its title line to "UPDATE:", each update to the
// next heading, the last one to "Load Full"; the answer from the line after the second
// "10% popularity" to its "UPDATE", and that update to "Back to top".
Reference ReadReference() {
    std::istringstream in(
        hoot::testing::ReadFile(hoot::testing::SharedDir() / "reference" / "seed-page.txt"));
    std::vector<std::string> lines;
    for (std::string line; std::getline(in, line);) lines.push_back(TrimRight(line));

    auto find = [&](std::size_t from, auto matches) -> std::size_t {
        for (std::size_t i = from; i < lines.size(); ++i)
            if (matches(lines[i])) return i;
        throw std::runtime_error("seed-page.txt does not have the expected shape (from line " +
                                 std::to_string(from + 1) + ")");
    };
    auto is = [](const char* text) { return [text](const std::string& l) { return l == text; }; };
    auto starts = [](const char* text) {
        return [text](const std::string& l) { return l.starts_with(text); };
    };

    Reference ref;
    const std::size_t title = find(0, is(kTitle));
    const std::size_t update = find(title + 1, is("UPDATE:"));
    const std::size_t response = find(update + 1, is("Response to Mike-DHSc"));
    const std::size_t final_update = find(response + 1, is("Final Update"));
    const std::size_t load_full = find(final_update + 1, starts("Load Full"));
    ref.question = Join(lines, title + 1, update);
    ref.question_updates = {{"", Join(lines, update + 1, response)},
                            {"Response to Mike-DHSc", Join(lines, response + 1, final_update)},
                            {"Final Update", Join(lines, final_update + 1, load_full)}};

    const std::size_t sorted = find(load_full + 1, starts("Sorted by latest first"));
    const std::size_t popularity = find(sorted + 1, starts("10% popularity"));
    const std::size_t answer_update = find(popularity + 1, is("UPDATE"));
    const std::size_t back_to_top = find(answer_update + 1, starts("Back to top"));
    ref.answer = Join(lines, popularity + 1, answer_update);
    ref.answer_update = Join(lines, answer_update + 1, back_to_top);
    return ref;
}

// The bare "www." addresses in `text`, without trailing punctuation.
std::vector<std::string> BareAddresses(const std::string& text) {
    std::vector<std::string> out;
    for (auto at = text.find("www."); at != std::string::npos; at = text.find("www.", at + 1)) {
        if (at > 0 && text[at - 1] != ' ' && text[at - 1] != '\n') continue;
        auto end = text.find_first_of(" \n", at);
        std::string address = text.substr(at, end == std::string::npos ? end : end - at);
        while (!address.empty() &&
               std::string_view(".,;:!?").find(address.back()) != std::string_view::npos)
            address.pop_back();
        out.push_back(address);
    }
    return out;
}

std::runtime_error Unexpected(const std::string& what, const HttpResponse& response) {
    return std::runtime_error(what + ": status " + std::to_string(response.status) + ", body " +
                              response.body.substr(0, 1000));
}

Json Send(const TestServer& server, const std::string& method, const std::string& target,
          const std::string& token, const Json& body, int expected) {
    HttpClient client = server.ApiClient();
    hoot::testing::HeaderList headers;
    if (!token.empty()) headers = Bearer(token);
    std::string text;
    if (!body.is_null()) {
        headers.emplace_back("Content-Type", "application/json");
        text = body.dump();
    }
    auto response = client.Send(method, target, headers, text);
    if (response.status != expected) throw Unexpected(method + " " + target, response);
    return Json::parse(response.body);
}

struct Rebuilt {
    std::string asker_token;
    std::int64_t hoot = 0;
    std::int64_t answer = 0;
    std::string url;
};

// The reference thread through the API, as its two authors would post it.
Rebuilt RebuildThroughTheApi(TestServer& server, const Reference& ref) {
    const std::string asker = server.ApiSignUp("glute_runner");
    const std::string answerer = server.ApiSignUp("Mike-DHSc");
    Rebuilt thread;
    thread.asker_token = asker;
    Json hoot = Send(
        server, "POST", "/api/v1/hoots", asker,
        Json{{"title", kTitle}, {"body", ref.question}, {"tags", Json::array({"running"})}}, 201);
    thread.hoot = hoot.at("id").get<std::int64_t>();
    thread.url = hoot.at("url").get<std::string>();
    const std::string hoot_path = "/api/v1/hoots/" + std::to_string(thread.hoot);
    for (const auto& update : ref.question_updates) {
        Json body{{"body", update.body}};
        if (!update.heading.empty()) body["heading"] = update.heading;
        Send(server, "POST", hoot_path + "/updates", asker, body, 201);
    }
    Json answer =
        Send(server, "POST", hoot_path + "/comments", answerer, Json{{"body", ref.answer}}, 201);
    thread.answer = answer.at("id").get<std::int64_t>();
    // The answer's own update, under the post id, with the default heading.
    Send(server, "POST", "/api/v1/posts/" + std::to_string(thread.answer) + "/updates", answerer,
         Json{{"body", ref.answer_update}}, 201);
    return thread;
}

TEST(ReferenceRebuild, ReferenceSlicesAsExpected) {
    Reference ref = ReadReference();
    // Each part is there, and no part runs into the page around it.
    ASSERT_FALSE(ref.question.empty());
    EXPECT_EQ(ref.question.find(kTitle), std::string::npos);
    EXPECT_EQ(ref.question.find("UPDATE"), std::string::npos);
    ASSERT_EQ(ref.question_updates.size(), 3u);
    for (const auto& update : ref.question_updates) {
        EXPECT_FALSE(update.body.empty());
        EXPECT_EQ(update.body.find("UPDATE"), std::string::npos);
        EXPECT_EQ(update.body.find("Response to Mike-DHSc"), std::string::npos);
        EXPECT_EQ(update.body.find("Final Update"), std::string::npos);
        EXPECT_EQ(update.body.find("Load Full"), std::string::npos);
    }
    ASSERT_FALSE(ref.answer.empty());
    EXPECT_EQ(ref.answer.find("popularity"), std::string::npos);
    EXPECT_EQ(ref.answer.find("UPDATE"), std::string::npos);
    ASSERT_FALSE(ref.answer_update.empty());
    EXPECT_EQ(ref.answer_update.find("Back to top"), std::string::npos);
    // Enough text to be the real thing (the question is several paragraphs, the answer longer).
    EXPECT_GT(ref.question.size(), 500u);
    EXPECT_GT(ref.answer.size(), ref.question.size());
}

TEST(ReferenceRebuild, ThroughTheApiThePageShowsEveryElementOfTheReference) {
    const Reference ref = ReadReference();
    TestServer server;
    const Rebuilt thread = RebuildThroughTheApi(server, ref);
    EXPECT_EQ(thread.url, "/hoots/" + std::to_string(thread.hoot) + "/sore-glutes-from-running");

    // The API has the same shape.
    Json api = Send(server, "GET", "/api/v1/hoots/" + std::to_string(thread.hoot), "", Json(), 200);
    EXPECT_EQ(api["title"], kTitle);
    ASSERT_EQ(api["updates"].size(), 3u);
    EXPECT_EQ(api["updates"][0]["heading"], "UPDATE");
    EXPECT_EQ(api["updates"][1]["heading"], "Response to Mike-DHSc");
    EXPECT_EQ(api["updates"][2]["heading"], "Final Update");
    EXPECT_EQ(api["comment_count"], 1);
    EXPECT_EQ(api["popularity"], 10);
    EXPECT_EQ(api["reactions"]["total"], 0);
    ASSERT_EQ(api["comments"].size(), 1u);
    EXPECT_EQ(api["comments"][0]["updates"].size(), 1u);
    EXPECT_EQ(api["comments"][0]["updates"][0]["heading"], "UPDATE");
    EXPECT_EQ(api["comments"][0]["popularity"], 10);

    auto page = server.Client().Get(thread.url);
    ASSERT_EQ(page.status, 200);
    const std::string& html = page.body;
    EXPECT_TRUE(page.Contains("<title>Hoots : Sore glutes from running - " + server.site_name() +
                              "</title>"))
        << html.substr(0, 600);
    EXPECT_TRUE(page.Contains("<h1>Sore glutes from running</h1>"));
    EXPECT_TRUE(page.Contains("0 Reactions"));
    EXPECT_TRUE(page.Contains("1 Comments"));
    EXPECT_TRUE(page.Contains("Sorted by latest first"));
    for (const char* order : {">Latest</a>", ">Oldest</a>", ">Best</a>"})
        EXPECT_TRUE(page.Contains(order)) << order;
    EXPECT_TRUE(page.Contains("Login to follow hoots"));
    EXPECT_TRUE(page.Contains("Back to top"));
    EXPECT_TRUE(page.Contains("Use Dark theme"));
    EXPECT_FALSE(page.Contains("Load Full"));  // one comment fits on the first page
    EXPECT_TRUE(page.Contains(">glute_runner</a>"));
    EXPECT_TRUE(page.Contains(">Mike-DHSc</a>"));
    // "10% popularity" on the post and on the comment.
    std::size_t popularity = 0;
    for (auto at = html.find("10% popularity"); at != std::string::npos;
         at = html.find("10% popularity", at + 1))
        ++popularity;
    EXPECT_EQ(popularity, 2u);

    // Every line of every part is there.
    for (const auto& line : VisibleLines(ref.question))
        EXPECT_TRUE(page.Contains(line)) << "question line missing: " << line;
    for (const auto& update : ref.question_updates)
        for (const auto& line : VisibleLines(update.body))
            EXPECT_TRUE(page.Contains(line)) << "update line missing: " << line;
    for (const auto& line : VisibleLines(ref.answer))
        EXPECT_TRUE(page.Contains(line)) << "answer line missing: " << line;
    for (const auto& line : VisibleLines(ref.answer_update))
        EXPECT_TRUE(page.Contains(line)) << "answer update line missing: " << line;
    // Bare www. addresses became links.
    const std::vector<std::string> addresses = BareAddresses(ref.answer_update);
    EXPECT_FALSE(addresses.empty());
    for (const auto& address : addresses)
        EXPECT_TRUE(page.Contains("<a href=\"http://" + address + "\"")) << "autolink: " << address;

    // In the reference's order: popularity, title, body, the three updates, the follow prompt,
    // the comment count, the sort control, the answer and its update, then the footer.
    const std::vector<std::pair<std::string, std::size_t>> order = {
        {"popularity", PositionOf(html, "10% popularity")},
        {"title", PositionOf(html, "<h1>Sore glutes from running</h1>")},
        {"body", PositionOf(html, VisibleLines(ref.question)[0])},
        {"UPDATE", PositionOf(html, "<h2>UPDATE</h2>")},
        {"Response to Mike-DHSc", PositionOf(html, "<h2>Response to Mike-DHSc</h2>")},
        {"Final Update", PositionOf(html, "<h2>Final Update</h2>")},
        {"follow", PositionOf(html, "Login to follow hoots")},
        {"count", PositionOf(html, "1 Comments")},
        {"sort", PositionOf(html, "Sorted by latest first")},
        {"answer", PositionOf(html, VisibleLines(ref.answer)[0])},
        {"answer UPDATE", PositionOf(html, "<h3>UPDATE</h3>")},
        {"answer update", PositionOf(html, VisibleLines(ref.answer_update)[0])},
        {"back to top", PositionOf(html, "Back to top")},
        {"theme", PositionOf(html, "Use Dark theme")},
    };
    for (std::size_t i = 0; i < order.size(); ++i) {
        EXPECT_NE(order[i].second, std::string::npos) << order[i].first << " missing";
        if (i > 0) {
            EXPECT_LT(order[i - 1].second, order[i].second)
                << order[i - 1].first << " should come before " << order[i].first;
        }
    }
    // Update text sits under its own heading.
    EXPECT_LT(PositionOf(html, "<h2>UPDATE</h2>"),
              PositionOf(html, VisibleLines(ref.question_updates[0].body)[0]));
    EXPECT_LT(PositionOf(html, "<h2>Final Update</h2>"),
              PositionOf(html, VisibleLines(ref.question_updates[2].body)[0]));

    // Signed in, the follow prompt gives way to the comment form.
    auto signed_in = server.SignUp("reader");
    auto as_reader = signed_in.Get(thread.url);
    EXPECT_FALSE(as_reader.Contains("Login to follow hoots"));
    EXPECT_TRUE(as_reader.Contains("Post comment"));
}

TEST(ReferenceRebuild, ReactionsFromOtherReadersMoveThePopularityOnThePage) {
    const Reference ref = ReadReference();
    TestServer server;
    const Rebuilt thread = RebuildThroughTheApi(server, ref);
    std::vector<std::string> readers;
    for (int i = 0; i < 3; ++i) readers.push_back(server.ApiSignUp("runner" + std::to_string(i)));
    const std::string hoot_post = "/api/v1/posts/" + std::to_string(thread.hoot);
    const std::string answer_post = "/api/v1/posts/" + std::to_string(thread.answer);

    // One reader finds the question helpful: (1,0) → 44%.
    Json state = Send(server, "PUT", hoot_post + "/reactions/helpful", readers[0], Json(), 200);
    EXPECT_EQ(state["popularity"], 44);
    // Three readers like the answer: (3,0) → 68%.
    for (const auto& reader : readers)
        Send(server, "PUT", answer_post + "/reactions/like", reader, Json(), 200);

    auto page = server.Client().Get(thread.url);
    ASSERT_EQ(page.status, 200);
    const std::string& html = page.body;
    const auto answer_at = PositionOf(html, "id=\"c-" + std::to_string(thread.answer) + "\"");
    ASSERT_NE(answer_at, std::string::npos);
    const auto hoot_pop = PositionOf(html, "44% popularity");
    const auto answer_pop = PositionOf(html, "68% popularity");
    ASSERT_NE(hoot_pop, std::string::npos) << html;
    ASSERT_NE(answer_pop, std::string::npos);
    EXPECT_LT(hoot_pop, answer_at);
    EXPECT_GT(answer_pop, answer_at);
    EXPECT_TRUE(page.Contains("1 Reactions"));
    EXPECT_TRUE(page.Contains("3 Reactions"));
    EXPECT_FALSE(page.Contains("10% popularity"));
    EXPECT_TRUE(page.Contains("Helpful 1"));
    EXPECT_TRUE(page.Contains("Like 3"));

    // The structured data counts the answer's upvotes.
    const std::string open = "<script type=\"application/ld+json\">";
    auto at = html.find(open);
    ASSERT_NE(at, std::string::npos);
    at += open.size();
    Json ld = Json::parse(html.substr(at, html.find("</script>", at) - at));
    EXPECT_EQ(ld["@type"], "QAPage");
    EXPECT_EQ(ld["mainEntity"]["name"], kTitle);
    EXPECT_EQ(ld["mainEntity"]["answerCount"], 1);
    ASSERT_EQ(ld["mainEntity"]["suggestedAnswer"].size(), 1u);
    EXPECT_EQ(ld["mainEntity"]["suggestedAnswer"][0]["upvoteCount"], 3);

    // A disagreement pulls the answer down: (3,1) is below (3,0).
    Send(server, "PUT", answer_post + "/reactions/disagree", readers[0], Json(), 200);
    Json after =
        Send(server, "GET", "/api/v1/hoots/" + std::to_string(thread.hoot), "", Json(), 200);
    const int lowered = after["comments"][0]["popularity"].get<int>();
    EXPECT_LT(lowered, 68);
    EXPECT_GT(lowered, 10);
    auto lowered_page = server.Client().Get(thread.url);
    EXPECT_TRUE(lowered_page.Contains(std::to_string(lowered) + "% popularity"));
    EXPECT_TRUE(lowered_page.Contains("4 Reactions"));

    // The asker may not lift their own question.
    auto own = server.ApiClient().Send("PUT", hoot_post + "/reactions/like",
                                       Bearer(thread.asker_token), "");
    EXPECT_EQ(own.status, 403);
}

}  // namespace
