#pragma once
// What each page view needs, filled by the page handlers in web/. Views are pure functions of
// these structs (see the per-page headers beside this file); they never touch services or stores.

#include <string>
#include <utility>
#include <vector>

#include "domain/model.hpp"

namespace hoot::web::views {

struct Viewer {
    bool signed_in = false;
    std::string username;
    std::string display_name;
};

// The frame around every page: top bar, footer, theme, assets.
struct PageChrome {
    std::string site_name;
    std::string title;          // the whole <title> text
    std::string canonical_path; // empty: no canonical link
    std::string current_path;   // path and query of this page, for "login and come back"
    Viewer viewer;
    std::string csrf_token;     // for the forms in the frame (sign out, theme)
    std::string theme;          // "dark", "light" or "" (follow prefers-color-scheme)
    std::string css_url;        // content-hashed asset URLs
    std::string js_url;
};

// Field → message, in the order the fields appear; `general` for errors not tied to a field.
struct FormErrors {
    std::string general;
    std::vector<std::pair<std::string, std::string>> fields;
    bool empty() const { return general.empty() && fields.empty(); }
    const std::string* For(std::string_view field) const {
        for (const auto& [name, message] : fields)
            if (name == field) return &message;
        return nullptr;
    }
};

struct FeedPage {
    std::string tag;  // non-empty: the feed of one tag
    std::vector<HootSummary> hoots;
    std::string next_url;  // empty on the last page
    UnixSeconds now = 0;
    bool signed_in = false;
};

struct ThreadPage {
    Hoot hoot;
    std::vector<Comment> comments;  // in `order`, at most one page of them
    CommentOrder order = CommentOrder::kLatest;
    std::int64_t not_shown = 0;     // comments beyond this page ("Load Full (N)")
    std::string load_full_url;
    std::string path;               // this thread's canonical path
    bool signed_in = false;
    std::string csrf_token;
    std::string comment_draft;      // kept when a comment failed to post
    FormErrors comment_errors;
    UnixSeconds now = 0;
};

struct ComposerPage {
    std::string title, body, tags;
    FormErrors errors;
    std::string csrf_token;
};

struct SignInPage {
    std::string username;
    std::string next;
    FormErrors errors;
    std::string csrf_token;
};

struct SignUpPage {
    std::string username;
    std::string next;
    FormErrors errors;
    std::string csrf_token;
};

struct ProfileEditPage {
    std::string username;
    std::string display_name, bio;
    FormErrors errors;
    bool saved = false;
    std::string csrf_token;
};

struct ProfilePage {
    User user;
    std::vector<HootSummary> hoots;
    bool is_self = false;
    UnixSeconds now = 0;
};

struct ErrorPage {
    int status = 500;
    std::string heading;
    std::string message;
};

}  // namespace hoot::web::views
