// The search results page: one entry per hoot, its title and the stretch of text that matched
// with the matched words in <mark>, and where in the thread the match was. The query box is the
// one in the top bar (layout.cpp), filled with the query.

#include "render/marked_text.hpp"
#include "web/urls.hpp"
#include "web/views/parts.hpp"
#include "web/views/views.hpp"

namespace hoot::web::views {

using render::Html;

namespace {

void AppendSyntaxHelp(Html& html) {
    html.Raw("<details class=\"search-help\"><summary>How to search</summary><ul>")
        .Raw("<li><code>owl night</code>: hoots with both words (running also finds runs)</li>")
        .Raw("<li><code>\"barn owl\"</code>: the exact phrase</li>")
        .Raw("<li><code>-snow</code>: leave out hoots that mention snow</li>")
        .Raw("<li><code>tag:birds</code>, <code>user:name</code>: one tag, one author</li>")
        .Raw("<li><code>is:unanswered</code>: hoots without comments</li>")
        .Raw("</ul></details>");
}

void AppendWhere(Html& html, SearchMatch match) {
    switch (match) {
        case SearchMatch::kComment:
            html.Raw("<p class=\"search-where\">Found in a comment</p>");
            break;
        case SearchMatch::kUpdate:
            html.Raw("<p class=\"search-where\">Found in an update</p>");
            break;
        case SearchMatch::kHoot:
            break;
    }
}

void AppendHit(Html& html, const SearchHit& hit, UnixSeconds now) {
    const HootSummary& hoot = hit.hoot;
    html.Raw("<li><article class=\"summary search-hit\"><h2><a class=\"search-result\" href=\"")
        .Attr(HootPostUrl(hoot.id, hoot.slug, hit.post))
        .Raw("\">");
    render::AppendMarked(html, hit.title_marked);
    html.Raw("</a></h2>");
    AppendWhere(html, hit.match);
    if (!hit.snippet_marked.empty()) {
        html.Raw("<p class=\"snippet\">");
        render::AppendMarked(html, hit.snippet_marked);
        html.Raw("</p>");
    }
    AppendTags(html, hoot.tags);
    html.Raw("<p class=\"meta\">");
    AppendAuthorLink(html, hoot.author);
    html.Raw(" <span aria-hidden=\"true\">·</span> ");
    AppendTime(html, hoot.created_at, now);
    html.Raw(" <span aria-hidden=\"true\">·</span> ");
    AppendCount(html, hoot.comment_count, "comment", "comments");
    html.Raw("</p></article></li>");
}

}  // namespace

Html RenderSearch(const SearchResultsPage& page) {
    Html html(2048 + page.hits.size() * 1024);
    if (page.query.empty()) {
        html.Raw("<h1>Search</h1><p class=\"empty\">Type words into the search box above.</p>");
        AppendSyntaxHelp(html);
        return html;
    }
    html.Raw("<h1>Search results for <q>").Text(page.query).Raw("</q></h1>");
    if (page.hits.empty()) {
        html.Raw("<p class=\"empty\">");
        if (page.page > 1)
            html.Raw("No more hoots match.");
        else
            html.Raw("No hoots match. Try fewer or other words.");
        html.Raw("</p>");
        AppendSyntaxHelp(html);
        return html;
    }
    if (page.page > 1) html.Raw("<p class=\"search-page\">Page ").Number(page.page).Raw("</p>");
    html.Raw("<ol class=\"search-results\">");
    for (const SearchHit& hit : page.hits) AppendHit(html, hit, page.now);
    html.Raw("</ol>");
    if (!page.previous_url.empty() || !page.next_url.empty()) {
        html.Raw("<nav class=\"pager\" aria-label=\"Pages\">");
        if (!page.previous_url.empty())
            html.Raw("<a rel=\"prev\" href=\"")
                .Attr(page.previous_url)
                .Raw("\">Previous page</a> ");
        if (!page.next_url.empty())
            html.Raw("<a rel=\"next\" href=\"").Attr(page.next_url).Raw("\">Next page</a>");
        html.Raw("</nav>");
    }
    AppendSyntaxHelp(html);
    return html;
}

}  // namespace hoot::web::views
