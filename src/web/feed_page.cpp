#include "service/hoots.hpp"
#include "web/handlers.hpp"
#include "web/views/views.hpp"

namespace hoot::web {

http::Response ShowFeed(const WebContext& wc, http::RequestContext& ctx) {
    std::optional<service::TimeCursor> after;
    if (auto text = ctx.request.QueryParam("after")) {
        after = service::ParseCursor(*text);
        if (!after)
            return ErrorPage(wc.site, ctx,
                             Error::Make(Errc::kBadRequest, "That page link is not valid."));
    }
    auto page = wc.services.hoots.Latest(after, service::kFeedPageSize);
    if (!page) return ErrorPage(wc.site, ctx, page.error());
    views::FeedPage view;
    view.hoots = std::move(page->hoots);
    if (page->next) view.next_url = "/?after=" + service::FormatCursor(*page->next);
    view.now = ctx.now;
    view.signed_in = ctx.user.has_value();
    std::string title = after ? PageTitle(wc.site, "Latest hoots") : wc.site.name;
    return HtmlPage(wc.site, ctx, std::move(title), views::RenderFeed(view), 200,
                    after ? std::string() : std::string("/"));
}

}  // namespace hoot::web
