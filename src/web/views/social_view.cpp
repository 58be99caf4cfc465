// The follow control, the profile's person actions, and the list of followed hoots.

#include "web/views/social_view.hpp"

#include "web/urls.hpp"
#include "web/views/parts.hpp"
#include "web/views/views.hpp"

namespace hoot::web::views {

using render::Html;
using render::Markup;

void AppendFollowControl(Html& html, const ThreadPage& page) {
    const std::int64_t followers = page.hoot.follower_count;
    if (!page.signed_in) {
        html.Raw("<p class=\"follow\"><a href=\"")
            .Attr(LoginUrl(page.path))
            .Raw("\">Login to follow hoots</a> <span class=\"followers\">");
        AppendCount(html, followers, "follower", "followers");
        html.Raw("</span></p>");
        return;
    }
    // One form; the hidden field says what pressing the button does. hoot.js sends the same
    // change to the API (data-api) and swaps the label and count in place.
    html.Raw("<form class=\"follow follow-form\" method=\"post\" action=\"")
        .Attr(FollowUrl(page.hoot.id))
        .Raw("\">");
    AppendCsrf(html, page.csrf_token);
    html.Raw("<input type=\"hidden\" name=\"follow\" value=\"")
        .Raw(page.following ? Markup("0") : Markup("1"))
        .Raw("\"><button type=\"submit\" aria-pressed=\"")
        .Raw(page.following ? Markup("true") : Markup("false"))
        .Raw("\" data-api=\"")
        .Attr(ApiFollowUrl(page.hoot.id))
        .Raw("\">")
        .Raw(page.following ? Markup("Following") : Markup("Follow"))
        .Raw("</button> <span class=\"followers\">");
    AppendCount(html, followers, "follower", "followers");
    html.Raw("</span></form>");
}

void AppendPersonActions(Html& html, const ProfilePage& page) {
    if (!page.signed_in || page.is_self) return;
    const std::string& name = page.user.username;
    html.Raw("<div class=\"person-actions\">");
    if (!page.blocked) {
        html.Raw("<a class=\"button\" href=\"")
            .Attr(ConversationUrl(name))
            .Raw("\">Send a message</a>");
    }
    html.Raw("<form method=\"post\" action=\"").Attr(BlockUrl(name)).Raw("\">");
    AppendCsrf(html, page.csrf_token);
    if (page.blocked) {
        html.Raw("<input type=\"hidden\" name=\"block\" value=\"0\">")
            .Raw("<button type=\"submit\">Unblock</button>");
    } else {
        html.Raw("<input type=\"hidden\" name=\"block\" value=\"1\">")
            .Raw("<button type=\"submit\" class=\"danger\">Block</button>");
    }
    html.Raw("</form></div>");
}

Html RenderFollowing(const FollowingPage& page) {
    Html html(1024 + page.hoots.size() * 768);
    html.Raw("<h1>Hoots you follow</h1>");
    if (page.hoots.empty()) {
        html.Raw("<p class=\"empty\">You follow no hoots yet. Hoots you write or comment on are ")
            .Raw("followed for you; the Follow button on any hoot adds it here.</p>");
        return html;
    }
    html.Raw("<ol class=\"feed\">");
    for (const HootSummary& hoot : page.hoots) {
        html.Raw("<li>");
        AppendHootSummary(html, hoot, page.now, 2);
        html.Raw("</li>");
    }
    html.Raw("</ol>");
    if (!page.next_url.empty()) {
        html.Raw("<nav class=\"pager\" aria-label=\"Pages\"><a rel=\"next\" href=\"")
            .Attr(page.next_url)
            .Raw("\">Next page</a></nav>");
    }
    return html;
}

}  // namespace hoot::web::views
