// Reading the community's shape: tags with their counts, and a person's public profile.

#include "api/handlers.hpp"
#include "api/json_io.hpp"
#include "web/urls.hpp"

namespace hoot::api {

http::Response ListTags(service::Services& services, http::RequestContext&) {
    auto tags = services.hoots.Tags();
    if (!tags) return JsonError(tags.error());
    Json list = Json::array();
    for (const auto& tag : *tags) {
        Json entry{{"tag", tag.tag}, {"count", tag.count}, {"url", web::TagUrl(tag.tag)}};
        if (!tag.excerpt.empty()) {
            entry["excerpt"] = tag.excerpt;
            entry["excerpt_source"] = web::StackExchangeTagUrl(tag.excerpt_site, tag.tag);
        }
        list.push_back(std::move(entry));
    }
    return JsonResponse(200, Json{{"tags", std::move(list)}});
}

http::Response GetUser(service::Services& services, http::RequestContext& ctx) {
    auto user = services.accounts.GetUser(ctx.params.Get("username"));
    if (!user) return JsonError(user.error());
    auto hoots = services.hoots.ByAuthor(user->id, std::nullopt, service::kFeedPageSize);
    if (!hoots) return JsonError(hoots.error());
    Json recent = Json::array();
    for (const auto& hoot : hoots->hoots) recent.push_back(ToJson(hoot));
    Json json = ToJson(*user);
    json["hoots"] = std::move(recent);
    return JsonResponse(200, json);
}

}  // namespace hoot::api
