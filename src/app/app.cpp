#include "app/app.hpp"

#include <algorithm>
#include <stdexcept>

#include "api/json_io.hpp"
#include "app/log.hpp"
#include "app/sample_content.hpp"
#include "http/pipeline.hpp"
#include "http/rate_limit.hpp"
#include "http/routes.hpp"
#include "http/static_files.hpp"
#include "render/avatar_image.hpp"
#include "service/crypto.hpp"
#include "store/backend.hpp"
#include "web/page.hpp"

namespace hoot::app {

std::filesystem::path DatabaseFile(const std::filesystem::path& data_dir) {
    return data_dir / "hoot.sqlite3";
}

namespace {

std::filesystem::path PrepareDataDir(const std::filesystem::path& dir) {
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    if (ec || !std::filesystem::is_directory(dir))
        throw std::runtime_error("cannot use data folder '" + dir.string() +
                                 "': " + (ec ? ec.message() : "not a folder"));
    return dir;
}

std::unique_ptr<store::Backend> OpenDatabase(const AppConfig& config) {
    auto target =
        store::ParseDatabaseTarget(config.database, DatabaseFile(PrepareDataDir(config.data_dir)));
    if (!target) throw std::runtime_error(target.error().message);
    return store::OpenBackend(*target);
}

http::RateRules RateRulesOf(const AppConfig& config) {
    if (!config.rate_limits) return {};
    auto rules = http::RateLimiter::DefaultRules();
    for (const auto& [bucket, rule] : config.rate_rule_overrides) rules[bucket] = rule;
    return rules;
}

// "4 MB", "64 KB": limits as people read them (binary units, whole numbers).
std::string SizeText(std::size_t bytes) {
    if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0)
        return std::to_string(bytes / (1024 * 1024)) + " MB";
    if (bytes >= 1024) return std::to_string(bytes / 1024) + " KB";
    return std::to_string(bytes) + " bytes";
}

}  // namespace

struct App::Impl {
    explicit Impl(AppConfig c)
        : config(std::move(c)),
          backend(OpenDatabase(config)),
          accounts(backend->stores()),
          notifications(backend->stores(), hub),
          messages(backend->stores(), hub),
          hoots(backend->stores(), SystemNow, notifications),
          posts(backend->stores(), SystemNow, notifications),
          search(backend->stores()),
          avatars(backend->stores()),
          site{config.site_name, http::AssetUrl("hoot.css"), http::AssetUrl("hoot.js")},
          limiter(RateRulesOf(config), backend->SharedRateBuckets()) {}

    AppConfig config;
    std::unique_ptr<store::Backend> backend;
    service::AccountService accounts;
    // Event streams hold subscriptions in the hub: it outlives the server (declared before it).
    service::LiveHub hub;
    // After the hub and the backend: stops before either goes.
    std::unique_ptr<store::LiveRelay> relay = backend->RelayLiveEvents(hub);
    service::NotificationService notifications;
    service::MessageService messages;
    service::HootService hoots;
    service::PostService posts;
    service::SearchService search;
    service::AvatarService avatars;
    service::Services services{accounts, hoots, posts, notifications, messages, search, avatars};
    web::Site site;
    web::WebContext web{site, services};
    http::Router router;
    // Counts in the backend's shared buckets on PostgreSQL, in memory on SQLite.
    http::RateLimiter limiter;
    std::unique_ptr<http::Pipeline> pipeline;
    std::unique_ptr<http::Server> server;
};

App::App(AppConfig config) {
    service::InitCrypto();
    impl_ = std::make_unique<Impl>(std::move(config));
    auto& impl = *impl_;
    auto secret =
        impl.backend->stores().settings.GetOrInsert("csrf_secret", service::RandomToken());
    if (!secret) throw std::runtime_error("cannot read settings: " + secret.error().detail);
    http::RegisterRoutes(impl.router, impl.web, impl.services);
    auto proxies = http::TrustedProxies::Parse(impl.config.trusted_proxies);
    if (!proxies) throw std::runtime_error(proxies.error().message);
    impl.pipeline = std::make_unique<http::Pipeline>(
        impl.router, impl.accounts, impl.limiter, *secret,
        [&impl](http::RequestContext& ctx, http::Kind kind, const Error& error) {
            return kind == http::Kind::kApi ? api::JsonError(error)
                                            : web::ErrorPage(impl.site, ctx, error);
        },
        std::move(*proxies));
    if (impl.config.seed_sample_content)
        SeedSampleContentOnce(impl.backend->stores(), impl.services);
}

App::~App() { Stop(); }

void App::Start() {
    http::ServerOptions options = impl_->config.server;
    if (int round_trips = impl_->backend->ConcurrentRoundTrips(); round_trips > 0) {
        // Threads that mostly wait on the network: as many as the pool has connections.
        options.offload_reads = true;
        options.blocking_threads = std::max(options.blocking_threads, round_trips);
    }
    const std::size_t max_body = options.max_body_bytes;
    impl_->server = std::make_unique<http::Server>(
        options, [this](http::Request& request) { return impl_->pipeline->Handle(request); },
        [this, max_body](int status, std::string_view message, std::string_view target) {
            auto error =
                Error::Make(status == 413 || status == 431 ? Errc::kTooLarge : Errc::kBadRequest,
                            std::string(message));
            // API clients get the JSON envelope even for requests refused before routing.
            if (target.starts_with("/api/")) {
                auto response = api::JsonError(error);
                response.status = status;
                return response;
            }
            // People get a page of the site with a way back. A browser reaches the body limit
            // with a file (text fields are far below it): a phone photo chosen as an avatar.
            if (status == 413)
                error.message = "What you sent is larger than the " + SizeText(max_body) +
                                " this site accepts, so it was not read. Go back and choose a "
                                "smaller file: an avatar can be a PNG, JPEG or WebP picture of "
                                "at most " +
                                SizeText(render::kMaxAvatarUploadBytes) + ".";
            // Refused before it was read: no session or theme is known, the page is anonymous.
            http::Request request;
            request.method = "GET";
            request.target = request.path = std::string(target.substr(0, target.find('?')));
            http::RequestContext ctx(request);
            auto response = web::ErrorPage(impl_->site, ctx, error);
            response.status = status;
            return response;
        });
    impl_->server->Start();
}

unsigned short App::port() const { return impl_->server ? impl_->server->port() : 0; }

void App::Stop() {
    if (impl_ && impl_->server) {
        impl_->server->Stop();
        impl_->server.reset();
    }
}

service::Services App::services() { return impl_->services; }

http::Response App::Handle(http::Request& request) { return impl_->pipeline->Handle(request); }

}  // namespace hoot::app
