#pragma once
// Who may do what to a post. Pure rules, one place; services check them before acting.

#include "domain/ids.hpp"

namespace hoot {

struct Actor {
    UserId id;
    bool is_moderator = false;
};

// The author, or a moderator.
inline bool CanEditPost(const Actor& actor, UserId author) {
    return actor.id == author || actor.is_moderator;
}
inline bool CanAddUpdate(const Actor& actor, UserId author) {
    return actor.id == author || actor.is_moderator;
}
inline bool CanDeletePost(const Actor& actor, UserId author) {
    return actor.id == author || actor.is_moderator;
}
// Deleted content stays in the database; bringing it back is a moderator's call.
inline bool CanRestorePost(const Actor& actor) { return actor.is_moderator; }
// Reacting to your own post would let anyone raise their own popularity.
inline bool CanReact(const Actor& actor, UserId author) { return actor.id.valid() && actor.id != author; }
// Only moderators see deleted hoots (to restore them).
inline bool CanSeeDeleted(const Actor& actor) { return actor.is_moderator; }

}  // namespace hoot
