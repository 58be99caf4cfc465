#include "support/test_server.hpp"

#include <cctype>
#include <nlohmann/json.hpp>
#include <stdexcept>

namespace hoot::testing {
namespace {

std::runtime_error Unexpected(const std::string& what, const HttpResponse& response) {
    return std::runtime_error(what + ": status " + std::to_string(response.status) +
                              ", Location '" + response.Header("location") + "', body:\n" +
                              response.body.substr(0, 2000));
}

}  // namespace

TestServer::TestServer(Configure configure) {
    config_.data_dir = dir_.path() / "data";
    if (IntegrationOnPostgres()) {
        postgres_ = std::make_unique<TestPostgresDatabase>();
        config_.database = postgres_->url();
    }
    config_.site_name = kTestSiteName;
    config_.server.host = "127.0.0.1";
    config_.server.port = 0;
    config_.server.io_threads = 2;
    config_.server.shutdown_grace = std::chrono::seconds(10);
    config_.seed_sample_content = false;
    config_.rate_limits = false;
    if (configure) configure(config_);
    StartApp();
}

TestServer::~TestServer() { Stop(); }

void TestServer::StartApp() {
    app_ = std::make_unique<app::App>(config_);
    app_->Start();
}

void TestServer::Stop() {
    if (!app_) return;
    app_->Stop();
    app_.reset();
}

void TestServer::Restart() {
    Stop();
    StartApp();
}

HttpClient TestServer::SignUp(const std::string& username, const std::string& password) {
    HttpClient client = Client();
    auto response =
        client.SubmitForm("/signup", "/signup", {{"username", username}, {"password", password}});
    if (response.status != 303 || !client.cookies().Get("hoot_session"))
        throw Unexpected("sign-up of " + username + " failed", response);
    return client;
}

std::string TestServer::ApiSignUp(const std::string& username, const std::string& password) {
    HttpClient client = Client();
    nlohmann::json body{{"username", username}, {"password", password}};
    auto response = client.PostJson("/api/v1/users", body.dump());
    if (response.status != 201) throw Unexpected("API sign-up of " + username, response);
    return nlohmann::json::parse(response.body).at("token").get<std::string>();
}

std::string PostHoot(HttpClient& client, const std::string& title, const std::string& body,
                     const std::string& tags) {
    auto response =
        client.SubmitForm("/new", "/hoots", {{"title", title}, {"body", body}, {"tags", tags}});
    if (response.status != 303) throw Unexpected("posting '" + title + "' failed", response);
    return response.Header("location");
}

std::string PostComment(HttpClient& client, const std::string& thread_path,
                        const std::string& body) {
    std::string id = HootIdOf(thread_path);
    if (id.empty()) throw std::runtime_error("not a thread path: " + thread_path);
    auto response = client.SubmitForm(thread_path, "/hoots/" + id + "/comments", {{"body", body}});
    if (response.status != 303) throw Unexpected("commenting on " + thread_path, response);
    return response.Header("location");
}

std::string HootIdOf(const std::string& thread_path) {
    constexpr std::string_view kPrefix = "/hoots/";
    if (!thread_path.starts_with(kPrefix)) return {};
    auto start = kPrefix.size();
    auto end = start;
    while (end < thread_path.size() && std::isdigit(static_cast<unsigned char>(thread_path[end])))
        ++end;
    return thread_path.substr(start, end - start);
}

HeaderList Bearer(const std::string& token) { return {{"Authorization", "Bearer " + token}}; }

}  // namespace hoot::testing
