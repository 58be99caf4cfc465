// A person's public profile and the editor for their own.

#include <string>

#include "domain/validation.hpp"
#include "web/urls.hpp"
#include "web/views/parts.hpp"
#include "web/views/social_view.hpp"
#include "web/views/views.hpp"

namespace hoot::web::views {

using render::Html;

Html RenderProfile(const ProfilePage& page) {
    const User& user = page.user;
    Html html(4096 + user.bio_html.size() + page.hoots.size() * 768);
    html.Raw("<article class=\"profile\"><header><h1>")
        .Text(user.display_name.empty() ? user.username : user.display_name)
        .Raw("</h1><p class=\"handle\">@")
        .Text(user.username)
        .Raw("</p></header>");
    if (!user.bio_html.empty()) {
        html.Raw("<div class=\"body bio\">").TrustedStored(user.bio_html).Raw("</div>");
    }
    html.Raw("<p class=\"meta\">Joined ");
    AppendTime(html, user.created_at, page.now);
    html.Raw(" <span aria-hidden=\"true\">·</span> ");
    AppendCount(html, user.hoot_count, "hoot", "hoots");
    html.Raw(" <span aria-hidden=\"true\">·</span> ");
    AppendCount(html, user.comment_count, "comment", "comments");
    html.Raw("</p>");
    if (page.is_self) {
        html.Raw("<p><a href=\"").Attr(kEditProfilePath).Raw("\">Edit profile</a></p>");
    }
    AppendPersonActions(html, page);
    html.Raw("</article><section class=\"profile-hoots\" aria-labelledby=\"hoots-heading\">")
        .Raw("<h2 id=\"hoots-heading\">Hoots</h2>");
    if (page.hoots.empty()) {
        html.Raw("<p class=\"empty\">No hoots yet.</p>");
    } else {
        html.Raw("<ol class=\"feed\">");
        for (const HootSummary& hoot : page.hoots) {
            html.Raw("<li>");
            AppendHootSummary(html, hoot, page.now, 3);
            html.Raw("</li>");
        }
        html.Raw("</ol>");
    }
    html.Raw("</section>");
    return html;
}

Html RenderProfileEdit(const ProfileEditPage& page) {
    Html html(4096 + page.bio.size());
    html.Raw("<h1>Edit profile</h1><p class=\"meta\"><a href=\"")
        .Attr(kNotificationSettingsPath)
        .Raw("\">Notification settings</a></p>");
    if (page.saved) html.Raw("<p class=\"saved\" role=\"status\">Saved.</p>");
    html.Raw("<form class=\"form\" method=\"post\" action=\"").Attr(kEditProfilePath).Raw("\">");
    AppendCsrf(html, page.csrf_token);
    AppendErrorSummary(html, page.errors);
    const std::string name_hint = "Shown instead of your username @" + page.username +
                                  "; leave empty to use it. Up to " +
                                  std::to_string(kMaxDisplayName) + " characters.";
    AppendField(html,
                {.name = "display_name",
                 .label = "Display name",
                 .value = page.display_name,
                 .hint = name_hint,
                 .autocomplete = "nickname",
                 .max_length = kMaxDisplayName},
                page.errors);
    const std::string bio_hint =
        "About you, in Markdown. Up to " + std::to_string(kMaxBio) + " characters.";
    AppendField(html,
                {.name = "bio",
                 .label = "Bio",
                 .value = page.bio,
                 .kind = FieldKind::kTextarea,
                 .hint = bio_hint,
                 .rows = 8},
                page.errors);
    html.Raw("<button type=\"submit\">Save</button></form><p><a href=\"")
        .Attr(UserUrl(page.username))
        .Raw("\">View your profile</a></p>");
    return html;
}

}  // namespace hoot::web::views
