// Every tag in use, most used first, with how many hoots carry it.

#include "web/urls.hpp"
#include "web/views/parts.hpp"
#include "web/views/views.hpp"

namespace hoot::web::views {

using render::Html;

Html RenderTags(const TagsPage& page) {
    Html html(1024 + page.tags.size() * 96);
    html.Raw("<h1>Tags</h1>");
    if (page.tags.empty()) {
        html.Raw("<p class=\"empty\">No hoot has a tag yet.</p>");
        return html;
    }
    html.Raw("<ul class=\"tag-list\">");
    for (const auto& tag : page.tags) {
        html.Raw("<li><a rel=\"tag\" href=\"")
            .Attr(TagUrl(tag.tag))
            .Raw("\">")
            .Text(tag.tag)
            .Raw("</a> <span class=\"count\">");
        AppendCount(html, tag.count, "hoot", "hoots");
        html.Raw("</span>");
        AppendTagExcerpt(html, tag.tag, tag.excerpt, tag.excerpt_site);
        html.Raw("</li>");
    }
    html.Raw("</ul>");
    return html;
}

}  // namespace hoot::web::views
