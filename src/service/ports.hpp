#pragma once
// The store interfaces the services need ("ports"). Implemented by store/sqlite (and later
// store/postgres); services and handlers never see SQL. Every method is thread-safe and runs in
// its own transaction; failures come back as Error values (kUnavailable when the database is busy,
// kInternal otherwise), never as exceptions.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/model.hpp"
#include "domain/ranking.hpp"
#include "domain/result.hpp"
#include "domain/search_query.hpp"

namespace hoot::service {

struct NewUser {
    std::string username;
    std::string password_hash;  // empty: cannot sign in
    bool is_admin = false;
    UnixSeconds created_at = 0;
};

struct StoredCredentials {
    UserId id;
    std::string password_hash;  // empty when the account cannot sign in
};

struct ProfileUpdate {
    std::string display_name;
    std::string bio_source;
    std::string bio_html;
    std::string website = {};
};

class UserStore {
  public:
    virtual ~UserStore() = default;
    // kConflict (field "username") when the name is taken, compared case-insensitively.
    virtual Result<UserId> Create(const NewUser& user) = 0;
    virtual Result<std::optional<User>> FindById(UserId id) = 0;
    // Case-insensitive.
    virtual Result<std::optional<User>> FindByUsername(std::string_view username) = 0;
    virtual Result<std::optional<StoredCredentials>> FindCredentials(std::string_view username) = 0;
    // kNotFound when the user does not exist.
    virtual Status UpdateProfile(UserId id, const ProfileUpdate& update) = 0;
    virtual Status SetPassword(UserId id, std::string_view password_hash) = 0;
    // Sets the password and ends every session of the user except `keep_session_hash` (the
    // one changing it), in one transaction. kNotFound when the user does not exist.
    virtual Status ChangePassword(UserId id, std::string_view password_hash,
                                  std::string_view keep_session_hash) = 0;
    virtual Result<std::int64_t> Count() = 0;
};

// An avatar as stored: the WebP Hoot made of the upload, named by a hash of its bytes.
struct StoredAvatar {
    std::string hash;  // also in User::avatar_hash and AuthorRef::avatar_hash
    std::string mime;
    std::string bytes;
    UnixSeconds updated_at = 0;
};

class AvatarStore {
  public:
    virtual ~AvatarStore() = default;
    // Replaces the user's avatar and sets their avatar_hash, in one transaction. kNotFound when
    // the user does not exist.
    virtual Status Set(UserId user, const StoredAvatar& avatar) = 0;
    // Removes the avatar and clears avatar_hash; removing none is not an error.
    virtual Status Remove(UserId user) = 0;
    virtual Result<std::optional<StoredAvatar>> Find(UserId user) = 0;
};

class SessionStore {
  public:
    virtual ~SessionStore() = default;
    virtual Status Create(std::string_view token_hash, UserId user, UnixSeconds created_at,
                          UnixSeconds expires_at) = 0;
    // The user of an unexpired session, or nullopt.
    virtual Result<std::optional<UserId>> Find(std::string_view token_hash, UnixSeconds now) = 0;
    virtual Status Delete(std::string_view token_hash) = 0;
};

struct NewHoot {
    UserId author;
    std::string title, slug, body_source, body_html, excerpt;
    std::vector<std::string> tags;
    UnixSeconds created_at = 0;
    std::string body_text = {};  // plain words (render::PlainText), written with the HTML
};

// A position in a time-ordered list: the (created_at, id) of the last item already shown.
struct TimeCursor {
    UnixSeconds created_at = 0;
    std::int64_t id = 0;
};

// One page of a feed order. The cursor is the sort key of the last hoot already shown: Latest
// and Unanswered (created_at in `key`, id), Top (net score in `key`, id), Hot (`rank`, id).
// `now` is the moment Hot and Top are computed at, carried from page to page so the pages of
// one reading are one consistent list; hoots posted after it wait for a fresh first page.
struct FeedQuery {
    FeedOrder order = FeedOrder::kLatest;
    std::string tag = {};  // empty: every hoot
    UnixSeconds now = 0;
    UnixSeconds since = 0;  // Top: the earliest created_at counted
    bool has_cursor = false;
    double rank = 0;
    std::int64_t key = 0;
    std::int64_t id = 0;
    int limit = 20;
};

// A feed row with the sort key it was ordered by (for the next page's cursor).
struct FeedRow {
    HootSummary hoot;
    double rank = 0;       // Hot
    std::int64_t key = 0;  // Latest/Unanswered: created_at; Top: net score
};

struct TagCount {
    std::string tag;
    std::int64_t count = 0;  // visible hoots carrying it
    // What the tag is about, as an imported community described it (plain text), and the site
    // that wrote it (attribution: the excerpt is the source site's content). Empty when none.
    std::string excerpt = {};
    std::string excerpt_site = {};
};

// A comment as a profile lists it: where it was said and how it begins.
struct AuthoredComment {
    CommentId id;
    HootId hoot;
    std::string hoot_title, hoot_slug, excerpt;
    UnixSeconds created_at = 0;
    ReactionTally reactions = {};
};

class HootStore {
  public:
    virtual ~HootStore() = default;
    // Also counts the hoot on its author, in the same transaction.
    virtual Result<HootId> Create(const NewHoot& hoot) = 0;
    // A deleted hoot is found only with `include_deleted` (moderators see it to restore it).
    virtual Result<std::optional<Hoot>> Find(HootId id, bool include_deleted = false) = 0;
    // Newest first, strictly after `after` when given.
    virtual Result<std::vector<HootSummary>> Latest(std::optional<TimeCursor> after, int limit) = 0;
    virtual Result<std::vector<HootSummary>> ByAuthor(UserId author,
                                                      std::optional<TimeCursor> after,
                                                      int limit) = 0;
    virtual Result<std::vector<HootSummary>> ByTag(std::string_view tag,
                                                   std::optional<TimeCursor> after, int limit) = 0;
    // One page in `query.order`, ties broken by id (higher first); hoots created after
    // `query.now` are left out for Hot and Top.
    virtual Result<std::vector<FeedRow>> Feed(const FeedQuery& query) = 0;
    // Tags by maintained count (most used first, then by name), at most `limit`.
    virtual Result<std::vector<TagCount>> Tags(int limit) = 0;
    // One tag: its count (0 when no visible hoot carries it) and excerpt.
    virtual Result<TagCount> Tag(std::string_view tag) = 0;
};

// What the policy needs to know about a post before acting on it.
struct PostRef {
    PostId id;
    PostKind kind = PostKind::kHoot;
    HootId hoot;  // the thread: the hoot itself, or the comment's hoot
    UserId author;
    int revision = 1;
    bool deleted = false;
    bool hoot_deleted = false;  // the thread is deleted (for a comment, its hoot)
};

struct NewUpdate {
    PostId post;
    UserId author;
    std::string heading, body_source, body_html;
    UnixSeconds created_at = 0;
    std::string body_text = {};  // plain words (render::PlainText), written with the HTML
};

struct NewReply {
    PostId post;
    UserId author;
    std::string body, body_html;
    UnixSeconds created_at = 0;
};

// A new version of a post's text; title/slug/excerpt/tags are ignored for comments.
struct PostEdit {
    PostId post;
    UserId editor;
    int base_revision = 0;  // the version the editor started from
    std::string title, slug, body_source, body_html, excerpt;
    std::vector<std::string> tags;
    UnixSeconds edited_at = 0;
    std::string body_text = {};  // plain words (render::PlainText), written with the HTML
};

// Updates, replies and reaction counts for a set of posts, keyed by post id.
struct PostExtras {
    std::vector<PostUpdate> updates;  // ordered by post, then id
    std::vector<Reply> replies;       // ordered by post, then time
    std::vector<std::pair<PostId, ReactionBreakdown>> breakdowns;
};

struct ReactionState {
    ReactionTally tally;
    ReactionBreakdown breakdown;
};

class PostStore {
  public:
    virtual ~PostStore() = default;
    virtual Result<std::optional<PostRef>> Find(PostId id) = 0;
    // Extras for exactly these posts (a page's worth), with `viewer`'s own reactions marked.
    virtual Result<PostExtras> Extras(const std::vector<PostId>& posts,
                                      std::optional<UserId> viewer) = 0;
    virtual Result<UpdateId> AddUpdate(const NewUpdate& update) = 0;
    virtual Result<ReplyId> AddReply(const NewReply& reply) = 0;
    // Idempotent: setting a reaction that is already there (or removing one that is not)
    // changes nothing. Counts, popularity columns and the Best score move in the same
    // transaction. Returns the post's counts afterwards, with `user`'s own marked.
    virtual Result<ReactionState> SetReaction(PostId post, UserId user, ReactionKind kind,
                                              bool present, UnixSeconds now) = 0;
    // kConflict when the post's revision is no longer `edit.base_revision`; otherwise keeps the
    // new text as the next revision and returns its number.
    virtual Result<int> Edit(const PostEdit& edit) = 0;
    virtual Result<std::vector<Revision>> Revisions(PostId post) = 0;
    // Soft delete or restore; counts on the thread and the author follow.
    virtual Status SetDeleted(PostId post, bool deleted, UnixSeconds now) = 0;
};

struct NewComment {
    HootId hoot;
    UserId author;
    std::string body_source, body_html;
    UnixSeconds created_at = 0;
    std::string body_text = {};  // plain words (render::PlainText), written with the HTML
};

class CommentStore {
  public:
    virtual ~CommentStore() = default;
    // kNotFound when the hoot does not exist (or is deleted). Counts the comment on the hoot and
    // on its author in the same transaction.
    virtual Result<CommentId> Create(const NewComment& comment) = 0;
    virtual Result<std::optional<Comment>> Find(CommentId id) = 0;
    // The first `limit` comments of a hoot in `order` (ties broken by age, then id), deleted ones
    // included (flagged) so the thread can show placeholders.
    virtual Result<std::vector<Comment>> List(HootId hoot, CommentOrder order, int limit) = 0;
    // A person's visible comments on visible hoots, newest first, strictly after `after`.
    virtual Result<std::vector<AuthoredComment>> ByAuthor(UserId author,
                                                          std::optional<TimeCursor> after,
                                                          int limit) = 0;
};

class SettingsStore {
  public:
    virtual ~SettingsStore() = default;
    // The value under `key`, storing `initial` first when there is none (atomically).
    virtual Result<std::string> GetOrInsert(std::string_view key, std::string_view initial) = 0;
};

class SocialStore;  // social_ports.hpp
// Full-text search over live hoots, comments and updates (deleted ones are never found).
class SearchStore {
  public:
    virtual ~SearchStore() = default;
    // One page of hits, one per hoot, skipping `offset`. With terms: best match first (a title
    // match outranks a body match), each hit's marked text showing where it matched. With only
    // filters: newest first, the title and excerpt unmarked. Every term is passed as a quoted
    // phrase: nothing in `query` is read as search syntax by the database.
    virtual Result<std::vector<SearchHit>> Search(const SearchQuery& query, int offset,
                                                  int limit) = 0;
};
class ImportStore;  // service/import_store.hpp

// What the services are built on; the composition root (app/) wires a backend into it.
struct Stores {
    UserStore& users;
    SessionStore& sessions;
    HootStore& hoots;
    CommentStore& comments;
    PostStore& posts;
    SettingsStore& settings;
    SocialStore& social;
    SearchStore& search;
    ImportStore& imports;
    AvatarStore& avatars;
};

}  // namespace hoot::service
