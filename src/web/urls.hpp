#pragma once
// Every URL the site links to is built here, so routes and links cannot drift apart.
// Change together with http/routes.cpp.

#include <string>
#include <string_view>

#include "domain/ids.hpp"
#include "domain/model.hpp"

namespace hoot::web {

std::string HootUrl(HootId id, std::string_view slug);                      // /hoots/7/my-title
std::string HootUrl(HootId id, std::string_view slug, CommentOrder order);  // ...?sort=best
std::string CommentAnchor(CommentId id);                                    // c-12
std::string CommentsPostUrl(HootId id);                                     // /hoots/7/comments
std::string TagUrl(std::string_view tag);                                   // /tags/running
std::string UserUrl(std::string_view username);                             // /u/name
std::string LoginUrl(std::string_view next_path);                           // /login?next=...
std::string SignUpUrl(std::string_view next_path);                          // /signup?next=...
// Per-post actions (a post is a hoot or a comment); forms post to these.
std::string PostEditUrl(PostId post);                        // /posts/7/edit (GET form, POST)
std::string PostRevisionsUrl(PostId post);                   // /posts/7/revisions
std::string PostUpdatesUrl(PostId post);                     // /posts/7/updates (POST)
std::string PostReactionUrl(PostId post, ReactionKind kind); // /posts/7/reactions/helpful (POST toggles)
std::string PostRepliesUrl(PostId post);                     // /posts/7/replies (POST)
std::string PostDeleteUrl(PostId post);                      // /posts/7/delete (POST)
std::string PostRestoreUrl(PostId post);                     // /posts/7/restore (POST, moderators)
std::string ApiReactionUrl(PostId post, ReactionKind kind);  // /api/v1/posts/7/reactions/helpful
std::string HootRevisionsUrl(HootId id);                     // /hoots/7/revisions
std::string_view OrderKey(CommentOrder order);                              // latest|oldest|best
// Addresses on a Stack Exchange site an imported thread came from (site: a host name).
std::string StackExchangeQuestionUrl(std::string_view site, std::int64_t question_id);
std::string StackExchangeUserUrl(std::string_view site, std::int64_t user_id);
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

}  // namespace hoot::web
