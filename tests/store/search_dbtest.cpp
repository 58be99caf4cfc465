// Search over a real database: ranking, the query language's filters, and the index staying in
// step with what the services (and raw SQL writers) do to hoots, comments and updates.

#include <gtest/gtest.h>

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "service/hoots.hpp"
#include "service/posts.hpp"
#include "service/search.hpp"
#include "store/store_fixture.hpp"

namespace hoot::testing {
namespace {

using service::EditCommand;

constexpr UnixSeconds kNow = 1'700'000'000;

class SearchTest : public StoreTest {
  protected:
    void SetUp() override {
        StoreTest::SetUp();
        const Clock clock = [this] { return now_++; };
        hoots_.emplace(stores(), clock);
        posts_.emplace(stores(), clock);
        search_.emplace(stores());
        alice_ = MakeUser("Alice", false);
        bob_ = MakeUser("bob", false);
        moderator_ = MakeUser("moderator", true);
    }

    User MakeUser(const std::string& name, bool is_admin) {
        service::NewUser user{name, "hash", is_admin, 1000};
        auto id = stores().users.Create(user);
        EXPECT_TRUE(id.ok());
        return id.ok() ? GetUser(*id) : User();
    }

    Hoot Ask(const User& author, const std::string& title, const std::string& body,
             std::vector<std::string> tags = {}) {
        auto hoot = hoots_->Ask({author.id, title, body, std::move(tags)});
        if (!hoot.ok()) {
            ADD_FAILURE() << hoot.error().message;
            return Hoot();
        }
        return *hoot;
    }

    Comment CommentOn(const Hoot& hoot, const User& author, const std::string& body) {
        auto comment = hoots_->AddComment(author.id, hoot.id, body);
        if (!comment.ok()) {
            ADD_FAILURE() << comment.error().message;
            return Comment();
        }
        return *comment;
    }

    service::SearchPage Find(const std::string& text, int page = 1, int page_size = 20) {
        auto result = search_->Search(text, page, page_size);
        if (!result.ok()) {
            ADD_FAILURE() << "search for [" << text << "] failed: " << result.error().detail;
            return {};
        }
        return *result;
    }

    // The hoot ids found, in order.
    std::vector<std::int64_t> Found(const std::string& text) {
        std::vector<std::int64_t> ids;
        for (const auto& hit : Find(text).hits) ids.push_back(hit.hoot.id.value);
        return ids;
    }

    UnixSeconds now_ = kNow;
    std::optional<service::HootService> hoots_;
    std::optional<service::PostService> posts_;
    std::optional<service::SearchService> search_;
    User alice_, bob_, moderator_;
};

using Ids = std::vector<std::int64_t>;

TEST_P(SearchTest, FindsWordsInTitleAndBodyStemmed) {
    Hoot a = Ask(alice_, "Sore glutes from running", "My legs hurt after long runs.");
    Ask(alice_, "Swimming technique", "Breathing every third stroke.");
    EXPECT_EQ(Found("glutes"), Ids{a.id.value});
    EXPECT_EQ(Found("run"), Ids{a.id.value});        // porter: running, runs
    EXPECT_EQ(Found("LEGS HURT"), Ids{a.id.value});  // case-insensitive, all words
    EXPECT_EQ(Found("legs stroke"), Ids{});          // every word must match in one post
    EXPECT_EQ(Found("nothing-like-this"), Ids{});
}

TEST_P(SearchTest, TitleMatchOutranksBodyMatch) {
    Hoot body_only = Ask(alice_, "A question about shoes",
                         "Which heron-friendly marsh boots should I buy for the heron walk?");
    Hoot in_title = Ask(alice_, "Heron spotting", "Where to see them near the lake.");
    Hoot neither = Ask(alice_, "Owls at dusk", "They hoot at night.");
    EXPECT_EQ(Found("heron"), (Ids{in_title.id.value, body_only.id.value}));
    (void)neither;
}

TEST_P(SearchTest, ExactPhrase) {
    Hoot a = Ask(alice_, "Birds", "The barn owl hunts at night.");
    Hoot b = Ask(alice_, "More birds", "An owl lives in the barn.");
    EXPECT_EQ(Found("\"barn owl\""), Ids{a.id.value});
    EXPECT_EQ(Found("barn owl").size(), 2u);
    (void)b;
}

TEST_P(SearchTest, ExcludedWordsLeaveOutTheWholeHoot) {
    Hoot a = Ask(alice_, "Owls at night", "They hoot.");
    Hoot b = Ask(alice_, "Owls in snow", "Snowy owls are white.");
    Hoot c = Ask(alice_, "Owls in the barn", "Quiet ones.");
    CommentOn(c, bob_, "I saw one in the snow once.");
    EXPECT_EQ(Found("owls -snow"), Ids{a.id.value});
    Ids without_phrase = Found("owls -\"snowy owls\"");
    std::sort(without_phrase.begin(), without_phrase.end());
    EXPECT_EQ(without_phrase, (Ids{a.id.value, c.id.value}));
    (void)b;
}

TEST_P(SearchTest, TagFilter) {
    Hoot a = Ask(alice_, "Knee pain", "After running.", {"running", "injury"});
    Hoot b = Ask(alice_, "Knee surgery", "Recovery time.", {"injury"});
    EXPECT_EQ(Found("knee tag:running"), Ids{a.id.value});
    EXPECT_EQ(Found("knee tag:injury").size(), 2u);
    EXPECT_EQ(Found("knee tag:injury tag:running"), Ids{a.id.value});
    EXPECT_EQ(Found("tag:injury"), (Ids{b.id.value, a.id.value}));  // filters alone: newest first
    EXPECT_EQ(Found("tag:nosuchtag"), Ids{});
}

// Searching by tags alone walks the newest hoots for a common tag and starts from a rare tag's
// few hoots (SQLite picks by the tags' counts): both find the same hoots, newest first, with
// deleted ones left out, whichever tag is named first. Pages go on where the last one stopped.
TEST_P(SearchTest, CommonAndRareTagsFindTheSameHootsEitherWay) {
    Ids common, rare, both;
    for (int i = 0; i < 12; ++i) {
        std::vector<std::string> tags = {"common"};
        if (i % 6 == 1) tags.push_back("rare");  // 3 hoots with the one below: 3² < 14 posts
        Hoot hoot = Ask(alice_, "Owl question " + std::to_string(i), "Body.", tags);
        common.insert(common.begin(), hoot.id.value);
        if (i % 6 == 1) both.insert(both.begin(), hoot.id.value);
    }
    rare = both;
    Hoot only_rare = Ask(bob_, "Heron question", "Body.", {"rare"});
    rare.insert(rare.begin(), only_rare.id.value);
    Hoot gone = Ask(bob_, "Deleted owl question", "Body.", {"common", "rare"});
    ASSERT_TRUE(posts_->Delete(bob_, ToPost(gone.id)).ok());

    EXPECT_EQ(Found("tag:common"), common);
    EXPECT_EQ(Found("tag:rare"), rare);
    EXPECT_EQ(Found("tag:rare tag:common"), both);
    EXPECT_EQ(Found("tag:common tag:rare"), both);
    EXPECT_EQ(Found("heron tag:rare"), Ids{only_rare.id.value});
    EXPECT_EQ(Found("owl tag:rare").size(), both.size());

    std::vector<std::int64_t> paged;
    for (int page = 1; page <= 3; ++page)
        for (const auto& hit : Find("tag:common", page, 5).hits) paged.push_back(hit.hoot.id.value);
    EXPECT_EQ(paged, common);
}

TEST_P(SearchTest, UserFilterIsCaseInsensitive) {
    Hoot a = Ask(alice_, "Owl pellets", "What is inside.");
    Hoot b = Ask(bob_, "Owl calls", "Recordings.");
    EXPECT_EQ(Found("owl user:alice"), Ids{a.id.value});
    EXPECT_EQ(Found("owl user:BOB"), Ids{b.id.value});
    EXPECT_EQ(Found("owl user:alice user:bob").size(), 2u);
    EXPECT_EQ(Found("owl user:nobody"), Ids{});
}

TEST_P(SearchTest, UnansweredFilter) {
    Hoot answered = Ask(alice_, "Owl question one", "Body.");
    Hoot open = Ask(alice_, "Owl question two", "Body.");
    CommentOn(answered, bob_, "An answer.");
    EXPECT_EQ(Found("owl is:unanswered"), Ids{open.id.value});
    EXPECT_EQ(Found("is:unanswered"), Ids{open.id.value});
}

TEST_P(SearchTest, CommentAndUpdateHitsShowTheirHoot) {
    Hoot hoot = Ask(alice_, "Sore glutes", "From running.");
    Comment comment = CommentOn(hoot, bob_, "Try foam rolling every evening.");
    auto update = posts_->AddUpdate(alice_, ToPost(hoot.id), "", "Physiotherapy helped a lot.");
    ASSERT_TRUE(update.ok());

    auto page = Find("foam rolling");
    ASSERT_EQ(page.hits.size(), 1u);
    EXPECT_EQ(page.hits[0].hoot.id, hoot.id);
    EXPECT_EQ(page.hits[0].match, SearchMatch::kComment);
    EXPECT_EQ(page.hits[0].post, ToPost(comment.id));
    EXPECT_EQ(page.hits[0].title_marked, "Sore glutes");
    EXPECT_NE(
        page.hits[0].snippet_marked.find(std::string(kMarkStart) + "foam" + std::string(kMarkEnd)),
        std::string::npos)
        << page.hits[0].snippet_marked;

    page = Find("physiotherapy");
    ASSERT_EQ(page.hits.size(), 1u);
    EXPECT_EQ(page.hits[0].match, SearchMatch::kUpdate);
    EXPECT_EQ(page.hits[0].post, ToPost(hoot.id));
}

TEST_P(SearchTest, OneHitPerHootMarkingTheTitleWhenItMatched) {
    Hoot hoot = Ask(alice_, "Heron nests", "Herons nest in colonies.");
    CommentOn(hoot, bob_, "I saw a heron today.");
    auto page = Find("heron");
    ASSERT_EQ(page.hits.size(), 1u);
    EXPECT_EQ(page.hits[0].match, SearchMatch::kHoot);
    EXPECT_EQ(page.hits[0].title_marked,
              std::string(kMarkStart) + "Heron" + std::string(kMarkEnd) + " nests");
}

// Text that looks like HTML is text: found by every word and shown as written, on both backends
// (PostgreSQL's parser would take `<script>` for a tag and drop it; see its migration 11).
TEST_P(SearchTest, AngleBracketsAreTextFoundAndShownAsWritten) {
    const std::string mark(kMarkStart), end(kMarkEnd);
    Ask(alice_, "Why <script>alert(1)</script> breaks",
        "Keep <style>shadows</style> and x<y apart.");
    auto page = Find("alert");
    ASSERT_EQ(page.hits.size(), 1u);
    EXPECT_EQ(page.hits[0].title_marked,
              "Why <script>" + mark + "alert" + end + "(1)</script> breaks");
    page = Find("shadows");
    ASSERT_EQ(page.hits.size(), 1u);
    EXPECT_NE(page.hits[0].snippet_marked.find("<style>" + mark + "shadows" + end + "</style>"),
              std::string::npos)
        << page.hits[0].snippet_marked;
    EXPECT_NE(page.hits[0].snippet_marked.find("x<y"), std::string::npos)
        << page.hits[0].snippet_marked;
    EXPECT_EQ(Found("script").size(), 1u);
    EXPECT_EQ(Found("\"y apart\"").size(), 1u);
}

// A phrase is marked where it occurs, as one span; its words elsewhere are not (FTS5's way;
// PostgreSQL's marks are redone to match, see store/postgres/phrase_marks.hpp).
TEST_P(SearchTest, APhraseIsMarkedAsOneSpanWhereItOccurs) {
    const std::string mark(kMarkStart), end(kMarkEnd);
    Ask(alice_, "Barn owls at night", "The barn owl hunts. An owl in the barn, barn owl!");
    auto page = Find("\"barn owl\"");
    ASSERT_EQ(page.hits.size(), 1u);
    EXPECT_EQ(page.hits[0].title_marked, mark + "Barn owls" + end + " at night");
    EXPECT_EQ(page.hits[0].snippet_marked, "The " + mark + "barn owl" + end +
                                               " hunts. An owl in the barn, " + mark + "barn owl" +
                                               end + "!");
    // With a word beside the phrase, each is a span of its own.
    page = Find("\"barn owl\" hunts");
    ASSERT_EQ(page.hits.size(), 1u);
    EXPECT_EQ(page.hits[0].snippet_marked, "The " + mark + "barn owl" + end + " " + mark + "hunts" +
                                               end + ". An owl in the barn, " + mark + "barn owl" +
                                               end + "!");
}

TEST_P(SearchTest, EditsReplaceTheIndexedText) {
    Hoot hoot = Ask(alice_, "Kestrel hovering", "How do they hold still?");
    Comment comment = CommentOn(hoot, bob_, "Wind speed matching.");
    ASSERT_TRUE(posts_
                    ->Edit(alice_, ToPost(hoot.id),
                           EditCommand{1, "Falcon hovering", "Hovering in place.", {}})
                    .ok());
    ASSERT_TRUE(
        posts_->Edit(bob_, ToPost(comment.id), EditCommand{1, "", "Headwind and wing shape.", {}})
            .ok());
    EXPECT_EQ(Found("kestrel"), Ids{});
    EXPECT_EQ(Found("still"), Ids{});
    EXPECT_EQ(Found("falcon"), Ids{hoot.id.value});
    EXPECT_EQ(Found("matching"), Ids{});
    EXPECT_EQ(Found("headwind"), Ids{hoot.id.value});
}

TEST_P(SearchTest, DeletedContentIsNeverFoundAndRestoredContentIsAgain) {
    Hoot hoot = Ask(alice_, "Osprey diving", "Feet first into the water.");
    Comment comment = CommentOn(hoot, bob_, "Talons like hooks.");
    ASSERT_TRUE(posts_->AddUpdate(bob_, ToPost(comment.id), "", "Barbed pads too.").ok());
    Hoot other = Ask(bob_, "Eagles", "Talons too.");

    ASSERT_TRUE(posts_->Delete(bob_, ToPost(comment.id)).ok());
    EXPECT_EQ(Found("talons"), Ids{other.id.value});
    EXPECT_EQ(Found("barbed"), Ids{});  // a deleted comment's updates go with it

    ASSERT_TRUE(posts_->Restore(moderator_, ToPost(comment.id)).ok());
    EXPECT_EQ(Found("talons").size(), 2u);
    EXPECT_EQ(Found("barbed"), Ids{hoot.id.value});

    ASSERT_TRUE(posts_->Delete(alice_, ToPost(hoot.id)).ok());
    EXPECT_EQ(Found("osprey"), Ids{});
    EXPECT_EQ(Found("talons"), Ids{other.id.value});  // nor anything in a deleted thread
    EXPECT_EQ(Found("barbed"), Ids{});

    ASSERT_TRUE(posts_->Restore(moderator_, ToPost(hoot.id)).ok());
    EXPECT_EQ(Found("osprey"), Ids{hoot.id.value});
}

// Writers other than the services (an importer, a console) keep the index right too.
TEST_P(SearchTest, RawSqlWritesAreIndexed) {
    User author = alice_;
    backend().Exec(
        "INSERT INTO posts(id, kind) VALUES (9001, 1);"
        "INSERT INTO hoots(id, author_id, title, slug, body_source, body_html, excerpt, "
        "created_at, updated_at) VALUES (9001, " +
        std::to_string(author.id.value) +
        ", 'Imported grebe', 'imported-grebe', 'Source text about dabbling', '', '', 5, 5);");
    EXPECT_EQ(Found("grebe"), Ids{9001});
    EXPECT_EQ(Found("dabbling"), Ids{9001});  // body_source stands in for a missing body_text
    backend().Exec("UPDATE hoots SET deleted_at = 6 WHERE id = 9001;");
    EXPECT_EQ(Found("grebe"), Ids{});
}

TEST_P(SearchTest, MalformedQueriesNeverFail) {
    Ask(alice_, "Owls at night", "NEAR the barn: they hoot (softly) * and ^ loudly.");
    for (const char* text : {"\"",
                             "\"owls",
                             "owls\"",
                             "-",
                             "--",
                             "tag:",
                             "user:",
                             "is:",
                             "*",
                             "^",
                             "owls*",
                             "NEAR(",
                             "NEAR(owls night)",
                             "owls:night",
                             "(",
                             ")",
                             "owls AND",
                             "OR owls",
                             "NOT",
                             "title:owls",
                             "{owls}",
                             "owls + night",
                             "\"\"\"\"",
                             "''",
                             "\\",
                             "owls;DROP TABLE hoots",
                             "\x01\x02",
                             "\xff\xfe",
                             "-\"",
                             "- - -",
                             "body:",
                             "^owls",
                             "owls NEAR/2 night",
                             ":"}) {
        auto result = search_->Search(text, 1, 20);
        EXPECT_TRUE(result.ok()) << "query [" << text
                                 << "]: " << (result.ok() ? "" : result.error().detail);
    }
    EXPECT_EQ(Find("NEAR(the").hits.size(), 1u);  // read literally: the phrase "near the"
    EXPECT_EQ(Find("(softly)").hits.size(), 1u);
    EXPECT_EQ(Find("owls OR nothing").hits.size(), 0u);  // OR is a word, and it is not there
}

TEST_P(SearchTest, PagesAreCappedAndSayWhetherMoreFollow) {
    for (int i = 0; i < 5; ++i) Ask(alice_, "Puffin " + std::to_string(i), "Puffins.");
    auto first = Find("puffin", 1, 2);
    EXPECT_EQ(first.hits.size(), 2u);
    EXPECT_TRUE(first.has_next);
    auto last = Find("puffin", 3, 2);
    EXPECT_EQ(last.hits.size(), 1u);
    EXPECT_FALSE(last.has_next);
    EXPECT_FALSE(search_->Search("puffin", 0, 20).ok());
    EXPECT_FALSE(search_->Search("puffin", service::kMaxSearchPage + 1, 20).ok());
    EXPECT_FALSE(search_->Search("puffin", 1, service::kMaxSearchPageSize + 1).ok());
}

TEST_P(SearchTest, SimilarTitlesShareAnyWordOfTheTitle) {
    Hoot kestrel = Ask(alice_, "How does a kestrel hover so still?", "Wind.");
    Hoot heron = Ask(alice_, "Where do herons nest?", "Colonies; a kestrel flew by.");
    Ask(alice_, "Swimming technique", "Breathing.");
    auto page = search_->Search("Why does the kestrel hover", 1, 5, true);
    ASSERT_TRUE(page.ok());
    ASSERT_EQ(page->hits.size(), 1u);  // titles only: the heron's body does not count
    EXPECT_EQ(page->hits[0].hoot.id, kestrel.id);
    EXPECT_EQ(Found("why does the kestrel hover"), Ids{});  // all words, in one post
    (void)heron;
}

// A long text shows the stretch around the match, saying with "…" that it was cut on both sides.
TEST_P(SearchTest, SnippetsShowTheMatchedStretchMarkedAndSayWhereTheyWereCut) {
    std::string body;
    for (int i = 0; i < 60; ++i) body += "before" + std::to_string(i) + " ";
    body += "the kingfisher dives";
    for (int i = 0; i < 60; ++i) body += " after" + std::to_string(i);
    Hoot hoot = Ask(alice_, "River birds", body);
    auto page = Find("kingfisher");
    ASSERT_EQ(page.hits.size(), 1u);
    const std::string& snippet = page.hits[0].snippet_marked;
    EXPECT_NE(snippet.find(std::string(kMarkStart) + "kingfisher" + std::string(kMarkEnd)),
              std::string::npos)
        << snippet;
    EXPECT_EQ(snippet.rfind("…", 0), 0u) << snippet;
    EXPECT_EQ(snippet.substr(snippet.size() - std::string("…").size()), "…") << snippet;
    EXPECT_LT(snippet.size(), body.size() / 2) << snippet;
    EXPECT_EQ(page.hits[0].title_marked, "River birds");
    (void)hoot;
}

TEST_P(SearchTest, EmptyQueryFindsNothing) {
    Ask(alice_, "Anything", "At all.");
    EXPECT_TRUE(Find("").hits.empty());
    EXPECT_TRUE(Find("  * ").hits.empty());
}

HOOT_STORE_SUITE(SearchTest);

}  // namespace
}  // namespace hoot::testing
