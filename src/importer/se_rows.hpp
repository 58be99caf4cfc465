#pragma once
// The rows of a Stack Exchange dump turned into what the import writes: the work the reader
// thread does (the `prepare` step of RowsAhead) before the rows reach the database. Pure
// functions of the row and of lookups the caller does not change meanwhile; thread-safe.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "domain/model.hpp"
#include "importer/xml_rows.hpp"
#include "service/import_store.hpp"

namespace hoot::importer {

// An imported user, by source id.
struct KnownUser {
    UserId id;
    std::string name;
};
using KnownUsers = std::unordered_map<std::int64_t, KnownUser>;

// A row's id attribute: nullopt when absent or not a number.
std::optional<std::int64_t> IdOf(const Row& row, const char* attribute);

// A display name Hoot can hold: valid UTF-8 text of at most kMaxDisplayName code points.
std::string CleanName(std::string_view name);

// A row of Users.xml; nullopt for a row without a valid Id. `site`: the dump's host name.
std::optional<service::ImportedUser> PrepareUser(const Row& row, std::string_view site);

struct VoteRow {
    std::optional<std::int64_t> type, post_source;
};
VoteRow PrepareVote(const Row& row);

// A row of PostHistory.xml.
struct HistoryRow {
    std::optional<std::int64_t> type, post_source, user;
    std::string guid, text;  // text: empty when not clean UTF-8
    std::string close_reason;
    UnixSeconds at = 0;
};
HistoryRow PrepareHistory(const Row& row);

// A row of Posts.xml, its text converted (sanitised HTML, plain text, excerpt, slug, tags).
struct PostRow {
    std::optional<std::int64_t> id, type, parent;
    std::string excerpt;                        // PostTypeId 4: a tag's excerpt
    std::optional<service::ImportedPost> post;  // questions and answers, votes not yet placed
};
// What converting a post reads besides its row.
struct PostContext {
    const KnownUsers* users = nullptr;  // authors' names
    bool history_expected = false;      // the dump has PostHistory.xml
    bool has_votes = false;             // the dump has Votes.xml
};
PostRow PreparePost(const Row& row, const PostContext& context);

// A row of Comments.xml, its links already made.
struct CommentRow {
    std::optional<std::int64_t> id, post_source, user;
    bool readable = false;
    std::string text, html;
    UnixSeconds created_at = 0;
};
CommentRow PrepareComment(const Row& row);

}  // namespace hoot::importer
