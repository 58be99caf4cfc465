// The JSON side of what people do to posts: updates, edits, revisions, reactions, replies,
// deletion. A post id names a hoot or a comment.

#include "api/handlers.hpp"
#include "api/json_io.hpp"
#include "domain/validation.hpp"

namespace hoot::api {
namespace {

// The post as the API shows it after a change: the whole hoot, or the one comment.
http::Response PostJson(service::Services& services, http::RequestContext& ctx, PostId post,
                        int status) {
    auto ref = services.posts.Find(post, service::ActorOf(*ctx.user));
    if (!ref) return JsonError(ref.error());
    service::ThreadViewer viewer{ctx.user->id, ctx.user->is_admin};
    if (ref->kind == PostKind::kHoot) {
        auto thread = services.hoots.Thread(ref->hoot, CommentOrder::kOldest, 0, viewer);
        if (!thread) return JsonError(thread.error());
        return JsonResponse(status, ToJson(thread->hoot));
    }
    auto comment = services.hoots.OneComment(CommentId(post.value), viewer);
    if (!comment) return JsonError(comment.error());
    return JsonResponse(status, ToJson(*comment));
}

}  // namespace

http::Response AddUpdate(service::Services& services, http::RequestContext& ctx) {
    auto post = http::PostIdParam(ctx);
    if (!post) return JsonError(post.error());
    auto body = ParseObject(ctx.request);
    if (!body) return JsonError(body.error());
    auto heading = StringField(*body, "heading");
    if (!heading) return JsonError(heading.error());
    auto text = RequiredString(*body, "body");
    if (!text) return JsonError(text.error());
    auto update = services.posts.AddUpdate(*ctx.user, *post, heading->value_or(""), *text);
    if (!update) return JsonError(update.error());
    return JsonResponse(201, ToJson(*update));
}

http::Response EditPost(service::Services& services, http::RequestContext& ctx) {
    auto post = http::PostIdParam(ctx);
    if (!post) return JsonError(post.error());
    auto body = ParseObject(ctx.request);
    if (!body) return JsonError(body.error());
    auto source = services.posts.SourceForEdit(*ctx.user, *post);
    if (!source) return JsonError(source.error());
    // Absent fields keep their current value; base_revision guards against lost updates.
    service::EditCommand command{source->ref.revision, source->title, source->body, source->tags};
    if (auto it = body->find("base_revision"); it != body->end()) {
        if (!it->is_number_integer())
            return JsonError(Error::Make(Errc::kBadRequest, "\"base_revision\" must be a number.",
                                         "base_revision"));
        command.base_revision = it->get<int>();
    }
    auto title = StringField(*body, "title");
    if (!title) return JsonError(title.error());
    auto text = StringField(*body, "body");
    if (!text) return JsonError(text.error());
    auto tags = StringListField(*body, "tags");
    if (!tags) return JsonError(tags.error());
    if (*title) command.title = std::move(**title);
    if (*text) command.body = std::move(**text);
    if (*tags) command.tags = std::move(**tags);
    auto saved = services.posts.Edit(*ctx.user, *post, command);
    if (!saved) return JsonError(saved.error());
    return PostJson(services, ctx, *post, 200);
}

http::Response ListRevisions(service::Services& services, http::RequestContext& ctx) {
    auto post = http::PostIdParam(ctx);
    if (!post) return JsonError(post.error());
    Actor actor = ctx.user ? service::ActorOf(*ctx.user) : Actor{};
    auto history = services.posts.RevisionHistory(*post, actor);
    if (!history) return JsonError(history.error());
    Json revisions = Json::array();
    for (const auto& revision : history->revisions) revisions.push_back(ToJson(revision));
    return JsonResponse(200, Json{{"post_id", post->value}, {"revisions", std::move(revisions)}});
}

http::Response SetReaction(service::Services& services, http::RequestContext& ctx) {
    auto post = http::PostIdParam(ctx);
    if (!post) return JsonError(post.error());
    auto kind = ParseReactionKind(ctx.params.Get("kind"));
    if (!kind)
        return JsonError(Error::Make(Errc::kNotFound,
                                     "There is no such reaction. Kinds: helpful, like, "
                                     "insightful, disagree."));
    bool present = ctx.request.method == "PUT";
    auto state = services.posts.React(*ctx.user, *post, *kind, present);
    if (!state) return JsonError(state.error());
    return JsonResponse(200, ReactionStateJson(*post, *state));
}

http::Response AddReply(service::Services& services, http::RequestContext& ctx) {
    auto post = http::PostIdParam(ctx);
    if (!post) return JsonError(post.error());
    auto body = ParseObject(ctx.request);
    if (!body) return JsonError(body.error());
    auto text = RequiredString(*body, "body");
    if (!text) return JsonError(text.error());
    auto reply = services.posts.AddReply(*ctx.user, *post, *text);
    if (!reply) return JsonError(reply.error());
    return JsonResponse(201, ToJson(*reply));
}

http::Response DeletePost(service::Services& services, http::RequestContext& ctx) {
    auto post = http::PostIdParam(ctx);
    if (!post) return JsonError(post.error());
    if (auto done = services.posts.Delete(*ctx.user, *post); !done) return JsonError(done.error());
    return JsonResponse(200, Json{{"post_id", post->value}, {"deleted", true}});
}

http::Response RestorePost(service::Services& services, http::RequestContext& ctx) {
    auto post = http::PostIdParam(ctx);
    if (!post) return JsonError(post.error());
    if (auto done = services.posts.Restore(*ctx.user, *post); !done) return JsonError(done.error());
    return PostJson(services, ctx, *post, 200);
}

}  // namespace hoot::api
