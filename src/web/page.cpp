#include "web/page.hpp"

#include "app/log.hpp"
#include "web/urls.hpp"
#include "web/views/views.hpp"

namespace hoot::web {

views::PageChrome Chrome(const Site& site, http::RequestContext& ctx, std::string title,
                         std::string canonical_path) {
    views::PageChrome chrome;
    chrome.site_name = site.name;
    chrome.title = std::move(title);
    chrome.canonical_path = std::move(canonical_path);
    chrome.current_path = ctx.request.target;
    if (ctx.user) {
        chrome.viewer.signed_in = true;
        chrome.viewer.username = ctx.user->username;
        chrome.viewer.display_name =
            ctx.user->display_name.empty() ? ctx.user->username : ctx.user->display_name;
        chrome.viewer.unread_notifications = ctx.user->unread_notifications;
        chrome.viewer.unread_conversations = ctx.user->unread_conversations;
    }
    chrome.csrf_token = ctx.csrf_token;
    chrome.theme = ctx.theme;
    chrome.css_url = site.css_url;
    chrome.js_url = site.js_url;
    // The search box keeps what was searched for on the results page.
    if (ctx.request.path == kSearchPath)
        chrome.search_query = ctx.request.QueryParam("q").value_or("");
    return chrome;
}

std::string ThreadTitle(const Site& site, std::string_view hoot_title) {
    std::string title = "Hoots : ";
    title.append(hoot_title).append(" - ").append(site.name);
    return title;
}

std::string PageTitle(const Site& site, std::string_view page) {
    std::string title(page);
    title.append(" - ").append(site.name);
    return title;
}

http::Response HtmlPage(const Site& site, http::RequestContext& ctx, std::string title,
                        const render::Html& main, int status, std::string canonical_path) {
    http::Response response;
    response.status = status;
    response.body =
        views::RenderLayout(Chrome(site, ctx, std::move(title), std::move(canonical_path)), main);
    // Pages carry the reader's own name and CSRF token: never stored by shared caches.
    response.Header("Cache-Control", "private, no-cache");
    return response;
}

http::Response HtmlPageWithFeed(const Site& site, http::RequestContext& ctx, std::string title,
                                const render::Html& main, std::string atom_url,
                                std::string atom_title, std::string canonical_path) {
    auto chrome = Chrome(site, ctx, std::move(title), std::move(canonical_path));
    chrome.atom_url = std::move(atom_url);
    chrome.atom_title = std::move(atom_title);
    http::Response response;
    response.status = 200;
    response.body = views::RenderLayout(chrome, main);
    response.Header("Cache-Control", "private, no-cache");
    return response;
}

http::Response ErrorPage(const Site& site, http::RequestContext& ctx, const Error& error) {
    if (error.code == Errc::kInternal || error.code == Errc::kUnavailable)
        log::Error(std::string(ErrcKey(error.code)) + " at " + error.where.file_name() + ":" +
                   std::to_string(error.where.line()) + ": " + error.detail);
    views::ErrorPage page;
    page.status = ErrcStatus(error.code);
    switch (error.code) {
        case Errc::kNotFound:
            page.heading = "Not found";
            break;
        case Errc::kForbidden:
            page.heading = "Not allowed";
            break;
        case Errc::kUnauthenticated:
            page.heading = "Please sign in";
            break;
        case Errc::kRateLimited:
            page.heading = "Slow down";
            break;
        case Errc::kTooLarge:
            page.heading = "Too large";
            break;
        case Errc::kInternal:
        case Errc::kUnavailable:
            page.heading = "Something went wrong";
            break;
        default:
            page.heading = "That did not work";
            break;
    }
    page.message = error.message;
    return HtmlPage(site, ctx, PageTitle(site, page.heading), views::RenderError(page),
                    page.status);
}

views::FormErrors ToFormErrors(const Error& error) {
    views::FormErrors errors;
    if (error.field.empty())
        errors.general = error.message;
    else
        errors.fields.emplace_back(error.field, error.message);
    return errors;
}

std::string SafeNext(std::string_view next) {
    if (next.empty() || next.front() != '/' || next.starts_with("//") || next.starts_with("/\\"))
        return "/";
    for (char c : next)
        if (static_cast<unsigned char>(c) < 0x20) return "/";
    return std::string(next);
}

http::Response SeeOther(std::string location) { return http::Redirect(303, std::move(location)); }

}  // namespace hoot::web
