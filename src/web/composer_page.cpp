#include "domain/validation.hpp"
#include "web/handlers.hpp"
#include "web/urls.hpp"
#include "web/views/views.hpp"

namespace hoot::web {

http::Response ShowComposer(const WebContext& wc, http::RequestContext& ctx) {
    views::ComposerPage page;
    page.csrf_token = ctx.csrf_token;
    return HtmlPage(wc.site, ctx, PageTitle(wc.site, "New Post"), views::RenderComposer(page));
}

http::Response PostHoot(const WebContext& wc, http::RequestContext& ctx) {
    views::ComposerPage page{
        ctx.FormValue("title"), ctx.FormValue("body"), ctx.FormValue("tags"), {}, ctx.csrf_token};
    auto tags = ParseTags(page.tags);
    Result<Hoot> hoot = tags ? wc.services.hoots.Ask({ctx.user->id, page.title, page.body, *tags})
                             : Result<Hoot>(tags.take_error());
    if (hoot) return SeeOther(HootUrl(hoot->id, hoot->slug));
    if (hoot.error().code != Errc::kInvalidInput) return ErrorPage(wc.site, ctx, hoot.error());
    page.errors = ToFormErrors(hoot.error());
    return HtmlPage(wc.site, ctx, PageTitle(wc.site, "New Post"), views::RenderComposer(page), 422);
}

}  // namespace hoot::web
