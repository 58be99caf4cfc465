// The edit form of a hoot (title, body, tags) or a comment (body). It carries the revision the
// edit started from, so a second editor who saved in between is noticed instead of overwritten;
// then the form comes back with the person's own text and says what happened.

#include <string>

#include "domain/validation.hpp"
#include "web/urls.hpp"
#include "web/views/parts.hpp"
#include "web/views/views.hpp"

namespace hoot::web::views {

using render::Html;

Html RenderEditPost(const EditPostPage& page) {
    const bool hoot = page.kind == PostKind::kHoot;
    Html html(4096 + page.body.size());
    if (hoot) {
        html.Raw("<h1>Edit hoot</h1>");
    } else {
        html.Raw("<h1>Edit comment</h1>");
    }
    if (page.conflict) {
        html.Raw("<div class=\"notice conflict\" role=\"alert\"><p>Someone else saved a newer ")
            .Raw("version while you were editing. Your text is below; review <a href=\"")
            .Attr(page.cancel_url)
            .Raw("\">the latest version</a> and save again.</p></div>");
    }
    html.Raw("<form class=\"form edit-post\" method=\"post\" action=\"")
        .Attr(PostEditUrl(page.post))
        .Raw("\">");
    AppendCsrf(html, page.csrf_token);
    html.Raw("<input type=\"hidden\" name=\"base_revision\" value=\"")
        .Number(page.base_revision)
        .Raw("\">");
    AppendErrorSummary(html, page.errors);

    AppendPostFields(html, page.title, page.body, page.tags, hoot, page.errors);
    html.Raw("<div class=\"form-actions\"><button type=\"submit\">Save</button> <a href=\"")
        .Attr(page.cancel_url)
        .Raw("\">Cancel</a></div></form>");
    return html;
}

}  // namespace hoot::web::views
