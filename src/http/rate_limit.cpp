#include "http/rate_limit.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <vector>

#include "app/log.hpp"

namespace hoot::http {
namespace {

constexpr std::size_t kPruneAbove = 100000;
constexpr std::chrono::minutes kSharedPruneEvery{1};

int SecondsUntilAToken(double tokens, const RateRule& rule) {
    return std::max(1, static_cast<int>(std::ceil((1.0 - tokens) * 60.0 / rule.per_minute)));
}

}  // namespace

std::string RateLimitMessage(std::string_view bucket, int retry_after_seconds) {
    std::string_view doing = "making requests";
    if (bucket == "signin") doing = "trying to sign in";
    if (bucket == "signup") doing = "creating accounts";
    if (bucket == "post_hoot") doing = "posting hoots";
    if (bucket == "comment") doing = "posting";
    if (bucket == "react") doing = "reacting";
    if (bucket == "message") doing = "sending messages";
    if (bucket == "profile") doing = "changing your profile";
    std::string text = "You are ";
    text.append(doing).append(" too fast. Please wait ");
    text.append(std::to_string(retry_after_seconds)).append(" seconds and try again.");
    return text;
}

RateRules RateLimiter::DefaultRules() {
    return {
        {"signin", {10, 10}},    // guessing passwords: a burst of 10, then 10 a minute per address
        {"signup", {10, 1}},     // a burst of 10 (a meetup on one network), then 1 a minute
        {"post_hoot", {10, 2}},  // per user
        {"comment", {30, 10}},   // per user
        {"react", {120, 60}},    // per user: toggling is cheap, but not free
        {"message", {30, 30}},   // per user: direct messages, 30 a minute
        {"profile", {20, 6}},    // per user: a new avatar is decoded and re-encoded (CPU)
    };
}

RateLimiter::RateLimiter(RateRules rules, service::RateBucketStore* shared)
    : rules_(std::move(rules)), shared_(shared) {
    for (const auto& [name, rule] : rules_) {
        if (!(rule.burst >= 1) || !(rule.per_minute > 0))
            throw std::invalid_argument("rate rule '" + name +
                                        "' needs a burst of at least 1 and a refill above 0");
        auto refill = std::chrono::seconds(
            static_cast<std::int64_t>(std::ceil(rule.burst * 60.0 / rule.per_minute)));
        longest_refill_ = std::max(longest_refill_, refill);
    }
}

bool RateLimiter::Allow(std::string_view bucket, std::string_view client, int* retry_after) {
    auto rule_it = rules_.find(bucket);
    if (rule_it == rules_.end()) return true;
    std::string key;
    key.reserve(bucket.size() + client.size() + 1);
    key.append(bucket).append("|").append(client);
    if (shared_) return AllowShared(rule_it->second, key, retry_after);
    return AllowInMemory(rule_it->second, std::move(key), retry_after);
}

bool RateLimiter::AllowInMemory(const RateRule& rule, std::string key, int* retry_after) {
    std::lock_guard lock(mutex_);
    auto now = Now();
    if (states_.size() > kPruneAbove) Prune(now);
    auto [it, inserted] = states_.try_emplace(std::move(key), State{rule.burst, now});
    State& state = it->second;
    if (!inserted) {
        double minutes = std::chrono::duration<double>(now - state.updated).count() / 60.0;
        state.tokens = std::min(rule.burst, state.tokens + minutes * rule.per_minute);
        state.updated = now;
    }
    if (state.tokens >= 1.0) {
        state.tokens -= 1.0;
        return true;
    }
    if (retry_after) *retry_after = SecondsUntilAToken(state.tokens, rule);
    return false;
}

bool RateLimiter::AllowShared(const RateRule& rule, std::string_view key, int* retry_after) {
    PruneSharedWhenDue();
    auto take = shared_->Take(key, rule.burst, rule.per_minute);
    if (!take) {
        // Fail open. Every limited route writes to the same database right after this, so while
        // it cannot answer that write fails anyway (503) and nothing is gained by refusing here;
        // a refusal would instead tell people during a brief outage or a pool timeout that they
        // are "too fast", and a sign-in cannot check a password without the database either.
        // Logged and counted, so a limiter that is not limiting does not go unnoticed.
        std::int64_t failures = 0;
        {
            std::lock_guard lock(mutex_);
            failures = ++shared_failures_;
        }
        log::Warn("rate limit not checked (let through; " + std::to_string(failures) +
                  " so far): " + take.error().detail);
        return true;
    }
    if (take->allowed) return true;
    if (retry_after) *retry_after = SecondsUntilAToken(take->tokens, rule);
    return false;
}

void RateLimiter::PruneSharedWhenDue() {
    {
        std::lock_guard lock(mutex_);
        auto now = Clock::now();
        if (now < next_shared_prune_) return;
        next_shared_prune_ = now + kSharedPruneEvery;
    }
    // Best effort: a prune that fails leaves rows that the next one (or a full bucket's take)
    // makes right; it only costs space.
    if (auto pruned = shared_->PruneIdle(longest_refill_); !pruned)
        log::Warn("pruning idle rate buckets failed: " + pruned.error().detail);
}

std::int64_t RateLimiter::shared_failures() const {
    std::lock_guard lock(mutex_);
    return shared_failures_;
}

void RateLimiter::Prune(Clock::time_point now) {
    std::erase_if(states_, [&](const auto& entry) {
        auto bucket = std::string_view(entry.first).substr(0, entry.first.find('|'));
        auto rule = rules_.find(bucket);
        if (rule == rules_.end()) return true;
        double minutes = std::chrono::duration<double>(now - entry.second.updated).count() / 60.0;
        return entry.second.tokens + minutes * rule->second.per_minute >= rule->second.burst;
    });
}

}  // namespace hoot::http
