// Following hoots, the notification inbox and its settings.

#include "service/notifications.hpp"
#include "web/handlers.hpp"
#include "web/urls.hpp"
#include "web/views/views.hpp"

namespace hoot::web {
namespace {

Error BadPageLink() { return Error::Make(Errc::kBadRequest, "That page link is not valid."); }

// A form's yes/no field: "1" or "0", anything else is a malformed request.
std::optional<bool> FlagField(http::RequestContext& ctx, std::string_view name) {
    std::string value = ctx.FormValue(name);
    if (value == "1") return true;
    if (value == "0") return false;
    return std::nullopt;
}

}  // namespace

http::Response SetFollow(const WebContext& wc, http::RequestContext& ctx) {
    auto id = ParseId<HootId>(ctx.params.Get("id"));
    if (!id)
        return ErrorPage(wc.site, ctx,
                         Error::Make(Errc::kNotFound, "There is no hoot with that number."));
    auto on = FlagField(ctx, "follow");
    if (!on)
        return ErrorPage(wc.site, ctx,
                         Error::Make(Errc::kBadRequest, "Say follow=1 to follow, 0 to stop."));
    auto state = wc.services.notifications.SetFollow(ctx.user->id, *id, *on);
    if (!state) return ErrorPage(wc.site, ctx, state.error());
    auto hoot = wc.services.hoots.Get(*id);
    if (!hoot) return ErrorPage(wc.site, ctx, hoot.error());
    return SeeOther(HootUrl(*id, hoot->slug));
}

http::Response ShowFollowing(const WebContext& wc, http::RequestContext& ctx) {
    std::optional<service::TimeCursor> after;
    if (auto text = ctx.request.QueryParam("after")) {
        after = service::ParseCursor(*text);
        if (!after) return ErrorPage(wc.site, ctx, BadPageLink());
    }
    auto following =
        wc.services.notifications.Following(ctx.user->id, after, service::kFeedPageSize);
    if (!following) return ErrorPage(wc.site, ctx, following.error());
    views::FollowingPage page;
    page.hoots = std::move(following->hoots);
    if (following->next) page.next_url = FollowingPageUrl(service::FormatCursor(*following->next));
    page.now = ctx.now;
    return HtmlPage(wc.site, ctx, PageTitle(wc.site, "Hoots you follow"),
                    views::RenderFollowing(page));
}

http::Response ShowNotifications(const WebContext& wc, http::RequestContext& ctx) {
    std::optional<NotificationId> before;
    if (auto text = ctx.request.QueryParam("before")) {
        before = ParseId<NotificationId>(*text);
        if (!before) return ErrorPage(wc.site, ctx, BadPageLink());
    }
    auto inbox = wc.services.notifications.Inbox(ctx.user->id, before, service::kInboxPageSize);
    if (!inbox) return ErrorPage(wc.site, ctx, inbox.error());
    views::NotificationsPage page;
    page.items = std::move(inbox->items);
    if (inbox->next) page.next_url = NotificationsPageUrl(*inbox->next);
    page.unread = ctx.user->unread_notifications;
    page.csrf_token = ctx.csrf_token;
    page.now = ctx.now;
    return HtmlPage(wc.site, ctx, PageTitle(wc.site, "Notifications"),
                    views::RenderNotifications(page));
}

// Following a notification's link marks it read, then lands on the exact post. A GET that writes:
// the only effect a forged link could have is marking one of the victim's notifications read.
http::Response OpenNotification(const WebContext& wc, http::RequestContext& ctx) {
    auto id = ParseId<NotificationId>(ctx.params.Get("id"));
    if (!id)
        return ErrorPage(wc.site, ctx,
                         Error::Make(Errc::kNotFound, "There is no such notification."));
    auto opened = wc.services.notifications.Open(ctx.user->id, *id);
    if (!opened) return ErrorPage(wc.site, ctx, opened.error());
    return SeeOther(
        PostInThreadUrl(opened->hoot, opened->hoot_slug, opened->post, opened->post_kind));
}

http::Response MarkAllNotificationsRead(const WebContext& wc, http::RequestContext& ctx) {
    auto unread = wc.services.notifications.MarkAllRead(ctx.user->id);
    if (!unread) return ErrorPage(wc.site, ctx, unread.error());
    return SeeOther(std::string(kNotificationsPath));
}

http::Response ShowNotificationSettings(const WebContext& wc, http::RequestContext& ctx) {
    auto prefs = wc.services.notifications.Prefs(ctx.user->id);
    if (!prefs) return ErrorPage(wc.site, ctx, prefs.error());
    views::NotificationSettingsPage page{*prefs, ctx.request.QueryParam("saved").has_value(),
                                         ctx.csrf_token};
    return HtmlPage(wc.site, ctx, PageTitle(wc.site, "Notification settings"),
                    views::RenderNotificationSettings(page));
}

http::Response SaveNotificationSettings(const WebContext& wc, http::RequestContext& ctx) {
    NotificationPrefs prefs;
    prefs.mask = 0;
    prefs.follow_on_comment = false;
    for (const auto& [name, value] : ctx.Form()) {
        if (name == "follow_on_comment") {
            prefs.follow_on_comment = value == "1";
        } else if (name == "notify") {
            auto kind = ParseNotificationKind(value);
            if (!kind)
                return ErrorPage(
                    wc.site, ctx,
                    Error::Make(Errc::kBadRequest, "There is no notification kind called that."));
            prefs.Set(*kind, true);
        }
    }
    auto saved = wc.services.notifications.SetPrefs(ctx.user->id, prefs);
    if (!saved) return ErrorPage(wc.site, ctx, saved.error());
    return SeeOther(std::string(kNotificationSettingsPath) + "?saved=1");
}

}  // namespace hoot::web
