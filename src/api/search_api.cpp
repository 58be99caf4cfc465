#include <charconv>

#include "api/handlers.hpp"
#include "api/json_io.hpp"
#include "render/marked_text.hpp"
#include "web/urls.hpp"

namespace hoot::api {
namespace {

// A whole-number query parameter, `fallback` when absent; kBadRequest naming it otherwise.
Result<int> IntParam(const http::Request& request, std::string_view name, int fallback) {
    auto text = request.QueryParam(name);
    if (!text || text->empty()) return fallback;
    int value = 0;
    auto [ptr, ec] = std::from_chars(text->data(), text->data() + text->size(), value);
    if (ec != std::errc() || ptr != text->data() + text->size())
        return Error::Make(Errc::kBadRequest,
                           "\"" + std::string(name) + "\" must be a whole number.",
                           std::string(name));
    return value;
}

std::string_view MatchKey(SearchMatch match) {
    switch (match) {
        case SearchMatch::kComment:
            return "comment";
        case SearchMatch::kUpdate:
            return "update";
        case SearchMatch::kHoot:
            break;
    }
    return "hoot";
}

// Marked text as HTML: escaped, with only <mark> added.
std::string MarkedHtml(std::string_view marked) {
    render::Html html(marked.size() + 32);
    render::AppendMarked(html, marked);
    return html.Take();
}

Json ToJson(const SearchHit& hit) {
    return Json{{"hoot", api::ToJson(hit.hoot)},
                {"match", MatchKey(hit.match)},
                {"post_id", hit.post.value},
                {"url", web::HootPostUrl(hit.hoot.id, hit.hoot.slug, hit.post)},
                {"title_html", MarkedHtml(hit.title_marked)},
                {"snippet_html", MarkedHtml(hit.snippet_marked)},
                {"snippet", render::Unmarked(hit.snippet_marked)}};
}

}  // namespace

http::Response Search(service::Services& services, http::RequestContext& ctx) {
    auto page = IntParam(ctx.request, "page", 1);
    if (!page) return JsonError(page.error());
    auto limit = IntParam(ctx.request, "limit", service::kSearchPageSize);
    if (!limit) return JsonError(limit.error());
    const bool similar = ctx.request.QueryParam("similar").value_or("") == "1";
    auto result =
        services.search.Search(ctx.request.QueryParam("q").value_or(""), *page, *limit, similar);
    if (!result) return JsonError(result.error());
    Json results = Json::array();
    for (const auto& hit : result->hits) results.push_back(ToJson(hit));
    return JsonResponse(200, Json{{"query", result->query.ToString()},
                                  {"page", result->page},
                                  {"next_page", result->has_next ? Json(result->page + 1) : Json()},
                                  {"results", std::move(results)}});
}

}  // namespace hoot::api
