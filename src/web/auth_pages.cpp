#include "http/pipeline.hpp"
#include "web/handlers.hpp"
#include "web/views/views.hpp"

namespace hoot::web {
namespace {

std::string SessionCookie(const service::SignedIn& session, UnixSeconds now) {
    return http::MakeCookie(http::kSessionCookie, session.token, session.expires_at - now);
}

}  // namespace

http::Response ShowSignIn(const WebContext& wc, http::RequestContext& ctx) {
    std::string next = SafeNext(ctx.request.QueryParam("next").value_or("/"));
    if (ctx.user) return SeeOther(next);
    views::SignInPage page{{}, next, {}, ctx.csrf_token};
    return HtmlPage(wc.site, ctx, PageTitle(wc.site, "Log in"), views::RenderSignIn(page));
}

http::Response SignIn(const WebContext& wc, http::RequestContext& ctx) {
    std::string username = ctx.FormValue("username");
    std::string next = SafeNext(ctx.FormValue("next"));
    auto session = wc.services.accounts.SignIn(username, ctx.FormValue("password"));
    if (!session) {
        views::SignInPage page{username, next, ToFormErrors(session.error()), ctx.csrf_token};
        return HtmlPage(wc.site, ctx, PageTitle(wc.site, "Log in"), views::RenderSignIn(page),
                        ErrcStatus(session.error().code));
    }
    auto response = SeeOther(next);
    response.Header("Set-Cookie", SessionCookie(*session, ctx.now));
    return response;
}

http::Response ShowSignUp(const WebContext& wc, http::RequestContext& ctx) {
    std::string next = SafeNext(ctx.request.QueryParam("next").value_or("/"));
    if (ctx.user) return SeeOther(next);
    views::SignUpPage page{{}, next, {}, ctx.csrf_token};
    return HtmlPage(wc.site, ctx, PageTitle(wc.site, "Sign up"), views::RenderSignUp(page));
}

http::Response SignUp(const WebContext& wc, http::RequestContext& ctx) {
    std::string username = ctx.FormValue("username");
    std::string next = SafeNext(ctx.FormValue("next"));
    auto session = wc.services.accounts.SignUp(username, ctx.FormValue("password"));
    if (!session) {
        views::SignUpPage page{username, next, ToFormErrors(session.error()), ctx.csrf_token};
        return HtmlPage(wc.site, ctx, PageTitle(wc.site, "Sign up"), views::RenderSignUp(page),
                        ErrcStatus(session.error().code));
    }
    auto response = SeeOther(next);
    response.Header("Set-Cookie", SessionCookie(*session, ctx.now));
    return response;
}

http::Response SignOut(const WebContext& wc, http::RequestContext& ctx) {
    if (auto ok = wc.services.accounts.SignOut(ctx.session_token); !ok)
        return ErrorPage(wc.site, ctx, ok.error());
    auto response = SeeOther("/");
    response.Header("Set-Cookie", http::MakeCookie(http::kSessionCookie, "", 0));
    return response;
}

}  // namespace hoot::web
