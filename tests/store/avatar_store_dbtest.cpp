#include <gtest/gtest.h>

#include <string>

#include "store/store_fixture.hpp"

namespace hoot::testing {
namespace {

class AvatarStoreTest : public StoreTest {
  protected:
    // Bytes with a NUL and high bytes: a BLOB must come back exactly.
    static service::StoredAvatar Avatar(std::string hash, UnixSeconds at = 100) {
        return service::StoredAvatar{std::move(hash), "image/webp",
                                     std::string("RIFF\0\x01\xff\xfeWEBP", 12) + "pixels", at};
    }
};
HOOT_STORE_SUITE(AvatarStoreTest);

TEST_P(AvatarStoreTest, SetThenFindReturnsTheBytesAndTheUserCarriesTheHash) {
    UserId alice = AddUser("alice");
    auto avatar = Avatar("abc123");
    ASSERT_TRUE(stores().avatars.Set(alice, avatar).ok());
    auto found = stores().avatars.Find(alice);
    ASSERT_TRUE(found.ok());
    ASSERT_TRUE(found->has_value());
    EXPECT_EQ((*found)->hash, "abc123");
    EXPECT_EQ((*found)->mime, "image/webp");
    EXPECT_EQ((*found)->bytes, avatar.bytes);
    EXPECT_EQ((*found)->updated_at, 100);
    EXPECT_EQ(GetUser(alice).avatar_hash, "abc123");
    auto by_name = stores().users.FindByUsername("ALICE");
    ASSERT_TRUE(by_name.ok() && by_name->has_value());
    EXPECT_EQ((*by_name)->avatar_hash, "abc123");
}

TEST_P(AvatarStoreTest, SettingAgainReplacesIt) {
    UserId alice = AddUser("alice");
    ASSERT_TRUE(stores().avatars.Set(alice, Avatar("first", 100)).ok());
    auto second = Avatar("second", 200);
    second.bytes = "other bytes";
    ASSERT_TRUE(stores().avatars.Set(alice, second).ok());
    auto found = stores().avatars.Find(alice);
    ASSERT_TRUE(found.ok() && found->has_value());
    EXPECT_EQ((*found)->hash, "second");
    EXPECT_EQ((*found)->bytes, "other bytes");
    EXPECT_EQ((*found)->updated_at, 200);
    EXPECT_EQ(GetUser(alice).avatar_hash, "second");
}

TEST_P(AvatarStoreTest, RemoveClearsBothAndIsIdempotent) {
    UserId alice = AddUser("alice");
    ASSERT_TRUE(stores().avatars.Set(alice, Avatar("abc")).ok());
    ASSERT_TRUE(stores().avatars.Remove(alice).ok());
    auto found = stores().avatars.Find(alice);
    ASSERT_TRUE(found.ok());
    EXPECT_FALSE(found->has_value());
    EXPECT_EQ(GetUser(alice).avatar_hash, "");
    EXPECT_TRUE(stores().avatars.Remove(alice).ok());
}

TEST_P(AvatarStoreTest, UnknownUserIsNotFound) {
    auto set = stores().avatars.Set(UserId(4242), Avatar("abc"));
    ASSERT_FALSE(set.ok());
    EXPECT_EQ(set.error().code, Errc::kNotFound);
    auto found = stores().avatars.Find(UserId(4242));
    ASSERT_TRUE(found.ok());
    EXPECT_FALSE(found->has_value());
}

TEST_P(AvatarStoreTest, OnlyTheirOwnAvatarIsAUsersAvatar) {
    UserId alice = AddUser("alice");
    UserId bob = AddUser("bob");
    ASSERT_TRUE(stores().avatars.Set(alice, Avatar("alices")).ok());
    EXPECT_EQ(GetUser(bob).avatar_hash, "");
    auto found = stores().avatars.Find(bob);
    ASSERT_TRUE(found.ok());
    EXPECT_FALSE(found->has_value());
}

// Pages show the author's avatar from the rows they already read: the hoot, its comments, and
// every feed carry the hash.
TEST_P(AvatarStoreTest, RowsThatShowAnAuthorCarryTheirAvatarHash) {
    UserId alice = AddUser("alice");
    UserId bob = AddUser("bob");
    ASSERT_TRUE(stores().avatars.Set(alice, Avatar("alices")).ok());
    HootId hoot = AddHoot(alice, 1000, "Avatars", {"faces"});
    AddComment(hoot, bob, 1100);
    AddComment(hoot, alice, 1200);

    EXPECT_EQ(GetHoot(hoot).author.avatar_hash, "alices");
    auto comments = stores().comments.List(hoot, CommentOrder::kOldest, 10);
    ASSERT_TRUE(comments.ok());
    ASSERT_EQ(comments->size(), 2u);
    EXPECT_EQ((*comments)[0].author.avatar_hash, "");
    EXPECT_EQ((*comments)[1].author.avatar_hash, "alices");

    auto latest = stores().hoots.Latest(std::nullopt, 10);
    ASSERT_TRUE(latest.ok() && latest->size() == 1);
    EXPECT_EQ((*latest)[0].author.avatar_hash, "alices");
    for (FeedOrder order : {FeedOrder::kLatest, FeedOrder::kHot, FeedOrder::kTop}) {
        service::FeedQuery query;
        query.order = order;
        query.now = 5000;
        query.tag = "faces";
        auto feed = stores().hoots.Feed(query);
        ASSERT_TRUE(feed.ok()) << feed.error().detail;
        ASSERT_EQ(feed->size(), 1u);
        EXPECT_EQ((*feed)[0].hoot.author.avatar_hash, "alices");
    }
}

TEST_P(AvatarStoreTest, FailuresComeBackAsErrors) {
    UserId alice = AddUser("alice");
    backend().BreakSchema();
    EXPECT_FALSE(stores().avatars.Set(alice, Avatar("abc")).ok());
    EXPECT_FALSE(stores().avatars.Remove(alice).ok());
    EXPECT_FALSE(stores().avatars.Find(alice).ok());
}

}  // namespace
}  // namespace hoot::testing
