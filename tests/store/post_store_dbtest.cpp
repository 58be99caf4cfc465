// PostStore over a real database: finding posts, reactions and their counts, the Best order,
// updates and replies, edits with their revisions, and soft deletion with the counts that follow.

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "store/store_fixture.hpp"

namespace hoot::testing {
namespace {

constexpr std::size_t Index(ReactionKind kind) { return static_cast<std::size_t>(kind); }

// Built field by field, so a field added to a port struct later keeps its default here.
service::NewUpdate MakeUpdate(PostId post, UserId author, std::string heading,
                              std::string body_source, std::string body_html, UnixSeconds at) {
    service::NewUpdate update;
    update.post = post;
    update.author = author;
    update.heading = std::move(heading);
    update.body_source = std::move(body_source);
    update.body_html = std::move(body_html);
    update.created_at = at;
    return update;
}

service::NewReply MakeReply(PostId post, UserId author, std::string body, std::string body_html,
                            UnixSeconds at) {
    service::NewReply reply;
    reply.post = post;
    reply.author = author;
    reply.body = std::move(body);
    reply.body_html = std::move(body_html);
    reply.created_at = at;
    return reply;
}

class PostStoreTest : public StoreTest {
  protected:
    service::PostRef FindOrFail(PostId post) {
        auto found = stores().posts.Find(post);
        if (!found.ok() || !*found) {
            ADD_FAILURE() << "post " << post.value << " not found";
            return service::PostRef();
        }
        return **found;
    }

    service::ReactionState React(PostId post, UserId user, ReactionKind kind, bool present,
                                 UnixSeconds now = 5000) {
        auto state = stores().posts.SetReaction(post, user, kind, present, now);
        if (!state.ok()) {
            ADD_FAILURE() << "SetReaction: " << state.error().detail;
            return service::ReactionState();
        }
        return *state;
    }

    service::PostExtras ExtrasOrFail(const std::vector<PostId>& posts,
                                     std::optional<UserId> viewer) {
        auto extras = stores().posts.Extras(posts, viewer);
        if (!extras.ok()) {
            ADD_FAILURE() << "Extras: " << extras.error().detail;
            return service::PostExtras();
        }
        return *extras;
    }

    // The breakdown of one post as Extras reports it (all zero when it has none).
    ReactionBreakdown BreakdownOf(PostId post, std::optional<UserId> viewer = std::nullopt) {
        auto extras = ExtrasOrFail({post}, viewer);
        for (const auto& [id, breakdown] : extras.breakdowns)
            if (id == post) return breakdown;
        return ReactionBreakdown{};
    }

    Comment GetComment(CommentId id) {
        auto found = stores().comments.Find(id);
        if (!found.ok() || !*found) {
            ADD_FAILURE() << "comment " << id.value << " not found";
            return Comment();
        }
        return **found;
    }

    std::vector<Revision> RevisionsOf(PostId post) {
        auto revisions = stores().posts.Revisions(post);
        if (!revisions.ok()) {
            ADD_FAILURE() << "Revisions: " << revisions.error().detail;
            return {};
        }
        return *revisions;
    }

    std::vector<std::int64_t> BestOrder(HootId hoot) {
        auto listed = stores().comments.List(hoot, CommentOrder::kBest, 100);
        if (!listed.ok()) {
            ADD_FAILURE() << "List: " << listed.error().detail;
            return {};
        }
        std::vector<std::int64_t> ids;
        for (const auto& c : *listed) ids.push_back(c.id.value);
        return ids;
    }

    static service::PostEdit HootEdit(HootId hoot, UserId editor, int base,
                                      const std::string& title, const std::string& body,
                                      std::vector<std::string> tags, UnixSeconds at) {
        service::PostEdit edit;
        edit.post = ToPost(hoot);
        edit.editor = editor;
        edit.base_revision = base;
        edit.title = title;
        edit.slug = "slug-" + std::to_string(base + 1);
        edit.body_source = body;
        edit.body_html = "<p>" + body + "</p>";
        edit.excerpt = "excerpt " + body;
        edit.tags = std::move(tags);
        edit.edited_at = at;
        return edit;
    }

    static service::PostEdit CommentEdit(CommentId comment, UserId editor, int base,
                                         const std::string& body, UnixSeconds at) {
        service::PostEdit edit;
        edit.post = ToPost(comment);
        edit.editor = editor;
        edit.base_revision = base;
        edit.body_source = body;
        edit.body_html = "<p>" + body + "</p>";
        edit.edited_at = at;
        return edit;
    }

    std::vector<std::int64_t> TagFeed(const std::string& tag) {
        auto feed = stores().hoots.ByTag(tag, std::nullopt, 100);
        if (!feed.ok()) {
            ADD_FAILURE() << "ByTag: " << feed.error().detail;
            return {};
        }
        std::vector<std::int64_t> ids;
        for (const auto& h : *feed) ids.push_back(h.id.value);
        return ids;
    }
};
HOOT_STORE_SUITE(PostStoreTest);

// --- Find ------------------------------------------------------------------------------------

TEST_P(PostStoreTest, FindHootAndComment) {
    UserId alice = AddUser("alice");
    UserId bob = AddUser("bob");
    HootId hoot = AddHoot(alice, 100);
    CommentId comment = AddComment(hoot, bob, 200);

    service::PostRef h = FindOrFail(ToPost(hoot));
    EXPECT_EQ(h.id, ToPost(hoot));
    EXPECT_EQ(h.kind, PostKind::kHoot);
    EXPECT_EQ(h.hoot, hoot);
    EXPECT_EQ(h.author, alice);
    EXPECT_EQ(h.revision, 1);
    EXPECT_FALSE(h.deleted);
    EXPECT_FALSE(h.hoot_deleted);

    service::PostRef c = FindOrFail(ToPost(comment));
    EXPECT_EQ(c.id, ToPost(comment));
    EXPECT_EQ(c.kind, PostKind::kComment);
    EXPECT_EQ(c.hoot, hoot) << "a comment's thread is its hoot";
    EXPECT_EQ(c.author, bob);
    EXPECT_EQ(c.revision, 1);
    EXPECT_FALSE(c.deleted);
    EXPECT_FALSE(c.hoot_deleted);

    auto unknown = stores().posts.Find(PostId(comment.value + 1000));
    ASSERT_TRUE(unknown.ok()) << unknown.error().detail;
    EXPECT_FALSE(unknown->has_value());
}

TEST_P(PostStoreTest, FindReportsDeletionOfThePostAndOfItsThread) {
    UserId alice = AddUser("alice");
    HootId hoot = AddHoot(alice, 100);
    CommentId comment = AddComment(hoot, alice, 200);

    ASSERT_TRUE(stores().posts.SetDeleted(ToPost(comment), true, 300).ok());
    service::PostRef c = FindOrFail(ToPost(comment));
    EXPECT_TRUE(c.deleted);
    EXPECT_FALSE(c.hoot_deleted);

    ASSERT_TRUE(stores().posts.SetDeleted(ToPost(comment), false, 310).ok());
    ASSERT_TRUE(stores().posts.SetDeleted(ToPost(hoot), true, 320).ok());
    service::PostRef h = FindOrFail(ToPost(hoot));
    EXPECT_TRUE(h.deleted);
    EXPECT_TRUE(h.hoot_deleted);
    c = FindOrFail(ToPost(comment));
    EXPECT_FALSE(c.deleted);
    EXPECT_TRUE(c.hoot_deleted) << "a comment of a deleted hoot is in a deleted thread";
}

// --- reactions -------------------------------------------------------------------------------

TEST_P(PostStoreTest, ReactionAddIsIdempotentAndRemoveUndoesIt) {
    UserId alice = AddUser("alice");
    UserId bob = AddUser("bob");
    HootId hoot = AddHoot(alice, 100);
    const PostId post = ToPost(hoot);
    const auto helpful = Index(ReactionKind::kHelpful);

    auto state = React(post, bob, ReactionKind::kHelpful, true);
    EXPECT_EQ(state.tally.positive, 1);
    EXPECT_EQ(state.tally.negative, 0);
    EXPECT_EQ(state.breakdown.counts[helpful], 1);
    EXPECT_TRUE(state.breakdown.mine[helpful]);
    EXPECT_EQ(GetHoot(hoot).reactions.positive, 1);
    EXPECT_EQ(BreakdownOf(post).counts[helpful], 1);

    state = React(post, bob, ReactionKind::kHelpful, true);
    EXPECT_EQ(state.tally.positive, 1) << "adding the same reaction again changes nothing";
    EXPECT_EQ(state.breakdown.counts[helpful], 1);
    EXPECT_TRUE(state.breakdown.mine[helpful]);
    EXPECT_EQ(GetHoot(hoot).reactions.positive, 1);
    EXPECT_EQ(BreakdownOf(post).counts[helpful], 1);

    state = React(post, bob, ReactionKind::kHelpful, false);
    EXPECT_EQ(state.tally.positive, 0);
    EXPECT_EQ(state.breakdown.counts[helpful], 0);
    EXPECT_FALSE(state.breakdown.mine[helpful]);
    EXPECT_EQ(GetHoot(hoot).reactions.positive, 0);
    EXPECT_EQ(BreakdownOf(post).counts[helpful], 0);

    state = React(post, bob, ReactionKind::kHelpful, false);
    EXPECT_EQ(state.tally.positive, 0) << "removing a reaction that is not there changes nothing";
    EXPECT_EQ(state.tally.negative, 0);
    EXPECT_EQ(state.breakdown.counts[helpful], 0);
    EXPECT_FALSE(state.breakdown.mine[helpful]);
    EXPECT_EQ(GetHoot(hoot).reactions.positive, 0);
    EXPECT_EQ(GetHoot(hoot).reactions.negative, 0);
}

TEST_P(PostStoreTest, PerKindCountsAndTallyMoveInStep) {
    UserId alice = AddUser("alice");
    UserId bob = AddUser("bob");
    HootId hoot = AddHoot(alice, 100);
    CommentId comment = AddComment(hoot, alice, 200);

    for (PostId post : {ToPost(hoot), ToPost(comment)}) {
        SCOPED_TRACE(post.value);
        for (const auto& info : kReactionKinds) React(post, bob, info.kind, true);
        auto state = React(post, bob, ReactionKind::kLike, true);
        EXPECT_EQ(state.tally.positive, 3) << "helpful, like and insightful are positive";
        EXPECT_EQ(state.tally.negative, 1) << "disagree is negative";
        for (const auto& info : kReactionKinds) {
            EXPECT_EQ(state.breakdown.counts[Index(info.kind)], 1) << info.key;
            EXPECT_TRUE(state.breakdown.mine[Index(info.kind)]) << info.key;
        }
        ReactionBreakdown stored = BreakdownOf(post, bob);
        EXPECT_EQ(stored.counts, state.breakdown.counts);
        EXPECT_EQ(stored.mine, state.breakdown.mine);

        state = React(post, bob, ReactionKind::kDisagree, false);
        EXPECT_EQ(state.tally.positive, 3);
        EXPECT_EQ(state.tally.negative, 0);
        state = React(post, bob, ReactionKind::kInsightful, false);
        EXPECT_EQ(state.tally.positive, 2);
        EXPECT_EQ(state.tally.negative, 0);
        EXPECT_EQ(state.breakdown.counts[Index(ReactionKind::kInsightful)], 0);
        EXPECT_EQ(state.breakdown.counts[Index(ReactionKind::kHelpful)], 1);
        EXPECT_FALSE(state.breakdown.mine[Index(ReactionKind::kInsightful)]);
    }
    EXPECT_EQ(GetHoot(hoot).reactions.positive, 2);
    EXPECT_EQ(GetHoot(hoot).reactions.negative, 0);
    Comment c = GetComment(comment);
    EXPECT_EQ(c.reactions.positive, 2);
    EXPECT_EQ(c.reactions.negative, 0);
    // The hoot's reactions are not the comment's: each post keeps its own.
    React(ToPost(comment), bob, ReactionKind::kDisagree, true);
    EXPECT_EQ(GetHoot(hoot).reactions.negative, 0);
    EXPECT_EQ(GetComment(comment).reactions.negative, 1);
}

TEST_P(PostStoreTest, SeveralUsersOnOnePostMarkOnlyTheirOwn) {
    UserId alice = AddUser("alice");
    UserId bob = AddUser("bob");
    UserId carol = AddUser("carol");
    UserId dave = AddUser("dave");
    HootId hoot = AddHoot(alice, 100);
    CommentId comment = AddComment(hoot, alice, 200);
    const PostId post = ToPost(comment);

    React(post, bob, ReactionKind::kHelpful, true);
    React(post, carol, ReactionKind::kHelpful, true);
    React(post, carol, ReactionKind::kLike, true);
    auto state = React(post, dave, ReactionKind::kDisagree, true);

    EXPECT_EQ(state.tally.positive, 3);
    EXPECT_EQ(state.tally.negative, 1);
    EXPECT_EQ(state.breakdown.counts[Index(ReactionKind::kHelpful)], 2);
    EXPECT_EQ(state.breakdown.counts[Index(ReactionKind::kLike)], 1);
    EXPECT_EQ(state.breakdown.counts[Index(ReactionKind::kInsightful)], 0);
    EXPECT_EQ(state.breakdown.counts[Index(ReactionKind::kDisagree)], 1);
    EXPECT_FALSE(state.breakdown.mine[Index(ReactionKind::kHelpful)])
        << "dave's state, not carol's";
    EXPECT_TRUE(state.breakdown.mine[Index(ReactionKind::kDisagree)]);

    ReactionBreakdown as_carol = BreakdownOf(post, carol);
    EXPECT_TRUE(as_carol.mine[Index(ReactionKind::kHelpful)]);
    EXPECT_TRUE(as_carol.mine[Index(ReactionKind::kLike)]);
    EXPECT_FALSE(as_carol.mine[Index(ReactionKind::kDisagree)]);
    ReactionBreakdown as_alice = BreakdownOf(post, alice);
    EXPECT_EQ(as_alice.counts, state.breakdown.counts);
    EXPECT_EQ(as_alice.mine, (std::array<bool, kReactionKindCount>{})) << "alice gave none";

    // Bob taking his back leaves carol's.
    state = React(post, bob, ReactionKind::kHelpful, false);
    EXPECT_EQ(state.breakdown.counts[Index(ReactionKind::kHelpful)], 1);
    EXPECT_EQ(state.tally.positive, 2);
    EXPECT_TRUE(BreakdownOf(post, carol).mine[Index(ReactionKind::kHelpful)]);
    Comment c = GetComment(comment);
    EXPECT_EQ(c.reactions.positive, 2);
    EXPECT_EQ(c.reactions.negative, 1);
}

TEST_P(PostStoreTest, ReactionOnUnknownPostIsNotFound) {
    UserId bob = AddUser("bob");
    auto state = stores().posts.SetReaction(PostId(424242), bob, ReactionKind::kLike, true, 1);
    ASSERT_FALSE(state.ok());
    EXPECT_EQ(state.error().code, Errc::kNotFound);
}

TEST_P(PostStoreTest, BestOrderFollowsTheWilsonBoundTiesByAge) {
    UserId alice = AddUser("alice");
    std::vector<UserId> voters;
    for (int i = 0; i < 5; ++i) voters.push_back(AddUser("voter" + std::to_string(i)));
    HootId hoot = AddHoot(alice, 100);
    CommentId oldest = AddComment(hoot, alice, 200, "oldest");   // no reactions
    CommentId one_up = AddComment(hoot, alice, 210, "one up");   // 1 positive
    CommentId three_up = AddComment(hoot, alice, 220, "three");  // 3 positive
    CommentId mixed = AddComment(hoot, alice, 230, "mixed");     // 1 positive, 1 negative
    CommentId twin = AddComment(hoot, alice, 240, "twin");       // 1 positive, newer than one_up
    CommentId newest = AddComment(hoot, alice, 250, "newest");   // no reactions

    // Before any reaction every score is equal: Best is the age order.
    EXPECT_EQ(BestOrder(hoot),
              (std::vector<std::int64_t>{oldest.value, one_up.value, three_up.value, mixed.value,
                                         twin.value, newest.value}));

    React(ToPost(one_up), voters[0], ReactionKind::kHelpful, true);
    React(ToPost(twin), voters[1], ReactionKind::kLike, true);
    for (int i = 0; i < 3; ++i)
        React(ToPost(three_up), voters[static_cast<std::size_t>(i)], ReactionKind::kInsightful,
              true);
    React(ToPost(mixed), voters[0], ReactionKind::kHelpful, true);
    React(ToPost(mixed), voters[1], ReactionKind::kDisagree, true);

    // W(3,3) > W(1,1) = W(1,1) > W(1,2) > W(0,0) = W(0,0) = 0.
    EXPECT_EQ(BestOrder(hoot),
              (std::vector<std::int64_t>{three_up.value, one_up.value, twin.value, mixed.value,
                                         oldest.value, newest.value}));

    // The score follows removals too: one_up loses its reaction and falls to the bottom group.
    React(ToPost(one_up), voters[0], ReactionKind::kHelpful, false);
    EXPECT_EQ(BestOrder(hoot),
              (std::vector<std::int64_t>{three_up.value, twin.value, mixed.value, oldest.value,
                                         one_up.value, newest.value}));

    // Only disagreement scores like no reaction at all (W(0, n) = 0), and older comes first.
    React(ToPost(newest), voters[0], ReactionKind::kDisagree, true);
    React(ToPost(oldest), voters[4], ReactionKind::kDisagree, true);
    EXPECT_EQ(BestOrder(hoot),
              (std::vector<std::int64_t>{three_up.value, twin.value, mixed.value, oldest.value,
                                         one_up.value, newest.value}));
}

TEST_P(PostStoreTest, ConcurrentTogglesByDifferentUsersKeepCountsConsistent) {
    constexpr int kThreads = 4;
    constexpr int kRounds = 40;
    UserId alice = AddUser("alice");
    std::vector<UserId> users;
    for (int i = 0; i < kThreads; ++i) users.push_back(AddUser("toggler" + std::to_string(i)));
    HootId hoot = AddHoot(alice, 100);
    CommentId comment = AddComment(hoot, alice, 200);
    service::Stores s = stores();

    std::mutex mutex;
    std::vector<std::string> errors;
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t) {
        threads.emplace_back([&, t] {
            const UserId user = users[static_cast<std::size_t>(t)];
            for (int round = 0; round < kRounds; ++round) {
                for (const auto& info : kReactionKinds) {
                    for (PostId post : {ToPost(hoot), ToPost(comment)}) {
                        // Flip every kind; on the last round, thread t keeps only the kinds with
                        // index <= t (so kind k ends with kThreads - k reactions).
                        const bool last = round == kRounds - 1;
                        const bool present =
                            last ? static_cast<int>(info.kind) <= t : round % 2 == 0;
                        auto state = s.posts.SetReaction(post, user, info.kind, present, 300);
                        if (!state.ok()) {
                            std::lock_guard lock(mutex);
                            errors.push_back(state.error().detail);
                        }
                    }
                }
            }
        });
    }
    for (auto& thread : threads) thread.join();
    EXPECT_TRUE(errors.empty()) << errors.front();

    for (PostId post : {ToPost(hoot), ToPost(comment)}) {
        SCOPED_TRACE(post.value);
        ReactionBreakdown breakdown = BreakdownOf(post);
        std::int64_t positive = 0, negative = 0;
        for (const auto& info : kReactionKinds) {
            const std::int64_t expected = kThreads - static_cast<int>(info.kind);
            EXPECT_EQ(breakdown.counts[Index(info.kind)], expected) << info.key;
            (info.sign > 0 ? positive : negative) += expected;
        }
        ReactionTally tally =
            post == ToPost(hoot) ? GetHoot(hoot).reactions : GetComment(comment).reactions;
        EXPECT_EQ(tally.positive, positive);
        EXPECT_EQ(tally.negative, negative);
        for (int t = 0; t < kThreads; ++t) {
            ReactionBreakdown mine = BreakdownOf(post, users[static_cast<std::size_t>(t)]);
            for (const auto& info : kReactionKinds)
                EXPECT_EQ(mine.mine[Index(info.kind)], static_cast<int>(info.kind) <= t)
                    << "user " << t << " " << info.key;
        }
    }
}

// --- extras: updates, replies, breakdowns ----------------------------------------------------

TEST_P(PostStoreTest, AddUpdateAndReplyRoundTrip) {
    UserId alice = AddUser("alice");
    UserId bob = AddUser("bob");
    ASSERT_TRUE(stores().users.UpdateProfile(bob, service::ProfileUpdate{"Bob B.", "", ""}).ok());
    HootId hoot = AddHoot(alice, 100);
    const PostId post = ToPost(hoot);

    auto update_id = stores().posts.AddUpdate(
        MakeUpdate(post, alice, "Final Update", "It *works*.", "<p>It works.</p>", 500));
    ASSERT_TRUE(update_id.ok()) << update_id.error().detail;
    EXPECT_TRUE(update_id->valid());
    auto reply_id = stores().posts.AddReply(
        MakeReply(post, bob, "see https://example.com", "see <a href=\"x\">x</a>", 600));
    ASSERT_TRUE(reply_id.ok()) << reply_id.error().detail;
    EXPECT_TRUE(reply_id->valid());

    auto extras = ExtrasOrFail({post}, std::nullopt);
    ASSERT_EQ(extras.updates.size(), 1u);
    const PostUpdate& update = extras.updates[0];
    EXPECT_EQ(update.id, *update_id);
    EXPECT_EQ(update.post, post);
    EXPECT_EQ(update.heading, "Final Update");
    EXPECT_EQ(update.body_source, "It *works*.");
    EXPECT_EQ(update.body_html, "<p>It works.</p>");
    EXPECT_EQ(update.created_at, 500);

    ASSERT_EQ(extras.replies.size(), 1u);
    const Reply& reply = extras.replies[0];
    EXPECT_EQ(reply.id, *reply_id);
    EXPECT_EQ(reply.post, post);
    EXPECT_EQ(reply.author.id, bob);
    EXPECT_EQ(reply.author.username, "bob");
    EXPECT_EQ(reply.author.display_name, "Bob B.");
    EXPECT_EQ(reply.body, "see https://example.com");
    EXPECT_EQ(reply.body_html, "see <a href=\"x\">x</a>");
    EXPECT_EQ(reply.created_at, 600);
    EXPECT_TRUE(extras.breakdowns.empty()) << "no reactions yet";
}

TEST_P(PostStoreTest, ExtrasForASetOfPosts) {
    UserId alice = AddUser("alice");
    UserId bob = AddUser("bob");
    UserId carol = AddUser("carol");
    HootId hoot = AddHoot(alice, 100);
    CommentId first = AddComment(hoot, bob, 200);
    CommentId second = AddComment(hoot, carol, 210);
    CommentId other = AddComment(hoot, carol, 220);  // not asked for
    const PostId h = ToPost(hoot), c1 = ToPost(first), c2 = ToPost(second), c3 = ToPost(other);

    auto add_update = [&](PostId post, UserId author, const std::string& heading, UnixSeconds at) {
        auto id = stores().posts.AddUpdate(
            MakeUpdate(post, author, heading, heading + " body", "<p>x</p>", at));
        EXPECT_TRUE(id.ok());
        return id.ok() ? *id : UpdateId();
    };
    auto add_reply = [&](PostId post, UserId author, const std::string& body, UnixSeconds at) {
        auto id = stores().posts.AddReply(MakeReply(post, author, body, body, at));
        EXPECT_TRUE(id.ok());
        return id.ok() ? *id : ReplyId();
    };
    // Interleaved across posts; updates keep the order they were added in.
    UpdateId c1_u1 = add_update(c1, bob, "UPDATE", 300);
    UpdateId h_u1 = add_update(h, alice, "UPDATE", 310);
    UpdateId c1_u2 = add_update(c1, bob, "Final Update", 320);
    add_update(c3, carol, "not asked", 330);
    // Replies in time order, whatever order they were stored in.
    ReplyId h_late = add_reply(h, bob, "late", 500);
    ReplyId h_early = add_reply(h, carol, "early", 400);
    ReplyId c2_r = add_reply(c2, alice, "on second", 450);
    ReplyId h_gone = add_reply(h, carol, "removed", 450);
    add_reply(c3, alice, "not asked", 460);
    backend().Exec("UPDATE replies SET deleted_at = 470 WHERE id = " +
                   std::to_string(h_gone.value));
    // Reactions: carol on the hoot and the first comment, bob on the hoot.
    React(h, carol, ReactionKind::kHelpful, true);
    React(h, bob, ReactionKind::kHelpful, true);
    React(c1, carol, ReactionKind::kDisagree, true);
    React(c3, bob, ReactionKind::kLike, true);

    auto extras = ExtrasOrFail({h, c1, c2}, carol);

    std::vector<std::pair<std::int64_t, std::int64_t>> updates;
    for (const auto& u : extras.updates) updates.emplace_back(u.post.value, u.id.value);
    std::vector<std::pair<std::int64_t, std::int64_t>> expected_updates = {
        {h.value, h_u1.value}, {c1.value, c1_u1.value}, {c1.value, c1_u2.value}};
    std::sort(expected_updates.begin(), expected_updates.end());
    EXPECT_EQ(updates, expected_updates) << "ordered by post, then id";

    std::vector<std::pair<std::int64_t, std::int64_t>> replies;
    for (const auto& r : extras.replies) replies.emplace_back(r.post.value, r.id.value);
    std::vector<std::pair<std::int64_t, std::int64_t>> expected_replies = {
        {h.value, h_early.value}, {h.value, h_late.value}, {c2.value, c2_r.value}};
    EXPECT_EQ(replies, expected_replies) << "by post, then time; deleted replies left out";

    ASSERT_EQ(extras.breakdowns.size(), 2u) << "only posts with reactions, only those asked for";
    for (const auto& [post, breakdown] : extras.breakdowns) {
        if (post == h) {
            EXPECT_EQ(breakdown.counts[Index(ReactionKind::kHelpful)], 2);
            EXPECT_TRUE(breakdown.mine[Index(ReactionKind::kHelpful)]);
        } else if (post == c1) {
            EXPECT_EQ(breakdown.counts[Index(ReactionKind::kDisagree)], 1);
            EXPECT_TRUE(breakdown.mine[Index(ReactionKind::kDisagree)]);
            EXPECT_FALSE(breakdown.mine[Index(ReactionKind::kHelpful)]);
        } else {
            ADD_FAILURE() << "unexpected breakdown for post " << post.value;
        }
    }

    // Another viewer sees the same counts with none marked; nobody signed in likewise.
    for (std::optional<UserId> viewer : {std::optional<UserId>(alice), std::optional<UserId>()}) {
        auto seen = ExtrasOrFail({h, c1, c2}, viewer);
        EXPECT_EQ(seen.updates.size(), 3u);
        EXPECT_EQ(seen.replies.size(), 3u);
        ASSERT_EQ(seen.breakdowns.size(), 2u);
        for (const auto& [post, breakdown] : seen.breakdowns) {
            EXPECT_EQ(breakdown.mine, (std::array<bool, kReactionKindCount>{})) << post.value;
            EXPECT_EQ(breakdown.counts, BreakdownOf(post, carol).counts) << post.value;
        }
    }
    // Bob's own reactions are marked for bob only.
    auto as_bob = ExtrasOrFail({h, c1}, bob);
    for (const auto& [post, breakdown] : as_bob.breakdowns)
        EXPECT_EQ(breakdown.mine[Index(ReactionKind::kHelpful)], post == h) << post.value;
}

TEST_P(PostStoreTest, ExtrasOfNothingIsEmpty) {
    UserId alice = AddUser("alice");
    HootId hoot = AddHoot(alice, 100);
    ASSERT_TRUE(
        stores().posts.AddUpdate(MakeUpdate(ToPost(hoot), alice, "UPDATE", "b", "b", 1)).ok());
    for (std::optional<UserId> viewer : {std::optional<UserId>(alice), std::optional<UserId>()}) {
        auto extras = ExtrasOrFail({}, viewer);
        EXPECT_TRUE(extras.updates.empty());
        EXPECT_TRUE(extras.replies.empty());
        EXPECT_TRUE(extras.breakdowns.empty());
    }
    auto unknown = ExtrasOrFail({PostId(987654)}, alice);
    EXPECT_TRUE(unknown.updates.empty());
    EXPECT_TRUE(unknown.replies.empty());
    EXPECT_TRUE(unknown.breakdowns.empty());
}

// --- edits and revisions ---------------------------------------------------------------------

TEST_P(PostStoreTest, CreateKeepsTheOriginalAsRevisionOne) {
    UserId alice = AddUser("alice");
    UserId bob = AddUser("bob");
    HootId hoot = AddHoot(alice, 100, "Why do owls hoot?", {"owls", "night"});
    CommentId comment = AddComment(hoot, bob, 200, "Because.");

    auto hoot_revisions = RevisionsOf(ToPost(hoot));
    ASSERT_EQ(hoot_revisions.size(), 1u);
    EXPECT_EQ(hoot_revisions[0].number, 1);
    EXPECT_EQ(hoot_revisions[0].post, ToPost(hoot));
    EXPECT_EQ(hoot_revisions[0].author.id, alice);
    EXPECT_EQ(hoot_revisions[0].author.username, "alice");
    EXPECT_EQ(hoot_revisions[0].created_at, 100);
    EXPECT_EQ(hoot_revisions[0].title, "Why do owls hoot?");
    EXPECT_EQ(hoot_revisions[0].tags, (std::vector<std::string>{"owls", "night"}));
    EXPECT_EQ(hoot_revisions[0].body_source, "Body of Why do owls hoot?");

    auto comment_revisions = RevisionsOf(ToPost(comment));
    ASSERT_EQ(comment_revisions.size(), 1u);
    EXPECT_EQ(comment_revisions[0].number, 1);
    EXPECT_EQ(comment_revisions[0].author.id, bob);
    EXPECT_EQ(comment_revisions[0].created_at, 200);
    EXPECT_EQ(comment_revisions[0].title, "");
    EXPECT_TRUE(comment_revisions[0].tags.empty());
    EXPECT_EQ(comment_revisions[0].body_source, "Because.");

    EXPECT_TRUE(RevisionsOf(PostId(999999)).empty());
}

TEST_P(PostStoreTest, EditHootKeepsEveryRevisionAndUpdatesTheHoot) {
    UserId alice = AddUser("alice");
    UserId mod = AddUser("moderator");
    HootId hoot = AddHoot(alice, 100, "Original title", {"owls", "night"});

    auto second = stores().posts.Edit(
        HootEdit(hoot, alice, 1, "Second title", "second body", {"owls", "birds"}, 200));
    ASSERT_TRUE(second.ok()) << second.error().detail;
    EXPECT_EQ(*second, 2);
    auto third = stores().posts.Edit(
        HootEdit(hoot, mod, 2, "Third title", "third body", {"birds", "sound"}, 300));
    ASSERT_TRUE(third.ok()) << third.error().detail;
    EXPECT_EQ(*third, 3);

    Hoot found = GetHoot(hoot);
    EXPECT_EQ(found.revision, 3);
    EXPECT_EQ(found.title, "Third title");
    EXPECT_EQ(found.slug, "slug-3");
    EXPECT_EQ(found.body_source, "third body");
    EXPECT_EQ(found.body_html, "<p>third body</p>");
    EXPECT_EQ(found.tags, (std::vector<std::string>{"birds", "sound"}));
    EXPECT_EQ(found.updated_at, 300);
    EXPECT_EQ(found.created_at, 100) << "editing does not move the hoot in time";
    EXPECT_EQ(FindOrFail(ToPost(hoot)).revision, 3);

    auto feed = stores().hoots.Latest(std::nullopt, 10);
    ASSERT_TRUE(feed.ok());
    ASSERT_EQ(feed->size(), 1u);
    EXPECT_EQ((*feed)[0].excerpt, "excerpt third body");
    EXPECT_EQ((*feed)[0].title, "Third title");

    // hoot_tags follows the tags: the new ones find it, the dropped ones no longer do.
    EXPECT_EQ(TagFeed("sound"), (std::vector<std::int64_t>{hoot.value}));
    EXPECT_EQ(TagFeed("birds"), (std::vector<std::int64_t>{hoot.value}));
    EXPECT_TRUE(TagFeed("owls").empty());
    EXPECT_TRUE(TagFeed("night").empty());

    auto revisions = RevisionsOf(ToPost(hoot));
    ASSERT_EQ(revisions.size(), 3u);
    const char* titles[] = {"Original title", "Second title", "Third title"};
    const char* bodies[] = {"Body of Original title", "second body", "third body"};
    const UserId authors[] = {alice, alice, mod};
    const UnixSeconds times[] = {100, 200, 300};
    const std::vector<std::string> tags[] = {
        {"owls", "night"}, {"owls", "birds"}, {"birds", "sound"}};
    for (std::size_t i = 0; i < revisions.size(); ++i) {
        SCOPED_TRACE(i);
        EXPECT_EQ(revisions[i].number, static_cast<int>(i) + 1) << "oldest first";
        EXPECT_EQ(revisions[i].title, titles[i]);
        EXPECT_EQ(revisions[i].body_source, bodies[i]);
        EXPECT_EQ(revisions[i].author.id, authors[i]);
        EXPECT_EQ(revisions[i].created_at, times[i]);
        EXPECT_EQ(revisions[i].tags, tags[i]);
    }
    EXPECT_EQ(revisions[2].author.username, "moderator");
}

TEST_P(PostStoreTest, EditCommentKeepsEveryRevision) {
    UserId alice = AddUser("alice");
    UserId bob = AddUser("bob");
    HootId hoot = AddHoot(alice, 100);
    CommentId comment = AddComment(hoot, bob, 200, "first");

    for (int base = 1; base <= 3; ++base) {
        auto number = stores().posts.Edit(
            CommentEdit(comment, bob, base, "version " + std::to_string(base + 1), 200 + base));
        ASSERT_TRUE(number.ok()) << number.error().detail;
        EXPECT_EQ(*number, base + 1);
    }
    Comment found = GetComment(comment);
    EXPECT_EQ(found.revision, 4);
    EXPECT_EQ(found.body_source, "version 4");
    EXPECT_EQ(found.body_html, "<p>version 4</p>");
    EXPECT_EQ(GetHoot(hoot).revision, 1) << "editing a comment leaves its hoot alone";

    auto revisions = RevisionsOf(ToPost(comment));
    ASSERT_EQ(revisions.size(), 4u);
    EXPECT_EQ(revisions[0].body_source, "first");
    for (std::size_t i = 0; i < revisions.size(); ++i) {
        EXPECT_EQ(revisions[i].number, static_cast<int>(i) + 1);
        EXPECT_EQ(revisions[i].author.id, bob);
        EXPECT_EQ(revisions[i].created_at, 200 + static_cast<UnixSeconds>(i));
        if (i > 0) {
            EXPECT_EQ(revisions[i].body_source, "version " + std::to_string(i + 1));
        }
    }
}

TEST_P(PostStoreTest, StaleBaseRevisionIsAConflictAndWritesNothing) {
    UserId alice = AddUser("alice");
    HootId hoot = AddHoot(alice, 100, "Original title", {"owls"});
    CommentId comment = AddComment(hoot, alice, 150, "original comment");
    ASSERT_TRUE(stores()
                    .posts.Edit(HootEdit(hoot, alice, 1, "Second title", "second", {"owls"}, 200))
                    .ok());
    ASSERT_TRUE(stores().posts.Edit(CommentEdit(comment, alice, 1, "second comment", 200)).ok());

    for (int base : {0, 1, 3}) {
        SCOPED_TRACE(base);
        auto stale =
            stores().posts.Edit(HootEdit(hoot, alice, base, "Lost title", "lost", {"lost"}, 300));
        ASSERT_FALSE(stale.ok());
        EXPECT_EQ(stale.error().code, Errc::kConflict);
        EXPECT_FALSE(stale.error().message.empty());
        auto stale_comment = stores().posts.Edit(CommentEdit(comment, alice, base, "lost", 300));
        ASSERT_FALSE(stale_comment.ok());
        EXPECT_EQ(stale_comment.error().code, Errc::kConflict);
    }
    Hoot found = GetHoot(hoot);
    EXPECT_EQ(found.revision, 2);
    EXPECT_EQ(found.title, "Second title");
    EXPECT_EQ(found.body_source, "second");
    EXPECT_EQ(found.tags, (std::vector<std::string>{"owls"}));
    EXPECT_TRUE(TagFeed("lost").empty());
    EXPECT_EQ(RevisionsOf(ToPost(hoot)).size(), 2u);
    EXPECT_EQ(GetComment(comment).body_source, "second comment");
    EXPECT_EQ(RevisionsOf(ToPost(comment)).size(), 2u);

    auto unknown = stores().posts.Edit(CommentEdit(CommentId(999999), alice, 1, "x", 300));
    ASSERT_FALSE(unknown.ok());
    EXPECT_EQ(unknown.error().code, Errc::kNotFound);
}

TEST_P(PostStoreTest, RacingEditsFromTheSameBaseLetExactlyOneWin) {
    constexpr int kRacers = 4;
    constexpr int kRounds = 10;
    UserId alice = AddUser("alice");
    HootId hoot = AddHoot(alice, 100);
    CommentId comment = AddComment(hoot, alice, 150, "original");
    service::Stores s = stores();

    for (int round = 0; round < kRounds; ++round) {
        SCOPED_TRACE(round);
        const int base = round + 1;
        std::atomic<int> ready{0};
        std::vector<Result<int>> results(kRacers, Result<int>(0));
        std::vector<std::thread> threads;
        for (int t = 0; t < kRacers; ++t) {
            threads.emplace_back([&, t] {
                ++ready;
                while (ready.load() < kRacers) std::this_thread::yield();
                results[static_cast<std::size_t>(t)] = s.posts.Edit(CommentEdit(
                    comment, alice, base, "r" + std::to_string(round) + "t" + std::to_string(t),
                    200 + round));
            });
        }
        for (auto& thread : threads) thread.join();
        int wins = 0;
        std::string winner_text;
        for (int t = 0; t < kRacers; ++t) {
            const auto& result = results[static_cast<std::size_t>(t)];
            if (result.ok()) {
                ++wins;
                EXPECT_EQ(*result, base + 1);
                winner_text = "r" + std::to_string(round) + "t" + std::to_string(t);
            } else {
                EXPECT_EQ(result.error().code, Errc::kConflict) << result.error().detail;
            }
        }
        ASSERT_EQ(wins, 1);
        EXPECT_EQ(GetComment(comment).body_source, winner_text);
        auto revisions = RevisionsOf(ToPost(comment));
        ASSERT_EQ(revisions.size(), static_cast<std::size_t>(base + 1));
        EXPECT_EQ(revisions.back().body_source, winner_text);
    }
}

// --- deletion --------------------------------------------------------------------------------

TEST_P(PostStoreTest, DeletingACommentMovesTheCountsAndRestoreReversesIt) {
    UserId alice = AddUser("alice");
    UserId bob = AddUser("bob");
    HootId hoot = AddHoot(alice, 100);
    CommentId kept = AddComment(hoot, bob, 200, "kept");
    CommentId removed = AddComment(hoot, bob, 210, "removed");

    auto expect_counts = [&](std::int64_t live, std::int64_t deleted, const char* when) {
        SCOPED_TRACE(when);
        Hoot h = GetHoot(hoot);
        EXPECT_EQ(h.comment_count, live);
        EXPECT_EQ(h.deleted_comment_count, deleted);
        EXPECT_EQ(GetUser(bob).comment_count, live);
    };
    expect_counts(2, 0, "before");

    ASSERT_TRUE(stores().posts.SetDeleted(ToPost(removed), true, 300).ok());
    expect_counts(1, 1, "deleted");
    auto found = stores().comments.Find(removed);
    ASSERT_TRUE(found.ok());
    EXPECT_FALSE(found->has_value()) << "Find hides a deleted comment";
    auto listed = stores().comments.List(hoot, CommentOrder::kOldest, 10);
    ASSERT_TRUE(listed.ok());
    ASSERT_EQ(listed->size(), 2u) << "List keeps it for the placeholder";
    EXPECT_FALSE((*listed)[0].deleted);
    EXPECT_TRUE((*listed)[1].deleted);
    EXPECT_EQ((*listed)[1].body_source, "removed") << "the text is kept in the database";

    ASSERT_TRUE(stores().posts.SetDeleted(ToPost(removed), true, 310).ok());
    expect_counts(1, 1, "deleted twice");

    ASSERT_TRUE(stores().posts.SetDeleted(ToPost(removed), false, 320).ok());
    expect_counts(2, 0, "restored");
    EXPECT_EQ(GetComment(removed).body_source, "removed");
    EXPECT_FALSE(FindOrFail(ToPost(removed)).deleted);

    ASSERT_TRUE(stores().posts.SetDeleted(ToPost(removed), false, 330).ok());
    expect_counts(2, 0, "restored twice");
    EXPECT_EQ(GetComment(kept).body_source, "kept");

    auto unknown = stores().posts.SetDeleted(PostId(999999), true, 340);
    ASSERT_FALSE(unknown.ok());
    EXPECT_EQ(unknown.error().code, Errc::kNotFound);
}

TEST_P(PostStoreTest, DeletedHootLeavesTheFeedsAndRestoreBringsItBack) {
    UserId alice = AddUser("alice");
    HootId kept = AddHoot(alice, 100, "Kept hoot", {"owls"});
    HootId removed = AddHoot(alice, 200, "Removed hoot", {"owls"});
    EXPECT_EQ(GetUser(alice).hoot_count, 2);

    auto latest = [&] {
        auto feed = stores().hoots.Latest(std::nullopt, 10);
        EXPECT_TRUE(feed.ok());
        std::vector<std::int64_t> ids;
        if (feed.ok())
            for (const auto& h : *feed) ids.push_back(h.id.value);
        return ids;
    };
    auto by_author = [&] {
        auto feed = stores().hoots.ByAuthor(alice, std::nullopt, 10);
        EXPECT_TRUE(feed.ok());
        std::vector<std::int64_t> ids;
        if (feed.ok())
            for (const auto& h : *feed) ids.push_back(h.id.value);
        return ids;
    };

    ASSERT_TRUE(stores().posts.SetDeleted(ToPost(removed), true, 300).ok());
    auto hidden = stores().hoots.Find(removed);
    ASSERT_TRUE(hidden.ok());
    EXPECT_FALSE(hidden->has_value());
    auto shown = stores().hoots.Find(removed, true);
    ASSERT_TRUE(shown.ok());
    ASSERT_TRUE(shown->has_value()) << "include_deleted finds it";
    EXPECT_TRUE((*shown)->deleted);
    EXPECT_EQ((*shown)->title, "Removed hoot");
    EXPECT_FALSE(GetHoot(kept).deleted);

    EXPECT_EQ(latest(), (std::vector<std::int64_t>{kept.value}));
    EXPECT_EQ(by_author(), (std::vector<std::int64_t>{kept.value}));
    EXPECT_EQ(TagFeed("owls"), (std::vector<std::int64_t>{kept.value}));
    EXPECT_EQ(GetUser(alice).hoot_count, 1);

    ASSERT_TRUE(stores().posts.SetDeleted(ToPost(removed), true, 310).ok());
    EXPECT_EQ(GetUser(alice).hoot_count, 1) << "deleting twice is a no-op";

    // A deleted hoot takes no new comments.
    service::NewComment late;
    late.hoot = removed;
    late.author = alice;
    late.body_source = late.body_html = "x";
    late.created_at = 320;
    auto comment = stores().comments.Create(late);
    ASSERT_FALSE(comment.ok());
    EXPECT_EQ(comment.error().code, Errc::kNotFound);

    ASSERT_TRUE(stores().posts.SetDeleted(ToPost(removed), false, 330).ok());
    EXPECT_FALSE(GetHoot(removed).deleted);
    EXPECT_EQ(latest(), (std::vector<std::int64_t>{removed.value, kept.value}));
    EXPECT_EQ(by_author(), (std::vector<std::int64_t>{removed.value, kept.value}));
    EXPECT_EQ(TagFeed("owls"), (std::vector<std::int64_t>{removed.value, kept.value}));
    EXPECT_EQ(GetUser(alice).hoot_count, 2);
}

}  // namespace
}  // namespace hoot::testing
