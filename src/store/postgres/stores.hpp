#pragma once
// The PostgreSQL implementations of the service ports. Each class keeps its SQL in its own
// *_store.cpp file as named constants. Thread-safe: every call leases a pooled connection.

#include <memory>
#include <string>

#include "service/ports.hpp"
#include "store/backend.hpp"
#include "store/postgres/db.hpp"
#include "store/postgres/import_store.hpp"
#include "store/postgres/rate_bucket_store.hpp"
#include "store/postgres/social_store.hpp"

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

class PgHootStore final : public service::HootStore {
  public:
    explicit PgHootStore(Database& db) : db_(db) {}
    Result<HootId> Create(const service::NewHoot& hoot) override;
    Result<std::optional<Hoot>> Find(HootId id, bool include_deleted) override;
    Result<std::vector<HootSummary>> Latest(std::optional<service::TimeCursor> after,
                                            int limit) override;
    Result<std::vector<HootSummary>> ByAuthor(UserId author,
                                              std::optional<service::TimeCursor> after,
                                              int limit) override;
    Result<std::vector<HootSummary>> ByTag(std::string_view tag,
                                           std::optional<service::TimeCursor> after,
                                           int limit) override;
    Result<std::vector<service::FeedRow>> Feed(const service::FeedQuery& query) override;
    Result<std::vector<service::TagCount>> Tags(int limit) override;
    Result<service::TagCount> Tag(std::string_view tag) override;

  private:
    Database& db_;
};

class PgCommentStore final : public service::CommentStore {
  public:
    explicit PgCommentStore(Database& db) : db_(db) {}
    Result<CommentId> Create(const service::NewComment& comment) override;
    Result<std::optional<Comment>> Find(CommentId id) override;
    Result<std::vector<Comment>> List(HootId hoot, CommentOrder order, int limit) override;
    Result<std::vector<service::AuthoredComment>> ByAuthor(UserId author,
                                                           std::optional<service::TimeCursor> after,
                                                           int limit) override;

  private:
    Database& db_;
};

class PgPostStore final : public service::PostStore {
  public:
    explicit PgPostStore(Database& db) : db_(db) {}
    Result<std::optional<service::PostRef>> Find(PostId id) override;
    Result<service::PostExtras> Extras(const std::vector<PostId>& posts,
                                       std::optional<UserId> viewer) override;
    Result<UpdateId> AddUpdate(const service::NewUpdate& update) override;
    Result<ReplyId> AddReply(const service::NewReply& reply) override;
    Result<service::ReactionState> SetReaction(PostId post, UserId user, ReactionKind kind,
                                               bool present, UnixSeconds now) override;
    Result<int> Edit(const service::PostEdit& edit) override;
    Result<std::vector<Revision>> Revisions(PostId post) override;
    Status SetDeleted(PostId post, bool deleted, UnixSeconds now) override;

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

class PgAvatarStore final : public service::AvatarStore {
  public:
    explicit PgAvatarStore(Database& db) : db_(db) {}
    Status Set(UserId user, const service::StoredAvatar& avatar) override;
    Status Remove(UserId user) override;
    Result<std::optional<service::StoredAvatar>> Find(UserId user) override;

  private:
    Database& db_;
};

class PgSearchStore final : public service::SearchStore {
  public:
    explicit PgSearchStore(Database& db) : db_(db) {}
    Result<std::vector<SearchHit>> Search(const SearchQuery& query, int offset, int limit) override;

  private:
    Database& db_;
};

// The whole PostgreSQL backend: the connection pool and one of each store over it.
class PostgresBackend final : public Backend {
  public:
    // `url`: postgres://user:pass@host:port/dbname[?pool_size=N]. Connects and migrates; throws
    // PgError when the server cannot be reached or a migration fails (a start-up error).
    explicit PostgresBackend(const std::string& url, PoolOptions options = {});
    service::Stores stores() override;
    std::string_view kind() const override { return "postgres"; }
    std::unique_ptr<store::LiveRelay> RelayLiveEvents(service::LiveHub& hub) override;
    service::RateBucketStore* SharedRateBuckets() override { return &rate_buckets_; }
    int ConcurrentRoundTrips() const override { return db_.pool_size(); }
    Database& database() { return db_; }

  private:
    Database db_;
    PgUserStore users_{db_};
    PgSessionStore sessions_{db_};
    PgSettingsStore settings_{db_};
    PgHootStore hoots_{db_};
    PgCommentStore comments_{db_};
    PgPostStore posts_{db_};
    PgSocialStore social_{db_};
    PgSearchStore search_{db_};
    PgImportStore imports_{db_};
    PgAvatarStore avatars_{db_};
    PgRateBucketStore rate_buckets_{db_};
};

}  // namespace hoot::store::postgres
