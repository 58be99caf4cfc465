#pragma once
// What each page view needs, filled by the page handlers in web/. Views are pure functions of
// these structs (see the per-page headers beside this file); they never touch services or stores.

#include <string>
#include <utility>
#include <vector>

#include "domain/model.hpp"
#include "domain/ranking.hpp"
#include "domain/search_query.hpp"
#include "domain/social.hpp"
#include "service/ports.hpp"

namespace hoot::web::views {

struct Viewer {
    bool signed_in = false;
    std::string username;
    std::string display_name;
    std::int64_t unread_notifications = 0;  // the bell
    std::int64_t unread_conversations = 0;  // the DM box
};

// The frame around every page: top bar, footer, theme, assets.
struct PageChrome {
    std::string site_name;
    std::string title;           // the whole <title> text
    std::string canonical_path;  // empty: no canonical link
    std::string current_path;    // path and query of this page, for "login and come back"
    Viewer viewer;
    std::string csrf_token;  // for the forms in the frame (sign out, theme)
    std::string theme;       // "dark", "light" or "" (follow prefers-color-scheme)
    std::string css_url;     // content-hashed asset URLs (the JS reads the CSRF token from
                             // <meta name="csrf-token"> for its in-place requests)
    std::string js_url;
    std::string atom_url = {};  // the page's Atom feed, offered as rel="alternate"
    std::string atom_title = {};
    std::string search_query = {};  // what the top bar's search box shows (on /search)
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
    std::string tag_excerpt, tag_excerpt_site;  // what the tag is about, when known
    std::vector<HootSummary> hoots;
    std::string next_url;  // empty on the last page
    UnixSeconds now = 0;
    bool signed_in = false;
    FeedOrder order = FeedOrder::kLatest;
    TopPeriod period = TopPeriod::kWeek;  // Top only
};

// Every tag with how many hoots carry it.
struct TagsPage {
    std::vector<service::TagCount> tags;
};

struct ThreadPage {
    Hoot hoot;                      // with breakdown, updates, replies filled
    std::vector<Comment> comments;  // in `order`, at most one page of them
    CommentOrder order = CommentOrder::kLatest;
    std::int64_t not_shown = 0;  // comments beyond this page ("Load Full (N)")
    std::string load_full_url;
    std::string path;  // this thread's canonical path
    bool signed_in = false;
    std::string csrf_token;
    std::string comment_draft;  // kept when a comment failed to post
    FormErrors comment_errors;
    UnixSeconds now = 0;
    // Who is reading, for the controls each post shows: the author edits, adds updates and
    // deletes; a moderator also deletes and restores; others react (not on their own posts).
    UserId viewer_id;  // invalid (0) when anonymous
    bool viewer_is_moderator = false;
    bool following = false;  // the signed-in reader follows this hoot
};

// The edit form of a hoot (title, body, tags) or of a comment (body only).
struct EditPostPage {
    PostKind kind = PostKind::kHoot;
    PostId post;
    std::string title, body, tags;  // what the form shows (typed values when it comes back)
    int base_revision = 1;          // the revision the edit started from (hidden field)
    bool conflict = false;          // someone else saved first: say so, keep the text
    std::string cancel_url;         // back to the thread
    FormErrors errors;
    std::string csrf_token;
};

// Every revision of a post, newest first, each with an inline diff against the one before.
struct RevisionsPage {
    PostKind kind = PostKind::kHoot;
    std::string post_title;           // the hoot's title (the thread's, for a comment)
    std::string post_url;             // the thread (with #c-N for a comment)
    std::vector<Revision> revisions;  // oldest first (number 1 = original)
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
    std::string website = {};
    FormErrors password_errors = {};  // the change-password form's own errors
    bool password_changed = false;
    UserId user_id = {};
    std::string avatar_hash = {};  // the current avatar; '' when none
    bool remove_avatar = false;    // the "Remove avatar" box, kept checked when the form fails
};

struct ProfilePage {
    User user;
    std::vector<HootSummary> hoots;
    bool is_self = false;
    bool signed_in = false;
    bool blocked = false;  // the signed-in reader has blocked this user
    std::string csrf_token;
    UnixSeconds now = 0;
    std::vector<service::AuthoredComment> comments = {};  // newest first, one page
    std::string more_hoots_url = {};     // the author's hoots beyond the first page
    std::string next_comments_url = {};  // empty on the last page of comments
    bool comments_paged = false;         // showing a later page of comments
};

// --- following, notifications, messages (issue 4)

struct FollowingPage {
    std::vector<HootSummary> hoots;
    std::string next_url;
    UnixSeconds now = 0;
};

struct NotificationsPage {
    std::vector<Notification> items;  // newest first; the view groups them by hoot
    std::string next_url;
    std::int64_t unread = 0;
    std::string csrf_token;
    UnixSeconds now = 0;
};

struct NotificationSettingsPage {
    NotificationPrefs prefs;
    bool saved = false;
    std::string csrf_token;
};

struct ConversationsPage {
    std::vector<ConversationSummary> items;
    std::string next_url;
    std::string to;  // the "new message" form's name field, kept when it fails
    FormErrors errors;
    std::string csrf_token;
    UnixSeconds now = 0;
};

struct ConversationPage {
    AuthorRef other;
    std::vector<Message> messages;  // oldest first
    std::string older_url;          // empty: this is the beginning
    bool i_blocked = false;
    bool blocked_me = false;
    std::string draft;  // kept when sending failed
    FormErrors errors;
    std::string csrf_token;
    UserId viewer_id;
    UnixSeconds now = 0;
    std::vector<service::AuthoredComment> comments = {};  // newest first, one page
    std::string more_hoots_url = {};     // the author's hoots beyond the first page
    std::string next_comments_url = {};  // empty on the last page of comments
    bool comments_paged = false;         // showing a later page of comments
};

struct ErrorPage {
    int status = 500;
    std::string heading;
    std::string message;
};

struct SearchResultsPage {
    std::string query;  // the query read back in its own syntax; empty: nothing was asked
    std::vector<SearchHit> hits;
    int page = 1;
    std::string previous_url, next_url;  // empty when there is none
    UnixSeconds now = 0;
};

}  // namespace hoot::web::views
