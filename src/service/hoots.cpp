#include "service/hoots.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <unordered_map>

#include "domain/slug.hpp"
#include "domain/social.hpp"
#include "domain/validation.hpp"
#include "render/markdown.hpp"
#include "service/import_store.hpp"

namespace hoot::service {
namespace {

Result<FeedPageResult> PageFrom(Result<std::vector<HootSummary>> rows, int limit) {
    if (!rows) return rows.take_error();
    FeedPageResult page;
    page.hoots = std::move(*rows);
    // One row more than asked tells whether another page exists without counting.
    if (static_cast<int>(page.hoots.size()) > limit) {
        page.hoots.resize(static_cast<std::size_t>(limit));
        page.next = TimeCursor{page.hoots.back().created_at, page.hoots.back().id.value};
    }
    return page;
}

int ClampLimit(int limit) { return std::clamp(limit, 1, kMaxPageSize); }

// Hot and Top cursors: "{now}_{key}_{id}", the key being the rank (Hot, printed to round-trip
// exactly) or the net score (Top). Latest and Unanswered use FormatCursor's "{created_at}.{id}".
std::string FormatSnapshotCursor(const FeedQuery& query, const FeedRow& last) {
    char key[40];
    if (query.order == FeedOrder::kHot) {
        std::snprintf(key, sizeof key, "%.17g", last.rank);
    } else {
        std::snprintf(key, sizeof key, "%lld", static_cast<long long>(last.key));
    }
    return std::to_string(query.now) + "_" + key + "_" + std::to_string(last.hoot.id.value);
}

template <typename T>
bool ParseWhole(std::string_view part, T& out) {
    auto [ptr, ec] = std::from_chars(part.data(), part.data() + part.size(), out);
    return !part.empty() && ec == std::errc() && ptr == part.data() + part.size();
}

// Fills the cursor fields of `query` from `text`; false when it is not a cursor of that order.
bool ApplyCursor(std::string_view text, FeedQuery& query) {
    query.has_cursor = true;
    if (query.order == FeedOrder::kLatest || query.order == FeedOrder::kUnanswered) {
        auto cursor = ParseCursor(text);
        if (!cursor) return false;
        query.key = cursor->created_at;
        query.id = cursor->id;
        return true;
    }
    auto first = text.find('_');
    auto second = first == std::string_view::npos ? first : text.find('_', first + 1);
    if (second == std::string_view::npos) return false;
    std::string_view key = text.substr(first + 1, second - first - 1);
    bool ok = ParseWhole(text.substr(0, first), query.now) &&
              ParseWhole(text.substr(second + 1), query.id) && query.now >= 0 && query.id >= 0;
    if (query.order == FeedOrder::kHot)
        return ok && ParseWhole(key, query.rank) && std::isfinite(query.rank);
    return ok && ParseWhole(key, query.key);
}

}  // namespace

std::string FormatCursor(const TimeCursor& cursor) {
    return std::to_string(cursor.created_at) + "." + std::to_string(cursor.id);
}

std::optional<TimeCursor> ParseCursor(std::string_view text) {
    auto dot = text.find('.');
    if (dot == std::string_view::npos) return std::nullopt;
    TimeCursor cursor;
    auto parse = [](std::string_view part, std::int64_t& out) {
        auto [ptr, ec] = std::from_chars(part.data(), part.data() + part.size(), out);
        return !part.empty() && ec == std::errc() && ptr == part.data() + part.size() && out >= 0;
    };
    if (!parse(text.substr(0, dot), cursor.created_at) || !parse(text.substr(dot + 1), cursor.id))
        return std::nullopt;
    return cursor;
}

std::optional<CommentOrder> ParseCommentOrder(std::string_view text) {
    if (text == "latest") return CommentOrder::kLatest;
    if (text == "oldest") return CommentOrder::kOldest;
    if (text == "best") return CommentOrder::kBest;
    return std::nullopt;
}

Result<Hoot> HootService::Ask(const AskCommand& command) {
    auto title = ValidateTitle(command.title);
    if (!title) return title.take_error();
    auto body = ValidateBody(command.body, kMaxBody);
    if (!body) return body.take_error();
    auto tags = NormalizeTags(command.tags);
    if (!tags) return tags.take_error();
    NewHoot hoot{command.author,
                 *title,
                 Slugify(*title),
                 *body,
                 render::RenderMarkdown(*body).str(),
                 render::PlainExcerpt(*body),
                 *tags,
                 clock_(),
                 render::PlainText(*body)};
    auto id = stores_.hoots.Create(hoot);
    if (!id) return id.take_error();
    activity_.OnActivity({ActivityKind::kHootPosted,
                          *id,
                          ToPost(*id),
                          command.author,
                          {},
                          "h:" + std::to_string(id->value),
                          ExtractMentions(hoot.body_source),
                          hoot.created_at});
    return Get(*id);
}

Result<Hoot> HootService::Get(HootId id) {
    auto found = stores_.hoots.Find(id);
    if (!found) return found.take_error();
    if (!*found) return Error::Make(Errc::kNotFound, "There is no hoot with that number.");
    return std::move(**found);
}

Result<ThreadResult> HootService::Thread(HootId id, CommentOrder order, int limit,
                                         const ThreadViewer& viewer) {
    auto found = stores_.hoots.Find(id, viewer.moderator);
    if (!found) return found.take_error();
    if (!*found) return Error::Make(Errc::kNotFound, "There is no hoot with that number.");
    auto comments = stores_.comments.List(id, order, limit);
    if (!comments) return comments.take_error();
    ThreadResult thread{std::move(**found), std::move(*comments), 0};
    const std::int64_t rows = thread.hoot.comment_count + thread.hoot.deleted_comment_count;
    thread.not_shown =
        std::max<std::int64_t>(0, rows - static_cast<std::int64_t>(thread.comments.size()));
    if (auto attached = AttachExtras(thread, viewer); !attached) return attached.take_error();
    auto origin = stores_.imports.Origin(id);
    if (!origin) return origin.take_error();
    thread.hoot.imported = std::move(*origin);
    if (!viewer.moderator) {
        for (auto& comment : thread.comments) {
            if (!comment.deleted) continue;
            comment.body_source.clear();
            comment.body_html.clear();
            comment.updates.clear();
            comment.author = AuthorRef{};
        }
    }
    return thread;
}

Result<Comment> HootService::OneComment(CommentId id, const ThreadViewer& viewer) {
    auto found = stores_.comments.Find(id);
    if (!found) return found.take_error();
    if (!*found) return Error::Make(Errc::kNotFound, "That comment does not exist.");
    ThreadResult holder;
    holder.comments.push_back(std::move(**found));
    if (auto attached = AttachExtras(holder, viewer); !attached) return attached.take_error();
    return std::move(holder.comments.front());
}

Status HootService::AttachExtras(ThreadResult& thread, const ThreadViewer& viewer) {
    std::vector<PostId> posts{ToPost(thread.hoot.id)};
    for (const auto& comment : thread.comments) posts.push_back(ToPost(comment.id));
    auto extras = stores_.posts.Extras(posts, viewer.user);
    if (!extras) return extras.take_error();
    struct Slots {
        ReactionBreakdown* breakdown;
        std::vector<PostUpdate>* updates;
        std::vector<Reply>* replies;
    };
    std::unordered_map<std::int64_t, Slots> by_post;
    by_post.reserve(posts.size());
    by_post[thread.hoot.id.value] = {&thread.hoot.breakdown, &thread.hoot.updates,
                                     &thread.hoot.replies};
    for (auto& comment : thread.comments)
        by_post[comment.id.value] = {&comment.breakdown, &comment.updates, &comment.replies};
    for (auto& [post, breakdown] : extras->breakdowns)
        if (auto it = by_post.find(post.value); it != by_post.end())
            *it->second.breakdown = breakdown;
    for (auto& update : extras->updates)
        if (auto it = by_post.find(update.post.value); it != by_post.end())
            it->second.updates->push_back(std::move(update));
    for (auto& reply : extras->replies)
        if (auto it = by_post.find(reply.post.value); it != by_post.end())
            it->second.replies->push_back(std::move(reply));
    return OkStatus();
}

Result<FeedPageResult> HootService::Latest(std::optional<TimeCursor> after, int limit) {
    limit = ClampLimit(limit);
    return PageFrom(stores_.hoots.Latest(after, limit + 1), limit);
}

Result<FeedPageResult> HootService::ByAuthor(UserId author, std::optional<TimeCursor> after,
                                             int limit) {
    limit = ClampLimit(limit);
    return PageFrom(stores_.hoots.ByAuthor(author, after, limit + 1), limit);
}

Result<FeedPageResult> HootService::ByTag(std::string_view tag, std::optional<TimeCursor> after,
                                          int limit) {
    auto normalized = NormalizeTags({std::string(tag)});
    if (!normalized || normalized->size() != 1)
        return Error::Make(Errc::kNotFound, "There is no such tag.");
    limit = ClampLimit(limit);
    return PageFrom(stores_.hoots.ByTag(normalized->front(), after, limit + 1), limit);
}

Result<BrowseResult> HootService::Browse(const BrowseQuery& browse) {
    FeedQuery query;
    query.order = browse.order;
    query.now = clock_();
    if (!browse.tag.empty()) {
        auto normalized = NormalizeTags({browse.tag});
        if (!normalized || normalized->size() != 1)
            return Error::Make(Errc::kNotFound, "There is no such tag.");
        query.tag = normalized->front();
    }
    if (!browse.after.empty() && !ApplyCursor(browse.after, query))
        return Error::Make(Errc::kBadRequest, "That page link is not valid.", "after");
    if (query.order == FeedOrder::kTop) query.since = TopPeriodStart(browse.period, query.now);
    const int limit = ClampLimit(browse.limit);
    query.limit = limit + 1;  // one more than shown tells whether another page exists
    auto rows = stores_.hoots.Feed(query);
    if (!rows) return rows.take_error();
    BrowseResult page;
    if (static_cast<int>(rows->size()) > limit) {
        rows->resize(static_cast<std::size_t>(limit));
        const FeedRow& last = rows->back();
        page.next = query.order == FeedOrder::kHot || query.order == FeedOrder::kTop
                        ? FormatSnapshotCursor(query, last)
                        : FormatCursor({last.key, last.hoot.id.value});
    }
    page.hoots.reserve(rows->size());
    for (auto& row : *rows) page.hoots.push_back(std::move(row.hoot));
    return page;
}

Result<std::vector<TagCount>> HootService::Tags(int limit) {
    return stores_.hoots.Tags(std::clamp(limit, 1, kTagListLimit));
}

Result<TagCount> HootService::Tag(std::string_view tag) {
    auto normalized = NormalizeTags({std::string(tag)});
    if (!normalized || normalized->size() != 1)
        return Error::Make(Errc::kNotFound, "There is no such tag.");
    return stores_.hoots.Tag(normalized->front());
}

Result<AuthoredCommentsPage> HootService::CommentsByAuthor(UserId author,
                                                           std::optional<TimeCursor> after,
                                                           int limit) {
    limit = ClampLimit(limit);
    auto rows = stores_.comments.ByAuthor(author, after, limit + 1);
    if (!rows) return rows.take_error();
    AuthoredCommentsPage page;
    page.comments = std::move(*rows);
    if (static_cast<int>(page.comments.size()) > limit) {
        page.comments.resize(static_cast<std::size_t>(limit));
        page.next = TimeCursor{page.comments.back().created_at, page.comments.back().id.value};
    }
    return page;
}

Result<Comment> HootService::AddComment(UserId author, HootId hoot, std::string_view body) {
    auto text = ValidateBody(body, kMaxCommentBody);
    if (!text) return text.take_error();
    NewComment comment{hoot,     author,
                       *text,    render::RenderMarkdown(*text).str(),
                       clock_(), render::PlainText(*text)};
    auto id = stores_.comments.Create(comment);
    if (!id) return id.take_error();
    activity_.OnActivity({ActivityKind::kCommentPosted,
                          hoot,
                          ToPost(*id),
                          author,
                          {},
                          "c:" + std::to_string(id->value),
                          ExtractMentions(comment.body_source),
                          comment.created_at});
    auto found = stores_.comments.Find(*id);
    if (!found) return found.take_error();
    if (!*found) return Error::Make(Errc::kInternal, "The new comment vanished.");
    return std::move(**found);
}

}  // namespace hoot::service
