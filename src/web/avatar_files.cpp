// GET /avatars/{user}-{hash}.webp: the picture a content-hash URL names. The URL changes
// whenever the picture does, so browsers and proxies may keep it for a year without asking.

#include "web/handlers.hpp"
#include "web/urls.hpp"

namespace hoot::web {

http::Response ServeAvatar(const WebContext& wc, http::RequestContext& ctx) {
    auto named = ParseAvatarFile(ctx.params.Get("file"));
    if (!named) return http::Text(404, "There is no picture at this address.");
    auto avatar = wc.services.avatars.Find(named->first, named->second);
    if (!avatar) return http::Text(ErrcStatus(avatar.error().code), avatar.error().message);
    // An old hash (the person changed their picture) is as unknown as a made-up one.
    if (!*avatar) return http::Text(404, "There is no picture at this address.");
    const std::string etag = "\"" + (*avatar)->hash + "\"";
    http::Response response;
    response.Header("Cache-Control", "public, max-age=31536000, immutable");
    response.Header("ETag", etag);
    if (ctx.request.Header("if-none-match") == etag) {
        response.status = 304;
        response.content_type = (*avatar)->mime;
        return response;
    }
    response.content_type = (*avatar)->mime;
    response.body = std::move((*avatar)->bytes);
    return response;
}

}  // namespace hoot::web
