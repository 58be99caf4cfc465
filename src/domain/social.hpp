#pragma once
// Follows, notifications and direct messages: the plain types and the rules that need no database.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/ids.hpp"
#include "domain/model.hpp"

namespace hoot {

using NotificationId = Id<struct NotificationTag>;
using MessageId = Id<struct MessageTag>;

// Why someone is told. Append only: the numbers are stored, and each is a bit (1 << kind) of
// the user's notification preferences.
enum class NotificationKind {
    kComment = 1,   // a new comment on a hoot they follow
    kUpdate = 2,    // an update on a hoot they follow (or on a comment in it)
    kReaction = 3,  // someone reacted to their post
    kReply = 4,     // someone replied under their post
    kMention = 5,   // someone wrote @their-name in a hoot, comment or update
};
inline constexpr NotificationKind kNotificationKinds[] = {
    NotificationKind::kComment, NotificationKind::kUpdate, NotificationKind::kReaction,
    NotificationKind::kReply, NotificationKind::kMention};

// Stable keys for forms and the API: "comment", "update", "reaction", "reply", "mention".
std::string_view NotificationKindKey(NotificationKind kind);
std::optional<NotificationKind> ParseNotificationKind(std::string_view key);
// "Comments on hoots you follow", ...: the preference's label.
std::string_view NotificationKindLabel(NotificationKind kind);

struct NotificationPrefs {
    bool follow_on_comment = true;
    std::uint32_t mask = 0b111110;  // every kind on; matches the column default (migration 3)

    bool Wants(NotificationKind kind) const { return (mask >> static_cast<int>(kind)) & 1u; }
    void Set(NotificationKind kind, bool on) {
        const std::uint32_t bit = 1u << static_cast<int>(kind);
        mask = on ? (mask | bit) : (mask & ~bit);
    }
};

struct Notification {
    NotificationId id;
    NotificationKind kind = NotificationKind::kComment;
    HootId hoot;
    std::string hoot_title, hoot_slug;
    PostId post;  // what the event is about: the new comment, or the post reacted to / updated
    PostKind post_kind = PostKind::kHoot;
    AuthorRef actor;
    UnixSeconds created_at = 0;
    bool read = false;
};

struct Message {
    MessageId id;
    AuthorRef sender;
    std::string body_source;
    std::string body_html;  // written by the Markdown sanitiser only
    UnixSeconds created_at = 0;
};

struct ConversationSummary {
    AuthorRef other;
    Message last;
    std::int64_t unread = 0;
};

// The @names in a post's Markdown source, lower-cased, each once, in order of appearance, at most
// `limit`. A name is 3–32 of [A-Za-z0-9_-] after an '@' that does not follow a letter, digit or
// one of "_-." (so e-mail addresses are not mentions); code spans and fenced code are skipped.
std::vector<std::string> ExtractMentions(std::string_view markdown, std::size_t limit = 20);

}  // namespace hoot
