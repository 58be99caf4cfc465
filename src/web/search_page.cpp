#include <charconv>

#include "service/search.hpp"
#include "web/handlers.hpp"
#include "web/urls.hpp"
#include "web/views/views.hpp"

namespace hoot::web {
namespace {

// ?page=N; 1 when absent, nullopt when it is not a whole number.
std::optional<int> PageParam(const http::Request& request) {
    auto text = request.QueryParam("page");
    if (!text || text->empty()) return 1;
    int value = 0;
    auto [ptr, ec] = std::from_chars(text->data(), text->data() + text->size(), value);
    if (ec != std::errc() || ptr != text->data() + text->size()) return std::nullopt;
    return value;
}

}  // namespace

http::Response ShowSearch(const WebContext& wc, http::RequestContext& ctx) {
    auto page_number = PageParam(ctx.request);
    if (!page_number)
        return ErrorPage(wc.site, ctx,
                         Error::Make(Errc::kBadRequest, "That page link is not valid."));
    auto result = wc.services.search.Search(ctx.request.QueryParam("q").value_or(""), *page_number);
    if (!result) return ErrorPage(wc.site, ctx, result.error());
    views::SearchResultsPage view;
    view.query = result->query.ToString();
    view.hits = std::move(result->hits);
    view.page = result->page;
    if (view.page > 1) view.previous_url = SearchUrl(view.query, view.page - 1);
    if (result->has_next) view.next_url = SearchUrl(view.query, view.page + 1);
    view.now = ctx.now;
    std::string title = view.query.empty() ? PageTitle(wc.site, "Search")
                                           : PageTitle(wc.site, "Search: " + view.query);
    return HtmlPage(wc.site, ctx, std::move(title), views::RenderSearch(view));
}

}  // namespace hoot::web
