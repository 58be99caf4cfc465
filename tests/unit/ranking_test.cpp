// The feed orders' pure parts: Hot's formula, the period windows, the keys in URLs; and the
// website rule of profiles.

#include "domain/ranking.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "domain/validation.hpp"

namespace hoot {
namespace {

TEST(HotPoints, CountReactionsAndCommentsNeverBelowOne) {
    struct Case {
        const char* name;
        std::int64_t positive, negative, comments, points;
    };
    const Case cases[] = {
        {"nothing yet", 0, 0, 0, 1}, {"two likes", 2, 0, 0, 3},
        {"a comment", 0, 0, 1, 2},   {"mixed", 5, 2, 3, 7},
        {"downvoted", 0, 4, 0, 1},   {"downvoted but discussed", 0, 2, 5, 4},
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(c.name);
        EXPECT_EQ(HotPoints(c.positive, c.negative, c.comments), c.points);
    }
}

TEST(HotRank, IsLogOfPointsOverHoursPlusTwoToThe1Point8) {
    constexpr UnixSeconds kNow = 1'000'000;
    EXPECT_NEAR(HotRank(1, kNow, kNow), -1.8 * std::log(2.0), 1e-12);
    EXPECT_NEAR(HotRank(10, kNow - 3 * 3600, kNow), std::log(10.0) - 1.8 * std::log(5.0), 1e-12);
    EXPECT_NEAR(std::exp(HotRank(8, kNow - 6 * 3600, kNow)), 8.0 / std::pow(8.0, 1.8), 1e-12);
    // A hoot from the future (clock skew) counts as new, not as hotter than new.
    EXPECT_EQ(HotRank(3, kNow + 500, kNow), HotRank(3, kNow, kNow));
    EXPECT_EQ(HotRank(0, kNow, kNow), HotRank(1, kNow, kNow));
}

TEST(HotRank, AgeOutweighsModestPopularity) {
    constexpr UnixSeconds kNow = 1'000'000;
    // Newer wins at equal points; a day-old hoot needs far more points to stay above a new one.
    EXPECT_GT(HotRank(5, kNow - 3600, kNow), HotRank(5, kNow - 7200, kNow));
    EXPECT_GT(HotRank(1, kNow, kNow), HotRank(100, kNow - 24 * 3600, kNow));
    EXPECT_LT(HotRank(1, kNow, kNow), HotRank(1000, kNow - 24 * 3600, kNow));
}

TEST(FeedOrderKeys, RoundTripAndRejectOthers) {
    for (auto order :
         {FeedOrder::kLatest, FeedOrder::kHot, FeedOrder::kTop, FeedOrder::kUnanswered})
        EXPECT_EQ(ParseFeedOrder(FeedOrderKey(order)), order);
    for (auto period : {TopPeriod::kWeek, TopPeriod::kMonth, TopPeriod::kYear, TopPeriod::kAll})
        EXPECT_EQ(ParseTopPeriod(TopPeriodKey(period)), period);
    for (const char* bad : {"", "Hot", "best", "top "}) {
        SCOPED_TRACE(bad);
        EXPECT_FALSE(ParseFeedOrder(bad).has_value());
        EXPECT_FALSE(ParseTopPeriod(bad).has_value());
    }
}

TEST(TopPeriodStart, WindowsReachBackFromNow) {
    constexpr UnixSeconds kNow = 100'000'000;
    EXPECT_EQ(TopPeriodStart(TopPeriod::kWeek, kNow), kNow - 7 * 86400);
    EXPECT_EQ(TopPeriodStart(TopPeriod::kMonth, kNow), kNow - 30 * 86400);
    EXPECT_EQ(TopPeriodStart(TopPeriod::kYear, kNow), kNow - 365 * 86400);
    EXPECT_EQ(TopPeriodStart(TopPeriod::kAll, kNow), 0);
}

TEST(ValidateWebsite, AcceptsHttpAndHttpsAddressesOnly) {
    struct Case {
        const char* name;
        const char* input;
        const char* stored;  // nullptr: rejected
    };
    const Case cases[] = {
        {"empty", "", ""},
        {"spaces only", "   ", ""},
        {"https", "https://owls.example/about", "https://owls.example/about"},
        {"http with port and query", "http://127.0.0.1:8080/?a=1#x",
         "http://127.0.0.1:8080/?a=1#x"},
        {"trimmed", "  https://owls.example  ", "https://owls.example"},
        {"javascript", "javascript:alert(1)", nullptr},
        {"data", "data:text/html,hi", nullptr},
        {"no scheme", "owls.example", nullptr},
        {"ftp", "ftp://owls.example", nullptr},
        {"no host", "https:///path", nullptr},
        {"credentials", "https://user@owls.example", nullptr},
        {"space inside", "https://owls.example/a b", nullptr},
        {"quote", "https://owls.example/\"onmouseover", nullptr},
        {"control", "https://owls.example/\x01", nullptr},
        {"too long", nullptr, nullptr},
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(c.name);
        std::string input = c.input ? c.input : "https://owls.example/" + std::string(200, 'a');
        auto result = ValidateWebsite(input);
        if (c.stored) {
            ASSERT_TRUE(result.ok()) << result.error().message;
            EXPECT_EQ(*result, c.stored);
        } else {
            ASSERT_FALSE(result.ok());
            EXPECT_EQ(result.error().code, Errc::kInvalidInput);
            EXPECT_EQ(result.error().field, "website");
        }
    }
}

}  // namespace
}  // namespace hoot

namespace hoot {
namespace {

// The bound Hot pages rely on: at exactly that age the best possible hoot ranks at the given
// rank, and any older one ranks below it.
TEST(HotAgeBeyondReach, IsTheAgeAtWhichTheBestPossibleHootFallsToTheRank) {
    constexpr UnixSeconds kNow = 1'000'000'000;
    for (std::int64_t points : {1, 7, 5000}) {
        for (double rank : {1.5, -1.0, -6.0}) {
            const double age = HotAgeBeyondReach(points, rank);
            if (age <= 0) {
                EXPECT_LE(HotRank(points, kNow, kNow), rank + 1e-9);
                continue;
            }
            const auto at = kNow - static_cast<UnixSeconds>(age);
            EXPECT_NEAR(HotRank(points, at, kNow), rank, 1e-3) << points << " " << rank;
            EXPECT_LT(HotRank(points, at - 3600, kNow), rank);
        }
    }
    EXPECT_TRUE(std::isinf(HotAgeBeyondReach(10, -1e6)));
}

}  // namespace
}  // namespace hoot
