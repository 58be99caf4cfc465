#include "store/sqlite/guard.hpp"
#include "store/sqlite/stores.hpp"

namespace hoot::store::sqlite {
namespace {

constexpr std::string_view kUpsertAvatar =
    "INSERT INTO avatars(user_id, hash, mime, bytes, updated_at) VALUES (?1, ?2, ?3, ?4, ?5) "
    "ON CONFLICT(user_id) DO UPDATE SET hash = ?2, mime = ?3, bytes = ?4, updated_at = ?5";
constexpr std::string_view kSetAvatarHash = "UPDATE users SET avatar_hash = ? WHERE id = ?";
constexpr std::string_view kDeleteAvatar = "DELETE FROM avatars WHERE user_id = ?";
constexpr std::string_view kFindAvatar =
    "SELECT hash, mime, bytes, updated_at FROM avatars WHERE user_id = ?";

}  // namespace

Status SqliteAvatarStore::Set(UserId user, const service::StoredAvatar& avatar) {
    return Guarded([&]() -> Status {
        auto conn = db_.Write();
        WriteTx tx(*conn);
        // The user row first: it tells whether the user exists before the avatar row would fail
        // its foreign key.
        conn->Prepare(kSetAvatarHash).BindAll(std::string_view(avatar.hash), user.value).Exec();
        if (conn->Changes() == 0) return Error::Make(Errc::kNotFound, "No such user.");
        conn->Prepare(kUpsertAvatar)
            .BindAll(user.value, std::string_view(avatar.hash), std::string_view(avatar.mime))
            .BindBlob(4, avatar.bytes)
            .Bind(5, avatar.updated_at)
            .Exec();
        tx.Commit();
        return OkStatus();
    });
}

Status SqliteAvatarStore::Remove(UserId user) {
    return Guarded([&]() -> Status {
        auto conn = db_.Write();
        WriteTx tx(*conn);
        conn->Prepare(kDeleteAvatar).Bind(1, user.value).Exec();
        conn->Prepare(kSetAvatarHash).BindAll(std::string_view(""), user.value).Exec();
        tx.Commit();
        return OkStatus();
    });
}

Result<std::optional<service::StoredAvatar>> SqliteAvatarStore::Find(UserId user) {
    using Found = std::optional<service::StoredAvatar>;
    return Guarded([&]() -> Result<Found> {
        auto conn = db_.Read();
        auto stmt = conn->Prepare(kFindAvatar);
        stmt.Bind(1, user.value);
        if (!stmt.Step()) return Found();
        return Found(service::StoredAvatar{stmt.Text(0), stmt.Text(1), stmt.Blob(2), stmt.Int(3)});
    });
}

}  // namespace hoot::store::sqlite
