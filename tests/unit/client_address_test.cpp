// Which address a request is counted against when proxies stand in front (http/client_address).

#include "http/client_address.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace {

using hoot::http::TrustedProxies;

TrustedProxies Trust(const std::vector<std::string>& addresses) {
    auto proxies = TrustedProxies::Parse(addresses);
    EXPECT_TRUE(proxies.ok());
    return proxies.ok() ? *proxies : TrustedProxies();
}

struct Case {
    const char* name;
    std::vector<std::string> trusted;
    const char* remote;
    const char* forwarded_for;
    const char* client;
};

TEST(ClientAddress, NamedCases) {
    const Case cases[] = {
        {"no proxy trusted: the header is ignored",
         {},
         "198.51.100.7",
         "203.0.113.5",
         "198.51.100.7"},
        {"an untrusted sender cannot choose its address",
         {"127.0.0.1"},
         "198.51.100.7",
         "203.0.113.5",
         "198.51.100.7"},
        {"nginx on the same machine", {"127.0.0.1"}, "127.0.0.1", "203.0.113.5", "203.0.113.5"},
        {"an IPv4 client on an IPv6 socket",
         {"127.0.0.1"},
         "::ffff:127.0.0.1",
         "203.0.113.5",
         "203.0.113.5"},
        {"the nearest untrusted hop wins over what the client wrote itself",
         {"127.0.0.1"},
         "127.0.0.1",
         "1.2.3.4, 203.0.113.5",
         "203.0.113.5"},
        {"two trusted proxies in a row",
         {"127.0.0.1", "10.0.0.2"},
         "127.0.0.1",
         "203.0.113.5, 10.0.0.2",
         "203.0.113.5"},
        {"spaces and tabs around hops",
         {"127.0.0.1"},
         "127.0.0.1",
         " 203.0.113.5 \t",
         "203.0.113.5"},
        {"IPv6 client, written canonically", {"::1"}, "::1", "2001:DB8:0:0::1", "2001:db8::1"},
        {"no header: the proxy itself", {"127.0.0.1"}, "127.0.0.1", "", "127.0.0.1"},
        {"only trusted hops: the proxy itself",
         {"127.0.0.1"},
         "127.0.0.1",
         "127.0.0.1",
         "127.0.0.1"},
        {"garbage where the search stops: the proxy itself",
         {"127.0.0.1"},
         "127.0.0.1",
         "203.0.113.5, unknown",
         "127.0.0.1"},
        {"garbage beyond the client is never read",
         {"127.0.0.1"},
         "127.0.0.1",
         "not-an-address, 203.0.113.5",
         "203.0.113.5"},
        {"a port is not an address", {"127.0.0.1"}, "127.0.0.1", "203.0.113.5:4711", "127.0.0.1"},
        {"an empty hop", {"127.0.0.1"}, "127.0.0.1", "203.0.113.5,", "127.0.0.1"},
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(c.name);
        EXPECT_EQ(Trust(c.trusted).ClientOf(c.remote, c.forwarded_for), c.client);
    }
}

TEST(ClientAddress, ProxiesThatAreNotAddressesAreRefusedByName) {
    for (const char* bad : {"", "localhost", "127.0.0.1:80", "10.0.0.0/8", "300.1.1.1"}) {
        SCOPED_TRACE(bad);
        auto proxies = TrustedProxies::Parse({"127.0.0.1", bad});
        ASSERT_FALSE(proxies.ok());
        EXPECT_NE(proxies.error().message.find("'" + std::string(bad) + "'"), std::string::npos)
            << proxies.error().message;
    }
}

}  // namespace
