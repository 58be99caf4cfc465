#include <gtest/gtest.h>

#include <algorithm>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "store/store_fixture.hpp"

namespace hoot::testing {
namespace {

class HootStoreTest : public StoreTest {
  protected:
    // Walks a feed page by page, `page_size` at a time, with the cursor of each page's last row;
    // fails the test on an error or when the walk does not end.
    template <typename Fetch>
    std::vector<HootSummary> WalkAllPages(Fetch fetch, int page_size) {
        std::vector<HootSummary> all;
        std::optional<service::TimeCursor> after;
        for (int pages = 0; pages < 1000; ++pages) {
            auto page = fetch(after, page_size);
            if (!page.ok()) {
                ADD_FAILURE() << page.error().detail;
                return all;
            }
            EXPECT_LE(static_cast<int>(page->size()), page_size);
            if (page->empty()) return all;
            all.insert(all.end(), page->begin(), page->end());
            after = service::TimeCursor{page->back().created_at, page->back().id.value};
        }
        ADD_FAILURE() << "paging did not end";
        return all;
    }
};
HOOT_STORE_SUITE(HootStoreTest);

std::vector<std::int64_t> IdsOf(const std::vector<HootSummary>& hoots) {
    std::vector<std::int64_t> ids;
    for (const auto& h : hoots) ids.push_back(h.id.value);
    return ids;
}

TEST_P(HootStoreTest, CreateWithTagsThenFind) {
    UserId author = AddUser("alice");
    ASSERT_TRUE(
        stores().users.UpdateProfile(author, service::ProfileUpdate{"Alice A.", "", ""}).ok());
    service::NewHoot hoot{author,
                          "Why do owls hoot?",
                          "why-do-owls-hoot",
                          "They *talk*.",
                          "<p>They <em>talk</em>.</p>",
                          "They talk.",
                          {"owls", "c++", "night-birds"},
                          5000};
    auto id = stores().hoots.Create(hoot);
    ASSERT_TRUE(id.ok()) << id.error().detail;

    Hoot found = GetHoot(*id);
    EXPECT_EQ(found.id, *id);
    EXPECT_EQ(found.title, "Why do owls hoot?");
    EXPECT_EQ(found.slug, "why-do-owls-hoot");
    EXPECT_EQ(found.body_source, "They *talk*.");
    EXPECT_EQ(found.body_html, "<p>They <em>talk</em>.</p>");
    EXPECT_EQ(found.tags, (std::vector<std::string>{"owls", "c++", "night-birds"}));
    EXPECT_EQ(found.created_at, 5000);
    EXPECT_EQ(found.updated_at, 5000);
    EXPECT_EQ(found.comment_count, 0);
    EXPECT_EQ(found.reactions.positive, 0);
    EXPECT_EQ(found.reactions.negative, 0);
    EXPECT_EQ(found.author.id, author);
    EXPECT_EQ(found.author.username, "alice");
    EXPECT_EQ(found.author.display_name, "Alice A.");

    auto latest = stores().hoots.Latest(std::nullopt, 10);
    ASSERT_TRUE(latest.ok());
    ASSERT_EQ(latest->size(), 1u);
    const HootSummary& summary = latest->front();
    EXPECT_EQ(summary.id, *id);
    EXPECT_EQ(summary.excerpt, "They talk.");
    EXPECT_EQ(summary.tags, found.tags);
    EXPECT_EQ(summary.author.display_name, "Alice A.");
}

TEST_P(HootStoreTest, AuthorWithoutDisplayNameIsShownByUsername) {
    UserId author = AddUser("bob");
    HootId id = AddHoot(author, 10);
    EXPECT_EQ(GetHoot(id).author.display_name, "bob");
    auto latest = stores().hoots.Latest(std::nullopt, 10);
    ASSERT_TRUE(latest.ok());
    ASSERT_EQ(latest->size(), 1u);
    EXPECT_EQ(latest->front().author.display_name, "bob");
}

TEST_P(HootStoreTest, HootWithoutTagsHasNone) {
    HootId id = AddHoot(AddUser("alice"), 10, "Untagged", {});
    EXPECT_TRUE(GetHoot(id).tags.empty());
}

TEST_P(HootStoreTest, UnknownOrDeletedHootIsNotFound) {
    UserId author = AddUser("alice");
    HootId kept = AddHoot(author, 10, "Kept");
    HootId deleted = AddHoot(author, 20, "Deleted");
    backend().Exec("UPDATE hoots SET deleted_at = 30 WHERE id = " + std::to_string(deleted.value));

    struct Case {
        const char* name;
        HootId id;
        bool found;
    };
    const Case cases[] = {
        {"live", kept, true},
        {"deleted", deleted, false},
        {"unknown", HootId(999999), false},
        {"zero", HootId(0), false},
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(c.name);
        auto found = stores().hoots.Find(c.id);
        ASSERT_TRUE(found.ok());
        EXPECT_EQ(found->has_value(), c.found);
    }

    // Deleted hoots leave the feeds too.
    auto latest = stores().hoots.Latest(std::nullopt, 10);
    ASSERT_TRUE(latest.ok());
    EXPECT_EQ(IdsOf(*latest), std::vector<std::int64_t>{kept.value});
    auto by_author = stores().hoots.ByAuthor(author, std::nullopt, 10);
    ASSERT_TRUE(by_author.ok());
    EXPECT_EQ(IdsOf(*by_author), std::vector<std::int64_t>{kept.value});
}

TEST_P(HootStoreTest, HootByUnknownAuthorIsRefusedAndLeavesNothing) {
    service::NewHoot hoot{UserId(4242), "Orphan", "orphan", "b", "<p>b</p>", "b", {"tag"}, 10};
    EXPECT_FALSE(stores().hoots.Create(hoot).ok());
    auto latest = stores().hoots.Latest(std::nullopt, 10);
    ASSERT_TRUE(latest.ok());
    EXPECT_TRUE(latest->empty());
}

// How the 45 hoots of a paging case get their timestamps.
struct PagingCase {
    const char* name;
    UnixSeconds (*created_at)(int i);
    int page_size;
};

const PagingCase kPagingCases[] = {
    {"all_equal_timestamps_pages_of_10", [](int) -> UnixSeconds { return 1000; }, 10},
    {"all_equal_timestamps_pages_of_1", [](int) -> UnixSeconds { return 1000; }, 1},
    {"all_equal_timestamps_one_page_exactly", [](int) -> UnixSeconds { return 1000; }, 45},
    {"three_interleaved_timestamps", [](int i) -> UnixSeconds { return 1000 + (i % 3) * 7; }, 10},
    {"timestamps_against_insert_order", [](int i) -> UnixSeconds { return 5000 - i / 4; }, 7},
};

TEST_P(HootStoreTest, LatestPagesByCursorWithoutGapsOrDuplicates) {
    for (const auto& c : kPagingCases) {
        SCOPED_TRACE(c.name);
        ResetBackend();
        UserId author = AddUser("author");
        std::vector<std::pair<UnixSeconds, std::int64_t>> expected;
        for (int i = 0; i < 45; ++i) {
            UnixSeconds at = c.created_at(i);
            expected.emplace_back(at, AddHoot(author, at, "Hoot " + std::to_string(i)).value);
        }
        // Newest first; among equal timestamps, the higher id first.
        std::sort(expected.rbegin(), expected.rend());

        auto all = WalkAllPages([&](std::optional<service::TimeCursor> after,
                                    int limit) { return stores().hoots.Latest(after, limit); },
                                c.page_size);

        std::vector<std::pair<UnixSeconds, std::int64_t>> got;
        for (const auto& h : all) got.emplace_back(h.created_at, h.id.value);
        EXPECT_EQ(got, expected);
        const auto ids = IdsOf(all);
        EXPECT_EQ(std::set<std::int64_t>(ids.begin(), ids.end()).size(), 45u) << "no hoot twice";
    }
}

TEST_P(HootStoreTest, LatestRespectsLimitAndCursorBounds) {
    UserId author = AddUser("alice");
    for (int i = 0; i < 5; ++i) AddHoot(author, 100 + i);

    auto first_two = stores().hoots.Latest(std::nullopt, 2);
    ASSERT_TRUE(first_two.ok());
    ASSERT_EQ(first_two->size(), 2u);
    EXPECT_EQ(first_two->at(0).created_at, 104);
    EXPECT_EQ(first_two->at(1).created_at, 103);

    // A cursor older than everything gives an empty page, not an error.
    auto past_end = stores().hoots.Latest(service::TimeCursor{1, 1}, 10);
    ASSERT_TRUE(past_end.ok());
    EXPECT_TRUE(past_end->empty());

    // A cursor newer than everything (a hoot since deleted, say) gives the whole feed.
    auto future = stores().hoots.Latest(service::TimeCursor{999999, 999999}, 10);
    ASSERT_TRUE(future.ok());
    EXPECT_EQ(future->size(), 5u);
}

TEST_P(HootStoreTest, ByAuthorListsOnlyThatAuthorAndPages) {
    UserId alice = AddUser("alice");
    UserId bob = AddUser("bob");
    std::vector<std::int64_t> alices;
    for (int i = 0; i < 12; ++i) {
        // Interleaved with bob's, some sharing timestamps.
        alices.push_back(AddHoot(alice, 100 + i / 2).value);
        AddHoot(bob, 100 + i / 2);
    }
    std::reverse(alices.begin(), alices.end());

    auto all = WalkAllPages([&](std::optional<service::TimeCursor> after,
                                int limit) { return stores().hoots.ByAuthor(alice, after, limit); },
                            5);
    EXPECT_EQ(IdsOf(all), alices);
    for (const auto& h : all) EXPECT_EQ(h.author.id, alice);

    auto nobody = stores().hoots.ByAuthor(UserId(999), std::nullopt, 10);
    ASSERT_TRUE(nobody.ok());
    EXPECT_TRUE(nobody->empty());
}

TEST_P(HootStoreTest, AuthorHootCountIsMaintained) {
    UserId alice = AddUser("alice");
    UserId bob = AddUser("bob");
    for (int i = 0; i < 3; ++i) AddHoot(alice, 100 + i);
    AddHoot(bob, 200);
    EXPECT_EQ(GetUser(alice).hoot_count, 3);
    EXPECT_EQ(GetUser(bob).hoot_count, 1);
}

}  // namespace
}  // namespace hoot::testing
