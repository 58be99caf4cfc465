#include "http/client_address.hpp"

#include <arpa/inet.h>

#include <algorithm>
#include <optional>

namespace hoot::http {
namespace {

std::string_view Trim(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
    return text;
}

// One spelling per address, so "::ffff:127.0.0.1" (an IPv4 client on an IPv6 socket) and
// "127.0.0.1", or "::1" and "0:0::1", compare equal. nullopt for anything that is not an address.
std::optional<std::string> Canonical(std::string_view text) {
    if (text.empty() || text.size() >= INET6_ADDRSTRLEN) return std::nullopt;
    std::string copy(text);
    char out[INET6_ADDRSTRLEN] = {};
    in_addr v4{};
    if (inet_pton(AF_INET, copy.c_str(), &v4) == 1) {
        inet_ntop(AF_INET, &v4, out, sizeof out);
        return std::string(out);
    }
    in6_addr v6{};
    if (inet_pton(AF_INET6, copy.c_str(), &v6) != 1) return std::nullopt;
    if (IN6_IS_ADDR_V4MAPPED(&v6)) {
        std::copy(v6.s6_addr + 12, v6.s6_addr + 16, reinterpret_cast<unsigned char*>(&v4));
        inet_ntop(AF_INET, &v4, out, sizeof out);
        return std::string(out);
    }
    inet_ntop(AF_INET6, &v6, out, sizeof out);
    return std::string(out);
}

}  // namespace

Result<TrustedProxies> TrustedProxies::Parse(const std::vector<std::string>& addresses) {
    TrustedProxies proxies;
    for (const auto& address : addresses) {
        auto canonical = Canonical(Trim(address));
        if (!canonical)
            return Error::Make(Errc::kInvalidInput,
                               "a trusted proxy must be an IPv4 or IPv6 address such as "
                               "127.0.0.1 (got '" +
                                   address + "')");
        proxies.addresses_.push_back(std::move(*canonical));
    }
    return proxies;
}

bool TrustedProxies::Trusts(std::string_view canonical) const {
    return std::find(addresses_.begin(), addresses_.end(), canonical) != addresses_.end();
}

std::string TrustedProxies::ClientOf(std::string_view remote,
                                     std::string_view forwarded_for) const {
    auto from = Canonical(remote);
    if (!from || !Trusts(*from)) return std::string(remote);
    // From the right: each hop was appended by the proxy it reached, so the first address no
    // trusted proxy claims is the client as far as anyone we trust can tell.
    std::string_view rest = forwarded_for;
    while (!rest.empty()) {
        auto comma = rest.rfind(',');
        std::string_view hop =
            Trim(comma == std::string_view::npos ? rest : rest.substr(comma + 1));
        rest = comma == std::string_view::npos ? std::string_view() : rest.substr(0, comma);
        auto address = Canonical(hop);
        if (!address) return std::string(remote);
        if (!Trusts(*address)) return *address;
    }
    return std::string(remote);
}

}  // namespace hoot::http
