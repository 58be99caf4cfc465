#pragma once
// The request and response as the rest of Hoot sees them: plain structs, so that only
// http/server.cpp includes Boost.Beast (each Beast translation unit costs ~20 s to compile).

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace hoot::http {

class EventStream;  // event_stream.hpp

using Fields = std::vector<std::pair<std::string, std::string>>;

struct Request {
    std::string method;  // "GET", "POST", ...; HEAD arrives as "GET" with head_only set
    bool head_only = false;
    std::string target;  // path and query as sent
    std::string path;    // percent-decoded path, without the query
    std::string query;   // raw query string, without '?'
    Fields headers;      // names lower-cased
    std::string body;
    std::string remote_address;

    // The first header with that (lower-case) name, or empty.
    std::string_view Header(std::string_view lower_name) const;
    // A cookie's value, if the Cookie header carries it.
    std::optional<std::string> Cookie(std::string_view name) const;
    // A query parameter, decoded; nullopt when absent.
    std::optional<std::string> QueryParam(std::string_view name) const;
};

struct Response {
    int status = 200;
    std::string content_type = "text/html; charset=utf-8";
    Fields headers;  // extra headers (Set-Cookie may repeat)
    std::string body;
    // Set: the connection becomes this event stream once the headers are sent (no body).
    std::shared_ptr<EventStream> event_stream = {};

    Response& Header(std::string name, std::string value) {
        headers.emplace_back(std::move(name), std::move(value));
        return *this;
    }
};

// Parses application/x-www-form-urlencoded text (also query strings): '+' is a space,
// %XX decoded. Malformed escapes are kept literally rather than rejected.
Fields ParseUrlEncoded(std::string_view text);
std::string PercentDecode(std::string_view text, bool plus_is_space);
// The first value for `name`, or nullopt.
std::optional<std::string> FieldValue(const Fields& fields, std::string_view name);

Response Redirect(int status, std::string location);
Response Text(int status, std::string body);

// A Set-Cookie value for a session-style cookie: Path=/; HttpOnly; SameSite=Lax; Max-Age.
std::string MakeCookie(std::string_view name, std::string_view value, long max_age_seconds,
                       bool http_only = true);

}  // namespace hoot::http
