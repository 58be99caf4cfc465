#pragma once
// The plain types the services hand to handlers and views. No behaviour beyond trivial helpers.

#include <cstdint>
#include <string>
#include <vector>

#include "domain/ids.hpp"

namespace hoot {

using UnixSeconds = std::int64_t;

struct AuthorRef {
    UserId id;
    std::string username;
    std::string display_name;  // falls back to username when the user set none
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
};

// Counts of positive and negative reactions, maintained by the store on every reaction change.
struct ReactionTally {
    std::int64_t positive = 0;
    std::int64_t negative = 0;
    std::int64_t total() const { return positive + negative; }
};

struct Hoot {
    HootId id;
    std::string title;
    std::string slug;
    std::string body_source;
    std::string body_html;
    std::vector<std::string> tags;
    AuthorRef author;
    UnixSeconds created_at = 0;
    UnixSeconds updated_at = 0;
    std::int64_t comment_count = 0;
    ReactionTally reactions;
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
    UnixSeconds created_at = 0;
    ReactionTally reactions;
};

enum class CommentOrder { kLatest, kOldest, kBest };

}  // namespace hoot
