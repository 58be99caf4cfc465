#pragma once
// PLACEHOLDERS, NOT A PORT: the stores PostgreSQL does not have yet (issue 7, part 2 ports them
// in social_store.*, notification_store.cpp, message_store.cpp, live_queries.cpp,
// search_store.cpp, import_store.*, avatar_store.cpp). Every call fails with Errc::kInternal and
// says which store is missing, so nothing on PostgreSQL silently does nothing. Delete each class as
// its real store lands, and this file with the last one.

#include <memory>

#include "service/import_store.hpp"
#include "service/ports.hpp"
#include "service/social_ports.hpp"

namespace hoot::store::postgres {

inline Error NotPortedYet(const char* store) {
    return Error::Make(Errc::kInternal, "This feature is not available on PostgreSQL yet.", {},
                       std::string(store) + " is not ported to PostgreSQL yet (issue 7)");
}

class PendingSearchStore final : public service::SearchStore {
  public:
    Result<std::vector<SearchHit>> Search(const SearchQuery&, int, int) override {
        return NotPortedYet("SearchStore");
    }
};

class PendingImportStore final : public service::ImportStore {
  public:
    Result<std::unique_ptr<service::ImportSession>> Begin(std::string_view, std::int64_t) override {
        return NotPortedYet("ImportStore");
    }
    Result<std::optional<ImportedOrigin>> Origin(HootId) override {
        return NotPortedYet("ImportStore");
    }
};

class PendingAvatarStore final : public service::AvatarStore {
  public:
    Status Set(UserId, const service::StoredAvatar&) override {
        return NotPortedYet("AvatarStore");
    }
    Status Remove(UserId) override { return NotPortedYet("AvatarStore"); }
    Result<std::optional<service::StoredAvatar>> Find(UserId) override {
        return NotPortedYet("AvatarStore");
    }
};

}  // namespace hoot::store::postgres
