#pragma once
// A thin RAII layer over sqlite3: connections with a per-connection cache of prepared statements,
// a pool of read connections, and one writer connection guarded by a mutex (SQLite allows one
// writer at a time; WAL lets readers run beside it).
//
// Thread-safety: a Connection is used by one thread at a time (the pool and the writer lock
// guarantee it); Database is thread-safe.

#include <sqlite3.h>

#include <condition_variable>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "domain/result.hpp"

namespace hoot::store::sqlite {

class Connection;

// A prepared statement, reset and unbound when the Stmt handle goes out of scope.
class Stmt {
  public:
    Stmt(sqlite3_stmt* stmt, Connection* conn) : stmt_(stmt), conn_(conn) {}
    ~Stmt();
    Stmt(const Stmt&) = delete;
    Stmt& operator=(const Stmt&) = delete;

    // Binds are 1-based like SQLite's.
    Stmt& Bind(int index, std::int64_t value);
    Stmt& Bind(int index, int value) { return Bind(index, static_cast<std::int64_t>(value)); }
    Stmt& Bind(int index, double value);
    Stmt& Bind(int index, std::string_view text);
    // Binds without copying: `text` must stay alive and unchanged until the statement is reset
    // (the Stmt handle's end). For bulk writes, where every copy of a body costs.
    Stmt& BindStatic(int index, std::string_view text);
    Stmt& BindNull(int index);
    Stmt& BindBlob(int index, std::string_view bytes);
    template <typename... Args>
    Stmt& BindAll(const Args&... args) {
        int index = 1;
        (Bind(index++, args), ...);
        return *this;
    }

    // Steps once: true when a row is ready, false when done. Throws SqliteError on failure.
    bool Step();
    // Runs to completion (for statements that return no rows).
    void Exec();

    std::int64_t Int(int column) const { return sqlite3_column_int64(stmt_, column); }
    double Real(int column) const { return sqlite3_column_double(stmt_, column); }
    std::string Text(int column) const;
    std::string_view TextView(int column) const;
    std::string Blob(int column) const;
    bool IsNull(int column) const { return sqlite3_column_type(stmt_, column) == SQLITE_NULL; }

  private:
    sqlite3_stmt* stmt_;
    Connection* conn_;
};

// Raised for unexpected database failures; the store turns it into Errc::kUnavailable or
// kInternal at its boundary. Constraint violations carry the extended result code.
class SqliteError : public std::runtime_error {
  public:
    SqliteError(int code, const std::string& message) : std::runtime_error(message), code_(code) {}
    int code() const { return code_; }
    bool IsConstraint() const { return (code_ & 0xff) == SQLITE_CONSTRAINT; }
    bool IsBusy() const { return (code_ & 0xff) == SQLITE_BUSY || (code_ & 0xff) == SQLITE_LOCKED; }

  private:
    int code_;
};

class Connection {
  public:
    Connection(const std::filesystem::path& file, bool read_only);
    ~Connection();
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;

    // A cached prepared statement for `sql`: each distinct SQL text is prepared once per
    // connection. Pass the named query constants of the *_store.cpp files.
    Stmt Prepare(std::string_view sql);
    // Runs one or more statements with no parameters and no rows (DDL, PRAGMA, BEGIN).
    void ExecScript(const char* sql);
    std::int64_t LastInsertId() const { return sqlite3_last_insert_rowid(db_); }
    int Changes() const { return sqlite3_changes(db_); }
    sqlite3* raw() { return db_; }
    [[noreturn]] void Fail(int code, std::string_view what);

  private:
    // Keyed by the SQL text itself (owned), looked up without allocating.
    struct SqlHash {
        using is_transparent = void;
        std::size_t operator()(std::string_view sql) const {
            return std::hash<std::string_view>{}(sql);
        }
    };
    sqlite3* db_ = nullptr;
    std::unordered_map<std::string, sqlite3_stmt*, SqlHash, std::equal_to<>> statements_;
};

// One writer transaction: BEGIN IMMEDIATE on construction, ROLLBACK on destruction unless
// Commit() was called.
class WriteTx {
  public:
    explicit WriteTx(Connection& conn);
    ~WriteTx();
    WriteTx(const WriteTx&) = delete;
    WriteTx& operator=(const WriteTx&) = delete;
    void Commit();

  private:
    Connection& conn_;
    bool done_ = false;
};

class Database {
  public:
    // Opens (creating when missing) the file, sets WAL, synchronous=FULL, foreign keys, and
    // applies pending migrations. Throws on failure (a start-up error). With no read
    // connections the database is for writing only (an import): Read() throws std::logic_error.
    explicit Database(const std::filesystem::path& file, int read_connections = 4);
    ~Database();

    // A read connection from the pool, returned on destruction. Blocks while all are in use.
    class ReadLease {
      public:
        ReadLease(Database& db, std::unique_ptr<Connection> conn)
            : db_(&db), conn_(std::move(conn)) {}
        ReadLease(ReadLease&& other) noexcept = default;
        ~ReadLease();
        Connection& operator*() { return *conn_; }
        Connection* operator->() { return conn_.get(); }

      private:
        Database* db_;
        std::unique_ptr<Connection> conn_;
    };
    ReadLease Read();

    // The writer connection, locked for the lease's lifetime.
    class WriteLease {
      public:
        explicit WriteLease(Database& db) : lock_(db.writer_mutex_), conn_(db.writer_.get()) {}
        Connection& operator*() { return *conn_; }
        Connection* operator->() { return conn_; }

      private:
        std::unique_lock<std::mutex> lock_;
        Connection* conn_;
    };
    WriteLease Write() { return WriteLease(*this); }

    const std::filesystem::path& file() const { return file_; }

  private:
    std::filesystem::path file_;
    std::unique_ptr<Connection> writer_;
    std::mutex writer_mutex_;
    std::mutex pool_mutex_;
    std::condition_variable pool_cv_;
    std::vector<std::unique_ptr<Connection>> readers_;
    bool has_readers_ = true;  // false: opened to write only, Read() throws
};

// Turns an exception from the database into an Error value; logs the detail.
Error ErrorFromException(const std::exception& e,
                         std::source_location where = std::source_location::current());

}  // namespace hoot::store::sqlite
