#pragma once
// Popularity and the "Best" ranking (DESIGN.md §4). Pure functions, thread-safe.

#include <cstdint>

#include "domain/model.hpp"

namespace hoot {

// Lower bound of the Wilson score interval at z = 1.2816 for `positive` successes out of
// `total` trials; 0 when total is 0 (or inconsistent: positive < 0 or positive > total).
double WilsonLowerBound(std::int64_t positive, std::int64_t total);

// round(10 + 90 × W(pos, pos + neg)): 10 for no reactions, at most 100.
int PopularityPercent(const ReactionTally& tally);

// The key "Best" sorts by (higher first); stored with each post so the database can index it.
double BestScore(const ReactionTally& tally);

}  // namespace hoot
