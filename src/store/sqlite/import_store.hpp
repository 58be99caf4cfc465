#pragma once
// The SQLite implementation of service::ImportStore (see service/import_store.hpp for the
// contract). A session holds the writer connection for its whole life: one import at a time, and
// other writers wait for it.

#include "service/import_store.hpp"
#include "store/sqlite/db.hpp"

namespace hoot::store::sqlite {

class SqliteImportStore final : public service::ImportStore {
  public:
    explicit SqliteImportStore(Database& db) : db_(db) {}
    Result<std::unique_ptr<service::ImportSession>> Begin(std::string_view site,
                                                          std::int64_t expected_posts) override;
    Result<std::optional<ImportedOrigin>> Origin(HootId hoot) override;

  private:
    Database& db_;
};

}  // namespace hoot::store::sqlite
