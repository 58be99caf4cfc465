#include "store/backend.hpp"

#include <stdexcept>

#include "store/postgres/stores.hpp"
#include "store/sqlite/stores.hpp"

namespace hoot::store {

Result<DatabaseTarget> ParseDatabaseTarget(std::string_view text,
                                           const std::filesystem::path& default_sqlite_file) {
    DatabaseTarget target;
    if (text.empty()) {
        target.sqlite_file = default_sqlite_file;
        return target;
    }
    if (text.starts_with("sqlite:")) {
        text.remove_prefix(7);
        if (text.empty())
            return Error::Make(Errc::kInvalidInput,
                               "--db sqlite: needs a file, e.g. sqlite:/srv/hoot/hoot.sqlite3");
        target.sqlite_file = std::filesystem::path(text);
        return target;
    }
    if (text.starts_with("postgres://") || text.starts_with("postgresql://")) {
        target.kind = DatabaseTarget::Kind::kPostgres;
        target.postgres_url = std::string(text);
        return target;
    }
    return Error::Make(Errc::kInvalidInput,
                       "--db must be sqlite:PATH or postgres://USER:PASSWORD@HOST:PORT/DATABASE");
}

std::unique_ptr<Backend> OpenBackend(const DatabaseTarget& target, BackendUse use) {
    switch (target.kind) {
        case DatabaseTarget::Kind::kSqlite:
            if (use == BackendUse::kWriteOnly)
                return std::make_unique<sqlite::SqliteBackend>(target.sqlite_file, 0);
            return std::make_unique<sqlite::SqliteBackend>(target.sqlite_file);
        case DatabaseTarget::Kind::kPostgres:
            try {
                return std::make_unique<postgres::PostgresBackend>(target.postgres_url);
            } catch (const std::exception& e) {
                throw std::runtime_error(std::string("cannot use the PostgreSQL database: ") +
                                         e.what());
            }
    }
    throw std::logic_error("unknown database kind");
}

}  // namespace hoot::store
