#pragma once
// JSON API v1 handlers (docs/api.md). Same services as the pages; errors as JSON envelopes.
// Registered in http/routes.cpp.

#include "http/context.hpp"
#include "service/services.hpp"

namespace hoot::api {

// auth_api.cpp
http::Response Login(service::Services& services, http::RequestContext& ctx);
http::Response CreateUser(service::Services& services, http::RequestContext& ctx);
http::Response Me(service::Services& services, http::RequestContext& ctx);

// hoots_api.cpp
http::Response ListHoots(service::Services& services, http::RequestContext& ctx);
http::Response CreateHoot(service::Services& services, http::RequestContext& ctx);
http::Response GetHoot(service::Services& services, http::RequestContext& ctx);
http::Response CreateComment(service::Services& services, http::RequestContext& ctx);

// browse_api.cpp
http::Response ListTags(service::Services& services, http::RequestContext& ctx);
http::Response GetUser(service::Services& services, http::RequestContext& ctx);

// avatar_api.cpp: the signed-in user's avatar (PUT/POST sets, DELETE removes)
http::Response SetMyAvatar(service::Services& services, http::RequestContext& ctx);
http::Response RemoveMyAvatar(service::Services& services, http::RequestContext& ctx);

// posts_api.cpp
http::Response AddUpdate(service::Services& services, http::RequestContext& ctx);
http::Response EditPost(service::Services& services, http::RequestContext& ctx);
http::Response ListRevisions(service::Services& services, http::RequestContext& ctx);
http::Response SetReaction(service::Services& services, http::RequestContext& ctx);
http::Response AddReply(service::Services& services, http::RequestContext& ctx);
http::Response DeletePost(service::Services& services, http::RequestContext& ctx);
http::Response RestorePost(service::Services& services, http::RequestContext& ctx);

// social_api.cpp
http::Response SetFollow(service::Services& services, http::RequestContext& ctx);
http::Response ListNotifications(service::Services& services, http::RequestContext& ctx);
http::Response MarkNotificationsRead(service::Services& services, http::RequestContext& ctx);
http::Response ListConversations(service::Services& services, http::RequestContext& ctx);
http::Response ListMessages(service::Services& services, http::RequestContext& ctx);
http::Response SendMessage(service::Services& services, http::RequestContext& ctx);
http::Response SetBlock(service::Services& services, http::RequestContext& ctx);
// search_api.cpp
http::Response Search(service::Services& services, http::RequestContext& ctx);

}  // namespace hoot::api
