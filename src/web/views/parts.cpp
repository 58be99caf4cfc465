#include "web/views/parts.hpp"

#include "domain/popularity.hpp"
#include "domain/validation.hpp"
#include "render/time_format.hpp"
#include "web/urls.hpp"

namespace hoot::web::views {

using render::Html;

void AppendAuthorLink(Html& html, const AuthorRef& author) {
    const std::string& name = author.display_name.empty() ? author.username : author.display_name;
    html.Raw("<a class=\"author\" href=\"")
        .Attr(UserUrl(author.username))
        .Raw("\">")
        .Text(name)
        .Raw("</a>");
}

namespace {

// The first character (a whole UTF-8 sequence) of `name`, ASCII letters upper-cased.
std::string Initial(std::string_view name) {
    if (name.empty()) return "?";
    auto lead = static_cast<unsigned char>(name[0]);
    std::size_t length = lead < 0x80    ? 1
                         : lead >= 0xF0 ? 4
                         : lead >= 0xE0 ? 3
                         : lead >= 0xC0 ? 2
                                        : 1;
    std::string initial(name.substr(0, std::min(length, name.size())));
    if (length == 1) initial[0] = static_cast<char>(std::toupper(lead));
    return initial;
}

// One of the eight fallback colours (.avatar-c0 … .avatar-c7 in hoot.css), stable per username.
std::string ColourClass(std::string_view username) {
    std::uint32_t hash = 2166136261u;  // FNV-1a
    for (char c : username) hash = (hash ^ static_cast<unsigned char>(c)) * 16777619u;
    return "avatar-c" + std::to_string(hash % 8);
}

}  // namespace

void AppendAvatar(Html& html, const AvatarOf& person, AvatarSize size, bool labelled) {
    const std::string_view name =
        person.display_name.empty() ? person.username : person.display_name;
    const int pixels = size == AvatarSize::kSmall ? 24 : size == AvatarSize::kMedium ? 40 : 128;
    const std::string size_class = size == AvatarSize::kSmall    ? "avatar-sm"
                                   : size == AvatarSize::kMedium ? "avatar-md"
                                                                 : "avatar-lg";
    if (!person.hash.empty()) {
        html.Raw("<img class=\"avatar ")
            .Attr(size_class)
            .Raw("\" src=\"")
            .Attr(AvatarUrl(person.id, person.hash))
            .Raw("\" width=\"")
            .Number(pixels)
            .Raw("\" height=\"")
            .Number(pixels);
        if (labelled) {
            html.Raw("\" alt=\"Avatar of ").Attr(name).Raw("\">");
        } else {
            html.Raw("\" alt=\"\" loading=\"lazy\" decoding=\"async\">");
        }
        return;
    }
    html.Raw("<span class=\"avatar avatar-initial ")
        .Attr(size_class + " " + ColourClass(person.username));
    if (labelled) {
        html.Raw("\" role=\"img\" aria-label=\"Avatar of ").Attr(name).Raw("\">");
    } else {
        html.Raw("\" aria-hidden=\"true\">");
    }
    html.Text(Initial(name)).Raw("</span>");
}

void AppendAvatar(Html& html, const AuthorRef& author, AvatarSize size) {
    AppendAvatar(
        html, AvatarOf{author.id, author.username, author.display_name, author.avatar_hash}, size);
}

void AppendTime(Html& html, UnixSeconds t, UnixSeconds now) {
    html.Raw("<time datetime=\"")
        .Attr(render::IsoTime(t))
        .Raw("\" title=\"")
        .Attr(render::ExactTime(t))
        .Raw("\">")
        .Text(render::RelativeTime(t, now))
        .Raw("</time>");
}

void AppendPopularity(Html& html, const ReactionTally& tally) {
    // The text inside each span stays whole ("10% popularity"), as on the reference page, so
    // hoot.js replaces a span's text rather than splicing numbers into it.
    html.Raw("<p class=\"pop\" data-popularity><span class=\"popularity-value\">")
        .Number(PopularityPercent(tally))
        .Raw("% popularity</span> <span class=\"reactions-total\">")
        .Number(tally.total())
        .Raw(" Reactions</span></p>");
}

void AppendTags(Html& html, const std::vector<std::string>& tags) {
    if (tags.empty()) return;
    html.Raw("<ul class=\"tags\" aria-label=\"Tags\">");
    for (const std::string& tag : tags) {
        html.Raw("<li><a rel=\"tag\" href=\"")
            .Attr(TagUrl(tag))
            .Raw("\">")
            .Text(tag)
            .Raw("</a></li>");
    }
    html.Raw("</ul>");
}

void AppendCount(Html& html, std::int64_t count, render::Markup one, render::Markup many) {
    html.Number(count).Raw(" ").Raw(count == 1 ? one : many);
}

void AppendTagExcerpt(Html& html, std::string_view tag, std::string_view excerpt,
                      std::string_view site) {
    if (excerpt.empty()) return;
    // The excerpt is the source site's writing (CC BY-SA): it is credited with a plain link.
    html.Raw("<p class=\"tag-excerpt\">")
        .Text(excerpt)
        .Raw(" <span class=\"source\">(from <a href=\"")
        .Attr(StackExchangeTagUrl(site, tag))
        .Raw("\">")
        .Text(site)
        .Raw("</a>)</span></p>");
}

void AppendHootSummary(Html& html, const HootSummary& hoot, UnixSeconds now, int heading_level) {
    html.Raw("<article class=\"summary\">");
    // The heading tag is chosen at run time, so each literal is written out (Raw takes literals).
    const bool h2 = heading_level <= 2;
    if (h2) {
        html.Raw("<h2>");
    } else {
        html.Raw("<h3>");
    }
    html.Raw("<a href=\"").Attr(HootUrl(hoot.id, hoot.slug)).Raw("\">").Text(hoot.title);
    if (h2) {
        html.Raw("</a></h2>");
    } else {
        html.Raw("</a></h3>");
    }
    if (!hoot.excerpt.empty()) html.Raw("<p class=\"excerpt\">").Text(hoot.excerpt).Raw("</p>");
    AppendTags(html, hoot.tags);
    html.Raw("<p class=\"meta\">");
    AppendAvatar(html, hoot.author, AvatarSize::kSmall);
    html.Raw(" ");
    AppendAuthorLink(html, hoot.author);
    html.Raw(" <span aria-hidden=\"true\">·</span> ");
    AppendTime(html, hoot.created_at, now);
    html.Raw(" <span aria-hidden=\"true\">·</span> ");
    AppendCount(html, hoot.comment_count, "comment", "comments");
    html.Raw(" <span aria-hidden=\"true\">·</span> ")
        .Number(PopularityPercent(hoot.reactions))
        .Raw("% popularity</p></article>");
}

void AppendJsonLd(Html& html, const render::ScriptJson& json) {
    html.Raw("<script type=\"application/ld+json\">").JsonForScript(json.str()).Raw("</script>");
}

void AppendCsrf(Html& html, std::string_view token) {
    html.Raw("<input type=\"hidden\" name=\"csrf\" value=\"").Attr(token).Raw("\">");
}

namespace {

// Opens the control's tag up to (not including) its closing '>' or its content.
void AppendControlOpening(Html& html, const FieldSpec& field, std::string_view id) {
    switch (field.kind) {
        case FieldKind::kTextarea:
            html.Raw("<textarea");
            break;
        case FieldKind::kPassword:
            html.Raw("<input type=\"password\"");
            break;
        case FieldKind::kText:
            html.Raw("<input type=\"text\"");
            break;
    }
    html.Raw(" id=\"").Attr(id).Raw("\" name=\"").Attr(field.name).Raw("\"");
    if (field.kind == FieldKind::kTextarea) html.Raw(" rows=\"").Number(field.rows).Raw("\"");
    if (!field.autocomplete.empty()) {
        html.Raw(" autocomplete=\"").Attr(field.autocomplete).Raw("\"");
    }
    if (field.min_length > 0) {
        html.Raw(" minlength=\"").Number(static_cast<std::int64_t>(field.min_length)).Raw("\"");
    }
    if (field.max_length > 0) {
        html.Raw(" maxlength=\"").Number(static_cast<std::int64_t>(field.max_length)).Raw("\"");
    }
    if (!field.placeholder.empty()) {
        html.Raw(" placeholder=\"").Attr(field.placeholder).Raw("\"");
    }
    if (field.required) html.Raw(" required");
}

}  // namespace

void AppendField(Html& html, const FieldSpec& field, const FormErrors& errors) {
    const std::string id =
        field.id.empty() ? "f-" + std::string(field.name) : std::string(field.id);
    const std::string* error = errors.For(field.name);

    if (error) {
        html.Raw("<div class=\"field has-error\">");
    } else {
        html.Raw("<div class=\"field\">");
    }
    html.Raw("<label for=\"").Attr(id).Raw("\">").Raw(field.label).Raw("</label>");
    if (!field.hint.empty()) {
        html.Raw("<p class=\"hint\" id=\"").Attr(id).Raw("-hint\">").Text(field.hint).Raw("</p>");
    }
    if (error) {
        html.Raw("<p class=\"error\" id=\"").Attr(id).Raw("-error\">").Text(*error).Raw("</p>");
    }

    AppendControlOpening(html, field, id);
    if (!field.hint.empty() || error) {
        html.Raw(" aria-describedby=\"");
        if (!field.hint.empty()) html.Attr(id).Raw("-hint");
        if (!field.hint.empty() && error) html.Raw(" ");
        if (error) html.Attr(id).Raw("-error");
        html.Raw("\"");
    }
    if (error) html.Raw(" aria-invalid=\"true\"");

    if (field.kind == FieldKind::kTextarea) {
        // The HTML parser drops one newline right after <textarea>; writing one keeps a value
        // that itself starts with a newline intact.
        html.Raw(">\n").Text(field.value).Raw("</textarea>");
    } else if (field.kind == FieldKind::kPassword) {
        // Passwords are never sent back to the browser, even when the form failed.
        html.Raw(">");
    } else {
        html.Raw(" value=\"").Attr(field.value).Raw("\">");
    }
    html.Raw("</div>");
}

void AppendErrorSummary(Html& html, const FormErrors& errors) {
    if (errors.empty()) return;
    html.Raw("<div class=\"error-summary\" role=\"alert\">");
    if (!errors.general.empty()) html.Raw("<p>").Text(errors.general).Raw("</p>");
    if (!errors.fields.empty()) {
        html.Raw("<ul>");
        for (const auto& [name, message] : errors.fields) {
            html.Raw("<li><a href=\"#f-").Attr(name).Raw("\">").Text(message).Raw("</a></li>");
        }
        html.Raw("</ul>");
    }
    html.Raw("</div>");
}

void AppendPostFields(Html& html, std::string_view title, std::string_view body,
                      std::string_view tags, bool is_hoot, const FormErrors& errors) {
    if (is_hoot) {
        const std::string title_hint = "What is your question or topic? " +
                                       std::to_string(kMinTitle) + "–" + std::to_string(kMaxTitle) +
                                       " characters.";
        AppendField(html,
                    {.name = "title",
                     .label = "Title",
                     .value = title,
                     .hint = title_hint,
                     .max_length = kMaxTitle,
                     .required = true},
                    errors);
    }
    AppendField(html,
                {.name = "body",
                 .label = "Body",
                 .value = body,
                 .kind = FieldKind::kTextarea,
                 .hint = "Markdown: **bold**, _italic_, `code`, [link](https://example.org), "
                         "lists and tables.",
                 .required = true,
                 .rows = is_hoot ? 14 : 8},
                errors);
    if (is_hoot) {
        const std::string tags_hint = "up to " + std::to_string(kMaxTags) + ", separated by spaces";
        AppendField(html, {.name = "tags", .label = "Tags", .value = tags, .hint = tags_hint},
                    errors);
    }
}

}  // namespace hoot::web::views
