#include "store/postgres/live_relay.hpp"
#include "store/postgres/stores.hpp"

namespace hoot::store::postgres {

PostgresBackend::PostgresBackend(const std::string& url, PoolOptions options) : db_(url, options) {}

service::Stores PostgresBackend::stores() {
    return service::Stores{users_,    sessions_, hoots_,  comments_, posts_,
                           settings_, social_,   search_, imports_,  avatars_};
}

std::unique_ptr<store::LiveRelay> PostgresBackend::RelayLiveEvents(service::LiveHub& hub) {
    return std::make_unique<LiveRelay>(db_, hub);
}

}  // namespace hoot::store::postgres
