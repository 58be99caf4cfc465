#include "store/postgres/rate_bucket_store.hpp"

#include "store/postgres/guard.hpp"

namespace hoot::store::postgres {
namespace {

// One statement per take, so that takes from every instance queue on the bucket's row lock and
// none spends a token another has spent. $1 key, $2 burst, $3 tokens a minute.
//
// The time is the database's (statement_timestamp(), carried into the update as
// excluded.updated_at), never an instance's. The refill since the last take is capped at the
// burst, and a take whose statement started before the last one (two instances racing) refills
// nothing rather than a negative amount. The update happens only when a whole token is there:
// a row back from `taken` means allowed; otherwise the second branch reads the bucket as this
// statement's snapshot saw it, for the time to wait. That row may be invisible (inserted by a
// take that committed after the snapshot began): then nothing comes back, still a refusal.
constexpr std::string_view kTake = R"sql(
WITH taken AS (
    INSERT INTO rate_buckets AS bucket (key, tokens, updated_at)
    VALUES ($1, $2::double precision - 1, statement_timestamp())
    ON CONFLICT (key) DO UPDATE
    SET tokens = LEAST($2::double precision, bucket.tokens + $3::double precision / 60 *
                       GREATEST(0, EXTRACT(EPOCH FROM excluded.updated_at - bucket.updated_at)
                                       ::double precision)) - 1,
        updated_at = GREATEST(bucket.updated_at, excluded.updated_at)
    WHERE LEAST($2::double precision, bucket.tokens + $3::double precision / 60 *
                GREATEST(0, EXTRACT(EPOCH FROM excluded.updated_at - bucket.updated_at)
                                ::double precision)) >= 1
    RETURNING tokens)
SELECT TRUE, tokens FROM taken
UNION ALL
SELECT FALSE, LEAST($2::double precision, bucket.tokens + $3::double precision / 60 *
                    GREATEST(0, EXTRACT(EPOCH FROM statement_timestamp() - bucket.updated_at)
                                    ::double precision))
FROM rate_buckets AS bucket
WHERE bucket.key = $1 AND NOT EXISTS (SELECT FROM taken)
)sql";

constexpr std::string_view kPruneIdle =
    "DELETE FROM rate_buckets WHERE updated_at < statement_timestamp() - make_interval(secs => $1)";

}  // namespace

Result<service::RateTake> PgRateBucketStore::Take(std::string_view key, double burst,
                                                  double per_minute) {
    return Guarded([&]() -> Result<service::RateTake> {
        auto rows = db_.Acquire()->Query(kTake, key, burst, per_minute);
        if (rows.empty()) return service::RateTake{false, 0};
        return service::RateTake{rows[0].Bool(0), rows[0].Real(1)};
    });
}

Result<std::int64_t> PgRateBucketStore::PruneIdle(std::chrono::seconds idle) {
    return Guarded([&]() -> Result<std::int64_t> {
        return db_.Acquire()->Query(kPruneIdle, static_cast<double>(idle.count())).Affected();
    });
}

}  // namespace hoot::store::postgres
