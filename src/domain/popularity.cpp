#include "domain/popularity.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace hoot {

namespace {

// z for a one-sided 90% confidence bound: a post needs several reactions before it can rank high.
constexpr double kZ = 1.2816;

// A tally read from a corrupted row must not overflow; such a total is treated as inconsistent.
std::int64_t SaturatingTotal(const ReactionTally& tally) {
    if (tally.positive < 0 || tally.negative < 0) return -1;
    if (tally.negative > std::numeric_limits<std::int64_t>::max() - tally.positive) return -1;
    return tally.total();
}

}  // namespace

double WilsonLowerBound(std::int64_t positive, std::int64_t total) {
    if (total <= 0 || positive < 0 || positive > total) return 0.0;
    const double n = static_cast<double>(total);
    const double p = static_cast<double>(positive) / n;
    const double z2 = kZ * kZ;
    const double centre = p + z2 / (2 * n);
    const double margin = kZ * std::sqrt(p * (1 - p) / n + z2 / (4 * n * n));
    // Rounding can push the bound a hair below 0 for p = 0; the contract is [0, 1].
    return std::clamp((centre - margin) / (1 + z2 / n), 0.0, 1.0);
}

int PopularityPercent(const ReactionTally& tally) {
    const double w = BestScore(tally);
    return static_cast<int>(std::clamp<long>(std::lround(10.0 + 90.0 * w), 10, 100));
}

double BestScore(const ReactionTally& tally) {
    const std::int64_t total = SaturatingTotal(tally);
    if (total < 0) return 0.0;
    return WilsonLowerBound(tally.positive, total);
}

}  // namespace hoot
