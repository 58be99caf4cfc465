#include "http/static_files.hpp"

#include <charconv>
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

// The q of one Accept-Encoding item's parameters (";q=0.5"): 1 when absent or unreadable.
double QValue(std::string_view params) {
    auto at = params.find("q=");
    if (at == std::string_view::npos) return 1;
    double q = 1;
    std::from_chars(params.data() + at + 2, params.data() + params.size(), q);
    return q;
}

// Whether an Accept-Encoding value takes gzip: named (or "*") without q=0 (RFC 9110 §12.5.3).
bool AcceptsGzip(std::string_view header) {
    bool star = false;
    while (!header.empty()) {
        auto comma = header.find(',');
        std::string_view item = header.substr(0, comma);
        header = comma == std::string_view::npos ? std::string_view() : header.substr(comma + 1);
        auto semicolon = item.find(';');
        std::string_view coding = item.substr(0, semicolon);
        while (!coding.empty() && coding.front() == ' ') coding.remove_prefix(1);
        while (!coding.empty() && coding.back() == ' ') coding.remove_suffix(1);
        const double q =
            QValue(semicolon == std::string_view::npos ? "" : item.substr(semicolon + 1));
        if (coding == "gzip" || coding == "x-gzip") return q > 0;
        if (coding == "*") star = q > 0;
    }
    return star;
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
        if (!asset.gzip.empty()) {
            response.Header("Vary", "Accept-Encoding");
            if (AcceptsGzip(ctx.request.Header("accept-encoding"))) {
                response.Header("Content-Encoding", "gzip");
                response.body = std::string(asset.gzip);
            } else {
                response.body = std::string(asset.bytes);
            }
        } else {
            response.body = std::string(asset.bytes);
        }
        response.Header("Cache-Control",
                        hashed ? "public, max-age=31536000, immutable" : "public, no-cache");
        return response;
    }
    return Text(404, "Not found");
}

}  // namespace hoot::http
