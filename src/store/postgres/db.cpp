#include "store/postgres/db.hpp"

#include <libpq-fe.h>

#include <charconv>
#include <cmath>
#include <cstdlib>

#include "app/log.hpp"
#include "store/postgres/migrations.hpp"

namespace hoot::store::postgres {
namespace {

// Server notices ("table … does not exist, skipping") are for a console, not for our stderr.
void IgnoreNotice(void*, const char*) {}

std::string MessageOf(PGconn* conn, const PGresult* result) {
    std::string message = result ? PQresultErrorMessage(result) : "";
    if (message.empty() && conn) message = PQerrorMessage(conn);
    while (!message.empty() && (message.back() == '\n' || message.back() == ' '))
        message.pop_back();
    return message.empty() ? "unknown libpq failure" : message;
}

bool IsUri(std::string_view url) {
    return url.starts_with("postgres://") || url.starts_with("postgresql://");
}

}  // namespace

bool PgError::IsUnavailable() const {
    // 08 connection exception, 53 insufficient resources (and the pool's timeout), 57P0x admin
    // shutdown / crash / cannot connect now, 55P03 lock not available; an empty state is a
    // connection libpq lost before the server could say anything.
    return sqlstate_.empty() || sqlstate_.starts_with("08") || sqlstate_.starts_with("53") ||
           sqlstate_.starts_with("57P") || sqlstate_ == "55P03" || IsSerializationFailure();
}

// --- Params ---

Params& Params::Add(std::int64_t value) {
    char buffer[24];
    auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value);
    values_.emplace_back(buffer, end);
    null_.push_back(false);
    return *this;
}

Params& Params::Add(double value) {
    char buffer[32];
    // Shortest text that reads back as the same double.
    auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value);
    values_.emplace_back(buffer, end);
    null_.push_back(false);
    return *this;
}

Params& Params::Add(std::string_view text) {
    values_.emplace_back(text);
    null_.push_back(false);
    return *this;
}

Params& Params::Add(Bytes bytes) {
    static constexpr char kHex[] = "0123456789abcdef";
    std::string text;
    text.reserve(2 + 2 * bytes.data.size());
    text.append("\\x");
    for (unsigned char byte : bytes.data) {
        text.push_back(kHex[byte >> 4]);
        text.push_back(kHex[byte & 0xf]);
    }
    values_.push_back(std::move(text));
    null_.push_back(false);
    return *this;
}

Params& Params::AddNull() {
    values_.emplace_back();
    null_.push_back(true);
    return *this;
}

std::vector<const char*> Params::Pointers() const {
    std::vector<const char*> pointers;
    pointers.reserve(values_.size());
    for (std::size_t i = 0; i < values_.size(); ++i)
        pointers.push_back(null_[i] ? nullptr : values_[i].c_str());
    return pointers;
}

// --- Row, Rows ---

std::int64_t Row::Int(int column) const {
    if (IsNull(column)) return 0;
    std::string_view text = TextView(column);
    if (text == "t") return 1;
    if (text == "f") return 0;
    std::int64_t value = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || end != text.data() + text.size())
        throw PgError("22P02", "column " + std::to_string(column) + " is not an integer: '" +
                                   std::string(text) + "'");
    return value;
}

double Row::Real(int column) const {
    if (IsNull(column)) return 0;
    std::string_view text = TextView(column);
    double value = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || end != text.data() + text.size()) {
        // Infinity/NaN are spelled differently from what from_chars reads.
        if (text == "Infinity") return HUGE_VAL;
        if (text == "-Infinity") return -HUGE_VAL;
        throw PgError("22P02", "column " + std::to_string(column) + " is not a number: '" +
                                   std::string(text) + "'");
    }
    return value;
}

std::string_view Row::TextView(int column) const {
    return std::string_view(PQgetvalue(result_, row_, column),
                            static_cast<std::size_t>(PQgetlength(result_, row_, column)));
}

std::string Row::Bytes(int column) const {
    if (IsNull(column)) return {};
    std::size_t length = 0;
    // PQgetvalue's text is NUL-terminated, as PQunescapeBytea needs; it reads both bytea formats.
    unsigned char* raw = PQunescapeBytea(
        reinterpret_cast<const unsigned char*>(PQgetvalue(result_, row_, column)), &length);
    if (!raw) throw PgError("53200", "out of memory decoding a bytea column");
    std::string bytes(reinterpret_cast<const char*>(raw), length);
    PQfreemem(raw);
    return bytes;
}

bool Row::IsNull(int column) const { return PQgetisnull(result_, row_, column) != 0; }

Rows::Rows(PGresult* result) : result_(result), size_(PQntuples(result)) {}

Rows::~Rows() { PQclear(result_); }

std::int64_t Rows::Affected() const {
    const char* text = PQcmdTuples(result_);
    return text && *text ? std::strtoll(text, nullptr, 10) : 0;
}

// --- Connection ---

Connection::Connection(const std::string& conninfo) {
    conn_ = PQconnectdb(conninfo.c_str());
    if (!conn_ || PQstatus(conn_) != CONNECTION_OK) {
        std::string message = conn_ ? MessageOf(conn_, nullptr) : "out of memory";
        PQfinish(conn_);
        conn_ = nullptr;
        throw PgError("08001", "cannot connect to PostgreSQL: " + message);
    }
    PQsetNoticeProcessor(conn_, IgnoreNotice, nullptr);
}

Connection::~Connection() { PQfinish(conn_); }

Rows Connection::Exec(std::string_view sql, const Params& params) {
    auto found = statements_.find(sql);
    if (found == statements_.end()) {
        std::string name = "hoot_" + std::to_string(statements_.size() + 1);
        std::string text(sql);
        PGresult* prepared = PQprepare(conn_, name.c_str(), text.c_str(), 0, nullptr);
        if (PQresultStatus(prepared) != PGRES_COMMAND_OK) Fail(prepared, sql);
        PQclear(prepared);
        found = statements_.emplace(std::move(text), std::move(name)).first;
    }
    auto values = params.Pointers();
    PGresult* result = PQexecPrepared(conn_, found->second.c_str(), params.size(), values.data(),
                                      nullptr, nullptr, 0);
    auto status = PQresultStatus(result);
    if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK) Fail(result, sql);
    return Rows(result);
}

void Connection::ExecScript(const std::string& sql) {
    PGresult* result = PQexec(conn_, sql.c_str());
    auto status = PQresultStatus(result);
    if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK) Fail(result, sql.substr(0, 200));
    PQclear(result);
}

bool Connection::Healthy() const { return PQstatus(conn_) == CONNECTION_OK; }

bool Connection::InTransaction() const {
    auto status = PQtransactionStatus(conn_);
    return status == PQTRANS_INTRANS || status == PQTRANS_INERROR;
}

bool Connection::Reset() {
    statements_.clear();
    PQreset(conn_);
    return Healthy();
}

void Connection::Fail(PGresult* result, std::string_view what) {
    // Copied before PQclear: the field points into the result.
    const char* state = result ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
    std::string sqlstate = state ? state : "";
    std::string message = MessageOf(conn_, result);
    PQclear(result);
    // A broken connection yields no SQLSTATE; say so in the code the callers test for.
    if (sqlstate.empty() && !Healthy()) sqlstate = "08006";
    throw PgError(std::move(sqlstate), message + " [" + std::string(what) + "]");
}

// --- Transaction ---

Transaction::Transaction(Connection& conn, Isolation isolation) : conn_(conn) {
    switch (isolation) {
        case Isolation::kReadCommitted:
            conn_.Query("BEGIN");
            break;
        case Isolation::kRepeatableRead:
            conn_.Query("BEGIN ISOLATION LEVEL REPEATABLE READ");
            break;
        case Isolation::kSerializable:
            conn_.Query("BEGIN ISOLATION LEVEL SERIALIZABLE");
            break;
    }
}

Transaction::~Transaction() {
    if (done_ || !conn_.Healthy()) return;  // a broken connection is reset when it is returned
    try {
        conn_.Query("ROLLBACK");
    } catch (const std::exception& e) {
        log::Error(std::string("rollback failed: ") + e.what());
    }
}

void Transaction::Commit() {
    conn_.Query("COMMIT");
    done_ = true;
}

// --- Database ---

Database::Database(const std::string& url, PoolOptions options)
    : size_(options.size), acquire_timeout_(options.acquire_timeout) {
    std::optional<int> from_url;
    conninfo_ = StripPoolSize(url, from_url);
    if (from_url) size_ = *from_url;
    if (size_ < 1) throw std::invalid_argument("the PostgreSQL pool needs at least 1 connection");
    auto first = std::make_unique<Connection>(conninfo_);
    if (options.migrate) ApplyMigrations(*first);
    idle_.push_back(std::move(first));
    open_ = 1;
}

Database::~Database() {
    std::unique_lock lock(mutex_);
    // Leases must not outlive the pool; waiting here turns a use-after-free into a hang that a
    // test's timeout reports.
    available_.wait(lock, [&] { return static_cast<int>(idle_.size()) == open_; });
    idle_.clear();
}

Database::Lease Database::Acquire() {
    std::unique_lock lock(mutex_);
    bool ready = available_.wait_for(lock, acquire_timeout_,
                                     [&] { return !idle_.empty() || open_ < size_; });
    if (!ready)
        throw PgError(std::string(kPoolTimeoutState), "no PostgreSQL connection free within " +
                                                          std::to_string(acquire_timeout_.count()) +
                                                          " ms (pool of " + std::to_string(size_) +
                                                          ")");
    if (!idle_.empty()) {
        auto conn = std::move(idle_.back());
        idle_.pop_back();
        return Lease(*this, std::move(conn));
    }
    ++open_;
    lock.unlock();
    try {
        return Lease(*this, std::make_unique<Connection>(conninfo_));
    } catch (...) {
        lock.lock();
        --open_;
        lock.unlock();
        available_.notify_one();
        throw;
    }
}

void Database::Return(std::unique_ptr<Connection> conn) {
    // A lease normally ends outside any transaction; one left open (an exception between BEGIN
    // and the guard's rollback) must not leak into the next borrower's work.
    if (conn->Healthy() && conn->InTransaction()) {
        try {
            conn->ExecScript("ROLLBACK");
        } catch (const std::exception& e) {
            log::Warn(std::string("rollback on return failed: ") + e.what());
        }
    }
    bool keep = conn->Healthy() || conn->Reset();
    if (!keep) {
        log::Warn("dropping a broken PostgreSQL connection from the pool");
        conn.reset();
    }
    {
        std::lock_guard lock(mutex_);
        if (keep)
            idle_.push_back(std::move(conn));
        else
            --open_;
    }
    available_.notify_all();
}

Database::Lease::~Lease() {
    if (conn_) db_->Return(std::move(conn_));
}

// --- URLs ---

std::string StripPoolSize(const std::string& url, std::optional<int>& pool_size) {
    if (!IsUri(url)) return url;
    auto query = url.find('?');
    if (query == std::string::npos) return url;
    std::string kept;
    std::string_view rest = std::string_view(url).substr(query + 1);
    while (!rest.empty()) {
        auto amp = rest.find('&');
        std::string_view param = rest.substr(0, amp);
        rest = amp == std::string_view::npos ? std::string_view() : rest.substr(amp + 1);
        if (param.starts_with("pool_size=")) {
            std::string_view value = param.substr(10);
            int size = 0;
            auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), size);
            if (ec != std::errc() || end != value.data() + value.size() || size < 1)
                throw std::invalid_argument("pool_size in the database URL must be a number >= 1");
            pool_size = size;
            continue;
        }
        if (!kept.empty()) kept += '&';
        kept += param;
    }
    return url.substr(0, query) + (kept.empty() ? "" : "?" + kept);
}

std::string UrlWithDatabase(const std::string& url, std::string_view dbname) {
    if (!IsUri(url)) return url + " dbname=" + std::string(dbname);
    auto authority = url.find("://") + 3;
    auto query = url.find('?', authority);
    auto path = url.find('/', authority);
    if (path == std::string::npos || (query != std::string::npos && path > query)) path = query;
    std::string out = url.substr(0, path == std::string::npos ? url.size() : path);
    out += '/';
    out += dbname;
    if (query != std::string::npos) out += url.substr(query);
    return out;
}

Error ErrorFromException(const std::exception& e, std::source_location where) {
    log::Error(std::string("database: ") + e.what() + " at " + where.file_name() + ":" +
               std::to_string(where.line()));
    if (const auto* pg = dynamic_cast<const PgError*>(&e); pg && pg->IsUnavailable())
        return Error::Make(Errc::kUnavailable, "The database is busy. Please try again.", {},
                           e.what(), where);
    return Error::Make(Errc::kInternal, "Something went wrong on our side.", {}, e.what(), where);
}

}  // namespace hoot::store::postgres
