#include "service/live_hub.hpp"

namespace hoot::service {

struct LiveHub::Subscription::Entry {
    UserId user;
    std::optional<HootId> hoot;
    Waker wake;
};

LiveHub::Subscription::~Subscription() { hub_.Remove(entry_); }

std::unique_ptr<LiveHub::Subscription> LiveHub::Subscribe(UserId user, std::optional<HootId> hoot,
                                                          Waker wake) {
    auto entry =
        std::make_shared<Subscription::Entry>(Subscription::Entry{user, hoot, std::move(wake)});
    {
        std::lock_guard lock(mutex_);
        by_user_.emplace(user.value, entry);
        if (hoot) by_hoot_.emplace(hoot->value, entry);
    }
    return std::unique_ptr<Subscription>(new Subscription(*this, entry));
}

void LiveHub::Erase(std::unordered_multimap<std::int64_t, EntryPtr>& map, std::int64_t key,
                    const EntryPtr& entry) {
    auto [first, last] = map.equal_range(key);
    for (auto it = first; it != last; ++it) {
        if (it->second == entry) {
            map.erase(it);
            return;
        }
    }
}

void LiveHub::Remove(const EntryPtr& entry) {
    std::lock_guard lock(mutex_);
    Erase(by_user_, entry->user.value, entry);
    if (entry->hoot) Erase(by_hoot_, entry->hoot->value, entry);
}

void LiveHub::SetRelay(Relay relay) {
    std::lock_guard lock(mutex_);
    relay_ = std::move(relay);
}

void LiveHub::WakeUsers(const std::vector<UserId>& users) {
    DeliverUsers(users);
    Relay relay;
    {
        std::lock_guard lock(mutex_);
        relay = relay_;
    }
    if (relay) relay(users, std::nullopt);
}

void LiveHub::WakeHoot(HootId hoot) {
    DeliverHoot(hoot);
    Relay relay;
    {
        std::lock_guard lock(mutex_);
        relay = relay_;
    }
    if (relay) relay({}, hoot);
}

void LiveHub::DeliverAll() {
    std::vector<EntryPtr> woken;
    {
        std::lock_guard lock(mutex_);
        for (const auto& [user, entry] : by_user_) woken.push_back(entry);
    }
    for (const auto& entry : woken) entry->wake();
}

void LiveHub::DeliverUsers(const std::vector<UserId>& users) {
    std::vector<EntryPtr> woken;
    {
        std::lock_guard lock(mutex_);
        for (UserId user : users) {
            auto [first, last] = by_user_.equal_range(user.value);
            for (auto it = first; it != last; ++it) woken.push_back(it->second);
        }
    }
    for (const auto& entry : woken) entry->wake();
}

void LiveHub::DeliverHoot(HootId hoot) {
    std::vector<EntryPtr> woken;
    {
        std::lock_guard lock(mutex_);
        auto [first, last] = by_hoot_.equal_range(hoot.value);
        for (auto it = first; it != last; ++it) woken.push_back(it->second);
    }
    for (const auto& entry : woken) entry->wake();
}

std::size_t LiveHub::StreamsOf(UserId user) const {
    std::lock_guard lock(mutex_);
    return by_user_.count(user.value);
}

std::size_t LiveHub::size() const {
    std::lock_guard lock(mutex_);
    return by_user_.size();
}

}  // namespace hoot::service
