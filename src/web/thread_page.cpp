#include "service/hoots.hpp"
#include "web/handlers.hpp"
#include "web/urls.hpp"
#include "web/views/views.hpp"

namespace hoot::web {
namespace {

struct ThreadQuery {
    CommentOrder order = CommentOrder::kLatest;
    bool full = false;
};

Result<ThreadQuery> ParseThreadQuery(const http::Request& request) {
    ThreadQuery query;
    if (auto sort = request.QueryParam("sort")) {
        auto order = service::ParseCommentOrder(*sort);
        if (!order)
            return Error::Make(Errc::kBadRequest,
                               "Comments can be sorted by latest, oldest or best.");
        query.order = *order;
    }
    query.full = request.QueryParam("full").value_or("") == "1";
    return query;
}

http::Response RenderThreadPage(const WebContext& wc, http::RequestContext& ctx,
                                service::ThreadResult thread, const ThreadQuery& query,
                                std::string draft = {}, views::FormErrors errors = {},
                                int status = 200) {
    views::ThreadPage page;
    page.path = HootUrl(thread.hoot.id, thread.hoot.slug);
    page.order = query.order;
    page.not_shown = thread.not_shown;
    page.load_full_url = HootUrl(thread.hoot.id, thread.hoot.slug, query.order) + "&full=1";
    page.signed_in = ctx.user.has_value();
    page.csrf_token = ctx.csrf_token;
    page.comment_draft = std::move(draft);
    page.comment_errors = std::move(errors);
    page.now = ctx.now;
    if (ctx.user) {
        page.viewer_id = ctx.user->id;
        page.viewer_is_moderator = ctx.user->is_admin;
        auto following = wc.services.notifications.IsFollowing(ctx.user->id, thread.hoot.id);
        if (!following) return ErrorPage(wc.site, ctx, following.error());
        page.following = *following;
    }
    std::string title = ThreadTitle(wc.site, thread.hoot.title);
    std::string canonical = page.path;
    page.hoot = std::move(thread.hoot);
    page.comments = std::move(thread.comments);
    std::string atom_title = "Comments on " + page.hoot.title;
    auto response =
        HtmlPageWithFeed(wc.site, ctx, std::move(title), views::RenderThread(page),
                         HootAtomUrl(page.hoot.id), std::move(atom_title), std::move(canonical));
    response.status = status;
    return response;
}

service::ThreadViewer ViewerOf(const http::RequestContext& ctx) {
    if (!ctx.user) return {};
    return {ctx.user->id, ctx.user->is_admin};
}

int CommentLimit(const ThreadQuery& query) {
    return query.full ? service::kCommentsFullLimit : service::kCommentsFirstPage;
}

}  // namespace

http::Response ShowThread(const WebContext& wc, http::RequestContext& ctx) {
    auto id = ParseId<HootId>(ctx.params.Get("id"));
    if (!id)
        return ErrorPage(wc.site, ctx,
                         Error::Make(Errc::kNotFound, "There is no hoot with that number."));
    auto query = ParseThreadQuery(ctx.request);
    if (!query) return ErrorPage(wc.site, ctx, query.error());
    auto thread = wc.services.hoots.Thread(*id, query->order, CommentLimit(*query), ViewerOf(ctx));
    if (!thread) return ErrorPage(wc.site, ctx, thread.error());
    if (ctx.params.Get("slug") != thread->hoot.slug) {
        std::string location = HootUrl(*id, thread->hoot.slug);
        if (!ctx.request.query.empty()) location += "?" + ctx.request.query;
        return http::Redirect(301, std::move(location));
    }
    return RenderThreadPage(wc, ctx, std::move(*thread), *query);
}

http::Response PostComment(const WebContext& wc, http::RequestContext& ctx) {
    auto id = ParseId<HootId>(ctx.params.Get("id"));
    if (!id)
        return ErrorPage(wc.site, ctx,
                         Error::Make(Errc::kNotFound, "There is no hoot with that number."));
    std::string body = ctx.FormValue("body");
    auto comment = wc.services.hoots.AddComment(ctx.user->id, *id, body);
    if (comment) {
        auto hoot = wc.services.hoots.Get(*id);
        if (!hoot) return ErrorPage(wc.site, ctx, hoot.error());
        return SeeOther(HootUrl(*id, hoot->slug) + "#" + CommentAnchor(comment->id));
    }
    if (comment.error().code != Errc::kInvalidInput)
        return ErrorPage(wc.site, ctx, comment.error());
    ThreadQuery query;
    auto thread = wc.services.hoots.Thread(*id, query.order, CommentLimit(query), ViewerOf(ctx));
    if (!thread) return ErrorPage(wc.site, ctx, thread.error());
    return RenderThreadPage(wc, ctx, std::move(*thread), query, std::move(body),
                            ToFormErrors(comment.error()), 422);
}

}  // namespace hoot::web
