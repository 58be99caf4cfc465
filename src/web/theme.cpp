#include "http/pipeline.hpp"
#include "web/handlers.hpp"

namespace hoot::web {

// The no-JavaScript path of the theme toggle; hoot.js sets the same cookie in place.
http::Response SetTheme(const WebContext& wc, http::RequestContext& ctx) {
    std::string theme = ctx.FormValue("theme");
    if (theme != "dark" && theme != "light")
        return ErrorPage(wc.site, ctx,
                         Error::Make(Errc::kBadRequest, "The theme must be dark or light."));
    auto response = SeeOther(SafeNext(ctx.FormValue("next")));
    // Readable by hoot.js, which flips it without a reload: it is a preference, not a secret.
    response.Header("Set-Cookie",
                    http::MakeCookie(http::kThemeCookie, theme, 365L * 24 * 3600, false));
    return response;
}

}  // namespace hoot::web
