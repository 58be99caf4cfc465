// Live wake-ups between two instances on one PostgreSQL database (LISTEN/NOTIFY), and the
// payloads they travel in.

#include <gtest/gtest.h>

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

#include "store/postgres/live_relay.hpp"
#include "store/postgres/stores.hpp"
#include "support/test_postgres.hpp"

namespace hoot::testing {
namespace {

using store::postgres::LivePayloads;
using store::postgres::ParseLivePayload;

TEST(LivePayload, RoundTripsUsersAndHoots) {
    auto payloads = LivePayloads("abc", {UserId{1}, UserId{22}}, HootId{7});
    ASSERT_EQ(payloads.size(), 2u);
    auto hoot = ParseLivePayload(payloads[0]);
    ASSERT_TRUE(hoot);
    EXPECT_EQ(hoot->instance, "abc");
    EXPECT_EQ(hoot->hoot->value, 7);
    auto users = ParseLivePayload(payloads[1]);
    ASSERT_TRUE(users);
    ASSERT_EQ(users->users.size(), 2u);
    EXPECT_EQ(users->users[1].value, 22);
}

TEST(LivePayload, ManyUsersAreSplitUnderTheServersLimit) {
    std::vector<UserId> users;
    for (std::int64_t i = 1; i <= 5000; ++i) users.push_back(UserId{1'000'000'000 + i});
    auto payloads = LivePayloads("instance", users, std::nullopt);
    EXPECT_GT(payloads.size(), 1u);
    std::size_t total = 0;
    for (const auto& payload : payloads) {
        EXPECT_LT(payload.size(), 8000u);
        auto parsed = ParseLivePayload(payload);
        ASSERT_TRUE(parsed);
        total += parsed->users.size();
    }
    EXPECT_EQ(total, users.size());
}

TEST(LivePayload, ForeignPayloadsAreIgnored) {
    for (const char* bad : {"", "x", "x u", "x h 1 2", "x q 1", "x u 1 -2", "x u 1 a", "x h 0"})
        EXPECT_FALSE(ParseLivePayload(bad)) << bad;
}

// Counts the wake-ups a stream on one instance receives.
struct Counter {
    std::mutex mutex;
    std::condition_variable changed;
    int wakes = 0;
    void Wake() {
        std::lock_guard lock(mutex);
        ++wakes;
        changed.notify_all();
    }
    bool WaitFor(int count) {
        std::unique_lock lock(mutex);
        return changed.wait_for(lock, std::chrono::seconds(10), [&] { return wakes >= count; });
    }
};

TEST(LiveRelay, AWakeUpOnOneInstanceReachesStreamsOnTheOther) {
    TestPostgresDatabase database;
    store::postgres::PostgresBackend first(database.url()), second(database.url());
    service::LiveHub hub_a, hub_b;
    auto relay_a = first.RelayLiveEvents(hub_a);
    auto relay_b = second.RelayLiveEvents(hub_b);

    Counter user_stream, hoot_stream, local_stream;
    auto on_b = hub_b.Subscribe(UserId{5}, std::nullopt, [&] { user_stream.Wake(); });
    auto reading_on_b = hub_b.Subscribe(UserId{6}, HootId{9}, [&] { hoot_stream.Wake(); });
    auto on_a = hub_a.Subscribe(UserId{5}, std::nullopt, [&] { local_stream.Wake(); });

    hub_a.WakeUsers({UserId{5}});
    EXPECT_TRUE(user_stream.WaitFor(1));
    hub_a.WakeHoot(HootId{9});
    EXPECT_TRUE(hoot_stream.WaitFor(1));
    // The instance that published delivered its own streams at once, and only once: its own
    // notification coming back is recognised and dropped.
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    std::lock_guard lock(local_stream.mutex);
    EXPECT_EQ(local_stream.wakes, 1);
}

}  // namespace
}  // namespace hoot::testing
