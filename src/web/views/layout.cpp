// The frame around every page: head, top bar, main, footer. The CSP forbids inline scripts,
// event handlers and style attributes, so everything here is plain markup; hoot.js adds the
// conveniences (theme in place, smooth back-to-top) on top of forms and links that work without it.

#include "web/urls.hpp"
#include "web/views/parts.hpp"
#include "web/views/views.hpp"

namespace hoot::web::views {

using render::Html;

namespace {

// Only the two known themes reach the page; anything else means "follow the system".
std::string_view NormalTheme(std::string_view theme) {
    return theme == "dark" || theme == "light" ? theme : std::string_view();
}

// Where "Log in" / "Sign up" in the top bar come back to. From the sign-in and sign-up pages
// themselves that would loop, so those go home instead.
std::string_view ReturnPath(std::string_view current_path) {
    if (current_path.starts_with(kLoginPath) || current_path.starts_with(kSignUpPath)) {
        return kHomePath;
    }
    return current_path.empty() ? kHomePath : current_path;
}

void AppendHead(Html& html, const PageChrome& chrome) {
    html.Raw("<head><meta charset=\"utf-8\">")
        .Raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        .Raw("<title>")
        .Text(chrome.title)
        .Raw("</title><link rel=\"stylesheet\" href=\"")
        .Attr(chrome.css_url)
        .Raw("\"><script src=\"")
        .Attr(chrome.js_url)
        .Raw("\" defer></script>");
    // hoot.js sends this token with its in-place requests (reactions); forms carry their own.
    if (!chrome.csrf_token.empty()) {
        html.Raw("<meta name=\"csrf-token\" content=\"").Attr(chrome.csrf_token).Raw("\">");
    }
    // hoot.js opens the live event stream from here (signed-in readers only).
    if (chrome.viewer.signed_in) {
        html.Raw("<meta name=\"live-events\" content=\"")
            .Attr(LiveEventsUrl(std::nullopt))
            .Raw("\">");
    }
    if (!chrome.canonical_path.empty()) {
        html.Raw("<link rel=\"canonical\" href=\"").Attr(chrome.canonical_path).Raw("\">");
    }
    if (!chrome.atom_url.empty()) {
        html.Raw("<link rel=\"alternate\" type=\"application/atom+xml\" title=\"")
            .Attr(chrome.atom_title)
            .Raw("\" href=\"")
            .Attr(chrome.atom_url)
            .Raw("\">");
    }
    html.Raw("</head>");
}

// A count badge that hoot.js keeps current from the event stream (data-unread names it); hidden
// when zero, and read out as "(3 unread)" after the link's name.
void AppendBadge(Html& html, render::Markup which, std::int64_t count) {
    html.Raw("<span class=\"badge\" data-unread=\"").Raw(which).Raw("\"");
    if (count == 0) html.Raw(" hidden");
    html.Raw("> <span class=\"visually-hidden\">(</span>")
        .Number(count)
        .Raw("<span class=\"visually-hidden\"> unread)</span></span>");
}

void AppendBellAndDmBox(Html& html, const Viewer& viewer) {
    html.Raw("<a class=\"bell\" href=\"")
        .Attr(kNotificationsPath)
        .Raw("\"><span class=\"icon\" aria-hidden=\"true\">&#128276;</span>Notifications");
    AppendBadge(html, "notifications", viewer.unread_notifications);
    html.Raw("</a><a class=\"dmbox\" href=\"")
        .Attr(kMessagesPath)
        .Raw("\"><span class=\"icon\" aria-hidden=\"true\">&#9993;</span>Messages");
    AppendBadge(html, "conversations", viewer.unread_conversations);
    html.Raw("</a>");
}

// A plain GET form, so it works without JS; the browser walkthrough finds it by role and name.
void AppendSearchBox(Html& html, const PageChrome& chrome) {
    html.Raw("<form class=\"search-box\" role=\"search\" method=\"get\" action=\"")
        .Attr(kSearchPath)
        .Raw("\"><label class=\"visually-hidden\" for=\"search-q\">Search hoots</label>")
        .Raw("<input id=\"search-q\" type=\"search\" name=\"q\" placeholder=\"Search hoots\" ")
        .Raw("maxlength=\"512\" value=\"")
        .Attr(chrome.search_query)
        .Raw("\"><button type=\"submit\">Search</button></form>");
}

void AppendTopBar(Html& html, const PageChrome& chrome) {
    html.Raw("<header class=\"topbar\"><nav aria-label=\"Site\"><a class=\"home\" href=\"")
        .Attr(kHomePath)
        .Raw("\">")
        .Text(chrome.site_name)
        .Raw("</a><a href=\"")
        .Attr(kNewPostPath)
        .Raw("\">New Post</a><a href=\"")
        .Attr(kTagsPath)
        .Raw("\">Tags</a>");
    AppendSearchBox(html, chrome);
    const Viewer& viewer = chrome.viewer;
    if (viewer.signed_in) AppendBellAndDmBox(html, viewer);
    if (viewer.signed_in) {
        const std::string& name =
            viewer.display_name.empty() ? viewer.username : viewer.display_name;
        html.Raw("<a class=\"me\" href=\"")
            .Attr(UserUrl(viewer.username))
            .Raw("\">")
            .Text(name)
            .Raw("</a><a href=\"")
            .Attr(kEditProfilePath)
            .Raw("\">Edit profile</a><form class=\"signout\" method=\"post\" action=\"")
            .Attr(kLogoutPath)
            .Raw("\">");
        AppendCsrf(html, chrome.csrf_token);
        html.Raw("<button type=\"submit\">Sign out</button></form>");
    } else {
        const std::string_view back = ReturnPath(chrome.current_path);
        html.Raw("<a href=\"")
            .Attr(LoginUrl(back))
            .Raw("\">Log in</a><a href=\"")
            .Attr(SignUpUrl(back))
            .Raw("\">Sign up</a>");
    }
    html.Raw("</nav></header>");
}

// A real form, so switching works without JS; hoot.js intercepts it and switches in place.
// The hidden "theme" field holds the theme to switch TO. Change together with hoot.js.
void AppendThemeForm(Html& html, const PageChrome& chrome, std::string_view theme) {
    const bool dark_now = theme == "dark";
    html.Raw("<form class=\"theme-toggle\" method=\"post\" action=\"").Attr(kThemePath).Raw("\">");
    AppendCsrf(html, chrome.csrf_token);
    html.Raw("<input type=\"hidden\" name=\"next\" value=\"")
        .Attr(chrome.current_path.empty() ? kHomePath : chrome.current_path)
        .Raw("\">");
    if (dark_now) {
        html.Raw("<input type=\"hidden\" name=\"theme\" value=\"light\">")
            .Raw("<button type=\"submit\">Use Light theme</button>");
    } else {
        html.Raw("<input type=\"hidden\" name=\"theme\" value=\"dark\">")
            .Raw("<button type=\"submit\">Use Dark theme</button>");
    }
    html.Raw("</form>");
}

void AppendFooter(Html& html, const PageChrome& chrome, std::string_view theme) {
    html.Raw("<footer class=\"footer\"><a class=\"to-top\" href=\"#top\">Back to top</a>");
    AppendThemeForm(html, chrome, theme);
    html.Raw("</footer>");
}

}  // namespace

std::string RenderLayout(const PageChrome& chrome, const Html& main_content) {
    const std::string_view theme = NormalTheme(chrome.theme);
    Html html(main_content.str().size() + 4096);
    html.Raw("<!doctype html>\n");
    if (theme.empty()) {
        html.Raw("<html lang=\"en\">");
    } else {
        html.Raw("<html lang=\"en\" data-theme=\"").Attr(theme).Raw("\">");
    }
    AppendHead(html, chrome);
    // #top is the body so "Back to top" lands above the top bar.
    html.Raw("<body id=\"top\"><a class=\"skip\" href=\"#main\">Skip to content</a>");
    AppendTopBar(html, chrome);
    html.Raw("<main id=\"main\" tabindex=\"-1\">").Append(main_content).Raw("</main>");
    // Where hoot.js announces what arrives live ("New comment by Ada"), for screen readers.
    if (chrome.viewer.signed_in)
        html.Raw(
            "<p class=\"live-status visually-hidden\" role=\"status\" aria-live=\"polite\"></p>");
    AppendFooter(html, chrome, theme);
    html.Raw("</body></html>\n");
    return html.Take();
}

}  // namespace hoot::web::views
