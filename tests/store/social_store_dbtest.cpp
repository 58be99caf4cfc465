// SocialStore over a real database: follows and their counts, the notification fan-out (who is
// told, once, never the actor, preferences and blocks honoured), read state and the bell count,
// direct messages with per-side unread counts, blocks, and what the live stream reads.

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <functional>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "service/social_ports.hpp"
#include "store/store_fixture.hpp"

namespace hoot::testing {
namespace {

service::Activity MakeActivity(service::ActivityKind kind, HootId hoot, PostId post, UserId actor,
                               std::string key, UnixSeconds at = 2000) {
    service::Activity activity;
    activity.kind = kind;
    activity.hoot = hoot;
    activity.post = post;
    activity.actor = actor;
    activity.event_key = std::move(key);
    activity.at = at;
    return activity;
}

template <typename T>
Status AsStatus(Result<T> result) {
    if (result.ok()) return OkStatus();
    return result.take_error();
}

std::vector<std::int64_t> Ids(const std::vector<UserId>& users) {
    std::vector<std::int64_t> ids;
    for (UserId user : users) ids.push_back(user.value);
    std::sort(ids.begin(), ids.end());
    return ids;
}

class SocialStoreTest : public StoreTest {
  protected:
    service::SocialStore& social() { return stores().social; }

    std::vector<UserId> Record(const service::Activity& activity) {
        auto told = social().Record(activity);
        EXPECT_TRUE(told.ok()) << (told.ok() ? "" : told.error().detail);
        return told.ok() ? *told : std::vector<UserId>();
    }

    std::vector<Notification> InboxOf(UserId user) {
        auto inbox = social().Inbox(user, std::nullopt, 100);
        EXPECT_TRUE(inbox.ok());
        return inbox.ok() ? *inbox : std::vector<Notification>();
    }

    std::int64_t Followers(HootId hoot) { return GetHoot(hoot).follower_count; }

    // A comment stored, then its activity recorded, as HootService does it.
    std::vector<UserId> Comment(HootId hoot, UserId author, std::vector<std::string> mentions = {},
                                CommentId* made = nullptr) {
        CommentId id = AddComment(hoot, author, 2000);
        if (made) *made = id;
        auto activity = MakeActivity(service::ActivityKind::kCommentPosted, hoot, ToPost(id),
                                     author, "c:" + std::to_string(id.value));
        activity.mentions = std::move(mentions);
        return Record(activity);
    }
};

TEST_P(SocialStoreTest, AuthorsFollowTheirHootsAndFollowingIsIdempotent) {
    UserId ada = AddUser("ada"), bob = AddUser("bob");
    HootId hoot = AddHoot(ada, 1000);
    EXPECT_EQ(Followers(hoot), 1);
    EXPECT_TRUE(*social().IsFollowing(hoot, ada));
    EXPECT_FALSE(*social().IsFollowing(hoot, bob));

    EXPECT_EQ(*social().SetFollow(hoot, bob, true, 1500), 2);
    EXPECT_EQ(*social().SetFollow(hoot, bob, true, 1600), 2) << "following twice counts once";
    EXPECT_TRUE(*social().IsFollowing(hoot, bob));
    EXPECT_EQ(*social().SetFollow(hoot, bob, false, 1700), 1);
    EXPECT_EQ(*social().SetFollow(hoot, bob, false, 1800), 1) << "unfollowing twice counts once";
    EXPECT_EQ(Followers(hoot), 1);

    auto missing = social().SetFollow(HootId(999), bob, true, 1900);
    ASSERT_FALSE(missing.ok());
    EXPECT_EQ(missing.error().code, Errc::kNotFound);
}

TEST_P(SocialStoreTest, FollowingListsNewestFollowFirstWithKeysetPages) {
    UserId ada = AddUser("ada"), bob = AddUser("bob");
    std::vector<HootId> hoots;
    for (int i = 0; i < 5; ++i)
        hoots.push_back(AddHoot(ada, 1000 + i, "Hoot number " + std::to_string(i)));
    for (int i = 0; i < 5; ++i) ASSERT_TRUE(social().SetFollow(hoots[i], bob, true, 3000 + i).ok());
    auto first = social().Following(bob, std::nullopt, 3);
    ASSERT_TRUE(first.ok());
    ASSERT_EQ(first->size(), 3u);
    EXPECT_EQ((*first)[0].hoot.id, hoots[4]);
    EXPECT_EQ((*first)[2].hoot.id, hoots[2]);
    service::TimeCursor cursor{(*first)[2].followed_at, (*first)[2].hoot.id.value};
    auto second = social().Following(bob, cursor, 3);
    ASSERT_TRUE(second.ok());
    ASSERT_EQ(second->size(), 2u);
    EXPECT_EQ((*second)[0].hoot.id, hoots[1]);
    EXPECT_EQ((*second)[1].hoot.id, hoots[0]);
}

TEST_P(SocialStoreTest, ACommentTellsEachFollowerOnceAndNeverTheActor) {
    UserId ada = AddUser("ada"), bob = AddUser("bob"), cy = AddUser("cy"), dee = AddUser("dee");
    HootId hoot = AddHoot(ada, 1000);
    ASSERT_TRUE(social().SetFollow(hoot, cy, true, 1100).ok());
    auto told = Comment(hoot, bob);
    EXPECT_EQ(Ids(told), (std::vector<std::int64_t>{ada.value, cy.value}));
    EXPECT_EQ(InboxOf(ada).size(), 1u);
    EXPECT_EQ(InboxOf(cy).size(), 1u);
    EXPECT_TRUE(InboxOf(bob).empty()) << "the actor is never told of their own comment";
    EXPECT_TRUE(InboxOf(dee).empty());
    EXPECT_EQ(GetUser(ada).unread_notifications, 1);
    EXPECT_EQ(GetUser(cy).unread_notifications, 1);

    const Notification n = InboxOf(ada).front();
    EXPECT_EQ(n.kind, NotificationKind::kComment);
    EXPECT_EQ(n.hoot, hoot);
    EXPECT_EQ(n.actor.username, "bob");
    EXPECT_EQ(n.post_kind, PostKind::kComment);
    EXPECT_FALSE(n.read);

    // Commenting followed the hoot for bob: the next comment (by cy) tells ada and bob.
    EXPECT_EQ(Followers(hoot), 3);
    EXPECT_EQ(Ids(Comment(hoot, cy)), (std::vector<std::int64_t>{ada.value, bob.value}));
}

TEST_P(SocialStoreTest, RecordingTheSameEventTwiceTellsNobodyTwice) {
    UserId ada = AddUser("ada"), bob = AddUser("bob");
    HootId hoot = AddHoot(ada, 1000);
    auto reacted =
        MakeActivity(service::ActivityKind::kReacted, hoot, ToPost(hoot), bob, "r:1:2:0");
    reacted.post_author = ada;
    EXPECT_EQ(Ids(Record(reacted)), (std::vector<std::int64_t>{ada.value}));
    EXPECT_TRUE(Record(reacted).empty());
    EXPECT_EQ(InboxOf(ada).size(), 1u);
    EXPECT_EQ(GetUser(ada).unread_notifications, 1);
    EXPECT_EQ(InboxOf(ada).front().kind, NotificationKind::kReaction);
}

TEST_P(SocialStoreTest, AMentionedFollowerIsToldOnceAsMentioned) {
    UserId ada = AddUser("ada"), bob = AddUser("Bob_Smith"), cy = AddUser("cy");
    HootId hoot = AddHoot(ada, 1000);
    ASSERT_TRUE(social().SetFollow(hoot, bob, true, 1100).ok());
    auto told = Comment(hoot, cy, {"bob_smith", "ada", "cy", "nobody"});
    EXPECT_EQ(Ids(told), (std::vector<std::int64_t>{ada.value, bob.value}))
        << "each once; the actor mentioning themself is not told; unknown names are ignored";
    ASSERT_EQ(InboxOf(bob).size(), 1u);
    EXPECT_EQ(InboxOf(bob).front().kind, NotificationKind::kMention);
    EXPECT_EQ(InboxOf(ada).front().kind, NotificationKind::kMention);
}

TEST_P(SocialStoreTest, PreferencesAndBlocksDecideWhoIsTold) {
    UserId ada = AddUser("ada"), bob = AddUser("bob"), cy = AddUser("cy");
    HootId hoot = AddHoot(ada, 1000);
    ASSERT_TRUE(social().SetFollow(hoot, cy, true, 1100).ok());

    NotificationPrefs quiet;
    quiet.Set(NotificationKind::kComment, false);
    ASSERT_TRUE(social().SetPrefs(ada, quiet).ok());
    ASSERT_TRUE(social().SetBlock(cy, bob, true, 1200).ok());
    EXPECT_TRUE(Comment(hoot, bob, {"cy"}).empty())
        << "ada turned comments off; cy blocked bob (even a mention of cy is not delivered)";

    // A mention still reaches ada: only comments were turned off.
    EXPECT_EQ(Ids(Comment(hoot, bob, {"ada"})), (std::vector<std::int64_t>{ada.value}));
    EXPECT_EQ(InboxOf(ada).front().kind, NotificationKind::kMention);

    auto prefs = social().Prefs(ada);
    ASSERT_TRUE(prefs.ok());
    EXPECT_FALSE(prefs->Wants(NotificationKind::kComment));
    EXPECT_TRUE(prefs->Wants(NotificationKind::kMention));
    EXPECT_TRUE(prefs->follow_on_comment);
}

TEST_P(SocialStoreTest, CommentingFollowsOnlyWhenThePreferenceSaysSo) {
    UserId ada = AddUser("ada"), bob = AddUser("bob");
    HootId hoot = AddHoot(ada, 1000);
    NotificationPrefs prefs;
    prefs.follow_on_comment = false;
    ASSERT_TRUE(social().SetPrefs(bob, prefs).ok());
    Comment(hoot, bob);
    EXPECT_FALSE(*social().IsFollowing(hoot, bob));
    EXPECT_EQ(Followers(hoot), 1);
}

TEST_P(SocialStoreTest, ReadStateMovesTheBellAndOnlyForTheOwner) {
    UserId ada = AddUser("ada"), bob = AddUser("bob");
    HootId hoot = AddHoot(ada, 1000);
    for (int i = 0; i < 3; ++i) Comment(hoot, bob);
    auto inbox = InboxOf(ada);
    ASSERT_EQ(inbox.size(), 3u);
    EXPECT_GT(inbox[0].id, inbox[1].id) << "newest first";
    EXPECT_EQ(GetUser(ada).unread_notifications, 3);

    // Bob cannot mark ada's notifications read, nor find them.
    EXPECT_EQ(*social().MarkRead(bob, {inbox[0].id}, 3000), 0);
    EXPECT_FALSE(social().FindNotification(bob, inbox[0].id)->has_value());
    EXPECT_EQ(GetUser(ada).unread_notifications, 3);

    EXPECT_EQ(*social().MarkRead(ada, {inbox[0].id, inbox[0].id}, 3000), 2);
    EXPECT_TRUE((*social().FindNotification(ada, inbox[0].id))->read);
    EXPECT_EQ(*social().MarkAllRead(ada, 3100), 0);
    EXPECT_EQ(GetUser(ada).unread_notifications, 0);
    auto counts = social().Unread(ada);
    ASSERT_TRUE(counts.ok());
    EXPECT_EQ(counts->notifications, 0);

    auto older = social().Inbox(ada, inbox[1].id, 10);
    ASSERT_TRUE(older.ok());
    ASSERT_EQ(older->size(), 1u);
    EXPECT_EQ((*older)[0].id, inbox[2].id);
    auto newer = social().NotificationsAfter(ada, inbox[2].id, 10);
    ASSERT_TRUE(newer.ok());
    ASSERT_EQ(newer->size(), 2u);
    EXPECT_EQ((*newer)[0].id, inbox[1].id) << "oldest first for the live stream";
}

TEST_P(SocialStoreTest, MessagesKeepPerSideUnreadCounts) {
    UserId ada = AddUser("ada"), bob = AddUser("bob"), cy = AddUser("cy");
    ASSERT_TRUE(social().SendMessage(bob, ada, "hi", "<p>hi</p>", 2000).ok());
    ASSERT_TRUE(social().SendMessage(bob, ada, "again", "<p>again</p>", 2001).ok());
    ASSERT_TRUE(social().SendMessage(cy, ada, "hello", "<p>hello</p>", 2002).ok());
    EXPECT_EQ(GetUser(ada).unread_conversations, 2) << "two conversations with unread messages";
    EXPECT_EQ(GetUser(bob).unread_conversations, 0) << "the sender has nothing unread";

    auto list = social().Conversations(ada, std::nullopt, 10);
    ASSERT_TRUE(list.ok());
    ASSERT_EQ(list->size(), 2u);
    EXPECT_EQ((*list)[0].other.username, "cy") << "most recent first";
    EXPECT_EQ((*list)[1].other.username, "bob");
    EXPECT_EQ((*list)[1].unread, 2);
    EXPECT_EQ((*list)[1].last.body_source, "again");

    EXPECT_EQ(*social().MarkConversationRead(ada, bob), 1);
    EXPECT_EQ(*social().MarkConversationRead(ada, bob), 1) << "reading twice changes nothing";
    EXPECT_EQ(GetUser(ada).unread_conversations, 1);

    // Each side reads the same conversation; a third person has none with either.
    auto from_ada = social().Messages(ada, bob, std::nullopt, 10);
    auto from_bob = social().Messages(bob, ada, std::nullopt, 10);
    ASSERT_TRUE(from_ada.ok() && from_bob.ok());
    ASSERT_EQ(from_ada->size(), 2u);
    EXPECT_EQ((*from_ada)[0].body_source, "again") << "newest first";
    EXPECT_EQ(from_bob->size(), 2u);
    EXPECT_TRUE(social().Messages(cy, bob, std::nullopt, 10)->empty());

    auto live = social().MessagesAfter(ada, MessageId(0), 10);
    ASSERT_TRUE(live.ok());
    ASSERT_EQ(live->size(), 3u);
    EXPECT_EQ((*live)[0].other.username, "bob");
    EXPECT_EQ((*live)[2].other.username, "cy");
    EXPECT_TRUE(social().MessagesAfter(ada, (*live)[2].message.id, 10)->empty());
}

TEST_P(SocialStoreTest, BlocksAreOneWayAndIdempotent) {
    UserId ada = AddUser("ada"), bob = AddUser("bob");
    ASSERT_TRUE(social().SetBlock(ada, bob, true, 1000).ok());
    ASSERT_TRUE(social().SetBlock(ada, bob, true, 1001).ok());
    EXPECT_TRUE(*social().IsBlocked(ada, bob));
    EXPECT_FALSE(*social().IsBlocked(bob, ada));
    ASSERT_TRUE(social().SetBlock(ada, bob, false, 1002).ok());
    EXPECT_FALSE(*social().IsBlocked(ada, bob));
}

TEST_P(SocialStoreTest, TheLiveStreamReadsNewCommentsFromItsCursor) {
    UserId ada = AddUser("ada"), bob = AddUser("bob");
    HootId hoot = AddHoot(ada, 1000), other = AddHoot(ada, 1001);
    auto start = social().LatestIds();
    ASSERT_TRUE(start.ok());
    CommentId first = AddComment(hoot, bob, 2000);
    AddComment(other, bob, 2001);
    CommentId second = AddComment(hoot, bob, 2002);
    auto comments = social().CommentsAfter(hoot, CommentId(start->comment), 10);
    ASSERT_TRUE(comments.ok());
    ASSERT_EQ(comments->size(), 2u);
    EXPECT_EQ((*comments)[0].id, first);
    EXPECT_EQ((*comments)[1].id, second);
    EXPECT_EQ((*comments)[0].author.username, "bob");
    backend().Exec("UPDATE comments SET deleted_at = 3000 WHERE id = " +
                   std::to_string(first.value));
    EXPECT_EQ(social().CommentsAfter(hoot, CommentId(start->comment), 10)->size(), 1u)
        << "deleted comments are not announced";
    auto now = social().LatestIds();
    EXPECT_GE(now->comment, second.value);
}

// Errors seen on other threads, reported on the test thread.
class ThreadErrors {
  public:
    template <typename T>
    void Check(const Result<T>& result, const std::string& what) {
        if (result.ok()) return;
        std::lock_guard lock(mutex_);
        errors_.push_back(what + ": " + result.error().detail);
    }
    std::vector<std::string> errors() {
        std::lock_guard lock(mutex_);
        return errors_;
    }

  private:
    std::mutex mutex_;
    std::vector<std::string> errors_;
};

TEST_P(SocialStoreTest, ParallelCommentsLoseNoNotificationCounterOrLiveEvent) {
    constexpr int kWriters = 4;
    constexpr int kCommentsEach = 25;
    UserId ada = AddUser("ada");
    std::vector<UserId> writers;
    for (int i = 0; i < kWriters; ++i) writers.push_back(AddUser("writer" + std::to_string(i)));
    HootId hoot = AddHoot(ada, 1000);
    service::Stores s = stores();

    ThreadErrors errors;
    std::atomic<int> writers_running{kWriters};
    std::vector<std::thread> threads;
    for (int w = 0; w < kWriters; ++w) {
        threads.emplace_back([&, w] {
            const UserId me = writers[static_cast<std::size_t>(w)];
            for (int i = 0; i < kCommentsEach; ++i) {
                std::string body = "w" + std::to_string(w) + "c" + std::to_string(i);
                auto id = s.comments.Create({hoot, me, body, body, 2000 + i});
                errors.Check(id, "comment");
                if (!id.ok()) continue;
                auto activity = MakeActivity(service::ActivityKind::kCommentPosted, hoot,
                                             ToPost(*id), me, "c:" + std::to_string(id->value));
                // Every other comment mentions ada too: she is told once, as mentioned.
                if (i % 2) activity.mentions = {"ada"};
                errors.Check(s.social.Record(activity), "record");
            }
            --writers_running;
        });
    }
    // The live stream follows ada's inbox from a cursor while the bell is marked read under it.
    std::set<std::int64_t> streamed;
    threads.emplace_back([&] {
        NotificationId cursor(0);
        while (writers_running.load() > 0) {
            auto batch = s.social.NotificationsAfter(ada, cursor, 50);
            errors.Check(batch, "stream");
            if (!batch.ok()) continue;
            for (const auto& n : *batch) {
                streamed.insert(n.id.value);
                cursor = n.id;
            }
            errors.Check(s.social.MarkAllRead(ada, 3000), "mark all read");
        }
        for (;;) {
            auto batch = s.social.NotificationsAfter(ada, cursor, 50);
            errors.Check(batch, "stream");
            if (!batch.ok() || batch->empty()) break;
            for (const auto& n : *batch) {
                streamed.insert(n.id.value);
                cursor = n.id;
            }
        }
    });
    for (auto& t : threads) t.join();
    EXPECT_EQ(errors.errors(), std::vector<std::string>{});

    auto inbox = social().Inbox(ada, std::nullopt, 1000);
    ASSERT_TRUE(inbox.ok());
    EXPECT_EQ(inbox->size(), static_cast<std::size_t>(kWriters * kCommentsEach))
        << "one notification per comment";
    std::set<std::int64_t> stored;
    std::int64_t unread = 0;
    for (const auto& n : *inbox) {
        stored.insert(n.id.value);
        if (!n.read) ++unread;
    }
    EXPECT_EQ(streamed, stored) << "the live stream saw every notification, none skipped";
    EXPECT_EQ(GetUser(ada).unread_notifications, unread) << "the bell matches the inbox";
    EXPECT_EQ(Followers(hoot), 1 + kWriters);
    for (UserId w : writers) {
        auto theirs = social().Inbox(w, std::nullopt, 1000);
        ASSERT_TRUE(theirs.ok());
        EXPECT_EQ(GetUser(w).unread_notifications, static_cast<std::int64_t>(theirs->size()));
    }
}

TEST_P(SocialStoreTest, PeopleWritingToEachOtherAtOnceKeepTheirUnreadCounts) {
    constexpr int kPeople = 4;
    constexpr int kRounds = 15;
    std::vector<UserId> people;
    for (int i = 0; i < kPeople; ++i) people.push_back(AddUser("person" + std::to_string(i)));
    service::Stores s = stores();
    ThreadErrors errors;
    std::vector<std::thread> threads;
    // Everyone writes to everyone, in both directions at once, and reads as they go.
    for (int p = 0; p < kPeople; ++p) {
        threads.emplace_back([&, p] {
            const UserId me = people[static_cast<std::size_t>(p)];
            for (int round = 0; round < kRounds; ++round) {
                for (int q = 0; q < kPeople; ++q) {
                    if (q == p) continue;
                    const UserId other = people[static_cast<std::size_t>(q)];
                    errors.Check(s.social.SendMessage(me, other, "hi", "<p>hi</p>", 2000 + round),
                                 "send");
                    if (round % 3 == 0)
                        errors.Check(s.social.MarkConversationRead(me, other), "read");
                }
            }
        });
    }
    for (auto& t : threads) t.join();
    EXPECT_EQ(errors.errors(), std::vector<std::string>{});

    for (UserId me : people) {
        auto conversations = social().Conversations(me, std::nullopt, 100);
        ASSERT_TRUE(conversations.ok());
        EXPECT_EQ(conversations->size(), static_cast<std::size_t>(kPeople - 1));
        std::int64_t unread = 0;
        for (const auto& c : *conversations) unread += c.unread > 0 ? 1 : 0;
        EXPECT_EQ(GetUser(me).unread_conversations, unread) << "the DM box matches the list";
        auto all = social().MessagesAfter(me, MessageId(0), 10000);
        ASSERT_TRUE(all.ok());
        EXPECT_EQ(all->size(), static_cast<std::size_t>(2 * (kPeople - 1) * kRounds));
    }
}

TEST_P(SocialStoreTest, EveryCallOnABrokenDatabaseReturnsAnInternalError) {
    UserId ada = AddUser("ada"), bob = AddUser("bob");
    HootId hoot = AddHoot(ada, 1000);
    // Statements prepared and cached first, so that the failures come from the server.
    Comment(hoot, bob);
    ASSERT_TRUE(social().SendMessage(bob, ada, "hi", "<p>hi</p>", 2000).ok());
    backend().BreakSchema();

    service::SocialStore& s = social();
    auto activity =
        MakeActivity(service::ActivityKind::kCommentPosted, hoot, ToPost(hoot), bob, "c:1");
    activity.mentions = {"ada"};
    const std::vector<std::pair<const char*, std::function<Status()>>> cases = {
        {"SetFollow", [&] { return AsStatus(s.SetFollow(hoot, bob, true, 1)); }},
        {"IsFollowing", [&] { return AsStatus(s.IsFollowing(hoot, bob)); }},
        {"Following", [&] { return AsStatus(s.Following(bob, std::nullopt, 10)); }},
        {"Record", [&] { return AsStatus(s.Record(activity)); }},
        {"Inbox", [&] { return AsStatus(s.Inbox(ada, std::nullopt, 10)); }},
        {"NotificationsAfter",
         [&] { return AsStatus(s.NotificationsAfter(ada, NotificationId(0), 10)); }},
        {"FindNotification", [&] { return AsStatus(s.FindNotification(ada, NotificationId(1))); }},
        {"MarkRead", [&] { return AsStatus(s.MarkRead(ada, {NotificationId(1)}, 1)); }},
        {"MarkAllRead", [&] { return AsStatus(s.MarkAllRead(ada, 1)); }},
        {"Prefs", [&] { return AsStatus(s.Prefs(ada)); }},
        {"SetPrefs", [&] { return s.SetPrefs(ada, NotificationPrefs()); }},
        {"Unread", [&] { return AsStatus(s.Unread(ada)); }},
        {"SendMessage", [&] { return AsStatus(s.SendMessage(bob, ada, "a", "a", 1)); }},
        {"Conversations", [&] { return AsStatus(s.Conversations(ada, std::nullopt, 10)); }},
        {"Messages", [&] { return AsStatus(s.Messages(ada, bob, std::nullopt, 10)); }},
        {"MessagesAfter", [&] { return AsStatus(s.MessagesAfter(ada, MessageId(0), 10)); }},
        {"MarkConversationRead", [&] { return AsStatus(s.MarkConversationRead(ada, bob)); }},
        {"SetBlock", [&] { return s.SetBlock(ada, bob, true, 1); }},
        {"IsBlocked", [&] { return AsStatus(s.IsBlocked(ada, bob)); }},
        {"LatestIds", [&] { return AsStatus(s.LatestIds()); }},
        {"CommentsAfter", [&] { return AsStatus(s.CommentsAfter(hoot, CommentId(0), 10)); }},
    };
    for (const auto& [name, call] : cases) {
        SCOPED_TRACE(name);
        Status status = OkStatus();
        ASSERT_NO_THROW(status = call());
        ASSERT_FALSE(status.ok());
        EXPECT_EQ(status.error().code, Errc::kInternal);
    }
}

HOOT_STORE_SUITE(SocialStoreTest);

}  // namespace
}  // namespace hoot::testing
