#pragma once
// The PostgreSQL implementation of service::ImportStore (see service/import_store.hpp for the
// contract): the twin of store/sqlite/import_store.*. A session holds one pooled connection and
// its transaction for its whole life, and a transaction-level advisory lock on the site, so two
// imports of one site run one after the other.

#include "service/import_store.hpp"
#include "store/postgres/db.hpp"

namespace hoot::store::postgres {

class PgImportStore final : public service::ImportStore {
  public:
    explicit PgImportStore(Database& db) : db_(db) {}
    Result<std::unique_ptr<service::ImportSession>> Begin(std::string_view site,
                                                          std::int64_t expected_posts) override;
    Result<std::optional<ImportedOrigin>> Origin(HootId hoot) override;

  private:
    Database& db_;
};

}  // namespace hoot::store::postgres
