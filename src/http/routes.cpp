#include "http/routes.hpp"

#include "api/handlers.hpp"
#include "http/static_files.hpp"
#include "web/handlers.hpp"

namespace hoot::http {
namespace {

using PageHandler = Response (*)(const web::WebContext&, RequestContext&);
using ApiHandler = Response (*)(service::Services&, RequestContext&);

RouteOptions Options(Access access, Kind kind, bool stateless = false) {
    RouteOptions options;
    options.access = access;
    options.kind = kind;
    options.stateless = stateless;
    return options;
}

const RouteOptions kPage = Options(Access::kAnyone, Kind::kPage);
const RouteOptions kMember = Options(Access::kSignedIn, Kind::kPage);
const RouteOptions kApi = Options(Access::kAnyone, Kind::kApi);
const RouteOptions kApiMember = Options(Access::kSignedIn, Kind::kApi);
const RouteOptions kStateless = Options(Access::kAnyone, Kind::kPage, true);

RouteOptions Limited(RouteOptions options, std::string_view bucket) {
    options.rate_limit = bucket;
    return options;
}

}  // namespace

void RegisterRoutes(Router& router, const web::WebContext& web, service::Services& services) {
    auto page = [&web](PageHandler handler) {
        return [&web, handler](RequestContext& ctx) { return handler(web, ctx); };
    };
    auto api = [&services](ApiHandler handler) {
        return [&services, handler](RequestContext& ctx) { return handler(services, ctx); };
    };
    // clang-format off
    router.Add("GET",  "/healthz",                 [](RequestContext&) { return Text(200, "ok"); }, kStateless);
    router.Add("GET",  "/static/{file}",           ServeStatic, kStateless);
    router.Add("GET",  "/avatars/{file}",          page(web::ServeAvatar), kStateless);

    router.Add("GET",  "/",                        page(web::ShowFeed), kPage);
    router.Add("GET",  "/tags/{tag}",              page(web::ShowTagFeed), kPage);
    router.Add("GET",  "/login",                   page(web::ShowSignIn), kPage);
    router.Add("POST", "/login",                   page(web::SignIn), Limited(kPage, "signin"));
    router.Add("GET",  "/signup",                  page(web::ShowSignUp), kPage);
    router.Add("POST", "/signup",                  page(web::SignUp), Limited(kPage, "signup"));
    router.Add("POST", "/logout",                  page(web::SignOut), kPage);
    router.Add("GET",  "/new",                     page(web::ShowComposer), kMember);
    router.Add("POST", "/hoots",                   page(web::PostHoot), Limited(kMember, "post_hoot"));
    router.Add("GET",  "/hoots/{id}",              page(web::ShowThread), kPage);
    router.Add("GET",  "/hoots/{id}/{slug}",       page(web::ShowThread), kPage);
    router.Add("POST", "/hoots/{id}/comments",     page(web::PostComment), Limited(kMember, "comment"));
    router.Add("GET",  "/u/{username}",            page(web::ShowProfile), kPage);
    router.Add("GET",  "/settings/profile",        page(web::ShowProfileEditor), kMember);
    router.Add("POST", "/settings/profile",        page(web::SaveProfile), Limited(kMember, "profile"));
    router.Add("GET",  "/hoots/{id}/revisions",    page(web::ShowRevisions), kPage);
    router.Add("GET",  "/posts/{id}/revisions",    page(web::ShowRevisions), kPage);
    router.Add("GET",  "/posts/{id}/edit",         page(web::ShowEditPost), kMember);
    router.Add("POST", "/posts/{id}/edit",         page(web::SaveEditPost), kMember);
    router.Add("POST", "/posts/{id}/updates",      page(web::PostUpdate), Limited(kMember, "comment"));
    router.Add("POST", "/posts/{id}/reactions/{kind}", page(web::ToggleReaction), Limited(kMember, "react"));
    router.Add("POST", "/posts/{id}/replies",      page(web::PostReply), Limited(kMember, "comment"));
    router.Add("POST", "/posts/{id}/delete",       page(web::DeletePost), kMember);
    router.Add("POST", "/posts/{id}/restore",      page(web::RestorePost), kMember);
    router.Add("POST", "/theme",                   page(web::SetTheme), kPage);
    router.Add("POST", "/hoots/{id}/follow",       page(web::SetFollow), kMember);
    router.Add("GET",  "/following",               page(web::ShowFollowing), kMember);
    router.Add("GET",  "/notifications",           page(web::ShowNotifications), kMember);
    router.Add("GET",  "/notifications/{id}",      page(web::OpenNotification), kMember);
    router.Add("POST", "/notifications/read",      page(web::MarkAllNotificationsRead), kMember);
    router.Add("GET",  "/settings/notifications",  page(web::ShowNotificationSettings), kMember);
    router.Add("POST", "/settings/notifications",  page(web::SaveNotificationSettings), kMember);
    router.Add("GET",  "/messages",                page(web::ShowConversations), kMember);
    router.Add("GET",  "/messages/{username}",     page(web::ShowConversation), kMember);
    router.Add("POST", "/messages/{username}",     page(web::SendMessage), Limited(kMember, "message"));
    router.Add("POST", "/u/{username}/block",      page(web::SetBlock), kMember);
    router.Add("GET",  "/events",                  page(web::OpenEventStream), kApiMember);
    router.Add("GET",  "/tags",                    page(web::ShowTags), kPage);
    router.Add("POST", "/settings/password",       page(web::ChangePassword), Limited(kMember, "signin"));
    router.Add("GET",  "/feed.atom",               page(web::SiteAtom), kStateless);
    router.Add("GET",  "/tags/{tag}/feed.atom",    page(web::TagAtom), kStateless);
    router.Add("GET",  "/hoots/{id}/feed.atom",    page(web::HootAtom), kStateless);
    router.Add("GET",  "/search",                  page(web::ShowSearch), kPage);

    router.Add("POST", "/api/v1/auth/login",       api(api::Login), Limited(kApi, "signin"));
    router.Add("POST", "/api/v1/users",            api(api::CreateUser), Limited(kApi, "signup"));
    router.Add("GET",  "/api/v1/me",               api(api::Me), kApiMember);
    router.Add("GET",  "/api/v1/hoots",            api(api::ListHoots), kApi);
    router.Add("POST", "/api/v1/hoots",            api(api::CreateHoot), Limited(kApiMember, "post_hoot"));
    router.Add("GET",  "/api/v1/hoots/{id}",       api(api::GetHoot), kApi);
    router.Add("POST", "/api/v1/hoots/{id}/comments", api(api::CreateComment), Limited(kApiMember, "comment"));
    router.Add("POST", "/api/v1/hoots/{id}/updates", api(api::AddUpdate), Limited(kApiMember, "comment"));
    router.Add("POST", "/api/v1/posts/{id}/updates", api(api::AddUpdate), Limited(kApiMember, "comment"));
    router.Add("PATCH", "/api/v1/hoots/{id}",      api(api::EditPost), kApiMember);
    router.Add("PATCH", "/api/v1/posts/{id}",      api(api::EditPost), kApiMember);
    router.Add("GET",  "/api/v1/hoots/{id}/revisions", api(api::ListRevisions), kApi);
    router.Add("GET",  "/api/v1/posts/{id}/revisions", api(api::ListRevisions), kApi);
    router.Add("PUT",  "/api/v1/posts/{id}/reactions/{kind}", api(api::SetReaction), Limited(kApiMember, "react"));
    router.Add("DELETE", "/api/v1/posts/{id}/reactions/{kind}", api(api::SetReaction), Limited(kApiMember, "react"));
    router.Add("POST", "/api/v1/posts/{id}/replies", api(api::AddReply), Limited(kApiMember, "comment"));
    router.Add("DELETE", "/api/v1/posts/{id}",     api(api::DeletePost), kApiMember);
    router.Add("POST", "/api/v1/posts/{id}/restore", api(api::RestorePost), kApiMember);
    router.Add("PUT",  "/api/v1/hoots/{id}/follow", api(api::SetFollow), kApiMember);
    router.Add("DELETE", "/api/v1/hoots/{id}/follow", api(api::SetFollow), kApiMember);
    router.Add("GET",  "/api/v1/notifications",    api(api::ListNotifications), kApiMember);
    router.Add("POST", "/api/v1/notifications/read", api(api::MarkNotificationsRead), kApiMember);
    router.Add("GET",  "/api/v1/conversations",    api(api::ListConversations), kApiMember);
    router.Add("GET",  "/api/v1/conversations/{username}/messages", api(api::ListMessages), kApiMember);
    router.Add("POST", "/api/v1/conversations/{username}/messages", api(api::SendMessage), Limited(kApiMember, "message"));
    router.Add("PUT",  "/api/v1/blocks/{username}", api(api::SetBlock), kApiMember);
    router.Add("DELETE", "/api/v1/blocks/{username}", api(api::SetBlock), kApiMember);
    router.Add("GET",  "/api/v1/tags",             api(api::ListTags), kApi);
    router.Add("GET",  "/api/v1/users/{username}", api(api::GetUser), kApi);
    router.Add("PUT",  "/api/v1/users/me/avatar",  api(api::SetMyAvatar), Limited(kApiMember, "profile"));
    router.Add("POST", "/api/v1/users/me/avatar",  api(api::SetMyAvatar), Limited(kApiMember, "profile"));
    router.Add("DELETE", "/api/v1/users/me/avatar", api(api::RemoveMyAvatar), kApiMember);
    router.Add("GET",  "/api/v1/search",           api(api::Search), kApi);
    // clang-format on
}

}  // namespace hoot::http
