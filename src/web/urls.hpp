#pragma once
// Every URL the site links to is built here, so routes and links cannot drift apart.
// Change together with http/routes.cpp.

#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "domain/ids.hpp"
#include "domain/model.hpp"
#include "domain/ranking.hpp"
#include "domain/social.hpp"

namespace hoot::web {

std::string HootUrl(HootId id, std::string_view slug);                      // /hoots/7/my-title
std::string HootUrl(HootId id, std::string_view slug, CommentOrder order);  // ...?sort=best
std::string CommentAnchor(CommentId id);                                    // c-12
std::string CommentsPostUrl(HootId id);                                     // /hoots/7/comments
std::string TagUrl(std::string_view tag);                                   // /tags/running
std::string UserUrl(std::string_view username);                             // /u/name
// /avatars/7-0123abcd.webp: the hash is of the picture, so the URL changes with it.
std::string AvatarUrl(UserId user, std::string_view hash);
// The user and hash an avatar file name ("7-0123abcd.webp") names; nullopt for anything else.
std::optional<std::pair<UserId, std::string>> ParseAvatarFile(std::string_view file);
std::string LoginUrl(std::string_view next_path);   // /login?next=...
std::string SignUpUrl(std::string_view next_path);  // /signup?next=...
// Per-post actions (a post is a hoot or a comment); forms post to these.
std::string PostEditUrl(PostId post);       // /posts/7/edit (GET form, POST)
std::string PostRevisionsUrl(PostId post);  // /posts/7/revisions
std::string PostUpdatesUrl(PostId post);    // /posts/7/updates (POST)
std::string PostReactionUrl(PostId post,
                            ReactionKind kind);  // /posts/7/reactions/helpful (POST toggles)
std::string PostRepliesUrl(PostId post);         // /posts/7/replies (POST)
std::string PostDeleteUrl(PostId post);          // /posts/7/delete (POST)
std::string PostRestoreUrl(PostId post);         // /posts/7/restore (POST, moderators)
std::string ApiReactionUrl(PostId post, ReactionKind kind);  // /api/v1/posts/7/reactions/helpful
std::string HootRevisionsUrl(HootId id);                     // /hoots/7/revisions
std::string_view OrderKey(CommentOrder order);               // latest|oldest|best
// The feed (`tag` empty) or one tag's feed in an order; Latest without a cursor is the bare path.
// /?sort=hot  /tags/running?sort=top&period=month&after=...
std::string FeedUrl(std::string_view tag, FeedOrder order, TopPeriod period = TopPeriod::kWeek,
                    std::string_view after = {});
std::string SiteAtomUrl();                     // /feed.atom
std::string TagAtomUrl(std::string_view tag);  // /tags/running/feed.atom
std::string HootAtomUrl(HootId id);            // /hoots/7/feed.atom (its comments)
// /u/name?comments_after=...
std::string UserCommentsUrl(std::string_view username, std::string_view after);
// The thread at one of its posts: the hoot's own URL for the hoot itself; for a comment the
// whole thread (full=1, so the comment is on the page) at its anchor: /hoots/7/slug?full=1#c-12
std::string HootPostUrl(HootId id, std::string_view slug, PostId post);
std::string SearchUrl(std::string_view query, int page = 1);  // /search?q=...&page=2
// Addresses on a Stack Exchange site an imported thread came from (site: a host name).
std::string StackExchangeQuestionUrl(std::string_view site, std::int64_t question_id);
std::string StackExchangeUserUrl(std::string_view site, std::int64_t user_id);
std::string StackExchangeTagUrl(std::string_view site, std::string_view tag);  // its tag wiki
// Percent-encodes for a query-string value.
std::string UrlEncode(std::string_view text);

inline constexpr std::string_view kHomePath = "/";
inline constexpr std::string_view kNewPostPath = "/new";
inline constexpr std::string_view kCreateHootPath = "/hoots";
inline constexpr std::string_view kLoginPath = "/login";
inline constexpr std::string_view kSignUpPath = "/signup";
inline constexpr std::string_view kLogoutPath = "/logout";
inline constexpr std::string_view kEditProfilePath = "/settings/profile";
inline constexpr std::string_view kThemePath = "/theme";
inline constexpr std::string_view kTagsPath = "/tags";
inline constexpr std::string_view kChangePasswordPath = "/settings/password";
inline constexpr std::string_view kApiMyAvatarPath = "/api/v1/users/me/avatar";

// Following, notifications, messages, live events.
std::string FollowUrl(HootId id);     // /hoots/7/follow (POST follow=1|0)
std::string ApiFollowUrl(HootId id);  // /api/v1/hoots/7/follow
// The exact post in its thread: a comment in the whole thread (it may not be on the first page).
std::string PostInThreadUrl(HootId hoot, std::string_view slug, PostId post, PostKind kind);
std::string NotificationUrl(NotificationId id);           // /notifications/7 (opens, marks read)
std::string NotificationsPageUrl(NotificationId before);  // /notifications?before=7
std::string ConversationUrl(std::string_view username);   // /messages/name (GET; POST sends)
std::string OlderMessagesUrl(std::string_view username, MessageId before);
std::string ConversationsPageUrl(MessageId before);       // /messages?before=7
std::string BlockUrl(std::string_view username);          // /u/name/block (POST block=1|0)
std::string FollowingPageUrl(const std::string& cursor);  // /following?after=...
std::string LiveEventsUrl(std::optional<HootId> hoot);    // /events, /events?hoot=7
inline constexpr std::string_view kNotificationsPath = "/notifications";
inline constexpr std::string_view kReadAllNotificationsPath = "/notifications/read";
inline constexpr std::string_view kMessagesPath = "/messages";
inline constexpr std::string_view kFollowingPath = "/following";
inline constexpr std::string_view kNotificationSettingsPath = "/settings/notifications";
inline constexpr std::string_view kSearchPath = "/search";
inline constexpr std::string_view kApiSearchPath = "/api/v1/search";

}  // namespace hoot::web
