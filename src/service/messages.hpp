#pragma once
// Direct messages between two people, and blocking. Only the two people in a conversation can
// read it: every read is "my conversation with {name}", never a conversation by number.
// Thread-safe.

#include <optional>
#include <string_view>
#include <vector>

#include "domain/clock.hpp"
#include "domain/social.hpp"
#include "service/live_hub.hpp"
#include "service/social_ports.hpp"

namespace hoot::service {

inline constexpr std::size_t kMaxMessage = 10000;  // bytes of Markdown
inline constexpr int kConversationPageSize = 50;
inline constexpr int kConversationListPageSize = 30;

struct ConversationList {
    std::vector<ConversationSummary> items;  // most recent first
    std::optional<MessageId> next;
};

struct ConversationPage {
    AuthorRef other;
    std::vector<Message> messages;          // oldest first (the page reads top to bottom)
    std::optional<MessageId> older;         // where the previous page ends, if there is one
    bool i_blocked = false;                 // I have blocked them
    bool blocked_me = false;                // they have blocked me
    std::int64_t unread_conversations = 0;  // mine, after reading this one
};

class MessageService {
  public:
    MessageService(Stores stores, LiveHub& hub, Clock clock = SystemNow)
        : stores_(stores), hub_(hub), clock_(std::move(clock)) {}

    // kNotFound for an unknown name; kInvalidInput (field "to") for oneself; kForbidden with a
    // message saying who blocked whom; kInvalidInput (field "body") for a bad body.
    Result<Message> Send(const User& from, std::string_view to_username, std::string_view body);
    Result<ConversationList> Conversations(const User& me, std::optional<MessageId> before,
                                           int limit);
    // Reading marks the conversation read. kNotFound for an unknown name.
    Result<ConversationPage> Open(const User& me, std::string_view other_username,
                                  std::optional<MessageId> before, int limit);
    // kNotFound for an unknown name; kInvalidInput for oneself. Returns the user blocked.
    Result<AuthorRef> SetBlock(const User& me, std::string_view username, bool on);
    // Whether `me` has blocked `username` (false for unknown names).
    Result<bool> HasBlocked(const User& me, std::string_view username);

  private:
    Result<User> Other(const User& me, std::string_view username, std::string_view field);

    Stores stores_;
    LiveHub& hub_;
    Clock clock_;
};

}  // namespace hoot::service
