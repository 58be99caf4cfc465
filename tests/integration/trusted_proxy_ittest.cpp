// Behind a trusted proxy, limits by address count each forwarded client on its own; without the
// trust, X-Forwarded-For changes nothing.

#include <gtest/gtest.h>

#include <string>

#include "support/api_calls.hpp"
#include "support/test_server.hpp"

namespace {

using hoot::testing::HttpClient;
using hoot::testing::TestServer;

// Refused sign-ins of `tries` as the client the header names.
int RefusedSignIns(HttpClient& client, const std::string& forwarded_for, int tries) {
    return hoot::testing::RefusedSignIns(client, tries, {{"X-Forwarded-For", forwarded_for}});
}

TEST(TrustedProxy, EachForwardedClientHasItsOwnSignInBucket) {
    TestServer server([](hoot::app::AppConfig& config) {
        config.rate_limits = true;
        config.trusted_proxies = {"127.0.0.1"};
    });
    auto client = server.ApiClient();
    EXPECT_EQ(RefusedSignIns(client, "203.0.113.5", 11), 1);
    // Another visitor behind the same proxy is not refused for the first one's tries.
    EXPECT_EQ(RefusedSignIns(client, "203.0.113.6", 10), 0);
    // Nor can the first one start afresh by claiming another address in front of its own.
    EXPECT_EQ(RefusedSignIns(client, "198.51.100.1, 203.0.113.5", 1), 1);
}

TEST(TrustedProxy, WithoutTrustTheHeaderIsIgnored) {
    TestServer server([](hoot::app::AppConfig& config) { config.rate_limits = true; });
    auto client = server.ApiClient();
    EXPECT_EQ(RefusedSignIns(client, "203.0.113.5", 10), 0);
    EXPECT_EQ(RefusedSignIns(client, "203.0.113.6", 1), 1);
}

TEST(TrustedProxy, AProxyThatIsNotAnAddressStopsTheStart) {
    try {
        TestServer server(
            [](hoot::app::AppConfig& config) { config.trusted_proxies = {"nginx.local"}; });
        FAIL() << "the server started";
    } catch (const std::runtime_error& e) {
        EXPECT_NE(std::string(e.what()).find("'nginx.local'"), std::string::npos) << e.what();
    }
}

}  // namespace
