#pragma once
// Live events across instances: each instance's wake-ups go out as NOTIFY on one channel, and
// each instance LISTENs on a connection of its own and hands what others sent to its LiveHub.
// Wake-ups carry only whom to wake (user ids or a hoot id); the woken streams read what is new
// from the database, so a wake-up lost while a connection is down costs only latency: after a
// reconnect every local stream is woken once.

#include <atomic>
#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "domain/ids.hpp"
#include "service/live_hub.hpp"
#include "store/backend.hpp"
#include "store/postgres/db.hpp"

namespace hoot::store::postgres {

inline constexpr const char* kLiveChannel = "hoot_live";

// A NOTIFY payload: "<instance> u <id> <id> …" or "<instance> h <id>". PostgreSQL limits a
// payload to 8,000 bytes, so a long list of users is split over several.
std::vector<std::string> LivePayloads(std::string_view instance, const std::vector<UserId>& users,
                                      std::optional<HootId> hoot);

struct ParsedLivePayload {
    std::string instance;
    std::vector<UserId> users;
    std::optional<HootId> hoot;
};
// nullopt for a payload Hoot did not write (it is ignored, never trusted).
std::optional<ParsedLivePayload> ParseLivePayload(std::string_view payload);

class LiveRelay final : public store::LiveRelay {
  public:
    // Starts listening at once (a thread of its own) and sets itself as `hub`'s relay.
    LiveRelay(Database& db, service::LiveHub& hub);
    // Unsets the relay and stops the listener.
    ~LiveRelay() override;

    void Publish(const std::vector<UserId>& users, std::optional<HootId> hoot);
    // Listening now (for tests: a wake-up sent after this is received).
    bool listening() const { return listening_; }

  private:
    void Listen();
    bool Connect();

    Database& db_;
    service::LiveHub& hub_;
    std::string instance_;
    std::atomic<bool> stopping_{false};
    std::atomic<bool> listening_{false};
    int stop_pipe_[2] = {-1, -1};
    std::unique_ptr<Connection> listener_;
    std::thread thread_;
};

}  // namespace hoot::store::postgres
