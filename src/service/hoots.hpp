#pragma once
// Asking and reading hoots, and commenting on them. Thread-safe.

#include <optional>
#include <string>
#include <vector>

#include "domain/clock.hpp"
#include "domain/model.hpp"
#include "domain/result.hpp"
#include "service/activity.hpp"
#include "service/ports.hpp"

namespace hoot::service {

inline constexpr int kFeedPageSize = 20;
inline constexpr int kMaxPageSize = 100;
inline constexpr int kCommentsFirstPage = 20;
// "Load Full" shows the whole thread up to this many comments: a guard for absurd threads.
inline constexpr int kCommentsFullLimit = 5000;

struct AskCommand {
    UserId author;
    std::string title;
    std::string body;
    std::vector<std::string> tags;  // already split (forms: ParseTags; JSON: a list)
};

struct FeedPageResult {
    std::vector<HootSummary> hoots;
    std::optional<TimeCursor> next;  // where the next page starts, if there is one
};

// A page of the feed in one of its orders, optionally of one tag.
struct BrowseQuery {
    FeedOrder order = FeedOrder::kLatest;
    TopPeriod period = TopPeriod::kWeek;  // Top only
    std::string tag = {};                 // empty: every hoot
    std::string after = {};               // the `next` of the page before; empty: first page
    int limit = kFeedPageSize;
};

struct BrowseResult {
    std::vector<HootSummary> hoots;
    std::string next = {};  // cursor text for the following page; empty on the last page
};

struct AuthoredCommentsPage {
    std::vector<AuthoredComment> comments;
    std::optional<TimeCursor> next = {};
};

inline constexpr int kTagListLimit = 500;

// Who reads a thread: their own reactions are marked; moderators also see deleted content.
struct ThreadViewer {
    std::optional<UserId> user;
    bool moderator = false;
};

struct ThreadResult {
    Hoot hoot;
    std::vector<Comment> comments;
    std::int64_t not_shown = 0;
};

// Cursor text for URLs: "{created_at}.{id}"; ParseCursor rejects anything else.
std::string FormatCursor(const TimeCursor& cursor);
std::optional<TimeCursor> ParseCursor(std::string_view text);
std::optional<CommentOrder> ParseCommentOrder(std::string_view text);

class HootService {
  public:
    // `activity` hears of each new hoot and comment after it is stored (notifications).
    HootService(Stores stores, Clock clock = SystemNow,
                ActivityListener& activity = IgnoreActivity())
        : stores_(stores), clock_(std::move(clock)), activity_(activity) {}

    // kInvalidInput naming the field, or the new hoot.
    Result<Hoot> Ask(const AskCommand& command);
    // kNotFound for unknown or deleted hoots.
    Result<Hoot> Get(HootId id);
    // The hoot with its first `limit` comments in `order`, each with its updates, replies and
    // reaction counts. Deleted comments come as placeholders (text removed unless the viewer
    // is a moderator); a deleted hoot is kNotFound except for moderators.
    Result<ThreadResult> Thread(HootId id, CommentOrder order, int limit,
                                const ThreadViewer& viewer = {});
    // One comment with its updates, replies and reactions (the API's answer after a change).
    Result<hoot::Comment> OneComment(CommentId id, const ThreadViewer& viewer);
    Result<FeedPageResult> Latest(std::optional<TimeCursor> after, int limit);
    Result<FeedPageResult> ByAuthor(UserId author, std::optional<TimeCursor> after, int limit);
    // The tag is normalised as when hoots are tagged; kNotFound for a tag that cannot exist.
    Result<FeedPageResult> ByTag(std::string_view tag, std::optional<TimeCursor> after, int limit);
    // kBadRequest (field "after") for a cursor that is not from this order; kNotFound for a tag
    // that cannot exist. Hot and Top are computed at the first page's moment on every page.
    Result<BrowseResult> Browse(const BrowseQuery& query);
    // Tags by how many visible hoots carry them, most used first.
    Result<std::vector<TagCount>> Tags(int limit = kTagListLimit);
    // One tag's count and excerpt; kNotFound for a name no tag can have.
    Result<TagCount> Tag(std::string_view tag);
    // A person's comments, newest first.
    Result<AuthoredCommentsPage> CommentsByAuthor(UserId author, std::optional<TimeCursor> after,
                                                  int limit);
    // kNotFound when the hoot is gone; kInvalidInput for a bad body.
    Result<Comment> AddComment(UserId author, HootId hoot, std::string_view body);

  private:
    Status AttachExtras(ThreadResult& thread, const ThreadViewer& viewer);

    Stores stores_;
    Clock clock_;
    ActivityListener& activity_;
};

}  // namespace hoot::service
