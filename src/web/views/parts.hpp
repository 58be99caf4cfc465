#pragma once
// Pieces several views share, so the same thing looks and reads the same on every page: author
// links, times, the popularity line, tags, feed entries and form fields. Pure functions that
// append to a builder; thread-safe.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "domain/model.hpp"
#include "render/html.hpp"
#include "render/script_json.hpp"
#include "web/views/view_models.hpp"

namespace hoot::web::views {

// The author's display name (the username when they set none), linking to their profile.
void AppendAuthorLink(render::Html& html, const AuthorRef& author);

enum class AvatarSize {
    kSmall,   // 24 px: feed entries
    kMedium,  // 40 px: authors of posts in a thread
    kLarge,   // 128 px: the profile and the profile editor
};

struct AvatarOf {
    UserId id;
    std::string_view username;
    std::string_view display_name;  // "" shows the username's initial
    std::string_view hash;          // "" when the person has no avatar
};

// The person's avatar (a content-hash URL, cached for ever), or when they have none their
// initial on a colour chosen from their username: HTML and CSS only, no image request. Beside
// their linked name it is decorative (alt="", hidden from screen readers, which would otherwise
// read the name twice); with `labelled` it stands alone and is named ("Avatar of Alice").
void AppendAvatar(render::Html& html, const AvatarOf& person, AvatarSize size,
                  bool labelled = false);
void AppendAvatar(render::Html& html, const AuthorRef& author, AvatarSize size);

// <time datetime="{IsoTime}" title="{ExactTime}">{RelativeTime(t, now)}</time>
void AppendTime(render::Html& html, UnixSeconds t, UnixSeconds now);

// "10% popularity 0 Reactions": the line every hoot and comment carries (wording of the
// reference page, which does not singularise "Reactions"). Each half sits in its own span
// (popularity-value, reactions-total) whose whole text hoot.js rewrites after a reaction.
void AppendPopularity(render::Html& html, const ReactionTally& tally);

// A list of links to each tag's page; nothing at all when there are no tags.
void AppendTags(render::Html& html, const std::vector<std::string>& tags);

// "1 hoot", "2 hoots": `one` and `many` are the nouns.
void AppendCount(render::Html& html, std::int64_t count, render::Markup one, render::Markup many);
// A tag's excerpt, credited to the Stack Exchange site it was imported from; nothing when empty.
void AppendTagExcerpt(render::Html& html, std::string_view tag, std::string_view excerpt,
                      std::string_view site);

// One entry of a list of hoots (feed, profile): title link, excerpt, tags, author, time,
// comment count and popularity. `heading_level` (2 or 3) keeps the page's headings in order.
void AppendHootSummary(render::Html& html, const HootSummary& hoot, UnixSeconds now,
                       int heading_level);

// The hidden input every POST form carries; the CSRF middleware reads the field named "csrf".
void AppendCsrf(render::Html& html, std::string_view token);

// <script type="application/ld+json">{json}</script>; ScriptJson's escaping means user text in it
// can never close the element.
void AppendJsonLd(render::Html& html, const render::ScriptJson& json);

enum class FieldKind { kText, kPassword, kTextarea };

// One labelled form control. Its id is "f-{name}", so error summaries can link to it; names are
// unique on every page that has one form. Pages with a form per post (the thread) give each
// control its own `id` instead.
struct FieldSpec {
    std::string_view name;  // the form field name, also the key of its errors
    render::Markup label;
    std::string_view value{};  // what the person typed, kept when the form comes back with errors
    FieldKind kind = FieldKind::kText;
    std::string_view hint{};          // plain text shown under the label; empty: none
    std::string_view autocomplete{};  // empty: browser default
    std::size_t min_length = 0;       // 0: no attribute
    std::size_t max_length = 0;       // 0: no attribute
    bool required = false;
    int rows = 8;                    // textareas only
    std::string_view id{};           // empty: "f-{name}"
    std::string_view placeholder{};  // empty: none
};

// Label, hint, the field's error message (if any) and the control, in that order, with
// aria-describedby and aria-invalid so screen readers announce the hint and the error.
void AppendField(render::Html& html, const FieldSpec& field, const FormErrors& errors);

// The fields of a post's text: title, body (Markdown) and tags for a hoot; the body alone for a
// comment. Shared by the composer and the edit form so both explain the same rules.
void AppendPostFields(render::Html& html, std::string_view title, std::string_view body,
                      std::string_view tags, bool is_hoot, const FormErrors& errors);

// When there are errors: a box at the top of the form with the general message and a link to
// each field in error, so nothing the handler reported goes unshown. Nothing otherwise.
void AppendErrorSummary(render::Html& html, const FormErrors& errors);

}  // namespace hoot::web::views
