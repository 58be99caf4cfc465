#pragma once
// What every page handler shares: the site's identity, the frame around a page, and the one
// place where an Error becomes an error page.

#include <string>

#include "domain/result.hpp"
#include "http/context.hpp"
#include "render/html.hpp"
#include "service/services.hpp"
#include "web/views/view_models.hpp"

namespace hoot::web {

struct Site {
    std::string name = "Hoot";
    std::string css_url;
    std::string js_url;
};

// What page handlers are given.
struct WebContext {
    const Site& site;
    service::Services services;
};

views::PageChrome Chrome(const Site& site, http::RequestContext& ctx, std::string title,
                         std::string canonical_path = {});
// "Hoots : {title} - {site name}", the reference page's form.
std::string ThreadTitle(const Site& site, std::string_view hoot_title);
// "{page} - {site name}"
std::string PageTitle(const Site& site, std::string_view page);

http::Response HtmlPage(const Site& site, http::RequestContext& ctx, std::string title,
                        const render::Html& main, int status = 200,
                        std::string canonical_path = {});
// HtmlPage for a page that has an Atom feed: the head offers it as rel="alternate".
http::Response HtmlPageWithFeed(const Site& site, http::RequestContext& ctx, std::string title,
                                const render::Html& main, std::string atom_url,
                                std::string atom_title, std::string canonical_path = {});
http::Response ErrorPage(const Site& site, http::RequestContext& ctx, const Error& error);

// An Error's message placed on its field (or as the general message).
views::FormErrors ToFormErrors(const Error& error);
// `next` when it is a path on this site ("/..." but not "//..."), else "/".
std::string SafeNext(std::string_view next);
// 303 See Other: where a form post lands.
http::Response SeeOther(std::string location);

}  // namespace hoot::web
