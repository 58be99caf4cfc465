// A thread: the hoot, then its comments in the reader's chosen order, then the comment form.

#include "web/urls.hpp"
#include "web/views/parts.hpp"
#include "web/views/views.hpp"

namespace hoot::web::views {

using render::Html;

namespace {

void AppendHoot(Html& html, const ThreadPage& page) {
    const Hoot& hoot = page.hoot;
    html.Raw("<article class=\"hoot\"><header>");
    AppendPopularity(html, hoot.reactions);
    html.Raw("<h1>").Text(hoot.title).Raw("</h1><p class=\"meta\">");
    AppendAuthorLink(html, hoot.author);
    html.Raw(" <span aria-hidden=\"true\">·</span> ");
    AppendTime(html, hoot.created_at, page.now);
    html.Raw("</p></header><div class=\"body\">").TrustedStored(hoot.body_html).Raw("</div>");
    AppendTags(html, hoot.tags);
    html.Raw("</article>");
}

void AppendSortLink(Html& html, const ThreadPage& page, CommentOrder order) {
    html.Raw("<a href=\"").Attr(HootUrl(page.hoot.id, page.hoot.slug, order)).Raw("\"");
    if (order == page.order) html.Raw(" aria-current=\"true\"");
    html.Raw(">");
    switch (order) {
        case CommentOrder::kLatest:
            html.Raw("Latest");
            break;
        case CommentOrder::kOldest:
            html.Raw("Oldest");
            break;
        case CommentOrder::kBest:
            html.Raw("Best");
            break;
    }
    html.Raw("</a>");
}

void AppendSortControl(Html& html, const ThreadPage& page) {
    html.Raw("<nav class=\"sort\" aria-label=\"Comment order\"><span>");
    switch (page.order) {
        case CommentOrder::kLatest:
            html.Raw("Sorted by latest first");
            break;
        case CommentOrder::kOldest:
            html.Raw("Sorted by oldest first");
            break;
        case CommentOrder::kBest:
            html.Raw("Sorted by best first");
            break;
    }
    html.Raw("</span>");
    for (CommentOrder order : {CommentOrder::kLatest, CommentOrder::kOldest, CommentOrder::kBest}) {
        html.Raw(" <span aria-hidden=\"true\">·</span> ");
        AppendSortLink(html, page, order);
    }
    html.Raw("</nav>");
}

void AppendComment(Html& html, const Comment& comment, UnixSeconds now) {
    html.Raw("<article class=\"comment\" id=\"")
        .Attr(CommentAnchor(comment.id))
        .Raw("\"><header><p class=\"meta\">");
    AppendAuthorLink(html, comment.author);
    html.Raw(" <span aria-hidden=\"true\">·</span> <a class=\"permalink\" href=\"#")
        .Attr(CommentAnchor(comment.id))
        .Raw("\">");
    AppendTime(html, comment.created_at, now);
    html.Raw("</a></p>");
    AppendPopularity(html, comment.reactions);
    html.Raw("</header><div class=\"body\">").TrustedStored(comment.body_html).Raw("</div>");
    html.Raw("</article>");
}

void AppendCommentForm(Html& html, const ThreadPage& page) {
    if (!page.signed_in) {
        html.Raw("<p class=\"comment-login\"><a href=\"")
            .Attr(LoginUrl(page.path))
            .Raw("\">Log in</a> or <a href=\"")
            .Attr(SignUpUrl(page.path))
            .Raw("\">Sign up</a> to comment.</p>");
        return;
    }
    html.Raw("<form class=\"comment-form\" method=\"post\" action=\"")
        .Attr(CommentsPostUrl(page.hoot.id))
        .Raw("\">");
    AppendCsrf(html, page.csrf_token);
    AppendErrorSummary(html, page.comment_errors);
    AppendField(html,
                {.name = "body",
                 .label = "Your comment",
                 .value = page.comment_draft,
                 .kind = FieldKind::kTextarea,
                 .hint = "Markdown: **bold**, _italic_, `code`, [link](https://example.org)",
                 .required = true,
                 .rows = 6},
                page.comment_errors);
    html.Raw("<button type=\"submit\">Post comment</button></form>");
}

void AppendComments(Html& html, const ThreadPage& page) {
    html.Raw("<section class=\"comments\" aria-labelledby=\"comments-heading\">")
        .Raw("<h2 id=\"comments-heading\">")
        .Number(page.hoot.comment_count)
        .Raw(" Comments</h2>");
    if (page.comments.empty() && page.not_shown == 0) {
        html.Raw("<p class=\"empty\">No comments yet.</p>");
    } else {
        AppendSortControl(html, page);
        for (const Comment& comment : page.comments) AppendComment(html, comment, page.now);
    }
    if (page.not_shown > 0) {
        html.Raw("<p class=\"load-full\"><a href=\"")
            .Attr(page.load_full_url)
            .Raw("\">Load Full (")
            .Number(page.not_shown)
            .Raw(")</a></p>");
    }
    AppendCommentForm(html, page);
    html.Raw("</section>");
}

}  // namespace

Html RenderThread(const ThreadPage& page) {
    Html html(4096 + page.hoot.body_html.size() + page.comments.size() * 1024);
    AppendHoot(html, page);
    // Following needs an account; signed-in readers get a real follow button in a later issue.
    if (!page.signed_in) {
        html.Raw("<p class=\"follow\"><a href=\"")
            .Attr(LoginUrl(page.path))
            .Raw("\">Login to follow hoots</a></p>");
    }
    AppendComments(html, page);
    return html;
}

}  // namespace hoot::web::views
