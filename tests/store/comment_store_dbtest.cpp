#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "store/store_fixture.hpp"

namespace hoot::testing {
namespace {

class CommentStoreTest : public StoreTest {
  protected:
    std::vector<std::int64_t> ListIds(HootId hoot, CommentOrder order, int limit) {
        auto comments = stores().comments.List(hoot, order, limit);
        if (!comments.ok()) {
            ADD_FAILURE() << comments.error().detail;
            return {};
        }
        std::vector<std::int64_t> ids;
        for (const auto& c : *comments) ids.push_back(c.id.value);
        return ids;
    }
};
HOOT_STORE_SUITE(CommentStoreTest);

TEST_P(CommentStoreTest, CreateThenFind) {
    UserId asker = AddUser("alice");
    UserId commenter = AddUser("bob");
    HootId hoot = AddHoot(asker, 100);
    auto id = stores().comments.Create(
        service::NewComment{hoot, commenter, "**Yes**", "<p><strong>Yes</strong></p>", 150});
    ASSERT_TRUE(id.ok()) << id.error().detail;

    auto found = stores().comments.Find(*id);
    ASSERT_TRUE(found.ok());
    ASSERT_TRUE(found->has_value());
    const Comment& comment = **found;
    EXPECT_EQ(comment.id, *id);
    EXPECT_EQ(comment.hoot_id, hoot);
    EXPECT_EQ(comment.author.id, commenter);
    EXPECT_EQ(comment.author.username, "bob");
    EXPECT_EQ(comment.author.display_name, "bob");
    EXPECT_EQ(comment.body_source, "**Yes**");
    EXPECT_EQ(comment.body_html, "<p><strong>Yes</strong></p>");
    EXPECT_EQ(comment.created_at, 150);
    EXPECT_EQ(comment.reactions.total(), 0);

    auto unknown = stores().comments.Find(CommentId(999999));
    ASSERT_TRUE(unknown.ok());
    EXPECT_FALSE(unknown->has_value());
}

TEST_P(CommentStoreTest, CreateCountsOnHootAndAuthor) {
    UserId alice = AddUser("alice");
    UserId bob = AddUser("bob");
    HootId hoot = AddHoot(alice, 100);
    HootId other = AddHoot(alice, 100);
    AddComment(hoot, alice, 110);
    AddComment(hoot, bob, 120);
    AddComment(hoot, bob, 130);
    AddComment(other, bob, 140);

    EXPECT_EQ(GetHoot(hoot).comment_count, 3);
    EXPECT_EQ(GetHoot(other).comment_count, 1);
    EXPECT_EQ(GetUser(alice).comment_count, 1);
    EXPECT_EQ(GetUser(bob).comment_count, 3);

    auto latest = stores().hoots.Latest(std::nullopt, 10);
    ASSERT_TRUE(latest.ok());
    for (const auto& h : *latest) EXPECT_EQ(h.comment_count, h.id == hoot ? 3 : 1);
}

TEST_P(CommentStoreTest, CommentOnMissingHootIsNotFoundAndCountsNothing) {
    UserId alice = AddUser("alice");
    HootId live = AddHoot(alice, 100);
    HootId deleted = AddHoot(alice, 100);
    AddComment(live, alice, 110);
    backend().Exec("UPDATE hoots SET deleted_at = 120 WHERE id = " + std::to_string(deleted.value));

    struct Case {
        const char* name;
        HootId hoot;
    };
    const Case cases[] = {{"unknown_hoot", HootId(999999)}, {"deleted_hoot", deleted}};
    for (const auto& c : cases) {
        SCOPED_TRACE(c.name);
        auto id = stores().comments.Create(service::NewComment{c.hoot, alice, "x", "x", 130});
        ASSERT_FALSE(id.ok());
        EXPECT_EQ(id.error().code, Errc::kNotFound);
        EXPECT_EQ(GetUser(alice).comment_count, 1);
        EXPECT_TRUE(ListIds(c.hoot, CommentOrder::kOldest, 10).empty());
    }
    EXPECT_EQ(GetHoot(live).comment_count, 1);
    // The writer is usable after the refusals.
    AddComment(live, alice, 140);
    EXPECT_EQ(GetHoot(live).comment_count, 2);
}

TEST_P(CommentStoreTest, CommentByUnknownAuthorIsRefusedAndCountsNothing) {
    HootId hoot = AddHoot(AddUser("alice"), 100);
    auto id = stores().comments.Create(service::NewComment{hoot, UserId(4242), "x", "x", 130});
    EXPECT_FALSE(id.ok());
    EXPECT_EQ(GetHoot(hoot).comment_count, 0);
    EXPECT_TRUE(ListIds(hoot, CommentOrder::kOldest, 10).empty());
}

TEST_P(CommentStoreTest, AFailureAfterTheHootIsCountedRollsBackTheWholeComment) {
    UserId alice = AddUser("alice");
    HootId hoot = AddHoot(alice, 100);
    CommentId before = AddComment(hoot, alice, 110);
    backend().FailUserCommentCountUpdates();

    auto id = stores().comments.Create(service::NewComment{hoot, alice, "lost", "lost", 120});
    ASSERT_FALSE(id.ok());
    EXPECT_EQ(id.error().code, Errc::kInternal);

    // Neither the row nor the hoot's count survive: they were in the same transaction.
    EXPECT_EQ(GetHoot(hoot).comment_count, 1);
    EXPECT_EQ(GetUser(alice).comment_count, 1);
    EXPECT_EQ(ListIds(hoot, CommentOrder::kOldest, 10), std::vector<std::int64_t>{before.value});
}

TEST_P(CommentStoreTest, ListOrdersWithTiesByAgeThenId) {
    UserId alice = AddUser("alice");
    HootId hoot = AddHoot(alice, 50);
    HootId other = AddHoot(alice, 50);
    // Comments with shared timestamps and shared best scores; ids grow in this order.
    struct Seed {
        UnixSeconds created_at;
        const char* best_score;
    };
    const Seed seeds[] = {{100, "0.5"}, {200, "0"},   {150, "0.9"},
                          {200, "0.9"}, {150, "0.9"}, {300, "0"}};
    std::vector<std::int64_t> c;  // c[0] is the first comment made
    for (const auto& seed : seeds) {
        c.push_back(AddComment(hoot, alice, seed.created_at).value);
        backend().Exec("UPDATE comments SET best_score = " + std::string(seed.best_score) +
                       " WHERE id = " + std::to_string(c.back()));
    }
    AddComment(other, alice, 120);  // never listed with `hoot`

    struct Case {
        const char* name;
        CommentOrder order;
        std::vector<std::int64_t> expected;
    };
    const Case cases[] = {
        {"oldest", CommentOrder::kOldest, {c[0], c[2], c[4], c[1], c[3], c[5]}},
        {"latest", CommentOrder::kLatest, {c[5], c[3], c[1], c[4], c[2], c[0]}},
        {"best", CommentOrder::kBest, {c[2], c[4], c[3], c[0], c[1], c[5]}},
    };
    for (const auto& test : cases) {
        SCOPED_TRACE(test.name);
        EXPECT_EQ(ListIds(hoot, test.order, 100), test.expected);
        for (int limit : {0, 1, 3, 6}) {
            SCOPED_TRACE("limit " + std::to_string(limit));
            std::vector<std::int64_t> first(test.expected.begin(), test.expected.begin() + limit);
            EXPECT_EQ(ListIds(hoot, test.order, limit), first);
        }
    }
}

TEST_P(CommentStoreTest, ListOfHootWithoutCommentsIsEmpty) {
    HootId hoot = AddHoot(AddUser("alice"), 50);
    for (CommentOrder order : {CommentOrder::kLatest, CommentOrder::kOldest, CommentOrder::kBest})
        EXPECT_TRUE(ListIds(hoot, order, 20).empty());
    EXPECT_TRUE(ListIds(HootId(999999), CommentOrder::kLatest, 20).empty());
}

}  // namespace
}  // namespace hoot::testing
