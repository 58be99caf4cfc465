#include "http/pipeline.hpp"

#include "app/log.hpp"
#include "domain/clock.hpp"
#include "service/crypto.hpp"
#include "web/urls.hpp"

namespace hoot::http {
namespace {

bool ChangesState(std::string_view method) { return method != "GET" && method != "HEAD"; }

Kind KindOfPath(std::string_view path) {
    return path.starts_with("/api/") ? Kind::kApi : Kind::kPage;
}

std::string_view BearerToken(const Request& request) {
    std::string_view auth = request.Header("authorization");
    constexpr std::string_view kPrefix = "Bearer ";
    if (!auth.starts_with(kPrefix)) return {};
    return auth.substr(kPrefix.size());
}

}  // namespace

std::string Pipeline::CsrfTokenFor(std::string_view seed) const {
    return service::KeyedDigest(csrf_secret_, seed);
}

void Pipeline::ResolveViewer(RequestContext& ctx) {
    const Request& request = ctx.request;
    std::string token(BearerToken(request));
    ctx.bearer = !token.empty();
    bool from_cookie = false;
    if (!ctx.bearer) {
        if (auto cookie = request.Cookie(kSessionCookie)) {
            token = *cookie;
            from_cookie = true;
        }
    }
    if (!token.empty()) {
        auto user = accounts_.Resolve(token);
        if (user && *user) {
            ctx.user = std::move(**user);
            ctx.session_token = token;
        } else if (from_cookie && user) {
            // Expired or signed out elsewhere: forget the cookie rather than re-checking it.
            ctx.set_cookies.emplace_back("Set-Cookie", MakeCookie(kSessionCookie, "", 0));
        }
    }
    if (auto theme = request.Cookie(kThemeCookie); theme && (*theme == "dark" || *theme == "light"))
        ctx.theme = *theme;

    // Forms carry a token derived from the session, or for anonymous visitors from a random
    // cookie of their own (sign-in and sign-up forms need protection too).
    std::string seed = ctx.session_token;
    // API clients are not browsers filling in forms: they get no seed cookie.
    if ((seed.empty() || ctx.bearer) && KindOfPath(request.path) == Kind::kPage) {
        auto anon = request.Cookie(kCsrfSeedCookie);
        if (anon && anon->size() >= 16 && anon->size() <= 64) {
            seed = *anon;
        } else {
            seed = service::RandomToken(16);
            ctx.set_cookies.emplace_back("Set-Cookie",
                                         MakeCookie(kCsrfSeedCookie, seed, 365L * 24 * 3600));
        }
    }
    if (!seed.empty()) ctx.csrf_token = CsrfTokenFor(seed);
}

bool Pipeline::CsrfValid(RequestContext& ctx) {
    if (ctx.bearer) return true;
    // An API call not signed in by the session cookie carries no ambient authority a forged
    // request could borrow (and its JSON body cannot be sent cross-site without a CORS
    // preflight, which Hoot never grants). Cookie-authenticated calls need the header.
    if (KindOfPath(ctx.request.path) == Kind::kApi && ctx.session_token.empty()) return true;
    std::string provided(ctx.request.Header("x-csrf-token"));
    if (provided.empty()) provided = ctx.FormValue("csrf");
    return !provided.empty() && service::ConstantTimeEquals(provided, ctx.csrf_token);
}

Response Pipeline::Run(RequestContext& ctx, const Route& route) {
    const auto& options = route.options;
    if (options.stateless) return route.handler(ctx);
    ResolveViewer(ctx);
    // A form that cannot be read is reported as such, not as a missing CSRF token.
    if (ChangesState(ctx.request.method)) {
        if (auto body = ctx.BodyStatus(); !body)
            return present_error_(ctx, options.kind, body.error());
    }
    if (ChangesState(ctx.request.method) && !CsrfValid(ctx)) {
        return present_error_(ctx, options.kind,
                              Error::Make(Errc::kForbidden,
                                          "This form has expired or did not come from this site. "
                                          "Reload the page and try again."));
    }
    if (options.access == Access::kSignedIn && !ctx.user) {
        if (options.kind == Kind::kPage && !ChangesState(ctx.request.method))
            return Redirect(303, web::LoginUrl(ctx.request.target));
        return present_error_(ctx, options.kind,
                              Error::Make(Errc::kUnauthenticated, "Please sign in first."));
    }
    if (!options.rate_limit.empty()) {
        // Signed-in people are limited per account, everyone else per address.
        std::string client(ctx.user ? "u" : "ip");
        client.append(ctx.user ? std::to_string(ctx.user->id.value) : ctx.request.remote_address);
        int retry_after = 60;
        if (!limiter_.Allow(options.rate_limit, client, &retry_after)) {
            Response response = present_error_(
                ctx, options.kind,
                Error::Make(Errc::kRateLimited, RateLimitMessage(options.rate_limit, retry_after)));
            response.Header("Retry-After", std::to_string(retry_after));
            return response;
        }
    }
    return route.handler(ctx);
}

Response Pipeline::Handle(Request& request) {
    if (!proxies_.empty())
        request.remote_address =
            proxies_.ClientOf(request.remote_address, request.Header("x-forwarded-for"));
    RequestContext ctx(request);
    ctx.now = SystemNow();
    Response response;
    RouteMatch match = router_.Match(request.method, request.path);
    try {
        if (!match.route) {
            auto error = match.path_known
                             ? Error::Make(Errc::kBadRequest, "That method is not allowed here.")
                             : Error::Make(Errc::kNotFound, "There is no page at this address.");
            if (KindOfPath(request.path) == Kind::kPage) ResolveViewer(ctx);
            response = present_error_(ctx, KindOfPath(request.path), error);
            if (match.path_known) {
                response.status = 405;
                response.Header("Allow", match.allow);
            }
        } else {
            ctx.params = std::move(match.params);
            response = Run(ctx, *match.route);
        }
    } catch (const std::exception& e) {
        log::Error(std::string("unhandled error on ") + request.method + " " + request.path + ": " +
                   e.what());
        response =
            present_error_(ctx, KindOfPath(request.path),
                           Error::Make(Errc::kInternal, "Something went wrong on our side."));
    }
    for (auto& cookie : ctx.set_cookies) response.headers.push_back(std::move(cookie));
    AddSecurityHeaders(response);
    return response;
}

void AddSecurityHeaders(Response& response) {
    response.Header("Content-Security-Policy",
                    "default-src 'self'; img-src 'self' data: https:; script-src 'self'; "
                    "style-src 'self'; object-src 'none'; base-uri 'none'; "
                    "frame-ancestors 'none'; form-action 'self'");
    response.Header("X-Content-Type-Options", "nosniff");
    response.Header("Referrer-Policy", "same-origin");
}

}  // namespace hoot::http
