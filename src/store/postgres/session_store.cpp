#include "store/postgres/guard.hpp"
#include "store/postgres/stores.hpp"

namespace hoot::store::postgres {
namespace {

constexpr std::string_view kInsertSession =
    "INSERT INTO sessions(token_hash, user_id, created_at, expires_at) VALUES ($1, $2, $3, $4)";
constexpr std::string_view kFindSession =
    "SELECT user_id FROM sessions WHERE token_hash = $1 AND expires_at > $2";
constexpr std::string_view kDeleteSession = "DELETE FROM sessions WHERE token_hash = $1";
constexpr std::string_view kDeleteExpired = "DELETE FROM sessions WHERE expires_at <= $1";

}  // namespace

Status PgSessionStore::Create(std::string_view token_hash, UserId user, UnixSeconds created_at,
                              UnixSeconds expires_at) {
    return Guarded([&]() -> Status {
        auto conn = db_.Acquire();
        Transaction tx(*conn);
        // Expired sessions are swept when new ones are made: no timer thread needed.
        conn->Query(kDeleteExpired, created_at);
        conn->Query(kInsertSession, token_hash, user.value, created_at, expires_at);
        tx.Commit();
        return OkStatus();
    });
}

Result<std::optional<UserId>> PgSessionStore::Find(std::string_view token_hash, UnixSeconds now) {
    return Guarded([&]() -> Result<std::optional<UserId>> {
        auto conn = db_.Acquire();
        auto rows = conn->Query(kFindSession, token_hash, now);
        if (rows.empty()) return std::optional<UserId>();
        return std::optional<UserId>(UserId(rows[0].Int(0)));
    });
}

Status PgSessionStore::Delete(std::string_view token_hash) {
    return Guarded([&]() -> Status {
        auto conn = db_.Acquire();
        conn->Query(kDeleteSession, token_hash);
        return OkStatus();
    });
}

}  // namespace hoot::store::postgres
