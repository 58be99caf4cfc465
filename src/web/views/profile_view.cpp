// A person's public profile and the editor for their own.

#include <string>

#include "domain/popularity.hpp"
#include "domain/validation.hpp"
#include "render/avatar_image.hpp"
#include "web/urls.hpp"
#include "web/views/parts.hpp"
#include "web/views/social_view.hpp"
#include "web/views/views.hpp"

namespace hoot::web::views {

using render::Html;

namespace {

void AppendComments(Html& html, const ProfilePage& page) {
    html.Raw("<section class=\"profile-comments\" aria-labelledby=\"comments-heading\">")
        .Raw("<h2 id=\"comments-heading\">Comments</h2>");
    if (page.comments.empty()) {
        if (page.comments_paged) {
            html.Raw("<p class=\"empty\">No more comments.</p></section>");
        } else {
            html.Raw("<p class=\"empty\">No comments yet.</p></section>");
        }
        return;
    }
    html.Raw("<ol class=\"feed comments-list\">");
    for (const auto& comment : page.comments) {
        html.Raw("<li><article class=\"summary\"><h3>On <a href=\"")
            .Attr(HootUrl(comment.hoot, comment.hoot_slug) + "#" + CommentAnchor(comment.id))
            .Raw("\">")
            .Text(comment.hoot_title)
            .Raw("</a></h3>");
        if (!comment.excerpt.empty())
            html.Raw("<p class=\"excerpt\">").Text(comment.excerpt).Raw("</p>");
        html.Raw("<p class=\"meta\">");
        AppendTime(html, comment.created_at, page.now);
        html.Raw(" <span aria-hidden=\"true\">·</span> ")
            .Number(PopularityPercent(comment.reactions))
            .Raw("% popularity</p></article></li>");
    }
    html.Raw("</ol>");
    if (!page.next_comments_url.empty()) {
        html.Raw("<nav class=\"pager\" aria-label=\"More comments\"><a rel=\"next\" href=\"")
            .Attr(page.next_comments_url)
            .Raw("\">More comments</a></nav>");
    }
    html.Raw("</section>");
}

}  // namespace

Html RenderProfile(const ProfilePage& page) {
    const User& user = page.user;
    Html html(4096 + user.bio_html.size() + page.hoots.size() * 768);
    html.Raw("<article class=\"profile\"><header>");
    AppendAvatar(html, AvatarOf{user.id, user.username, user.display_name, user.avatar_hash},
                 AvatarSize::kLarge, true);
    html.Raw("<div><h1>")
        .Text(user.display_name.empty() ? user.username : user.display_name)
        .Raw("</h1><p class=\"handle\">@")
        .Text(user.username)
        .Raw("</p></div></header>");
    if (!user.bio_html.empty()) {
        html.Raw("<div class=\"body bio\">").TrustedStored(user.bio_html).Raw("</div>");
    }
    if (!user.website.empty()) {
        // rel=ugc nofollow: the address is the person's own claim, not the site's endorsement.
        html.Raw("<p class=\"website\"><a rel=\"ugc nofollow noopener\" href=\"")
            .Attr(user.website)
            .Raw("\">")
            .Text(user.website)
            .Raw("</a></p>");
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
    if (!page.more_hoots_url.empty()) {
        html.Raw("<nav class=\"pager\" aria-label=\"More hoots\"><a rel=\"next\" href=\"")
            .Attr(page.more_hoots_url)
            .Raw("\">More hoots</a></nav>");
    }
    html.Raw("</section>");
    AppendComments(html, page);
    return html;
}

namespace {

// A form of its own: changing the password needs the current one, and signs out every other
// session, so it is not mixed into the profile's fields.
void AppendPasswordForm(Html& html, const ProfileEditPage& page) {
    html.Raw("<section class=\"password\" aria-labelledby=\"password-heading\">")
        .Raw("<h2 id=\"password-heading\">Change password</h2>");
    if (page.password_changed) {
        html.Raw(
            "<p class=\"saved\" role=\"status\">Password changed. Your other sessions "
            "are signed out.</p>");
    }
    html.Raw("<form class=\"form\" method=\"post\" action=\"").Attr(kChangePasswordPath).Raw("\">");
    AppendCsrf(html, page.csrf_token);
    AppendErrorSummary(html, page.password_errors);
    AppendField(html,
                {.name = "current_password",
                 .label = "Current password",
                 .kind = FieldKind::kPassword,
                 .autocomplete = "current-password",
                 .required = true},
                page.password_errors);
    const std::string hint = "At least " + std::to_string(kMinPassword) +
                             " characters. Your other sessions will be signed out.";
    AppendField(html,
                {.name = "new_password",
                 .label = "New password",
                 .kind = FieldKind::kPassword,
                 .hint = hint,
                 .autocomplete = "new-password",
                 .min_length = kMinPassword,
                 .required = true},
                page.password_errors);
    html.Raw("<button type=\"submit\">Change password</button></form></section>");
}

// The current avatar, a file input and a "Remove avatar" box. The picture is checked on the
// server by its content; `accept` only narrows the browser's file chooser.
void AppendAvatarField(Html& html, const ProfileEditPage& page) {
    const std::string* error = page.errors.For("avatar");
    if (error) {
        html.Raw("<fieldset class=\"avatar-field field has-error\">");
    } else {
        html.Raw("<fieldset class=\"avatar-field field\">");
    }
    html.Raw("<legend>Avatar</legend><div class=\"current\">");
    AppendAvatar(html, AvatarOf{page.user_id, page.username, page.display_name, page.avatar_hash},
                 AvatarSize::kLarge, true);
    if (page.avatar_hash.empty()) {
        html.Raw("<p class=\"hint\">No picture yet: your initial is shown.</p>");
    } else {
        html.Raw("<label><input type=\"checkbox\" name=\"remove_avatar\" value=\"1\"");
        if (page.remove_avatar) html.Raw(" checked");
        html.Raw("> Remove avatar</label>");
    }
    html.Raw("</div><label for=\"f-avatar\">New picture</label>")
        .Raw(
            "<p class=\"hint\" id=\"f-avatar-hint\">A PNG, JPEG or WebP file of at most 2 MB. "
            "It is cropped to a square from its centre. Choosing one replaces the current "
            "picture.</p>");
    if (error) html.Raw("<p class=\"error\" id=\"f-avatar-error\">").Text(*error).Raw("</p>");
    // hoot.js refuses a file over data-max-bytes before the form is sent (a phone photo would
    // otherwise travel in full only to be refused).
    html.Raw(
            "<input type=\"file\" id=\"f-avatar\" name=\"avatar\" "
            "accept=\"image/png,image/jpeg,image/webp\" data-max-bytes=\"")
        .Number(static_cast<std::int64_t>(render::kMaxAvatarUploadBytes))
        .Raw("\" aria-describedby=\"f-avatar-hint");
    if (error)
        html.Raw(" f-avatar-error\" aria-invalid=\"true\">");
    else
        html.Raw("\">");
    html.Raw("</fieldset>");
}

}  // namespace

Html RenderProfileEdit(const ProfileEditPage& page) {
    Html html(4096 + page.bio.size());
    html.Raw("<h1>Edit profile</h1><p class=\"meta\"><a href=\"")
        .Attr(kNotificationSettingsPath)
        .Raw("\">Notification settings</a></p>");
    if (page.saved) html.Raw("<p class=\"saved\" role=\"status\">Saved.</p>");
    html.Raw("<form class=\"form\" method=\"post\" enctype=\"multipart/form-data\" action=\"")
        .Attr(kEditProfilePath)
        .Raw("\">");
    AppendCsrf(html, page.csrf_token);
    AppendErrorSummary(html, page.errors);
    AppendAvatarField(html, page);
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
    AppendField(html,
                {.name = "website",
                 .label = "Website",
                 .value = page.website,
                 .hint = "An address starting with http:// or https://; leave empty for none.",
                 .autocomplete = "url",
                 .max_length = kMaxWebsite},
                page.errors);
    html.Raw("<button type=\"submit\">Save</button></form>");
    AppendPasswordForm(html, page);
    html.Raw("<p><a href=\"").Attr(UserUrl(page.username)).Raw("\">View your profile</a></p>");
    return html;
}

}  // namespace hoot::web::views
