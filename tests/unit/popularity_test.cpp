#include "domain/popularity.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <limits>
#include <string>

namespace hoot {
namespace {

struct PercentCase {
    const char* name;
    std::int64_t positive;
    std::int64_t negative;
    int percent;
};

void PrintTo(const PercentCase& c, std::ostream* os) { *os << c.name; }

class PopularityPercentTest : public ::testing::TestWithParam<PercentCase> {};

TEST_P(PopularityPercentTest, MatchesExpected) {
    const PercentCase& c = GetParam();
    EXPECT_EQ(PopularityPercent(ReactionTally{c.positive, c.negative}), c.percent);
}

constexpr std::int64_t kMax = std::numeric_limits<std::int64_t>::max();

// The first six are the reference values of DESIGN.md §4.
INSTANTIATE_TEST_SUITE_P(
    Cases, PopularityPercentTest,
    ::testing::Values(PercentCase{"NoReactions", 0, 0, 10}, PercentCase{"OnePositive", 1, 0, 44},
                      PercentCase{"ThreePositive", 3, 0, 68},
                      PercentCase{"TenPositiveOneNegative", 10, 1, 77},
                      PercentCase{"EvenSplit", 5, 5, 38},
                      PercentCase{"HundredPositive", 100, 0, 99},
                      PercentCase{"OnlyNegative", 0, 7, 10}, PercentCase{"OneNegative", 0, 1, 10},
                      PercentCase{"MillionPositive", 1000000, 0, 100},
                      PercentCase{"NegativePositiveCountIsInconsistent", -3, 5, 10},
                      PercentCase{"NegativeNegativeCountIsInconsistent", 3, -5, 10},
                      PercentCase{"OverflowingTotalIsInconsistent", kMax, kMax, 10}),
    [](const auto& info) { return std::string(info.param.name); });

TEST(WilsonLowerBoundTest, ZeroWithoutTrials) { EXPECT_EQ(WilsonLowerBound(0, 0), 0.0); }

TEST(WilsonLowerBoundTest, ZeroWhenInconsistent) {
    EXPECT_EQ(WilsonLowerBound(5, 3), 0.0);
    EXPECT_EQ(WilsonLowerBound(-1, 3), 0.0);
    EXPECT_EQ(WilsonLowerBound(1, -1), 0.0);
}

TEST(WilsonLowerBoundTest, KnownValue) {
    // p = 1, n = 1: 1 / (1 + z²) with z = 1.2816.
    EXPECT_NEAR(WilsonLowerBound(1, 1), 1.0 / (1.0 + 1.2816 * 1.2816), 1e-12);
}

TEST(WilsonLowerBoundTest, StaysWithinUnitInterval) {
    for (std::int64_t total : {1, 2, 10, 1000, 1000000}) {
        for (std::int64_t positive : {std::int64_t{0}, total / 2, total}) {
            const double w = WilsonLowerBound(positive, total);
            EXPECT_GE(w, 0.0) << positive << "/" << total;
            EXPECT_LE(w, 1.0) << positive << "/" << total;
        }
    }
}

TEST(WilsonLowerBoundTest, GrowsWithEvidenceAtTheSameRatio) {
    EXPECT_LT(WilsonLowerBound(1, 1), WilsonLowerBound(10, 10));
    EXPECT_LT(WilsonLowerBound(5, 10), WilsonLowerBound(50, 100));
}

TEST(BestScoreTest, EqualsWilsonOfTally) {
    EXPECT_DOUBLE_EQ(BestScore(ReactionTally{10, 1}), WilsonLowerBound(10, 11));
    EXPECT_EQ(BestScore(ReactionTally{}), 0.0);
}

TEST(BestScoreTest, RanksMoreEvidenceAboveASingleVote) {
    // The point of the Wilson bound: 1 of 1 must not outrank 90 of 100.
    EXPECT_GT(BestScore(ReactionTally{90, 10}), BestScore(ReactionTally{1, 0}));
    EXPECT_GT(BestScore(ReactionTally{1, 0}), BestScore(ReactionTally{0, 0}));
    EXPECT_GT(BestScore(ReactionTally{3, 1}), BestScore(ReactionTally{3, 5}));
}

}  // namespace
}  // namespace hoot
