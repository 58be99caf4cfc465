#include "web/handlers.hpp"
#include "web/urls.hpp"
#include "web/views/views.hpp"

namespace hoot::web {
namespace {

// ?{name}= as a time cursor: nullopt when absent, kBadRequest when it is not one.
Result<std::optional<service::TimeCursor>> CursorParam(const http::Request& request,
                                                       std::string_view name) {
    auto text = request.QueryParam(name);
    if (!text || text->empty()) return std::optional<service::TimeCursor>();
    auto cursor = service::ParseCursor(*text);
    if (!cursor) return Error::Make(Errc::kBadRequest, "That page link is not valid.");
    return std::optional<service::TimeCursor>(*cursor);
}

views::ProfileEditPage EditorOf(const http::RequestContext& ctx) {
    views::ProfileEditPage page;
    page.username = ctx.user->username;
    page.display_name = ctx.user->display_name;
    page.bio = ctx.user->bio_source;
    page.website = ctx.user->website;
    page.csrf_token = ctx.csrf_token;
    page.user_id = ctx.user->id;
    page.avatar_hash = ctx.user->avatar_hash;
    return page;
}

// The picture the form carries, if one was chosen: a browser sends an empty file part with an
// empty name when the file input was left alone.
const http::MultipartPart* ChosenPicture(http::RequestContext& ctx) {
    const http::MultipartPart* file = ctx.File("avatar");
    if (!file || (file->data.empty() && file->filename.empty())) return nullptr;
    return file;
}

http::Response EditorPage(const WebContext& wc, http::RequestContext& ctx,
                          const views::ProfileEditPage& page, int status) {
    return HtmlPage(wc.site, ctx, PageTitle(wc.site, "Edit profile"),
                    views::RenderProfileEdit(page), status);
}

}  // namespace

// The profile with one page of the person's hoots and one of their comments; each list pages
// on by its own cursor (?hoots_after=, ?comments_after=).
http::Response ShowProfile(const WebContext& wc, http::RequestContext& ctx) {
    auto hoots_after = CursorParam(ctx.request, "hoots_after");
    if (!hoots_after) return ErrorPage(wc.site, ctx, hoots_after.error());
    auto comments_after = CursorParam(ctx.request, "comments_after");
    if (!comments_after) return ErrorPage(wc.site, ctx, comments_after.error());
    auto user = wc.services.accounts.GetUser(ctx.params.Get("username"));
    if (!user) return ErrorPage(wc.site, ctx, user.error());
    auto hoots = wc.services.hoots.ByAuthor(user->id, *hoots_after, service::kFeedPageSize);
    if (!hoots) return ErrorPage(wc.site, ctx, hoots.error());
    auto comments =
        wc.services.hoots.CommentsByAuthor(user->id, *comments_after, service::kFeedPageSize);
    if (!comments) return ErrorPage(wc.site, ctx, comments.error());
    views::ProfilePage page;
    page.is_self = ctx.user && ctx.user->id == user->id;
    page.signed_in = ctx.user.has_value();
    page.csrf_token = ctx.csrf_token;
    if (ctx.user && !page.is_self) {
        auto blocked = wc.services.messages.HasBlocked(*ctx.user, user->username);
        if (!blocked) return ErrorPage(wc.site, ctx, blocked.error());
        page.blocked = *blocked;
    }
    page.now = ctx.now;
    page.hoots = std::move(hoots->hoots);
    page.comments = std::move(comments->comments);
    std::string canonical = UserUrl(user->username);
    if (hoots->next)
        page.more_hoots_url =
            canonical + "?hoots_after=" + UrlEncode(service::FormatCursor(*hoots->next));
    if (comments->next)
        page.next_comments_url =
            UserCommentsUrl(user->username, service::FormatCursor(*comments->next));
    page.comments_paged = comments_after->has_value();
    std::string name = user->display_name.empty() ? user->username : user->display_name;
    page.user = std::move(*user);
    return HtmlPage(wc.site, ctx, PageTitle(wc.site, name), views::RenderProfile(page), 200,
                    std::move(canonical));
}

http::Response ShowProfileEditor(const WebContext& wc, http::RequestContext& ctx) {
    views::ProfileEditPage page = EditorOf(ctx);
    page.saved = ctx.request.QueryParam("saved").has_value();
    page.password_changed = ctx.request.QueryParam("password").has_value();
    return EditorPage(wc, ctx, page, 200);
}

// The profile's text and its avatar in one form: the picture is checked before anything is
// saved, so a refused picture leaves the profile as it was and the form as it was typed.
http::Response SaveProfile(const WebContext& wc, http::RequestContext& ctx) {
    service::ProfileEdit edit{ctx.FormValue("display_name"), ctx.FormValue("bio"),
                              ctx.FormValue("website")};
    const bool remove_avatar = ctx.FormValue("remove_avatar") == "1";
    auto refused = [&](const Error& error) {
        views::ProfileEditPage page = EditorOf(ctx);
        page.display_name = edit.display_name;
        page.bio = edit.bio;
        page.website = edit.website;
        page.remove_avatar = remove_avatar;
        page.errors = ToFormErrors(error);
        return EditorPage(wc, ctx, page, 422);
    };
    std::optional<service::StoredAvatar> avatar;
    if (const http::MultipartPart* picture = ChosenPicture(ctx)) {
        auto prepared = wc.services.avatars.Prepare(picture->data);
        if (!prepared) {
            if (prepared.error().code != Errc::kInvalidInput)
                return ErrorPage(wc.site, ctx, prepared.error());
            return refused(prepared.error());
        }
        avatar = std::move(*prepared);
    }
    auto user = wc.services.accounts.UpdateProfile(ctx.user->id, edit);
    if (!user) {
        if (user.error().code != Errc::kInvalidInput) return ErrorPage(wc.site, ctx, user.error());
        return refused(user.error());
    }
    Status pictured = avatar          ? wc.services.avatars.Store(ctx.user->id, *avatar)
                      : remove_avatar ? wc.services.avatars.Remove(ctx.user->id)
                                      : OkStatus();
    if (!pictured) return ErrorPage(wc.site, ctx, pictured.error());
    return SeeOther(std::string(kEditProfilePath) + "?saved=1");
}

http::Response ChangePassword(const WebContext& wc, http::RequestContext& ctx) {
    service::PasswordChange change{ctx.FormValue("current_password"), ctx.FormValue("new_password"),
                                   ctx.session_token};
    auto changed = wc.services.accounts.ChangePassword(ctx.user->id, change);
    if (changed) return SeeOther(std::string(kEditProfilePath) + "?password=changed");
    if (changed.error().code != Errc::kInvalidInput)
        return ErrorPage(wc.site, ctx, changed.error());
    views::ProfileEditPage page = EditorOf(ctx);
    page.password_errors = ToFormErrors(changed.error());
    return EditorPage(wc, ctx, page, 422);
}

}  // namespace hoot::web
