#include <algorithm>

#include "store/postgres/guard.hpp"
#include "store/postgres/stores.hpp"

namespace hoot::store::postgres {
namespace {

constexpr std::string_view kInsertUser =
    "INSERT INTO users(username, username_key, password_hash, is_admin, created_at) "
    "VALUES ($1, $2, $3, $4, $5) RETURNING id";
constexpr std::string_view kUserById =
    "SELECT id, username, display_name, bio_source, bio_html, is_admin, created_at, hoot_count, "
    "comment_count, unread_notifications, unread_conversations, website, avatar_hash FROM users "
    "WHERE id = $1";
constexpr std::string_view kUserByKey =
    "SELECT id, username, display_name, bio_source, bio_html, is_admin, created_at, hoot_count, "
    "comment_count, unread_notifications, unread_conversations, website, avatar_hash FROM users "
    "WHERE username_key = $1";
constexpr std::string_view kCredentialsByKey =
    "SELECT id, password_hash FROM users WHERE username_key = $1";
constexpr std::string_view kUpdateProfile =
    "UPDATE users SET display_name = $1, bio_source = $2, bio_html = $3, website = $4 "
    "WHERE id = $5";
constexpr std::string_view kEndOtherSessions =
    "DELETE FROM sessions WHERE user_id = $1 AND token_hash <> $2";
constexpr std::string_view kSetPassword = "UPDATE users SET password_hash = $1 WHERE id = $2";
constexpr std::string_view kCountUsers = "SELECT COUNT(*) FROM users";

// ASCII lower-casing, as store/sqlite/user_store.cpp does: the two must agree, or a database
// moved between backends would find different people by the same name.
std::string UsernameKey(std::string_view username) {
    std::string key(username);
    std::transform(key.begin(), key.end(), key.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return key;
}

User ReadUser(const Row& row) {
    User user;
    user.id = UserId(row.Int(0));
    user.username = row.Text(1);
    user.display_name = row.Text(2);
    user.bio_source = row.Text(3);
    user.bio_html = row.Text(4);
    user.is_admin = row.Int(5) != 0;
    user.created_at = row.Int(6);
    user.hoot_count = row.Int(7);
    user.comment_count = row.Int(8);
    user.unread_notifications = row.Int(9);
    user.unread_conversations = row.Int(10);
    user.website = row.Text(11);
    user.avatar_hash = row.Text(12);
    return user;
}

std::optional<User> FirstUser(const Rows& rows) {
    if (rows.empty()) return std::nullopt;
    return ReadUser(rows[0]);
}

}  // namespace

Result<UserId> PgUserStore::Create(const service::NewUser& user) {
    return Guarded([&]() -> Result<UserId> {
        auto conn = db_.Acquire();
        std::optional<std::string_view> password;
        if (!user.password_hash.empty()) password = user.password_hash;
        try {
            auto rows = conn->Query(kInsertUser, user.username, UsernameKey(user.username),
                                    password, user.is_admin, user.created_at);
            return UserId(rows[0].Int(0));
        } catch (const PgError& e) {
            if (e.IsUniqueViolation())
                return Error::Make(Errc::kConflict, "That username is taken.", "username");
            throw;
        }
    });
}

Result<std::optional<User>> PgUserStore::FindById(UserId id) {
    return Guarded([&]() -> Result<std::optional<User>> {
        auto conn = db_.Acquire();
        return FirstUser(conn->Query(kUserById, id.value));
    });
}

Result<std::optional<User>> PgUserStore::FindByUsername(std::string_view username) {
    return Guarded([&]() -> Result<std::optional<User>> {
        auto conn = db_.Acquire();
        return FirstUser(conn->Query(kUserByKey, UsernameKey(username)));
    });
}

Result<std::optional<service::StoredCredentials>> PgUserStore::FindCredentials(
    std::string_view username) {
    using Found = std::optional<service::StoredCredentials>;
    return Guarded([&]() -> Result<Found> {
        auto conn = db_.Acquire();
        auto rows = conn->Query(kCredentialsByKey, UsernameKey(username));
        if (rows.empty()) return Found();
        return Found(service::StoredCredentials{UserId(rows[0].Int(0)), rows[0].Text(1)});
    });
}

Status PgUserStore::UpdateProfile(UserId id, const service::ProfileUpdate& update) {
    return Guarded([&]() -> Status {
        auto conn = db_.Acquire();
        auto rows = conn->Query(kUpdateProfile, update.display_name, update.bio_source,
                                update.bio_html, update.website, id.value);
        if (rows.Affected() == 0) return Error::Make(Errc::kNotFound, "No such user.");
        return OkStatus();
    });
}

Status PgUserStore::SetPassword(UserId id, std::string_view password_hash) {
    return Guarded([&]() -> Status {
        auto conn = db_.Acquire();
        if (conn->Query(kSetPassword, password_hash, id.value).Affected() == 0)
            return Error::Make(Errc::kNotFound, "No such user.");
        return OkStatus();
    });
}

Status PgUserStore::ChangePassword(UserId id, std::string_view password_hash,
                                   std::string_view keep_session_hash) {
    return Guarded([&]() -> Status {
        auto conn = db_.Acquire();
        Transaction tx(*conn);
        if (conn->Query(kSetPassword, password_hash, id.value).Affected() == 0)
            return Error::Make(Errc::kNotFound, "No such user.");
        conn->Query(kEndOtherSessions, id.value, keep_session_hash);
        tx.Commit();
        return OkStatus();
    });
}

Result<std::int64_t> PgUserStore::Count() {
    return Guarded([&]() -> Result<std::int64_t> {
        auto conn = db_.Acquire();
        return conn->Query(kCountUsers)[0].Int(0);
    });
}

}  // namespace hoot::store::postgres
