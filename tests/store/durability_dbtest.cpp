#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "store/store_fixture.hpp"

namespace hoot::testing {
namespace {

class DurabilityTest : public StoreTest {};
HOOT_STORE_SUITE(DurabilityTest);

TEST_P(DurabilityTest, EverythingWrittenIsReadBackAfterReopening) {
    UserId alice = AddUser("Alice", 111);
    UserId bob = AddUser("bob", 222);
    ASSERT_TRUE(stores().users.UpdateProfile(alice, {"Alice A.", "bio *md*", "<p>bio</p>"}).ok());
    ASSERT_TRUE(stores().users.SetPassword(bob, "bob-new-hash").ok());
    ASSERT_TRUE(stores().sessions.Create("token-hash", alice, 100, 5000).ok());
    HootId hoot = AddHoot(alice, 300, "Durable hoot", {"owls", "sqlite"});
    CommentId first = AddComment(hoot, bob, 310, "first");
    CommentId second = AddComment(hoot, alice, 320, "second");
    ASSERT_TRUE(stores().settings.GetOrInsert("secret", "s3cr3t").ok());

    backend().Reopen();

    User a = GetUser(alice);
    EXPECT_EQ(a.username, "Alice");
    EXPECT_EQ(a.display_name, "Alice A.");
    EXPECT_EQ(a.bio_source, "bio *md*");
    EXPECT_EQ(a.created_at, 111);
    EXPECT_EQ(a.hoot_count, 1);
    EXPECT_EQ(a.comment_count, 1);
    EXPECT_EQ(GetUser(bob).comment_count, 1);

    auto credentials = stores().users.FindCredentials("BOB");
    ASSERT_TRUE(credentials.ok());
    ASSERT_TRUE(credentials->has_value());
    EXPECT_EQ((*credentials)->password_hash, "bob-new-hash");

    auto session = stores().sessions.Find("token-hash", 200);
    ASSERT_TRUE(session.ok());
    EXPECT_EQ(*session, alice);

    Hoot h = GetHoot(hoot);
    EXPECT_EQ(h.title, "Durable hoot");
    EXPECT_EQ(h.tags, (std::vector<std::string>{"owls", "sqlite"}));
    EXPECT_EQ(h.comment_count, 2);

    auto comments = stores().comments.List(hoot, CommentOrder::kOldest, 10);
    ASSERT_TRUE(comments.ok());
    ASSERT_EQ(comments->size(), 2u);
    EXPECT_EQ(comments->at(0).id, first);
    EXPECT_EQ(comments->at(0).body_source, "first");
    EXPECT_EQ(comments->at(1).id, second);

    auto secret = stores().settings.GetOrInsert("secret", "another");
    ASSERT_TRUE(secret.ok());
    EXPECT_EQ(*secret, "s3cr3t");

    auto count = stores().users.Count();
    ASSERT_TRUE(count.ok());
    EXPECT_EQ(*count, 2);
}

TEST_P(DurabilityTest, IdsKeepGrowingAfterReopening) {
    UserId alice = AddUser("alice");
    HootId before = AddHoot(alice, 100);
    backend().Reopen();
    HootId after = AddHoot(alice, 100);
    EXPECT_GT(after, before);
    // The name is still taken after a reopen.
    auto again = stores().users.Create(service::NewUser{"ALICE", "h", false, 1});
    ASSERT_FALSE(again.ok());
    EXPECT_EQ(again.error().code, Errc::kConflict);
}

}  // namespace
}  // namespace hoot::testing
