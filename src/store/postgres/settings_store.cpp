#include "store/postgres/guard.hpp"
#include "store/postgres/stores.hpp"

namespace hoot::store::postgres {
namespace {

// The inserted value, or the stored one when the key was there. A row another session committed
// after this statement's snapshot makes the insert do nothing yet stays invisible to the select
// beside it: then kGetSetting, a statement of its own, reads it.
constexpr std::string_view kGetOrInsert =
    "WITH inserted AS ("
    " INSERT INTO settings(key, value) VALUES ($1, $2) ON CONFLICT(key) DO NOTHING"
    " RETURNING value) "
    "SELECT value FROM inserted UNION ALL SELECT value FROM settings WHERE key = $1";
constexpr std::string_view kGetSetting = "SELECT value FROM settings WHERE key = $1";

}  // namespace

Result<std::string> PgSettingsStore::GetOrInsert(std::string_view key, std::string_view initial) {
    return Guarded([&]() -> Result<std::string> {
        auto conn = db_.Acquire();
        auto rows = conn->Query(kGetOrInsert, key, initial);
        if (!rows.empty()) return rows[0].Text(0);
        auto stored = conn->Query(kGetSetting, key);
        if (stored.empty()) throw PgError("XX000", "setting " + std::string(key) + " vanished");
        return stored[0].Text(0);
    });
}

}  // namespace hoot::store::postgres
