#pragma once
// PostgreSQL implementation of the SocialStore port: follows and notifications
// (notification_store.cpp), direct messages and blocks (message_store.cpp), and what the live
// stream polls (live_queries.cpp). The twin of store/sqlite/social_store.hpp: same ordering, same
// errors, same counters. Thread-safe: every call leases a pooled connection.
//
// Where SQLite's single writer orders everything, these stores take row locks, always in one
// order so that two writers cannot deadlock: a hoot row before any users row, users rows in
// ascending id in one statement, then the rows that hang off them (notifications, conversation
// members). Locking the people before their inbox rows are inserted also means a person's
// notification and message ids grow in commit order, so the live stream's "ids after my cursor"
// never skips a row that committed late. Every lock is FOR NO KEY UPDATE (what an UPDATE of
// non-key columns takes): it does not block the KEY SHARE locks that foreign-key checks take on
// the rows an insert references, so an insert never waits on a row another writer has locked.

#include "service/social_ports.hpp"
#include "store/postgres/db.hpp"

namespace hoot::store::postgres {

class PgSocialStore final : public service::SocialStore {
  public:
    explicit PgSocialStore(Database& db) : db_(db) {}

    Result<std::int64_t> SetFollow(HootId hoot, UserId user, bool on, UnixSeconds now) override;
    Result<bool> IsFollowing(HootId hoot, UserId user) override;
    Result<std::vector<service::FollowedHoot>> Following(UserId user,
                                                         std::optional<service::TimeCursor> after,
                                                         int limit) override;

    Result<std::vector<UserId>> Record(const service::Activity& activity) override;
    Result<std::vector<Notification>> Inbox(UserId user, std::optional<NotificationId> before,
                                            int limit) override;
    Result<std::vector<Notification>> NotificationsAfter(UserId user, NotificationId after,
                                                         int limit) override;
    Result<std::optional<Notification>> FindNotification(UserId user, NotificationId id) override;
    Result<std::int64_t> MarkRead(UserId user, const std::vector<NotificationId>& ids,
                                  UnixSeconds now) override;
    Result<std::int64_t> MarkAllRead(UserId user, UnixSeconds now) override;
    Result<NotificationPrefs> Prefs(UserId user) override;
    Status SetPrefs(UserId user, const NotificationPrefs& prefs) override;
    Result<service::UnreadCounts> Unread(UserId user) override;

    Result<MessageId> SendMessage(UserId from, UserId to, const std::string& body_source,
                                  const std::string& body_html, UnixSeconds now) override;
    Result<std::vector<ConversationSummary>> Conversations(UserId user,
                                                           std::optional<MessageId> before,
                                                           int limit) override;
    Result<std::vector<Message>> Messages(UserId user, UserId other,
                                          std::optional<MessageId> before, int limit) override;
    Result<std::vector<service::LiveMessage>> MessagesAfter(UserId user, MessageId after,
                                                            int limit) override;
    Result<std::int64_t> MarkConversationRead(UserId user, UserId other) override;
    Status SetBlock(UserId blocker, UserId blocked, bool on, UnixSeconds now) override;
    Result<bool> IsBlocked(UserId blocker, UserId blocked) override;

    Result<service::LiveCursor> LatestIds() override;
    Result<std::vector<service::LiveComment>> CommentsAfter(HootId hoot, CommentId after,
                                                            int limit) override;

  private:
    Database& db_;
};

}  // namespace hoot::store::postgres
