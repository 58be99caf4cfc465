#include "service/hoots.hpp"
#include "web/handlers.hpp"
#include "web/urls.hpp"
#include "web/views/views.hpp"

namespace hoot::web {
namespace {

// The feed of all hoots (`tag` empty) or of one tag, from ?after= on.
http::Response RenderFeedPage(const WebContext& wc, http::RequestContext& ctx, std::string tag) {
    std::optional<service::TimeCursor> after;
    if (auto text = ctx.request.QueryParam("after")) {
        after = service::ParseCursor(*text);
        if (!after)
            return ErrorPage(wc.site, ctx,
                             Error::Make(Errc::kBadRequest, "That page link is not valid."));
    }
    auto page = tag.empty() ? wc.services.hoots.Latest(after, service::kFeedPageSize)
                            : wc.services.hoots.ByTag(tag, after, service::kFeedPageSize);
    if (!page) return ErrorPage(wc.site, ctx, page.error());
    std::string base = tag.empty() ? std::string(kHomePath) : TagUrl(tag);
    views::FeedPage view;
    view.tag = tag;
    view.hoots = std::move(page->hoots);
    if (page->next) view.next_url = base + "?after=" + service::FormatCursor(*page->next);
    view.now = ctx.now;
    view.signed_in = ctx.user.has_value();
    std::string title = !tag.empty() ? PageTitle(wc.site, "Hoots tagged " + tag)
                        : after      ? PageTitle(wc.site, "Latest hoots")
                                     : wc.site.name;
    return HtmlPage(wc.site, ctx, std::move(title), views::RenderFeed(view), 200,
                    after ? std::string() : base);
}

}  // namespace

http::Response ShowFeed(const WebContext& wc, http::RequestContext& ctx) {
    return RenderFeedPage(wc, ctx, {});
}

http::Response ShowTagFeed(const WebContext& wc, http::RequestContext& ctx) {
    return RenderFeedPage(wc, ctx, std::string(ctx.params.Get("tag")));
}

}  // namespace hoot::web
