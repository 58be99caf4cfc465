// Direct messages and blocking.

#include "service/messages.hpp"
#include "web/handlers.hpp"
#include "web/urls.hpp"
#include "web/views/views.hpp"

namespace hoot::web {
namespace {

Error BadPageLink() { return Error::Make(Errc::kBadRequest, "That page link is not valid."); }

http::Response RenderConversationList(const WebContext& wc, http::RequestContext& ctx,
                                      std::string to = {}, views::FormErrors errors = {},
                                      int status = 200) {
    std::optional<MessageId> before;
    if (auto text = ctx.request.QueryParam("before")) {
        before = ParseId<MessageId>(*text);
        if (!before) return ErrorPage(wc.site, ctx, BadPageLink());
    }
    auto list =
        wc.services.messages.Conversations(*ctx.user, before, service::kConversationListPageSize);
    if (!list) return ErrorPage(wc.site, ctx, list.error());
    views::ConversationsPage page;
    page.items = std::move(list->items);
    if (list->next) page.next_url = ConversationsPageUrl(*list->next);
    page.to = std::move(to);
    page.errors = std::move(errors);
    page.csrf_token = ctx.csrf_token;
    page.now = ctx.now;
    return HtmlPage(wc.site, ctx, PageTitle(wc.site, "Messages"), views::RenderConversations(page),
                    status);
}

http::Response RenderConversationPage(const WebContext& wc, http::RequestContext& ctx,
                                      std::string draft = {}, views::FormErrors errors = {},
                                      int status = 200) {
    std::optional<MessageId> before;
    if (auto text = ctx.request.QueryParam("before")) {
        before = ParseId<MessageId>(*text);
        if (!before) return ErrorPage(wc.site, ctx, BadPageLink());
    }
    auto conversation = wc.services.messages.Open(*ctx.user, ctx.params.Get("username"), before,
                                                  service::kConversationPageSize);
    if (!conversation) return ErrorPage(wc.site, ctx, conversation.error());
    // The top bar shows the DM box as it is after reading this conversation.
    ctx.user->unread_conversations = conversation->unread_conversations;
    views::ConversationPage page;
    page.other = conversation->other;
    page.messages = std::move(conversation->messages);
    if (conversation->older)
        page.older_url = OlderMessagesUrl(conversation->other.username, *conversation->older);
    page.i_blocked = conversation->i_blocked;
    page.blocked_me = conversation->blocked_me;
    page.draft = std::move(draft);
    page.errors = std::move(errors);
    page.csrf_token = ctx.csrf_token;
    page.viewer_id = ctx.user->id;
    page.now = ctx.now;
    return HtmlPage(wc.site, ctx, PageTitle(wc.site, "Messages with " + page.other.display_name),
                    views::RenderConversation(page), status);
}

}  // namespace

// /messages, and /messages?to=name from the "write to" form (a GET: it only opens a page).
http::Response ShowConversations(const WebContext& wc, http::RequestContext& ctx) {
    auto to = ctx.request.QueryParam("to");
    if (!to) return RenderConversationList(wc, ctx);
    auto user = wc.services.accounts.GetUser(*to);
    if (user && user->id != ctx.user->id) return SeeOther(ConversationUrl(user->username));
    views::FormErrors errors;
    errors.fields.emplace_back(
        "to", user ? "That is you: pick someone else." : "There is no user called that.");
    return RenderConversationList(wc, ctx, *to, std::move(errors), user ? 422 : 404);
}

http::Response ShowConversation(const WebContext& wc, http::RequestContext& ctx) {
    return RenderConversationPage(wc, ctx);
}

http::Response SendMessage(const WebContext& wc, http::RequestContext& ctx) {
    std::string body = ctx.FormValue("body");
    const std::string to(ctx.params.Get("username"));
    auto sent = wc.services.messages.Send(*ctx.user, to, body);
    if (sent) return SeeOther(ConversationUrl(to) + "#m-" + std::to_string(sent->id.value));
    const Errc code = sent.error().code;
    if (code != Errc::kInvalidInput && code != Errc::kForbidden)
        return ErrorPage(wc.site, ctx, sent.error());
    // Blocked or a bad body: the conversation again, with the text kept and the reason shown.
    views::FormErrors errors = ToFormErrors(sent.error());
    return RenderConversationPage(wc, ctx, std::move(body), std::move(errors),
                                  code == Errc::kForbidden ? 403 : 422);
}

http::Response SetBlock(const WebContext& wc, http::RequestContext& ctx) {
    std::string flag = ctx.FormValue("block");
    if (flag != "1" && flag != "0")
        return ErrorPage(wc.site, ctx,
                         Error::Make(Errc::kBadRequest, "Say block=1 to block, 0 to unblock."));
    auto user = wc.services.messages.SetBlock(*ctx.user, ctx.params.Get("username"), flag == "1");
    if (!user) return ErrorPage(wc.site, ctx, user.error());
    return SeeOther(UserUrl(user->username));
}

}  // namespace hoot::web
