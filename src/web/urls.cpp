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

std::string CommentsPostUrl(HootId id) {
    return "/hoots/" + std::to_string(id.value) + "/comments";
}

std::string TagUrl(std::string_view tag) { return "/tags/" + UrlEncode(tag); }

std::string UserUrl(std::string_view username) { return "/u/" + UrlEncode(username); }

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
std::string HootRevisionsUrl(HootId id) { return "/hoots/" + std::to_string(id.value) + "/revisions"; }

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

std::string StackExchangeQuestionUrl(std::string_view site, std::int64_t question_id) {
    return "https://" + std::string(site) + "/questions/" + std::to_string(question_id);
}

std::string StackExchangeUserUrl(std::string_view site, std::int64_t user_id) {
    return "https://" + std::string(site) + "/users/" + std::to_string(user_id);
}

}  // namespace hoot::web
