#include "web/views/import_attribution.hpp"

#include "render/time_format.hpp"
#include "web/urls.hpp"

namespace hoot::web::views {

using render::Html;

namespace {

void AppendStateBanner(Html& html, const ImportedOrigin& origin) {
    if (origin.closed_at == 0 && !origin.locked && origin.duplicate_of.empty()) return;
    html.Raw("<div class=\"imported-state\" role=\"status\">");
    if (origin.closed_at != 0) {
        html.Raw("<p class=\"closed\">Closed on ")
            .Text(origin.site)
            .Raw(" as ")
            .Text(origin.close_reason.empty() ? std::string_view("closed")
                                              : std::string_view(origin.close_reason))
            .Raw(", <time datetime=\"")
            .Attr(render::IsoTime(origin.closed_at))
            .Raw("\">")
            .Text(render::ExactTime(origin.closed_at))
            .Raw("</time>.</p>");
    }
    if (origin.locked) html.Raw("<p class=\"locked\">Locked on the source site.</p>");
    if (!origin.duplicate_of.empty()) {
        html.Raw("<p class=\"duplicate\">This question is a duplicate of: ");
        bool first = true;
        for (const auto& link : origin.duplicate_of) {
            if (!first) html.Raw(", ");
            first = false;
            html.Raw("<a href=\"")
                .Attr(HootUrl(link.id, link.slug))
                .Raw("\">")
                .Text(link.title)
                .Raw("</a>");
        }
        html.Raw("</p>");
    }
    html.Raw("</div>");
}

// "CC BY-SA 3.0" links to that version's deed; anything else is shown as text.
void AppendLicense(Html& html, std::string_view license) {
    constexpr std::string_view kPrefix = "CC BY-SA ";
    std::string_view version =
        license.starts_with(kPrefix) ? license.substr(kPrefix.size()) : std::string_view();
    if (version != "2.5" && version != "3.0" && version != "4.0") {
        html.Text(license);
        return;
    }
    html.Raw("<a rel=\"license\" href=\"https://creativecommons.org/licenses/by-sa/")
        .Attr(version)
        .Raw("/\">")
        .Text(license)
        .Raw("</a>");
}

void AppendCredit(Html& html, const ImportedOrigin& origin, const ImportedPostCredit& credit) {
    html.Raw("<li>");
    if (credit.is_question) {
        html.Raw("Question by ");
    } else {
        html.Raw("<a href=\"#")
            .Attr(CommentAnchor(CommentId(credit.post.value)))
            .Raw("\">Answer</a> by ");
    }
    if (credit.author_source_id != 0) {
        // Plain links, as the licence asks: no rel="nofollow".
        html.Raw("<a href=\"")
            .Attr(StackExchangeUserUrl(origin.site, credit.author_source_id))
            .Raw("\">")
            .Text(credit.author_name)
            .Raw("</a>");
    } else {
        html.Text(credit.author_name);
    }
    html.Raw(", ");
    AppendLicense(html, credit.license);
    html.Raw("</li>");
}

}  // namespace

void AppendImportedThreadParts(Html& html, const ThreadPage& page) {
    if (!page.hoot.imported) return;
    const ImportedOrigin& origin = *page.hoot.imported;
    AppendStateBanner(html, origin);
    html.Raw("<aside class=\"attribution\"><p>Imported from ")
        .Text(origin.site)
        .Raw(" on Stack Exchange: <a href=\"")
        .Attr(StackExchangeQuestionUrl(origin.site, origin.question_source_id))
        .Raw("\">")
        .Text(StackExchangeQuestionUrl(origin.site, origin.question_source_id))
        .Raw("</a>");
    if (origin.up_votes || origin.down_votes) {
        html.Raw(" (")
            .Number(origin.up_votes)
            .Raw(" up and ")
            .Number(origin.down_votes)
            .Raw(" down votes there)");
    }
    html.Raw(". Each post is licensed as it says:</p><ul>");
    for (const auto& credit : origin.credits) AppendCredit(html, origin, credit);
    html.Raw("</ul></aside>");
}

void AppendAcceptedMark(Html& html, const ThreadPage& page, const Comment& comment) {
    if (!page.hoot.imported || page.hoot.imported->accepted != comment.id) return;
    html.Raw("<p class=\"accepted\"><span aria-hidden=\"true\">✓</span> Accepted answer</p>");
}

}  // namespace hoot::web::views
