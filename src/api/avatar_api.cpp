// The signed-in person's avatar: PUT or POST /api/v1/users/me/avatar with the picture as the
// raw body (any Content-Type: the content decides) or as the "avatar" part of a
// multipart/form-data body; DELETE removes it. GET /api/v1/users/{username} carries avatar_url.

#include "api/handlers.hpp"
#include "api/json_io.hpp"
#include "web/urls.hpp"

namespace hoot::api {
namespace {

Json AvatarJson(UserId user, std::string_view hash) {
    if (hash.empty()) return Json{{"avatar_url", nullptr}};
    return Json{{"avatar_url", web::AvatarUrl(user, hash)}};
}

}  // namespace

http::Response SetMyAvatar(service::Services& services, http::RequestContext& ctx) {
    std::string_view upload = ctx.request.body;
    if (http::IsMultipartFormData(ctx.request.Header("content-type"))) {
        // A malformed body was already answered by the pipeline (BodyStatus).
        const http::MultipartPart* part = ctx.File("avatar");
        if (!part)
            return JsonError(Error::Make(Errc::kBadRequest,
                                         "The form has no file part named \"avatar\".", "avatar"));
        upload = part->data;
    }
    auto hash = services.avatars.Set(ctx.user->id, upload);
    if (!hash) return JsonError(hash.error());
    return JsonResponse(200, AvatarJson(ctx.user->id, *hash));
}

http::Response RemoveMyAvatar(service::Services& services, http::RequestContext& ctx) {
    if (auto ok = services.avatars.Remove(ctx.user->id); !ok) return JsonError(ok.error());
    return JsonResponse(200, AvatarJson(ctx.user->id, ""));
}

}  // namespace hoot::api
