// The `hoot` command: serve a community, manage users. Parsing only; the work is in the library.

#include <malloc.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <charconv>
#include <chrono>
#include <cstdio>
#include <iostream>
#include <string>
#include <vector>

#include "app/app.hpp"
#include "app/log.hpp"
#include "http/client_address.hpp"
#include "importer/se_format.hpp"
#include "importer/stackexchange_import.hpp"
#include "service/crypto.hpp"
#include "store/backend.hpp"
#include "store/migrate_db.hpp"
#include "store/sqlite/backup.hpp"

namespace {

constexpr int kUsageError = 2;
constexpr int kRuntimeError = 1;

int Fail(int code, const std::string& message) {
    std::cerr << "hoot: " << message << "\n";
    return code;
}

// "HOST:PORT" with an IPv4 or bracketed IPv6 host and a port from 0 to 65535.
bool ParseListen(const std::string& text, std::string& host, unsigned short& port) {
    auto colon = text.rfind(':');
    if (colon == std::string::npos || colon == 0) return false;
    host = text.substr(0, colon);
    if (host.size() > 2 && host.front() == '[' && host.back() == ']')
        host = host.substr(1, host.size() - 2);
    std::string_view digits(text.data() + colon + 1, text.size() - colon - 1);
    unsigned value = 0;
    auto [ptr, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
    if (digits.empty() || ec != std::errc() || ptr != digits.data() + digits.size() ||
        value > 65535)
        return false;
    port = static_cast<unsigned short>(value);
    return true;
}

// Every page is built in buffers of tens of kilobytes. glibc's defaults hand such blocks back to
// the kernel after each request and fault them in again on the next (9% of CPU under load in
// bench/); keeping them costs a few megabytes of resident memory.
void TuneAllocatorForServing() {
    mallopt(M_MMAP_THRESHOLD, 4 * 1024 * 1024);
    mallopt(M_TRIM_THRESHOLD, 64 * 1024 * 1024);
}

// `hoot serve`'s own flags (--data and --db are shared with the other commands).
struct ServeFlags {
    std::string listen = "127.0.0.1:8080";
    std::string site_name = "Hoot";
    bool no_sample = false;
    bool no_rate_limits = false;
    std::vector<std::string> trusted_proxies;
};

int Serve(const std::string& data, const std::string& database, const ServeFlags& flags) {
    const std::string& listen = flags.listen;
    const std::string& site_name = flags.site_name;
    hoot::app::AppConfig config;
    config.rate_limits = !flags.no_rate_limits;
    config.data_dir = data;
    config.database = database;
    config.site_name = site_name;
    config.seed_sample_content = !flags.no_sample;
    config.trusted_proxies = flags.trusted_proxies;
    if (auto proxies = hoot::http::TrustedProxies::Parse(flags.trusted_proxies); !proxies)
        return Fail(kUsageError, "--trusted-proxy: " + proxies.error().message);
    if (!ParseListen(listen, config.server.host, config.server.port))
        return Fail(kUsageError,
                    "--listen must be HOST:PORT, e.g. 127.0.0.1:8080 (got '" + listen + "')");
    if (site_name.empty() || site_name.size() > 100)
        return Fail(kUsageError, "--site-name must be 1 to 100 characters");
    if (auto target = hoot::store::ParseDatabaseTarget(database, {}); !target)
        return Fail(kUsageError, target.error().message);
    TuneAllocatorForServing();
    // Before the App starts any thread: they all inherit the held signals, and a Ctrl-C during
    // start-up still stops cleanly once the server is up.
    hoot::http::Server::HoldTerminationSignals();
    try {
        hoot::app::App app(config);
        app.Start();
        hoot::log::Info("Hoot " HOOT_VERSION " listening on http://" +
                        listen.substr(0, listen.rfind(':')) + ":" + std::to_string(app.port()) +
                        " (data in " + data + ")");
        hoot::http::Server::WaitForTerminationSignal();
        hoot::log::Info("stopping: finishing requests in flight");
        app.Stop();
        hoot::log::Info("stopped cleanly");
    } catch (const std::exception& e) {
        return Fail(kRuntimeError, e.what());
    }
    return 0;
}

int CreateUser(const std::string& data, const std::string& database, const std::string& name,
               bool admin) {
    std::string password;
    if (!std::getline(std::cin, password) || password.empty())
        return Fail(kUsageError, "--password-stdin: no password on standard input");
    if (!password.empty() && password.back() == '\r') password.pop_back();
    try {
        hoot::service::InitCrypto();
        hoot::app::AppConfig config;
        config.data_dir = data;
        config.database = database;
        config.seed_sample_content = false;
        hoot::app::App app(config);
        auto user = app.services().accounts.CreateUser(name, password, admin);
        if (!user)
            return Fail(
                user.error().code == hoot::Errc::kInvalidInput ? kUsageError : kRuntimeError,
                user.error().message);
        std::cout << "created " << (admin ? "admin " : "") << "user " << user->username << "\n";
    } catch (const std::exception& e) {
        return Fail(kRuntimeError, e.what());
    }
    return 0;
}

// hoot import stackexchange DIR: exit 0 when imported (with warnings for what was skipped), 1
// when the dump is unreadable or malformed (nothing written), 2 for a usage error.
int ImportStackExchange(const std::string& data, const std::string& database,
                        const std::string& dir, const std::string& url) {
    std::string folder = std::filesystem::path(dir).lexically_normal().filename().string();
    if (folder.empty() || folder == ".")
        folder =
            std::filesystem::absolute(dir).lexically_normal().parent_path().filename().string();
    auto site =
        url.empty() ? hoot::importer::SiteFromFolderName(folder) : hoot::importer::SiteFromUrl(url);
    if (!site)
        return Fail(kUsageError, url.empty()
                                     ? "cannot tell the site from the folder name '" + folder +
                                           "': give it with --site-url https://SITE"
                                     : "--site-url must be a site address like "
                                       "https://beer.stackexchange.com (got '" +
                                           url + "')");
    if (!std::filesystem::is_directory(dir)) return Fail(kUsageError, "no dump folder at " + dir);
    auto target = hoot::store::ParseDatabaseTarget(database, hoot::app::DatabaseFile(data));
    if (!target) return Fail(kUsageError, target.error().message);
    try {
        if (target->kind == hoot::store::DatabaseTarget::Kind::kSqlite &&
            target->sqlite_file.has_parent_path())
            std::filesystem::create_directories(target->sqlite_file.parent_path());
        auto backend = hoot::store::OpenBackend(*target, hoot::store::BackendUse::kWriteOnly);
        hoot::importer::Progress progress(stderr, isatty(STDERR_FILENO) != 0);
        hoot::importer::ImportOptions options{dir, *site, &progress};
        auto report = hoot::importer::ImportStackExchange(backend->stores().imports, options);
        if (!report) return Fail(kRuntimeError, report.error().message);
        std::cout << "imported " << dir << " as " << *site << "\n"
                  << hoot::importer::FormatReport(*report);
    } catch (const std::exception& e) {
        return Fail(kRuntimeError, e.what());
    }
    return 0;
}

// hoot backup FILE: exit 0 with the copy in place, 2 for a usage error (no database, FILE
// exists), 1 when copying fails (FILE is then left as it was).
int Backup(const std::string& data, const std::string& database, const std::string& file,
           bool force) {
    auto source = hoot::store::ParseDatabaseTarget(database, hoot::app::DatabaseFile(data));
    if (!source) return Fail(kUsageError, source.error().message);
    if (source->kind == hoot::store::DatabaseTarget::Kind::kPostgres)
        return Fail(kUsageError,
                    "backup copies a SQLite file; back up a PostgreSQL database with its own "
                    "tools, e.g. pg_dump --format=custom --file=hoot.pgdump 'postgres://…' "
                    "(see docs/deploy.md)");
    const bool terminal = isatty(STDERR_FILENO) != 0;
    auto last_shown = std::chrono::steady_clock::now();
    auto progress = [&](std::int64_t done, std::int64_t total) {
        auto now = std::chrono::steady_clock::now();
        if (!terminal || total == 0 || now - last_shown < std::chrono::milliseconds(200)) return;
        last_shown = now;
        std::cerr << "\rbackup: " << done * 100 / total << "% of " << total << " pages"
                  << std::flush;
    };
    auto summary = hoot::store::sqlite::BackupDatabase(source->sqlite_file, file, force, progress);
    if (terminal) std::cerr << "\r\033[K" << std::flush;
    if (!summary)
        return Fail(summary.error().code == hoot::Errc::kInvalidInput ? kUsageError : kRuntimeError,
                    "backup: " + summary.error().message);
    std::cout << "backed up " << (database.empty() ? data : source->sqlite_file.string()) << " to "
              << file << " (" << summary->bytes << " bytes: " << summary->users << " users, "
              << summary->hoots << " hoots, " << summary->comments << " comments)\n";
    return 0;
}

// hoot migrate-db: exit 0 with the community moved and every count equal, 2 for a usage error
// or a refusal (nothing written), 1 when the move failed or a count differed (rolled back).
int MigrateDb(const std::string& data, const std::string& from, const std::string& to) {
    auto source = hoot::store::ParseDatabaseTarget(from, hoot::app::DatabaseFile(data));
    if (!source)
        return Fail(kUsageError,
                    "--from must be sqlite:PATH, the community's SQLite file (got '" + from + "')");
    auto target = hoot::store::ParseDatabaseTarget(to, {});
    if (!target || to.empty())
        return Fail(kUsageError,
                    "--to must be postgres://USER:PASSWORD@HOST:PORT/DATABASE (got '" + to + "')");
    hoot::store::MigrateOptions options{*source, *target, {}};
    options.progress = [](const std::string& step, std::optional<std::int64_t> rows,
                          double seconds) {
        char line[200];
        if (rows)
            std::snprintf(line, sizeof line, "migrate-db: %s: %lld rows in %.3f s\n", step.c_str(),
                          static_cast<long long>(*rows), seconds);
        else
            std::snprintf(line, sizeof line, "migrate-db: %s in %.3f s\n", step.c_str(), seconds);
        std::cerr << line;
    };
    auto report = hoot::store::MigrateDatabase(options);
    if (!report) {
        auto code = report.error().code;
        bool refused = code == hoot::Errc::kInvalidInput || code == hoot::Errc::kConflict;
        return Fail(refused ? kUsageError : kRuntimeError, "migrate-db: " + report.error().message);
    }
    std::cout << hoot::store::FormatCounts(*report);
    if (!report->committed)
        return Fail(kRuntimeError,
                    "migrate-db: the counts differ, so the move was undone: the PostgreSQL "
                    "database is as it was");
    char seconds[32];
    std::snprintf(seconds, sizeof seconds, "%.1f", report->seconds);
    std::cout << "moved " << source->sqlite_file.string() << " to PostgreSQL in " << seconds
              << " s\n";
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App cli{"Hoot: a self-hosted Q&A community server", "hoot"};
    cli.set_version_flag("--version", std::string("hoot ") + HOOT_VERSION);
    cli.require_subcommand(1);

    std::string data = "hoot-data";
    ServeFlags serve_flags;
    auto* serve = cli.add_subcommand("serve", "Serve the community over HTTP");
    serve->add_option("--data", data, "Data folder (created when missing)");
    std::string database;
    const char* database_help =
        "Database: sqlite:PATH, or postgres://USER:PASSWORD@HOST:PORT/DATABASE to share one "
        "database between several instances (default: the SQLite file in the data folder)";
    serve->add_option("--db", database, database_help);
    serve->add_option("--listen", serve_flags.listen, "Address to listen on, HOST:PORT");
    serve->add_option("--site-name", serve_flags.site_name,
                      "The community's name, shown in titles");
    serve->add_flag("--no-sample", serve_flags.no_sample,
                    "Do not write the sample welcome hoot on a new site");
    serve->add_option("--trusted-proxy", serve_flags.trusted_proxies,
                      "Address of a proxy in front of Hoot (e.g. 127.0.0.1 for nginx on the same "
                      "machine) whose X-Forwarded-For header names the client; repeatable");
    serve->add_flag("--no-rate-limits", serve_flags.no_rate_limits,
                    "Do not limit sign-ins, sign-ups and posting per person (for benchmarks, or "
                    "behind a proxy that limits requests itself)");

    auto* user = cli.add_subcommand("user", "Manage user accounts");
    user->require_subcommand(1);
    auto* create = user->add_subcommand("create", "Create a user account");
    std::string name;
    bool admin = false;
    bool password_stdin = false;
    create->add_option("NAME", name, "Username (3-32 of letters, digits, _ and -)")->required();
    create->add_flag("--admin", admin, "Make the user an administrator");
    create->add_flag("--password-stdin", password_stdin, "Read the password from standard input")
        ->required();
    create->add_option("--data", data, "Data folder (created when missing)");
    create->add_option("--db", database, database_help);

    auto* import = cli.add_subcommand("import", "Import a community from elsewhere");
    import->require_subcommand(1);
    auto* stackexchange =
        import->add_subcommand("stackexchange", "Import a Stack Exchange data dump folder");
    std::string dump_dir;
    std::string site_url;
    stackexchange->add_option("DIR", dump_dir, "The dump folder (Posts.xml, Users.xml, ...)")
        ->required();
    stackexchange->add_option("--data", data, "Data folder (created when missing)");
    stackexchange->add_option("--db", database, database_help);
    stackexchange->add_option("--site-url", site_url,
                              "The source site, e.g. https://beer.stackexchange.com (default: "
                              "from the folder name)");

    auto* backup = cli.add_subcommand(
        "backup", "Copy the SQLite database to FILE, consistently, while the server runs");
    std::string backup_file;
    bool force = false;
    backup->add_option("FILE", backup_file, "Where to write the copy (a new file)")->required();
    backup->add_option("--data", data, "Data folder of the community");
    backup->add_option("--db", database,
                       "The SQLite file to copy, sqlite:PATH (default: the one in the data "
                       "folder); for PostgreSQL use pg_dump");
    backup->add_flag("--force", force, "Replace FILE when it exists");

    auto* migrate = cli.add_subcommand(
        "migrate-db", "Move a community from its SQLite file to an empty PostgreSQL database");
    std::string migrate_from;
    std::string migrate_to;
    migrate->add_option("--data", data, "Data folder of the community");
    migrate->add_option("--from", migrate_from,
                        "The SQLite file, sqlite:PATH (default: the one in the data folder)");
    migrate
        ->add_option("--to", migrate_to,
                     "The PostgreSQL database, postgres://USER:PASSWORD@HOST:PORT/DATABASE "
                     "(migrated, and empty)")
        ->required();

    try {
        cli.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return cli.exit(e);
    } catch (const CLI::CallForVersion& e) {
        return cli.exit(e);
    } catch (const CLI::ParseError& e) {
        std::string message = e.what();
        if (message.empty()) message = "missing or unknown command";
        return Fail(kUsageError, message + " (see hoot --help)");
    }

    if (serve->parsed()) return Serve(data, database, serve_flags);
    if (create->parsed()) return CreateUser(data, database, name, admin);
    if (stackexchange->parsed()) return ImportStackExchange(data, database, dump_dir, site_url);
    if (backup->parsed()) return Backup(data, database, backup_file, force);
    if (migrate->parsed()) return MigrateDb(data, migrate_from, migrate_to);
    return Fail(kUsageError, "missing command (see hoot --help)");
}
