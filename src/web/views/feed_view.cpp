// The home page: the newest hoots, one page at a time.

#include "web/urls.hpp"
#include "web/views/parts.hpp"
#include "web/views/views.hpp"

namespace hoot::web::views {

using render::Html;

Html RenderFeed(const FeedPage& page) {
    Html html(2048 + page.hoots.size() * 768);
    if (page.tag.empty())
        html.Raw("<h1>Latest hoots</h1>");
    else
        html.Raw("<h1>Hoots tagged <span class=\"tag\">").Text(page.tag).Raw("</span></h1>");
    if (page.hoots.empty()) {
        html.Raw("<p class=\"empty\">No hoots here yet. ");
        // Anonymous readers go through sign-in first and land in the composer afterwards.
        if (page.signed_in) {
            html.Raw("<a href=\"").Attr(kNewPostPath).Raw("\">Write the first one</a>.</p>");
        } else {
            html.Raw("<a href=\"")
                .Attr(LoginUrl(kNewPostPath))
                .Raw("\">Log in to write the first one</a>.</p>");
        }
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
