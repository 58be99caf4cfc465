#include "http/router.hpp"

namespace hoot::http {
namespace {

std::vector<std::string_view> SplitPath(std::string_view path) {
    std::vector<std::string_view> parts;
    std::size_t start = 0;
    while (start < path.size()) {
        if (path[start] == '/') {
            ++start;
            continue;
        }
        auto end = path.find('/', start);
        if (end == std::string_view::npos) end = path.size();
        parts.push_back(path.substr(start, end - start));
        start = end;
    }
    return parts;
}

bool IsCapture(std::string_view segment) {
    return segment.size() > 2 && segment.front() == '{' && segment.back() == '}';
}

}  // namespace

void Router::Add(std::string_view method, std::string_view pattern, Handler handler,
                 RouteOptions options) {
    Route route{std::string(method), {}, std::move(handler), options};
    for (auto part : SplitPath(pattern)) route.segments.emplace_back(part);
    routes_.push_back(std::move(route));
}

RouteMatch Router::Match(std::string_view method, std::string_view path) const {
    RouteMatch match;
    // A trailing slash is a different URL; only "/" itself ends in one.
    if (path.size() > 1 && path.back() == '/') return match;
    auto parts = SplitPath(path);
    // The most specific route wins (more literal segments), whatever the order of the table:
    // "/hoots/{id}/revisions" before "/hoots/{id}/{slug}".
    int best_literals = -1;
    for (const auto& route : routes_) {
        if (route.segments.size() != parts.size()) continue;
        PathParams params;
        bool fits = true;
        int literals = 0;
        for (std::size_t i = 0; i < parts.size() && fits; ++i) {
            const auto& segment = route.segments[i];
            if (IsCapture(segment)) {
                params.values.emplace_back(std::string_view(segment).substr(1, segment.size() - 2),
                                           std::string(parts[i]));
            } else {
                fits = segment == parts[i];
                ++literals;
            }
        }
        if (!fits) continue;
        if (route.method != method) {
            match.path_known = true;
            if (match.allow.find(route.method) == std::string::npos)
                match.allow += (match.allow.empty() ? "" : ", ") + route.method;
            continue;
        }
        if (literals > best_literals) {
            best_literals = literals;
            match.route = &route;
            match.params = std::move(params);
        }
    }
    return match;
}

}  // namespace hoot::http
