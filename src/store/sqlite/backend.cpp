#include "store/sqlite/stores.hpp"

namespace hoot::store::sqlite {

SqliteBackend::SqliteBackend(const std::filesystem::path& file, int read_connections)
    : db_(file, read_connections) {}

service::Stores SqliteBackend::stores() {
    return service::Stores{users_,    sessions_, hoots_,  comments_, posts_,
                           settings_, social_,   search_, imports_,  avatars_};
}

}  // namespace hoot::store::sqlite
