#pragma once
// The SQLite implementations of the service ports. Each class keeps its SQL in its own
// *_store.cpp file as named constants. Thread-safe: reads lease a pooled connection, writes take
// the single writer.

#include <filesystem>
#include <memory>

#include "service/ports.hpp"
#include "store/backend.hpp"
#include "store/sqlite/db.hpp"
#include "store/sqlite/import_store.hpp"
#include "store/sqlite/social_store.hpp"

namespace hoot::store::sqlite {

class SqliteUserStore final : public service::UserStore {
  public:
    explicit SqliteUserStore(Database& db) : db_(db) {}
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

class SqliteSessionStore final : public service::SessionStore {
  public:
    explicit SqliteSessionStore(Database& db) : db_(db) {}
    Status Create(std::string_view token_hash, UserId user, UnixSeconds created_at,
                  UnixSeconds expires_at) override;
    Result<std::optional<UserId>> Find(std::string_view token_hash, UnixSeconds now) override;
    Status Delete(std::string_view token_hash) override;

  private:
    Database& db_;
};

class SqliteHootStore final : public service::HootStore {
  public:
    explicit SqliteHootStore(Database& db) : db_(db) {}
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

class SqliteCommentStore final : public service::CommentStore {
  public:
    explicit SqliteCommentStore(Database& db) : db_(db) {}
    Result<CommentId> Create(const service::NewComment& comment) override;
    Result<std::optional<Comment>> Find(CommentId id) override;
    Result<std::vector<Comment>> List(HootId hoot, CommentOrder order, int limit) override;
    Result<std::vector<service::AuthoredComment>> ByAuthor(UserId author,
                                                           std::optional<service::TimeCursor> after,
                                                           int limit) override;

  private:
    Database& db_;
};

class SqlitePostStore final : public service::PostStore {
  public:
    explicit SqlitePostStore(Database& db) : db_(db) {}
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

class SqliteSettingsStore final : public service::SettingsStore {
  public:
    explicit SqliteSettingsStore(Database& db) : db_(db) {}
    Result<std::string> GetOrInsert(std::string_view key, std::string_view initial) override;

  private:
    Database& db_;
};

class SqliteSearchStore final : public service::SearchStore {
  public:
    explicit SqliteSearchStore(Database& db) : db_(db) {}
    Result<std::vector<SearchHit>> Search(const SearchQuery& query, int offset, int limit) override;

  private:
    Database& db_;
};

class SqliteAvatarStore final : public service::AvatarStore {
  public:
    explicit SqliteAvatarStore(Database& db) : db_(db) {}
    Status Set(UserId user, const service::StoredAvatar& avatar) override;
    Status Remove(UserId user) override;
    Result<std::optional<service::StoredAvatar>> Find(UserId user) override;

  private:
    Database& db_;
};

// The whole SQLite backend: the database file and one of each store over it.
class SqliteBackend final : public Backend {
  public:
    explicit SqliteBackend(const std::filesystem::path& file, int read_connections = 4);
    service::Stores stores() override;
    std::string_view kind() const override { return "sqlite"; }
    Database& database() { return db_; }

  private:
    Database db_;
    SqliteUserStore users_{db_};
    SqliteSessionStore sessions_{db_};
    SqliteHootStore hoots_{db_};
    SqliteCommentStore comments_{db_};
    SqlitePostStore posts_{db_};
    SqliteSettingsStore settings_{db_};
    SqliteSocialStore social_{db_};
    SqliteSearchStore search_{db_};
    SqliteImportStore imports_{db_};
    SqliteAvatarStore avatars_{db_};
};

}  // namespace hoot::store::sqlite
