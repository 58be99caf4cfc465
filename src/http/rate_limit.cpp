#include "http/rate_limit.hpp"

#include <algorithm>
#include <cmath>
#include <vector>

namespace hoot::http {
namespace {
constexpr std::size_t kPruneAbove = 100000;
}

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

std::map<std::string, RateRule, std::less<>> RateLimiter::DefaultRules() {
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

bool RateLimiter::Allow(std::string_view bucket, std::string_view client, int* retry_after) {
    auto rule_it = rules_.find(bucket);
    if (rule_it == rules_.end()) return true;
    const RateRule& rule = rule_it->second;
    std::string key;
    key.reserve(bucket.size() + client.size() + 1);
    key.append(bucket).append("|").append(client);

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
    if (retry_after)
        *retry_after = static_cast<int>(std::ceil((1.0 - state.tokens) * 60.0 / rule.per_minute));
    return false;
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
