#include "support/api_calls.hpp"

#include <gtest/gtest.h>

#include <stdexcept>

namespace hoot::testing {

HttpResponse Call(const TestServer& server, const std::string& method, const std::string& target,
                  const std::string& token, const std::optional<Json>& body) {
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

namespace {
std::runtime_error Unexpected(const std::string& what, const HttpResponse& response) {
    return std::runtime_error(what + ": status " + std::to_string(response.status) + ", body " +
                              response.body.substr(0, 1000));
}
}  // namespace

Json AskApi(const TestServer& server, const std::string& token, const std::string& title,
            const std::string& body) {
    auto response = Call(server, "POST", "/api/v1/hoots", token,
                         Json{{"title", title}, {"body", body}, {"tags", Json::array()}});
    if (response.status != 201) throw Unexpected("creating hoot '" + title + "'", response);
    return JsonOf(response);
}

Json CommentApi(const TestServer& server, const std::string& token, std::int64_t hoot,
                const std::string& body) {
    auto response = Call(server, "POST", "/api/v1/hoots/" + std::to_string(hoot) + "/comments",
                         token, Json{{"body", body}});
    if (response.status != 201) throw Unexpected("commenting on " + std::to_string(hoot), response);
    return JsonOf(response);
}

int RefusedSignIns(HttpClient& client, int tries, const HeaderList& headers) {
    int refused = 0;
    for (int i = 0; i < tries; ++i) {
        auto response = client.PostJson("/api/v1/auth/login",
                                        R"({"username":"mallory","password":""})", headers);
        refused += response.status == 429;
    }
    return refused;
}

}  // namespace hoot::testing
