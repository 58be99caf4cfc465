// Follows and notifications. The fan-out is SQL (INSERT … SELECT over the followers), so a hoot
// with thousands of followers costs a few statements, not thousands of round trips. The twin of
// store/sqlite/notification_store.cpp; change them together.

#include <string_view>

#include "store/postgres/guard.hpp"
#include "store/postgres/social_store.hpp"
#include "store/postgres/summary_rows.hpp"

namespace hoot::store::postgres {
namespace {


constexpr std::string_view kHootExists = "SELECT 1 FROM hoots WHERE id = $1";
constexpr std::string_view kFollow =
    "INSERT INTO follows(hoot_id, user_id, created_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING";
constexpr std::string_view kUnfollow = "DELETE FROM follows WHERE hoot_id = $1 AND user_id = $2";
constexpr std::string_view kMoveFollowerCount =
    "UPDATE hoots SET follower_count = follower_count + $1 WHERE id = $2 "
    "RETURNING follower_count";
constexpr std::string_view kFollowerCount = "SELECT follower_count FROM hoots WHERE id = $1";
constexpr std::string_view kIsFollowing =
    "SELECT 1 FROM follows WHERE hoot_id = $1 AND user_id = $2";
constexpr std::string_view kFollowing = PG_HOOT_SUMMARY_SELECT
    ", f.created_at FROM follows f JOIN hoots h ON h.id = f.hoot_id "
    "JOIN users u ON u.id = h.author_id "
    "WHERE f.user_id = $5 AND h.deleted_at IS NULL "
    "AND ($1::boolean OR (f.created_at, f.hoot_id) < ($2::bigint, $3::bigint)) "
    "ORDER BY f.created_at DESC, f.hoot_id DESC LIMIT $4";
constexpr std::string_view kFollowOnComment =
    "INSERT INTO follows(hoot_id, user_id, created_at) "
    "SELECT $1::bigint, id, $3::bigint FROM users WHERE id = $2 AND follow_on_comment = 1 "
    "ON CONFLICT DO NOTHING";

// Everyone the fan-out may tell, locked in id order before any notification is inserted (see
// social_store.hpp): $1 actor, $2 mentioned names, $3 whether followers are told, $4 hoot,
// $5 the post's author (0 for none).
constexpr std::string_view kLockAudience =
    "SELECT u.id FROM users u WHERE u.id <> $1 AND (u.username_key = ANY($2::text[]) "
    "OR ($3::boolean AND u.id IN (SELECT f.user_id FROM follows f WHERE f.hoot_id = $4)) "
    "OR u.id = $5) ORDER BY u.id FOR NO KEY UPDATE";

// $1 kind $2 hoot $3 post $4 actor $5 event key $6 time; each returns who was told. The UNIQUE
// (user_id, event_key) constraint makes a repeated event tell nobody twice.
#define TELL_COLUMNS                                                                       \
    "INSERT INTO notifications(user_id, kind, hoot_id, post_id, actor_id, event_key, "     \
    "created_at) SELECT u.id, $1::integer, $2::bigint, $3::bigint, $4::bigint, $5::text, " \
    "$6::bigint "
#define WANTS_AND_NOT_BLOCKING                                     \
    " AND u.id <> $4 AND ((u.notify_mask >> $1::integer) & 1) = 1" \
    " AND NOT EXISTS (SELECT 1 FROM blocks b WHERE b.blocker_id = u.id AND b.blocked_id = $4)"
#define ONCE " ON CONFLICT (user_id, event_key) DO NOTHING RETURNING user_id"
constexpr std::string_view kTellMentioned =
    TELL_COLUMNS "FROM users u WHERE u.username_key = ANY($7::text[])" WANTS_AND_NOT_BLOCKING ONCE;
constexpr std::string_view kTellFollowers = TELL_COLUMNS
    "FROM follows f JOIN users u ON u.id = f.user_id "
    "WHERE f.hoot_id = $2" WANTS_AND_NOT_BLOCKING ONCE;
constexpr std::string_view kTellAuthor =
    TELL_COLUMNS "FROM users u WHERE u.id = $7::bigint" WANTS_AND_NOT_BLOCKING ONCE;
#undef TELL_COLUMNS
#undef WANTS_AND_NOT_BLOCKING
#undef ONCE
constexpr std::string_view kCountUnread =
    "UPDATE users SET unread_notifications = unread_notifications + 1 "
    "WHERE id = ANY($1::bigint[])";

#define NOTIFICATION_SELECT                                                                  \
    "SELECT n.id, n.kind, n.hoot_id, h.title, h.slug, n.post_id, p.kind, a.id, a.username, " \
    "a.display_name, n.created_at, n.read_at IS NOT NULL FROM notifications n "              \
    "JOIN hoots h ON h.id = n.hoot_id JOIN posts p ON p.id = n.post_id "                     \
    "JOIN users a ON a.id = n.actor_id "
constexpr std::string_view kInbox = NOTIFICATION_SELECT
    "WHERE n.user_id = $1 AND ($2::boolean OR n.id < $3::bigint) ORDER BY n.id DESC LIMIT $4";
constexpr std::string_view kNotificationsAfter =
    NOTIFICATION_SELECT "WHERE n.user_id = $1 AND n.id > $2 ORDER BY n.id LIMIT $3";
constexpr std::string_view kFindNotification =
    NOTIFICATION_SELECT "WHERE n.user_id = $1 AND n.id = $2";
#undef NOTIFICATION_SELECT

// Mark-read takes the person's row first: a fan-out that told them and has not committed yet
// waits, or is waited for, so the recount below never overwrites an increment it did not see.
constexpr std::string_view kLockUser = "SELECT 1 FROM users WHERE id = $1 FOR NO KEY UPDATE";
constexpr std::string_view kMarkSomeRead =
    "UPDATE notifications SET read_at = $1 "
    "WHERE id = ANY($2::bigint[]) AND user_id = $3 AND read_at IS NULL";
constexpr std::string_view kMarkAllRead =
    "UPDATE notifications SET read_at = $1 WHERE user_id = $2 AND read_at IS NULL";
// Recounted rather than decremented, so the bell can never drift from the inbox.
constexpr std::string_view kRecountUnread =
    "UPDATE users SET unread_notifications = (SELECT COUNT(*) FROM notifications "
    "WHERE user_id = $1 AND read_at IS NULL) WHERE id = $1 RETURNING unread_notifications";
constexpr std::string_view kPrefs =
    "SELECT follow_on_comment, notify_mask FROM users WHERE id = $1";
constexpr std::string_view kSetPrefs =
    "UPDATE users SET follow_on_comment = $1, notify_mask = $2 WHERE id = $3";
constexpr std::string_view kUnread =
    "SELECT unread_notifications, unread_conversations FROM users WHERE id = $1";

// A PostgreSQL array literal of ids: {1,2,3}.
template <typename Id>
std::string IdArray(const std::vector<Id>& ids) {
    std::string array = "{";
    for (std::size_t i = 0; i < ids.size(); ++i) {
        if (i) array += ',';
        array += std::to_string(ids[i].value);
    }
    array += '}';
    return array;
}

// A PostgreSQL array literal of texts, each quoted: {"ada","bob"}.
std::string TextArray(const std::vector<std::string>& texts) {
    std::string array = "{";
    for (std::size_t i = 0; i < texts.size(); ++i) {
        if (i) array += ',';
        array += '"';
        for (char c : texts[i]) {
            if (c == '"' || c == '\\') array += '\\';
            array += c;
        }
        array += '"';
    }
    array += '}';
    return array;
}

Notification ReadNotification(const Row& row) {
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
    n.read = row.Bool(11);
    return n;
}

std::vector<Notification> ReadNotifications(const Rows& rows) {
    std::vector<Notification> out;
    out.reserve(static_cast<std::size_t>(rows.size()));
    for (Row row : rows) out.push_back(ReadNotification(row));
    return out;
}

// Runs one fan-out statement ($7 onwards: `extra`) and adds whoever it told to `told`.
template <typename... Extra>
void Tell(Connection& conn, std::vector<UserId>& told, std::string_view sql, NotificationKind kind,
          const service::Activity& activity, const Extra&... extra) {
    for (Row row : conn.Query(sql, static_cast<int>(kind), activity.hoot.value, activity.post.value,
                              activity.actor.value, activity.event_key, activity.at, extra...))
        told.push_back(UserId(row.Int(0)));
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

std::int64_t Recount(Connection& conn, UserId user) {
    auto rows = conn.Query(kRecountUnread, user.value);
    return rows.empty() ? 0 : rows[0].Int(0);
}

}  // namespace

Result<std::int64_t> PgSocialStore::SetFollow(HootId hoot, UserId user, bool on, UnixSeconds now) {
    return Guarded([&]() -> Result<std::int64_t> {
        auto conn = db_.Acquire();
        Transaction tx(*conn);
        if (conn->Query(kHootExists, hoot.value).empty())
            return Error::Make(Errc::kNotFound, "That hoot does not exist.");
        // A racing follow of the same pair waits on the key and then changes nothing, so the
        // count moves once.
        auto changed = on ? conn->Query(kFollow, hoot.value, user.value, now)
                          : conn->Query(kUnfollow, hoot.value, user.value);
        auto count = changed.Affected() > 0
                         ? conn->Query(kMoveFollowerCount, on ? 1 : -1, hoot.value)
                         : conn->Query(kFollowerCount, hoot.value);
        std::int64_t followers = count.empty() ? 0 : count[0].Int(0);
        tx.Commit();
        return followers;
    });
}

Result<bool> PgSocialStore::IsFollowing(HootId hoot, UserId user) {
    return Guarded([&]() -> Result<bool> {
        auto conn = db_.Acquire();
        return !conn->Query(kIsFollowing, hoot.value, user.value).empty();
    });
}

Result<std::vector<service::FollowedHoot>> PgSocialStore::Following(
    UserId user, std::optional<service::TimeCursor> after, int limit) {
    return Guarded([&]() -> Result<std::vector<service::FollowedHoot>> {
        auto conn = db_.Acquire();
        std::vector<service::FollowedHoot> hoots;
        for (Row row : conn->Query(kFollowing, !after, after ? after->created_at : 0,
                                   after ? after->id : 0, limit, user.value))
            hoots.push_back({ReadSummary(row), row.Int(kSummaryColumns)});
        return hoots;
    });
}

Result<std::vector<UserId>> PgSocialStore::Record(const service::Activity& activity) {
    return Guarded([&]() -> Result<std::vector<UserId>> {
        auto conn = db_.Acquire();
        Transaction tx(*conn);
        if (activity.kind == service::ActivityKind::kCommentPosted &&
            conn->Query(kFollowOnComment, activity.hoot.value, activity.actor.value, activity.at)
                    .Affected() > 0)
            conn->Query(kMoveFollowerCount, 1, activity.hoot.value);

        const auto follower_kind = FollowerKind(activity.kind);
        auto author_kind = AuthorKind(activity.kind);
        if (!activity.post_author.valid()) author_kind.reset();
        const std::string mentions = TextArray(activity.mentions);
        conn->Query(kLockAudience, activity.actor.value, mentions, follower_kind.has_value(),
                    activity.hoot.value, author_kind ? activity.post_author.value : 0);

        std::vector<UserId> told;
        // Mentions first: someone both mentioned and following is told once, as mentioned.
        if (!activity.mentions.empty())
            Tell(*conn, told, kTellMentioned, NotificationKind::kMention, activity, mentions);
        if (follower_kind) Tell(*conn, told, kTellFollowers, *follower_kind, activity);
        if (author_kind)
            Tell(*conn, told, kTellAuthor, *author_kind, activity, activity.post_author.value);
        if (!told.empty()) conn->Query(kCountUnread, IdArray(told));
        tx.Commit();
        return told;
    });
}

Result<std::vector<Notification>> PgSocialStore::Inbox(UserId user,
                                                       std::optional<NotificationId> before,
                                                       int limit) {
    return Guarded([&]() -> Result<std::vector<Notification>> {
        auto conn = db_.Acquire();
        return ReadNotifications(
            conn->Query(kInbox, user.value, !before, before ? before->value : 0, limit));
    });
}

Result<std::vector<Notification>> PgSocialStore::NotificationsAfter(UserId user,
                                                                    NotificationId after,
                                                                    int limit) {
    return Guarded([&]() -> Result<std::vector<Notification>> {
        auto conn = db_.Acquire();
        return ReadNotifications(conn->Query(kNotificationsAfter, user.value, after.value, limit));
    });
}

Result<std::optional<Notification>> PgSocialStore::FindNotification(UserId user,
                                                                    NotificationId id) {
    return Guarded([&]() -> Result<std::optional<Notification>> {
        auto conn = db_.Acquire();
        auto rows = conn->Query(kFindNotification, user.value, id.value);
        if (rows.empty()) return std::optional<Notification>();
        return std::optional<Notification>(ReadNotification(rows[0]));
    });
}

Result<std::int64_t> PgSocialStore::MarkRead(UserId user, const std::vector<NotificationId>& ids,
                                             UnixSeconds now) {
    return Guarded([&]() -> Result<std::int64_t> {
        auto conn = db_.Acquire();
        Transaction tx(*conn);
        conn->Query(kLockUser, user.value);
        if (!ids.empty()) conn->Query(kMarkSomeRead, now, IdArray(ids), user.value);
        std::int64_t unread = Recount(*conn, user);
        tx.Commit();
        return unread;
    });
}

Result<std::int64_t> PgSocialStore::MarkAllRead(UserId user, UnixSeconds now) {
    return Guarded([&]() -> Result<std::int64_t> {
        auto conn = db_.Acquire();
        Transaction tx(*conn);
        conn->Query(kLockUser, user.value);
        conn->Query(kMarkAllRead, now, user.value);
        std::int64_t unread = Recount(*conn, user);
        tx.Commit();
        return unread;
    });
}

Result<NotificationPrefs> PgSocialStore::Prefs(UserId user) {
    return Guarded([&]() -> Result<NotificationPrefs> {
        auto conn = db_.Acquire();
        auto rows = conn->Query(kPrefs, user.value);
        if (rows.empty()) return Error::Make(Errc::kNotFound, "There is no such user.");
        NotificationPrefs prefs;
        prefs.follow_on_comment = rows[0].Int(0) != 0;
        prefs.mask = static_cast<std::uint32_t>(rows[0].Int(1));
        return prefs;
    });
}

Status PgSocialStore::SetPrefs(UserId user, const NotificationPrefs& prefs) {
    return Guarded([&]() -> Status {
        auto conn = db_.Acquire();
        auto changed = conn->Query(kSetPrefs, prefs.follow_on_comment ? 1 : 0,
                                   static_cast<std::int64_t>(prefs.mask), user.value);
        if (changed.Affected() == 0) return Error::Make(Errc::kNotFound, "There is no such user.");
        return OkStatus();
    });
}

Result<service::UnreadCounts> PgSocialStore::Unread(UserId user) {
    return Guarded([&]() -> Result<service::UnreadCounts> {
        auto conn = db_.Acquire();
        auto rows = conn->Query(kUnread, user.value);
        if (rows.empty()) return Error::Make(Errc::kNotFound, "There is no such user.");
        return service::UnreadCounts{rows[0].Int(0), rows[0].Int(1)};
    });
}

}  // namespace hoot::store::postgres
