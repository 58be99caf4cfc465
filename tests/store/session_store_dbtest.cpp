#include <gtest/gtest.h>

#include <optional>

#include "store/store_fixture.hpp"

namespace hoot::testing {
namespace {

class SessionStoreTest : public StoreTest {};
HOOT_STORE_SUITE(SessionStoreTest);

std::optional<UserId> FindOrFail(service::SessionStore& sessions, std::string_view token,
                                 UnixSeconds now) {
    auto found = sessions.Find(token, now);
    EXPECT_TRUE(found.ok());
    return found.ok() ? *found : std::nullopt;
}

TEST_P(SessionStoreTest, CreatedSessionFindsItsUser) {
    UserId alice = AddUser("alice");
    UserId bob = AddUser("bob");
    ASSERT_TRUE(stores().sessions.Create("hash-a", alice, 100, 1100).ok());
    ASSERT_TRUE(stores().sessions.Create("hash-b", bob, 100, 1100).ok());
    EXPECT_EQ(FindOrFail(stores().sessions, "hash-a", 500), alice);
    EXPECT_EQ(FindOrFail(stores().sessions, "hash-b", 500), bob);
    EXPECT_EQ(FindOrFail(stores().sessions, "hash-c", 500), std::nullopt);
}

TEST_P(SessionStoreTest, ExpiryIsRespected) {
    UserId alice = AddUser("alice");
    ASSERT_TRUE(stores().sessions.Create("hash", alice, 100, 1100).ok());
    struct Case {
        const char* name;
        UnixSeconds now;
        bool valid;
    };
    const Case cases[] = {
        {"at_creation", 100, true},
        {"one_second_before_expiry", 1099, true},
        {"at_expiry", 1100, false},
        {"long_after", 50000, false},
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(c.name);
        EXPECT_EQ(FindOrFail(stores().sessions, "hash", c.now).has_value(), c.valid);
    }
}

TEST_P(SessionStoreTest, DeleteEndsOnlyThatSession) {
    UserId alice = AddUser("alice");
    ASSERT_TRUE(stores().sessions.Create("phone", alice, 100, 1100).ok());
    ASSERT_TRUE(stores().sessions.Create("laptop", alice, 100, 1100).ok());
    ASSERT_TRUE(stores().sessions.Delete("phone").ok());
    EXPECT_EQ(FindOrFail(stores().sessions, "phone", 200), std::nullopt);
    EXPECT_EQ(FindOrFail(stores().sessions, "laptop", 200), alice);
    // Deleting what is not there is not an error (signing out twice).
    EXPECT_TRUE(stores().sessions.Delete("phone").ok());
    EXPECT_TRUE(stores().sessions.Delete("never-existed").ok());
}

TEST_P(SessionStoreTest, CreatingASessionSweepsExpiredOnes) {
    UserId alice = AddUser("alice");
    ASSERT_TRUE(stores().sessions.Create("old", alice, 100, 200).ok());
    ASSERT_TRUE(stores().sessions.Create("current", alice, 100, 5000).ok());
    // Asked about a time before its expiry, the old session still answers: it has not been swept.
    ASSERT_EQ(FindOrFail(stores().sessions, "old", 150), alice);

    ASSERT_TRUE(stores().sessions.Create("new", alice, 300, 5000).ok());

    // Now it is gone from the table, whatever time is asked about.
    EXPECT_EQ(FindOrFail(stores().sessions, "old", 150), std::nullopt);
    EXPECT_EQ(FindOrFail(stores().sessions, "current", 400), alice);
    EXPECT_EQ(FindOrFail(stores().sessions, "new", 400), alice);
}

TEST_P(SessionStoreTest, SessionOfUnknownUserIsRefused) {
    auto created = stores().sessions.Create("hash", UserId(4242), 100, 1100);
    EXPECT_FALSE(created.ok());
    EXPECT_EQ(FindOrFail(stores().sessions, "hash", 200), std::nullopt);
}

}  // namespace
}  // namespace hoot::testing
