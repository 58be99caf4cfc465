#include "store/sqlite/db.hpp"

#include "app/log.hpp"
#include "store/sqlite/migrations.hpp"

namespace hoot::store::sqlite {

// --- Stmt ---

Stmt::~Stmt() {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
}

Stmt& Stmt::Bind(int index, std::int64_t value) {
    if (int rc = sqlite3_bind_int64(stmt_, index, value); rc != SQLITE_OK) conn_->Fail(rc, "bind");
    return *this;
}

Stmt& Stmt::Bind(int index, double value) {
    if (int rc = sqlite3_bind_double(stmt_, index, value); rc != SQLITE_OK) conn_->Fail(rc, "bind");
    return *this;
}

Stmt& Stmt::Bind(int index, std::string_view text) {
    int rc =
        sqlite3_bind_text64(stmt_, index, text.data(), text.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
    if (rc != SQLITE_OK) conn_->Fail(rc, "bind");
    return *this;
}

Stmt& Stmt::BindBlob(int index, std::string_view bytes) {
    int rc = sqlite3_bind_blob64(stmt_, index, bytes.data(), bytes.size(), SQLITE_TRANSIENT);
    if (rc != SQLITE_OK) conn_->Fail(rc, "bind");
    return *this;
}

Stmt& Stmt::BindStatic(int index, std::string_view text) {
    int rc =
        sqlite3_bind_text64(stmt_, index, text.data(), text.size(), SQLITE_STATIC, SQLITE_UTF8);
    if (rc != SQLITE_OK) conn_->Fail(rc, "bind");
    return *this;
}

Stmt& Stmt::BindNull(int index) {
    if (int rc = sqlite3_bind_null(stmt_, index); rc != SQLITE_OK) conn_->Fail(rc, "bind");
    return *this;
}

bool Stmt::Step() {
    int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    conn_->Fail(rc, sqlite3_sql(stmt_));
}

void Stmt::Exec() {
    while (Step()) {
    }
}

std::string Stmt::Text(int column) const { return std::string(TextView(column)); }

std::string Stmt::Blob(int column) const {
    const auto* bytes = static_cast<const char*>(sqlite3_column_blob(stmt_, column));
    if (!bytes) return {};
    return std::string(bytes, static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column)));
}

std::string_view Stmt::TextView(int column) const {
    const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, column));
    if (!text) return {};
    return std::string_view(text, static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column)));
}

// --- Connection ---

Connection::Connection(const std::filesystem::path& file, bool read_only) {
    int flags = SQLITE_OPEN_NOMUTEX |
                (read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
    if (int rc = sqlite3_open_v2(file.c_str(), &db_, flags, nullptr); rc != SQLITE_OK) {
        std::string message = db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(rc);
        sqlite3_close(db_);
        db_ = nullptr;
        throw SqliteError(rc, "cannot open " + file.string() + ": " + message);
    }
    sqlite3_extended_result_codes(db_, 1);
    // A writer holds the lock for microseconds; waiting beats failing a reader's page view.
    sqlite3_busy_timeout(db_, 5000);
    try {
        ExecScript(
            "PRAGMA foreign_keys = ON; PRAGMA synchronous = FULL; PRAGMA temp_store = MEMORY;");
    } catch (...) {
        // A file that is not a database fails here; no destructor runs for a half-built object.
        sqlite3_close(db_);
        db_ = nullptr;
        throw;
    }
}

Connection::~Connection() {
    for (auto& [sql, stmt] : statements_) sqlite3_finalize(stmt);
    sqlite3_close(db_);
}

Stmt Connection::Prepare(std::string_view sql) {
    auto found = statements_.find(sql);
    if (found != statements_.end()) return Stmt(found->second, this);
    sqlite3_stmt* stmt = nullptr;
    int rc = sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()),
                                SQLITE_PREPARE_PERSISTENT, &stmt, nullptr);
    if (rc != SQLITE_OK) Fail(rc, sql);
    statements_.emplace(std::string(sql), stmt);
    return Stmt(stmt, this);
}

void Connection::ExecScript(const char* sql) {
    char* error = nullptr;
    if (int rc = sqlite3_exec(db_, sql, nullptr, nullptr, &error); rc != SQLITE_OK) {
        std::string message = error ? error : sqlite3_errstr(rc);
        sqlite3_free(error);
        throw SqliteError(rc, message);
    }
}

void Connection::Fail(int code, std::string_view what) {
    throw SqliteError(code, std::string(sqlite3_errmsg(db_)) + " [" + std::string(what) + "]");
}

// --- WriteTx ---

WriteTx::WriteTx(Connection& conn) : conn_(conn) { conn_.Prepare("BEGIN IMMEDIATE").Exec(); }

WriteTx::~WriteTx() {
    if (done_) return;
    try {
        conn_.Prepare("ROLLBACK").Exec();
    } catch (const std::exception& e) {
        log::Error(std::string("rollback failed: ") + e.what());
    }
}

void WriteTx::Commit() {
    conn_.Prepare("COMMIT").Exec();
    done_ = true;
}

// --- Database ---

Database::Database(const std::filesystem::path& file, int read_connections)
    : file_(file), has_readers_(read_connections > 0) {
    writer_ = std::make_unique<Connection>(file, false);
    writer_->ExecScript("PRAGMA journal_mode = WAL;");
    ApplyMigrations(*writer_);
    for (int i = 0; i < read_connections; ++i)
        readers_.push_back(std::make_unique<Connection>(file, true));
}

Database::~Database() {
    readers_.clear();
    // Folds the WAL back into the main file so a clean stop leaves one self-contained file.
    try {
        writer_->ExecScript("PRAGMA wal_checkpoint(TRUNCATE);");
    } catch (const std::exception& e) {
        log::Warn(std::string("checkpoint at close failed: ") + e.what());
    }
}

Database::ReadLease Database::Read() {
    // Waiting on a pool that can never fill would hang the caller for good.
    if (!has_readers_)
        throw std::logic_error("a read on a SQLite database opened with no read connections");
    std::unique_lock lock(pool_mutex_);
    pool_cv_.wait(lock, [&] { return !readers_.empty(); });
    auto conn = std::move(readers_.back());
    readers_.pop_back();
    return ReadLease(*this, std::move(conn));
}

Database::ReadLease::~ReadLease() {
    if (!conn_) return;
    {
        std::lock_guard lock(db_->pool_mutex_);
        db_->readers_.push_back(std::move(conn_));
    }
    db_->pool_cv_.notify_one();
}

Error ErrorFromException(const std::exception& e, std::source_location where) {
    log::Error(std::string("database: ") + e.what() + " at " + where.file_name() + ":" +
               std::to_string(where.line()));
    if (const auto* sql = dynamic_cast<const SqliteError*>(&e); sql && sql->IsBusy())
        return Error::Make(Errc::kUnavailable, "The database is busy. Please try again.", {},
                           e.what(), where);
    return Error::Make(Errc::kInternal, "Something went wrong on our side.", {}, e.what(), where);
}

}  // namespace hoot::store::sqlite
