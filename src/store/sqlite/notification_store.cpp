// Follows and notifications. The fan-out is SQL (INSERT … SELECT over the followers), so a hoot
// with thousands of followers costs one statement, not thousands of round trips.

#include "store/sqlite/guard.hpp"
#include "store/sqlite/social_store.hpp"
#include "store/sqlite/summary_rows.hpp"

namespace hoot::store::sqlite {
namespace {

constexpr std::string_view kHootExists = "SELECT 1 FROM hoots WHERE id = ?";
constexpr std::string_view kFollow =
    "INSERT OR IGNORE INTO follows(hoot_id, user_id, created_at) VALUES (?, ?, ?)";
constexpr std::string_view kUnfollow = "DELETE FROM follows WHERE hoot_id = ? AND user_id = ?";
constexpr std::string_view kMoveFollowerCount =
    "UPDATE hoots SET follower_count = follower_count + ? WHERE id = ?";
constexpr std::string_view kFollowerCount = "SELECT follower_count FROM hoots WHERE id = ?";
constexpr std::string_view kIsFollowing = "SELECT 1 FROM follows WHERE hoot_id = ? AND user_id = ?";
constexpr std::string_view kFollowing = HOOT_SUMMARY_SELECT
    ", f.created_at FROM follows f JOIN hoots h ON h.id = f.hoot_id JOIN users u ON u.id = "
    "h.author_id "
    "WHERE f.user_id = ?5 AND h.deleted_at IS NULL AND (?1 OR (f.created_at, f.hoot_id) < (?2, "
    "?3)) "
    "ORDER BY f.created_at DESC, f.hoot_id DESC LIMIT ?4";
constexpr std::string_view kFollowOnComment =
    "INSERT OR IGNORE INTO follows(hoot_id, user_id, created_at) "
    "SELECT ?1, id, ?3 FROM users WHERE id = ?2 AND follow_on_comment = 1";

// ?1 kind ?2 hoot ?3 post ?4 actor ?5 event key ?6 time; each returns who was told.
#define TELL_COLUMNS                      \
    "INSERT OR IGNORE INTO notifications" \
    "(user_id, kind, hoot_id, post_id, actor_id, event_key, created_at) "
#define WANTS_AND_NOT_BLOCKING                            \
    " AND u.id <> ?4 AND ((u.notify_mask >> ?1) & 1) = 1" \
    " AND NOT EXISTS (SELECT 1 FROM blocks b WHERE b.blocker_id = u.id AND b.blocked_id = ?4)"
constexpr std::string_view kTellMentioned = TELL_COLUMNS
    "SELECT u.id, ?1, ?2, ?3, ?4, ?5, ?6 FROM users u WHERE u.username_key = "
    "?7" WANTS_AND_NOT_BLOCKING " RETURNING user_id";
constexpr std::string_view kTellFollowers = TELL_COLUMNS
    "SELECT u.id, ?1, ?2, ?3, ?4, ?5, ?6 FROM follows f JOIN users u ON u.id = f.user_id "
    "WHERE f.hoot_id = ?2" WANTS_AND_NOT_BLOCKING " RETURNING user_id";
constexpr std::string_view kTellAuthor = TELL_COLUMNS
    "SELECT u.id, ?1, ?2, ?3, ?4, ?5, ?6 FROM users u WHERE u.id = ?7" WANTS_AND_NOT_BLOCKING
    " RETURNING user_id";
#undef TELL_COLUMNS
#undef WANTS_AND_NOT_BLOCKING
constexpr std::string_view kCountUnread =
    "UPDATE users SET unread_notifications = unread_notifications + 1 WHERE id = ?";

#define NOTIFICATION_SELECT                                                                  \
    "SELECT n.id, n.kind, n.hoot_id, h.title, h.slug, n.post_id, p.kind, a.id, a.username, " \
    "a.display_name, n.created_at, n.read_at IS NOT NULL FROM notifications n "              \
    "JOIN hoots h ON h.id = n.hoot_id JOIN posts p ON p.id = n.post_id "                     \
    "JOIN users a ON a.id = n.actor_id "
constexpr std::string_view kInbox =
    NOTIFICATION_SELECT "WHERE n.user_id = ?1 AND (?2 OR n.id < ?3) ORDER BY n.id DESC LIMIT ?4";
constexpr std::string_view kNotificationsAfter =
    NOTIFICATION_SELECT "WHERE n.user_id = ?1 AND n.id > ?2 ORDER BY n.id LIMIT ?3";
constexpr std::string_view kFindNotification =
    NOTIFICATION_SELECT "WHERE n.user_id = ?1 AND n.id = ?2";
#undef NOTIFICATION_SELECT

constexpr std::string_view kMarkOneRead =
    "UPDATE notifications SET read_at = ?1 WHERE id = ?2 AND user_id = ?3 AND read_at IS NULL";
constexpr std::string_view kMarkAllRead =
    "UPDATE notifications SET read_at = ?1 WHERE user_id = ?2 AND read_at IS NULL";
// Recounted rather than decremented, so the bell can never drift from the inbox.
constexpr std::string_view kRecountUnread =
    "UPDATE users SET unread_notifications = (SELECT COUNT(*) FROM notifications "
    "WHERE user_id = ?1 AND read_at IS NULL) WHERE id = ?1 RETURNING unread_notifications";
constexpr std::string_view kPrefs = "SELECT follow_on_comment, notify_mask FROM users WHERE id = ?";
constexpr std::string_view kSetPrefs =
    "UPDATE users SET follow_on_comment = ?, notify_mask = ? WHERE id = ?";
constexpr std::string_view kUnread =
    "SELECT unread_notifications, unread_conversations FROM users WHERE id = ?";

Notification ReadNotification(const Stmt& row) {
    Notification n;
    n.id = NotificationId(row.Int(0));
    n.kind = static_cast<NotificationKind>(row.Int(1));
    n.hoot = HootId(row.Int(2));
    n.hoot_title = row.Text(3);
    n.hoot_slug = row.Text(4);
    n.post = PostId(row.Int(5));
    n.post_kind = static_cast<PostKind>(row.Int(6));
    n.actor = ReadAuthor(row, 7);
    n.created_at = row.Int(10);
    n.read = row.Int(11) != 0;
    return n;
}

// Runs one fan-out statement and adds whoever it told to `told`.
void Tell(Connection& conn, std::string_view sql, NotificationKind kind,
          const service::Activity& activity, std::int64_t extra_param, std::string_view name,
          std::vector<UserId>& told) {
    auto stmt = conn.Prepare(sql);
    stmt.BindAll(static_cast<int>(kind), activity.hoot.value, activity.post.value,
                 activity.actor.value, std::string_view(activity.event_key), activity.at);
    if (!name.empty())
        stmt.Bind(7, name);
    else if (extra_param != 0)
        stmt.Bind(7, extra_param);
    while (stmt.Step()) told.push_back(UserId(stmt.Int(0)));
}

std::optional<NotificationKind> FollowerKind(service::ActivityKind kind) {
    switch (kind) {
        case service::ActivityKind::kCommentPosted:
            return NotificationKind::kComment;
        case service::ActivityKind::kUpdatePosted:
            return NotificationKind::kUpdate;
        default:
            return std::nullopt;
    }
}

std::optional<NotificationKind> AuthorKind(service::ActivityKind kind) {
    switch (kind) {
        case service::ActivityKind::kReacted:
            return NotificationKind::kReaction;
        case service::ActivityKind::kReplied:
            return NotificationKind::kReply;
        default:
            return std::nullopt;
    }
}

}  // namespace

Result<std::int64_t> SqliteSocialStore::SetFollow(HootId hoot, UserId user, bool on,
                                                  UnixSeconds now) {
    return Guarded([&]() -> Result<std::int64_t> {
        auto conn = db_.Write();
        WriteTx tx(*conn);
        if (!conn->Prepare(kHootExists).BindAll(hoot.value).Step())
            return Error::Make(Errc::kNotFound, "That hoot does not exist.");
        if (on)
            conn->Prepare(kFollow).BindAll(hoot.value, user.value, now).Exec();
        else
            conn->Prepare(kUnfollow).BindAll(hoot.value, user.value).Exec();
        if (int changed = conn->Changes(); changed > 0)
            conn->Prepare(kMoveFollowerCount).BindAll(on ? 1 : -1, hoot.value).Exec();
        auto count = conn->Prepare(kFollowerCount);
        count.Bind(1, hoot.value);
        count.Step();
        std::int64_t followers = count.Int(0);
        tx.Commit();
        return followers;
    });
}

Result<bool> SqliteSocialStore::IsFollowing(HootId hoot, UserId user) {
    return Guarded([&]() -> Result<bool> {
        auto conn = db_.Read();
        return conn->Prepare(kIsFollowing).BindAll(hoot.value, user.value).Step();
    });
}

Result<std::vector<service::FollowedHoot>> SqliteSocialStore::Following(
    UserId user, std::optional<service::TimeCursor> after, int limit) {
    return Guarded([&]() -> Result<std::vector<service::FollowedHoot>> {
        auto conn = db_.Read();
        auto stmt = conn->Prepare(kFollowing);
        stmt.Bind(1, after ? 0 : 1)
            .Bind(2, after ? after->created_at : 0)
            .Bind(3, after ? after->id : 0)
            .Bind(4, limit)
            .Bind(5, user.value);
        std::vector<service::FollowedHoot> hoots;
        while (stmt.Step()) hoots.push_back({ReadSummary(stmt), stmt.Int(kSummaryColumns)});
        return hoots;
    });
}

Result<std::vector<UserId>> SqliteSocialStore::Record(const service::Activity& activity) {
    return Guarded([&]() -> Result<std::vector<UserId>> {
        auto conn = db_.Write();
        WriteTx tx(*conn);
        if (activity.kind == service::ActivityKind::kCommentPosted) {
            conn->Prepare(kFollowOnComment)
                .BindAll(activity.hoot.value, activity.actor.value, activity.at)
                .Exec();
            if (conn->Changes() > 0)
                conn->Prepare(kMoveFollowerCount).BindAll(1, activity.hoot.value).Exec();
        }
        std::vector<UserId> told;
        // Mentions first: someone both mentioned and following is told once, as mentioned.
        for (const auto& name : activity.mentions)
            Tell(*conn, kTellMentioned, NotificationKind::kMention, activity, 0, name, told);
        if (auto kind = FollowerKind(activity.kind))
            Tell(*conn, kTellFollowers, *kind, activity, 0, {}, told);
        if (auto kind = AuthorKind(activity.kind); kind && activity.post_author.valid())
            Tell(*conn, kTellAuthor, *kind, activity, activity.post_author.value, {}, told);
        for (UserId user : told) conn->Prepare(kCountUnread).Bind(1, user.value).Exec();
        tx.Commit();
        return told;
    });
}

Result<std::vector<Notification>> SqliteSocialStore::Inbox(UserId user,
                                                           std::optional<NotificationId> before,
                                                           int limit) {
    return Guarded([&]() -> Result<std::vector<Notification>> {
        auto conn = db_.Read();
        auto stmt = conn->Prepare(kInbox);
        stmt.BindAll(user.value, before ? 0 : 1, before ? before->value : 0, limit);
        std::vector<Notification> out;
        while (stmt.Step()) out.push_back(ReadNotification(stmt));
        return out;
    });
}

Result<std::vector<Notification>> SqliteSocialStore::NotificationsAfter(UserId user,
                                                                        NotificationId after,
                                                                        int limit) {
    return Guarded([&]() -> Result<std::vector<Notification>> {
        auto conn = db_.Read();
        auto stmt = conn->Prepare(kNotificationsAfter);
        stmt.BindAll(user.value, after.value, limit);
        std::vector<Notification> out;
        while (stmt.Step()) out.push_back(ReadNotification(stmt));
        return out;
    });
}

Result<std::optional<Notification>> SqliteSocialStore::FindNotification(UserId user,
                                                                        NotificationId id) {
    return Guarded([&]() -> Result<std::optional<Notification>> {
        auto conn = db_.Read();
        auto stmt = conn->Prepare(kFindNotification);
        stmt.BindAll(user.value, id.value);
        if (!stmt.Step()) return std::optional<Notification>();
        return std::optional<Notification>(ReadNotification(stmt));
    });
}

Result<std::int64_t> SqliteSocialStore::MarkRead(UserId user,
                                                 const std::vector<NotificationId>& ids,
                                                 UnixSeconds now) {
    return Guarded([&]() -> Result<std::int64_t> {
        auto conn = db_.Write();
        WriteTx tx(*conn);
        for (NotificationId id : ids)
            conn->Prepare(kMarkOneRead).BindAll(now, id.value, user.value).Exec();
        auto recount = conn->Prepare(kRecountUnread);
        recount.Bind(1, user.value);
        std::int64_t unread = recount.Step() ? recount.Int(0) : 0;
        while (recount.Step()) {
        }
        tx.Commit();
        return unread;
    });
}

Result<std::int64_t> SqliteSocialStore::MarkAllRead(UserId user, UnixSeconds now) {
    return Guarded([&]() -> Result<std::int64_t> {
        auto conn = db_.Write();
        WriteTx tx(*conn);
        conn->Prepare(kMarkAllRead).BindAll(now, user.value).Exec();
        auto recount = conn->Prepare(kRecountUnread);
        recount.Bind(1, user.value);
        std::int64_t unread = recount.Step() ? recount.Int(0) : 0;
        while (recount.Step()) {
        }
        tx.Commit();
        return unread;
    });
}

Result<NotificationPrefs> SqliteSocialStore::Prefs(UserId user) {
    return Guarded([&]() -> Result<NotificationPrefs> {
        auto conn = db_.Read();
        auto stmt = conn->Prepare(kPrefs);
        stmt.Bind(1, user.value);
        if (!stmt.Step()) return Error::Make(Errc::kNotFound, "There is no such user.");
        NotificationPrefs prefs;
        prefs.follow_on_comment = stmt.Int(0) != 0;
        prefs.mask = static_cast<std::uint32_t>(stmt.Int(1));
        return prefs;
    });
}

Status SqliteSocialStore::SetPrefs(UserId user, const NotificationPrefs& prefs) {
    return Guarded([&]() -> Status {
        auto conn = db_.Write();
        conn->Prepare(kSetPrefs)
            .BindAll(prefs.follow_on_comment ? 1 : 0, static_cast<std::int64_t>(prefs.mask),
                     user.value)
            .Exec();
        if (conn->Changes() == 0) return Error::Make(Errc::kNotFound, "There is no such user.");
        return OkStatus();
    });
}

Result<service::UnreadCounts> SqliteSocialStore::Unread(UserId user) {
    return Guarded([&]() -> Result<service::UnreadCounts> {
        auto conn = db_.Read();
        auto stmt = conn->Prepare(kUnread);
        stmt.Bind(1, user.value);
        if (!stmt.Step()) return Error::Make(Errc::kNotFound, "There is no such user.");
        return service::UnreadCounts{stmt.Int(0), stmt.Int(1)};
    });
}

}  // namespace hoot::store::sqlite
