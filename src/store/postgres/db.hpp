#pragma once
// A thin RAII layer over libpq, in the spirit of store/sqlite/db.hpp: connections with a
// per-connection cache of prepared statements, a bounded pool, typed parameters, rows read by
// index, a transaction guard and an error type that carries the SQLSTATE.
//
// Parameters and results travel in libpq's text format: numbers are printed and parsed exactly
// (doubles as shortest round-trip text, which PostgreSQL 12+ also sends back), so no value
// changes on the way. Write `$1::bigint` where the server cannot infer a parameter's type.
//
// Thread-safety: a Connection is used by one thread at a time (a Lease guarantees it); Database
// is thread-safe.

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <source_location>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "domain/result.hpp"

// libpq's handles, declared rather than included: only db.cpp needs libpq's headers, so the rest
// of the code base compiles without them (and with unchanged flags).
typedef struct pg_conn PGconn;
typedef struct pg_result PGresult;

namespace hoot::store::postgres {

// A failure reported by the server or by libpq; the store turns it into Errc::kUnavailable or
// kInternal at its boundary (ErrorFromException), or into a domain error where it expects one
// (IsUniqueViolation → kConflict).
class PgError : public std::runtime_error {
  public:
    PgError(std::string sqlstate, const std::string& message)
        : std::runtime_error(message), sqlstate_(std::move(sqlstate)) {}
    // Five characters; empty when libpq did not say (treated as a lost connection).
    const std::string& sqlstate() const { return sqlstate_; }
    bool IsUniqueViolation() const { return sqlstate_ == "23505"; }
    bool IsForeignKeyViolation() const { return sqlstate_ == "23503"; }
    // serialization_failure or deadlock_detected: the transaction may simply be run again.
    bool IsSerializationFailure() const { return sqlstate_ == "40001" || sqlstate_ == "40P01"; }
    // The server is gone, shutting down, out of resources, or the pool had no connection free.
    bool IsUnavailable() const;

  private:
    std::string sqlstate_;
};

// The SQLSTATE a PgError carries when the pool had no connection free in time (class 53,
// insufficient resources).
inline constexpr std::string_view kPoolTimeoutState = "53000";

// Binary data for a BYTEA parameter (`$n::bytea`): travels as bytea's hex text, since text
// parameters end at the first NUL byte.
struct Bytes {
    std::string_view data;
};

// Positional parameters $1, $2, … in the order they are added.
class Params {
  public:
    Params& Add(std::int64_t value);
    Params& Add(int value) { return Add(static_cast<std::int64_t>(value)); }
    Params& Add(bool value) { return Add(static_cast<std::int64_t>(value ? 1 : 0)); }
    Params& Add(double value);
    Params& Add(std::string_view text);
    Params& Add(const std::string& text) { return Add(std::string_view(text)); }
    Params& Add(const char* text) { return Add(std::string_view(text)); }
    Params& Add(Bytes bytes);
    Params& AddNull();
    template <typename T>
    Params& Add(const std::optional<T>& value) {
        return value ? Add(*value) : AddNull();
    }
    int size() const { return static_cast<int>(values_.size()); }
    // libpq's view: pointers into this object, valid while it is neither changed nor destroyed.
    std::vector<const char*> Pointers() const;

  private:
    std::vector<std::string> values_;
    std::vector<bool> null_;
};

// One row of a result. Int/Real of NULL read 0 (as in SQLite); booleans read 1/0 through Int.
class Row {
  public:
    Row(const PGresult* result, int row) : result_(result), row_(row) {}
    std::int64_t Int(int column) const;
    double Real(int column) const;
    bool Bool(int column) const { return Int(column) != 0; }
    std::string Text(int column) const { return std::string(TextView(column)); }
    std::string_view TextView(int column) const;
    // A BYTEA column, decoded from its text form; empty for NULL.
    std::string Bytes(int column) const;
    bool IsNull(int column) const;

  private:
    const PGresult* result_;
    int row_;
};

// The rows (if any) of one statement; owns the PGresult. Iterable: `for (Row row : rows)`.
class Rows {
  public:
    explicit Rows(PGresult* result);
    ~Rows();
    Rows(Rows&& other) noexcept
        : result_(std::exchange(other.result_, nullptr)), size_(std::exchange(other.size_, 0)) {}
    Rows& operator=(Rows&&) = delete;
    Rows(const Rows&) = delete;

    int size() const { return size_; }
    bool empty() const { return size() == 0; }
    Row operator[](int row) const { return Row(result_, row); }
    // Rows an INSERT/UPDATE/DELETE touched.
    std::int64_t Affected() const;

    class Iterator {
      public:
        Iterator(const PGresult* result, int row) : result_(result), row_(row) {}
        Row operator*() const { return Row(result_, row_); }
        Iterator& operator++() {
            ++row_;
            return *this;
        }
        bool operator!=(const Iterator& other) const { return row_ != other.row_; }

      private:
        const PGresult* result_;
        int row_;
    };
    Iterator begin() const { return Iterator(result_, 0); }
    Iterator end() const { return Iterator(result_, size()); }

  private:
    PGresult* result_;
    int size_;
};

class Connection {
  public:
    // Connects with a libpq connection string or URI. Throws PgError (class 08) on failure.
    explicit Connection(const std::string& conninfo);
    ~Connection();
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;

    // Runs `sql` as a prepared statement: prepared once per connection under a generated name
    // (cached by the SQL text), then executed with `params`. Pass the named query constants of
    // the *_store.cpp files. Throws PgError.
    Rows Exec(std::string_view sql, const Params& params);
    template <typename... Args>
    Rows Query(std::string_view sql, const Args&... args) {
        Params params;
        (params.Add(args), ...);
        return Exec(sql, params);
    }
    // Runs one or more statements without parameters (DDL, BEGIN, migrations). Throws PgError.
    void ExecScript(const std::string& sql);

    // False once libpq has seen the connection break.
    bool Healthy() const;
    // Inside BEGIN … COMMIT (or an aborted transaction).
    bool InTransaction() const;
    // Reconnects (PQreset) and forgets the prepared statements, which died with the old session.
    // Returns whether the connection is healthy afterwards.
    bool Reset();
    PGconn* raw() { return conn_; }

  private:
    [[noreturn]] void Fail(PGresult* result, std::string_view what);
    struct SqlHash {
        using is_transparent = void;
        std::size_t operator()(std::string_view sql) const {
            return std::hash<std::string_view>{}(sql);
        }
    };
    PGconn* conn_ = nullptr;
    std::unordered_map<std::string, std::string, SqlHash, std::equal_to<>> statements_;
};

// One transaction: BEGIN on construction, ROLLBACK on destruction unless Commit() was called.
class Transaction {
  public:
    enum class Isolation { kReadCommitted, kRepeatableRead, kSerializable };
    explicit Transaction(Connection& conn, Isolation isolation = Isolation::kReadCommitted);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    void Commit();

  private:
    Connection& conn_;
    bool done_ = false;
};

struct PoolOptions {
    int size = 8;  // connections at most; a `pool_size=N` in the URL overrides it
    std::chrono::milliseconds acquire_timeout{5000};
    bool migrate = true;  // apply pending migrations at start
};

class Database {
  public:
    // Connects to `url` (postgres://user:pass@host:port/dbname, or any libpq connection
    // string), checks the server answers, and applies pending migrations under an advisory
    // lock so that instances starting together migrate once. Throws PgError on failure (a
    // start-up error).
    explicit Database(const std::string& url, PoolOptions options = {});
    ~Database();

    // A connection from the pool, returned on destruction: healthy, outside any transaction.
    class Lease {
      public:
        Lease(Database& db, std::unique_ptr<Connection> conn) : db_(&db), conn_(std::move(conn)) {}
        Lease(Lease&& other) noexcept = default;
        ~Lease();
        Connection& operator*() { return *conn_; }
        Connection* operator->() { return conn_.get(); }

      private:
        Database* db_;
        std::unique_ptr<Connection> conn_;
    };
    // Blocks while every connection is in use, up to the acquire timeout; then throws PgError
    // with kPoolTimeoutState (→ Errc::kUnavailable). Opens connections lazily up to the size.
    Lease Acquire();

    int pool_size() const { return size_; }
    // The connection string handed to libpq (the URL without Hoot's own parameters).
    const std::string& conninfo() const { return conninfo_; }

  private:
    void Return(std::unique_ptr<Connection> conn);

    std::string conninfo_;
    int size_;
    std::chrono::milliseconds acquire_timeout_;
    std::mutex mutex_;
    std::condition_variable available_;
    std::vector<std::unique_ptr<Connection>> idle_;
    int open_ = 0;  // connections in existence: idle plus leased
};

// Splits Hoot's own `pool_size=N` query parameter off a postgres:// URL. Returns the URL libpq
// should see; `pool_size` is set when the parameter was there. Throws std::invalid_argument on a
// malformed value.
std::string StripPoolSize(const std::string& url, std::optional<int>& pool_size);

// The same server and credentials as `url`, another database: replaces the URL's path.
std::string UrlWithDatabase(const std::string& url, std::string_view dbname);

// Turns an exception from the database into an Error value; logs the detail.
Error ErrorFromException(const std::exception& e,
                         std::source_location where = std::source_location::current());

}  // namespace hoot::store::postgres
