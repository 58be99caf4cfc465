#pragma once
// SQLite implementation of the SocialStore port: follows and notifications
// (notification_store.cpp), direct messages and blocks (message_store.cpp), and what the live
// stream polls (live_queries.cpp). Thread-safe like the other stores.

#include "service/social_ports.hpp"
#include "store/sqlite/db.hpp"

namespace hoot::store::sqlite {

class SqliteSocialStore final : public service::SocialStore {
  public:
    explicit SqliteSocialStore(Database& db) : db_(db) {}

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

}  // namespace hoot::store::sqlite
