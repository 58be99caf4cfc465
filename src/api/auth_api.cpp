#include "api/handlers.hpp"
#include "api/json_io.hpp"
#include "render/time_format.hpp"

namespace hoot::api {
namespace {

struct Credentials {
    std::string username, password;
};

Result<Credentials> ReadCredentials(const http::Request& request) {
    auto body = ParseObject(request);
    if (!body) return body.take_error();
    auto username = RequiredString(*body, "username");
    if (!username) return username.take_error();
    auto password = RequiredString(*body, "password");
    if (!password) return password.take_error();
    return Credentials{std::move(*username), std::move(*password)};
}

Json SessionJson(const service::SignedIn& session) {
    return Json{{"token", session.token},
                {"expires_at", render::IsoTime(session.expires_at)},
                {"user", ToJson(session.user)}};
}

}  // namespace

http::Response Login(service::Services& services, http::RequestContext& ctx) {
    auto credentials = ReadCredentials(ctx.request);
    if (!credentials) return JsonError(credentials.error());
    auto session = services.accounts.SignIn(credentials->username, credentials->password);
    if (!session) return JsonError(session.error());
    return JsonResponse(200, SessionJson(*session));
}

http::Response CreateUser(service::Services& services, http::RequestContext& ctx) {
    auto credentials = ReadCredentials(ctx.request);
    if (!credentials) return JsonError(credentials.error());
    auto session = services.accounts.SignUp(credentials->username, credentials->password);
    if (!session) return JsonError(session.error());
    auto response = JsonResponse(201, SessionJson(*session));
    response.Header("Location", "/api/v1/users/" + session->user.username);
    return response;
}

http::Response Me(service::Services&, http::RequestContext& ctx) {
    // The unread counts are the signed-in person's own: never part of a public user object.
    return JsonResponse(200, Json{{"user", ToJson(*ctx.user)},
                                  {"csrf_token", ctx.csrf_token},
                                  {"unread",
                                   {{"notifications", ctx.user->unread_notifications},
                                    {"conversations", ctx.user->unread_conversations}}}});
}

}  // namespace hoot::api
