#pragma once
// The store interfaces for following, notifications, direct messages and the live event stream.
// Same promises as ports.hpp: thread-safe, one transaction per call, errors as values.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/model.hpp"
#include "domain/result.hpp"
#include "domain/social.hpp"
#include "service/ports.hpp"

namespace hoot::service {

// What happened, as the notification fan-out needs it. Recorded after the write it describes has
// committed.
enum class ActivityKind { kHootPosted, kCommentPosted, kUpdatePosted, kReacted, kReplied };

struct Activity {
    ActivityKind kind = ActivityKind::kCommentPosted;
    HootId hoot;
    PostId post;  // the new hoot or comment; the post updated, reacted to or replied under
    UserId actor;
    UserId post_author = {};  // reactions and replies: whose post it is
    std::string event_key;    // one notification per event per person (see migration 3)
    std::vector<std::string> mentions = {};  // lower-cased usernames
    UnixSeconds at = 0;
};

struct FollowedHoot {
    HootSummary hoot;
    UnixSeconds followed_at = 0;  // with the hoot id, the list's cursor
};

struct UnreadCounts {
    std::int64_t notifications = 0;
    std::int64_t conversations = 0;
};

// Where the live stream has got to: the last notification, message and comment it has sent.
struct LiveCursor {
    std::int64_t notification = 0;
    std::int64_t message = 0;
    std::int64_t comment = 0;
};

// A comment that arrived on a thread, as the live stream announces it.
struct LiveComment {
    CommentId id;
    AuthorRef author;
};

// A message as one side of the conversation sees it arrive.
struct LiveMessage {
    AuthorRef other;  // the other person in the conversation
    Message message;
};

class SocialStore {
  public:
    virtual ~SocialStore() = default;

    // --- follows
    // Returns the hoot's follower count afterwards. Idempotent. kNotFound for a missing hoot.
    virtual Result<std::int64_t> SetFollow(HootId hoot, UserId user, bool on, UnixSeconds now) = 0;
    virtual Result<bool> IsFollowing(HootId hoot, UserId user) = 0;
    // Hoots the user follows, most recently followed first, strictly after `after` (the follow's
    // time and the hoot id).
    virtual Result<std::vector<FollowedHoot>> Following(UserId user,
                                                        std::optional<TimeCursor> after,
                                                        int limit) = 0;

    // --- notifications
    // In one transaction: the actor follows the hoot when the activity implies it (a hoot they
    // posted; a comment, if their preference says so), then each person to tell gets one
    // notification (mentions first, then followers or the post's author), never the actor, nor
    // anyone who blocked the actor or turned that kind off; unread counts move with them.
    // Returns who was told.
    virtual Result<std::vector<UserId>> Record(const Activity& activity) = 0;
    // Newest first, strictly before `before` when given.
    virtual Result<std::vector<Notification>> Inbox(UserId user,
                                                    std::optional<NotificationId> before,
                                                    int limit) = 0;
    // Oldest first, strictly after `after` (the live stream).
    virtual Result<std::vector<Notification>> NotificationsAfter(UserId user, NotificationId after,
                                                                 int limit) = 0;
    // Only the user's own notification; nullopt otherwise.
    virtual Result<std::optional<Notification>> FindNotification(UserId user,
                                                                 NotificationId id) = 0;
    // Marks those of the ids that are the user's (or all of them); returns the unread count after.
    virtual Result<std::int64_t> MarkRead(UserId user, const std::vector<NotificationId>& ids,
                                          UnixSeconds now) = 0;
    virtual Result<std::int64_t> MarkAllRead(UserId user, UnixSeconds now) = 0;
    virtual Result<NotificationPrefs> Prefs(UserId user) = 0;
    virtual Status SetPrefs(UserId user, const NotificationPrefs& prefs) = 0;
    virtual Result<UnreadCounts> Unread(UserId user) = 0;

    // --- direct messages
    // Stores the message, creating the conversation on first contact; the recipient's unread
    // counts move in the same transaction.
    virtual Result<MessageId> SendMessage(UserId from, UserId to, const std::string& body_source,
                                          const std::string& body_html, UnixSeconds now) = 0;
    // The user's conversations, the most recent first, strictly before `before` (a message id).
    virtual Result<std::vector<ConversationSummary>> Conversations(UserId user,
                                                                   std::optional<MessageId> before,
                                                                   int limit) = 0;
    // The conversation between the two, newest first, strictly before `before`.
    virtual Result<std::vector<Message>> Messages(UserId user, UserId other,
                                                  std::optional<MessageId> before, int limit) = 0;
    // Messages in any of the user's conversations, oldest first, strictly after `after`.
    virtual Result<std::vector<LiveMessage>> MessagesAfter(UserId user, MessageId after,
                                                           int limit) = 0;
    // Returns the user's unread conversation count afterwards.
    virtual Result<std::int64_t> MarkConversationRead(UserId user, UserId other) = 0;
    virtual Status SetBlock(UserId blocker, UserId blocked, bool on, UnixSeconds now) = 0;
    virtual Result<bool> IsBlocked(UserId blocker, UserId blocked) = 0;

    // --- live stream
    // The newest notification, message and comment ids now (where a fresh stream starts).
    virtual Result<LiveCursor> LatestIds() = 0;
    // Comments on the hoot with ids after `after`, oldest first (deleted ones left out).
    virtual Result<std::vector<LiveComment>> CommentsAfter(HootId hoot, CommentId after,
                                                           int limit) = 0;
};

}  // namespace hoot::service
