#include "service/posts.hpp"

#include "domain/slug.hpp"
#include "domain/social.hpp"
#include "domain/validation.hpp"
#include "render/linkify.hpp"
#include "render/markdown.hpp"

namespace hoot::service {
namespace {

Error NoSuchPost() { return Error::Make(Errc::kNotFound, "That post does not exist."); }

Error NotYours(std::string_view what) {
    return Error::Make(Errc::kForbidden,
                       "Only the author or a moderator can " + std::string(what) + ".");
}

Result<std::string> ValidateHeading(std::string_view heading) {
    // One trimmed line, may be empty. (Not ValidateDisplayName: that caps at 64 characters.)
    constexpr std::string_view kSpace = " \t\n\r\f\v";
    const auto blank = [&](char c) { return kSpace.find(c) != std::string_view::npos; };
    std::string_view trimmed = heading;
    while (!trimmed.empty() && blank(trimmed.front())) trimmed.remove_prefix(1);
    while (!trimmed.empty() && blank(trimmed.back())) trimmed.remove_suffix(1);
    if (!IsCleanUtf8Text(trimmed) || trimmed.find_first_of("\t\n\r") != std::string_view::npos ||
        Utf8Length(trimmed) > kMaxUpdateHeading)
        return Error::Make(Errc::kInvalidInput, "A heading is one line of at most 100 characters.",
                           "heading");
    if (trimmed.empty()) return std::string("UPDATE");
    return std::string(trimmed);
}

Result<std::string> ValidateReply(std::string_view body) {
    auto text = ValidateBody(body, kMaxReply * 4);
    if (!text) return text.take_error();
    if (Utf8Length(*text) > kMaxReply)
        return Error::Make(Errc::kInvalidInput, "A reply is at most 600 characters.", "body");
    return text;
}

}  // namespace

Actor ActorOf(const User& user) { return Actor{user.id, user.is_admin}; }

Result<PostRef> PostService::Find(PostId post, const Actor& actor) {
    auto ref = stores_.posts.Find(post);
    if (!ref) return ref.take_error();
    if (!*ref) return NoSuchPost();
    if (((*ref)->deleted || (*ref)->hoot_deleted) && !CanSeeDeleted(actor)) return NoSuchPost();
    return **ref;
}

Result<PostUpdate> PostService::AddUpdate(const User& actor, PostId post, std::string_view heading,
                                          std::string_view body) {
    auto ref = Find(post, ActorOf(actor));
    if (!ref) return ref.take_error();
    if (!CanAddUpdate(ActorOf(actor), ref->author)) return NotYours("add an update");
    auto title = ValidateHeading(heading);
    if (!title) return title.take_error();
    auto text = ValidateBody(body, kMaxCommentBody);
    if (!text) return text.take_error();
    NewUpdate update{post,
                     actor.id,
                     *title,
                     *text,
                     render::RenderMarkdown(*text).str(),
                     clock_(),
                     render::PlainText(*text)};
    auto id = stores_.posts.AddUpdate(update);
    if (!id) return id.take_error();
    activity_.OnActivity({ActivityKind::kUpdatePosted, ref->hoot, post, actor.id, ref->author,
                          "u:" + std::to_string(id->value), ExtractMentions(update.body_source),
                          update.created_at});
    return PostUpdate{*id,
                      post,
                      std::move(update.heading),
                      std::move(update.body_source),
                      std::move(update.body_html),
                      update.created_at,
                      std::move(update.body_text)};
}

Result<EditSource> PostService::SourceForEdit(const User& actor, PostId post) {
    auto ref = Find(post, ActorOf(actor));
    if (!ref) return ref.take_error();
    if (!CanEditPost(ActorOf(actor), ref->author)) return NotYours("edit this");
    if (ref->deleted) return Error::Make(Errc::kConflict, "Restore the post before editing it.");
    auto hoot = stores_.hoots.Find(ref->hoot, true);
    if (!hoot) return hoot.take_error();
    if (!*hoot) return NoSuchPost();
    EditSource source{*ref, {}, {}, {}, (*hoot)->slug};
    if (ref->kind == PostKind::kHoot) {
        source.title = (*hoot)->title;
        source.body = (*hoot)->body_source;
        source.tags = (*hoot)->tags;
    } else {
        auto comment = stores_.comments.Find(CommentId(post.value));
        if (!comment) return comment.take_error();
        if (!*comment) return NoSuchPost();
        source.body = (*comment)->body_source;
    }
    return source;
}

Result<int> PostService::Edit(const User& actor, PostId post, const EditCommand& command) {
    auto source = SourceForEdit(actor, post);
    if (!source) return source.take_error();
    PostEdit edit;
    edit.post = post;
    edit.editor = actor.id;
    edit.base_revision = command.base_revision;
    edit.edited_at = clock_();
    const bool is_hoot = source->ref.kind == PostKind::kHoot;
    if (is_hoot) {
        auto title = ValidateTitle(command.title);
        if (!title) return title.take_error();
        auto tags = NormalizeTags(command.tags);
        if (!tags) return tags.take_error();
        edit.title = std::move(*title);
        edit.tags = std::move(*tags);
        edit.slug = Slugify(edit.title);
    }
    auto body = ValidateBody(command.body, is_hoot ? kMaxBody : kMaxCommentBody);
    if (!body) return body.take_error();
    edit.body_source = std::move(*body);
    if (edit.body_source == source->body && edit.title == source->title &&
        edit.tags == source->tags) {
        // Saving an unchanged form makes no revision; a stale base still means a conflict.
        if (command.base_revision != source->ref.revision)
            return Error::Make(Errc::kConflict,
                               "Someone else saved a newer version while you were editing.");
        return source->ref.revision;
    }
    edit.body_html = render::RenderMarkdown(edit.body_source).str();
    edit.body_text = render::PlainText(edit.body_source);
    if (is_hoot) edit.excerpt = render::PlainExcerpt(edit.body_source);
    return stores_.posts.Edit(edit);
}

Result<History> PostService::RevisionHistory(PostId post, const Actor& actor) {
    auto ref = Find(post, actor);
    if (!ref) return ref.take_error();
    auto hoot = stores_.hoots.Find(ref->hoot, true);
    if (!hoot) return hoot.take_error();
    if (!*hoot) return NoSuchPost();
    auto revisions = stores_.posts.Revisions(post);
    if (!revisions) return revisions.take_error();
    return History{*ref, (*hoot)->title, (*hoot)->slug, std::move(*revisions)};
}

Result<ReactionState> PostService::React(const User& actor, PostId post, ReactionKind kind,
                                         bool present) {
    auto ref = Find(post, Actor{actor.id, false});
    if (!ref) return ref.take_error();
    if (!CanReact(ActorOf(actor), ref->author))
        return Error::Make(Errc::kForbidden, "You cannot react to your own post.");
    const UnixSeconds now = clock_();
    auto state = stores_.posts.SetReaction(post, actor.id, kind, present, now);
    // The event key makes reacting, un-reacting and reacting again one notification.
    if (state && present)
        activity_.OnActivity({ActivityKind::kReacted,
                              ref->hoot,
                              post,
                              actor.id,
                              ref->author,
                              "r:" + std::to_string(post.value) + ":" +
                                  std::to_string(actor.id.value) + ":" +
                                  std::to_string(static_cast<int>(kind)),
                              {},
                              now});
    return state;
}

Result<ReactionState> PostService::ToggleReaction(const User& actor, PostId post,
                                                  ReactionKind kind) {
    auto extras = stores_.posts.Extras({post}, actor.id);
    if (!extras) return extras.take_error();
    bool mine = false;
    for (const auto& [id, breakdown] : extras->breakdowns)
        if (id == post) mine = breakdown.mine[static_cast<std::size_t>(kind)];
    return React(actor, post, kind, !mine);
}

Result<std::string> PostService::ThreadSlug(const PostRef& ref) {
    auto hoot = stores_.hoots.Find(ref.hoot, true);
    if (!hoot) return hoot.take_error();
    if (!*hoot) return NoSuchPost();
    return std::move((*hoot)->slug);
}

Result<Reply> PostService::AddReply(const User& actor, PostId post, std::string_view body) {
    auto ref = Find(post, Actor{actor.id, false});
    if (!ref) return ref.take_error();
    auto text = ValidateReply(body);
    if (!text) return text.take_error();
    NewReply reply{post, actor.id, *text, render::LinkifyPlainText(*text).str(), clock_()};
    auto id = stores_.posts.AddReply(reply);
    if (!id) return id.take_error();
    activity_.OnActivity({ActivityKind::kReplied,
                          ref->hoot,
                          post,
                          actor.id,
                          ref->author,
                          "p:" + std::to_string(id->value),
                          {},
                          reply.created_at});
    AuthorRef author{actor.id, actor.username,
                     actor.display_name.empty() ? actor.username : actor.display_name};
    return Reply{*id,
                 post,
                 std::move(author),
                 std::move(reply.body),
                 std::move(reply.body_html),
                 reply.created_at};
}

Status PostService::Delete(const User& actor, PostId post) {
    auto ref = Find(post, ActorOf(actor));
    if (!ref) return ref.take_error();
    if (!CanDeletePost(ActorOf(actor), ref->author)) return NotYours("delete this");
    return stores_.posts.SetDeleted(post, true, clock_());
}

Status PostService::Restore(const User& actor, PostId post) {
    if (!CanRestorePost(ActorOf(actor)))
        return Error::Make(Errc::kForbidden, "Only moderators can restore deleted posts.");
    auto ref = Find(post, ActorOf(actor));
    if (!ref) return ref.take_error();
    return stores_.posts.SetDeleted(post, false, clock_());
}

}  // namespace hoot::service
