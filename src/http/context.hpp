#pragma once
// What a handler gets: the request, the path parameters its route captured, and what the
// middleware learned (who is signed in, the CSRF token forms must carry).

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "domain/model.hpp"
#include "domain/result.hpp"
#include "http/message.hpp"
#include "http/multipart.hpp"

namespace hoot::http {

struct PathParams {
    std::vector<std::pair<std::string_view, std::string>> values;
    std::string_view Get(std::string_view name) const {
        for (const auto& [key, value] : values)
            if (key == name) return value;
        return {};
    }
};

struct RequestContext {
    explicit RequestContext(Request& r) : request(r) {}

    Request& request;
    PathParams params;
    std::optional<User> user;   // the signed-in user, if any
    std::string session_token;  // the raw token that signed them in
    bool bearer = false;        // signed in by Authorization: Bearer (API clients)
    std::string csrf_token;     // forms rendered for this request carry it
    std::string theme;          // "dark", "light" or "" from the theme cookie
    Fields set_cookies;         // ("Set-Cookie", value) pairs to add to the response
    UnixSeconds now = 0;

    // The form body (urlencoded, or the text fields of multipart/form-data), parsed once on
    // first use. Empty when the body is not a form or could not be read (see BodyStatus).
    const Fields& Form();
    std::string FormValue(std::string_view name);
    // The file part named `name` of a multipart form, if the form has one.
    const MultipartPart* File(std::string_view name);
    // Whether the body could be read as the form its Content-Type declares: kBadRequest (or
    // kTooLarge) for a malformed multipart body, ok for everything else.
    Status BodyStatus();

  private:
    void ParseBody();

    std::optional<Fields> form_;
    std::vector<MultipartPart> files_;
    std::optional<Error> body_error_;
};

// The post named by the route's {id}: kNotFound when it is not a post id at all.
Result<PostId> PostIdParam(const RequestContext& ctx);

}  // namespace hoot::http
