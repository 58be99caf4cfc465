#pragma once
// The whole server in process for integration tests: hoot::app::App on a temporary data folder,
// listening on a free port of 127.0.0.1, with sample content and rate limits off unless a test
// turns them on. Stopped (gracefully) and its folder removed on destruction.
// Also the steps most tests start with: signing up through the form or the API, posting a hoot
// or a comment through the form. Those helpers throw std::runtime_error (which GoogleTest reports
// as a failure of the test) when the server does not answer as a working site would.

#include <functional>
#include <memory>
#include <string>

#include "app/app.hpp"
#include "support/http_client.hpp"
#include "support/test_postgres.hpp"
#include "support/test_support.hpp"

namespace hoot::testing {

inline constexpr const char* kTestSiteName = "Hoot Test";
inline constexpr const char* kTestPassword = "correct horse battery";

class TestServer {
  public:
    using Configure = std::function<void(app::AppConfig&)>;

    // Starts at once. `configure` may change anything in the config (limits, timeouts, rate
    // limits) after the test defaults are set; data_dir is the server's own temporary folder.
    explicit TestServer(Configure configure = {});
    ~TestServer();
    TestServer(const TestServer&) = delete;
    TestServer& operator=(const TestServer&) = delete;

    unsigned short port() const { return app_ ? app_->port() : 0; }
    app::App& app() { return *app_; }
    const app::AppConfig& config() const { return config_; }
    const std::string& site_name() const { return config_.site_name; }
    const std::filesystem::path& data_dir() const { return config_.data_dir; }

    // A new client for this server (own cookie jar).
    HttpClient Client(bool keep_alive = true) const { return HttpClient(port(), keep_alive); }
    // A new client that keeps no cookies, as a script calling the JSON API with curl would.
    HttpClient ApiClient() const {
        HttpClient client(port());
        client.set_cookies_enabled(false);
        return client;
    }

    // Graceful stop; the data folder stays.
    void Stop();
    // Stops, then starts a new App on the same data folder (a new port).
    void Restart();

    // Signs up through /signup; the returned client carries the session cookie.
    HttpClient SignUp(const std::string& username, const std::string& password = kTestPassword);
    // Signs up through POST /api/v1/users and returns the bearer token.
    std::string ApiSignUp(const std::string& username, const std::string& password = kTestPassword);

  private:
    void StartApp();

    TempDir dir_;
    // The database when the integration suite runs on PostgreSQL; dropped after the App stops.
    std::unique_ptr<TestPostgresDatabase> postgres_;
    app::AppConfig config_;
    std::unique_ptr<app::App> app_;
};

// Posts a hoot through the composer form as `client`; returns the thread path from the 303's
// Location ("/hoots/{id}/{slug}").
std::string PostHoot(HttpClient& client, const std::string& title, const std::string& body,
                     const std::string& tags = "");
// Comments on the thread at `thread_path` through its form; returns the Location of the 303
// ("/hoots/{id}/{slug}#c-N").
std::string PostComment(HttpClient& client, const std::string& thread_path,
                        const std::string& body);
// "/hoots/12/some-slug" → "12"; "" when the path is not a thread path.
std::string HootIdOf(const std::string& thread_path);
// Builds a bearer Authorization header.
HeaderList Bearer(const std::string& token);

}  // namespace hoot::testing
