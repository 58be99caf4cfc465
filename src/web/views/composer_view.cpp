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

    AppendPostFields(html, page.title, page.body, page.tags, true, page.errors);
    html.Raw("<button type=\"submit\">Post</button></form>");
    return html;
}

}  // namespace hoot::web::views
