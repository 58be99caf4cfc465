// The notification inbox (grouped by hoot) and the notification preferences.

#include <algorithm>

#include "web/urls.hpp"
#include "web/views/parts.hpp"
#include "web/views/views.hpp"

namespace hoot::web::views {

using render::Html;
using render::Markup;

std::string DescribeNotification(const Notification& n) {
    const std::string& who = n.actor.display_name.empty() ? n.actor.username : n.actor.display_name;
    const bool on_hoot = n.post_kind == PostKind::kHoot;
    std::string what;
    switch (n.kind) {
        case NotificationKind::kComment:
            what = " commented on ";
            break;
        case NotificationKind::kUpdate:
            what = on_hoot ? " added an update to " : " updated their comment on ";
            break;
        case NotificationKind::kReaction:
            what = on_hoot ? " reacted to your hoot " : " reacted to your comment on ";
            break;
        case NotificationKind::kReply:
            what = on_hoot ? " replied to your hoot " : " replied to your comment on ";
            break;
        case NotificationKind::kMention:
            what = " mentioned you in ";
            break;
    }
    return who + what + "\u201c" + n.hoot_title + "\u201d";
}

namespace {

void AppendItem(Html& html, const Notification& n, UnixSeconds now) {
    html.Raw("<li class=\"notification").Raw(n.read ? Markup("\">") : Markup(" unread\">"));
    html.Raw("<a href=\"").Attr(NotificationUrl(n.id)).Raw("\">").Text(DescribeNotification(n));
    if (!n.read) html.Raw(" <span class=\"visually-hidden\">(unread)</span>");
    html.Raw("</a> ");
    AppendTime(html, n.created_at, now);
    html.Raw("</li>");
}

}  // namespace

Html RenderNotifications(const NotificationsPage& page) {
    Html html(2048 + page.items.size() * 512);
    html.Raw("<h1>Notifications</h1><div class=\"inbox-actions\">");
    if (page.unread > 0) {
        html.Raw("<form method=\"post\" action=\"").Attr(kReadAllNotificationsPath).Raw("\">");
        AppendCsrf(html, page.csrf_token);
        html.Raw("<button type=\"submit\">Mark all read</button></form>");
    }
    html.Raw("<a href=\"")
        .Attr(kNotificationSettingsPath)
        .Raw("\">Notification settings</a> <a href=\"")
        .Attr(kFollowingPath)
        .Raw("\">Hoots you follow</a></div>");
    if (page.items.empty()) {
        html.Raw("<p class=\"empty\">Nothing yet. You will hear here of new comments and updates ")
            .Raw("on hoots you follow, reactions and replies to your posts, and mentions.</p>");
        return html;
    }
    // Grouped by hoot, in the order each hoot's newest notification arrived: several comments on
    // one hoot read as one conversation rather than a wall of lines.
    std::vector<std::int64_t> order;
    for (const Notification& n : page.items)
        if (std::find(order.begin(), order.end(), n.hoot.value) == order.end())
            order.push_back(n.hoot.value);
    html.Raw("<div class=\"inbox\">");
    for (std::int64_t hoot : order) {
        const Notification* first = nullptr;
        std::size_t count = 0;
        for (const Notification& n : page.items) {
            if (n.hoot.value != hoot) continue;
            if (!first) first = &n;
            ++count;
        }
        html.Raw("<section class=\"inbox-group\"><h2><a href=\"")
            .Attr(HootUrl(first->hoot, first->hoot_slug))
            .Raw("\">")
            .Text(first->hoot_title)
            .Raw("</a>");
        if (count > 1)
            html.Raw(" <span class=\"group-count\">")
                .Number(static_cast<std::int64_t>(count))
                .Raw(" notifications</span>");
        html.Raw("</h2><ul>");
        for (const Notification& n : page.items)
            if (n.hoot.value == hoot) AppendItem(html, n, page.now);
        html.Raw("</ul></section>");
    }
    html.Raw("</div>");
    if (!page.next_url.empty()) {
        html.Raw("<nav class=\"pager\" aria-label=\"Pages\"><a rel=\"next\" href=\"")
            .Attr(page.next_url)
            .Raw("\">Older notifications</a></nav>");
    }
    return html;
}

Html RenderNotificationSettings(const NotificationSettingsPage& page) {
    Html html(2048);
    html.Raw("<h1>Notification settings</h1>");
    if (page.saved) html.Raw("<p class=\"notice\" role=\"status\">Saved.</p>");
    html.Raw("<form class=\"settings\" method=\"post\" action=\"")
        .Attr(kNotificationSettingsPath)
        .Raw("\">");
    AppendCsrf(html, page.csrf_token);
    html.Raw("<fieldset><legend>Tell me about</legend>");
    for (NotificationKind kind : kNotificationKinds) {
        const std::string key(NotificationKindKey(kind));
        html.Raw("<p><label><input type=\"checkbox\" name=\"notify\" value=\"").Attr(key).Raw("\"");
        if (page.prefs.Wants(kind)) html.Raw(" checked");
        html.Raw("> ").Text(NotificationKindLabel(kind)).Raw("</label></p>");
    }
    html.Raw("</fieldset><fieldset><legend>Following</legend>")
        .Raw("<p><label><input type=\"checkbox\" name=\"follow_on_comment\" value=\"1\"");
    if (page.prefs.follow_on_comment) html.Raw(" checked");
    html.Raw("> Follow hoots I comment on</label></p></fieldset>")
        .Raw("<button type=\"submit\">Save settings</button></form>");
    return html;
}

}  // namespace hoot::web::views
