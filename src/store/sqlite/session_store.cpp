#include "store/sqlite/guard.hpp"
#include "store/sqlite/stores.hpp"

namespace hoot::store::sqlite {
namespace {

constexpr std::string_view kInsertSession =
    "INSERT INTO sessions(token_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)";
constexpr std::string_view kFindSession =
    "SELECT user_id FROM sessions WHERE token_hash = ? AND expires_at > ?";
constexpr std::string_view kDeleteSession = "DELETE FROM sessions WHERE token_hash = ?";
constexpr std::string_view kDeleteExpired = "DELETE FROM sessions WHERE expires_at <= ?";

}  // namespace

Status SqliteSessionStore::Create(std::string_view token_hash, UserId user, UnixSeconds created_at,
                                  UnixSeconds expires_at) {
    return Guarded([&]() -> Status {
        auto conn = db_.Write();
        WriteTx tx(*conn);
        // Expired sessions are swept when new ones are made: no timer thread needed.
        conn->Prepare(kDeleteExpired).Bind(1, created_at).Exec();
        conn->Prepare(kInsertSession)
            .BindAll(token_hash, user.value, created_at, expires_at)
            .Exec();
        tx.Commit();
        return OkStatus();
    });
}

Result<std::optional<UserId>> SqliteSessionStore::Find(std::string_view token_hash,
                                                       UnixSeconds now) {
    return Guarded([&]() -> Result<std::optional<UserId>> {
        auto conn = db_.Read();
        auto stmt = conn->Prepare(kFindSession);
        stmt.BindAll(token_hash, now);
        if (!stmt.Step()) return std::optional<UserId>();
        return std::optional<UserId>(UserId(stmt.Int(0)));
    });
}

Status SqliteSessionStore::Delete(std::string_view token_hash) {
    return Guarded([&]() -> Status {
        auto conn = db_.Write();
        conn->Prepare(kDeleteSession).Bind(1, token_hash).Exec();
        return OkStatus();
    });
}

}  // namespace hoot::store::sqlite
