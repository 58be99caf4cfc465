// AccountService and HootService over a real database, with a clock the tests move.

#include <gtest/gtest.h>

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "domain/validation.hpp"
#include "service/accounts.hpp"
#include "service/crypto.hpp"
#include "service/hoots.hpp"
#include "store/store_fixture.hpp"

namespace hoot::testing {
namespace {

using service::AccountService;
using service::HootService;
using service::kSessionLifetime;
using service::TimeCursor;

constexpr UnixSeconds kStart = 1'700'000'000;

class ServicesTest : public StoreTest {
  protected:
    static void SetUpTestSuite() { service::InitCrypto(); }

    void SetUp() override {
        StoreTest::SetUp();
        accounts_.emplace(stores(), [this] { return now_; });
        hoots_.emplace(stores(), [this] { return now_; });
    }

    AccountService& accounts() { return *accounts_; }
    HootService& hoots() { return *hoots_; }

    service::SignedIn SignUpOrFail(const std::string& name,
                                   const std::string& password = "correct horse") {
        auto signed_in = accounts().SignUp(name, password);
        if (!signed_in.ok()) {
            ADD_FAILURE() << signed_in.error().message;
            return service::SignedIn();
        }
        return *signed_in;
    }

    Hoot AskOrFail(UserId author, const std::string& title, const std::string& body = "Body text.",
                   std::vector<std::string> tags = {}) {
        auto hoot = hoots().Ask({author, title, body, std::move(tags)});
        if (!hoot.ok()) {
            ADD_FAILURE() << hoot.error().message;
            return Hoot();
        }
        return *hoot;
    }

    std::optional<UserId> Resolve(const std::string& token) {
        auto user = accounts().Resolve(token);
        EXPECT_TRUE(user.ok());
        if (!user.ok() || !*user) return std::nullopt;
        return (*user)->id;
    }

    UnixSeconds now_ = kStart;

  private:
    std::optional<AccountService> accounts_;
    std::optional<HootService> hoots_;
};
HOOT_STORE_SUITE(ServicesTest);

void ExpectInvalid(const Error& error, const char* field) {
    EXPECT_EQ(error.code, Errc::kInvalidInput) << error.message;
    EXPECT_EQ(error.field, field) << error.message;
    EXPECT_FALSE(error.message.empty());
}

// --- accounts ------------------------------------------------------------------------------

TEST_P(ServicesTest, SignUpCreatesTheAccountAndASession) {
    auto signed_in = SignUpOrFail("Alice");
    EXPECT_EQ(signed_in.user.username, "Alice");
    EXPECT_FALSE(signed_in.user.is_admin);
    EXPECT_EQ(signed_in.user.created_at, kStart);
    EXPECT_EQ(signed_in.token.size(), 43u);
    EXPECT_EQ(signed_in.expires_at, kStart + kSessionLifetime);
    EXPECT_EQ(Resolve(signed_in.token), signed_in.user.id);

    // Only a hash of the token is stored: the token itself does not open a session.
    auto raw = stores().sessions.Find(signed_in.token, kStart);
    ASSERT_TRUE(raw.ok());
    EXPECT_FALSE(raw->has_value());
}

TEST_P(ServicesTest, SignUpRefusals) {
    SignUpOrFail("Alice");
    struct Case {
        const char* name;
        std::string username;
        std::string password;
        Errc code;
        const char* field;
    };
    const std::vector<Case> cases = {
        {"taken_in_other_case", "alice", "correct horse", Errc::kConflict, "username"},
        {"username_too_short", "al", "correct horse", Errc::kInvalidInput, "username"},
        {"username_with_space", "al ice", "correct horse", Errc::kInvalidInput, "username"},
        {"password_too_short", "bob", "short", Errc::kInvalidInput, "password"},
        {"password_too_long", "bob", std::string(kMaxPassword + 1, 'x'), Errc::kInvalidInput,
         "password"},
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(c.name);
        auto result = accounts().SignUp(c.username, c.password);
        ASSERT_FALSE(result.ok());
        EXPECT_EQ(result.error().code, c.code);
        EXPECT_EQ(result.error().field, c.field);
    }
    auto count = stores().users.Count();
    ASSERT_TRUE(count.ok());
    EXPECT_EQ(*count, 1);
}

TEST_P(ServicesTest, SignInSignOut) {
    auto first = SignUpOrFail("Alice", "correct horse");
    now_ += 60;
    auto second = accounts().SignIn("ALICE", "correct horse");
    ASSERT_TRUE(second.ok()) << second.error().message;
    EXPECT_EQ(second->user.id, first.user.id);
    EXPECT_NE(second->token, first.token);
    EXPECT_EQ(second->expires_at, kStart + 60 + kSessionLifetime);

    ASSERT_TRUE(accounts().SignOut(second->token).ok());
    EXPECT_EQ(Resolve(second->token), std::nullopt);
    EXPECT_EQ(Resolve(first.token), first.user.id) << "other sessions stay signed in";
    EXPECT_TRUE(accounts().SignOut(second->token).ok()) << "signing out twice is fine";
    EXPECT_TRUE(accounts().SignOut("").ok());
}

TEST_P(ServicesTest, SessionExpiresAfterItsLifetime) {
    auto signed_in = SignUpOrFail("alice");
    struct Case {
        const char* name;
        UnixSeconds offset;
        bool valid;
    };
    const Case cases[] = {
        {"just_made", 0, true},
        {"a_day_later", 24 * 3600, true},
        {"one_second_before_the_end", kSessionLifetime - 1, true},
        {"at_the_end", kSessionLifetime, false},
        {"a_year_later", 365 * 24 * 3600, false},
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(c.name);
        now_ = kStart + c.offset;
        EXPECT_EQ(Resolve(signed_in.token).has_value(), c.valid);
    }
}

TEST_P(ServicesTest, EveryWrongSignInLooksTheSame) {
    SignUpOrFail("alice", "correct horse");
    ASSERT_TRUE(stores().users.Create({"imported", "", false, kStart}).ok());
    struct Case {
        const char* name;
        std::string username;
        std::string password;
    };
    const std::vector<Case> cases = {
        {"wrong_password", "alice", "wrong horse!"},
        {"password_in_other_case", "alice", "CORRECT HORSE"},
        {"unknown_user", "mallory", "correct horse"},
        {"account_without_password", "imported", "correct horse"},
        {"empty_password", "alice", ""},
        {"empty_username", "", "correct horse"},
        {"overlong_password", "alice", std::string(kMaxPassword + 1, 'x')},
    };
    std::optional<Error> reference;
    for (const auto& c : cases) {
        SCOPED_TRACE(c.name);
        auto result = accounts().SignIn(c.username, c.password);
        ASSERT_FALSE(result.ok());
        const Error& error = result.error();
        EXPECT_EQ(error.code, Errc::kUnauthenticated);
        if (!reference) reference = error;
        EXPECT_EQ(error.message, reference->message);
        EXPECT_EQ(error.field, reference->field);
    }
}

TEST_P(ServicesTest, ResolveIgnoresWhatIsNotAToken) {
    auto signed_in = SignUpOrFail("alice");
    std::string altered = signed_in.token;
    altered[0] = altered[0] == 'A' ? 'B' : 'A';
    for (const std::string& token : {std::string(), std::string("short"), std::string(43, 'A'),
                                     altered, signed_in.token + "x", signed_in.token.substr(1)}) {
        SCOPED_TRACE(token);
        EXPECT_EQ(Resolve(token), std::nullopt);
    }
}

TEST_P(ServicesTest, UpdateProfileRendersTheBio) {
    auto alice = SignUpOrFail("alice").user;
    auto updated = accounts().UpdateProfile(
        alice.id, {"  Alice A.  ", "I **love** owls.\n\n<script>alert(1)</script>"});
    ASSERT_TRUE(updated.ok()) << updated.error().message;
    EXPECT_EQ(updated->display_name, "Alice A.");
    EXPECT_EQ(updated->bio_source, "I **love** owls.\n\n<script>alert(1)</script>");
    EXPECT_NE(updated->bio_html.find("<strong>love</strong>"), std::string::npos)
        << updated->bio_html;
    EXPECT_EQ(updated->bio_html.find("<script"), std::string::npos) << updated->bio_html;

    // What the service returned is what was stored.
    User stored = GetUser(alice.id);
    EXPECT_EQ(stored.display_name, updated->display_name);
    EXPECT_EQ(stored.bio_html, updated->bio_html);
}

TEST_P(ServicesTest, UpdateProfileRefusals) {
    auto alice = SignUpOrFail("alice").user;
    auto too_long_name = accounts().UpdateProfile(alice.id, {std::string(65, 'n'), ""});
    ASSERT_FALSE(too_long_name.ok());
    ExpectInvalid(too_long_name.error(), "display_name");

    auto too_long_bio = accounts().UpdateProfile(alice.id, {"", std::string(kMaxBio + 1, 'b')});
    ASSERT_FALSE(too_long_bio.ok());
    ExpectInvalid(too_long_bio.error(), "bio");

    auto unknown = accounts().UpdateProfile(UserId(999999), {"x", "y"});
    ASSERT_FALSE(unknown.ok());
    EXPECT_EQ(unknown.error().code, Errc::kNotFound);

    EXPECT_EQ(GetUser(alice.id).display_name, "") << "refused edits change nothing";
}

TEST_P(ServicesTest, GetUserAndCreateUser) {
    auto admin = accounts().CreateUser("Admin", "correct horse", true);
    ASSERT_TRUE(admin.ok()) << admin.error().message;
    EXPECT_TRUE(admin->is_admin);

    auto found = accounts().GetUser("admin");
    ASSERT_TRUE(found.ok());
    EXPECT_EQ(found->id, admin->id);
    EXPECT_EQ(found->username, "Admin");

    auto missing = accounts().GetUser("nobody");
    ASSERT_FALSE(missing.ok());
    EXPECT_EQ(missing.error().code, Errc::kNotFound);
}

// --- hoots ---------------------------------------------------------------------------------

TEST_P(ServicesTest, AskStoresTitleSlugExcerptAndSafeHtml) {
    UserId author = SignUpOrFail("alice").user.id;
    auto hoot = hoots().Ask({author,
                             "  How do owls see at night?  ",
                             "They have **big** eyes.\n\n<script>alert('x')</script>\n\n"
                             "[link](javascript:alert(1))",
                             {"#Owls", "night", "owls"}});
    ASSERT_TRUE(hoot.ok()) << hoot.error().message;
    EXPECT_EQ(hoot->title, "How do owls see at night?");
    EXPECT_EQ(hoot->slug, "how-do-owls-see-at-night");
    EXPECT_EQ(hoot->tags, (std::vector<std::string>{"owls", "night"}));
    EXPECT_EQ(hoot->created_at, kStart);
    EXPECT_EQ(hoot->author.id, author);
    EXPECT_NE(hoot->body_source.find("<script>"), std::string::npos) << "source kept as written";
    EXPECT_NE(hoot->body_html.find("<strong>big</strong>"), std::string::npos) << hoot->body_html;
    EXPECT_EQ(hoot->body_html.find("<script"), std::string::npos) << hoot->body_html;
    EXPECT_EQ(hoot->body_html.find("javascript:"), std::string::npos) << hoot->body_html;

    auto feed = hoots().Latest(std::nullopt, 10);
    ASSERT_TRUE(feed.ok());
    ASSERT_EQ(feed->hoots.size(), 1u);
    const std::string& excerpt = feed->hoots[0].excerpt;
    EXPECT_NE(excerpt.find("They have big eyes."), std::string::npos) << excerpt;
    EXPECT_EQ(excerpt.find("**"), std::string::npos) << excerpt;
    EXPECT_EQ(GetUser(author).hoot_count, 1);
}

TEST_P(ServicesTest, AskRefusesBadInputAndStoresNothing) {
    UserId author = SignUpOrFail("alice").user.id;
    struct Case {
        const char* name;
        service::AskCommand command;
        const char* field;
    };
    const std::vector<Case> cases = {
        {"title_too_short", {author, "Owl", "Body", {}}, "title"},
        {"title_blank", {author, "      ", "Body", {}}, "title"},
        {"title_two_lines", {author, "Owls\nand more", "Body", {}}, "title"},
        {"body_empty", {author, "A fine title", "", {}}, "body"},
        {"body_blank", {author, "A fine title", "  \n\n  ", {}}, "body"},
        {"body_too_long", {author, "A fine title", std::string(kMaxBody + 1, 'b'), {}}, "body"},
        {"tag_with_bad_characters", {author, "A fine title", "Body", {"no spaces!"}}, "tags"},
        {"too_many_tags", {author, "A fine title", "Body", {"a", "b", "c", "d", "e", "f"}}, "tags"},
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(c.name);
        auto result = hoots().Ask(c.command);
        ASSERT_FALSE(result.ok());
        ExpectInvalid(result.error(), c.field);
    }
    auto feed = hoots().Latest(std::nullopt, 10);
    ASSERT_TRUE(feed.ok());
    EXPECT_TRUE(feed->hoots.empty());
    EXPECT_EQ(GetUser(author).hoot_count, 0);
}

TEST_P(ServicesTest, GetUnknownHootIsNotFound) {
    auto missing = hoots().Get(HootId(424242));
    ASSERT_FALSE(missing.ok());
    EXPECT_EQ(missing.error().code, Errc::kNotFound);
}

TEST_P(ServicesTest, AddComment) {
    UserId alice = SignUpOrFail("alice").user.id;
    UserId bob = SignUpOrFail("bob").user.id;
    Hoot hoot = AskOrFail(alice, "Why do owls hoot?");
    now_ += 30;

    auto comment = hoots().AddComment(bob, hoot.id, "  To *talk*.  <script>x</script>");
    ASSERT_TRUE(comment.ok()) << comment.error().message;
    EXPECT_EQ(comment->hoot_id, hoot.id);
    EXPECT_EQ(comment->author.id, bob);
    EXPECT_EQ(comment->created_at, kStart + 30);
    EXPECT_NE(comment->body_html.find("<em>talk</em>"), std::string::npos) << comment->body_html;
    EXPECT_EQ(comment->body_html.find("<script"), std::string::npos) << comment->body_html;
    EXPECT_EQ(GetHoot(hoot.id).comment_count, 1);
    EXPECT_EQ(GetUser(bob).comment_count, 1);
}

TEST_P(ServicesTest, AddCommentRefusals) {
    UserId alice = SignUpOrFail("alice").user.id;
    Hoot hoot = AskOrFail(alice, "Why do owls hoot?");
    struct Case {
        const char* name;
        HootId hoot;
        std::string body;
        Errc code;
    };
    const std::vector<Case> cases = {
        {"empty_body", hoot.id, "", Errc::kInvalidInput},
        {"blank_body", hoot.id, " \n\t ", Errc::kInvalidInput},
        {"body_too_long", hoot.id, std::string(kMaxCommentBody + 1, 'c'), Errc::kInvalidInput},
        {"invalid_utf8", hoot.id, "bad \xFF byte", Errc::kInvalidInput},
        {"unknown_hoot", HootId(999999), "Fine words", Errc::kNotFound},
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(c.name);
        auto result = hoots().AddComment(alice, c.hoot, c.body);
        ASSERT_FALSE(result.ok());
        EXPECT_EQ(result.error().code, c.code);
        if (c.code == Errc::kInvalidInput) {
            EXPECT_EQ(result.error().field, "body");
        }
    }
    EXPECT_EQ(GetHoot(hoot.id).comment_count, 0);
    EXPECT_EQ(GetUser(alice).comment_count, 0);
}

TEST_P(ServicesTest, ThreadCountsCommentsNotShown) {
    UserId alice = SignUpOrFail("alice").user.id;
    Hoot hoot = AskOrFail(alice, "A thread of five");
    for (int i = 0; i < 5; ++i) {
        now_ += 1;
        ASSERT_TRUE(hoots().AddComment(alice, hoot.id, "comment " + std::to_string(i)).ok());
    }
    struct Case {
        const char* name;
        int limit;
        std::size_t shown;
        std::int64_t not_shown;
    };
    const Case cases[] = {
        {"first_two", 2, 2, 3},
        {"exactly_all", 5, 5, 0},
        {"more_than_all", 20, 5, 0},
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(c.name);
        auto thread = hoots().Thread(hoot.id, CommentOrder::kOldest, c.limit);
        ASSERT_TRUE(thread.ok()) << thread.error().message;
        EXPECT_EQ(thread->hoot.id, hoot.id);
        EXPECT_EQ(thread->comments.size(), c.shown);
        EXPECT_EQ(thread->not_shown, c.not_shown);
        if (!thread->comments.empty()) {
            EXPECT_EQ(thread->comments[0].body_source, "comment 0");
        }
    }
    auto missing = hoots().Thread(HootId(999999), CommentOrder::kOldest, 10);
    ASSERT_FALSE(missing.ok());
    EXPECT_EQ(missing.error().code, Errc::kNotFound);
}

TEST_P(ServicesTest, LatestPagesThroughFormattedCursors) {
    UserId alice = SignUpOrFail("alice").user.id;
    std::set<std::int64_t> asked;
    // 25 hoots, several a second: timestamps repeat.
    for (int i = 0; i < 25; ++i) {
        if (i % 4 == 0) now_ += 1;
        asked.insert(AskOrFail(alice, "Question number " + std::to_string(i)).id.value);
    }
    std::vector<std::size_t> page_sizes;
    std::set<std::int64_t> seen;
    std::optional<TimeCursor> after;
    for (int pages = 0; pages < 10; ++pages) {
        auto page = hoots().Latest(after, 10);
        ASSERT_TRUE(page.ok());
        page_sizes.push_back(page->hoots.size());
        for (const auto& h : page->hoots) EXPECT_TRUE(seen.insert(h.id.value).second);
        if (!page->next) break;
        // As a link would carry it.
        after = service::ParseCursor(service::FormatCursor(*page->next));
        ASSERT_TRUE(after.has_value());
    }
    EXPECT_EQ(page_sizes, (std::vector<std::size_t>{10, 10, 5}));
    EXPECT_EQ(seen, asked);

    auto by_author = hoots().ByAuthor(alice, std::nullopt, 100);
    ASSERT_TRUE(by_author.ok());
    EXPECT_EQ(by_author->hoots.size(), 25u);
    EXPECT_FALSE(by_author->next.has_value());
}

// --- cursors (pure, kept beside the paging they serve) ---------------------------------------

TEST(CursorTextTest, FormatThenParseRoundTrips) {
    struct Case {
        const char* name;
        TimeCursor cursor;
        const char* text;
    };
    const Case cases[] = {
        {"zeros", {0, 0}, "0.0"},
        {"typical", {1700000000, 42}, "1700000000.42"},
        {"largest", {INT64_MAX, INT64_MAX}, "9223372036854775807.9223372036854775807"},
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(c.name);
        EXPECT_EQ(service::FormatCursor(c.cursor), c.text);
        auto parsed = service::ParseCursor(c.text);
        ASSERT_TRUE(parsed.has_value());
        EXPECT_EQ(parsed->created_at, c.cursor.created_at);
        EXPECT_EQ(parsed->id, c.cursor.id);
    }
}

TEST(CursorTextTest, ParseRejectsJunk) {
    struct Case {
        const char* name;
        const char* text;
    };
    const Case cases[] = {
        {"empty", ""},
        {"dot_only", "."},
        {"no_dot", "1700000000"},
        {"no_id", "1700000000."},
        {"no_time", ".42"},
        {"letters", "abc.def"},
        {"negative_time", "-1.42"},
        {"negative_id", "1.-42"},
        {"plus_sign", "+1.42"},
        {"two_dots", "1.2.3"},
        {"trailing_text", "1.42x"},
        {"leading_space", " 1.42"},
        {"inner_space", "1. 42"},
        {"overflow", "99999999999999999999.1"},
        {"comma", "1,42"},
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(c.name);
        EXPECT_FALSE(service::ParseCursor(c.text).has_value());
    }
}

TEST(CommentOrderTextTest, ParsesTheThreeOrdersOnly) {
    EXPECT_EQ(service::ParseCommentOrder("latest"), CommentOrder::kLatest);
    EXPECT_EQ(service::ParseCommentOrder("oldest"), CommentOrder::kOldest);
    EXPECT_EQ(service::ParseCommentOrder("best"), CommentOrder::kBest);
    for (const char* junk : {"", "Latest", "BEST", "newest", "best "})
        EXPECT_EQ(service::ParseCommentOrder(junk), std::nullopt) << junk;
}

}  // namespace
}  // namespace hoot::testing
