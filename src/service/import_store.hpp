#pragma once
// The store port of the Stack Exchange importer (importer/stackexchange_import) and the thread
// view's read of an imported thread's origin. Implemented by store/sqlite/import_store.cpp.
//
// A whole import is one ImportSession: one write transaction, committed by Commit() and rolled
// back when the session is destroyed without it, so a failed import leaves the database exactly
// as it was. Every (site, source id) is mapped to the local id it got, so importing the same dump
// again updates rows in place. Session methods return Error values (never throw); a session is
// used by one thread.

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "domain/model.hpp"
#include "domain/result.hpp"

namespace hoot::service {

struct ImportedUser {
    std::int64_t source_id = 0;
    std::string username;  // "{source id}@{site}": a name local sign-up refuses
    std::string display_name;
    std::string bio_source, bio_html;
    std::string location, website;
    std::int64_t reputation = 0;
    UnixSeconds created_at = 0;
};

// A question (is_question) or an answer, with its text already converted.
struct ImportedPost {
    std::int64_t source_id = 0;
    PostId reserved;  // from ReservePost when PostHistory came first; 0 otherwise
    bool is_question = false;
    HootId hoot;  // answers: the local hoot of the question
    UserId author;
    std::string author_name;
    std::optional<std::int64_t> author_source_id;  // nullopt: a deleted user
    std::string title, slug, excerpt;              // questions only
    std::vector<std::string> tags;                 // questions only
    std::string body_source, body_html, body_text;
    UnixSeconds created_at = 0, updated_at = 0;
    std::string license;
    std::optional<std::int64_t> accepted_source_id;  // questions only
    UnixSeconds closed_at = 0;                       // questions: 0 when open
    // False when PostHistory will provide the revisions (Finish fills in any it did not).
    bool write_first_revision = true;
    // When PostHistory was read first: the number of the post's latest revision, whose text is
    // the post's current text once the session is finished (`body_source` is then a fallback,
    // which a store may write until Finish); 0: `body_source` is the current text.
    int latest_revision = 0;
    // The imported votes (Votes.xml types 2 and 3). They count in the post's positive/negative
    // like local reactions; a re-import replaces the earlier import's votes, and keeps them when
    // `has_votes` is false (a dump without Votes.xml).
    bool has_votes = false;
    std::int64_t up_votes = 0, down_votes = 0;
};

struct ImportedRevision {
    PostId post;
    int number = 1;
    UserId author;
    UnixSeconds created_at = 0;
    std::string title, tags, body_source;  // tags space-separated, as stored
};

struct ImportedReply {
    std::int64_t source_id = 0;
    PostId post;
    UserId author;
    std::string body, body_html;
    UnixSeconds created_at = 0;
};

class ImportSession {
  public:
    virtual ~ImportSession() = default;
    // Each returns the local id (the existing one when (site, source id) was imported before).
    virtual Result<UserId> PutUser(const ImportedUser& user) = 0;
    // The stand-in author for posts of deleted users (one per site, cannot sign in).
    virtual Result<UserId> PutPlaceholderUser() = 0;
    virtual Result<PostId> PutPost(const ImportedPost& post) = 0;
    // PostHistory is read before the posts, so that each post is written once with its current
    // text: its revisions name posts not written yet. The local id of post `source_id`: the one
    // it was imported as before, else a new one, held for PutPost (pass it as `reserved`).
    virtual Result<PostId> ReservePost(std::int64_t source_id) = 0;
    // Removes a post reserved and never put (history of a post Posts.xml does not have) with
    // its revisions; a post that was put is left alone.
    virtual Status DropPost(PostId post) = 0;
    virtual Result<ReplyId> PutReply(const ImportedReply& reply) = 0;
    // Replaces revision `number` of the post when it exists.
    virtual Status PutRevision(const ImportedRevision& revision) = 0;
    // Revision `number` of the post, if stored (to build the next one from).
    virtual Result<std::optional<ImportedRevision>> RevisionAt(PostId post, int number) = 0;
    virtual Status SetClosed(PostId hoot, UnixSeconds closed_at, std::string_view reason) = 0;
    virtual Status SetLocked(PostId hoot, bool locked) = 0;
    virtual Status PutDuplicateLink(HootId duplicate, HootId original) = 0;
    virtual Status PutTagExcerpt(std::string_view tag, std::string_view excerpt) = 0;
    // After posts and revisions: posts without a revision get one from their current text, and
    // the maintained counts (comments per hoot, hoots and comments per author) are recomputed
    // for what this site touched.
    virtual Status Finish() = 0;
    virtual Status Commit() = 0;
};

class ImportStore {
  public:
    virtual ~ImportStore() = default;
    // Starts the one transaction of an import of `site` (a host name, e.g. beer.stackexchange.com).
    // `expected_posts` is a rough size of the dump: a first import of a site about as large as
    // what the database holds may build its indexes once at the end instead of row by row.
    virtual Result<std::unique_ptr<ImportSession>> Begin(std::string_view site,
                                                         std::int64_t expected_posts) = 0;
    // The origin of an imported thread; nullopt for a local one.
    virtual Result<std::optional<ImportedOrigin>> Origin(HootId hoot) = 0;
};

}  // namespace hoot::service
