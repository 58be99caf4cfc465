#include "service/hoots.hpp"
#include "web/handlers.hpp"
#include "web/urls.hpp"
#include "web/views/views.hpp"

namespace hoot::web {
namespace {

// ?sort=, ?period= and ?after= of a feed page; kBadRequest for values that are not ours.
Result<service::BrowseQuery> ParseBrowse(const http::Request& request, std::string tag) {
    service::BrowseQuery query;
    query.tag = std::move(tag);
    if (auto sort = request.QueryParam("sort"); sort && !sort->empty()) {
        auto order = ParseFeedOrder(*sort);
        if (!order) return Error::Make(Errc::kBadRequest, "There is no such order of hoots.");
        query.order = *order;
    }
    if (auto period = request.QueryParam("period"); period && !period->empty()) {
        auto parsed = ParseTopPeriod(*period);
        if (!parsed) return Error::Make(Errc::kBadRequest, "There is no such period.");
        query.period = *parsed;
    }
    if (auto after = request.QueryParam("after")) query.after = std::string(*after);
    return query;
}

// The feed of all hoots (`tag` empty) or of one tag, in the order the query asks for.
http::Response RenderFeedPage(const WebContext& wc, http::RequestContext& ctx, std::string tag) {
    auto query = ParseBrowse(ctx.request, std::move(tag));
    if (!query) return ErrorPage(wc.site, ctx, query.error());
    auto page = wc.services.hoots.Browse(*query);
    if (!page) return ErrorPage(wc.site, ctx, page.error());
    views::FeedPage view;
    view.tag = query->tag;
    if (!view.tag.empty()) {
        auto about = wc.services.hoots.Tag(view.tag);
        if (!about) return ErrorPage(wc.site, ctx, about.error());
        view.tag_excerpt = std::move(about->excerpt);
        view.tag_excerpt_site = std::move(about->excerpt_site);
    }
    view.order = query->order;
    view.period = query->period;
    view.hoots = std::move(page->hoots);
    if (!page->next.empty()) view.next_url = FeedUrl(view.tag, view.order, view.period, page->next);
    view.now = ctx.now;
    view.signed_in = ctx.user.has_value();
    const bool home = query->after.empty() && query->order == FeedOrder::kLatest;
    static constexpr std::string_view kOrderTitles[] = {"Latest hoots", "Hot hoots", "Top hoots",
                                                        "Unanswered hoots"};
    std::string title = !view.tag.empty() ? PageTitle(wc.site, "Hoots tagged " + view.tag)
                        : home            ? wc.site.name
                               : PageTitle(wc.site, kOrderTitles[static_cast<int>(query->order)]);
    std::string atom = view.tag.empty() ? SiteAtomUrl() : TagAtomUrl(view.tag);
    std::string atom_title = view.tag.empty() ? wc.site.name : "Hoots tagged " + view.tag;
    return HtmlPageWithFeed(
        wc.site, ctx, std::move(title), views::RenderFeed(view), std::move(atom),
        std::move(atom_title),
        query->after.empty() ? FeedUrl(view.tag, view.order, view.period) : std::string());
}

}  // namespace

http::Response ShowFeed(const WebContext& wc, http::RequestContext& ctx) {
    return RenderFeedPage(wc, ctx, {});
}

http::Response ShowTagFeed(const WebContext& wc, http::RequestContext& ctx) {
    return RenderFeedPage(wc, ctx, std::string(ctx.params.Get("tag")));
}
}  // namespace hoot::web
