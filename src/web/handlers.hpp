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

// search_page.cpp
http::Response ShowSearch(const WebContext& wc, http::RequestContext& ctx);

// theme.cpp
http::Response SetTheme(const WebContext& wc, http::RequestContext& ctx);

}  // namespace hoot::web
