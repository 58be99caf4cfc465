// Rate-limit buckets shared by the instances on one PostgreSQL database: the single statement
// a take is (burst, refill, the time to wait), takes racing from two instances, pruning, and the
// limiter over them. Always on PostgreSQL: SQLite has one instance and counts in memory.
// Time passes by moving a bucket's updated_at back in the database, whose clock the statement
// reads, rather than by sleeping.

#include <gtest/gtest.h>

#include <atomic>
#include <thread>
#include <vector>

#include "http/rate_limit.hpp"
#include "store/postgres/stores.hpp"
#include "support/test_postgres.hpp"

namespace hoot::testing {
namespace {

using store::postgres::PostgresBackend;

class RateBuckets : public ::testing::Test {
  protected:
    TestPostgresDatabase database;
    PostgresBackend backend{database.url()};
    service::RateBucketStore& buckets = *backend.SharedRateBuckets();

    service::RateTake Take(std::string_view key, double burst, double per_minute) {
        auto take = buckets.Take(key, burst, per_minute);
        if (!take) throw std::runtime_error("take failed: " + take.error().detail);
        return *take;
    }
    // As if `seconds` had passed since the bucket's last take.
    void Age(std::string_view key, double seconds) {
        auto conn = backend.database().Acquire();
        auto rows = conn->Query(
            "UPDATE rate_buckets SET updated_at = updated_at - make_interval(secs => $2) "
            "WHERE key = $1",
            key, seconds);
        ASSERT_EQ(rows.Affected(), 1);
    }
    std::int64_t Rows() {
        return backend.database().Acquire()->Query("SELECT COUNT(*) FROM rate_buckets")[0].Int(0);
    }
};

TEST_F(RateBuckets, ANewBucketAllowsTheBurstThenRefuses) {
    for (int i = 0; i < 3; ++i) {
        auto take = Take("signin|ip1", 3, 1);
        EXPECT_TRUE(take.allowed) << i;
        EXPECT_NEAR(take.tokens, 2 - i, 0.01) << i;
    }
    auto refused = Take("signin|ip1", 3, 1);
    EXPECT_FALSE(refused.allowed);
    EXPECT_LT(refused.tokens, 0.01);
    // Another client's bucket is its own.
    EXPECT_TRUE(Take("signin|ip2", 3, 1).allowed);
    EXPECT_EQ(Rows(), 2);
}

TEST_F(RateBuckets, ARefusalSpendsNothing) {
    EXPECT_TRUE(Take("comment|u1", 1, 6).allowed);
    for (int i = 0; i < 5; ++i) EXPECT_FALSE(Take("comment|u1", 1, 6).allowed) << i;
    // Six a minute is one every ten seconds: ten seconds after the take there is one again,
    // however often the client was refused meanwhile.
    Age("comment|u1", 10);
    EXPECT_TRUE(Take("comment|u1", 1, 6).allowed);
    EXPECT_FALSE(Take("comment|u1", 1, 6).allowed);
}

TEST_F(RateBuckets, TokensRefillWithTheDatabasesClock) {
    for (int i = 0; i < 2; ++i) ASSERT_TRUE(Take("post_hoot|u1", 2, 2).allowed);
    ASSERT_FALSE(Take("post_hoot|u1", 2, 2).allowed);
    // Two a minute: after 30 seconds, one token.
    Age("post_hoot|u1", 30);
    auto take = Take("post_hoot|u1", 2, 2);
    EXPECT_TRUE(take.allowed);
    EXPECT_NEAR(take.tokens, 0, 0.01);
    EXPECT_FALSE(Take("post_hoot|u1", 2, 2).allowed);
}

TEST_F(RateBuckets, ARefusalTellsHowFarTheNextTokenIs) {
    ASSERT_TRUE(Take("message|u1", 1, 6).allowed);
    // Four seconds of a token every ten: 0.4 of one, 6 seconds to wait.
    Age("message|u1", 4);
    auto refused = Take("message|u1", 1, 6);
    EXPECT_FALSE(refused.allowed);
    EXPECT_NEAR(refused.tokens, 0.4, 0.01);
    http::RateLimiter limiter({{"message", {1, 6}}}, &buckets);
    int retry_after = 0;
    EXPECT_FALSE(limiter.Allow("message", "u1", &retry_after));
    EXPECT_EQ(retry_after, 6);
}

TEST_F(RateBuckets, ALongIdleBucketIsFullNotFuller) {
    for (int i = 0; i < 4; ++i) ASSERT_TRUE(Take("react|u1", 4, 60).allowed);
    Age("react|u1", 3600);  // an hour at 60 a minute would be 3600 tokens: capped at the burst
    for (int i = 0; i < 4; ++i) EXPECT_TRUE(Take("react|u1", 4, 60).allowed) << i;
    EXPECT_FALSE(Take("react|u1", 4, 60).allowed);
}

// Two instances (two connection pools) take from one bucket at once, many threads each: the
// allowed takes are exactly the burst, never one more.
TEST_F(RateBuckets, RacingInstancesNeverSpendATokenTwice) {
    PostgresBackend other(database.url());
    service::RateBucketStore* instances[] = {&buckets, other.SharedRateBuckets()};
    constexpr int kThreads = 8, kTakesEach = 10;
    constexpr double kBurst = 25;
    std::atomic<int> allowed{0}, failed{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t) {
        threads.emplace_back([&, t] {
            for (int i = 0; i < kTakesEach; ++i) {
                // A refill of one token a day: none comes back while the threads run.
                auto take = instances[t % 2]->Take("comment|u7", kBurst, 1.0 / 1440);
                if (!take)
                    ++failed;
                else if (take->allowed)
                    ++allowed;
            }
        });
    }
    for (auto& thread : threads) thread.join();
    EXPECT_EQ(failed.load(), 0);
    EXPECT_EQ(allowed.load(), static_cast<int>(kBurst));
}

TEST_F(RateBuckets, PruningDeletesOnlyBucketsIdleLongEnoughToBeFull) {
    ASSERT_TRUE(Take("signup|ip1", 10, 1).allowed);
    ASSERT_TRUE(Take("signup|ip2", 10, 1).allowed);
    Age("signup|ip1", 601);
    auto pruned = buckets.PruneIdle(std::chrono::seconds(600));
    ASSERT_TRUE(pruned) << pruned.error().detail;
    EXPECT_EQ(*pruned, 1);
    EXPECT_EQ(Rows(), 1);
    // ip1 starts again from a full bucket, as it would have found it.
    for (int i = 0; i < 10; ++i) EXPECT_TRUE(Take("signup|ip1", 10, 1).allowed) << i;
    EXPECT_FALSE(Take("signup|ip1", 10, 1).allowed);
}

// The limiter of two instances on one database: a client alternating between them gets the
// burst once, not once per instance.
TEST_F(RateBuckets, LimitersOfTwoInstancesShareOneAllowance) {
    PostgresBackend other(database.url());
    const http::RateRules rules = {{"signin", {4, 1}}};
    http::RateLimiter a(rules, &buckets), b(rules, other.SharedRateBuckets());
    for (int i = 0; i < 4; ++i) EXPECT_TRUE((i % 2 ? b : a).Allow("signin", "ip10.0.0.1")) << i;
    int retry_after = 0;
    EXPECT_FALSE(a.Allow("signin", "ip10.0.0.1", &retry_after));
    EXPECT_EQ(retry_after, 60);
    EXPECT_FALSE(b.Allow("signin", "ip10.0.0.1"));
    EXPECT_TRUE(b.Allow("signin", "ip10.0.0.2"));
    // A bucket without a rule is not limited, and takes nothing from the database.
    EXPECT_TRUE(a.Allow("unknown", "ip10.0.0.1"));
    EXPECT_EQ(Rows(), 2);
}

// The database failing under the limiter lets the request through (the write after it fails on
// its own), and the failure is counted.
TEST_F(RateBuckets, ALimiterWhoseDatabaseFailsLetsThroughAndCounts) {
    http::RateLimiter limiter({{"signin", {1, 1}}}, &buckets);
    ASSERT_TRUE(limiter.Allow("signin", "ip1"));
    ASSERT_FALSE(limiter.Allow("signin", "ip1"));
    backend.database().Acquire()->ExecScript("DROP TABLE rate_buckets");
    EXPECT_TRUE(limiter.Allow("signin", "ip1"));
    EXPECT_TRUE(limiter.Allow("signin", "ip1"));
    EXPECT_EQ(limiter.shared_failures(), 2);
}

TEST(RateRules, ARuleThatWouldRefuseForEverIsAStartUpError) {
    EXPECT_THROW(http::RateLimiter({{"signin", {0.5, 10}}}), std::invalid_argument);
    EXPECT_THROW(http::RateLimiter({{"signin", {10, 0}}}), std::invalid_argument);
}

}  // namespace
}  // namespace hoot::testing
