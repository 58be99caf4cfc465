// The composer: a new hoot's title, Markdown body and tags.

#include <string>

#include "domain/validation.hpp"
#include "web/urls.hpp"
#include "web/views/parts.hpp"
#include "web/views/views.hpp"

namespace hoot::web::views {

using render::Html;

Html RenderComposer(const ComposerPage& page) {
    Html html(4096 + page.body.size());
    html.Raw("<h1>New Post</h1><form class=\"form composer\" method=\"post\" action=\"")
        .Attr(kCreateHootPath)
        .Raw("\">");
    AppendCsrf(html, page.csrf_token);
    AppendErrorSummary(html, page.errors);

    const std::string title_hint = "What is your question or topic? " + std::to_string(kMinTitle) +
                                   "–" + std::to_string(kMaxTitle) + " characters.";
    AppendField(html,
                {.name = "title",
                 .label = "Title",
                 .value = page.title,
                 .hint = title_hint,
                 .max_length = kMaxTitle,
                 .required = true},
                page.errors);
    AppendField(html,
                {.name = "body",
                 .label = "Body",
                 .value = page.body,
                 .kind = FieldKind::kTextarea,
                 .hint = "Markdown: **bold**, _italic_, `code`, [link](https://example.org), "
                         "lists and tables.",
                 .required = true,
                 .rows = 14},
                page.errors);
    const std::string tags_hint = "up to " + std::to_string(kMaxTags) + ", separated by spaces";
    AppendField(html, {.name = "tags", .label = "Tags", .value = page.tags, .hint = tags_hint},
                page.errors);
    html.Raw("<button type=\"submit\">Post</button></form>");
    return html;
}

}  // namespace hoot::web::views
