#pragma once
// Which database a Hoot runs on, chosen by `--db`: the embedded SQLite file (the default) or a
// PostgreSQL server shared by several instances. The composition root holds a Backend and hands
// its stores to the services; nothing above store/ knows which one it is.

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

#include "domain/result.hpp"
#include "service/live_hub.hpp"
#include "service/ports.hpp"
#include "service/rate_buckets.hpp"

namespace hoot::store {

// Carries live wake-ups between the instances that share a database; stops when destroyed.
class LiveRelay {
  public:
    virtual ~LiveRelay() = default;
};

class Backend {
  public:
    virtual ~Backend() = default;
    virtual service::Stores stores() = 0;
    // "sqlite" or "postgres", for logs and the health page.
    virtual std::string_view kind() const = 0;
    // Connects `hub` to the other instances on this database, or nullptr when one instance is
    // all there can be (SQLite). The relay must be destroyed before the hub and the backend.
    virtual std::unique_ptr<LiveRelay> RelayLiveEvents(service::LiveHub& hub) {
        (void)hub;
        return nullptr;
    }
    // Rate-limit buckets every instance on this database shares, or nullptr when one instance
    // is all there can be (SQLite: the limiter counts in memory). Owned by the backend.
    virtual service::RateBucketStore* SharedRateBuckets() { return nullptr; }
    // How many requests can wait on this database at once when every query is a round trip to
    // a server (PostgreSQL: its connection pool); 0 when queries run in process (SQLite).
    virtual int ConcurrentRoundTrips() const { return 0; }
};

struct DatabaseTarget {
    enum class Kind { kSqlite, kPostgres } kind = Kind::kSqlite;
    std::filesystem::path sqlite_file = {};  // kSqlite
    std::string postgres_url = {};           // kPostgres: as given, for libpq
};

// `--db` as given: empty means the SQLite file inside the data folder; "sqlite:PATH" a SQLite
// file elsewhere; "postgres://…" or "postgresql://…" a PostgreSQL server. kInvalidInput with a
// message naming the accepted forms otherwise.
Result<DatabaseTarget> ParseDatabaseTarget(std::string_view text,
                                           const std::filesystem::path& default_sqlite_file);

// Opens and migrates. Throws std::runtime_error with a readable message when it cannot.
// What the opener will do with the database.
enum class BackendUse {
    kServe,
    // One writer and nothing else (`hoot import`): SQLite opens no read connections, which would
    // hold the file in WAL mode and keep a first import from writing its pages once (see
    // store/sqlite/import_store.cpp).
    kWriteOnly,
};
std::unique_ptr<Backend> OpenBackend(const DatabaseTarget& target,
                                     BackendUse use = BackendUse::kServe);

}  // namespace hoot::store
