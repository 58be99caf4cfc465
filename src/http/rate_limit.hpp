#pragma once
// Token buckets per (bucket name, client key): a bucket of `burst` tokens that refills at
// `per_minute` tokens a minute. Thread-safe. Memory stays bounded: once the table is large,
// buckets that have refilled completely (clients gone quiet) are dropped.

#include <chrono>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace hoot::http {

// "You are sending messages too fast. Please wait 12 seconds and try again.": what a person
// refused by `bucket` is told.
std::string RateLimitMessage(std::string_view bucket, int retry_after_seconds);

struct RateRule {
    double burst = 10;
    double per_minute = 10;
};

class RateLimiter {
  public:
    using Clock = std::chrono::steady_clock;

    // Rules by bucket name; a route naming a bucket that has no rule is not limited.
    explicit RateLimiter(std::map<std::string, RateRule, std::less<>> rules)
        : rules_(std::move(rules)) {}
    // The default rules: sign-in, sign-up, posting hoots and comments.
    static std::map<std::string, RateRule, std::less<>> DefaultRules();

    // Takes a token: true when allowed. `retry_after` gets the seconds until one is free.
    bool Allow(std::string_view bucket, std::string_view client, int* retry_after = nullptr);
    // For tests: advance time.
    void SetNowForTest(Clock::time_point now) { fixed_now_ = now; }

  private:
    struct State {
        double tokens;
        Clock::time_point updated;
    };
    Clock::time_point Now() const { return fixed_now_ ? *fixed_now_ : Clock::now(); }
    void Prune(Clock::time_point now);

    std::map<std::string, RateRule, std::less<>> rules_;
    std::mutex mutex_;
    std::unordered_map<std::string, State> states_;
    std::optional<Clock::time_point> fixed_now_;
};

}  // namespace hoot::http
