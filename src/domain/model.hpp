#pragma once
// The plain types the services hand to handlers and views. No behaviour beyond trivial helpers.

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/ids.hpp"

namespace hoot {

using UnixSeconds = std::int64_t;

struct AuthorRef {
    UserId id;
    std::string username;
    std::string display_name;  // falls back to username when the user set none
    // Filled where pages show the avatar (feeds, threads); '' when none or not read.
    std::string avatar_hash = {};
};

struct User {
    UserId id;
    std::string username;
    std::string display_name;  // may be empty: show the username then
    std::string bio_source;    // Markdown as written
    std::string bio_html;      // rendered at write time
    bool is_admin = false;
    UnixSeconds created_at = 0;
    std::int64_t hoot_count = 0;
    std::int64_t comment_count = 0;
    // Maintained by the store; shown on the bell and the DM box of every page.
    std::int64_t unread_notifications = 0;
    std::int64_t unread_conversations = 0;
    std::string website = {};      // http(s) address, validated when set; may be empty
    std::string avatar_hash = {};  // names the avatar's URL; '' when there is none
};

// Counts of positive and negative reactions, maintained by the store on every reaction change.
struct ReactionTally {
    std::int64_t positive = 0;
    std::int64_t negative = 0;
    std::int64_t total() const { return positive + negative; }
};

enum class PostKind { kHoot = 1, kComment = 2 };

// The fixed set of reactions. Each has a sign: positive kinds raise popularity, negative lower it.
// Append only: the numeric values are stored.
enum class ReactionKind { kHelpful = 0, kLike = 1, kInsightful = 2, kDisagree = 3 };
inline constexpr std::size_t kReactionKindCount = 4;

struct ReactionKindInfo {
    ReactionKind kind;
    std::string_view key;    // "helpful": URLs, JSON, forms
    std::string_view label;  // "Helpful": what people read
    int sign;                // +1 or -1
};
inline constexpr std::array<ReactionKindInfo, kReactionKindCount> kReactionKinds = {{
    {ReactionKind::kHelpful, "helpful", "Helpful", +1},
    {ReactionKind::kLike, "like", "Like", +1},
    {ReactionKind::kInsightful, "insightful", "Insightful", +1},
    {ReactionKind::kDisagree, "disagree", "Disagree", -1},
}};
std::optional<ReactionKind> ParseReactionKind(std::string_view key);
inline const ReactionKindInfo& InfoOf(ReactionKind kind) {
    return kReactionKinds[static_cast<std::size_t>(kind)];
}

// Per-kind counts of a post, and which of them the reader gave.
struct ReactionBreakdown {
    std::array<std::int64_t, kReactionKindCount> counts{};
    std::array<bool, kReactionKindCount> mine{};
};

// An addendum the author appended to their own hoot or comment ("UPDATE", "Final Update").
struct PostUpdate {
    UpdateId id;
    PostId post;
    std::string heading;
    std::string body_source;
    std::string body_html;
    UnixSeconds created_at = 0;
    std::string body_text = {};  // plain words, for structured data
};

// A short plain-text remark under a hoot or a comment, one level deep.
struct Reply {
    ReplyId id;
    PostId post;
    AuthorRef author;
    std::string body;       // as written, at most 600 characters
    std::string body_html;  // escaped, links made clickable, at write time
    UnixSeconds created_at = 0;
};

// One version of a post's editable text, kept for ever; number 1 is the original.
struct Revision {
    int number = 0;
    PostId post;
    AuthorRef author;  // who made this version
    UnixSeconds created_at = 0;
    std::string title;              // hoots only
    std::vector<std::string> tags;  // hoots only
    std::string body_source;
};

// Where an imported thread comes from (a Stack Exchange dump), for the attribution CC BY-SA
// requires and for the state the source site gave it. Filled by the thread view's loader.
struct ImportedPostCredit {
    PostId post;
    bool is_question = false;
    std::string author_name;
    std::int64_t author_source_id = 0;  // the profile on the source site; 0 for a deleted user
    std::string license;                // "CC BY-SA 3.0"
};

struct ImportedLink {
    HootId id;
    std::string title;
    std::string slug;
};

struct ImportedOrigin {
    std::string site;                         // "beer.stackexchange.com"
    std::int64_t question_source_id = 0;      // https://SITE/questions/ID
    std::vector<ImportedPostCredit> credits;  // the question first, then answers by source id
    CommentId accepted;                       // invalid when no answer is accepted
    UnixSeconds closed_at = 0;                // 0: open
    std::string close_reason;
    bool locked = false;
    std::vector<ImportedLink> duplicate_of;
    std::int64_t up_votes = 0;
    std::int64_t down_votes = 0;
};

struct Hoot {
    HootId id;
    std::string title;
    std::string slug;
    std::string body_source;
    std::string body_html;
    std::string body_text;  // plain words of the body, for structured data
    std::vector<std::string> tags;
    AuthorRef author;
    UnixSeconds created_at = 0;
    UnixSeconds updated_at = 0;
    std::int64_t comment_count = 0;
    ReactionTally reactions;
    // Filled for the thread view:
    ReactionBreakdown breakdown;
    std::vector<PostUpdate> updates;
    std::vector<Reply> replies;
    int revision = 1;                        // current revision number; >1 means edited
    bool deleted = false;                    // only moderators ever see a deleted hoot
    std::int64_t deleted_comment_count = 0;  // placeholders in the thread beside comment_count
    std::int64_t follower_count = 0;
    // Set for threads imported from Stack Exchange.
    std::optional<ImportedOrigin> imported = {};
};

// What a feed shows of a hoot: no body, a short plain-text excerpt instead.
struct HootSummary {
    HootId id;
    std::string title;
    std::string slug;
    std::string excerpt;
    std::vector<std::string> tags;
    AuthorRef author;
    UnixSeconds created_at = 0;
    std::int64_t comment_count = 0;
    ReactionTally reactions;
};

struct Comment {
    CommentId id;
    HootId hoot_id;
    AuthorRef author;
    std::string body_source;
    std::string body_html;
    std::string body_text = {};
    UnixSeconds created_at = 0;
    ReactionTally reactions;
    ReactionBreakdown breakdown;
    std::vector<PostUpdate> updates;
    std::vector<Reply> replies;
    int revision = 1;
    bool deleted = false;  // shown as a placeholder: body and author hidden
};

enum class CommentOrder { kLatest, kOldest, kBest };

}  // namespace hoot
