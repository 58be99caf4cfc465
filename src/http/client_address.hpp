#pragma once
// Who sent a request when a proxy stands in front of Hoot. Behind nginx every connection comes
// from the proxy's address; limits keyed by address (sign-in, sign-up) would then put every
// anonymous visitor in one bucket. The proxies named by the operator (`--trusted-proxy`) are
// believed about the address they forwarded for; nobody else is, so a client cannot choose its
// own address by sending X-Forwarded-For itself.

#include <string>
#include <string_view>
#include <vector>

#include "domain/result.hpp"

namespace hoot::http {

class TrustedProxies {
  public:
    TrustedProxies() = default;
    // IPv4 or IPv6 literals ("127.0.0.1", "::1"). kInvalidInput naming the first that is not one.
    static Result<TrustedProxies> Parse(const std::vector<std::string>& addresses);

    bool empty() const { return addresses_.empty(); }
    // `remote` when it is not a trusted proxy; otherwise the nearest address in `forwarded_for`
    // (X-Forwarded-For: "client, proxy1, proxy2", the last appended by the nearest proxy) that is
    // not a trusted proxy. `remote` when the header is absent, holds only trusted proxies, or
    // holds something that is not an address at the place where the search stopped.
    std::string ClientOf(std::string_view remote, std::string_view forwarded_for) const;

  private:
    bool Trusts(std::string_view canonical) const;
    std::vector<std::string> addresses_;  // canonical text (see Canonical in the .cpp)
};

}  // namespace hoot::http
