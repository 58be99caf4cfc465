#pragma once
// Following hoots, the notification inbox and its preferences, and what a live event stream
// reads after a wake-up. Listens to the content services' activity: records who is told (one
// transaction) and wakes their streams. Thread-safe.

#include <optional>
#include <vector>

#include "domain/clock.hpp"
#include "domain/social.hpp"
#include "service/activity.hpp"
#include "service/hoots.hpp"
#include "service/live_hub.hpp"
#include "service/social_ports.hpp"

namespace hoot::service {

inline constexpr int kInboxPageSize = 30;
// At most this many of each kind per read of the live stream; the stream reads again at once
// when a batch was full.
inline constexpr int kLiveBatchLimit = 50;

// The live stream's cursor as event ids carry it: "n{notification}.m{message}.c{comment}".
std::string FormatLiveCursor(const LiveCursor& cursor);
// Exactly that form with numbers ≥ 0; nullopt for anything else.
std::optional<LiveCursor> ParseLiveCursor(std::string_view text);

struct FollowState {
    bool following = false;
    std::int64_t followers = 0;
};

struct InboxPage {
    std::vector<Notification> items;  // newest first
    std::optional<NotificationId> next;
};

struct LiveBatch {
    std::vector<Notification> notifications;
    std::vector<LiveMessage> messages;
    std::vector<LiveComment> comments;
    UnreadCounts unread;
    LiveCursor cursor;  // after everything in the batch
    bool full = false;  // a kind hit kLiveBatchLimit: read again
};

class NotificationService final : public ActivityListener {
  public:
    NotificationService(Stores stores, LiveHub& hub, Clock clock = SystemNow)
        : stores_(stores), hub_(hub), clock_(std::move(clock)) {}

    void OnActivity(const Activity& activity) override;

    // kNotFound for a missing or deleted hoot.
    Result<FollowState> SetFollow(UserId user, HootId hoot, bool on);
    Result<FollowState> FollowStateOf(UserId user, HootId hoot);
    Result<bool> IsFollowing(UserId user, HootId hoot) {
        return stores_.social.IsFollowing(hoot, user);
    }
    Result<FeedPageResult> Following(UserId user, std::optional<TimeCursor> after, int limit);

    Result<InboxPage> Inbox(UserId user, std::optional<NotificationId> before, int limit);
    // Newer than `after`, oldest first (polling clients).
    Result<std::vector<Notification>> NotificationsSince(UserId user, NotificationId after,
                                                         int limit) {
        return stores_.social.NotificationsAfter(user, after, limit);
    }
    // Marks it read and returns it; kNotFound unless it is the user's own.
    Result<Notification> Open(UserId user, NotificationId id);
    // Return the unread count afterwards.
    Result<std::int64_t> MarkRead(UserId user, const std::vector<NotificationId>& ids);
    Result<std::int64_t> MarkAllRead(UserId user);
    Result<NotificationPrefs> Prefs(UserId user);
    Status SetPrefs(UserId user, const NotificationPrefs& prefs);
    Result<UnreadCounts> Unread(UserId user);

    // Where a new stream starts: everything that exists now counts as seen.
    Result<LiveCursor> LiveStart();
    // What is new for the user (and on the hoot they read) since `cursor`.
    Result<LiveBatch> LiveSince(UserId user, std::optional<HootId> hoot, LiveCursor cursor);
    LiveHub& hub() { return hub_; }

  private:
    Stores stores_;
    LiveHub& hub_;
    Clock clock_;
};

}  // namespace hoot::service
