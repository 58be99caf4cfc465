#pragma once
// The middleware chain every request goes through, in order: route match → session (cookie or
// bearer token → CurrentUser) → CSRF check on state-changing requests → access rule → rate
// limit → handler → errors and security headers. Thread-safe; Handle() may block on the
// database, so the server runs state-changing requests off its I/O threads.

#include <functional>
#include <string>

#include "http/client_address.hpp"
#include "http/rate_limit.hpp"
#include "http/router.hpp"
#include "service/accounts.hpp"

namespace hoot::http {

inline constexpr std::string_view kSessionCookie = "hoot_session";
inline constexpr std::string_view kCsrfSeedCookie = "hoot_csrf";
inline constexpr std::string_view kThemeCookie = "hoot_theme";

// Turns an error into a response: an HTML page or a JSON body, by route kind.
using ErrorPresenter = std::function<Response(RequestContext&, Kind, const Error&)>;

class Pipeline {
  public:
    // `proxies`: whose X-Forwarded-For replaces the connection's address (none by default).
    Pipeline(const Router& router, service::AccountService& accounts, RateLimiter& limiter,
             std::string csrf_secret, ErrorPresenter present_error, TrustedProxies proxies = {})
        : router_(router),
          accounts_(accounts),
          limiter_(limiter),
          csrf_secret_(std::move(csrf_secret)),
          present_error_(std::move(present_error)),
          proxies_(std::move(proxies)) {}

    Response Handle(Request& request);

    // The token forms must carry for a given seed (session token or anonymous cookie).
    std::string CsrfTokenFor(std::string_view seed) const;

  private:
    void ResolveViewer(RequestContext& ctx);
    bool CsrfValid(RequestContext& ctx);
    Response Run(RequestContext& ctx, const Route& route);

    const Router& router_;
    service::AccountService& accounts_;
    RateLimiter& limiter_;
    std::string csrf_secret_;
    ErrorPresenter present_error_;
    TrustedProxies proxies_;
};

// Adds the headers every response carries (CSP without inline scripts, nosniff, ...).
void AddSecurityHeaders(Response& response);

}  // namespace hoot::http
