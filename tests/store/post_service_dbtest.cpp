// PostService and HootService::Thread over a real database, with a fixed clock: who may do what
// to a post, what people may type, and how deleted posts show in a thread.

#include <gtest/gtest.h>

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "domain/validation.hpp"
#include "service/hoots.hpp"
#include "service/posts.hpp"
#include "store/store_fixture.hpp"

namespace hoot::testing {
namespace {

using service::ActorOf;
using service::EditCommand;
using service::HootService;
using service::PostService;
using service::ThreadViewer;

constexpr UnixSeconds kNow = 1'700'000'000;

constexpr std::size_t Index(ReactionKind kind) { return static_cast<std::size_t>(kind); }

class PostServiceTest : public StoreTest {
  protected:
    void SetUp() override {
        StoreTest::SetUp();
        const Clock clock = [] { return kNow; };
        posts_.emplace(stores(), clock);
        hoots_.emplace(stores(), clock);
        author_ = MakeUser("author", false);
        other_ = MakeUser("other", false);
        moderator_ = MakeUser("moderator", true);
    }

    PostService& posts() { return *posts_; }
    HootService& hoots() { return *hoots_; }

    User MakeUser(const std::string& name, bool is_admin) {
        service::NewUser user;
        user.username = name;
        user.password_hash = "hash";
        user.is_admin = is_admin;
        user.created_at = 1000;
        auto id = stores().users.Create(user);
        EXPECT_TRUE(id.ok()) << (id.ok() ? "" : id.error().detail);
        return id.ok() ? GetUser(*id) : User();
    }

    Hoot AskOrFail(const User& author, const std::string& title = "Why do owls hoot?",
                   const std::string& body = "At night, mostly.",
                   std::vector<std::string> tags = {"owls"}) {
        auto hoot = hoots().Ask({author.id, title, body, std::move(tags)});
        if (!hoot.ok()) {
            ADD_FAILURE() << hoot.error().message;
            return Hoot();
        }
        return *hoot;
    }

    Comment CommentOrFail(const User& author, HootId hoot, const std::string& body = "Because.") {
        auto comment = hoots().AddComment(author.id, hoot, body);
        if (!comment.ok()) {
            ADD_FAILURE() << comment.error().message;
            return Comment();
        }
        return *comment;
    }

    std::vector<Revision> RevisionsOf(PostId post) {
        auto revisions = stores().posts.Revisions(post);
        EXPECT_TRUE(revisions.ok());
        return revisions.ok() ? *revisions : std::vector<Revision>();
    }

    service::ThreadResult ThreadOrFail(HootId hoot, const ThreadViewer& viewer, int limit = 20,
                                       CommentOrder order = CommentOrder::kOldest) {
        auto thread = hoots().Thread(hoot, order, limit, viewer);
        if (!thread.ok()) {
            ADD_FAILURE() << thread.error().message;
            return service::ThreadResult();
        }
        return *thread;
    }

    User author_, other_, moderator_;

  private:
    std::optional<PostService> posts_;
    std::optional<HootService> hoots_;
};
HOOT_STORE_SUITE(PostServiceTest);

template <typename T>
void ExpectError(const Result<T>& result, Errc code, const char* field = nullptr) {
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.error().code, code) << result.error().message;
    if (field) {
        EXPECT_EQ(result.error().field, field) << result.error().message;
    }
    EXPECT_FALSE(result.error().message.empty());
}

// --- permissions -----------------------------------------------------------------------------

TEST_P(PostServiceTest, PermissionsByActorAndAction) {
    enum class Who { kAuthor, kOther, kModerator };
    enum class Action { kUpdate, kEdit, kDelete, kRestore, kReact };
    struct Case {
        const char* name;
        Who who;
        Action action;
        std::optional<Errc> error;  // nullopt: allowed
    };
    const std::vector<Case> cases = {
        {"author_updates", Who::kAuthor, Action::kUpdate, std::nullopt},
        {"other_updates", Who::kOther, Action::kUpdate, Errc::kForbidden},
        {"moderator_updates", Who::kModerator, Action::kUpdate, std::nullopt},
        {"author_edits", Who::kAuthor, Action::kEdit, std::nullopt},
        {"other_edits", Who::kOther, Action::kEdit, Errc::kForbidden},
        {"moderator_edits", Who::kModerator, Action::kEdit, std::nullopt},
        {"author_deletes", Who::kAuthor, Action::kDelete, std::nullopt},
        {"other_deletes", Who::kOther, Action::kDelete, Errc::kForbidden},
        {"moderator_deletes", Who::kModerator, Action::kDelete, std::nullopt},
        {"author_restores", Who::kAuthor, Action::kRestore, Errc::kForbidden},
        {"other_restores", Who::kOther, Action::kRestore, Errc::kForbidden},
        {"moderator_restores", Who::kModerator, Action::kRestore, std::nullopt},
        {"author_reacts_to_own_post", Who::kAuthor, Action::kReact, Errc::kForbidden},
        {"other_reacts", Who::kOther, Action::kReact, std::nullopt},
        {"moderator_reacts", Who::kModerator, Action::kReact, std::nullopt},
    };
    for (PostKind kind : {PostKind::kHoot, PostKind::kComment}) {
        for (const auto& c : cases) {
            SCOPED_TRACE(std::string(c.name) +
                         (kind == PostKind::kHoot ? " on hoot" : " on comment"));
            // A fresh post per case, so one case's change does not leak into the next.
            Hoot hoot = AskOrFail(author_);
            const PostId post = kind == PostKind::kHoot
                                    ? ToPost(hoot.id)
                                    : ToPost(CommentOrFail(author_, hoot.id).id);
            if (c.action == Action::kRestore) {
                ASSERT_TRUE(posts().Delete(author_, post).ok());
            }
            const User& actor = c.who == Who::kAuthor  ? author_
                                : c.who == Who::kOther ? other_
                                                       : moderator_;

            Status outcome = OkStatus();
            switch (c.action) {
                case Action::kUpdate: {
                    auto r = posts().AddUpdate(actor, post, "", "More detail.");
                    outcome = r.ok() ? OkStatus() : Status(r.error());
                    break;
                }
                case Action::kEdit: {
                    EditCommand command{1, "An edited title", "Edited body.", {"owls"}};
                    auto r = posts().Edit(actor, post, command);
                    outcome = r.ok() ? OkStatus() : Status(r.error());
                    break;
                }
                case Action::kDelete:
                    outcome = posts().Delete(actor, post);
                    break;
                case Action::kRestore:
                    outcome = posts().Restore(actor, post);
                    break;
                case Action::kReact: {
                    auto r = posts().React(actor, post, ReactionKind::kHelpful, true);
                    outcome = r.ok() ? OkStatus() : Status(r.error());
                    break;
                }
            }
            if (!c.error) {
                EXPECT_TRUE(outcome.ok()) << outcome.error().message;
            } else {
                ExpectError(outcome, *c.error);
            }

            // What the store holds afterwards agrees with the outcome.
            auto ref = stores().posts.Find(post);
            ASSERT_TRUE(ref.ok());
            ASSERT_TRUE(ref->has_value());
            const bool allowed = !c.error.has_value();
            switch (c.action) {
                case Action::kUpdate: {
                    auto extras = stores().posts.Extras({post}, std::nullopt);
                    ASSERT_TRUE(extras.ok());
                    EXPECT_EQ(extras->updates.size(), allowed ? 1u : 0u);
                    break;
                }
                case Action::kEdit:
                    EXPECT_EQ((*ref)->revision, allowed ? 2 : 1);
                    EXPECT_EQ(RevisionsOf(post).size(), allowed ? 2u : 1u);
                    if (allowed) {
                        EXPECT_EQ(RevisionsOf(post).back().author.id, actor.id);
                    }
                    break;
                case Action::kDelete:
                    EXPECT_EQ((*ref)->deleted, allowed);
                    break;
                case Action::kRestore:
                    EXPECT_EQ((*ref)->deleted, !allowed);
                    break;
                case Action::kReact: {
                    auto extras = stores().posts.Extras({post}, std::nullopt);
                    ASSERT_TRUE(extras.ok());
                    EXPECT_EQ(extras->breakdowns.size(), allowed ? 1u : 0u);
                    break;
                }
            }
        }
    }
}

TEST_P(PostServiceTest, UnknownPostIsNotFoundForEveryAction) {
    const PostId nowhere(777777);
    for (const User* actor : {&author_, &moderator_}) {
        SCOPED_TRACE(actor->username);
        ExpectError(posts().Find(nowhere, ActorOf(*actor)), Errc::kNotFound);
        ExpectError(posts().AddUpdate(*actor, nowhere, "", "body"), Errc::kNotFound);
        ExpectError(posts().Edit(*actor, nowhere, EditCommand{1, "A title", "body", {}}),
                    Errc::kNotFound);
        ExpectError(posts().React(*actor, nowhere, ReactionKind::kLike, true), Errc::kNotFound);
        ExpectError(posts().ToggleReaction(*actor, nowhere, ReactionKind::kLike), Errc::kNotFound);
        ExpectError(posts().AddReply(*actor, nowhere, "hello"), Errc::kNotFound);
        ExpectError(posts().Delete(*actor, nowhere), Errc::kNotFound);
        ExpectError(posts().RevisionHistory(nowhere, ActorOf(*actor)), Errc::kNotFound);
    }
    ExpectError(posts().Restore(moderator_, nowhere), Errc::kNotFound);
}

TEST_P(PostServiceTest, DeletedPostsAreNotFoundForNonModerators) {
    Hoot hoot = AskOrFail(author_);
    Comment comment = CommentOrFail(author_, hoot.id);
    const PostId c = ToPost(comment.id);
    ASSERT_TRUE(posts().Delete(author_, c).ok());

    for (const User* actor : {&author_, &other_}) {
        SCOPED_TRACE(actor->username);
        ExpectError(posts().Find(c, ActorOf(*actor)), Errc::kNotFound);
        ExpectError(posts().AddUpdate(*actor, c, "", "body"), Errc::kNotFound);
        ExpectError(posts().Edit(*actor, c, EditCommand{1, "", "new body", {}}), Errc::kNotFound);
        ExpectError(posts().SourceForEdit(*actor, c), Errc::kNotFound);
        ExpectError(posts().AddReply(*actor, c, "hello"), Errc::kNotFound);
        ExpectError(posts().Delete(*actor, c), Errc::kNotFound);
        ExpectError(posts().RevisionHistory(c, ActorOf(*actor)), Errc::kNotFound);
    }
    ExpectError(posts().React(other_, c, ReactionKind::kLike, true), Errc::kNotFound);
    ExpectError(posts().ToggleReaction(other_, c, ReactionKind::kLike), Errc::kNotFound);

    // A moderator sees it (to restore it) and its history, but cannot edit it while deleted.
    auto seen = posts().Find(c, ActorOf(moderator_));
    ASSERT_TRUE(seen.ok()) << seen.error().message;
    EXPECT_TRUE(seen->deleted);
    auto history = posts().RevisionHistory(c, ActorOf(moderator_));
    ASSERT_TRUE(history.ok()) << history.error().message;
    EXPECT_EQ(history->revisions.size(), 1u);
    EXPECT_EQ(history->thread_title, hoot.title);
    ExpectError(posts().Edit(moderator_, c, EditCommand{1, "", "new body", {}}), Errc::kConflict);

    // The comments of a deleted hoot are gone with it.
    Comment live = CommentOrFail(other_, hoot.id, "Still here.");
    ASSERT_TRUE(posts().Delete(author_, ToPost(hoot.id)).ok());
    ExpectError(posts().Find(ToPost(live.id), ActorOf(other_)), Errc::kNotFound);
    ExpectError(posts().AddReply(author_, ToPost(live.id), "hello"), Errc::kNotFound);
    ExpectError(posts().React(author_, ToPost(live.id), ReactionKind::kLike, true),
                Errc::kNotFound);
    auto ref = posts().Find(ToPost(live.id), ActorOf(moderator_));
    ASSERT_TRUE(ref.ok());
    EXPECT_FALSE(ref->deleted);
    EXPECT_TRUE(ref->hoot_deleted);

    // Restored, the comment is back for everybody.
    ASSERT_TRUE(posts().Restore(moderator_, c).ok());
    auto back = posts().Find(c, ActorOf(other_));
    ASSERT_FALSE(back.ok()) << "its hoot is still deleted";
    ASSERT_TRUE(posts().Restore(moderator_, ToPost(hoot.id)).ok());
    back = posts().Find(c, ActorOf(other_));
    ASSERT_TRUE(back.ok()) << back.error().message;
    EXPECT_FALSE(back->deleted);
}

// --- validation ------------------------------------------------------------------------------

TEST_P(PostServiceTest, UpdateHeadingDefaultsAndLimits) {
    Hoot hoot = AskOrFail(author_);
    const PostId post = ToPost(hoot.id);

    auto plain = posts().AddUpdate(author_, post, "", "First addendum.");
    ASSERT_TRUE(plain.ok()) << plain.error().message;
    EXPECT_EQ(plain->heading, "UPDATE");
    EXPECT_EQ(plain->body_source, "First addendum.");
    EXPECT_NE(plain->body_html.find("First addendum."), std::string::npos);
    EXPECT_EQ(plain->created_at, kNow);
    EXPECT_EQ(plain->post, post);

    auto blank = posts().AddUpdate(author_, post, "   ", "Second.");
    ASSERT_TRUE(blank.ok()) << blank.error().message;
    EXPECT_EQ(blank->heading, "UPDATE");

    auto named = posts().AddUpdate(author_, post, "  Response to Mike-DHSc ", "Third.");
    ASSERT_TRUE(named.ok()) << named.error().message;
    EXPECT_EQ(named->heading, "Response to Mike-DHSc");

    const std::string longest(hoot::kMaxUpdateHeading, 'h');
    auto at_limit = posts().AddUpdate(author_, post, longest, "Fourth.");
    ASSERT_TRUE(at_limit.ok()) << "a heading of 100 characters is allowed: "
                               << at_limit.error().message;
    EXPECT_EQ(at_limit->heading, longest);

    std::string wide;  // 100 code points, 200 bytes
    for (std::size_t i = 0; i < hoot::kMaxUpdateHeading; ++i) wide += "\xC3\xA9";
    auto wide_ok = posts().AddUpdate(author_, post, wide, "Fifth.");
    EXPECT_TRUE(wide_ok.ok()) << "the limit counts characters, not bytes";

    ExpectError(posts().AddUpdate(author_, post, longest + "h", "body"), Errc::kInvalidInput,
                "heading");
    ExpectError(posts().AddUpdate(author_, post, "Two\nlines", "body"), Errc::kInvalidInput,
                "heading");
    ExpectError(posts().AddUpdate(author_, post, "Two\r\nlines", "body"), Errc::kInvalidInput,
                "heading");
    ExpectError(posts().AddUpdate(author_, post, "UPDATE", ""), Errc::kInvalidInput, "body");
    ExpectError(posts().AddUpdate(author_, post, "UPDATE", "  \n  "), Errc::kInvalidInput, "body");

    auto extras = stores().posts.Extras({post}, std::nullopt);
    ASSERT_TRUE(extras.ok());
    std::vector<std::string> headings;
    for (const auto& u : extras->updates) headings.push_back(u.heading);
    std::vector<std::string> expected = {"UPDATE", "UPDATE", "Response to Mike-DHSc"};
    if (at_limit.ok()) expected.push_back(longest);
    if (wide_ok.ok()) expected.push_back(wide);
    EXPECT_EQ(headings, expected) << "refused updates are not stored";
}

TEST_P(PostServiceTest, ReplyLengthAndEmptiness) {
    Hoot hoot = AskOrFail(author_);
    Comment comment = CommentOrFail(author_, hoot.id);
    const PostId post = ToPost(comment.id);

    auto reply = posts().AddReply(other_, post, "\n see https://example.com/owls \n");
    ASSERT_TRUE(reply.ok()) << reply.error().message;
    EXPECT_EQ(reply->body, " see https://example.com/owls") << "blank lines and trailing space go";
    EXPECT_NE(reply->body_html.find("href=\"https://example.com/owls\""), std::string::npos)
        << reply->body_html;
    EXPECT_EQ(reply->author.id, other_.id);
    EXPECT_EQ(reply->author.username, "other");
    EXPECT_EQ(reply->created_at, kNow);

    auto own = posts().AddReply(author_, post, "Thanks!");
    EXPECT_TRUE(own.ok()) << "authors may reply under their own post";

    std::string wide;  // 600 code points, 1200 bytes
    for (std::size_t i = 0; i < hoot::kMaxReply; ++i) wide += "\xC3\xA9";
    auto at_limit = posts().AddReply(other_, post, wide);
    EXPECT_TRUE(at_limit.ok()) << "600 characters are allowed whatever their bytes";
    auto ascii_limit = posts().AddReply(other_, post, std::string(hoot::kMaxReply, 'r'));
    EXPECT_TRUE(ascii_limit.ok());

    ExpectError(posts().AddReply(other_, post, std::string(hoot::kMaxReply + 1, 'r')),
                Errc::kInvalidInput, "body");
    ExpectError(posts().AddReply(other_, post, wide + "\xC3\xA9"), Errc::kInvalidInput, "body");
    ExpectError(posts().AddReply(other_, post, ""), Errc::kInvalidInput, "body");
    ExpectError(posts().AddReply(other_, post, " \n\t "), Errc::kInvalidInput, "body");

    auto extras = stores().posts.Extras({post}, std::nullopt);
    ASSERT_TRUE(extras.ok());
    EXPECT_EQ(extras->replies.size(), 4u) << "refused replies are not stored";
}

TEST_P(PostServiceTest, EditValidationAndUnchangedEdits) {
    Hoot hoot = AskOrFail(author_, "Why do owls hoot?", "At night, mostly.", {"owls"});
    Comment comment = CommentOrFail(other_, hoot.id, "Because.");
    const PostId h = ToPost(hoot.id), c = ToPost(comment.id);

    // Saving the form as it was makes no revision.
    auto same = posts().Edit(author_, h, EditCommand{1, hoot.title, hoot.body_source, hoot.tags});
    ASSERT_TRUE(same.ok()) << same.error().message;
    EXPECT_EQ(*same, 1);
    EXPECT_EQ(RevisionsOf(h).size(), 1u);
    auto same_comment = posts().Edit(other_, c, EditCommand{1, "", "Because.", {}});
    ASSERT_TRUE(same_comment.ok()) << same_comment.error().message;
    EXPECT_EQ(*same_comment, 1);
    EXPECT_EQ(RevisionsOf(c).size(), 1u);

    ExpectError(posts().Edit(author_, h, EditCommand{1, hoot.title, "", hoot.tags}),
                Errc::kInvalidInput, "body");
    ExpectError(posts().Edit(author_, h, EditCommand{1, "Hm", "New body.", hoot.tags}),
                Errc::kInvalidInput, "title");
    ExpectError(posts().Edit(other_, c, EditCommand{1, "", "   ", {}}), Errc::kInvalidInput,
                "body");
    EXPECT_EQ(RevisionsOf(h).size(), 1u);
    EXPECT_EQ(RevisionsOf(c).size(), 1u);

    // A real change: title, slug, tags and body move; the old text stays as revision 1.
    auto edited = posts().Edit(
        author_, h,
        EditCommand{1, "Why do owls hoot at night?", "Mostly *after dark*.", {"Birds"}});
    ASSERT_TRUE(edited.ok()) << edited.error().message;
    EXPECT_EQ(*edited, 2);
    Hoot now = GetHoot(hoot.id);
    EXPECT_EQ(now.title, "Why do owls hoot at night?");
    EXPECT_EQ(now.slug, "why-do-owls-hoot-at-night");
    EXPECT_EQ(now.tags, (std::vector<std::string>{"birds"}));
    EXPECT_EQ(now.body_source, "Mostly *after dark*.");
    EXPECT_NE(now.body_html.find("<em>after dark</em>"), std::string::npos) << now.body_html;
    EXPECT_EQ(now.updated_at, kNow);
    EXPECT_EQ(now.revision, 2);

    // An unchanged save from a stale base is still a conflict; a changed one too.
    ExpectError(posts().Edit(author_, h, EditCommand{1, now.title, now.body_source, now.tags}),
                Errc::kConflict);
    ExpectError(posts().Edit(author_, h, EditCommand{1, now.title, "Other text.", now.tags}),
                Errc::kConflict);
    EXPECT_EQ(GetHoot(hoot.id).body_source, "Mostly *after dark*.");

    auto history = posts().RevisionHistory(h, ActorOf(other_));
    ASSERT_TRUE(history.ok()) << history.error().message;
    ASSERT_EQ(history->revisions.size(), 2u);
    EXPECT_EQ(history->revisions[0].number, 1);
    EXPECT_EQ(history->revisions[0].title, "Why do owls hoot?");
    EXPECT_EQ(history->revisions[0].body_source, "At night, mostly.");
    EXPECT_EQ(history->revisions[1].number, 2);
    EXPECT_EQ(history->revisions[1].created_at, kNow);
    EXPECT_EQ(history->revisions[1].author.id, author_.id);
    EXPECT_EQ(history->thread_slug, "why-do-owls-hoot-at-night");
}

// --- reactions -------------------------------------------------------------------------------

TEST_P(PostServiceTest, ToggleReactionFlips) {
    Hoot hoot = AskOrFail(author_);
    Comment comment = CommentOrFail(author_, hoot.id);
    for (PostId post : {ToPost(hoot.id), ToPost(comment.id)}) {
        SCOPED_TRACE(post.value);
        const auto disagree = Index(ReactionKind::kDisagree);
        auto on = posts().ToggleReaction(other_, post, ReactionKind::kDisagree);
        ASSERT_TRUE(on.ok()) << on.error().message;
        EXPECT_TRUE(on->breakdown.mine[disagree]);
        EXPECT_EQ(on->breakdown.counts[disagree], 1);
        EXPECT_EQ(on->tally.negative, 1);

        auto moderator_on = posts().ToggleReaction(moderator_, post, ReactionKind::kDisagree);
        ASSERT_TRUE(moderator_on.ok());
        EXPECT_TRUE(moderator_on->breakdown.mine[disagree]);
        EXPECT_EQ(moderator_on->breakdown.counts[disagree], 2);

        auto off = posts().ToggleReaction(other_, post, ReactionKind::kDisagree);
        ASSERT_TRUE(off.ok()) << off.error().message;
        EXPECT_FALSE(off->breakdown.mine[disagree]);
        EXPECT_EQ(off->breakdown.counts[disagree], 1) << "the moderator's stays";
        EXPECT_EQ(off->tally.negative, 1);

        auto again = posts().ToggleReaction(other_, post, ReactionKind::kDisagree);
        ASSERT_TRUE(again.ok());
        EXPECT_TRUE(again->breakdown.mine[disagree]);
        EXPECT_EQ(again->breakdown.counts[disagree], 2);

        ExpectError(posts().ToggleReaction(author_, post, ReactionKind::kLike), Errc::kForbidden);
    }
}

// --- the thread ------------------------------------------------------------------------------

TEST_P(PostServiceTest, ThreadShowsDeletedCommentsAsPlaceholders) {
    Hoot hoot = AskOrFail(author_);
    Comment first = CommentOrFail(other_, hoot.id, "First comment.");
    Comment removed = CommentOrFail(other_, hoot.id, "Regrettable comment.");
    Comment last = CommentOrFail(author_, hoot.id, "Last comment.");
    ASSERT_TRUE(posts().AddUpdate(other_, ToPost(removed.id), "", "An addendum.").ok());
    ASSERT_TRUE(posts().AddReply(author_, ToPost(removed.id), "A reply that stays.").ok());
    ASSERT_TRUE(posts().React(author_, ToPost(removed.id), ReactionKind::kHelpful, true).ok());
    ASSERT_TRUE(posts().Delete(other_, ToPost(removed.id)).ok());

    auto expect_shape = [&](const service::ThreadResult& thread) {
        ASSERT_EQ(thread.comments.size(), 3u);
        EXPECT_EQ(thread.comments[0].id, first.id);
        EXPECT_EQ(thread.comments[1].id, removed.id);
        EXPECT_EQ(thread.comments[2].id, last.id);
        EXPECT_TRUE(thread.comments[1].deleted);
        EXPECT_FALSE(thread.comments[0].deleted);
        EXPECT_EQ(thread.comments[0].body_source, "First comment.");
        ASSERT_EQ(thread.comments[1].replies.size(), 1u) << "replies stay readable";
        EXPECT_EQ(thread.comments[1].replies[0].body, "A reply that stays.");
        EXPECT_EQ(thread.hoot.comment_count, 2);
        EXPECT_EQ(thread.hoot.deleted_comment_count, 1);
        EXPECT_EQ(thread.not_shown, 0);
    };

    for (std::optional<UserId> reader : {std::optional<UserId>(), std::optional<UserId>(author_.id),
                                         std::optional<UserId>(other_.id)}) {
        SCOPED_TRACE(reader ? reader->value : 0);
        auto thread = ThreadOrFail(hoot.id, ThreadViewer{reader, false});
        expect_shape(thread);
        const Comment& placeholder = thread.comments[1];
        EXPECT_TRUE(placeholder.body_source.empty());
        EXPECT_TRUE(placeholder.body_html.empty());
        EXPECT_FALSE(placeholder.author.id.valid());
        EXPECT_TRUE(placeholder.author.username.empty());
        EXPECT_TRUE(placeholder.author.display_name.empty());
        EXPECT_TRUE(placeholder.updates.empty()) << "the author's addenda go with the text";
    }

    auto moderated = ThreadOrFail(hoot.id, ThreadViewer{moderator_.id, true});
    expect_shape(moderated);
    const Comment& visible = moderated.comments[1];
    EXPECT_EQ(visible.body_source, "Regrettable comment.");
    EXPECT_FALSE(visible.body_html.empty());
    EXPECT_EQ(visible.author.id, other_.id);
    EXPECT_EQ(visible.author.username, "other");
    ASSERT_EQ(visible.updates.size(), 1u);
    EXPECT_EQ(visible.updates[0].body_source, "An addendum.");

    // Reactions of the reader are marked in the thread, placeholders included.
    auto as_author = ThreadOrFail(hoot.id, ThreadViewer{author_.id, false});
    ASSERT_EQ(as_author.comments.size(), 3u);
    EXPECT_TRUE(as_author.comments[1].breakdown.mine[Index(ReactionKind::kHelpful)]);

    // Placeholders count among the rows not shown.
    for (int limit : {1, 2, 3}) {
        SCOPED_TRACE(limit);
        auto page = ThreadOrFail(hoot.id, ThreadViewer{}, limit);
        EXPECT_EQ(page.comments.size(), static_cast<std::size_t>(limit));
        EXPECT_EQ(page.not_shown, 3 - limit);
    }
    auto best = ThreadOrFail(hoot.id, ThreadViewer{}, 1, CommentOrder::kBest);
    EXPECT_EQ(best.not_shown, 2);

    // Restored, the comment is whole again for everybody.
    ASSERT_TRUE(posts().Restore(moderator_, ToPost(removed.id)).ok());
    auto restored = ThreadOrFail(hoot.id, ThreadViewer{});
    ASSERT_EQ(restored.comments.size(), 3u);
    EXPECT_FALSE(restored.comments[1].deleted);
    EXPECT_EQ(restored.comments[1].body_source, "Regrettable comment.");
    EXPECT_EQ(restored.comments[1].author.id, other_.id);
    EXPECT_EQ(restored.hoot.comment_count, 3);
    EXPECT_EQ(restored.hoot.deleted_comment_count, 0);
}

TEST_P(PostServiceTest, DeletedHootIsNotFoundUnlessTheViewerModerates) {
    Hoot hoot = AskOrFail(author_);
    CommentOrFail(other_, hoot.id, "A comment.");
    ASSERT_TRUE(posts().Delete(author_, ToPost(hoot.id)).ok());
    EXPECT_EQ(GetUser(author_.id).hoot_count, 0);

    for (std::optional<UserId> reader : {std::optional<UserId>(), std::optional<UserId>(author_.id),
                                         std::optional<UserId>(other_.id)}) {
        SCOPED_TRACE(reader ? reader->value : 0);
        ExpectError(hoots().Thread(hoot.id, CommentOrder::kOldest, 20, ThreadViewer{reader, false}),
                    Errc::kNotFound);
    }
    ExpectError(hoots().Get(hoot.id), Errc::kNotFound);

    auto moderated = ThreadOrFail(hoot.id, ThreadViewer{moderator_.id, true});
    EXPECT_TRUE(moderated.hoot.deleted);
    EXPECT_EQ(moderated.hoot.title, hoot.title);
    EXPECT_EQ(moderated.comments.size(), 1u);

    auto feed = hoots().Latest(std::nullopt, 20);
    ASSERT_TRUE(feed.ok());
    EXPECT_TRUE(feed->hoots.empty());

    ASSERT_TRUE(posts().Restore(moderator_, ToPost(hoot.id)).ok());
    auto back = ThreadOrFail(hoot.id, ThreadViewer{});
    EXPECT_FALSE(back.hoot.deleted);
    EXPECT_EQ(GetUser(author_.id).hoot_count, 1);
}

}  // namespace
}  // namespace hoot::testing
