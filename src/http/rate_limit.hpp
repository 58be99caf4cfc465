#pragma once
// Token buckets per (bucket name, client key): a bucket of `burst` tokens that refills at
// `per_minute` tokens a minute. Thread-safe.
//
// Where the buckets live is the backend's choice: in this process's memory when there is one
// instance (SQLite), or in the database every instance shares (PostgreSQL, through
// service::RateBucketStore), so that behind a proxy a client gets one allowance, not one per
// instance. In memory, the table stays bounded: once it is large, buckets that have refilled
// completely (clients gone quiet) are dropped. In the database, each instance deletes such rows
// about once a minute.

#include <chrono>
#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "service/rate_buckets.hpp"

namespace hoot::http {

// "You are sending messages too fast. Please wait 12 seconds and try again.": what a person
// refused by `bucket` is told.
std::string RateLimitMessage(std::string_view bucket, int retry_after_seconds);

struct RateRule {
    double burst = 10;       // at least 1
    double per_minute = 10;  // above 0
};

using RateRules = std::map<std::string, RateRule, std::less<>>;

class RateLimiter {
  public:
    using Clock = std::chrono::steady_clock;

    // Rules by bucket name; a route naming a bucket that has no rule is not limited. `shared`:
    // the backend's shared buckets (outliving this limiter), or nullptr to count in memory.
    // Throws std::invalid_argument for a rule with a burst under 1 or no refill (a start-up
    // error: such a bucket would refuse everyone for ever).
    explicit RateLimiter(RateRules rules, service::RateBucketStore* shared = nullptr);
    // The default rules: sign-in, sign-up, posting hoots and comments.
    static RateRules DefaultRules();

    // Takes a token: true when allowed. `retry_after` gets the seconds until one is free.
    // With shared buckets this is a database round trip: call it off the I/O threads (every
    // limited route changes state, and the server runs those on its blocking pool).
    bool Allow(std::string_view bucket, std::string_view client, int* retry_after = nullptr);
    // Shared takes the database could not answer, let through (see AllowShared).
    std::int64_t shared_failures() const;
    // For tests of the in-memory buckets: advance time.
    void SetNowForTest(Clock::time_point now) { fixed_now_ = now; }

  private:
    struct State {
        double tokens;
        Clock::time_point updated;
    };
    Clock::time_point Now() const { return fixed_now_ ? *fixed_now_ : Clock::now(); }
    bool AllowInMemory(const RateRule& rule, std::string key, int* retry_after);
    bool AllowShared(const RateRule& rule, std::string_view key, int* retry_after);
    void Prune(Clock::time_point now);
    void PruneSharedWhenDue();

    RateRules rules_;
    service::RateBucketStore* shared_;
    // The longest any rule's bucket takes to refill from empty: idle longer, a bucket is full.
    std::chrono::seconds longest_refill_{0};
    mutable std::mutex mutex_;
    std::unordered_map<std::string, State> states_;  // in memory only
    Clock::time_point next_shared_prune_{};
    std::int64_t shared_failures_ = 0;
    std::optional<Clock::time_point> fixed_now_;
};

}  // namespace hoot::http
