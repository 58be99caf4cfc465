#include "store/sqlite/guard.hpp"
#include "store/sqlite/stores.hpp"

namespace hoot::store::sqlite {
namespace {

constexpr std::string_view kInsertIfMissing =
    "INSERT INTO settings(key, value) VALUES (?, ?) ON CONFLICT(key) DO NOTHING";
constexpr std::string_view kGetSetting = "SELECT value FROM settings WHERE key = ?";

}  // namespace

Result<std::string> SqliteSettingsStore::GetOrInsert(std::string_view key,
                                                     std::string_view initial) {
    return Guarded([&]() -> Result<std::string> {
        auto conn = db_.Write();
        WriteTx tx(*conn);
        conn->Prepare(kInsertIfMissing).BindAll(key, initial).Exec();
        std::string value;
        {
            auto stmt = conn->Prepare(kGetSetting);
            stmt.Bind(1, key);
            stmt.Step();
            value = stmt.Text(0);
        }
        tx.Commit();
        return value;
    });
}

}  // namespace hoot::store::sqlite
