// Atom feeds of the site, a tag, and one hoot's comments. Feed readers need absolute links, so
// they are built from the request's Host (and X-Forwarded-Proto behind a TLS proxy).

#include <algorithm>
#include <cctype>

#include "render/atom.hpp"
#include "service/hoots.hpp"
#include "web/handlers.hpp"
#include "web/urls.hpp"

namespace hoot::web {
namespace {

constexpr int kAtomEntries = 30;

// "http://host[:port]" from the request; a Host with anything but host-name characters
// (a forged header) falls back to localhost rather than reaching the document.
std::string BaseUrl(const http::Request& request) {
    std::string_view host = request.Header("host");
    const bool plain =
        !host.empty() && host.size() <= 255 && std::all_of(host.begin(), host.end(), [](char c) {
            return std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-' ||
                   c == ':' || c == '[' || c == ']';
        });
    const bool https = request.Header("x-forwarded-proto") == "https";
    return std::string(https ? "https://" : "http://") + std::string(plain ? host : "localhost");
}

http::Response AtomResponse(const render::AtomFeed& feed) {
    http::Response response;
    response.content_type = "application/atom+xml; charset=utf-8";
    response.body = render::RenderAtom(feed);
    response.Header("Cache-Control", "public, max-age=300");
    return response;
}

render::AtomEntry EntryOf(const std::string& base, const HootSummary& hoot) {
    render::AtomEntry entry;
    entry.url = base + HootUrl(hoot.id, hoot.slug);
    entry.id = base + "/hoots/" + std::to_string(hoot.id.value);
    entry.title = hoot.title;
    entry.author_name = hoot.author.display_name;
    entry.author_url = base + UserUrl(hoot.author.username);
    entry.published = hoot.created_at;
    entry.updated = hoot.created_at;
    entry.summary = hoot.excerpt;
    entry.categories = hoot.tags;
    return entry;
}

// The newest hoots (of one tag when `tag` is not empty).
http::Response HootsAtom(const WebContext& wc, http::RequestContext& ctx, std::string tag) {
    service::BrowseQuery query;
    query.tag = tag;
    query.limit = kAtomEntries;
    auto page = wc.services.hoots.Browse(query);
    if (!page) return ErrorPage(wc.site, ctx, page.error());
    const std::string base = BaseUrl(ctx.request);
    render::AtomFeed feed;
    feed.title = tag.empty() ? wc.site.name : "Hoots tagged " + tag + " - " + wc.site.name;
    feed.self_url = base + (tag.empty() ? SiteAtomUrl() : TagAtomUrl(tag));
    feed.alternate_url = base + (tag.empty() ? std::string(kHomePath) : TagUrl(tag));
    feed.id = feed.self_url;
    feed.updated = page->hoots.empty() ? 0 : page->hoots.front().created_at;
    for (const auto& hoot : page->hoots) feed.entries.push_back(EntryOf(base, hoot));
    return AtomResponse(feed);
}

}  // namespace

http::Response SiteAtom(const WebContext& wc, http::RequestContext& ctx) {
    return HootsAtom(wc, ctx, {});
}

http::Response TagAtom(const WebContext& wc, http::RequestContext& ctx) {
    return HootsAtom(wc, ctx, std::string(ctx.params.Get("tag")));
}

// The hoot's newest comments, whole (their sanitised HTML as content).
http::Response HootAtom(const WebContext& wc, http::RequestContext& ctx) {
    auto id = ParseId<HootId>(ctx.params.Get("id"));
    if (!id)
        return ErrorPage(wc.site, ctx,
                         Error::Make(Errc::kNotFound, "There is no hoot with that number."));
    auto thread = wc.services.hoots.Thread(*id, CommentOrder::kLatest, kAtomEntries);
    if (!thread) return ErrorPage(wc.site, ctx, thread.error());
    const Hoot& hoot = thread->hoot;
    const std::string base = BaseUrl(ctx.request);
    render::AtomFeed feed;
    feed.title = "Comments on " + hoot.title + " - " + wc.site.name;
    feed.self_url = base + HootAtomUrl(hoot.id);
    feed.alternate_url = base + HootUrl(hoot.id, hoot.slug);
    feed.id = feed.self_url;
    feed.updated = hoot.updated_at;
    for (const auto& comment : thread->comments) {
        if (comment.deleted) continue;
        render::AtomEntry entry;
        entry.url = feed.alternate_url + "#" + CommentAnchor(comment.id);
        entry.id = base + "/posts/" + std::to_string(comment.id.value);
        entry.title = "Comment by " + comment.author.display_name;
        entry.author_name = comment.author.display_name;
        entry.author_url = base + UserUrl(comment.author.username);
        entry.published = comment.created_at;
        entry.updated = comment.created_at;
        entry.content_html = comment.body_html;
        feed.updated = std::max(feed.updated, comment.created_at);
        feed.entries.push_back(std::move(entry));
    }
    return AtomResponse(feed);
}

}  // namespace hoot::web
