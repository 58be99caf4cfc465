#include <charconv>

#include "api/handlers.hpp"
#include "api/json_io.hpp"

namespace hoot::api {
namespace {

// ?limit=N within [1, max], `fallback` when absent; kBadRequest otherwise.
Result<int> LimitParam(const http::Request& request, int fallback, int max) {
    auto text = request.QueryParam("limit");
    if (!text) return fallback;
    int value = 0;
    auto [ptr, ec] = std::from_chars(text->data(), text->data() + text->size(), value);
    if (ec != std::errc() || ptr != text->data() + text->size() || value < 1 || value > max)
        return Error::Make(
            Errc::kBadRequest,
            "\"limit\" must be a whole number from 1 to " + std::to_string(max) + ".", "limit");
    return value;
}

Result<HootId> HootIdParam(const http::RequestContext& ctx) {
    auto id = ParseId<HootId>(ctx.params.Get("id"));
    if (!id) return Error::Make(Errc::kNotFound, "There is no hoot with that number.");
    return *id;
}

constexpr int kMaxApiComments = 1000;

}  // namespace

http::Response ListHoots(service::Services& services, http::RequestContext& ctx) {
    service::BrowseQuery query;
    if (auto sort = ctx.request.QueryParam("sort"); sort && !sort->empty()) {
        auto order = ParseFeedOrder(*sort);
        if (!order)
            return JsonError(Error::Make(
                Errc::kBadRequest, "\"sort\" must be latest, hot, top or unanswered.", "sort"));
        query.order = *order;
    }
    if (auto period = ctx.request.QueryParam("period"); period && !period->empty()) {
        auto parsed = ParseTopPeriod(*period);
        if (!parsed)
            return JsonError(Error::Make(Errc::kBadRequest,
                                         "\"period\" must be week, month, year or all.", "period"));
        query.period = *parsed;
    }
    if (auto tag = ctx.request.QueryParam("tag")) query.tag = std::move(*tag);
    if (auto after = ctx.request.QueryParam("after")) query.after = std::move(*after);
    auto limit = LimitParam(ctx.request, service::kFeedPageSize, service::kMaxPageSize);
    if (!limit) return JsonError(limit.error());
    query.limit = *limit;
    auto page = services.hoots.Browse(query);
    if (!page) {
        if (page.error().field == "after")
            return JsonError(Error::Make(
                Errc::kBadRequest, "\"after\" must be a cursor from a previous page.", "after"));
        return JsonError(page.error());
    }
    Json hoots = Json::array();
    for (const auto& hoot : page->hoots) hoots.push_back(ToJson(hoot));
    Json next = page->next.empty() ? Json(nullptr) : Json(page->next);
    return JsonResponse(200, Json{{"hoots", std::move(hoots)}, {"next", std::move(next)}});
}

http::Response CreateHoot(service::Services& services, http::RequestContext& ctx) {
    auto body = ParseObject(ctx.request);
    if (!body) return JsonError(body.error());
    auto title = RequiredString(*body, "title");
    if (!title) return JsonError(title.error());
    auto text = RequiredString(*body, "body");
    if (!text) return JsonError(text.error());
    auto tags = StringListField(*body, "tags");
    if (!tags) return JsonError(tags.error());
    auto hoot = services.hoots.Ask({ctx.user->id, std::move(*title), std::move(*text),
                                    tags->value_or(std::vector<std::string>{})});
    if (!hoot) return JsonError(hoot.error());
    Json json = ToJson(*hoot);
    auto response = JsonResponse(201, json);
    response.Header("Location", json["url"].get<std::string>());
    return response;
}

http::Response GetHoot(service::Services& services, http::RequestContext& ctx) {
    auto id = HootIdParam(ctx);
    if (!id) return JsonError(id.error());
    CommentOrder order = CommentOrder::kLatest;
    if (auto sort = ctx.request.QueryParam("sort")) {
        auto parsed = service::ParseCommentOrder(*sort);
        if (!parsed)
            return JsonError(
                Error::Make(Errc::kBadRequest, "\"sort\" must be latest, oldest or best.", "sort"));
        order = *parsed;
    }
    auto limit = LimitParam(ctx.request, 100, kMaxApiComments);
    if (!limit) return JsonError(limit.error());
    service::ThreadViewer viewer;
    if (ctx.user) viewer = {ctx.user->id, ctx.user->is_admin};
    auto thread = services.hoots.Thread(*id, order, *limit, viewer);
    if (!thread) return JsonError(thread.error());
    Json json = ToJson(thread->hoot);
    Json comments = Json::array();
    for (const auto& comment : thread->comments) comments.push_back(ToJson(comment));
    json["comments"] = std::move(comments);
    json["comments_not_shown"] = thread->not_shown;
    return JsonResponse(200, json);
}

http::Response CreateComment(service::Services& services, http::RequestContext& ctx) {
    auto id = HootIdParam(ctx);
    if (!id) return JsonError(id.error());
    auto body = ParseObject(ctx.request);
    if (!body) return JsonError(body.error());
    auto text = RequiredString(*body, "body");
    if (!text) return JsonError(text.error());
    auto comment = services.hoots.AddComment(ctx.user->id, *id, *text);
    if (!comment) return JsonError(comment.error());
    return JsonResponse(201, ToJson(*comment));
}

}  // namespace hoot::api
