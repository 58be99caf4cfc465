#include "store/sqlite/backup.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <chrono>
#include <string>
#include <thread>

#include "store/sqlite/db.hpp"

namespace hoot::store::sqlite {
namespace {

// Pages per step: small enough to report progress on large files, large enough that the step
// overhead does not matter.
constexpr int kPagesPerStep = 4096;

class Backup {
  public:
    Backup(sqlite3* target, sqlite3* source)
        : handle_(sqlite3_backup_init(target, "main", source, "main")) {}
    ~Backup() {
        if (handle_) sqlite3_backup_finish(handle_);
    }
    Backup(const Backup&) = delete;
    Backup& operator=(const Backup&) = delete;
    sqlite3_backup* get() { return handle_; }
    // Ends the copy; the error of the whole backup, if any.
    int Finish() {
        int rc = sqlite3_backup_finish(handle_);
        handle_ = nullptr;
        return rc;
    }

  private:
    sqlite3_backup* handle_;
};

std::int64_t CountRows(Connection& conn, const char* sql) {
    auto stmt = conn.Prepare(sql);
    return stmt.Step() ? stmt.Int(0) : 0;
}

// The rename only survives a power cut once the folder itself is on disk.
void SyncFolder(const std::filesystem::path& folder) {
    int fd = ::open(folder.empty() ? "." : folder.c_str(), O_RDONLY | O_DIRECTORY);
    if (fd < 0) return;
    ::fsync(fd);
    ::close(fd);
}

}  // namespace

Result<BackupSummary> BackupDatabase(const std::filesystem::path& source,
                                     const std::filesystem::path& target, bool overwrite,
                                     const BackupProgress& progress) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(source, ec))
        return Error::Make(Errc::kInvalidInput, "no database at " + source.string());
    if (std::filesystem::exists(target, ec) && !overwrite)
        return Error::Make(Errc::kInvalidInput,
                           target.string() + " already exists (give --force to replace it)");
    if (std::filesystem::is_directory(target, ec))
        return Error::Make(Errc::kInvalidInput, target.string() + " is a folder, not a file");
    if (std::filesystem::equivalent(source, target, ec))
        return Error::Make(Errc::kInvalidInput, "the backup cannot replace the database itself");

    const std::filesystem::path partial =
        target.string() + ".partial-" + std::to_string(::getpid());
    auto fail = [&](std::string message) -> Result<BackupSummary> {
        std::filesystem::remove(partial, ec);
        return Error::Make(Errc::kInternal, std::move(message));
    };
    try {
        Connection from(source, /*read_only=*/true);
        // One snapshot for the whole copy: without it, each write by the server would make
        // the backup start over.
        from.ExecScript("BEGIN; SELECT COUNT(*) FROM sqlite_schema;");
        BackupSummary summary;
        {
            std::filesystem::remove(partial, ec);
            Connection to(partial, /*read_only=*/false);
            Backup backup(to.raw(), from.raw());
            if (!backup.get())
                return fail("cannot start the backup: " + std::string(sqlite3_errmsg(to.raw())));
            for (;;) {
                int rc = sqlite3_backup_step(backup.get(), kPagesPerStep);
                if (progress) {
                    const int total = sqlite3_backup_pagecount(backup.get());
                    progress(total - sqlite3_backup_remaining(backup.get()), total);
                }
                if (rc == SQLITE_DONE) break;
                if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) {
                    std::this_thread::sleep_for(std::chrono::milliseconds(20));
                    continue;
                }
                if (rc != SQLITE_OK)
                    return fail("copying failed: " + std::string(sqlite3_errstr(rc)));
            }
            if (int rc = backup.Finish(); rc != SQLITE_OK)
                return fail("copying failed: " + std::string(sqlite3_errstr(rc)));
            {
                auto check = to.Prepare("PRAGMA quick_check");
                if (!check.Step() || check.TextView(0) != "ok")
                    return fail("the copy does not pass SQLite's quick_check");
            }
            summary.users = CountRows(to, "SELECT COUNT(*) FROM users");
            summary.hoots = CountRows(to, "SELECT COUNT(*) FROM hoots");
            summary.comments = CountRows(to, "SELECT COUNT(*) FROM comments");
        }
        from.ExecScript("COMMIT;");
        std::filesystem::rename(partial, target);
        SyncFolder(target.parent_path());
        summary.bytes = static_cast<std::int64_t>(std::filesystem::file_size(target));
        return summary;
    } catch (const std::exception& e) {
        return fail(e.what());
    }
}

}  // namespace hoot::store::sqlite
