// The pure parts of following, notifications and the live stream: which @names are mentions,
// notification preferences, the SSE wire format, the stream's cursor, and the hub's wake-ups.

#include "domain/social.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <string>
#include <thread>
#include <vector>

#include "http/event_stream.hpp"
#include "service/live_hub.hpp"
#include "service/notifications.hpp"

namespace hoot {
namespace {

struct MentionCase {
    const char* name;
    const char* text;
    std::vector<std::string> mentions;
};

class MentionTest : public ::testing::TestWithParam<MentionCase> {};

TEST_P(MentionTest, FindsTheNamesPeopleMeant) {
    EXPECT_EQ(ExtractMentions(GetParam().text), GetParam().mentions) << GetParam().text;
}

INSTANTIATE_TEST_SUITE_P(
    Cases, MentionTest,
    ::testing::Values(MentionCase{"Plain", "thanks @ada for this", {"ada"}},
                      MentionCase{"AtStart", "@Bob_Smith see above", {"bob_smith"}},
                      MentionCase{"LowerCasedAndOnce", "@Ada and @ADA and @ada", {"ada"}},
                      MentionCase{"InOrder", "@zed, then @amy.", {"zed", "amy"}},
                      MentionCase{"Punctuation", "(@ada) [@bob]: @cyd!", {"ada", "bob", "cyd"}},
                      MentionCase{"EmailIsNot", "write to ada@example.org", {}},
                      MentionCase{"DottedIsNot", "see x.@ada", {}},
                      MentionCase{"TooShort", "@ab is not a name", {}},
                      MentionCase{"TooLong", "@abcdefghijklmnopqrstuvwxyz0123456789 long", {}},
                      MentionCase{"InlineCode", "run `@ada` or ``@bob ` x`` but @cyd", {"cyd"}},
                      MentionCase{"FencedCode", "```\n@ada\n```\n@bob\n~~~\n@cy\n~~~", {"bob"}},
                      MentionCase{"UnclosedBacktick", "a ` then @ada", {"ada"}},
                      MentionCase{"DoubleAt", "@@ada", {}},
                      MentionCase{"HyphenAndUnderscore", "@ada-lovelace_1 hi", {"ada-lovelace_1"}}),
    [](const auto& info) { return std::string(info.param.name); });

TEST(MentionLimit, StopsAtTheLimit) {
    std::string text;
    for (int i = 0; i < 30; ++i) text += "@user" + std::to_string(100 + i) + " ";
    EXPECT_EQ(ExtractMentions(text).size(), 20u);
    EXPECT_EQ(ExtractMentions(text, 3).size(), 3u);
}

TEST(NotificationKinds, KeysRoundTripAndPrefsAreBits) {
    for (NotificationKind kind : kNotificationKinds) {
        auto parsed = ParseNotificationKind(NotificationKindKey(kind));
        ASSERT_TRUE(parsed.has_value());
        EXPECT_EQ(*parsed, kind);
        EXPECT_FALSE(NotificationKindLabel(kind).empty());
    }
    EXPECT_FALSE(ParseNotificationKind("").has_value());
    EXPECT_FALSE(ParseNotificationKind("Comment").has_value());

    NotificationPrefs prefs;
    for (NotificationKind kind : kNotificationKinds) EXPECT_TRUE(prefs.Wants(kind));
    prefs.Set(NotificationKind::kReaction, false);
    EXPECT_FALSE(prefs.Wants(NotificationKind::kReaction));
    EXPECT_TRUE(prefs.Wants(NotificationKind::kReply));
    prefs.Set(NotificationKind::kReaction, true);
    EXPECT_EQ(prefs.mask, NotificationPrefs().mask);
}

TEST(SseFormat, OneFieldPerLineAndNoInjectedFields) {
    std::string out;
    http::AppendSseEvent(out, "comment", "n1.m2.c3", "{\"a\":1}");
    EXPECT_EQ(out, "id: n1.m2.c3\nevent: comment\ndata: {\"a\":1}\n\n");

    out.clear();
    http::AppendSseEvent(out, "", "", "line one\nline two\r\nline three\rend");
    EXPECT_EQ(out, "data: line one\ndata: line two\ndata: line three\ndata: end\n\n");

    out.clear();
    http::AppendSseEvent(out, "x\nevent: evil", "1\ndata: evil", "ok");
    EXPECT_EQ(out, "id: 1data: evil\nevent: xevent: evil\ndata: ok\n\n")
        << "line breaks in names or ids can never start a field of their own";

    EXPECT_EQ(http::SseComment("keep-alive"), ": keep-alive\n\n");
}

TEST(LiveCursor, FormatsAndParsesExactly) {
    service::LiveCursor cursor{12, 5, 77};
    EXPECT_EQ(service::FormatLiveCursor(cursor), "n12.m5.c77");
    auto parsed = service::ParseLiveCursor("n12.m5.c77");
    ASSERT_TRUE(parsed.has_value());
    EXPECT_EQ(parsed->notification, 12);
    EXPECT_EQ(parsed->message, 5);
    EXPECT_EQ(parsed->comment, 77);
    EXPECT_TRUE(service::ParseLiveCursor("n0.m0.c0").has_value());
    for (const char* bad : {"", "n1.m2", "n1.m2.c3.", "n1.m2.c3x", "m1.n2.c3", "n-1.m2.c3",
                            "n1.m2.c", "n1m2c3", "n 1.m2.c3", "n99999999999999999999.m1.c1"})
        EXPECT_FALSE(service::ParseLiveCursor(bad).has_value()) << bad;
}

TEST(LiveHub, WakesTheRightStreamsUntilTheyUnsubscribe) {
    service::LiveHub hub;
    std::atomic<int> ada_woken{0}, bob_woken{0}, reader_woken{0};
    auto ada = hub.Subscribe(UserId(1), std::nullopt, [&] { ++ada_woken; });
    auto bob = hub.Subscribe(UserId(2), HootId(7), [&] { ++bob_woken; });
    auto reader = hub.Subscribe(UserId(3), HootId(7), [&] { ++reader_woken; });
    EXPECT_EQ(hub.size(), 3u);
    EXPECT_EQ(hub.StreamsOf(UserId(1)), 1u);

    hub.WakeUser(UserId(1));
    EXPECT_EQ(ada_woken, 1);
    EXPECT_EQ(bob_woken, 0);
    hub.WakeHoot(HootId(7));
    EXPECT_EQ(bob_woken, 1);
    EXPECT_EQ(reader_woken, 1);
    EXPECT_EQ(ada_woken, 1);
    hub.WakeUsers({UserId(1), UserId(2), UserId(9)});
    EXPECT_EQ(ada_woken, 2);
    EXPECT_EQ(bob_woken, 2);

    bob.reset();
    hub.WakeHoot(HootId(7));
    EXPECT_EQ(bob_woken, 2) << "an unsubscribed stream is never woken";
    EXPECT_EQ(reader_woken, 2);
    EXPECT_EQ(hub.size(), 2u);
}

TEST(LiveHub, SubscribingAndWakingFromManyThreadsIsSafe) {
    service::LiveHub hub;
    std::atomic<int> woken{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t) {
        threads.emplace_back([&, t] {
            for (int i = 0; i < 500; ++i) {
                auto sub = hub.Subscribe(UserId(t + 1), HootId(1), [&] { ++woken; });
                hub.WakeHoot(HootId(1));
                hub.WakeUser(UserId(t + 1));
            }
        });
    }
    for (auto& thread : threads) thread.join();
    EXPECT_EQ(hub.size(), 0u);
    EXPECT_GE(woken.load(), 4 * 500 * 2) << "each thread at least wakes its own subscription";
}

}  // namespace
}  // namespace hoot
