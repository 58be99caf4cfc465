// The revision history of a hoot or comment: every version, newest first, each with an inline
// word diff against the version before it, so anyone can see who changed what and when.

#include <string>

#include "domain/diff.hpp"
#include "web/views/parts.hpp"
#include "web/views/views.hpp"

namespace hoot::web::views {

using render::Html;

namespace {

std::string JoinTags(const std::vector<std::string>& tags) {
    std::string joined;
    for (const std::string& tag : tags) {
        if (!joined.empty()) joined += ' ';
        joined += tag;
    }
    return joined;
}

// The text of each part of a revision, in the order they are shown.
struct RevisionText {
    std::string title{}, tags{}, body{};
};

RevisionText TextOf(const Revision& revision, bool hoot) {
    if (!hoot) return {.body = revision.body_source};
    return {.title = revision.title, .tags = JoinTags(revision.tags), .body = revision.body_source};
}

// A block of one part; unlabelled for comments, which only have a body.
void OpenPart(Html& html, render::Markup label, bool labelled) {
    html.Raw("<div class=\"diff-part\">");
    if (labelled) html.Raw("<h3>").Raw(label).Raw("</h3>");
    html.Raw("<pre class=\"diff\">");
}

void ClosePart(Html& html) { html.Raw("</pre></div>"); }

// <pre> keeps the writer's line breaks and spaces (CSS wraps long lines); <del>/<ins> mark what
// changed, and all text is escaped.
void AppendDiff(Html& html, std::string_view before, std::string_view after) {
    for (const DiffPiece& piece : DiffWords(before, after)) {
        switch (piece.op) {
            case DiffPiece::Op::kSame:
                html.Text(piece.text);
                break;
            case DiffPiece::Op::kAdded:
                html.Raw("<ins>").Text(piece.text).Raw("</ins>");
                break;
            case DiffPiece::Op::kRemoved:
                html.Raw("<del>").Text(piece.text).Raw("</del>");
                break;
        }
    }
}

void AppendPartDiff(Html& html, render::Markup label, bool labelled, std::string_view before,
                    std::string_view after) {
    OpenPart(html, label, labelled);
    AppendDiff(html, before, after);
    ClosePart(html);
}

void AppendPartText(Html& html, render::Markup label, bool labelled, std::string_view text) {
    OpenPart(html, label, labelled);
    html.Text(text);
    ClosePart(html);
}

void AppendRevision(Html& html, const RevisionsPage& page, std::size_t index) {
    const bool hoot = page.kind == PostKind::kHoot;
    const Revision& revision = page.revisions[index];
    const RevisionText now = TextOf(revision, hoot);
    html.Raw("<li class=\"revision\" id=\"rev-")
        .Number(revision.number)
        .Raw("\"><h2>Revision ")
        .Number(revision.number);
    if (index + 1 == page.revisions.size()) html.Raw(" <span class=\"current\">(current)</span>");
    html.Raw("</h2><p class=\"meta\">by ");
    AppendAuthorLink(html, revision.author);
    html.Raw(" <span aria-hidden=\"true\">·</span> ");
    AppendTime(html, revision.created_at, page.now);
    html.Raw("</p>");

    if (index == 0) {
        // The original: its whole text, nothing to compare with.
        if (hoot) AppendPartText(html, "Title", true, now.title);
        if (hoot && !now.tags.empty()) AppendPartText(html, "Tags", true, now.tags);
        AppendPartText(html, "Body", hoot, now.body);
    } else {
        // Only the parts that changed, so a retitled hoot does not repeat its whole body.
        const RevisionText before = TextOf(page.revisions[index - 1], hoot);
        bool changed = false;
        if (hoot && before.title != now.title) {
            AppendPartDiff(html, "Title", true, before.title, now.title);
            changed = true;
        }
        if (hoot && before.tags != now.tags) {
            AppendPartDiff(html, "Tags", true, before.tags, now.tags);
            changed = true;
        }
        if (before.body != now.body) {
            AppendPartDiff(html, "Body", hoot, before.body, now.body);
            changed = true;
        }
        if (!changed) html.Raw("<p class=\"empty\">No changes to the text.</p>");
    }
    html.Raw("</li>");
}

}  // namespace

Html RenderRevisions(const RevisionsPage& page) {
    std::size_t size = 4096;
    for (const Revision& revision : page.revisions) size += 2 * revision.body_source.size();
    Html html(size);
    html.Raw("<h1>History of “").Text(page.post_title).Raw("”</h1><p class=\"back\"><a href=\"");
    html.Attr(page.post_url);
    if (page.kind == PostKind::kHoot) {
        html.Raw("\">Back to the hoot</a></p>");
    } else {
        html.Raw("\">Back to the comment</a></p>");
    }
    if (page.revisions.empty()) {
        html.Raw("<p class=\"empty\">No revisions.</p>");
        return html;
    }
    // Newest first: what changed last is what people come here to see.
    html.Raw("<ol class=\"revisions\" reversed>");
    for (std::size_t i = page.revisions.size(); i-- > 0;) AppendRevision(html, page, i);
    html.Raw("</ol>");
    return html;
}

}  // namespace hoot::web::views
