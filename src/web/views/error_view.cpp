// What a person sees when something went wrong: what happened and a way back.

#include "web/urls.hpp"
#include "web/views/views.hpp"

namespace hoot::web::views {

using render::Html;

Html RenderError(const ErrorPage& page) {
    Html html(1024);
    html.Raw("<section class=\"error-page\"><h1>");
    if (page.heading.empty()) {
        html.Raw("Something went wrong");
    } else {
        html.Text(page.heading);
    }
    html.Raw("</h1>");
    if (!page.message.empty()) html.Raw("<p>").Text(page.message).Raw("</p>");
    html.Raw("<p class=\"status\">Error ")
        .Number(page.status)
        .Raw("</p><p><a href=\"")
        .Attr(kHomePath)
        .Raw("\">Back to the home page</a></p></section>");
    return html;
}

}  // namespace hoot::web::views
