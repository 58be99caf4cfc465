#pragma once
// Page handlers: parse the request into a command, call one service, present a view.
// Registered in http/routes.cpp; form field names match the views (web/views/).

#include "http/context.hpp"
#include "service/posts.hpp"
#include "web/page.hpp"

namespace hoot::web {

// auth_pages.cpp
http::Response ShowSignIn(const WebContext& wc, http::RequestContext& ctx);
http::Response SignIn(const WebContext& wc, http::RequestContext& ctx);
http::Response ShowSignUp(const WebContext& wc, http::RequestContext& ctx);
http::Response SignUp(const WebContext& wc, http::RequestContext& ctx);
http::Response SignOut(const WebContext& wc, http::RequestContext& ctx);

// feed_page.cpp
http::Response ShowFeed(const WebContext& wc, http::RequestContext& ctx);
http::Response ShowTagFeed(const WebContext& wc, http::RequestContext& ctx);

// tags_page.cpp
http::Response ShowTags(const WebContext& wc, http::RequestContext& ctx);

// atom_feeds.cpp: Atom 1.0 (RFC 4287) documents of the site, a tag, and a hoot's comments
http::Response SiteAtom(const WebContext& wc, http::RequestContext& ctx);
http::Response TagAtom(const WebContext& wc, http::RequestContext& ctx);
http::Response HootAtom(const WebContext& wc, http::RequestContext& ctx);

// thread_page.cpp
http::Response ShowThread(const WebContext& wc, http::RequestContext& ctx);
http::Response PostComment(const WebContext& wc, http::RequestContext& ctx);

// composer_page.cpp
http::Response ShowComposer(const WebContext& wc, http::RequestContext& ctx);
http::Response PostHoot(const WebContext& wc, http::RequestContext& ctx);

// profile_pages.cpp
http::Response ShowProfile(const WebContext& wc, http::RequestContext& ctx);
http::Response ShowProfileEditor(const WebContext& wc, http::RequestContext& ctx);
http::Response SaveProfile(const WebContext& wc, http::RequestContext& ctx);
http::Response ChangePassword(const WebContext& wc, http::RequestContext& ctx);

// post_actions.cpp
http::Response PostUpdate(const WebContext& wc, http::RequestContext& ctx);
http::Response ToggleReaction(const WebContext& wc, http::RequestContext& ctx);
http::Response PostReply(const WebContext& wc, http::RequestContext& ctx);
http::Response DeletePost(const WebContext& wc, http::RequestContext& ctx);
http::Response RestorePost(const WebContext& wc, http::RequestContext& ctx);

// edit_pages.cpp
http::Response ShowEditPost(const WebContext& wc, http::RequestContext& ctx);
http::Response SaveEditPost(const WebContext& wc, http::RequestContext& ctx);
http::Response ShowRevisions(const WebContext& wc, http::RequestContext& ctx);

// social_pages.cpp
http::Response SetFollow(const WebContext& wc, http::RequestContext& ctx);
http::Response ShowFollowing(const WebContext& wc, http::RequestContext& ctx);
http::Response ShowNotifications(const WebContext& wc, http::RequestContext& ctx);
http::Response OpenNotification(const WebContext& wc, http::RequestContext& ctx);
http::Response MarkAllNotificationsRead(const WebContext& wc, http::RequestContext& ctx);
http::Response ShowNotificationSettings(const WebContext& wc, http::RequestContext& ctx);
http::Response SaveNotificationSettings(const WebContext& wc, http::RequestContext& ctx);

// message_pages.cpp
http::Response ShowConversations(const WebContext& wc, http::RequestContext& ctx);
http::Response ShowConversation(const WebContext& wc, http::RequestContext& ctx);
http::Response SendMessage(const WebContext& wc, http::RequestContext& ctx);
http::Response SetBlock(const WebContext& wc, http::RequestContext& ctx);

// live_events.cpp: GET /events, the signed-in reader's server-sent event stream
http::Response OpenEventStream(const WebContext& wc, http::RequestContext& ctx);
// search_page.cpp
http::Response ShowSearch(const WebContext& wc, http::RequestContext& ctx);

// avatar_files.cpp: GET /avatars/{user}-{hash}.webp
http::Response ServeAvatar(const WebContext& wc, http::RequestContext& ctx);

// theme.cpp
http::Response SetTheme(const WebContext& wc, http::RequestContext& ctx);

}  // namespace hoot::web
