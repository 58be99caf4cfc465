// The JSON API v1: accounts and tokens, hoots and comments, paging, and its error envelope.

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <set>
#include <string>

#include "support/test_server.hpp"

namespace {

using hoot::testing::Bearer;
using hoot::testing::HttpClient;
using hoot::testing::HttpResponse;
using hoot::testing::kTestPassword;
using hoot::testing::TestServer;
using Json = nlohmann::json;

Json Parse(const HttpResponse& response) {
    EXPECT_EQ(response.Header("content-type").rfind("application/json", 0), 0u)
        << response.Header("content-type");
    try {
        return Json::parse(response.body);
    } catch (const Json::parse_error&) {
        ADD_FAILURE() << "not JSON: " << response.body;
        return Json();
    }
}

// Asserts the error envelope {"error":{"code","message"}} and returns the error object.
Json ErrorOf(const HttpResponse& response, const std::string& code) {
    Json json = Parse(response);
    EXPECT_TRUE(json.contains("error")) << response.body;
    if (!json.contains("error")) return Json::object();
    Json error = json["error"];
    EXPECT_EQ(error.value("code", ""), code) << response.body;
    EXPECT_FALSE(error.value("message", "").empty()) << response.body;
    return error;
}

HttpResponse CreateHoot(HttpClient& client, const std::string& token, const Json& body) {
    return client.PostJson("/api/v1/hoots", body.dump(), Bearer(token));
}

TEST(ApiUsers, CreateReturns201WithAToken) {
    TestServer server;
    auto client = server.ApiClient();
    auto response = client.PostJson(
        "/api/v1/users", Json{{"username", "apiuser"}, {"password", kTestPassword}}.dump());
    EXPECT_EQ(response.status, 201);
    Json json = Parse(response);
    EXPECT_FALSE(json.value("token", "").empty());
    EXPECT_EQ(json["user"]["username"], "apiuser");
    EXPECT_EQ(response.Header("location"), "/api/v1/users/apiuser");
    EXPECT_FALSE(client.cookies().Get("hoot_session")) << "the API sets no session cookie";

    auto me = client.Get("/api/v1/me", Bearer(json["token"]));
    EXPECT_EQ(me.status, 200);
    EXPECT_EQ(Parse(me)["user"]["username"], "apiuser");
}

TEST(ApiUsers, BadOrTakenNamesAreRefused) {
    TestServer server;
    auto client = server.ApiClient();
    auto bad = client.PostJson("/api/v1/users",
                               Json{{"username", "a b"}, {"password", kTestPassword}}.dump());
    EXPECT_EQ(bad.status, 422);
    EXPECT_EQ(ErrorOf(bad, "invalid_input").value("field", ""), "username");

    auto weak = client.PostJson("/api/v1/users",
                                Json{{"username", "weakling"}, {"password", "short"}}.dump());
    EXPECT_EQ(weak.status, 422);
    EXPECT_EQ(ErrorOf(weak, "invalid_input").value("field", ""), "password");

    server.ApiSignUp("Taken");
    auto taken = client.PostJson("/api/v1/users",
                                 Json{{"username", "taken"}, {"password", kTestPassword}}.dump());
    EXPECT_EQ(taken.status, 409);
    EXPECT_EQ(ErrorOf(taken, "conflict").value("field", ""), "username");
}

TEST(ApiAuth, LoginReturnsAToken) {
    TestServer server;
    server.ApiSignUp("loginuser");
    auto client = server.ApiClient();
    auto response = client.PostJson(
        "/api/v1/auth/login", Json{{"username", "loginuser"}, {"password", kTestPassword}}.dump());
    EXPECT_EQ(response.status, 200);
    Json json = Parse(response);
    std::string token = json.value("token", "");
    ASSERT_FALSE(token.empty());
    EXPECT_FALSE(json.value("expires_at", "").empty());
    EXPECT_EQ(client.Get("/api/v1/me", Bearer(token)).status, 200);
}

TEST(ApiAuth, WrongPasswordIs401WithTheErrorEnvelope) {
    TestServer server;
    server.ApiSignUp("loginuser");
    auto client = server.ApiClient();
    auto wrong =
        client.PostJson("/api/v1/auth/login",
                        Json{{"username", "loginuser"}, {"password", "wrong password"}}.dump());
    EXPECT_EQ(wrong.status, 401);
    Json error = ErrorOf(wrong, "unauthenticated");
    EXPECT_EQ(error.value("message", ""), "Wrong username or password.");

    auto unknown = client.PostJson("/api/v1/auth/login",
                                   Json{{"username", "ghost"}, {"password", kTestPassword}}.dump());
    EXPECT_EQ(unknown.status, 401);
    EXPECT_EQ(ErrorOf(unknown, "unauthenticated").value("message", ""),
              "Wrong username or password.");
}

TEST(ApiAuth, ClientThatKeepsCookiesCanCallTheApiRepeatedly) {
    // A script with a cookie jar (Python requests.Session, curl -b/-c) and no browser: the
    // anonymous JSON calls must not trip over a cookie the API itself handed out.
    TestServer server;
    auto client = server.Client();  // keeps cookies
    Json credentials{{"username", "jarred"}, {"password", kTestPassword}};
    auto created = client.PostJson("/api/v1/users", credentials.dump());
    EXPECT_EQ(created.status, 201) << created.body;
    auto login = client.PostJson("/api/v1/auth/login", credentials.dump());
    EXPECT_EQ(login.status, 200) << login.body;
}

TEST(ApiAuth, BadTokenIsUnauthenticated) {
    TestServer server;
    auto client = server.ApiClient();
    auto me = client.Get("/api/v1/me", Bearer("not-a-real-token"));
    EXPECT_EQ(me.status, 401);
    ErrorOf(me, "unauthenticated");
}

TEST(ApiHoots, CreateWithBearerReturnsTheHoot) {
    TestServer server;
    auto token = server.ApiSignUp("poster");
    auto client = server.ApiClient();
    auto response = CreateHoot(
        client, token,
        {{"title", "An API hoot"}, {"body", "With **bold**"}, {"tags", {"api", "Test"}}});
    EXPECT_EQ(response.status, 201);
    Json json = Parse(response);
    ASSERT_TRUE(json["id"].is_number_integer());
    std::string url = json.value("url", "");
    EXPECT_EQ(url, "/hoots/" + std::to_string(json["id"].get<long long>()) + "/an-api-hoot");
    EXPECT_EQ(response.Header("location"), url);
    EXPECT_EQ(json["title"], "An API hoot");
    EXPECT_EQ(json["tags"], Json({"api", "test"}));
    EXPECT_NE(json.value("body_html", "").find("<strong>bold</strong>"), std::string::npos);
    EXPECT_EQ(json["popularity"], 10);
    EXPECT_EQ(json["author"]["username"], "poster");

    // The page for people shows the same hoot.
    auto page = client.Get(url);
    EXPECT_EQ(page.status, 200);
    EXPECT_TRUE(page.Contains("<title>Hoots : An API hoot - Hoot Test</title>"));
}

TEST(ApiHoots, CreateWithoutTokenIs401) {
    TestServer server;
    auto client = server.ApiClient();
    auto response =
        client.PostJson("/api/v1/hoots", Json{{"title", "No token hoot"}, {"body", "b"}}.dump());
    EXPECT_EQ(response.status, 401);
    ErrorOf(response, "unauthenticated");
}

TEST(ApiHoots, CookieSessionWithoutCsrfHeaderIs403) {
    TestServer server;
    auto browser = server.SignUp("cookieuser");
    Json body{{"title", "Cookie posted hoot"}, {"body", "b"}};
    auto refused = browser.PostJson("/api/v1/hoots", body.dump());
    EXPECT_EQ(refused.status, 403);
    ErrorOf(refused, "forbidden");

    auto wrong = browser.PostJson("/api/v1/hoots", body.dump(), {{"X-CSRF-Token", "nope"}});
    EXPECT_EQ(wrong.status, 403);

    std::string csrf = Parse(browser.Get("/api/v1/me"))["csrf_token"];
    ASSERT_FALSE(csrf.empty());
    EXPECT_EQ(csrf, browser.CsrfFrom("/"));
    auto accepted = browser.PostJson("/api/v1/hoots", body.dump(), {{"X-CSRF-Token", csrf}});
    EXPECT_EQ(accepted.status, 201) << accepted.body;
}

TEST(ApiHoots, MalformedRequestsAre400) {
    TestServer server;
    auto token = server.ApiSignUp("poster");
    auto client = server.ApiClient();

    auto bad_json = client.PostJson("/api/v1/hoots", "{\"title\": \"x\",", Bearer(token));
    EXPECT_EQ(bad_json.status, 400);
    ErrorOf(bad_json, "bad_request");

    auto not_object = client.PostJson("/api/v1/hoots", "[1,2]", Bearer(token));
    EXPECT_EQ(not_object.status, 400);
    ErrorOf(not_object, "bad_request");

    auto wrong_type_header =
        client.Post("/api/v1/hoots", Json{{"title", "Valid title"}, {"body", "b"}}.dump(),
                    "text/plain", Bearer(token));
    EXPECT_EQ(wrong_type_header.status, 400);
    ErrorOf(wrong_type_header, "bad_request");

    auto number_title = CreateHoot(client, token, {{"title", 12345}, {"body", "b"}});
    EXPECT_EQ(number_title.status, 400);
    EXPECT_EQ(ErrorOf(number_title, "bad_request").value("field", ""), "title");

    auto string_tags =
        CreateHoot(client, token, {{"title", "Valid title"}, {"body", "b"}, {"tags", "one two"}});
    EXPECT_EQ(string_tags.status, 400);
    EXPECT_EQ(ErrorOf(string_tags, "bad_request").value("field", ""), "tags");

    auto missing_body = CreateHoot(client, token, {{"title", "Valid title"}});
    EXPECT_EQ(missing_body.status, 400);
    EXPECT_EQ(ErrorOf(missing_body, "bad_request").value("field", ""), "body");
}

TEST(ApiHoots, ValidationErrorsAre422WithTheField) {
    TestServer server;
    auto token = server.ApiSignUp("poster");
    auto client = server.ApiClient();
    struct Case {
        Json body;
        std::string field;
    };
    for (const auto& [body, field] :
         {Case{{{"title", "Shrt"}, {"body", "b"}}, "title"},
          Case{{{"title", std::string(201, 'x')}, {"body", "b"}}, "title"},
          Case{{{"title", "Valid title"}, {"body", "   "}}, "body"},
          Case{{{"title", "Valid title"}, {"body", "b"}, {"tags", {"a", "b", "c", "d", "e", "f"}}},
               "tags"},
          Case{{{"title", "Valid title"}, {"body", "b"}, {"tags", {"no spaces"}}}, "tags"}}) {
        SCOPED_TRACE(body.dump());
        auto response = CreateHoot(client, token, body);
        EXPECT_EQ(response.status, 422);
        EXPECT_EQ(ErrorOf(response, "invalid_input").value("field", ""), field);
    }
    auto list = client.Get("/api/v1/hoots");
    EXPECT_TRUE(Parse(list)["hoots"].empty());
}

TEST(ApiHoots, ListPagesWithAfterAndLimit) {
    TestServer server;
    auto token = server.ApiSignUp("poster");
    auto client = server.ApiClient();
    for (int i = 1; i <= 7; ++i)
        ASSERT_EQ(
            CreateHoot(client, token, {{"title", "List hoot " + std::to_string(i)}, {"body", "b"}})
                .status,
            201);

    std::set<long long> seen;
    std::string after;
    std::vector<std::size_t> page_sizes;
    for (int page = 0; page < 10; ++page) {
        auto response =
            client.Get("/api/v1/hoots?limit=3" +
                       (after.empty() ? "" : "&after=" + hoot::testing::UrlEncode(after)));
        ASSERT_EQ(response.status, 200) << response.body;
        Json json = Parse(response);
        page_sizes.push_back(json["hoots"].size());
        for (const auto& hoot : json["hoots"]) {
            EXPECT_TRUE(seen.insert(hoot["id"].get<long long>()).second) << "duplicate " << hoot;
            EXPECT_FALSE(hoot.value("url", "").empty());
            EXPECT_EQ(hoot["popularity"], 10);
        }
        if (page == 0) {
            EXPECT_EQ(json["hoots"][0]["title"], "List hoot 7");
        }
        if (json["next"].is_null()) break;
        after = json["next"].get<std::string>();
    }
    EXPECT_EQ(page_sizes, (std::vector<std::size_t>{3, 3, 1}));
    EXPECT_EQ(seen.size(), 7u);

    auto all = Parse(client.Get("/api/v1/hoots"));
    EXPECT_EQ(all["hoots"].size(), 7u);
    EXPECT_TRUE(all["next"].is_null());
}

TEST(ApiHoots, BadLimitOrCursorIs400) {
    TestServer server;
    auto client = server.ApiClient();
    for (const std::string& query :
         {std::string("limit=0"), std::string("limit=-1"), std::string("limit=abc"),
          std::string("limit=101"), std::string("limit=5x"), std::string("after=nonsense")}) {
        SCOPED_TRACE(query);
        auto response = client.Get("/api/v1/hoots?" + query);
        EXPECT_EQ(response.status, 400);
        ErrorOf(response, "bad_request");
    }
    EXPECT_EQ(client.Get("/api/v1/hoots?limit=100").status, 200);
}

TEST(ApiHoots, GetReturnsTheHootWithCommentsInOrder) {
    TestServer server;
    auto token = server.ApiSignUp("poster");
    auto commenter = server.ApiSignUp("commenter");
    auto client = server.ApiClient();
    Json hoot = Parse(CreateHoot(client, token, {{"title", "Hoot with comments"}, {"body", "b"}}));
    std::string base = "/api/v1/hoots/" + std::to_string(hoot["id"].get<long long>());
    for (const char* text : {"first", "second", "third"}) {
        auto response =
            client.PostJson(base + "/comments", Json{{"body", text}}.dump(), Bearer(commenter));
        ASSERT_EQ(response.status, 201) << response.body;
        Json comment = Parse(response);
        EXPECT_EQ(comment["body"], text);
        EXPECT_EQ(comment["hoot_id"], hoot["id"]);
        EXPECT_EQ(comment["author"]["username"], "commenter");
        EXPECT_EQ(comment["popularity"], 10);
    }

    auto bodies = [&](const std::string& query) {
        auto response = client.Get(base + query);
        EXPECT_EQ(response.status, 200) << query;
        Json json = Parse(response);
        std::vector<std::string> out;
        for (const auto& comment : json["comments"]) out.push_back(comment["body"]);
        return out;
    };
    using Bodies = std::vector<std::string>;
    EXPECT_EQ(bodies(""), (Bodies{"third", "second", "first"}));
    EXPECT_EQ(bodies("?sort=latest"), (Bodies{"third", "second", "first"}));
    EXPECT_EQ(bodies("?sort=oldest"), (Bodies{"first", "second", "third"}));
    EXPECT_EQ(bodies("?sort=best"), (Bodies{"first", "second", "third"}));

    Json json = Parse(client.Get(base));
    EXPECT_EQ(json["title"], "Hoot with comments");
    EXPECT_EQ(json["comment_count"], 3);
    EXPECT_EQ(json["popularity"], 10);
    EXPECT_EQ(json["reactions"]["total"], 0);
    EXPECT_EQ(json["comments_not_shown"], 0);

    auto bad_sort = client.Get(base + "?sort=random");
    EXPECT_EQ(bad_sort.status, 400);
    ErrorOf(bad_sort, "bad_request");
}

TEST(ApiHoots, UnknownHootIs404Json) {
    TestServer server;
    auto token = server.ApiSignUp("poster");
    auto client = server.ApiClient();
    for (const std::string& path :
         {std::string("/api/v1/hoots/987654"), std::string("/api/v1/hoots/not-a-number")}) {
        SCOPED_TRACE(path);
        auto response = client.Get(path);
        EXPECT_EQ(response.status, 404);
        ErrorOf(response, "not_found");
    }
    auto comment = client.PostJson("/api/v1/hoots/987654/comments", Json{{"body", "hi"}}.dump(),
                                   Bearer(token));
    EXPECT_EQ(comment.status, 404);
    ErrorOf(comment, "not_found");

    auto nowhere = client.Get("/api/v1/nothing-here");
    EXPECT_EQ(nowhere.status, 404);
    ErrorOf(nowhere, "not_found");
}

TEST(ApiComments, NeedATokenAndABody) {
    TestServer server;
    auto token = server.ApiSignUp("poster");
    auto client = server.ApiClient();
    Json hoot = Parse(CreateHoot(client, token, {{"title", "Hoot for comments"}, {"body", "b"}}));
    std::string path = "/api/v1/hoots/" + std::to_string(hoot["id"].get<long long>()) + "/comments";

    auto anonymous = client.PostJson(path, Json{{"body", "hi"}}.dump());
    EXPECT_EQ(anonymous.status, 401);
    ErrorOf(anonymous, "unauthenticated");

    auto empty = client.PostJson(path, Json{{"body", ""}}.dump(), Bearer(token));
    EXPECT_EQ(empty.status, 422);
    EXPECT_EQ(ErrorOf(empty, "invalid_input").value("field", ""), "body");

    auto wrong_type = client.PostJson(path, Json{{"body", true}}.dump(), Bearer(token));
    EXPECT_EQ(wrong_type.status, 400);
    ErrorOf(wrong_type, "bad_request");
}

TEST(ApiErrors, OversizedBodyIs413WithTheJsonEnvelope) {
    TestServer server([](hoot::app::AppConfig& config) { config.server.max_body_bytes = 4096; });
    auto token = server.ApiSignUp("poster");
    auto client = server.ApiClient();
    auto response =
        CreateHoot(client, token, {{"title", "Too big"}, {"body", std::string(8192, 'x')}});
    EXPECT_EQ(response.status, 413);
    // The API promises its error envelope for every error status, 413 included.
    ErrorOf(response, "too_large");
}

TEST(ApiErrors, SignInRateLimitIs429WithRetryAfter) {
    TestServer server([](hoot::app::AppConfig& config) { config.rate_limits = true; });
    auto client = server.ApiClient();
    // Empty passwords fail without hashing: the ten tries stay within the bucket's refill time.
    std::string quick = Json{{"username", "nobody"}, {"password", ""}}.dump();
    for (int i = 0; i < 10; ++i)
        ASSERT_EQ(client.PostJson("/api/v1/auth/login", quick).status, 401) << i + 1;
    auto limited = client.PostJson(
        "/api/v1/auth/login", Json{{"username", "nobody"}, {"password", "a real guess"}}.dump());
    EXPECT_EQ(limited.status, 429);
    EXPECT_FALSE(limited.Header("retry-after").empty());
    ErrorOf(limited, "rate_limited");
}

}  // namespace
