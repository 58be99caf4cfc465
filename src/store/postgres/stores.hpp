#pragma once
// The PostgreSQL implementations of the service ports. Each class keeps its SQL in its own
// *_store.cpp file as named constants. Thread-safe: every call leases a pooled connection.

#include <memory>
#include <string>

#include "service/ports.hpp"
#include "store/postgres/db.hpp"
#include "store/postgres/pending_stores.hpp"

namespace hoot::store::postgres {

class PgUserStore final : public service::UserStore {
  public:
    explicit PgUserStore(Database& db) : db_(db) {}
    Result<UserId> Create(const service::NewUser& user) override;
    Result<std::optional<User>> FindById(UserId id) override;
    Result<std::optional<User>> FindByUsername(std::string_view username) override;
    Result<std::optional<service::StoredCredentials>> FindCredentials(
        std::string_view username) override;
    Status UpdateProfile(UserId id, const service::ProfileUpdate& update) override;
    Status SetPassword(UserId id, std::string_view password_hash) override;
    Status ChangePassword(UserId id, std::string_view password_hash,
                          std::string_view keep_session_hash) override;
    Result<std::int64_t> Count() override;

  private:
    Database& db_;
};

class PgSessionStore final : public service::SessionStore {
  public:
    explicit PgSessionStore(Database& db) : db_(db) {}
    Status Create(std::string_view token_hash, UserId user, UnixSeconds created_at,
                  UnixSeconds expires_at) override;
    Result<std::optional<UserId>> Find(std::string_view token_hash, UnixSeconds now) override;
    Status Delete(std::string_view token_hash) override;

  private:
    Database& db_;
};

class PgSettingsStore final : public service::SettingsStore {
  public:
    explicit PgSettingsStore(Database& db) : db_(db) {}
    Result<std::string> GetOrInsert(std::string_view key, std::string_view initial) override;

  private:
    Database& db_;
};

// The whole PostgreSQL backend: the connection pool and one of each store over it.
class PostgresBackend {
  public:
    // `url`: postgres://user:pass@host:port/dbname[?pool_size=N]. Connects and migrates; throws
    // PgError when the server cannot be reached or a migration fails (a start-up error).
    explicit PostgresBackend(const std::string& url, PoolOptions options = {});
    service::Stores stores();
    Database& database() { return db_; }

  private:
    Database db_;
    PgUserStore users_{db_};
    PgSessionStore sessions_{db_};
    PgSettingsStore settings_{db_};
    // Milestone 2 of issue 7 ports these three (hoot_store.cpp, comment_store.cpp, post_store.cpp).
    PendingHootStore hoots_;
    PendingCommentStore comments_;
    PendingPostStore posts_;
    // Issue 7, part 2: PgSocialStore (social_store.*, notification_store.cpp, message_store.cpp,
    // live_queries.cpp), PgSearchStore (search_store.cpp), PgImportStore (import_store.*).
    PendingSocialStore social_;
    PendingSearchStore search_;
    PendingImportStore imports_;
};

}  // namespace hoot::store::postgres
