#include "store/postgres/live_relay.hpp"

#include <fcntl.h>
#include <libpq-fe.h>
#include <poll.h>
#include <unistd.h>

#include <charconv>
#include <random>

#include "app/log.hpp"

namespace hoot::store::postgres {
namespace {

// Below PostgreSQL's 8,000-byte payload limit, with room for the instance and kind.
constexpr std::size_t kMaxPayload = 7000;
constexpr int kReconnectDelayMs = 1000;

std::string NewInstanceId() {
    std::random_device random;
    std::uniform_int_distribution<std::uint64_t> any;
    char text[17];
    auto [end, ec] = std::to_chars(text, text + 16, any(random), 16);
    return std::string(text, end);
}

bool ParseId(std::string_view text, std::int64_t& value) {
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    return ec == std::errc() && end == text.data() + text.size() && value > 0;
}

}  // namespace

std::vector<std::string> LivePayloads(std::string_view instance, const std::vector<UserId>& users,
                                      std::optional<HootId> hoot) {
    std::vector<std::string> payloads;
    if (hoot) payloads.push_back(std::string(instance) + " h " + std::to_string(hoot->value));
    std::string current;
    for (UserId user : users) {
        if (current.empty()) current = std::string(instance) + " u";
        current += ' ';
        current += std::to_string(user.value);
        if (current.size() > kMaxPayload) payloads.push_back(std::move(current)), current.clear();
    }
    if (!current.empty()) payloads.push_back(std::move(current));
    return payloads;
}

std::optional<ParsedLivePayload> ParseLivePayload(std::string_view payload) {
    ParsedLivePayload parsed;
    std::vector<std::string_view> words;
    while (!payload.empty()) {
        auto space = payload.find(' ');
        words.push_back(payload.substr(0, space));
        if (space == std::string_view::npos) break;
        payload.remove_prefix(space + 1);
    }
    if (words.size() < 3 || words[0].empty()) return std::nullopt;
    parsed.instance = std::string(words[0]);
    std::int64_t id = 0;
    if (words[1] == "h" && words.size() == 3) {
        if (!ParseId(words[2], id)) return std::nullopt;
        parsed.hoot = HootId{id};
        return parsed;
    }
    if (words[1] != "u") return std::nullopt;
    for (std::size_t i = 2; i < words.size(); ++i) {
        if (!ParseId(words[i], id)) return std::nullopt;
        parsed.users.push_back(UserId{id});
    }
    return parsed;
}

LiveRelay::LiveRelay(Database& db, service::LiveHub& hub)
    : db_(db), hub_(hub), instance_(NewInstanceId()) {
    if (::pipe2(stop_pipe_, O_CLOEXEC | O_NONBLOCK) != 0)
        throw std::runtime_error("live relay: cannot make a pipe");
    // Connect before returning, so a wake-up published once the server is up is not missed.
    Connect();
    thread_ = std::thread([this] { Listen(); });
    hub_.SetRelay([this](const std::vector<UserId>& users, std::optional<HootId> hoot) {
        Publish(users, hoot);
    });
}

LiveRelay::~LiveRelay() {
    hub_.SetRelay({});
    stopping_ = true;
    char byte = 1;
    [[maybe_unused]] auto written = ::write(stop_pipe_[1], &byte, 1);
    if (thread_.joinable()) thread_.join();
    ::close(stop_pipe_[0]);
    ::close(stop_pipe_[1]);
}

void LiveRelay::Publish(const std::vector<UserId>& users, std::optional<HootId> hoot) {
    try {
        auto conn = db_.Acquire();
        for (const auto& payload : LivePayloads(instance_, users, hoot))
            conn->Query("SELECT pg_notify($1, $2)", std::string(kLiveChannel), payload);
    } catch (const std::exception& e) {
        // The change itself is committed; other instances' readers see it on their next wake-up.
        log::Warn(std::string("live relay: could not tell other instances: ") + e.what());
    }
}

bool LiveRelay::Connect() {
    try {
        listener_ = std::make_unique<Connection>(db_.conninfo());
        listener_->ExecScript(std::string("LISTEN ") + kLiveChannel);
        listening_ = true;
        return true;
    } catch (const std::exception& e) {
        listener_.reset();
        listening_ = false;
        log::Warn(std::string("live relay: cannot listen: ") + e.what());
        return false;
    }
}

void LiveRelay::Listen() {
    while (!stopping_) {
        if (!listener_) {
            pollfd stop{stop_pipe_[0], POLLIN, 0};
            if (::poll(&stop, 1, kReconnectDelayMs) > 0) break;
            // Whatever was sent while no one listened is lost: wake every stream to re-read.
            if (Connect()) hub_.DeliverAll();
            continue;
        }
        PGconn* conn = listener_->raw();
        pollfd fds[2] = {{PQsocket(conn), POLLIN, 0}, {stop_pipe_[0], POLLIN, 0}};
        if (::poll(fds, 2, -1) < 0) continue;  // EINTR
        if (fds[1].revents) break;
        if (!PQconsumeInput(conn)) {
            log::Warn(std::string("live relay: connection lost: ") + PQerrorMessage(conn));
            listener_.reset();
            listening_ = false;
            continue;
        }
        while (PGnotify* note = PQnotifies(conn)) {
            auto parsed = ParseLivePayload(note->extra ? note->extra : "");
            PQfreemem(note);
            if (!parsed || parsed->instance == instance_) continue;  // ours: delivered already
            if (parsed->hoot) hub_.DeliverHoot(*parsed->hoot);
            if (!parsed->users.empty()) hub_.DeliverUsers(parsed->users);
        }
    }
    listener_.reset();
    listening_ = false;
}

}  // namespace hoot::store::postgres
