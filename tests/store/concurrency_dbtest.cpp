#include <gtest/gtest.h>

#include <atomic>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "store/store_fixture.hpp"

namespace hoot::testing {
namespace {

class ConcurrencyTest : public StoreTest {};
HOOT_STORE_SUITE(ConcurrencyTest);

// Errors seen on other threads, reported on the test thread (gtest assertions are meant for it).
class ErrorLog {
  public:
    void Add(const std::string& what) {
        std::lock_guard lock(mutex_);
        errors_.push_back(what);
    }
    std::vector<std::string> errors() {
        std::lock_guard lock(mutex_);
        return errors_;
    }

  private:
    std::mutex mutex_;
    std::vector<std::string> errors_;
};

TEST_P(ConcurrencyTest, ParallelCommentersOnOneHootLoseNothing) {
    constexpr int kWriters = 4;
    constexpr int kCommentsEach = 50;
    constexpr int kReaders = 3;
    std::vector<UserId> writers;
    for (int i = 0; i < kWriters; ++i) writers.push_back(AddUser("writer" + std::to_string(i)));
    HootId hoot = AddHoot(writers[0], 100);
    service::Stores s = stores();

    ErrorLog errors;
    std::atomic<int> writers_running{kWriters};
    std::atomic<long> reads{0};
    std::vector<std::thread> threads;
    for (int w = 0; w < kWriters; ++w) {
        threads.emplace_back([&, w] {
            for (int i = 0; i < kCommentsEach; ++i) {
                std::string body = "w" + std::to_string(w) + "c" + std::to_string(i);
                auto id = s.comments.Create(service::NewComment{
                    hoot, writers[static_cast<std::size_t>(w)], body, body, 200 + i});
                if (!id.ok()) errors.Add("create: " + id.error().detail);
            }
            --writers_running;
        });
    }
    for (int r = 0; r < kReaders; ++r) {
        threads.emplace_back([&] {
            std::int64_t last_count = 0;
            while (writers_running.load() > 0) {
                auto found = s.hoots.Find(hoot);
                if (!found.ok() || !*found) {
                    errors.Add("find: " + (found.ok() ? "missing" : found.error().detail));
                    continue;
                }
                // Counts only grow, and a reader never sees more comments counted than exist.
                std::int64_t count = (*found)->comment_count;
                if (count < last_count) errors.Add("comment_count went backwards");
                last_count = count;
                auto listed = s.comments.List(hoot, CommentOrder::kLatest, 1000);
                if (!listed.ok()) {
                    errors.Add("list: " + listed.error().detail);
                    continue;
                }
                if (static_cast<std::int64_t>(listed->size()) < count)
                    errors.Add("listed fewer comments than counted");
                auto feed = s.hoots.Latest(std::nullopt, 10);
                if (!feed.ok()) errors.Add("latest: " + feed.error().detail);
                ++reads;
            }
        });
    }
    for (auto& t : threads) t.join();

    EXPECT_EQ(errors.errors(), std::vector<std::string>{});
    EXPECT_GT(reads.load(), 0);

    auto all = stores().comments.List(hoot, CommentOrder::kOldest, 10000);
    ASSERT_TRUE(all.ok());
    EXPECT_EQ(all->size(), static_cast<std::size_t>(kWriters * kCommentsEach));
    std::set<std::string> bodies;
    for (const auto& c : *all) bodies.insert(c.body_source);
    EXPECT_EQ(bodies.size(), static_cast<std::size_t>(kWriters * kCommentsEach)) << "no duplicates";
    EXPECT_EQ(GetHoot(hoot).comment_count, kWriters * kCommentsEach);
    for (UserId w : writers) EXPECT_EQ(GetUser(w).comment_count, kCommentsEach);
}

TEST_P(ConcurrencyTest, RacingSignUpsForOneNameLetExactlyOneIn) {
    const std::vector<std::string> spellings = {"owlfan", "OwlFan", "OWLFAN", "owlFAN",
                                                "Owlfan", "oWLfan", "owlfaN", "OWLfan"};
    service::Stores s = stores();
    std::atomic<int> created{0}, conflicts{0}, other{0};
    std::vector<std::thread> threads;
    for (const auto& name : spellings) {
        threads.emplace_back([&, name] {
            auto id = s.users.Create(service::NewUser{name, "hash", false, 1});
            if (id.ok())
                ++created;
            else if (id.error().code == Errc::kConflict)
                ++conflicts;
            else
                ++other;
        });
    }
    for (auto& t : threads) t.join();
    EXPECT_EQ(created.load(), 1);
    EXPECT_EQ(conflicts.load(), static_cast<int>(spellings.size()) - 1);
    EXPECT_EQ(other.load(), 0);
    auto count = stores().users.Count();
    ASSERT_TRUE(count.ok());
    EXPECT_EQ(*count, 1);
}

}  // namespace
}  // namespace hoot::testing
