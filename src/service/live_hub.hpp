#pragma once
// Who is listening for live events, and waking them. A subscriber is one open event stream: it
// names its user and, optionally, the hoot it is reading. Wake-ups carry no data: a woken stream
// reads what is new from the store from its own cursor, so a wake-up that arrives twice, late or
// for nothing costs a query, never a wrong or lost event; and the same holds when wake-ups come
// from another instance (issue 7: PostgreSQL LISTEN/NOTIFY).
//
// Thread-safe. Wakers are called outside the hub's lock and must not block.

#include <cstddef>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <unordered_map>
#include <vector>

#include "domain/ids.hpp"

namespace hoot::service {

class LiveHub {
  public:
    using Waker = std::function<void()>;

    // Unsubscribes when destroyed.
    class Subscription {
      public:
        ~Subscription();
        Subscription(const Subscription&) = delete;
        Subscription& operator=(const Subscription&) = delete;

      private:
        friend class LiveHub;
        struct Entry;
        Subscription(LiveHub& hub, std::shared_ptr<Entry> entry) : hub_(hub), entry_(entry) {}
        LiveHub& hub_;
        std::shared_ptr<Entry> entry_;
    };

    std::unique_ptr<Subscription> Subscribe(UserId user, std::optional<HootId> hoot, Waker wake);

    void WakeUsers(const std::vector<UserId>& users);
    void WakeUser(UserId user) { WakeUsers({user}); }
    void WakeHoot(HootId hoot);

    std::size_t StreamsOf(UserId user) const;
    std::size_t size() const;

  private:
    using EntryPtr = std::shared_ptr<Subscription::Entry>;
    void Remove(const EntryPtr& entry);
    static void Erase(std::unordered_multimap<std::int64_t, EntryPtr>& map, std::int64_t key,
                      const EntryPtr& entry);

    mutable std::mutex mutex_;
    std::unordered_multimap<std::int64_t, EntryPtr> by_user_;
    std::unordered_multimap<std::int64_t, EntryPtr> by_hoot_;
};

}  // namespace hoot::service
