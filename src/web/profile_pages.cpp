#include "web/handlers.hpp"
#include "web/urls.hpp"
#include "web/views/views.hpp"

namespace hoot::web {

http::Response ShowProfile(const WebContext& wc, http::RequestContext& ctx) {
    auto user = wc.services.accounts.GetUser(ctx.params.Get("username"));
    if (!user) return ErrorPage(wc.site, ctx, user.error());
    auto hoots = wc.services.hoots.ByAuthor(user->id, std::nullopt, service::kFeedPageSize);
    if (!hoots) return ErrorPage(wc.site, ctx, hoots.error());
    views::ProfilePage page;
    page.is_self = ctx.user && ctx.user->id == user->id;
    page.signed_in = ctx.user.has_value();
    page.csrf_token = ctx.csrf_token;
    if (ctx.user && !page.is_self) {
        auto blocked = wc.services.messages.HasBlocked(*ctx.user, user->username);
        if (!blocked) return ErrorPage(wc.site, ctx, blocked.error());
        page.blocked = *blocked;
    }
    page.now = ctx.now;
    page.hoots = std::move(hoots->hoots);
    std::string name = user->display_name.empty() ? user->username : user->display_name;
    std::string canonical = UserUrl(user->username);
    page.user = std::move(*user);
    return HtmlPage(wc.site, ctx, PageTitle(wc.site, name), views::RenderProfile(page), 200,
                    std::move(canonical));
}

http::Response ShowProfileEditor(const WebContext& wc, http::RequestContext& ctx) {
    views::ProfileEditPage page;
    page.username = ctx.user->username;
    page.display_name = ctx.user->display_name;
    page.bio = ctx.user->bio_source;
    page.saved = ctx.request.QueryParam("saved").has_value();
    page.csrf_token = ctx.csrf_token;
    return HtmlPage(wc.site, ctx, PageTitle(wc.site, "Edit profile"),
                    views::RenderProfileEdit(page));
}

http::Response SaveProfile(const WebContext& wc, http::RequestContext& ctx) {
    service::ProfileEdit edit{ctx.FormValue("display_name"), ctx.FormValue("bio")};
    auto user = wc.services.accounts.UpdateProfile(ctx.user->id, edit);
    if (user) return SeeOther(std::string(kEditProfilePath) + "?saved=1");
    if (user.error().code != Errc::kInvalidInput) return ErrorPage(wc.site, ctx, user.error());
    views::ProfileEditPage page{
        ctx.user->username, edit.display_name, edit.bio, ToFormErrors(user.error()), false,
        ctx.csrf_token};
    return HtmlPage(wc.site, ctx, PageTitle(wc.site, "Edit profile"),
                    views::RenderProfileEdit(page), 422);
}

}  // namespace hoot::web
