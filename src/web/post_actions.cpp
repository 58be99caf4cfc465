// The forms every post carries: add an update, react, reply, delete, restore. Each lands back on
// the post in its thread (303), or shows the error page.

#include "domain/policy.hpp"
#include "web/handlers.hpp"
#include "web/urls.hpp"

namespace hoot::web {
namespace {

// Back to the post `ref` in its thread.
http::Response BackTo(const WebContext& wc, http::RequestContext& ctx,
                      const service::PostRef& ref) {
    auto slug = wc.services.posts.ThreadSlug(ref);
    if (!slug) return ErrorPage(wc.site, ctx, slug.error());
    std::string location = HootUrl(ref.hoot, *slug);
    if (ref.kind == PostKind::kComment) location += "#" + CommentAnchor(CommentId(ref.id.value));
    return SeeOther(std::move(location));
}

// Back to the post in its thread, or home when the reader can no longer see it.
http::Response BackToPost(const WebContext& wc, http::RequestContext& ctx, PostId post) {
    auto ref = wc.services.posts.Find(post, service::ActorOf(*ctx.user));
    if (!ref) return SeeOther("/");
    return BackTo(wc, ctx, *ref);
}

}  // namespace

http::Response PostUpdate(const WebContext& wc, http::RequestContext& ctx) {
    auto post = http::PostIdParam(ctx);
    if (!post) return ErrorPage(wc.site, ctx, post.error());
    auto update = wc.services.posts.AddUpdate(*ctx.user, *post, ctx.FormValue("heading"),
                                              ctx.FormValue("body"));
    if (!update) return ErrorPage(wc.site, ctx, update.error());
    return BackToPost(wc, ctx, *post);
}

http::Response ToggleReaction(const WebContext& wc, http::RequestContext& ctx) {
    auto post = http::PostIdParam(ctx);
    if (!post) return ErrorPage(wc.site, ctx, post.error());
    auto kind = ParseReactionKind(ctx.params.Get("kind"));
    if (!kind)
        return ErrorPage(wc.site, ctx, Error::Make(Errc::kNotFound, "There is no such reaction."));
    auto state = wc.services.posts.ToggleReaction(*ctx.user, *post, *kind);
    if (!state) return ErrorPage(wc.site, ctx, state.error());
    return BackToPost(wc, ctx, *post);
}

http::Response PostReply(const WebContext& wc, http::RequestContext& ctx) {
    auto post = http::PostIdParam(ctx);
    if (!post) return ErrorPage(wc.site, ctx, post.error());
    auto reply = wc.services.posts.AddReply(*ctx.user, *post, ctx.FormValue("body"));
    if (!reply) return ErrorPage(wc.site, ctx, reply.error());
    return BackToPost(wc, ctx, *post);
}

http::Response DeletePost(const WebContext& wc, http::RequestContext& ctx) {
    auto post = http::PostIdParam(ctx);
    if (!post) return ErrorPage(wc.site, ctx, post.error());
    auto ref = wc.services.posts.Find(*post, service::ActorOf(*ctx.user));
    if (!ref) return ErrorPage(wc.site, ctx, ref.error());
    if (auto done = wc.services.posts.Delete(*ctx.user, *post); !done)
        return ErrorPage(wc.site, ctx, done.error());
    // A deleted hoot is gone for its readers; a deleted comment leaves its placeholder.
    if (ref->kind == PostKind::kHoot && !CanSeeDeleted(service::ActorOf(*ctx.user)))
        return SeeOther("/");
    // The thread, where the comment's placeholder now stands (the author can no longer see the
    // comment itself, so it cannot be looked up again).
    return BackTo(wc, ctx, *ref);
}

http::Response RestorePost(const WebContext& wc, http::RequestContext& ctx) {
    auto post = http::PostIdParam(ctx);
    if (!post) return ErrorPage(wc.site, ctx, post.error());
    if (auto done = wc.services.posts.Restore(*ctx.user, *post); !done)
        return ErrorPage(wc.site, ctx, done.error());
    return BackToPost(wc, ctx, *post);
}

}  // namespace hoot::web
