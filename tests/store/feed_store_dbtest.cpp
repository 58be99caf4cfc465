// The feed orders (Hot, Top, Unanswered, by tag), their keyset paging, the maintained tag counts,
// a person's comments and the password change, on a real database.

#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "domain/ranking.hpp"
#include "store/store_fixture.hpp"

namespace hoot::testing {
namespace {

constexpr UnixSeconds kNow = 10'000'000;
constexpr UnixSeconds kHour = 3600;

class FeedStoreTest : public StoreTest {
  protected:
    void SetReactions(HootId id, int positive, int negative) {
        backend().Exec("UPDATE hoots SET positive = " + std::to_string(positive) + ", negative = " +
                       std::to_string(negative) + " WHERE id = " + std::to_string(id.value));
    }

    // Every page of `query` from the first on, `page_size` at a time, with the cursor of each
    // page's last row as the service makes it.
    std::vector<service::FeedRow> Walk(service::FeedQuery query, int page_size) {
        std::vector<service::FeedRow> all;
        query.limit = page_size;
        for (int pages = 0; pages < 1000; ++pages) {
            auto page = stores().hoots.Feed(query);
            if (!page.ok()) {
                ADD_FAILURE() << page.error().detail;
                return all;
            }
            EXPECT_LE(static_cast<int>(page->size()), page_size);
            if (page->empty()) return all;
            all.insert(all.end(), page->begin(), page->end());
            query.has_cursor = true;
            query.rank = page->back().rank;
            query.key = page->back().key;
            query.id = page->back().hoot.id.value;
        }
        ADD_FAILURE() << "paging did not end";
        return all;
    }
};
HOOT_STORE_SUITE(FeedStoreTest);

std::vector<std::int64_t> IdsOf(const std::vector<service::FeedRow>& rows) {
    std::vector<std::int64_t> ids;
    for (const auto& row : rows) ids.push_back(row.hoot.id.value);
    return ids;
}

service::FeedQuery Query(FeedOrder order, UnixSeconds now = kNow) {
    service::FeedQuery query;
    query.order = order;
    query.now = now;
    return query;
}

TEST_P(FeedStoreTest, HotRanksAsTheDomainFormulaAndPagesThroughEveryHootOnce) {
    UserId author = AddUser("alice");
    UserId reader = AddUser("bob");
    struct Made {
        HootId id;
        UnixSeconds created_at;
        int positive, negative, comments;
    };
    // Old-and-popular against new-and-quiet, ties in points, a downvoted one, one per hour.
    const int shape[][3] = {{0, 0, 0}, {5, 0, 2}, {1, 3, 0}, {0, 0, 1}, {20, 1, 4},
                            {2, 0, 0}, {0, 0, 0}, {3, 1, 1}, {0, 0, 0}, {9, 0, 0}};
    std::vector<Made> made;
    for (int i = 0; i < 10; ++i) {
        const UnixSeconds at = kNow - (10 - i) * 5 * kHour;
        HootId id = AddHoot(author, at, "Hoot " + std::to_string(i));
        SetReactions(id, shape[i][0], shape[i][1]);
        for (int c = 0; c < shape[i][2]; ++c) AddComment(id, reader, at + 60 + c);
        made.push_back({id, at, shape[i][0], shape[i][1], shape[i][2]});
    }
    std::sort(made.begin(), made.end(), [](const Made& a, const Made& b) {
        const double ra =
            HotRank(HotPoints(a.positive, a.negative, a.comments), a.created_at, kNow);
        const double rb =
            HotRank(HotPoints(b.positive, b.negative, b.comments), b.created_at, kNow);
        return ra != rb ? ra > rb : a.id.value > b.id.value;
    });
    std::vector<std::int64_t> expected;
    for (const auto& m : made) expected.push_back(m.id.value);

    auto rows = Walk(Query(FeedOrder::kHot), 3);
    EXPECT_EQ(IdsOf(rows), expected);
    for (std::size_t i = 0; i < rows.size() && i < made.size(); ++i) {
        const Made& m = made[i];
        EXPECT_NEAR(rows[i].rank,
                    HotRank(HotPoints(m.positive, m.negative, m.comments), m.created_at, kNow),
                    1e-9);
    }
}

// Hot reads a window of recent hoots and widens it only as far as an older hoot could still
// rank; this site spreads hoots over years, with a few old ones popular enough to beat every
// recent one and a quiet recent stretch, so the page must come out as the unbounded formula says.
TEST_P(FeedStoreTest, HotOverYearsMatchesTheFormulaWhateverTheAgeOfTheBestHoots) {
    UserId author = AddUser("alice");
    struct Made {
        HootId id;
        UnixSeconds created_at;
        int positive;
    };
    std::vector<Made> made;
    constexpr UnixSeconds kNowHere = 400'000'000;
    // Ages from minutes to about ten years, growing geometrically; none within the last day for
    // the quiet stretch; every 9th hoot very popular.
    double age = 60;
    for (int i = 0; i < 60; ++i, age *= 1.3) {
        if (age > 3600 && age < 30 * 3600) continue;
        const UnixSeconds at = kNowHere - static_cast<UnixSeconds>(age);
        const int positive = i % 9 == 0 ? 5000 + i : i % 4;
        HootId id = AddHoot(author, at, "Hoot " + std::to_string(i));
        SetReactions(id, positive, 0);
        made.push_back({id, at, positive});
    }
    auto rank_of = [&](const Made& m) {
        return HotRank(HotPoints(m.positive, 0, 0), m.created_at, kNowHere);
    };
    std::sort(made.begin(), made.end(), [&](const Made& a, const Made& b) {
        return rank_of(a) != rank_of(b) ? rank_of(a) > rank_of(b) : a.id.value > b.id.value;
    });
    std::vector<std::int64_t> expected;
    for (const auto& m : made) expected.push_back(m.id.value);
    for (int page_size : {1, 4, 7, 100}) {
        SCOPED_TRACE("page size " + std::to_string(page_size));
        EXPECT_EQ(IdsOf(Walk(Query(FeedOrder::kHot, kNowHere), page_size)), expected);
    }
}

// A quiet site (an imported community: no hoot in years): Hot is bounded by points instead of
// age. Points from heavily down-voted to very popular, ages spread over six years, ties, a tag
// and a deleted popular hoot; every page size and the tagged feed come out as the formula says.
TEST_P(FeedStoreTest, HotOnASiteWhoseHootsAreAllOldMatchesTheFormula) {
    UserId author = AddUser("alice");
    struct Made {
        HootId id;
        UnixSeconds created_at;
        int points;  // positive - negative
        bool tagged;
    };
    constexpr UnixSeconds kNowHere = 400'000'000;
    constexpr UnixSeconds kYear = 365 * 24 * kHour;
    std::vector<Made> made;
    for (int i = 0; i < 70; ++i) {
        const UnixSeconds at = kNowHere - 4 * kYear - (i * 7919 % 70) * (kYear / 12);
        const int positive = i % 11 == 0 ? 3000 + i : i % 7 == 0 ? 40 : (i * 13) % 9;
        const int negative = i % 5 == 0 ? 20 : 0;
        const bool tagged = i % 3 == 0;
        HootId id = AddHoot(author, at, "Hoot " + std::to_string(i),
                            tagged ? std::vector<std::string>{"owls"} : std::vector<std::string>{});
        SetReactions(id, positive, negative);
        made.push_back({id, at, positive - negative, tagged});
    }
    HootId gone = AddHoot(author, kNowHere - 5 * kYear, "Deleted", {"owls"});
    SetReactions(gone, 100000, 0);
    backend().Exec("UPDATE hoots SET deleted_at = 1 WHERE id = " + std::to_string(gone.value));

    auto rank_of = [&](const Made& m) {
        return HotRank(HotPoints(m.points, 0, 0), m.created_at, kNowHere);
    };
    std::sort(made.begin(), made.end(), [&](const Made& a, const Made& b) {
        return rank_of(a) != rank_of(b) ? rank_of(a) > rank_of(b) : a.id.value > b.id.value;
    });
    std::vector<std::int64_t> expected, expected_tagged;
    for (const auto& m : made) {
        expected.push_back(m.id.value);
        if (m.tagged) expected_tagged.push_back(m.id.value);
    }
    for (int page_size : {1, 4, 7, 100}) {
        SCOPED_TRACE("page size " + std::to_string(page_size));
        EXPECT_EQ(IdsOf(Walk(Query(FeedOrder::kHot, kNowHere), page_size)), expected);
        auto tagged = Query(FeedOrder::kHot, kNowHere);
        tagged.tag = "owls";
        EXPECT_EQ(IdsOf(Walk(tagged, page_size)), expected_tagged);
    }
}

// A tag's feed is the whole feed with only that tag's hoots kept, in every order, whether the tag
// is common (SQLite walks the order's index and checks each hoot) or rare (it starts from the
// tag's own hoots): 3² is under the 30 posts here, 27² is not.
TEST_P(FeedStoreTest, ATagFeedIsTheWholeFeedKeepingThatTagsHootsWhetherCommonOrRare) {
    UserId author = AddUser("alice");
    std::set<std::int64_t> common, rare;
    for (int i = 0; i < 30; ++i) {
        std::vector<std::string> tags;
        if (i % 10 != 3) tags.push_back("common");
        if (i % 10 == 7) tags.push_back("rare");
        HootId id =
            AddHoot(author, kNow - (i * 7 % 30) * kHour - i, "Hoot " + std::to_string(i), tags);
        SetReactions(id, i * 5 % 11, i % 4);
        if (i % 3 == 0) AddComment(id, author, kNow - kHour);
        if (i % 10 != 3) common.insert(id.value);
        if (i % 10 == 7) rare.insert(id.value);
    }
    for (FeedOrder order :
         {FeedOrder::kLatest, FeedOrder::kTop, FeedOrder::kUnanswered, FeedOrder::kHot}) {
        SCOPED_TRACE("order " + std::to_string(static_cast<int>(order)));
        const auto everything = IdsOf(Walk(Query(order), 100));
        for (const auto& [tag, members] : {std::pair{"common", common}, std::pair{"rare", rare}}) {
            std::vector<std::int64_t> expected;
            for (auto id : everything)
                if (members.contains(id)) expected.push_back(id);
            for (int page_size : {1, 4}) {
                auto query = Query(order);
                query.tag = tag;
                EXPECT_EQ(IdsOf(Walk(query, page_size)), expected) << tag << " by " << page_size;
            }
        }
    }
}

TEST_P(FeedStoreTest, HotLeavesOutHootsPostedAfterItsMomentAndDeletedOnes) {
    UserId author = AddUser("alice");
    HootId before = AddHoot(author, kNow - kHour);
    HootId deleted = AddHoot(author, kNow - kHour);
    AddHoot(author, kNow + 10);  // posted while the reader was paging
    backend().Exec("UPDATE hoots SET deleted_at = 1 WHERE id = " + std::to_string(deleted.value));
    EXPECT_EQ(IdsOf(Walk(Query(FeedOrder::kHot), 5)), std::vector<std::int64_t>{before.value});
}

TEST_P(FeedStoreTest, TopOrdersByNetScoreWithinThePeriodAndPagesThroughTies) {
    UserId author = AddUser("alice");
    HootId old_best = AddHoot(author, kNow - 40 * 86400);
    SetReactions(old_best, 50, 0);
    HootId a = AddHoot(author, kNow - 3 * 86400);
    SetReactions(a, 4, 1);  // 3
    HootId b = AddHoot(author, kNow - 2 * 86400);
    SetReactions(b, 3, 0);  // 3: a tie with a, higher id first
    HootId c = AddHoot(author, kNow - 86400);
    SetReactions(c, 0, 2);  // -2
    HootId d = AddHoot(author, kNow - 60);
    SetReactions(d, 7, 0);  // 7

    auto week = Query(FeedOrder::kTop);
    week.since = TopPeriodStart(TopPeriod::kWeek, kNow);
    EXPECT_EQ(IdsOf(Walk(week, 1)),
              (std::vector<std::int64_t>{d.value, b.value, a.value, c.value}));
    auto all = Query(FeedOrder::kTop);
    all.since = TopPeriodStart(TopPeriod::kAll, kNow);
    EXPECT_EQ(IdsOf(Walk(all, 2)),
              (std::vector<std::int64_t>{old_best.value, d.value, b.value, a.value, c.value}));
}

TEST_P(FeedStoreTest, UnansweredIsNewestFirstWithoutCommentedOrDeletedHoots) {
    UserId author = AddUser("alice");
    HootId first = AddHoot(author, 100);
    HootId answered = AddHoot(author, 200);
    HootId deleted = AddHoot(author, 300);
    HootId last = AddHoot(author, 400);
    AddComment(answered, author, 250);
    backend().Exec("UPDATE hoots SET deleted_at = 1 WHERE id = " + std::to_string(deleted.value));
    EXPECT_EQ(IdsOf(Walk(Query(FeedOrder::kUnanswered), 1)),
              (std::vector<std::int64_t>{last.value, first.value}));
}

TEST_P(FeedStoreTest, EveryOrderFiltersByTag) {
    UserId author = AddUser("alice");
    HootId running = AddHoot(author, kNow - 100, "Run", {"running", "knees"});
    AddHoot(author, kNow - 50, "Swim", {"swimming"});
    HootId also = AddHoot(author, kNow - 10, "Run more", {"running"});
    for (auto order :
         {FeedOrder::kLatest, FeedOrder::kHot, FeedOrder::kTop, FeedOrder::kUnanswered}) {
        SCOPED_TRACE(FeedOrderKey(order));
        auto query = Query(order);
        query.tag = "running";
        EXPECT_EQ(IdsOf(Walk(query, 1)), (std::vector<std::int64_t>{also.value, running.value}));
    }
}

TEST_P(FeedStoreTest, TagCountsFollowPostingRetaggingDeletingAndRestoring) {
    UserId author = AddUser("alice");
    HootId one = AddHoot(author, 100, "One", {"owls", "night"});
    AddHoot(author, 200, "Two", {"owls"});
    auto counts = [&] {
        std::vector<std::pair<std::string, std::int64_t>> out;
        auto tags = stores().hoots.Tags(100);
        EXPECT_TRUE(tags.ok());
        if (tags.ok())
            for (const auto& t : *tags) out.emplace_back(t.tag, t.count);
        return out;
    };
    using Counts = std::vector<std::pair<std::string, std::int64_t>>;
    EXPECT_EQ(counts(), (Counts{{"owls", 2}, {"night", 1}}));

    service::PostEdit edit;
    edit.post = ToPost(one);
    edit.editor = author;
    edit.base_revision = 1;
    edit.title = "One";
    edit.slug = "one";
    edit.body_source = "Body";
    edit.body_html = "<p>Body</p>";
    edit.excerpt = "Body";
    edit.tags = {"night", "stars"};
    edit.edited_at = 300;
    ASSERT_TRUE(stores().posts.Edit(edit).ok());
    EXPECT_EQ(counts(), (Counts{{"night", 1}, {"owls", 1}, {"stars", 1}}));

    ASSERT_TRUE(stores().posts.SetDeleted(ToPost(one), true, 400).ok());
    EXPECT_EQ(counts(), (Counts{{"owls", 1}}));
    ASSERT_TRUE(stores().posts.SetDeleted(ToPost(one), false, 500).ok());
    EXPECT_EQ(counts(), (Counts{{"night", 1}, {"owls", 1}, {"stars", 1}}));
}

TEST_P(FeedStoreTest, TagsCarryTheExcerptAnImportedSiteGaveThem) {
    UserId author = AddUser("alice");
    AddHoot(author, 100, "One", {"hops", "yeast"});
    AddHoot(author, 200, "Two", {"hops"});
    {
        auto session = stores().imports.Begin("beer.stackexchange.com", 1);
        ASSERT_TRUE(session.ok()) << session.error().detail;
        ASSERT_TRUE((*session)->PutTagExcerpt("hops", "Flowers that bitter beer.").ok());
        ASSERT_TRUE((*session)->PutTagExcerpt("malt", "Germinated grain.").ok());
        ASSERT_TRUE((*session)->Finish().ok());
        ASSERT_TRUE((*session)->Commit().ok());
    }
    {
        // A second site describing the same tag: the first site by name is the one shown.
        auto session = stores().imports.Begin("alcohol.stackexchange.com", 1);
        ASSERT_TRUE(session.ok()) << session.error().detail;
        ASSERT_TRUE((*session)->PutTagExcerpt("hops", "The cone of Humulus lupulus.").ok());
        ASSERT_TRUE((*session)->Finish().ok());
        ASSERT_TRUE((*session)->Commit().ok());
    }
    auto tags = stores().hoots.Tags(100);
    ASSERT_TRUE(tags.ok()) << tags.error().detail;
    ASSERT_EQ(tags->size(), 2u);  // one entry per tag, and "malt" carries no hoot
    EXPECT_EQ((*tags)[0].tag, "hops");
    EXPECT_EQ((*tags)[0].count, 2);
    EXPECT_EQ((*tags)[0].excerpt, "The cone of Humulus lupulus.");
    EXPECT_EQ((*tags)[0].excerpt_site, "alcohol.stackexchange.com");
    EXPECT_EQ((*tags)[1].tag, "yeast");
    EXPECT_EQ((*tags)[1].excerpt, "");

    auto malt = stores().hoots.Tag("malt");
    ASSERT_TRUE(malt.ok()) << malt.error().detail;
    EXPECT_EQ(malt->count, 0);
    EXPECT_EQ(malt->excerpt, "Germinated grain.");
    EXPECT_EQ(malt->excerpt_site, "beer.stackexchange.com");
    auto yeast = stores().hoots.Tag("yeast");
    ASSERT_TRUE(yeast.ok()) << yeast.error().detail;
    EXPECT_EQ(yeast->count, 1);
    EXPECT_EQ(yeast->excerpt, "");
    auto unknown = stores().hoots.Tag("never-used");
    ASSERT_TRUE(unknown.ok()) << unknown.error().detail;
    EXPECT_EQ(unknown->count, 0);
}

TEST_P(FeedStoreTest, CommentsByAuthorPageNewestFirstAndSkipDeleted) {
    UserId author = AddUser("alice");
    UserId commenter = AddUser("bob");
    HootId hoot = AddHoot(author, 10, "Where owls sleep");
    std::vector<CommentId> made;
    for (int i = 0; i < 5; ++i)
        made.push_back(AddComment(hoot, commenter, 100 + i, "c" + std::to_string(i)));
    AddComment(hoot, author, 200);  // someone else's
    ASSERT_TRUE(stores().posts.SetDeleted(ToPost(made[2]), true, 300).ok());

    std::vector<std::int64_t> seen;
    std::optional<service::TimeCursor> after;
    for (int pages = 0; pages < 10; ++pages) {
        auto page = stores().comments.ByAuthor(commenter, after, 2);
        ASSERT_TRUE(page.ok()) << page.error().detail;
        if (page->empty()) break;
        for (const auto& c : *page) {
            seen.push_back(c.id.value);
            EXPECT_EQ(c.hoot, hoot);
            EXPECT_EQ(c.hoot_title, "Where owls sleep");
        }
        after = service::TimeCursor{page->back().created_at, page->back().id.value};
    }
    EXPECT_EQ(seen, (std::vector<std::int64_t>{made[4].value, made[3].value, made[1].value,
                                               made[0].value}));
}

TEST_P(FeedStoreTest, ChangePasswordEndsEveryOtherSessionOfThatUserOnly) {
    UserId alice = AddUser("alice");
    UserId bob = AddUser("bob");
    ASSERT_TRUE(stores().sessions.Create("keep", alice, 1, kNow).ok());
    ASSERT_TRUE(stores().sessions.Create("other", alice, 1, kNow).ok());
    ASSERT_TRUE(stores().sessions.Create("bobs", bob, 1, kNow).ok());
    ASSERT_TRUE(stores().users.ChangePassword(alice, "new-hash", "keep").ok());
    auto found = [&](const char* token) {
        auto user = stores().sessions.Find(token, 2);
        EXPECT_TRUE(user.ok());
        return user.ok() && user->has_value();
    };
    EXPECT_TRUE(found("keep"));
    EXPECT_FALSE(found("other"));
    EXPECT_TRUE(found("bobs"));
    auto credentials = stores().users.FindCredentials("alice");
    ASSERT_TRUE(credentials.ok() && credentials->has_value());
    EXPECT_EQ((*credentials)->password_hash, "new-hash");
    EXPECT_EQ(stores().users.ChangePassword(UserId(9999), "x", "").error().code, Errc::kNotFound);
}

}  // namespace
}  // namespace hoot::testing
