#pragma once
// JSON API calls as a script with curl would make them (no cookies, a bearer token), and reading
// their answers, for the integration tests.

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "support/test_server.hpp"

namespace hoot::testing {

using Json = nlohmann::json;

HttpResponse Call(const TestServer& server, const std::string& method, const std::string& target,
                  const std::string& token = "", const std::optional<Json>& body = std::nullopt);
// The body as JSON; a test failure (and null) when it is not JSON.
Json JsonOf(const HttpResponse& response);
// error.code of the error envelope, or a marker when there is none.
std::string ErrorCode(const HttpResponse& response);
// POST /api/v1/hoots; returns the new hoot's JSON. Throws when it fails.
Json AskApi(const TestServer& server, const std::string& token, const std::string& title,
            const std::string& body);
// POST /api/v1/hoots/{id}/comments; returns the new comment's JSON. Throws when it fails.
Json CommentApi(const TestServer& server, const std::string& token, std::int64_t hoot,
                const std::string& body);
// `tries` failed API sign-ins in a row through `client`, with `headers` on each; how many were
// refused with 429. Empty passwords fail without hashing, so the tries land within the rate
// bucket's minute even on a loaded machine.
int RefusedSignIns(HttpClient& client, int tries, const HeaderList& headers = {});

}  // namespace hoot::testing
