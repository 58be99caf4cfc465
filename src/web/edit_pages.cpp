// Editing a post and reading its revision history.

#include "domain/validation.hpp"
#include "web/handlers.hpp"
#include "web/urls.hpp"
#include "web/views/views.hpp"

namespace hoot::web {
namespace {

std::string JoinedTags(const std::vector<std::string>& tags) {
    std::string joined;
    for (const auto& tag : tags) joined += (joined.empty() ? "" : " ") + tag;
    return joined;
}

std::string PostPath(const service::PostRef& ref, std::string_view slug) {
    std::string path = HootUrl(ref.hoot, slug);
    if (ref.kind == PostKind::kComment) path += "#" + CommentAnchor(CommentId(ref.id.value));
    return path;
}

http::Response RenderEditForm(const WebContext& wc, http::RequestContext& ctx,
                              views::EditPostPage page, int status = 200) {
    page.csrf_token = ctx.csrf_token;
    std::string_view what = page.kind == PostKind::kHoot ? "Edit hoot" : "Edit comment";
    return HtmlPage(wc.site, ctx, PageTitle(wc.site, what), views::RenderEditPost(page), status);
}

}  // namespace

http::Response ShowEditPost(const WebContext& wc, http::RequestContext& ctx) {
    auto post = http::PostIdParam(ctx);
    if (!post) return ErrorPage(wc.site, ctx, post.error());
    auto source = wc.services.posts.SourceForEdit(*ctx.user, *post);
    if (!source) return ErrorPage(wc.site, ctx, source.error());
    views::EditPostPage page;
    page.kind = source->ref.kind;
    page.post = *post;
    page.title = source->title;
    page.body = source->body;
    page.tags = JoinedTags(source->tags);
    page.base_revision = source->ref.revision;
    page.cancel_url = PostPath(source->ref, source->thread_slug);
    return RenderEditForm(wc, ctx, std::move(page));
}

http::Response SaveEditPost(const WebContext& wc, http::RequestContext& ctx) {
    auto post = http::PostIdParam(ctx);
    if (!post) return ErrorPage(wc.site, ctx, post.error());
    auto source = wc.services.posts.SourceForEdit(*ctx.user, *post);
    if (!source) return ErrorPage(wc.site, ctx, source.error());

    views::EditPostPage page;
    page.kind = source->ref.kind;
    page.post = *post;
    page.title = ctx.FormValue("title");
    page.body = ctx.FormValue("body");
    page.tags = ctx.FormValue("tags");
    page.cancel_url = PostPath(source->ref, source->thread_slug);
    auto base = ParsePositiveId(ctx.FormValue("base_revision"));
    page.base_revision = base ? static_cast<int>(*base) : source->ref.revision;
    if (!base)
        return ErrorPage(wc.site, ctx,
                         Error::Make(Errc::kBadRequest, "The edit form is incomplete. Reload it."));

    auto tags = ParseTags(page.tags);
    Result<int> saved =
        tags ? wc.services.posts.Edit(*ctx.user, *post,
                                      {page.base_revision, page.title, page.body, *tags})
             : Result<int>(tags.take_error());
    if (saved) {
        auto fresh = wc.services.posts.SourceForEdit(*ctx.user, *post);
        return SeeOther(fresh ? PostPath(fresh->ref, fresh->thread_slug) : page.cancel_url);
    }
    if (saved.error().code == Errc::kConflict) {
        // Keep what they typed; the next save starts from the newest version.
        page.conflict = true;
        page.base_revision = source->ref.revision;
        return RenderEditForm(wc, ctx, std::move(page), 409);
    }
    if (saved.error().code != Errc::kInvalidInput) return ErrorPage(wc.site, ctx, saved.error());
    page.errors = ToFormErrors(saved.error());
    return RenderEditForm(wc, ctx, std::move(page), 422);
}

http::Response ShowRevisions(const WebContext& wc, http::RequestContext& ctx) {
    auto post = http::PostIdParam(ctx);
    if (!post) return ErrorPage(wc.site, ctx, post.error());
    Actor actor = ctx.user ? service::ActorOf(*ctx.user) : Actor{};
    auto history = wc.services.posts.RevisionHistory(*post, actor);
    if (!history) return ErrorPage(wc.site, ctx, history.error());
    views::RevisionsPage page;
    page.kind = history->ref.kind;
    page.post_title = history->thread_title;
    page.post_url = PostPath(history->ref, history->thread_slug);
    page.revisions = std::move(history->revisions);
    page.now = ctx.now;
    return HtmlPage(wc.site, ctx, PageTitle(wc.site, "History of " + page.post_title),
                    views::RenderRevisions(page));
}

}  // namespace hoot::web
