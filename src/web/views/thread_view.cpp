// A thread: the hoot, then its comments in the reader's chosen order, then the comment form.
// Every hoot and comment ("post") carries the same parts: popularity line, body, updates,
// reactions, controls for its author or a moderator, and replies. Everything works as plain
// forms and links; hoot.js makes reactions and "Load Full" work in place (hooks: data-post-id,
// data-api, data-kind, data-popularity, data-section).

#include <cctype>
#include <charconv>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "domain/validation.hpp"
#include "render/time_format.hpp"
#include "web/urls.hpp"
#include "web/views/import_attribution.hpp"
#include "web/views/parts.hpp"
#include "web/views/social_view.hpp"
#include "web/views/views.hpp"

namespace hoot::web::views {

using render::Html;

namespace {

// What the shared parts need to know of a hoot or a comment.
struct PostParts {
    PostId id;
    bool is_hoot = false;
    std::string suffix;  // "h7", "c12": keeps form control ids unique on the page
    const AuthorRef& author;
    const ReactionTally& tally;
    const ReactionBreakdown& breakdown;
    const std::vector<PostUpdate>& updates;
    const std::vector<Reply>& replies;
    int revision = 1;
    bool deleted = false;
};

PostParts PartsOf(const Hoot& hoot) {
    return {.id = ToPost(hoot.id),
            .is_hoot = true,
            .suffix = "h" + std::to_string(hoot.id.value),
            .author = hoot.author,
            .tally = hoot.reactions,
            .breakdown = hoot.breakdown,
            .updates = hoot.updates,
            .replies = hoot.replies,
            .revision = hoot.revision,
            .deleted = hoot.deleted};
}

PostParts PartsOf(const Comment& comment) {
    return {.id = ToPost(comment.id),
            .is_hoot = false,
            .suffix = "c" + std::to_string(comment.id.value),
            .author = comment.author,
            .tally = comment.reactions,
            .breakdown = comment.breakdown,
            .updates = comment.updates,
            .replies = comment.replies,
            .revision = comment.revision,
            .deleted = comment.deleted};
}

// Policy as the reader sees it; the services enforce the same rules on every request.
bool IsAuthor(const ThreadPage& page, const PostParts& post) {
    return page.signed_in && page.viewer_id.valid() && page.viewer_id == post.author.id;
}
bool CanManage(const ThreadPage& page, const PostParts& post) {
    return IsAuthor(page, post) || (page.signed_in && page.viewer_is_moderator);
}
// Nothing new is added under deleted content (or anywhere in a deleted thread).
bool IsOpen(const ThreadPage& page, const PostParts& post) {
    return !post.deleted && !page.hoot.deleted;
}
bool CanReact(const ThreadPage& page, const PostParts& post) {
    return page.signed_in && page.viewer_id != post.author.id && IsOpen(page, post);
}

void AppendPostIdAttr(Html& html, const PostParts& post) {
    html.Raw(" data-post-id=\"").Number(post.id.value).Raw("\"");
}

void AppendUpdates(Html& html, const PostParts& post, UnixSeconds now) {
    for (const PostUpdate& update : post.updates) {
        // The hoot's updates sit under its <h1>; a comment's under the "Comments" <h2>.
        const std::string_view heading =
            update.heading.empty() ? std::string_view("UPDATE") : std::string_view(update.heading);
        html.Raw("<section class=\"update\">");
        if (post.is_hoot) {
            html.Raw("<h2>").Text(heading).Raw("</h2>");
        } else {
            html.Raw("<h3>").Text(heading).Raw("</h3>");
        }
        html.Raw("<p class=\"meta\">");
        AppendTime(html, update.created_at, now);
        // Not "body": that class names the post's own text, which scripts and tests look up.
        html.Raw("</p><div class=\"update-body\">")
            .TrustedStored(update.body_html)
            .Raw("</div></section>");
    }
}

// Toggle buttons for readers who may react; read-only counts for everyone else, so anonymous
// readers still see what people thought.
void AppendReactions(Html& html, const ThreadPage& page, const PostParts& post) {
    const ReactionBreakdown& breakdown = post.breakdown;
    if (!CanReact(page, post)) {
        bool any = false;
        for (const ReactionKindInfo& info : kReactionKinds) {
            const std::int64_t count = breakdown.counts[static_cast<std::size_t>(info.kind)];
            if (count <= 0) continue;
            if (!any) html.Raw("<p class=\"reaction-counts\">");
            if (any) html.Raw(" ");
            html.Raw("<span class=\"reaction-count\">")
                .Text(info.label)
                .Raw(" ")
                .Number(count)
                .Raw("</span>");
            any = true;
        }
        if (any) html.Raw("</p>");
        return;
    }
    // One form per post, each button posting to its own kind (formaction): a CSRF input per
    // post rather than per reaction keeps a busy thread's page light.
    html.Raw("<div class=\"reactions\" role=\"group\" aria-label=\"Reactions\">")
        .Raw("<form class=\"reaction-form\" method=\"post\" action=\"")
        .Attr(PostReactionUrl(post.id, kReactionKinds.front().kind))
        .Raw("\">");
    AppendCsrf(html, page.csrf_token);
    for (const ReactionKindInfo& info : kReactionKinds) {
        const std::size_t index = static_cast<std::size_t>(info.kind);
        html.Raw("<button type=\"submit\" class=\"reaction\" formaction=\"")
            .Attr(PostReactionUrl(post.id, info.kind))
            .Raw("\" aria-pressed=\"");
        if (breakdown.mine[index]) {
            html.Raw("true");
        } else {
            html.Raw("false");
        }
        html.Raw("\" data-api=\"")
            .Attr(ApiReactionUrl(post.id, info.kind))
            .Raw("\" data-kind=\"")
            .Attr(info.key)
            .Raw("\">")
            .Text(info.label)
            .Raw(" <span class=\"count\">")
            .Number(breakdown.counts[index])
            .Raw("</span></button>");
    }
    html.Raw("</form></div>");
}

void AppendRestoreForm(Html& html, const ThreadPage& page, const PostParts& post) {
    html.Raw("<form class=\"restore-form\" method=\"post\" action=\"")
        .Attr(PostRestoreUrl(post.id))
        .Raw("\">");
    AppendCsrf(html, page.csrf_token);
    html.Raw("<button type=\"submit\">Restore</button></form>");
}

void AppendUpdateForm(Html& html, const ThreadPage& page, const PostParts& post) {
    const std::string heading_id = "f-heading-" + post.suffix;
    const std::string body_id = "f-body-" + post.suffix;
    const FormErrors no_errors;  // a failed update comes back on a page of its own
    html.Raw("<details class=\"add-update\"><summary>Add an update</summary>")
        .Raw("<form class=\"update-form\" method=\"post\" action=\"")
        .Attr(PostUpdatesUrl(post.id))
        .Raw("\">");
    AppendCsrf(html, page.csrf_token);
    AppendField(html,
                {.name = "heading",
                 .label = "Heading",
                 .hint = "Optional; \"UPDATE\" when left empty.",
                 .max_length = kMaxUpdateHeading,
                 .id = heading_id,
                 .placeholder = "UPDATE"},
                no_errors);
    AppendField(html,
                {.name = "body",
                 .label = "Update",
                 .kind = FieldKind::kTextarea,
                 .hint = "Markdown, shown under the post with today's date.",
                 .required = true,
                 .rows = 5,
                 .id = body_id},
                no_errors);
    html.Raw("<button type=\"submit\">Add update</button></form></details>");
}

// Edit, add an update, delete (author or moderator), restore (moderator), and the revision
// history, which anyone may read.
void AppendControls(Html& html, const ThreadPage& page, const PostParts& post) {
    const bool manage = CanManage(page, post) && IsOpen(page, post);
    const bool restore = post.deleted && page.signed_in && page.viewer_is_moderator;
    const bool history = post.revision > 1 && !post.deleted;
    if (!manage && !restore && !history) return;

    html.Raw("<div class=\"controls\">");
    if (manage) html.Raw("<a href=\"").Attr(PostEditUrl(post.id)).Raw("\">Edit</a>");
    if (history) {
        html.Raw("<a class=\"history\" href=\"")
            .Attr(PostRevisionsUrl(post.id))
            .Raw("\">History (")
            .Number(post.revision)
            .Raw(" revisions)</a>");
    }
    if (manage) {
        html.Raw("<form class=\"delete-form\" method=\"post\" action=\"")
            .Attr(PostDeleteUrl(post.id))
            .Raw("\">");
        AppendCsrf(html, page.csrf_token);
        html.Raw("<button type=\"submit\">Delete</button></form>");
        AppendUpdateForm(html, page, post);
    }
    if (restore) AppendRestoreForm(html, page, post);
    html.Raw("</div>");
}

void AppendReplies(Html& html, const ThreadPage& page, const PostParts& post) {
    if (!post.replies.empty()) {
        html.Raw("<ul class=\"replies\" aria-label=\"Replies\">");
        for (const Reply& reply : post.replies) {
            html.Raw("<li class=\"reply\"><span class=\"reply-body\">")
                .TrustedStored(reply.body_html)
                .Raw("</span> <span class=\"reply-meta\">– ");
            AppendAuthorLink(html, reply.author);
            html.Raw(" ");
            AppendTime(html, reply.created_at, page.now);
            html.Raw("</span></li>");
        }
        html.Raw("</ul>");
    }
    if (!page.signed_in || !IsOpen(page, post)) return;
    const std::string id = "f-reply-" + post.suffix;
    html.Raw(
            "<details class=\"reply-form\"><summary>Reply</summary><form method=\"post\" action=\"")
        .Attr(PostRepliesUrl(post.id))
        .Raw("\">");
    AppendCsrf(html, page.csrf_token);
    AppendField(html,
                {.name = "body",
                 .label = "Your reply (plain text)",
                 .kind = FieldKind::kTextarea,
                 .max_length = 600,
                 .required = true,
                 .rows = 3,
                 .id = id},
                FormErrors{});
    html.Raw("<button type=\"submit\">Reply</button></form></details>");
}

// Reactions, controls and replies: what follows a post's text.
void AppendPostFooter(Html& html, const ThreadPage& page, const PostParts& post) {
    AppendReactions(html, page, post);
    AppendControls(html, page, post);
    AppendReplies(html, page, post);
}

void AppendHoot(Html& html, const ThreadPage& page) {
    const Hoot& hoot = page.hoot;
    const PostParts post = PartsOf(hoot);
    if (hoot.deleted) {
        html.Raw("<div class=\"deleted-banner\" role=\"status\">")
            .Raw("<p>This hoot is deleted. Only moderators see it.</p>");
        if (page.signed_in && page.viewer_is_moderator) AppendRestoreForm(html, page, post);
        html.Raw("</div>");
    }
    html.Raw("<article class=\"hoot\" id=\"hoot\"");
    AppendPostIdAttr(html, post);
    html.Raw("><header>");
    AppendPopularity(html, hoot.reactions);
    html.Raw("<h1>").Text(hoot.title).Raw("</h1><p class=\"meta\">");
    AppendAvatar(html, hoot.author, AvatarSize::kMedium);
    html.Raw(" ");
    AppendAuthorLink(html, hoot.author);
    html.Raw(" <span aria-hidden=\"true\">·</span> ");
    AppendTime(html, hoot.created_at, page.now);
    html.Raw("</p></header><div class=\"body\">").TrustedStored(hoot.body_html).Raw("</div>");
    AppendUpdates(html, post, page.now);
    AppendTags(html, hoot.tags);
    AppendPostFooter(html, page, post);
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

// A deleted comment keeps its place and its replies, so the conversation around it still reads;
// its author and text are gone from the page.
void AppendDeletedComment(Html& html, const ThreadPage& page, const Comment& comment) {
    const PostParts post = PartsOf(comment);
    html.Raw("<article class=\"comment deleted\" id=\"").Attr(CommentAnchor(comment.id)).Raw("\"");
    AppendPostIdAttr(html, post);
    html.Raw("><p class=\"deleted-note\">This comment was deleted.</p>");
    AppendControls(html, page, post);
    AppendReplies(html, page, post);
    html.Raw("</article>");
}

void AppendComment(Html& html, const ThreadPage& page, const Comment& comment) {
    if (comment.deleted) {
        AppendDeletedComment(html, page, comment);
        return;
    }
    const PostParts post = PartsOf(comment);
    html.Raw("<article class=\"comment\" id=\"").Attr(CommentAnchor(comment.id)).Raw("\"");
    AppendPostIdAttr(html, post);
    html.Raw("><header><p class=\"meta\">");
    AppendAvatar(html, comment.author, AvatarSize::kMedium);
    html.Raw(" ");
    AppendAuthorLink(html, comment.author);
    html.Raw(" <span aria-hidden=\"true\">·</span> <a class=\"permalink\" href=\"#")
        .Attr(CommentAnchor(comment.id))
        .Raw("\">");
    AppendTime(html, comment.created_at, page.now);
    html.Raw("</a></p>");
    AppendAcceptedMark(html, page, comment);
    AppendPopularity(html, comment.reactions);
    html.Raw("</header><div class=\"body\">").TrustedStored(comment.body_html).Raw("</div>");
    AppendUpdates(html, post, page.now);
    AppendPostFooter(html, page, post);
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
    if (page.hoot.deleted) {
        html.Raw("<p class=\"empty\">Restore the hoot to allow new comments.</p>");
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
    // data-section names this element for hoot.js, which swaps it for the full one in place.
    // data-live-hoot: hoot.js asks the event stream for this thread's new comments.
    html.Raw("<section class=\"comments\" data-section=\"comments\" data-live-hoot=\"")
        .Number(page.hoot.id.value)
        .Raw("\" ")
        .Raw("aria-labelledby=\"comments-heading\"><h2 id=\"comments-heading\">")
        .Number(page.hoot.comment_count)
        .Raw(" Comments</h2>");
    if (page.comments.empty() && page.not_shown == 0) {
        html.Raw("<p class=\"empty\">No comments yet.</p>");
    } else {
        AppendSortControl(html, page);
        for (const Comment& comment : page.comments) AppendComment(html, page, comment);
    }
    if (page.not_shown > 0) {
        // href stays the last attribute: the visible text follows it directly.
        html.Raw("<p class=\"more\"><a class=\"load-full\" data-section=\"comments\" href=\"")
            .Attr(page.load_full_url)
            .Raw("\">Load Full (")
            .Number(page.not_shown)
            .Raw(")</a></p>");
    }
    AppendCommentForm(html, page);
    html.Raw("</section>");
}

// A post's whole text for structured data: its body, then each update under its heading.
std::string PostText(std::string_view body_text, const std::vector<PostUpdate>& updates) {
    std::string text(body_text);
    for (const PostUpdate& update : updates) {
        text += "\n\n";
        text += update.heading.empty() ? std::string_view("UPDATE") : update.heading;
        text += '\n';
        text += update.body_text;
    }
    return text;
}

void AppendPerson(render::ScriptJson& json, const AuthorRef& author) {
    json.BeginObject()
        .Member("@type", "Person")
        .Member("name", author.display_name.empty() ? author.username : author.display_name)
        .Member("url", UserUrl(author.username))
        .EndObject();
}

// schema.org QAPage, so search engines understand the page as a question with answers.
// Upvotes are positive reactions only: negative kinds are not votes for the answer.
render::ScriptJson QaPageJson(const ThreadPage& page) {
    const Hoot& hoot = page.hoot;
    render::ScriptJson json;
    json.BeginObject()
        .Member("@context", "https://schema.org")
        .Member("@type", "QAPage")
        .Key("mainEntity")
        .BeginObject()
        .Member("@type", "Question")
        .Member("name", hoot.title)
        .Member("text", PostText(hoot.body_text, hoot.updates))
        .Member("dateCreated", render::IsoTime(hoot.created_at))
        .Key("author");
    AppendPerson(json, hoot.author);
    json.Member("upvoteCount", hoot.reactions.positive)
        .Member("answerCount", hoot.comment_count)
        .Key("suggestedAnswer")
        .BeginArray();
    for (const Comment& comment : page.comments) {
        if (comment.deleted) continue;
        json.BeginObject()
            .Member("@type", "Answer")
            .Member("text", PostText(comment.body_text, comment.updates))
            .Member("dateCreated", render::IsoTime(comment.created_at))
            .Member("upvoteCount", comment.reactions.positive)
            .Member("url", page.path + "#" + CommentAnchor(comment.id))
            .Key("author");
        AppendPerson(json, comment.author);
        json.EndObject();
    }
    json.EndArray().EndObject().EndObject();
    return json;
}

}  // namespace

Html RenderThread(const ThreadPage& page) {
    Html html(4096 + page.hoot.body_html.size() + page.comments.size() * 2048);
    AppendHoot(html, page);
    AppendImportedThreadParts(html, page);
    AppendFollowControl(html, page);
    AppendComments(html, page);
    // Last, so the page's own text comes first in the document. A deleted hoot is not public
    // content and gets none.
    if (!page.hoot.deleted) AppendJsonLd(html, QaPageJson(page));
    return html;
}

}  // namespace hoot::web::views
