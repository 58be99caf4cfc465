#pragma once
// What people do to a post (a hoot or a comment) once it exists: updates, edits with their
// revision history, reactions, replies, deletion and restoring. Every method checks the policy
// (domain/policy.hpp) first. Thread-safe.

#include <optional>
#include <string>
#include <vector>

#include "domain/clock.hpp"
#include "domain/model.hpp"
#include "domain/policy.hpp"
#include "domain/result.hpp"
#include "service/activity.hpp"
#include "service/ports.hpp"

namespace hoot::service {

// The text an edit form starts from.
struct EditSource {
    PostRef ref;
    std::string title, body;
    std::vector<std::string> tags;
    std::string thread_slug;
};

struct EditCommand {
    int base_revision = 0;
    std::string title;  // hoots only
    std::string body;
    std::vector<std::string> tags;  // hoots only
};

struct History {
    PostRef ref;
    std::string thread_title, thread_slug;
    std::vector<Revision> revisions;  // oldest first
};

Actor ActorOf(const User& user);

class PostService {
  public:
    // `activity` hears of each update, reaction and reply after it is stored (notifications).
    PostService(Stores stores, Clock clock = SystemNow,
                ActivityListener& activity = IgnoreActivity())
        : stores_(stores), clock_(std::move(clock)), activity_(activity) {}

    // kNotFound for unknown posts, and for deleted ones unless the actor may see them.
    Result<PostRef> Find(PostId post, const Actor& actor);
    // Heading defaults to "UPDATE". kForbidden unless author or moderator.
    Result<PostUpdate> AddUpdate(const User& actor, PostId post, std::string_view heading,
                                 std::string_view body);
    Result<EditSource> SourceForEdit(const User& actor, PostId post);
    // Returns the new revision number (the same one when nothing changed). kConflict when
    // someone saved since `base_revision`.
    Result<int> Edit(const User& actor, PostId post, const EditCommand& command);
    Result<History> RevisionHistory(PostId post, const Actor& actor);
    // kForbidden on one's own post.
    Result<ReactionState> React(const User& actor, PostId post, ReactionKind kind, bool present);
    Result<Reply> AddReply(const User& actor, PostId post, std::string_view body);
    // Flips the actor's reaction of `kind` on the post.
    Result<ReactionState> ToggleReaction(const User& actor, PostId post, ReactionKind kind);
    Status Delete(const User& actor, PostId post);
    Status Restore(const User& actor, PostId post);

    // The slug of the thread a post belongs to (to link to it).
    Result<std::string> ThreadSlug(const PostRef& ref);

  private:
    Stores stores_;
    Clock clock_;
    ActivityListener& activity_;
};

}  // namespace hoot::service
