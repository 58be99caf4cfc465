// The Stack Exchange import through the ImportStore port, on both backends: a real dump from
// ../shared/data/stackexchange lands with the counts of its files, a second import updates in
// place, and a session that is not committed leaves nothing. (stackexchange_import_dbtest.cpp
// covers the SQLite store's bulk mode, schema and bytes in depth.)

#include <gtest/gtest.h>

#include <fstream>
#include <set>
#include <string>

#include "importer/stackexchange_import.hpp"
#include "service/import_store.hpp"
#include "store/store_fixture.hpp"
#include "support/test_support.hpp"

namespace hoot::testing {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view kSite = "conlang.meta.stackexchange.com";

fs::path Dump() { return SharedDir() / "data" / "stackexchange" / std::string(kSite); }

// The raw value of attribute `name` in one line of a dump (one <row> a line).
std::string Attr(const std::string& line, const std::string& name) {
    const std::string key = " " + name + "=\"";
    auto at = line.find(key);
    if (at == std::string::npos) return "";
    at += key.size();
    return line.substr(at, line.find('"', at) - at);
}

// Questions and the answers to them, counted from Posts.xml with a plain scan.
struct Expected {
    std::int64_t questions = 0, answers = 0;
};

Expected Scan() {
    std::ifstream in(Dump() / "Posts.xml");
    std::vector<std::string> rows;
    std::set<std::string> questions;
    for (std::string line; std::getline(in, line);) {
        if (line.find("<row ") == std::string::npos) continue;
        rows.push_back(line);
        if (Attr(line, "PostTypeId") == "1") questions.insert(Attr(line, "Id"));
    }
    Expected e;
    e.questions = static_cast<std::int64_t>(questions.size());
    for (const auto& row : rows)
        e.answers += Attr(row, "PostTypeId") == "2" && questions.count(Attr(row, "ParentId"));
    return e;
}

class ImportStoreTest : public StoreTest {
  protected:
    Result<importer::ImportReport> Import() {
        importer::ImportOptions options{Dump(), std::string(kSite), nullptr};
        return importer::ImportStackExchange(stores().imports, options);
    }

    std::vector<HootSummary> AllHoots() {
        auto hoots = stores().hoots.Latest(std::nullopt, 100000);
        EXPECT_TRUE(hoots.ok());
        return hoots.ok() ? *hoots : std::vector<HootSummary>();
    }

    std::int64_t Users() {
        auto count = stores().users.Count();
        EXPECT_TRUE(count.ok());
        return count.ok() ? *count : -1;
    }
};
HOOT_STORE_SUITE(ImportStoreTest);

TEST_P(ImportStoreTest, ADumpLandsWithTheCountsOfItsFilesAndItsOrigin) {
    auto report = Import();
    ASSERT_TRUE(report.ok()) << report.error().detail;
    const Expected expected = Scan();
    auto hoots = AllHoots();
    EXPECT_EQ(static_cast<std::int64_t>(hoots.size()), expected.questions);
    std::int64_t answers = 0;
    for (const auto& hoot : hoots) answers += hoot.comment_count;
    EXPECT_EQ(answers, expected.answers);
    EXPECT_GT(Users(), 0);

    ASSERT_FALSE(hoots.empty());
    auto origin = stores().imports.Origin(hoots.front().id);
    ASSERT_TRUE(origin.ok()) << origin.error().detail;
    ASSERT_TRUE(origin->has_value());
    EXPECT_EQ((*origin)->site, kSite);
    EXPECT_GT((*origin)->question_source_id, 0);
    ASSERT_FALSE((*origin)->credits.empty());
    EXPECT_NE((*origin)->credits.front().license.find("CC BY-SA"), std::string::npos);

    // Every hoot and answer has its revisions from number 1, and the thread reads back.
    auto thread = stores().hoots.Find(hoots.front().id, false);
    ASSERT_TRUE(thread.ok() && thread->has_value());
    EXPECT_GE((*thread)->revision, 1);
    auto revisions = stores().posts.Revisions(ToPost(hoots.front().id));
    ASSERT_TRUE(revisions.ok());
    EXPECT_EQ(static_cast<int>(revisions->size()), (*thread)->revision);
}

TEST_P(ImportStoreTest, ImportingAgainUpdatesInPlace) {
    ASSERT_TRUE(Import().ok());
    const auto first = AllHoots();
    const std::int64_t users = Users();
    auto again = Import();
    ASSERT_TRUE(again.ok()) << again.error().detail;
    const auto second = AllHoots();
    ASSERT_EQ(second.size(), first.size());
    for (std::size_t i = 0; i < first.size(); ++i) {
        EXPECT_EQ(second[i].id, first[i].id);
        EXPECT_EQ(second[i].title, first[i].title);
        EXPECT_EQ(second[i].comment_count, first[i].comment_count);
        EXPECT_EQ(second[i].reactions.positive, first[i].reactions.positive);
        EXPECT_EQ(second[i].reactions.negative, first[i].reactions.negative);
        EXPECT_EQ(second[i].tags, first[i].tags);
    }
    EXPECT_EQ(Users(), users);
}

TEST_P(ImportStoreTest, ASessionNotCommittedLeavesNothing) {
    const std::int64_t users = Users();
    {
        auto session = stores().imports.Begin(kSite, 10);
        ASSERT_TRUE(session.ok()) << session.error().detail;
        service::ImportedUser user;
        user.source_id = 7;
        user.username = "7@" + std::string(kSite);
        user.display_name = "Seven";
        auto id = (*session)->PutUser(user);
        ASSERT_TRUE(id.ok()) << id.error().detail;
        service::ImportedPost post;
        post.source_id = 70;
        post.is_question = true;
        post.author = *id;
        post.author_name = "Seven";
        post.title = "An uncommitted question";
        post.slug = "an-uncommitted-question";
        post.body_source = post.body_html = post.body_text = "Gone with the rollback.";
        post.license = "CC BY-SA 4.0";
        ASSERT_TRUE((*session)->PutPost(post).ok());
        ASSERT_TRUE((*session)->Finish().ok());
    }
    EXPECT_EQ(Users(), users);
    EXPECT_TRUE(AllHoots().empty());
}

// The importer reads PostHistory before Posts.xml: revisions are written for reserved posts, each
// post is then written with its latest revision's text, and a reserved post that never came
// (history of a deleted post) is dropped with its revisions, while dropping a written one does
// nothing.
TEST_P(ImportStoreTest, HistoryBeforeItsPostsGivesEachPostItsLatestText) {
    HootId hoot;
    {
        auto session = stores().imports.Begin(kSite, 10);
        ASSERT_TRUE(session.ok()) << session.error().detail;
        auto& s = **session;
        service::ImportedUser user;
        user.source_id = 7;
        user.username = "7@" + std::string(kSite);
        user.display_name = "Seven";
        auto author = s.PutUser(user);
        ASSERT_TRUE(author.ok()) << author.error().detail;
        auto reserved = s.ReservePost(70);
        auto orphan = s.ReservePost(71);
        ASSERT_TRUE(reserved.ok() && orphan.ok());
        EXPECT_NE(reserved->value, orphan->value);
        for (int number : {1, 2})
            ASSERT_TRUE(s.PutRevision({*reserved, number, *author, 1000 + number,
                                       "Question " + std::to_string(number), "beer",
                                       "Markdown " + std::to_string(number)})
                            .ok());
        ASSERT_TRUE(s.PutRevision({*orphan, 1, *author, 1000, "", "", "Never posted"}).ok());
        service::ImportedPost post;
        post.source_id = 70;
        post.reserved = *reserved;
        post.latest_revision = 2;
        post.write_first_revision = false;
        post.is_question = true;
        post.author = *author;
        post.author_name = "Seven";
        post.title = "Question 2";
        post.slug = "question-2";
        post.tags = {"beer"};
        post.body_source = post.body_text = "Converted from HTML";
        post.body_html = "<p>Converted from HTML</p>";
        post.license = "CC BY-SA 4.0";
        auto put = s.PutPost(post);
        ASSERT_TRUE(put.ok()) << put.error().detail;
        EXPECT_EQ(put->value, reserved->value);
        ASSERT_TRUE(s.DropPost(*orphan).ok());
        ASSERT_TRUE(s.DropPost(*reserved).ok());  // written: left alone
        ASSERT_TRUE(s.Finish().ok());
        ASSERT_TRUE(s.Commit().ok());
        hoot = HootId(put->value);
        auto gone = stores().posts.Revisions(*orphan);
        ASSERT_TRUE(gone.ok());
        EXPECT_TRUE(gone->empty());
    }
    auto found = stores().hoots.Find(hoot);
    ASSERT_TRUE(found.ok() && *found);
    EXPECT_EQ((*found)->body_source, "Markdown 2");
    EXPECT_EQ((*found)->revision, 2);
    auto revisions = stores().posts.Revisions(ToPost(hoot));
    ASSERT_TRUE(revisions.ok());
    ASSERT_EQ(revisions->size(), 2u);
}

TEST_P(ImportStoreTest, ImportedTextIsSearchable) {
    ASSERT_TRUE(Import().ok());
    const auto hoots = AllHoots();
    ASSERT_FALSE(hoots.empty());
    // A word of the newest question's title finds it.
    std::string word;
    for (char c : hoots.front().title) {
        if (std::isalpha(static_cast<unsigned char>(c))) {
            word += c;
        } else if (word.size() >= 5) {
            break;
        } else {
            word.clear();
        }
    }
    ASSERT_GE(word.size(), 5u) << hoots.front().title;
    SearchQuery query;
    query.words = {word};
    auto hits = stores().search.Search(query, 0, 1000);
    ASSERT_TRUE(hits.ok()) << hits.error().detail;
    bool found = false;
    for (const auto& hit : *hits) found |= hit.hoot.id == hoots.front().id;
    EXPECT_TRUE(found) << word;
}

TEST_P(ImportStoreTest, FailuresComeBackAsErrors) {
    backend().BreakSchema();
    EXPECT_FALSE(Import().ok());
    EXPECT_FALSE(stores().imports.Origin(HootId(1)).ok());
}

}  // namespace
}  // namespace hoot::testing
