// The home page and a tag's page: hoots in the chosen order, one page at a time.

#include "web/urls.hpp"
#include "web/views/parts.hpp"
#include "web/views/views.hpp"

namespace hoot::web::views {

using render::Html;

namespace {

render::Markup OrderLabel(FeedOrder order) {
    switch (order) {
        case FeedOrder::kHot:
            return "Hot";
        case FeedOrder::kTop:
            return "Top";
        case FeedOrder::kUnanswered:
            return "Unanswered";
        case FeedOrder::kLatest:
            break;
    }
    return "Latest";
}

render::Markup PeriodLabel(TopPeriod period) {
    switch (period) {
        case TopPeriod::kWeek:
            return "Week";
        case TopPeriod::kMonth:
            return "Month";
        case TopPeriod::kYear:
            return "Year";
        case TopPeriod::kAll:
            break;
    }
    return "All time";
}

void AppendHeading(Html& html, const FeedPage& page) {
    html.Raw("<h1>");
    if (page.tag.empty()) {
        html.Raw(OrderLabel(page.order)).Raw(" hoots");
    } else {
        html.Raw("Hoots tagged <span class=\"tag\">").Text(page.tag).Raw("</span>");
    }
    html.Raw("</h1>");
    AppendTagExcerpt(html, page.tag, page.tag_excerpt, page.tag_excerpt_site);
}

// Links, not a form: each order is a page of its own that works without JavaScript.
void AppendOrderTabs(Html& html, const FeedPage& page) {
    html.Raw("<nav class=\"orders\" aria-label=\"Order\"><ul>");
    for (auto order :
         {FeedOrder::kLatest, FeedOrder::kHot, FeedOrder::kTop, FeedOrder::kUnanswered}) {
        html.Raw("<li><a href=\"").Attr(FeedUrl(page.tag, order, page.period)).Raw("\"");
        if (order == page.order) html.Raw(" aria-current=\"page\"");
        html.Raw(">").Raw(OrderLabel(order)).Raw("</a></li>");
    }
    html.Raw("</ul></nav>");
    if (page.order != FeedOrder::kTop) return;
    html.Raw("<nav class=\"orders periods\" aria-label=\"Period\"><ul>");
    for (auto period : {TopPeriod::kWeek, TopPeriod::kMonth, TopPeriod::kYear, TopPeriod::kAll}) {
        html.Raw("<li><a href=\"").Attr(FeedUrl(page.tag, FeedOrder::kTop, period)).Raw("\"");
        if (period == page.period) html.Raw(" aria-current=\"page\"");
        html.Raw(">").Raw(PeriodLabel(period)).Raw("</a></li>");
    }
    html.Raw("</ul></nav>");
}

}  // namespace

Html RenderFeed(const FeedPage& page) {
    Html html(2048 + page.hoots.size() * 768);
    AppendHeading(html, page);
    AppendOrderTabs(html, page);
    if (page.hoots.empty()) {
        if (page.order == FeedOrder::kUnanswered) {
            html.Raw("<p class=\"empty\">Every hoot here has an answer.</p>");
            return html;
        }
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
