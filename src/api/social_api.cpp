// Following, notifications, direct messages and blocks over JSON (docs/api.md).

#include "api/handlers.hpp"
#include "api/json_io.hpp"
#include "render/time_format.hpp"
#include "web/urls.hpp"
#include "web/views/views.hpp"

namespace hoot::api {
namespace {

Json NotificationJson(const Notification& n) {
    return Json{{"id", n.id.value},
                {"kind", NotificationKindKey(n.kind)},
                {"text", web::views::DescribeNotification(n)},
                {"hoot",
                 {{"id", n.hoot.value},
                  {"title", n.hoot_title},
                  {"url", web::HootUrl(n.hoot, n.hoot_slug)}}},
                {"post_id", n.post.value},
                {"url", web::PostInThreadUrl(n.hoot, n.hoot_slug, n.post, n.post_kind)},
                {"actor", ToJson(n.actor)},
                {"created_at", render::IsoTime(n.created_at)},
                {"read", n.read}};
}

Json MessageJson(const Message& m) {
    return Json{{"id", m.id.value},
                {"from", ToJson(m.sender)},
                {"body", m.body_source},
                {"body_html", m.body_html},
                {"created_at", render::IsoTime(m.created_at)}};
}

// ?name=N as an id of type T; nullopt when absent, kBadRequest when malformed.
template <typename T>
Result<std::optional<T>> IdQuery(const http::Request& request, std::string_view name) {
    auto text = request.QueryParam(name);
    if (!text) return std::optional<T>();
    auto id = ParseId<T>(*text);
    if (!id)
        return Error::Make(Errc::kBadRequest,
                           "\"" + std::string(name) + "\" must be a positive number.",
                           std::string(name));
    return std::optional<T>(*id);
}

}  // namespace

http::Response SetFollow(service::Services& services, http::RequestContext& ctx) {
    auto id = ParseId<HootId>(ctx.params.Get("id"));
    if (!id) return JsonError(Error::Make(Errc::kNotFound, "There is no hoot with that number."));
    auto state = services.notifications.SetFollow(ctx.user->id, *id, ctx.request.method == "PUT");
    if (!state) return JsonError(state.error());
    return JsonResponse(200, Json{{"hoot_id", id->value},
                                  {"following", state->following},
                                  {"followers", state->followers}});
}

// Without a cursor: the newest page, newest first. ?before=ID pages back (older than ID);
// ?after=ID polls for what is new (newer than ID, oldest first), like the event stream.
http::Response ListNotifications(service::Services& services, http::RequestContext& ctx) {
    auto before = IdQuery<NotificationId>(ctx.request, "before");
    if (!before) return JsonError(before.error());
    auto after = IdQuery<NotificationId>(ctx.request, "after");
    if (!after) return JsonError(after.error());
    if (*before && *after)
        return JsonError(Error::Make(Errc::kBadRequest, "Give \"before\" or \"after\", not both."));
    Json items = Json::array();
    Json next = nullptr;
    if (*after) {
        auto batch = services.notifications.NotificationsSince(ctx.user->id, **after,
                                                               service::kInboxPageSize);
        if (!batch) return JsonError(batch.error());
        for (const auto& n : *batch) items.push_back(NotificationJson(n));
    } else {
        auto page = services.notifications.Inbox(ctx.user->id, *before, service::kInboxPageSize);
        if (!page) return JsonError(page.error());
        for (const auto& n : page->items) items.push_back(NotificationJson(n));
        if (page->next) next = page->next->value;
    }
    auto unread = services.notifications.Unread(ctx.user->id);
    if (!unread) return JsonError(unread.error());
    return JsonResponse(200, Json{{"notifications", std::move(items)},
                                  {"next_before", next},
                                  {"unread", unread->notifications}});
}

http::Response MarkNotificationsRead(service::Services& services, http::RequestContext& ctx) {
    auto body = ParseObject(ctx.request);
    if (!body) return JsonError(body.error());
    Result<std::int64_t> unread = std::int64_t{0};
    auto all = body->find("all");
    auto ids = body->find("ids");
    if (all != body->end() && ids != body->end())
        return JsonError(Error::Make(Errc::kBadRequest, "Give \"ids\" or \"all\", not both."));
    if (all != body->end()) {
        if (!all->is_boolean() || !all->get<bool>())
            return JsonError(Error::Make(Errc::kBadRequest, "\"all\" must be true.", "all"));
        unread = services.notifications.MarkAllRead(ctx.user->id);
    } else if (ids != body->end()) {
        if (!ids->is_array() || ids->size() > 1000)
            return JsonError(Error::Make(Errc::kBadRequest,
                                         "\"ids\" must be a list of at most 1000 numbers.", "ids"));
        std::vector<NotificationId> list;
        for (const auto& id : *ids) {
            if (!id.is_number_integer() || id.get<std::int64_t>() <= 0)
                return JsonError(Error::Make(Errc::kBadRequest,
                                             "\"ids\" must hold positive whole numbers.", "ids"));
            list.emplace_back(id.get<std::int64_t>());
        }
        unread = services.notifications.MarkRead(ctx.user->id, list);
    } else {
        return JsonError(
            Error::Make(Errc::kBadRequest, "Send {\"ids\": [...]} or {\"all\": true}."));
    }
    if (!unread) return JsonError(unread.error());
    return JsonResponse(200, Json{{"unread", *unread}});
}

http::Response ListConversations(service::Services& services, http::RequestContext& ctx) {
    auto before = IdQuery<MessageId>(ctx.request, "before");
    if (!before) return JsonError(before.error());
    auto list =
        services.messages.Conversations(*ctx.user, *before, service::kConversationListPageSize);
    if (!list) return JsonError(list.error());
    Json items = Json::array();
    for (const auto& c : list->items)
        items.push_back(Json{
            {"with", ToJson(c.other)},
            {"last_message", MessageJson(c.last)},
            {"unread", c.unread},
            {"url", "/api/v1/conversations/" + web::UrlEncode(c.other.username) + "/messages"}});
    return JsonResponse(200, Json{{"conversations", std::move(items)},
                                  {"next_before", list->next ? Json(list->next->value) : Json()},
                                  {"unread", ctx.user->unread_conversations}});
}

// Reading a conversation marks it read, as opening it on the site does.
http::Response ListMessages(service::Services& services, http::RequestContext& ctx) {
    auto before = IdQuery<MessageId>(ctx.request, "before");
    if (!before) return JsonError(before.error());
    auto page = services.messages.Open(*ctx.user, ctx.params.Get("username"), *before,
                                       service::kConversationPageSize);
    if (!page) return JsonError(page.error());
    Json items = Json::array();
    for (const auto& m : page->messages) items.push_back(MessageJson(m));
    return JsonResponse(200, Json{{"with", ToJson(page->other)},
                                  {"messages", std::move(items)},
                                  {"next_before", page->older ? Json(page->older->value) : Json()},
                                  {"you_blocked", page->i_blocked},
                                  {"blocked_you", page->blocked_me}});
}

http::Response SendMessage(service::Services& services, http::RequestContext& ctx) {
    auto body = ParseObject(ctx.request);
    if (!body) return JsonError(body.error());
    auto text = RequiredString(*body, "body");
    if (!text) return JsonError(text.error());
    auto sent = services.messages.Send(*ctx.user, ctx.params.Get("username"), *text);
    if (!sent) return JsonError(sent.error());
    return JsonResponse(201, MessageJson(*sent));
}

http::Response SetBlock(service::Services& services, http::RequestContext& ctx) {
    const bool on = ctx.request.method == "PUT";
    auto user = services.messages.SetBlock(*ctx.user, ctx.params.Get("username"), on);
    if (!user) return JsonError(user.error());
    return JsonResponse(200, Json{{"user", ToJson(*user)}, {"blocked", on}});
}

}  // namespace hoot::api
