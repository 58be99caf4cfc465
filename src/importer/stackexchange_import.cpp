#include "importer/stackexchange_import.hpp"

#include <algorithm>
#include <optional>
#include <type_traits>
#include <unordered_map>
#include <unordered_set>

#include "importer/html_sanitizer.hpp"
#include "importer/rows_ahead.hpp"
#include "importer/se_format.hpp"
#include "importer/se_rows.hpp"
#include "importer/xml_rows.hpp"

namespace hoot::importer {
namespace {

namespace fs = std::filesystem;
using service::ImportSession;

constexpr std::size_t kExamplesPerReason = 5;

struct KnownPost {
    PostId id;
    HootId hoot;
    bool is_question = false;
};

// A post PostHistory names, before Posts.xml is read.
struct HistoryPost {
    PostId id;  // reserved
    int revisions = 0;
    std::int64_t line = 0;  // of its first revision in PostHistory.xml
    bool titled = false;    // a revision has a title or tags
    bool placed = false;    // Posts.xml has it
};

// A close, reopen, lock or unlock (PostHistoryTypeId 10, 11, 14, 15).
struct PostState {
    std::int64_t type = 0, post_source = 0, line = 0;
    UnixSeconds at = 0;
    std::string close_reason;
};

struct Votes {
    std::int64_t up = 0, down = 0;
    std::int64_t first_line = 0;  // in Votes.xml, to report a vote on a post not in the dump
};

// One PostHistory revision: the rows sharing a RevisionGUID.
struct HistoryGroup {
    std::string guid;
    std::int64_t post_source = 0;
    std::int64_t line = 0;
    UnixSeconds at = 0;
    std::optional<std::int64_t> user;
    std::optional<std::string> title, body, tags;
};

class Importer {
  public:
    Importer(ImportSession& session, const ImportOptions& options)
        : session_(session), options_(options) {}

    Status Run() {
        if (auto s = ReadFileAhead(
                "Users.xml", false, [&](auto& r, auto&) { return PrepareUser(r, options_.site); },
                [&](auto& r, auto& at) { return OnUser(r, at); });
            !s)
            return s;
        // Votes first, counted per post in memory, so each post is written once with its votes.
        post_context_.has_votes = fs::exists(options_.dump_dir / "Votes.xml");
        if (auto s = ReadFileAhead(
                "Votes.xml", false, [](auto& r, auto&) { return PrepareVote(r); },
                [&](auto& r, auto& at) { return OnVote(r, at); });
            !s)
            return s;
        // History before the posts, so that each post is written once, with the text of its
        // latest revision (read after them, every post's row was written a second time).
        post_context_.history_expected = fs::exists(options_.dump_dir / "PostHistory.xml");
        if (post_context_.history_expected && !fs::exists(options_.dump_dir / "Posts.xml"))
            return MissingPosts();
        if (auto s = ReadFileAhead(
                "PostHistory.xml", false, [](auto& r, auto&) { return PrepareHistory(r); },
                [&](auto& r, auto& at) { return OnHistory(r, at); });
            !s)
            return s;
        if (auto s = FlushHistory(); !s) return s;
        if (auto s = ReadFileAhead(
                "Posts.xml", true, [&](auto& r, auto&) { return PreparePost(r, post_context_); },
                [&](auto& r, auto& at) { return OnPost(r, at); });
            !s)
            return s;
        if (auto s = PlacePendingAnswers(); !s) return s;
        if (auto s = SettleHistory(); !s) return s;
        if (auto s = ReadFileAhead(
                "Comments.xml", false, [](auto& r, auto&) { return PrepareComment(r); },
                [&](auto& r, auto& at) { return OnComment(r, at); });
            !s)
            return s;
        if (auto s = ReportDanglingVotes(); !s) return s;
        if (auto s =
                ReadFile("PostLinks.xml", false, [&](auto& r, auto& at) { return OnLink(r, at); });
            !s)
            return s;
        if (auto s = ReadFile("Tags.xml", false, [&](auto& r, auto& at) { return OnTag(r, at); });
            !s)
            return s;
        if (auto s = session_.Finish(); !s) return s;
        return session_.Commit();
    }

    ImportReport& report() { return report_; }

  private:
    template <typename OnRow>
    Status ReadFile(const std::string& name, bool required, OnRow&& on_row) {
        return ReadFileWith(name, required, [&](const fs::path& path) {
            return ReadRows(path, [&](const Row& row, const RowPosition& at) {
                if (options_.progress) options_.progress->Row(at.bytes_read);
                return on_row(row, at);
            });
        });
    }

    // A big file: `prepare` (row → owned value) runs on the reader thread, `consume` here.
    template <typename Prepare, typename Consume>
    Status ReadFileAhead(const std::string& name, bool required, Prepare&& prepare,
                         Consume&& consume) {
        using Prepared = std::invoke_result_t<Prepare&, const Row&, const RowPosition&>;
        return ReadFileWith(name, required, [&](const fs::path& path) {
            return RowsAhead<Prepared>::Read(path, prepare,
                                             [&](Prepared& value, const RowPosition& at) {
                                                 if (options_.progress)
                                                     options_.progress->Row(at.bytes_read);
                                                 return consume(value, at);
                                             });
        });
    }

    // `read(path)` reads the whole file, or stops at the first failure.
    template <typename Read>
    Status ReadFileWith(const std::string& name, bool required, Read&& read) {
        fs::path path = options_.dump_dir / name;
        std::error_code ec;
        auto size = fs::file_size(path, ec);
        if (ec) {
            if (required) return MissingPosts();
            report_.missing_files.push_back(name);
            return OkStatus();
        }
        file_ = name;
        if (options_.progress) options_.progress->StartFile(name, static_cast<std::int64_t>(size));
        ReadOutcome outcome = read(path);
        if (options_.progress) options_.progress->EndFile();
        if (failure_) return std::move(*failure_);
        if (!outcome.ok)
            return Error::Make(Errc::kInvalidInput, name + ":" + std::to_string(outcome.line) +
                                                        ": " + outcome.message +
                                                        " (nothing was imported)");
        if (name == "Posts.xml") report_.posts_read = outcome.rows;
        return OkStatus();
    }

    Error MissingPosts() const {
        return Error::Make(Errc::kNotFound, "Posts.xml is missing from " +
                                                options_.dump_dir.string() +
                                                ": a dump needs at least its posts");
    }

    // Stops the reading with a store error (the transaction will roll back).
    template <typename T>
    bool Check(const Result<T>& result) {
        if (result) return true;
        failure_ = result.error();
        return false;
    }

    void Skip(std::int64_t line, const std::string& reason) {
        auto& count = report_.skipped[file_ + ": " + reason];
        if (static_cast<std::size_t>(count++) < kExamplesPerReason)
            report_.problems.push_back({file_, line, reason});
    }

    void Count(const char* kind, std::int64_t n = 1) { report_.imported[kind] += n; }

    std::optional<UserId> Placeholder() {
        if (!placeholder_) {
            auto id = session_.PutPlaceholderUser();
            if (!Check(id)) return std::nullopt;
            placeholder_ = *id;
        }
        return placeholder_;
    }

    // The local author of a row: the imported user, or the placeholder for a deleted one.
    std::optional<UserId> AuthorOf(std::optional<std::int64_t> source_user, std::int64_t line,
                                   const char* what) {
        if (source_user) {
            auto it = users_.find(*source_user);
            if (it != users_.end()) return it->second.id;
            if (users_file_present_) Skip(line, std::string(what) + " by a user not in Users.xml");
        }
        return Placeholder();
    }

    bool OnUser(const std::optional<service::ImportedUser>& user, const RowPosition& at) {
        users_file_present_ = true;
        if (!user) {
            Skip(at.line, "user row without a valid Id");
            return true;
        }
        auto local = session_.PutUser(*user);
        if (!Check(local)) return false;
        users_[user->source_id] = {*local, user->display_name};
        Count("users");
        return true;
    }

    bool PutPost(service::ImportedPost& post, std::int64_t line) {
        auto author = AuthorOf(post.author_source_id, line, "post");
        if (!author) return false;
        post.author = *author;
        auto history = history_.find(post.source_id);
        if (history != history_.end()) {
            post.reserved = history->second.id;
            post.latest_revision = history->second.revisions;
        }
        auto id = session_.PutPost(post);
        if (!Check(id)) return false;
        if (history != history_.end()) {
            history->second.placed = true;
            if (!post.is_question && history->second.titled && !UntitleRevisions(*id)) return false;
        }
        posts_[post.source_id] = {*id, post.is_question ? HootId(id->value) : post.hoot,
                                  post.is_question};
        Count(post.is_question ? "questions" : "answers");
        return true;
    }

    bool OnPost(PostRow& row, const RowPosition& at) {
        if (!row.id || !row.type) {
            Skip(at.line, "post row without a valid Id or PostTypeId");
            return true;
        }
        if (*row.type == 4) {  // a tag's excerpt, shown with the tag (Tags.xml names it)
            excerpts_[*row.id] = std::move(row.excerpt);
            return true;
        }
        if (!row.post) {
            other_posts_.insert(*row.id);
            ++report_.skipped["Posts.xml: tag wikis and other non-Q&A posts (not imported)"];
            return true;
        }
        service::ImportedPost& post = *row.post;
        if (auto it = votes_.find(*row.id); it != votes_.end()) {
            post.up_votes = it->second.up;
            post.down_votes = it->second.down;
            it->second.first_line = 0;  // placed
        }
        if (*row.type == 2) {
            auto it = row.parent ? posts_.find(*row.parent) : posts_.end();
            if (it == posts_.end() || !it->second.is_question) {
                // The question may come later in the file; placed after the whole file is read.
                pending_.push_back({std::move(post), row.parent.value_or(0), at.line});
                return true;
            }
            post.hoot = it->second.hoot;
        }
        return PutPost(post, at.line);
    }

    Status PlacePendingAnswers() {
        file_ = "Posts.xml";
        for (auto& [post, parent, line] : pending_) {
            auto it = posts_.find(parent);
            if (it == posts_.end() || !it->second.is_question) {
                Skip(line, "answer to a question not in the dump");
                continue;
            }
            post.hoot = it->second.hoot;
            if (!PutPost(post, line)) return std::move(*failure_);
        }
        pending_.clear();
        return OkStatus();
    }

    bool OnHistory(HistoryRow& row, const RowPosition& at) {
        if (!row.type || !row.post_source) {
            Skip(at.line, "history row without a valid PostId or PostHistoryTypeId");
            return true;
        }
        const std::int64_t type = *row.type;
        if (type >= 1 && type <= 9) {
            if (group_ && (group_->guid != row.guid || group_->post_source != *row.post_source)) {
                if (!FlushGroup()) return false;
            }
            if (!group_) {
                group_.emplace();
                group_->guid = std::move(row.guid);
                group_->post_source = *row.post_source;
                group_->line = at.line;
                group_->at = row.at;
                group_->user = row.user;
            }
            switch ((type - 1) % 3) {
                case 0:
                    group_->title = FoldWhitespace(row.text);
                    break;
                case 1:
                    group_->body = std::move(row.text);
                    break;
                default:
                    group_->tags = std::move(row.text);
                    break;
            }
            return true;
        }
        if (type != 10 && type != 11 && type != 14 && type != 15) return true;
        // Closing and locking change the post's row: applied once the posts are written.
        states_.push_back({type, *row.post_source, at.line, row.at, std::move(row.close_reason)});
        return true;
    }

    bool ApplyState(const PostState& state) {
        auto it = posts_.find(state.post_source);
        if (it == posts_.end()) {
            Skip(state.line, "close or lock of a post not in the dump");
            return true;
        }
        if (!it->second.is_question) return true;
        if (state.type == 10) {
            Count("closed");
            return Check(session_.SetClosed(it->second.id, state.at, state.close_reason));
        }
        if (state.type == 11) return Check(session_.SetClosed(it->second.id, 0, ""));
        if (state.type == 14) Count("locked");
        return Check(session_.SetLocked(it->second.id, state.type == 14));
    }

    // After the posts: closes and locks applied, and the history of posts Posts.xml does not
    // have (deleted posts, tag wikis) reported and removed.
    Status SettleHistory() {
        file_ = "PostHistory.xml";
        for (const auto& state : states_)
            if (!ApplyState(state)) return std::move(*failure_);
        states_.clear();
        std::vector<std::pair<std::int64_t, const HistoryPost*>> unplaced;  // source id, post
        for (const auto& [source, post] : history_)
            if (!post.placed) unplaced.emplace_back(source, &post);
        std::sort(unplaced.begin(), unplaced.end(),
                  [](const auto& a, const auto& b) { return a.second->line < b.second->line; });
        const std::string reason = "edit of a post not in the dump";
        for (const auto& [source, post] : unplaced) {
            report_.imported["revisions"] -= post->revisions;
            if (other_posts_.contains(source)) {
                report_.skipped["PostHistory.xml: edits of tag wikis (not imported)"] +=
                    post->revisions;
            } else {
                Skip(post->line, reason);
                report_.skipped[file_ + ": " + reason] += post->revisions - 1;
            }
            if (auto s = session_.DropPost(post->id); !s) return s;
        }
        if (report_.imported["revisions"] == 0) report_.imported.erase("revisions");
        history_.clear();
        return OkStatus();
    }

    // History may give an answer a title or tags (a question merged into another); answers
    // have neither, as when history was read after the posts.
    bool UntitleRevisions(PostId post) {
        for (int number = 1;; ++number) {
            auto revision = session_.RevisionAt(post, number);
            if (!Check(revision)) return false;
            if (!*revision) return true;
            if ((*revision)->title.empty() && (*revision)->tags.empty()) continue;
            (*revision)->title.clear();
            (*revision)->tags.clear();
            if (!Check(session_.PutRevision(**revision))) return false;
        }
    }

    // Writes the buffered revision as the post's next one, on top of the one before it. The
    // post is not written yet (history comes first): its id is reserved on its first revision.
    bool FlushGroup() {
        HistoryGroup group = std::move(*group_);
        group_.reset();
        auto [it, first] = history_.try_emplace(group.post_source);
        HistoryPost& post = it->second;
        if (first) {
            auto id = session_.ReservePost(group.post_source);
            if (!Check(id)) return false;
            post.id = *id;
            post.line = group.line;
        }
        int number = ++post.revisions;
        // Revision 1 holds the post as it is now until history replaces it: a first revision
        // that lacks a part (a migrated post) keeps that part.
        auto base = session_.RevisionAt(post.id, number == 1 ? 1 : number - 1);
        if (!Check(base)) return false;
        service::ImportedRevision revision;
        if (*base) revision = std::move(**base);
        revision.post = post.id;
        revision.number = number;
        revision.created_at = group.at;
        auto author = AuthorOf(group.user, group.line, "edit");
        if (!author) return false;
        revision.author = *author;
        if (group.body) revision.body_source = std::move(*group.body);
        if (group.title) revision.title = std::move(*group.title);
        if (group.tags) {
            std::string joined;
            for (const auto& tag : ParseSeTags(*group.tags))
                joined += (joined.empty() ? "" : " ") + tag;
            revision.tags = std::move(joined);
        }
        post.titled |= group.title || group.tags;
        Count("revisions");
        return Check(session_.PutRevision(revision));
    }

    Status FlushHistory() {
        file_ = "PostHistory.xml";
        if (group_ && !FlushGroup()) return std::move(*failure_);
        return OkStatus();
    }

    bool OnComment(CommentRow& row, const RowPosition& at) {
        if (!row.id || !row.post_source) {
            Skip(at.line, "comment row without a valid Id or PostId");
            return true;
        }
        auto it = posts_.find(*row.post_source);
        if (it == posts_.end()) {
            if (other_posts_.contains(*row.post_source)) {
                ++report_.skipped["Comments.xml: comments on tag wikis (not imported)"];
                return true;
            }
            Skip(at.line, "comment on a post not in the dump");
            return true;
        }
        if (!row.readable) {
            Skip(at.line, "comment without readable text");
            return true;
        }
        service::ImportedReply reply;
        reply.source_id = *row.id;
        reply.post = it->second.id;
        auto author = AuthorOf(row.user, at.line, "comment");
        if (!author) return false;
        reply.author = *author;
        reply.body = std::move(row.text);
        reply.body_html = std::move(row.html);
        reply.created_at = row.created_at;
        if (!Check(session_.PutReply(reply))) return false;
        Count("replies");
        return true;
    }

    bool OnVote(const VoteRow& row, const RowPosition& at) {
        const auto& type = row.type;
        if (!type || (*type != 2 && *type != 3)) {
            ++report_.skipped["Votes.xml: votes other than up and down (not imported)"];
            return true;
        }
        const auto& post_source = row.post_source;
        if (!post_source) {
            Skip(at.line, "vote without a valid PostId");
            return true;
        }
        auto& votes = votes_[*post_source];
        if (votes.first_line == 0) votes.first_line = at.line;
        (*type == 2 ? votes.up : votes.down) += 1;
        return true;
    }

    // Votes not placed on a post name posts that are not in the dump (deleted ones).
    Status ReportDanglingVotes() {
        file_ = "Votes.xml";
        std::vector<std::pair<std::int64_t, std::int64_t>> dangling;  // line, rows
        for (const auto& [source, votes] : votes_) {
            if (votes.first_line != 0 && other_posts_.contains(source)) {
                report_.skipped["Votes.xml: votes on tag wikis (not imported)"] +=
                    votes.up + votes.down;
                continue;
            }
            if (votes.first_line == 0) {
                Count("up votes", votes.up);
                Count("down votes", votes.down);
            } else {
                dangling.emplace_back(votes.first_line, votes.up + votes.down);
            }
        }
        std::sort(dangling.begin(), dangling.end());
        const std::string reason = "vote on a post not in the dump";
        for (const auto& [line, rows] : dangling) {
            Skip(line, reason);
            report_.skipped[file_ + ": " + reason] += rows - 1;
        }
        votes_.clear();
        return OkStatus();
    }

    bool OnLink(const Row& row, const RowPosition& at) {
        if (IdOf(row, "LinkTypeId") != 3) return true;
        auto from = posts_.find(IdOf(row, "PostId").value_or(0));
        auto to = posts_.find(IdOf(row, "RelatedPostId").value_or(0));
        if (from == posts_.end() || to == posts_.end() || !from->second.is_question ||
            !to->second.is_question) {
            Skip(at.line, "duplicate link naming a question not in the dump");
            return true;
        }
        Count("duplicate links");
        return Check(session_.PutDuplicateLink(from->second.hoot, to->second.hoot));
    }

    bool OnTag(const Row& row, const RowPosition& at) {
        auto tags = ParseSeTags("<" + std::string(row.Get("TagName")) + ">");
        if (tags.empty()) {
            Skip(at.line, "tag name Hoot cannot hold");
            return true;
        }
        auto excerpt_id = IdOf(row, "ExcerptPostId");
        if (!excerpt_id) return true;
        auto it = excerpts_.find(*excerpt_id);
        if (it == excerpts_.end()) {
            Skip(at.line, "tag excerpt post not in Posts.xml");
            return true;
        }
        Count("tag excerpts");
        return Check(session_.PutTagExcerpt(tags.front(), it->second));
    }

    struct PendingAnswer {
        service::ImportedPost post;
        std::int64_t parent = 0;
        std::int64_t line = 0;
    };

    ImportSession& session_;
    const ImportOptions& options_;
    ImportReport report_;
    std::string file_;
    std::optional<Error> failure_;
    bool users_file_present_ = false;
    std::optional<UserId> placeholder_;
    KnownUsers users_;
    // Read by the reader thread while Posts.xml is read: nothing changes users_ meanwhile.
    PostContext post_context_{&users_};
    std::unordered_map<std::int64_t, KnownPost> posts_;
    std::unordered_map<std::int64_t, std::string> excerpts_;
    std::unordered_set<std::int64_t> other_posts_;           // tag wikis and the like: not imported
    std::unordered_map<std::int64_t, HistoryPost> history_;  // by source id, until settled
    std::vector<PostState> states_;
    std::unordered_map<std::int64_t, Votes> votes_;
    std::vector<PendingAnswer> pending_;
    std::optional<HistoryGroup> group_;
};

}  // namespace

Result<ImportReport> ImportStackExchange(service::ImportStore& store,
                                         const ImportOptions& options) {
    std::error_code ec;
    if (!fs::is_directory(options.dump_dir, ec))
        return Error::Make(Errc::kNotFound, "no dump folder at " + options.dump_dir.string());
    // A row of Posts.xml is one to two kilobytes in real dumps: the estimate only has to tell a
    // big import from a small one.
    auto posts_bytes = fs::file_size(options.dump_dir / "Posts.xml", ec);
    auto session =
        store.Begin(options.site, ec ? 0 : static_cast<std::int64_t>(posts_bytes / 1024));
    if (!session) return session.take_error();
    Importer importer(**session, options);
    if (auto status = importer.Run(); !status) return status.take_error();
    return std::move(importer.report());
}

std::string FormatReport(const ImportReport& report) {
    std::string out = "imported:\n";
    for (const auto& [kind, count] : report.imported)
        out += "  " + kind + ": " + std::to_string(count) + "\n";
    for (const auto& file : report.missing_files)
        out += "warning: " + file + " is not in the dump; imported the rest without it\n";
    if (!report.skipped.empty()) out += "skipped:\n";
    for (const auto& [reason, count] : report.skipped)
        out += "  " + reason + ": " + std::to_string(count) + "\n";
    for (const auto& problem : report.problems)
        out += "  at " + problem.file + ":" + std::to_string(problem.line) + ": " +
               problem.message + "\n";
    return out;
}

}  // namespace hoot::importer
