#pragma once
// Pieces of the social features that sit inside other pages: the follow control on a thread and
// the message/block controls on a profile. Change together with hoot.js (follow in place).

#include "render/html.hpp"
#include "web/views/view_models.hpp"

namespace hoot::web::views {

// Signed in: a Follow / Unfollow form and the follower count. Anonymous: "Login to follow hoots".
void AppendFollowControl(render::Html& html, const ThreadPage& page);

// On someone else's profile, for a signed-in reader: "Send a message" and Block / Unblock.
void AppendPersonActions(render::Html& html, const ProfilePage& page);

}  // namespace hoot::web::views
