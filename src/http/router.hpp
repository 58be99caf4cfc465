#pragma once
// One route table: method + pattern → handler with its options. Patterns are literal segments
// and {name} captures of one segment each ("/hoots/{id}/{slug}"); when several patterns match,
// the one with the most literal segments wins. Built once at start, then
// read-only (thread-safe to match from many threads).

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "http/context.hpp"

namespace hoot::http {

using Handler = std::function<Response(RequestContext&)>;

enum class Access {
    kAnyone,
    kSignedIn,  // anonymous: pages redirect to sign-in, the API answers 401
};

enum class Kind {
    kPage,  // HTML: errors as pages
    kApi,   // JSON: errors as {"error":{...}}
};

struct RouteOptions {
    Access access = Access::kAnyone;
    Kind kind = Kind::kPage;
    std::string_view rate_limit;  // a bucket name from http/rate_limit, or empty
    bool stateless = false;       // static files, health: no session, no CSRF
};

struct Route {
    std::string method;
    std::vector<std::string> segments;  // "{name}" marks a capture
    Handler handler;
    RouteOptions options;
};

struct RouteMatch {
    const Route* route = nullptr;
    PathParams params;
    bool path_known = false;  // some route has this path, under another method (405)
    std::string allow;        // those methods, for the Allow header of a 405 ("GET, POST")
};

class Router {
  public:
    void Add(std::string_view method, std::string_view pattern, Handler handler,
             RouteOptions options = {});
    RouteMatch Match(std::string_view method, std::string_view path) const;

  private:
    std::vector<Route> routes_;
};

}  // namespace hoot::http
