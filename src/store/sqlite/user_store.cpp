#include <algorithm>

#include "store/sqlite/guard.hpp"
#include "store/sqlite/stores.hpp"

namespace hoot::store::sqlite {
namespace {

constexpr std::string_view kInsertUser =
    "INSERT INTO users(username, username_key, password_hash, is_admin, created_at) "
    "VALUES (?, ?, ?, ?, ?)";
constexpr std::string_view kUserById =
    "SELECT id, username, display_name, bio_source, bio_html, is_admin, created_at, hoot_count, "
    "comment_count, unread_notifications, unread_conversations, website, avatar_hash FROM users "
    "WHERE id = ?";
constexpr std::string_view kUserByKey =
    "SELECT id, username, display_name, bio_source, bio_html, is_admin, created_at, hoot_count, "
    "comment_count, unread_notifications, unread_conversations, website, avatar_hash FROM users "
    "WHERE username_key = ?";
constexpr std::string_view kCredentialsByKey =
    "SELECT id, password_hash FROM users WHERE username_key = ?";
constexpr std::string_view kUpdateProfile =
    "UPDATE users SET display_name = ?, bio_source = ?, bio_html = ?, website = ? WHERE id = ?";
constexpr std::string_view kEndOtherSessions =
    "DELETE FROM sessions WHERE user_id = ? AND token_hash <> ?";
constexpr std::string_view kSetPassword = "UPDATE users SET password_hash = ? WHERE id = ?";
constexpr std::string_view kCountUsers = "SELECT COUNT(*) FROM users";

std::string UsernameKey(std::string_view username) {
    std::string key(username);
    std::transform(key.begin(), key.end(), key.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return key;
}

User ReadUser(const Stmt& row) {
    User user;
    user.id = UserId(row.Int(0));
    user.username = row.Text(1);
    user.display_name = row.Text(2);
    user.bio_source = row.Text(3);
    user.bio_html = row.Text(4);
    user.is_admin = row.Int(5) != 0;
    user.created_at = row.Int(6);
    user.hoot_count = row.Int(7);
    user.unread_notifications = row.Int(9);
    user.unread_conversations = row.Int(10);
    user.comment_count = row.Int(8);
    user.website = row.Text(11);
    user.avatar_hash = row.Text(12);
    return user;
}

}  // namespace

Result<UserId> SqliteUserStore::Create(const service::NewUser& user) {
    return Guarded([&]() -> Result<UserId> {
        auto conn = db_.Write();
        try {
            auto stmt = conn->Prepare(kInsertUser);
            stmt.BindAll(std::string_view(user.username),
                         std::string_view(UsernameKey(user.username)));
            if (user.password_hash.empty())
                stmt.BindNull(3);
            else
                stmt.Bind(3, std::string_view(user.password_hash));
            stmt.Bind(4, user.is_admin ? 1 : 0).Bind(5, user.created_at);
            stmt.Exec();
        } catch (const SqliteError& e) {
            if (e.IsConstraint())
                return Error::Make(Errc::kConflict, "That username is taken.", "username");
            throw;
        }
        return UserId(conn->LastInsertId());
    });
}

Result<std::optional<User>> SqliteUserStore::FindById(UserId id) {
    return Guarded([&]() -> Result<std::optional<User>> {
        auto conn = db_.Read();
        auto stmt = conn->Prepare(kUserById);
        stmt.Bind(1, id.value);
        if (!stmt.Step()) return std::optional<User>();
        return std::optional<User>(ReadUser(stmt));
    });
}

Result<std::optional<User>> SqliteUserStore::FindByUsername(std::string_view username) {
    return Guarded([&]() -> Result<std::optional<User>> {
        auto conn = db_.Read();
        auto stmt = conn->Prepare(kUserByKey);
        stmt.Bind(1, std::string_view(UsernameKey(username)));
        if (!stmt.Step()) return std::optional<User>();
        return std::optional<User>(ReadUser(stmt));
    });
}

Result<std::optional<service::StoredCredentials>> SqliteUserStore::FindCredentials(
    std::string_view username) {
    using Found = std::optional<service::StoredCredentials>;
    return Guarded([&]() -> Result<Found> {
        auto conn = db_.Read();
        auto stmt = conn->Prepare(kCredentialsByKey);
        stmt.Bind(1, std::string_view(UsernameKey(username)));
        if (!stmt.Step()) return Found();
        return Found(service::StoredCredentials{UserId(stmt.Int(0)), stmt.Text(1)});
    });
}

Status SqliteUserStore::UpdateProfile(UserId id, const service::ProfileUpdate& update) {
    return Guarded([&]() -> Status {
        auto conn = db_.Write();
        conn->Prepare(kUpdateProfile)
            .BindAll(std::string_view(update.display_name), std::string_view(update.bio_source),
                     std::string_view(update.bio_html), std::string_view(update.website), id.value)
            .Exec();
        if (conn->Changes() == 0) return Error::Make(Errc::kNotFound, "No such user.");
        return OkStatus();
    });
}

Status SqliteUserStore::SetPassword(UserId id, std::string_view password_hash) {
    return Guarded([&]() -> Status {
        auto conn = db_.Write();
        conn->Prepare(kSetPassword).BindAll(password_hash, id.value).Exec();
        if (conn->Changes() == 0) return Error::Make(Errc::kNotFound, "No such user.");
        return OkStatus();
    });
}

Status SqliteUserStore::ChangePassword(UserId id, std::string_view password_hash,
                                       std::string_view keep_session_hash) {
    return Guarded([&]() -> Status {
        auto conn = db_.Write();
        WriteTx tx(*conn);
        conn->Prepare(kSetPassword).BindAll(password_hash, id.value).Exec();
        if (conn->Changes() == 0) return Error::Make(Errc::kNotFound, "No such user.");
        conn->Prepare(kEndOtherSessions).BindAll(id.value, keep_session_hash).Exec();
        tx.Commit();
        return OkStatus();
    });
}

Result<std::int64_t> SqliteUserStore::Count() {
    return Guarded([&]() -> Result<std::int64_t> {
        auto conn = db_.Read();
        auto stmt = conn->Prepare(kCountUsers);
        stmt.Step();
        return stmt.Int(0);
    });
}

}  // namespace hoot::store::sqlite
