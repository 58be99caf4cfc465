#include "service/notifications.hpp"

#include <atomic>
#include <charconv>

#include "app/log.hpp"

namespace hoot::service {
namespace {

class NoListener final : public ActivityListener {
  public:
    void OnActivity(const Activity&) override {}
};

Error NoSuchHoot() { return Error::Make(Errc::kNotFound, "There is no hoot with that number."); }

// Fan-outs that failed (the change itself stood): logged and counted, never silent.
std::atomic<std::int64_t> failed_fanouts{0};

}  // namespace

std::string FormatLiveCursor(const LiveCursor& c) {
    return "n" + std::to_string(c.notification) + ".m" + std::to_string(c.message) + ".c" +
           std::to_string(c.comment);
}

std::optional<LiveCursor> ParseLiveCursor(std::string_view text) {
    LiveCursor cursor;
    std::int64_t* slots[] = {&cursor.notification, &cursor.message, &cursor.comment};
    constexpr char kLetters[] = {'n', 'm', 'c'};
    for (int i = 0; i < 3; ++i) {
        if (i > 0) {
            if (text.empty() || text.front() != '.') return std::nullopt;
            text.remove_prefix(1);
        }
        if (text.empty() || text.front() != kLetters[i]) return std::nullopt;
        text.remove_prefix(1);
        auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), *slots[i]);
        if (ec != std::errc() || end == text.data() || *slots[i] < 0) return std::nullopt;
        text.remove_prefix(static_cast<std::size_t>(end - text.data()));
    }
    if (!text.empty()) return std::nullopt;
    return cursor;
}

ActivityListener& IgnoreActivity() {
    static NoListener listener;
    return listener;
}

void NotificationService::OnActivity(const Activity& activity) {
    auto told = stores_.social.Record(activity);
    if (!told) {
        ++failed_fanouts;
        log::Warn("notifications for " + activity.event_key + " were not recorded (" +
                  std::to_string(failed_fanouts.load()) + " so far): " + told.error().detail);
        return;
    }
    // The actor's own other tabs also see their comment appear on the thread.
    if (activity.kind == ActivityKind::kCommentPosted) hub_.WakeHoot(activity.hoot);
    if (!told->empty()) hub_.WakeUsers(*told);
}

Result<FollowState> NotificationService::SetFollow(UserId user, HootId hoot, bool on) {
    auto found = stores_.hoots.Find(hoot);
    if (!found) return found.take_error();
    if (!*found) return NoSuchHoot();
    auto followers = stores_.social.SetFollow(hoot, user, on, clock_());
    if (!followers) return followers.take_error();
    return FollowState{on, *followers};
}

Result<FollowState> NotificationService::FollowStateOf(UserId user, HootId hoot) {
    auto found = stores_.hoots.Find(hoot);
    if (!found) return found.take_error();
    if (!*found) return NoSuchHoot();
    auto following = stores_.social.IsFollowing(hoot, user);
    if (!following) return following.take_error();
    return FollowState{*following, (*found)->follower_count};
}

Result<FeedPageResult> NotificationService::Following(UserId user, std::optional<TimeCursor> after,
                                                      int limit) {
    // One more than asked tells whether a next page exists.
    auto followed = stores_.social.Following(user, after, limit + 1);
    if (!followed) return followed.take_error();
    FeedPageResult page;
    const bool more = static_cast<int>(followed->size()) > limit;
    if (more) followed->resize(limit);
    for (auto& item : *followed) page.hoots.push_back(std::move(item.hoot));
    if (more) page.next = TimeCursor{followed->back().followed_at, page.hoots.back().id.value};
    return page;
}

Result<InboxPage> NotificationService::Inbox(UserId user, std::optional<NotificationId> before,
                                             int limit) {
    auto items = stores_.social.Inbox(user, before, limit + 1);
    if (!items) return items.take_error();
    InboxPage page;
    page.items = std::move(*items);
    if (static_cast<int>(page.items.size()) > limit) {
        page.items.resize(limit);
        page.next = page.items.back().id;
    }
    return page;
}

Result<Notification> NotificationService::Open(UserId user, NotificationId id) {
    auto found = stores_.social.FindNotification(user, id);
    if (!found) return found.take_error();
    if (!*found) return Error::Make(Errc::kNotFound, "There is no such notification.");
    if (!(*found)->read) {
        auto unread = stores_.social.MarkRead(user, {id}, clock_());
        if (!unread) return unread.take_error();
        (*found)->read = true;
        hub_.WakeUser(user);  // the bell in the user's other tabs
    }
    return std::move(**found);
}

Result<std::int64_t> NotificationService::MarkRead(UserId user,
                                                   const std::vector<NotificationId>& ids) {
    auto unread = stores_.social.MarkRead(user, ids, clock_());
    if (unread) hub_.WakeUser(user);
    return unread;
}

Result<std::int64_t> NotificationService::MarkAllRead(UserId user) {
    auto unread = stores_.social.MarkAllRead(user, clock_());
    if (unread) hub_.WakeUser(user);
    return unread;
}

Result<NotificationPrefs> NotificationService::Prefs(UserId user) {
    return stores_.social.Prefs(user);
}

Status NotificationService::SetPrefs(UserId user, const NotificationPrefs& prefs) {
    return stores_.social.SetPrefs(user, prefs);
}

Result<UnreadCounts> NotificationService::Unread(UserId user) {
    return stores_.social.Unread(user);
}

Result<LiveCursor> NotificationService::LiveStart() { return stores_.social.LatestIds(); }

Result<LiveBatch> NotificationService::LiveSince(UserId user, std::optional<HootId> hoot,
                                                 LiveCursor cursor) {
    LiveBatch batch;
    batch.cursor = cursor;
    auto notifications = stores_.social.NotificationsAfter(
        user, NotificationId(cursor.notification), kLiveBatchLimit);
    if (!notifications) return notifications.take_error();
    batch.notifications = std::move(*notifications);
    if (!batch.notifications.empty())
        batch.cursor.notification = batch.notifications.back().id.value;

    auto messages = stores_.social.MessagesAfter(user, MessageId(cursor.message), kLiveBatchLimit);
    if (!messages) return messages.take_error();
    batch.messages = std::move(*messages);
    if (!batch.messages.empty()) batch.cursor.message = batch.messages.back().message.id.value;

    if (hoot) {
        auto comments =
            stores_.social.CommentsAfter(*hoot, CommentId(cursor.comment), kLiveBatchLimit);
        if (!comments) return comments.take_error();
        batch.comments = std::move(*comments);
        if (!batch.comments.empty()) batch.cursor.comment = batch.comments.back().id.value;
    }
    auto unread = stores_.social.Unread(user);
    if (!unread) return unread.take_error();
    batch.unread = *unread;
    batch.full = static_cast<int>(batch.notifications.size()) == kLiveBatchLimit ||
                 static_cast<int>(batch.messages.size()) == kLiveBatchLimit ||
                 static_cast<int>(batch.comments.size()) == kLiveBatchLimit;
    return batch;
}

}  // namespace hoot::service
