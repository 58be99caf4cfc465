// Direct messages: the list of conversations and one conversation with its send form.
// data-section names the parts hoot.js refreshes in place when a message arrives live.

#include "domain/validation.hpp"
#include "service/messages.hpp"
#include "web/urls.hpp"
#include "web/views/parts.hpp"
#include "web/views/views.hpp"

namespace hoot::web::views {

using render::Html;
using render::Markup;

namespace {

void AppendMessage(Html& html, const Message& m, UserId viewer, UnixSeconds now) {
    const bool mine = m.sender.id == viewer;
    html.Raw("<li class=\"message")
        .Raw(mine ? Markup(" mine") : Markup(""))
        .Raw("\" id=\"m-")
        .Number(m.id.value)
        .Raw("\"><p class=\"meta\">");
    AppendAuthorLink(html, m.sender);
    html.Raw(" <span aria-hidden=\"true\">·</span> ");
    AppendTime(html, m.created_at, now);
    html.Raw("</p><div class=\"body\">").TrustedStored(m.body_html).Raw("</div></li>");
}

}  // namespace

Html RenderConversations(const ConversationsPage& page) {
    Html html(2048 + page.items.size() * 512);
    html.Raw("<h1>Messages</h1>");
    html.Raw("<form class=\"new-message\" method=\"get\" action=\"").Attr(kMessagesPath).Raw("\">");
    AppendErrorSummary(html, page.errors);
    AppendField(html,
                {.name = "to",
                 .label = "Write to (username)",
                 .value = page.to,
                 .autocomplete = "off",
                 .max_length = kMaxUsername,
                 .required = true},
                page.errors);
    html.Raw("<button type=\"submit\">Open conversation</button></form>");
    html.Raw("<section data-section=\"conversations\" aria-labelledby=\"conversations-heading\">")
        .Raw("<h2 id=\"conversations-heading\">Conversations</h2>");
    if (page.items.empty()) {
        html.Raw("<p class=\"empty\">No messages yet.</p>");
    } else {
        html.Raw("<ul class=\"conversations\">");
        for (const ConversationSummary& c : page.items) {
            html.Raw("<li class=\"conversation")
                .Raw(c.unread > 0 ? Markup(" unread") : Markup(""))
                .Raw("\"><a href=\"")
                .Attr(ConversationUrl(c.other.username))
                .Raw("\">")
                .Text(c.other.display_name.empty() ? c.other.username : c.other.display_name)
                .Raw("</a>");
            if (c.unread > 0)
                html.Raw(" <span class=\"badge\">").Number(c.unread).Raw(" unread</span>");
            html.Raw(" <span class=\"last\">")
                .Text(c.last.sender.id == c.other.id ? std::string_view()
                                                     : std::string_view("You: "))
                .Text(c.last.body_source.substr(0, 120))
                .Raw("</span> ");
            AppendTime(html, c.last.created_at, page.now);
            html.Raw("</li>");
        }
        html.Raw("</ul>");
    }
    if (!page.next_url.empty()) {
        html.Raw("<nav class=\"pager\" aria-label=\"Pages\"><a rel=\"next\" href=\"")
            .Attr(page.next_url)
            .Raw("\">Older conversations</a></nav>");
    }
    html.Raw("</section>");
    return html;
}

Html RenderConversation(const ConversationPage& page) {
    const std::string& name =
        page.other.display_name.empty() ? page.other.username : page.other.display_name;
    Html html(4096 + page.messages.size() * 1024);
    html.Raw("<h1>Messages with ")
        .Text(name)
        .Raw("</h1><p class=\"meta\"><a href=\"")
        .Attr(kMessagesPath)
        .Raw("\">All conversations</a> <span aria-hidden=\"true\">·</span> <a href=\"")
        .Attr(UserUrl(page.other.username))
        .Raw("\">Profile</a></p>");
    html.Raw("<section class=\"conversation-thread\" data-section=\"messages\" data-with=\"")
        .Attr(page.other.username)
        .Raw("\" aria-label=\"Messages\">");
    if (!page.older_url.empty()) {
        html.Raw("<p class=\"more\"><a href=\"")
            .Attr(page.older_url)
            .Raw("\">Older messages</a></p>");
    }
    if (page.messages.empty()) {
        html.Raw("<p class=\"empty\">No messages yet. Say hello.</p>");
    } else {
        html.Raw("<ol class=\"messages\">");
        for (const Message& m : page.messages) AppendMessage(html, m, page.viewer_id, page.now);
        html.Raw("</ol>");
    }
    html.Raw("</section>");
    if (page.blocked_me) {
        html.Raw("<p class=\"notice\" role=\"status\">")
            .Text(name)
            .Raw(" has blocked you, so you cannot send them messages.</p>");
        // A refused send keeps the text where the person can copy it.
        if (!page.draft.empty())
            html.Raw("<p>Your message was not sent:</p><blockquote class=\"unsent\">")
                .Text(page.draft)
                .Raw("</blockquote>");
        return html;
    }
    if (page.i_blocked) {
        html.Raw("<p class=\"notice\" role=\"status\">You have blocked ")
            .Text(name)
            .Raw(". Unblock them on <a href=\"")
            .Attr(UserUrl(page.other.username))
            .Raw("\">their profile</a> to send a message.</p>");
        return html;
    }
    html.Raw("<form class=\"send-message\" method=\"post\" action=\"")
        .Attr(ConversationUrl(page.other.username))
        .Raw("\">");
    AppendCsrf(html, page.csrf_token);
    AppendErrorSummary(html, page.errors);
    AppendField(html,
                {.name = "body",
                 .label = "Your message",
                 .value = page.draft,
                 .kind = FieldKind::kTextarea,
                 .hint = "Markdown. Only the two of you can read this conversation.",
                 .max_length = service::kMaxMessage,
                 .required = true,
                 .rows = 4},
                page.errors);
    html.Raw("<button type=\"submit\">Send</button></form>");
    return html;
}

}  // namespace hoot::web::views
