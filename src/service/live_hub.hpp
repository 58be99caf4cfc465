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

    // What the services call after a commit: wakes this instance's streams, and hands the
    // wake-up to the relay when one is set (several instances on one database).
    void WakeUsers(const std::vector<UserId>& users);
    void WakeUser(UserId user) { WakeUsers({user}); }
    void WakeHoot(HootId hoot);

    // Tells the other instances. Called outside the hub's lock; thread-safe; may do one quick
    // round trip to the database but never waits for the other instances.
    using Relay = std::function<void(const std::vector<UserId>& users, std::optional<HootId> hoot)>;
    void SetRelay(Relay relay);

    // Wake-ups that came from another instance: this instance's streams only.
    void DeliverUsers(const std::vector<UserId>& users);
    void DeliverHoot(HootId hoot);
    // Every stream, for when wake-ups may have been missed (the relay lost its connection).
    void DeliverAll();

    std::size_t StreamsOf(UserId user) const;
    std::size_t size() const;

  private:
    using EntryPtr = std::shared_ptr<Subscription::Entry>;
    void Remove(const EntryPtr& entry);
    static void Erase(std::unordered_multimap<std::int64_t, EntryPtr>& map, std::int64_t key,
                      const EntryPtr& entry);

    Relay relay_;  // guarded by mutex_; copied out before it is called
    mutable std::mutex mutex_;
    std::unordered_multimap<std::int64_t, EntryPtr> by_user_;
    std::unordered_multimap<std::int64_t, EntryPtr> by_hoot_;
};

}  // namespace hoot::service
