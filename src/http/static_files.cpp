#include "http/static_files.hpp"

#include <stdexcept>

#include "http/context.hpp"

namespace hoot::http {
namespace {

std::string_view ContentType(std::string_view name) {
    if (name.ends_with(".css")) return "text/css; charset=utf-8";
    if (name.ends_with(".js")) return "text/javascript; charset=utf-8";
    if (name.ends_with(".svg")) return "image/svg+xml";
    if (name.ends_with(".png")) return "image/png";
    if (name.ends_with(".ico")) return "image/x-icon";
    return "application/octet-stream";
}

// "hoot.css" + "3fa9c01b2e" → "hoot.3fa9c01b2e.css"
std::string HashedName(const EmbeddedAsset& asset) {
    auto dot = asset.name.rfind('.');
    std::string name(asset.name.substr(0, dot));
    name.append(".").append(asset.hash);
    if (dot != std::string_view::npos) name.append(asset.name.substr(dot));
    return name;
}

}  // namespace

std::string AssetUrl(std::string_view name) {
    for (const auto& asset : EmbeddedAssets())
        if (asset.name == name) return "/static/" + HashedName(asset);
    throw std::out_of_range("no embedded asset named " + std::string(name));
}

Response ServeStatic(RequestContext& ctx) {
    std::string_view file = ctx.params.Get("file");
    for (const auto& asset : EmbeddedAssets()) {
        bool hashed = file == HashedName(asset);
        if (!hashed && file != asset.name) continue;
        Response response;
        response.content_type = std::string(ContentType(asset.name));
        response.body = std::string(asset.bytes);
        response.Header("Cache-Control",
                        hashed ? "public, max-age=31536000, immutable" : "public, no-cache");
        return response;
    }
    return Text(404, "Not found");
}

}  // namespace hoot::http
