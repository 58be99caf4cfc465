#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "store/store_fixture.hpp"

namespace hoot::testing {
namespace {

class UserStoreTest : public StoreTest {};
HOOT_STORE_SUITE(UserStoreTest);

TEST_P(UserStoreTest, CreateThenFindByIdReturnsWhatWasStored) {
    auto id = stores().users.Create(service::NewUser{"Alice", "argon-hash", true, 1234});
    ASSERT_TRUE(id.ok()) << id.error().detail;
    EXPECT_TRUE(id->valid());

    auto found = stores().users.FindById(*id);
    ASSERT_TRUE(found.ok());
    ASSERT_TRUE(found->has_value());
    const User& user = **found;
    EXPECT_EQ(user.id, *id);
    EXPECT_EQ(user.username, "Alice");
    EXPECT_EQ(user.display_name, "");
    EXPECT_EQ(user.bio_source, "");
    EXPECT_EQ(user.bio_html, "");
    EXPECT_TRUE(user.is_admin);
    EXPECT_EQ(user.created_at, 1234);
    EXPECT_EQ(user.hoot_count, 0);
    EXPECT_EQ(user.comment_count, 0);
}

TEST_P(UserStoreTest, EachUserGetsItsOwnId) {
    UserId a = AddUser("alice");
    UserId b = AddUser("bob");
    EXPECT_NE(a, b);
    EXPECT_EQ(GetUser(a).username, "alice");
    EXPECT_EQ(GetUser(b).username, "bob");
}

TEST_P(UserStoreTest, FindByUsernameIgnoresCase) {
    UserId id = AddUser("MixedCase_Name");
    struct Case {
        const char* name;
        const char* query;
    };
    const Case cases[] = {
        {"as_typed", "MixedCase_Name"},
        {"lower", "mixedcase_name"},
        {"upper", "MIXEDCASE_NAME"},
        {"alternating", "mIxEdCaSe_nAmE"},
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(c.name);
        auto found = stores().users.FindByUsername(c.query);
        ASSERT_TRUE(found.ok());
        ASSERT_TRUE(found->has_value());
        EXPECT_EQ((*found)->id, id);
        EXPECT_EQ((*found)->username, "MixedCase_Name") << "the name is kept as typed";
    }
}

TEST_P(UserStoreTest, FindByUsernameOfNobodyIsEmpty) {
    AddUser("alice");
    for (const char* query : {"bob", "alic", "alice2", "", "alice "}) {
        SCOPED_TRACE(query);
        auto found = stores().users.FindByUsername(query);
        ASSERT_TRUE(found.ok());
        EXPECT_FALSE(found->has_value());
    }
}

TEST_P(UserStoreTest, TakenNameInAnyCaseIsAConflictOnUsername) {
    AddUser("Alice");
    for (const char* name : {"Alice", "alice", "ALICE", "aLiCe"}) {
        SCOPED_TRACE(name);
        auto id = stores().users.Create(service::NewUser{name, "other-hash", false, 2000});
        ASSERT_FALSE(id.ok());
        EXPECT_EQ(id.error().code, Errc::kConflict);
        EXPECT_EQ(id.error().field, "username");
    }
    auto count = stores().users.Count();
    ASSERT_TRUE(count.ok());
    EXPECT_EQ(*count, 1);
    // The first account is untouched by the refused ones.
    auto credentials = stores().users.FindCredentials("alice");
    ASSERT_TRUE(credentials.ok());
    ASSERT_TRUE(credentials->has_value());
    EXPECT_EQ((*credentials)->password_hash, "hash-of-Alice");
}

TEST_P(UserStoreTest, AfterAConflictTheStoreStillWrites) {
    AddUser("alice");
    ASSERT_FALSE(stores().users.Create(service::NewUser{"ALICE", "h", false, 1}).ok());
    UserId bob = AddUser("bob");
    EXPECT_TRUE(bob.valid());
}

TEST_P(UserStoreTest, FindCredentials) {
    UserId with_password = AddUser("Alice");
    auto imported = stores().users.Create(service::NewUser{"imported", "", false, 1000});
    ASSERT_TRUE(imported.ok());

    struct Case {
        const char* name;
        const char* query;
        bool found;
        UserId id;
        std::string hash;
    };
    const Case cases[] = {
        {"exact_name", "Alice", true, with_password, "hash-of-Alice"},
        {"other_case", "aLICE", true, with_password, "hash-of-Alice"},
        {"no_password_gives_empty_hash", "imported", true, *imported, ""},
        {"unknown_user", "mallory", false, UserId(), ""},
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(c.name);
        auto credentials = stores().users.FindCredentials(c.query);
        ASSERT_TRUE(credentials.ok());
        ASSERT_EQ(credentials->has_value(), c.found);
        if (!c.found) continue;
        EXPECT_EQ((*credentials)->id, c.id);
        EXPECT_EQ((*credentials)->password_hash, c.hash);
    }
}

TEST_P(UserStoreTest, UpdateProfileChangesOnlyTheProfile) {
    UserId id = AddUser("alice", 777);
    UserId other = AddUser("bob");
    ASSERT_TRUE(stores()
                    .users
                    .UpdateProfile(id, service::ProfileUpdate{"Alice A.", "I *like* owls",
                                                              "<p>I <em>like</em> owls</p>"})
                    .ok());
    User user = GetUser(id);
    EXPECT_EQ(user.display_name, "Alice A.");
    EXPECT_EQ(user.bio_source, "I *like* owls");
    EXPECT_EQ(user.bio_html, "<p>I <em>like</em> owls</p>");
    EXPECT_EQ(user.username, "alice");
    EXPECT_EQ(user.created_at, 777);

    User untouched = GetUser(other);
    EXPECT_EQ(untouched.display_name, "");
    EXPECT_EQ(untouched.bio_source, "");

    // A second update replaces the first, including clearing a field.
    ASSERT_TRUE(stores().users.UpdateProfile(id, service::ProfileUpdate{"", "", ""}).ok());
    user = GetUser(id);
    EXPECT_EQ(user.display_name, "");
    EXPECT_EQ(user.bio_html, "");
}

TEST_P(UserStoreTest, SetPasswordReplacesTheHash) {
    UserId id = AddUser("alice");
    ASSERT_TRUE(stores().users.SetPassword(id, "new-hash").ok());
    auto credentials = stores().users.FindCredentials("alice");
    ASSERT_TRUE(credentials.ok());
    ASSERT_TRUE(credentials->has_value());
    EXPECT_EQ((*credentials)->password_hash, "new-hash");
}

TEST_P(UserStoreTest, UnknownIdIsNotFound) {
    AddUser("alice");
    const UserId unknown(987654);

    auto found = stores().users.FindById(unknown);
    ASSERT_TRUE(found.ok());
    EXPECT_FALSE(found->has_value());

    auto profile = stores().users.UpdateProfile(unknown, service::ProfileUpdate{"x", "y", "z"});
    ASSERT_FALSE(profile.ok());
    EXPECT_EQ(profile.error().code, Errc::kNotFound);

    auto password = stores().users.SetPassword(unknown, "hash");
    ASSERT_FALSE(password.ok());
    EXPECT_EQ(password.error().code, Errc::kNotFound);
}

TEST_P(UserStoreTest, CountCountsAccounts) {
    auto empty = stores().users.Count();
    ASSERT_TRUE(empty.ok());
    EXPECT_EQ(*empty, 0);
    for (int i = 0; i < 7; ++i) AddUser("user" + std::to_string(i));
    auto count = stores().users.Count();
    ASSERT_TRUE(count.ok());
    EXPECT_EQ(*count, 7);
}

}  // namespace
}  // namespace hoot::testing
