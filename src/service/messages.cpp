#include "service/messages.hpp"

#include <algorithm>

#include "domain/validation.hpp"
#include "render/markdown.hpp"

namespace hoot::service {
namespace {

AuthorRef RefOf(const User& user) {
    return {user.id, user.username, user.display_name.empty() ? user.username : user.display_name};
}

}  // namespace

Result<User> MessageService::Other(const User& me, std::string_view username,
                                   std::string_view field) {
    auto other = stores_.users.FindByUsername(username);
    if (!other) return other.take_error();
    if (!*other) return Error::Make(Errc::kNotFound, "There is no user called that.");
    if ((*other)->id == me.id)
        return Error::Make(Errc::kInvalidInput, "That is you: pick someone else.",
                           std::string(field));
    return std::move(**other);
}

Result<Message> MessageService::Send(const User& from, std::string_view to_username,
                                     std::string_view body) {
    auto to = Other(from, to_username, "to");
    if (!to) return to.take_error();
    const std::string name = RefOf(*to).display_name;
    auto they_blocked = stores_.social.IsBlocked(to->id, from.id);
    if (!they_blocked) return they_blocked.take_error();
    if (*they_blocked)
        return Error::Make(Errc::kForbidden,
                           name + " has blocked you, so you cannot send them messages.");
    auto i_blocked = stores_.social.IsBlocked(from.id, to->id);
    if (!i_blocked) return i_blocked.take_error();
    if (*i_blocked)
        return Error::Make(Errc::kForbidden,
                           "You have blocked " + name + ". Unblock them to send a message.");
    auto text = ValidateBody(body, kMaxMessage);
    if (!text) return text.take_error();
    Message message;
    message.sender = RefOf(from);
    message.body_source = *text;
    message.body_html = render::RenderMarkdown(*text).str();
    message.created_at = clock_();
    auto id = stores_.social.SendMessage(from.id, to->id, message.body_source, message.body_html,
                                         message.created_at);
    if (!id) return id.take_error();
    message.id = *id;
    // The recipient's DM box, and the sender's other tabs showing the conversation.
    hub_.WakeUsers({to->id, from.id});
    return message;
}

Result<ConversationList> MessageService::Conversations(const User& me,
                                                       std::optional<MessageId> before, int limit) {
    auto items = stores_.social.Conversations(me.id, before, limit + 1);
    if (!items) return items.take_error();
    ConversationList list;
    list.items = std::move(*items);
    if (static_cast<int>(list.items.size()) > limit) {
        list.items.resize(limit);
        list.next = list.items.back().last.id;
    }
    return list;
}

Result<ConversationPage> MessageService::Open(const User& me, std::string_view other_username,
                                              std::optional<MessageId> before, int limit) {
    auto other = Other(me, other_username, "to");
    if (!other) return other.take_error();
    ConversationPage page;
    page.other = RefOf(*other);
    auto messages = stores_.social.Messages(me.id, other->id, before, limit + 1);
    if (!messages) return messages.take_error();
    page.messages = std::move(*messages);
    if (static_cast<int>(page.messages.size()) > limit) {
        page.messages.resize(limit);
        page.older = page.messages.back().id;
    }
    std::reverse(page.messages.begin(), page.messages.end());
    auto i_blocked = stores_.social.IsBlocked(me.id, other->id);
    if (!i_blocked) return i_blocked.take_error();
    auto blocked_me = stores_.social.IsBlocked(other->id, me.id);
    if (!blocked_me) return blocked_me.take_error();
    page.i_blocked = *i_blocked;
    page.blocked_me = *blocked_me;
    auto unread = stores_.social.MarkConversationRead(me.id, other->id);
    if (!unread) return unread.take_error();
    if (*unread != me.unread_conversations) hub_.WakeUser(me.id);  // the DM box in other tabs
    page.unread_conversations = *unread;
    return page;
}

Result<AuthorRef> MessageService::SetBlock(const User& me, std::string_view username, bool on) {
    auto other = Other(me, username, "username");
    if (!other) return other.take_error();
    auto done = stores_.social.SetBlock(me.id, other->id, on, clock_());
    if (!done) return done.take_error();
    return RefOf(*other);
}

Result<bool> MessageService::HasBlocked(const User& me, std::string_view username) {
    auto other = stores_.users.FindByUsername(username);
    if (!other) return other.take_error();
    if (!*other) return false;
    return stores_.social.IsBlocked(me.id, (*other)->id);
}

}  // namespace hoot::service
