#pragma once
// The composition root: opens the data folder's database, builds the services, the route table,
// the middleware pipeline and the server, and seeds sample content on a new site.

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "http/message.hpp"
#include "http/rate_limit.hpp"
#include "http/server.hpp"
#include "service/services.hpp"

namespace hoot::app {

struct AppConfig {
    std::filesystem::path data_dir = "hoot-data";
    // `--db`: empty for the SQLite file in data_dir (store/backend.hpp has the forms).
    std::string database = {};
    std::string site_name = "Hoot";
    http::ServerOptions server;
    bool seed_sample_content = true;
    bool rate_limits = true;
    // Rules that replace the default ones of the same bucket name (tests use small ones).
    http::RateRules rate_rule_overrides = {};
    // `--trusted-proxy`: proxies whose X-Forwarded-For names the client (http/client_address).
    std::vector<std::string> trusted_proxies = {};
};

class App {
  public:
    // Creates the data folder when missing, opens the database and migrates it. Throws
    // std::runtime_error with a readable message on failure.
    explicit App(AppConfig config);
    ~App();

    // Binds and serves; throws when the address cannot be used.
    void Start();
    unsigned short port() const;
    // Graceful: in-flight requests finish, then the database is closed.
    void Stop();

    service::Services services();
    // Runs one request through the whole pipeline without the network (benchmarks, tests).
    http::Response Handle(http::Request& request);

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

// The database file inside a data folder.
std::filesystem::path DatabaseFile(const std::filesystem::path& data_dir);

}  // namespace hoot::app
