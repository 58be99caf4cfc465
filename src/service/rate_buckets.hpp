#pragma once
// The port of rate-limit buckets shared by every instance on one database. http::RateLimiter
// depends on it when the backend has one (PostgreSQL); on SQLite there is one instance and the
// limiter keeps its buckets in memory. Declared here, beside the other store ports, because the
// store layer implements service ports and never sees http/.

#include <chrono>
#include <cstdint>
#include <string_view>

#include "domain/result.hpp"

namespace hoot::service {

struct RateTake {
    bool allowed = false;
    // Tokens left after the take when allowed; the tokens there are (fewer than one) when not.
    double tokens = 0;
};

// Token buckets of `burst` tokens refilling at `per_minute` a minute, keyed by an opaque string
// (bucket name and client). Time is the database's clock, so instances with skewed clocks agree.
// Thread-safe.
class RateBucketStore {
  public:
    virtual ~RateBucketStore() = default;
    // Refills the bucket for the time since its last take and takes one token if there is one,
    // in one atomic step: concurrent takes from any instance never spend the same token twice.
    // A bucket seen for the first time starts full. REQUIRES: burst >= 1, per_minute > 0.
    // kUnavailable / kInternal when the database cannot answer.
    virtual Result<RateTake> Take(std::string_view key, double burst, double per_minute) = 0;
    // Deletes buckets untouched for `idle` or longer (pass the longest time any bucket takes to
    // refill from empty: such a bucket is full again, as good as absent). Returns how many.
    virtual Result<std::int64_t> PruneIdle(std::chrono::seconds idle) = 0;
};

}  // namespace hoot::service
