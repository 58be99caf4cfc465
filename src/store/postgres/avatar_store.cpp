// Avatars: the twin of store/sqlite/avatar_store.cpp (same checks, same order of writes).

#include "store/postgres/guard.hpp"
#include "store/postgres/stores.hpp"

namespace hoot::store::postgres {
namespace {

constexpr std::string_view kUpsertAvatar =
    "INSERT INTO avatars(user_id, hash, mime, bytes, updated_at) "
    "VALUES ($1, $2, $3, $4::bytea, $5) "
    "ON CONFLICT(user_id) DO UPDATE SET hash = EXCLUDED.hash, mime = EXCLUDED.mime, "
    "bytes = EXCLUDED.bytes, updated_at = EXCLUDED.updated_at";
constexpr std::string_view kSetAvatarHash = "UPDATE users SET avatar_hash = $1 WHERE id = $2";
constexpr std::string_view kDeleteAvatar = "DELETE FROM avatars WHERE user_id = $1";
constexpr std::string_view kFindAvatar =
    "SELECT hash, mime, bytes, updated_at FROM avatars WHERE user_id = $1";

}  // namespace

Status PgAvatarStore::Set(UserId user, const service::StoredAvatar& avatar) {
    return Guarded([&]() -> Status {
        auto conn = db_.Acquire();
        Transaction tx(*conn);
        // The user row first: it tells whether the user exists before the avatar row would fail
        // its foreign key (and locks it, so two uploads for one person apply in turn).
        if (conn->Query(kSetAvatarHash, avatar.hash, user.value).Affected() == 0)
            return Error::Make(Errc::kNotFound, "No such user.");
        conn->Query(kUpsertAvatar, user.value, avatar.hash, avatar.mime, Bytes{avatar.bytes},
                    avatar.updated_at);
        tx.Commit();
        return OkStatus();
    });
}

Status PgAvatarStore::Remove(UserId user) {
    return Guarded([&]() -> Status {
        auto conn = db_.Acquire();
        Transaction tx(*conn);
        conn->Query(kDeleteAvatar, user.value);
        conn->Query(kSetAvatarHash, std::string_view(""), user.value);
        tx.Commit();
        return OkStatus();
    });
}

Result<std::optional<service::StoredAvatar>> PgAvatarStore::Find(UserId user) {
    using Found = std::optional<service::StoredAvatar>;
    return Guarded([&]() -> Result<Found> {
        auto conn = db_.Acquire();
        auto rows = conn->Query(kFindAvatar, user.value);
        if (rows.empty()) return Found();
        Row row = rows[0];
        return Found(service::StoredAvatar{row.Text(0), row.Text(1), row.Bytes(2), row.Int(3)});
    });
}

}  // namespace hoot::store::postgres
