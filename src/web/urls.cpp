#include "web/urls.hpp"

namespace hoot::web {

std::string HootUrl(HootId id, std::string_view slug) {
    std::string url = "/hoots/";
    url += std::to_string(id.value);
    url += '/';
    url += slug;
    return url;
}

std::string HootUrl(HootId id, std::string_view slug, CommentOrder order) {
    std::string url = HootUrl(id, slug);
    url += "?sort=";
    url += OrderKey(order);
    return url;
}

std::string CommentAnchor(CommentId id) { return "c-" + std::to_string(id.value); }

std::string HootPostUrl(HootId id, std::string_view slug, PostId post) {
    if (post.value == id.value) return HootUrl(id, slug);
    return HootUrl(id, slug) + "?full=1#" + CommentAnchor(CommentId(post.value));
}

std::string SearchUrl(std::string_view query, int page) {
    std::string url = std::string(kSearchPath) + "?q=" + UrlEncode(query);
    if (page > 1) url += "&page=" + std::to_string(page);
    return url;
}

std::string CommentsPostUrl(HootId id) {
    return "/hoots/" + std::to_string(id.value) + "/comments";
}

std::string TagUrl(std::string_view tag) { return "/tags/" + UrlEncode(tag); }

std::string UserUrl(std::string_view username) { return "/u/" + UrlEncode(username); }

std::string AvatarUrl(UserId user, std::string_view hash) {
    return "/avatars/" + std::to_string(user.value) + "-" + std::string(hash) + ".webp";
}

std::optional<std::pair<UserId, std::string>> ParseAvatarFile(std::string_view file) {
    constexpr std::string_view kSuffix = ".webp";
    if (!file.ends_with(kSuffix)) return std::nullopt;
    file.remove_suffix(kSuffix.size());
    auto dash = file.find('-');
    if (dash == std::string_view::npos) return std::nullopt;
    auto id = ParseId<UserId>(file.substr(0, dash));
    std::string_view hash = file.substr(dash + 1);
    bool hex = !hash.empty() && hash.size() <= 64 &&
               hash.find_first_not_of("0123456789abcdef") == std::string_view::npos;
    if (!id || !hex) return std::nullopt;
    return std::make_pair(*id, std::string(hash));
}

std::string LoginUrl(std::string_view next_path) {
    return std::string(kLoginPath) + "?next=" + UrlEncode(next_path);
}

std::string SignUpUrl(std::string_view next_path) {
    return std::string(kSignUpPath) + "?next=" + UrlEncode(next_path);
}

namespace {
std::string PostPath(PostId post, std::string_view action) {
    std::string url = "/posts/" + std::to_string(post.value);
    url += '/';
    url += action;
    return url;
}
}  // namespace

std::string PostEditUrl(PostId post) { return PostPath(post, "edit"); }
std::string PostRevisionsUrl(PostId post) { return PostPath(post, "revisions"); }
std::string PostUpdatesUrl(PostId post) { return PostPath(post, "updates"); }
std::string PostReactionUrl(PostId post, ReactionKind kind) {
    std::string url = PostPath(post, "reactions/");
    url += InfoOf(kind).key;
    return url;
}
std::string PostRepliesUrl(PostId post) { return PostPath(post, "replies"); }
std::string PostDeleteUrl(PostId post) { return PostPath(post, "delete"); }
std::string PostRestoreUrl(PostId post) { return PostPath(post, "restore"); }
std::string ApiReactionUrl(PostId post, ReactionKind kind) {
    return "/api/v1" + PostReactionUrl(post, kind);
}
std::string HootRevisionsUrl(HootId id) {
    return "/hoots/" + std::to_string(id.value) + "/revisions";
}

std::string_view OrderKey(CommentOrder order) {
    switch (order) {
        case CommentOrder::kLatest:
            return "latest";
        case CommentOrder::kOldest:
            return "oldest";
        case CommentOrder::kBest:
            return "best";
    }
    return "latest";
}

std::string UrlEncode(std::string_view text) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string out;
    out.reserve(text.size());
    for (unsigned char c : text) {
        if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
            c == '-' || c == '_' || c == '.' || c == '~' || c == '/') {
            out += static_cast<char>(c);
        } else {
            out += '%';
            out += kHex[c >> 4];
            out += kHex[c & 15];
        }
    }
    return out;
}

std::string FollowUrl(HootId id) { return "/hoots/" + std::to_string(id.value) + "/follow"; }

std::string ApiFollowUrl(HootId id) {
    return "/api/v1/hoots/" + std::to_string(id.value) + "/follow";
}

std::string PostInThreadUrl(HootId hoot, std::string_view slug, PostId post, PostKind kind) {
    if (kind == PostKind::kHoot) return HootUrl(hoot, slug) + "#hoot";
    return HootUrl(hoot, slug) + "?full=1#" + CommentAnchor(CommentId(post.value));
}

std::string NotificationUrl(NotificationId id) {
    return std::string(kNotificationsPath) + "/" + std::to_string(id.value);
}

std::string NotificationsPageUrl(NotificationId before) {
    return std::string(kNotificationsPath) + "?before=" + std::to_string(before.value);
}

std::string ConversationUrl(std::string_view username) {
    return std::string(kMessagesPath) + "/" + UrlEncode(username);
}

std::string OlderMessagesUrl(std::string_view username, MessageId before) {
    return ConversationUrl(username) + "?before=" + std::to_string(before.value);
}

std::string ConversationsPageUrl(MessageId before) {
    return std::string(kMessagesPath) + "?before=" + std::to_string(before.value);
}

std::string BlockUrl(std::string_view username) { return UserUrl(username) + "/block"; }

std::string FollowingPageUrl(const std::string& cursor) {
    return std::string(kFollowingPath) + "?after=" + UrlEncode(cursor);
}

std::string LiveEventsUrl(std::optional<HootId> hoot) {
    if (!hoot) return "/events";
    return "/events?hoot=" + std::to_string(hoot->value);
}

}  // namespace hoot::web

namespace hoot::web {

std::string FeedUrl(std::string_view tag, FeedOrder order, TopPeriod period,
                    std::string_view after) {
    std::string url = tag.empty() ? std::string(kHomePath) : TagUrl(tag);
    char sep = '?';
    auto add = [&](std::string_view name, std::string_view value) {
        url.append(1, sep).append(name).append("=").append(UrlEncode(value));
        sep = '&';
    };
    if (order != FeedOrder::kLatest) add("sort", FeedOrderKey(order));
    if (order == FeedOrder::kTop) add("period", TopPeriodKey(period));
    if (!after.empty()) add("after", after);
    return url;
}

std::string SiteAtomUrl() { return "/feed.atom"; }

std::string TagAtomUrl(std::string_view tag) { return TagUrl(tag) + "/feed.atom"; }

std::string HootAtomUrl(HootId id) { return "/hoots/" + std::to_string(id.value) + "/feed.atom"; }

std::string UserCommentsUrl(std::string_view username, std::string_view after) {
    return UserUrl(username) + "?comments_after=" + UrlEncode(after);
}

std::string StackExchangeQuestionUrl(std::string_view site, std::int64_t question_id) {
    return "https://" + std::string(site) + "/questions/" + std::to_string(question_id);
}

std::string StackExchangeUserUrl(std::string_view site, std::int64_t user_id) {
    return "https://" + std::string(site) + "/users/" + std::to_string(user_id);
}

std::string StackExchangeTagUrl(std::string_view site, std::string_view tag) {
    return "https://" + std::string(site) + "/tags/" + UrlEncode(tag) + "/info";
}

}  // namespace hoot::web
