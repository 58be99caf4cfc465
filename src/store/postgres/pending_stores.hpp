#pragma once
// PLACEHOLDERS, NOT A PORT: the stores PostgreSQL does not have yet (issue 7, part 2 ports them
// in social_store.*, notification_store.cpp, message_store.cpp, live_queries.cpp). Every call
// fails with Errc::kInternal and says which store is missing, so nothing on PostgreSQL silently
// does nothing. Delete each class as its real store lands, and this file with the last one.

#include <memory>

#include "service/import_store.hpp"
#include "service/ports.hpp"
#include "service/social_ports.hpp"

namespace hoot::store::postgres {

inline Error NotPortedYet(const char* store) {
    return Error::Make(Errc::kInternal, "This feature is not available on PostgreSQL yet.", {},
                       std::string(store) + " is not ported to PostgreSQL yet (issue 7)");
}

class PendingSocialStore final : public service::SocialStore {
  public:
    Result<std::int64_t> SetFollow(HootId, UserId, bool, UnixSeconds) override { return No(); }
    Result<bool> IsFollowing(HootId, UserId) override { return No(); }
    Result<std::vector<service::FollowedHoot>> Following(UserId, std::optional<service::TimeCursor>,
                                                         int) override {
        return No();
    }
    Result<std::vector<UserId>> Record(const service::Activity&) override { return No(); }
    Result<std::vector<Notification>> Inbox(UserId, std::optional<NotificationId>, int) override {
        return No();
    }
    Result<std::vector<Notification>> NotificationsAfter(UserId, NotificationId, int) override {
        return No();
    }
    Result<std::optional<Notification>> FindNotification(UserId, NotificationId) override {
        return No();
    }
    Result<std::int64_t> MarkRead(UserId, const std::vector<NotificationId>&,
                                  UnixSeconds) override {
        return No();
    }
    Result<std::int64_t> MarkAllRead(UserId, UnixSeconds) override { return No(); }
    Result<NotificationPrefs> Prefs(UserId) override { return No(); }
    Status SetPrefs(UserId, const NotificationPrefs&) override { return No(); }
    Result<service::UnreadCounts> Unread(UserId) override { return No(); }
    Result<MessageId> SendMessage(UserId, UserId, const std::string&, const std::string&,
                                  UnixSeconds) override {
        return No();
    }
    Result<std::vector<ConversationSummary>> Conversations(UserId, std::optional<MessageId>,
                                                           int) override {
        return No();
    }
    Result<std::vector<Message>> Messages(UserId, UserId, std::optional<MessageId>, int) override {
        return No();
    }
    Result<std::vector<service::LiveMessage>> MessagesAfter(UserId, MessageId, int) override {
        return No();
    }
    Result<std::int64_t> MarkConversationRead(UserId, UserId) override { return No(); }
    Status SetBlock(UserId, UserId, bool, UnixSeconds) override { return No(); }
    Result<bool> IsBlocked(UserId, UserId) override { return No(); }
    Result<service::LiveCursor> LatestIds() override { return No(); }
    Result<std::vector<service::LiveComment>> CommentsAfter(HootId, CommentId, int) override {
        return No();
    }

  private:
    static Error No() { return NotPortedYet("SocialStore"); }
};

}  // namespace hoot::store::postgres
