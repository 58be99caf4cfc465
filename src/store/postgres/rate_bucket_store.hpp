#pragma once
// Rate-limit buckets in PostgreSQL, shared by every instance on the database (the table
// rate_buckets of migration 10). Thread-safe: every call leases a pooled connection.

#include "service/rate_buckets.hpp"
#include "store/postgres/db.hpp"

namespace hoot::store::postgres {

class PgRateBucketStore final : public service::RateBucketStore {
  public:
    explicit PgRateBucketStore(Database& db) : db_(db) {}
    Result<service::RateTake> Take(std::string_view key, double burst, double per_minute) override;
    Result<std::int64_t> PruneIdle(std::chrono::seconds idle) override;

  private:
    Database& db_;
};

}  // namespace hoot::store::postgres
