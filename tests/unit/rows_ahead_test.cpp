// RowsAhead: the rows of a dump file prepared on a second thread and consumed on this one must
// arrive as ReadRows hands them over: all of them, in order, with their lines, and stopping where
// ReadRows stops.

#include "importer/rows_ahead.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "support/test_support.hpp"

namespace hoot::importer {
namespace {

using hoot::testing::TempDir;

// A dump-shaped file of `rows` rows (one a line from line 3), optionally cut short after them.
std::filesystem::path WriteRows(const TempDir& dir, int rows, bool cut_short = false) {
    auto path = dir.path() / "Posts.xml";
    std::ofstream out(path, std::ios::binary);
    out << "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<posts>\n";
    for (int i = 1; i <= rows; ++i)
        out << "  <row Id=\"" << i << "\" Body=\"b&amp;" << i << "\" />\n";
    out << (cut_short ? "  <row Id=\"x" : "</posts>\n");
    return path;
}

struct Seen {
    std::vector<std::string> bodies;
    std::vector<std::int64_t> lines;
};

ReadOutcome ReadAll(const std::filesystem::path& file, Seen& seen, int stop_after = -1) {
    return RowsAhead<std::string>::Read(
        file, [](const Row& row, const RowPosition&) { return std::string(row.Get("Body")); },
        [&](std::string& body, const RowPosition& at) {
            if (static_cast<int>(seen.bodies.size()) == stop_after) return false;
            seen.bodies.push_back(body);
            seen.lines.push_back(at.line);
            return true;
        });
}

TEST(RowsAhead, HandsOverEveryRowInOrderWithItsLine) {
    TempDir dir;
    // Many more rows than the queue holds at once, so the reader has to wait for the consumer.
    const int rows = static_cast<int>(RowsAhead<std::string>::kBatch *
                                      (RowsAhead<std::string>::kBatchesInFlight * 3 + 1)) +
                     17;
    Seen seen;
    auto outcome = ReadAll(WriteRows(dir, rows), seen);
    ASSERT_TRUE(outcome.ok) << outcome.message;
    EXPECT_EQ(outcome.rows, rows);
    ASSERT_EQ(seen.bodies.size(), static_cast<std::size_t>(rows));
    for (int i = 0; i < rows; ++i) {
        ASSERT_EQ(seen.bodies[i], "b&" + std::to_string(i + 1));
        ASSERT_EQ(seen.lines[i], i + 3);
    }
}

TEST(RowsAhead, AConsumerThatStopsStopsTheReader) {
    TempDir dir;
    Seen seen;
    auto outcome = ReadAll(WriteRows(dir, 10000), seen, 1000);
    EXPECT_FALSE(outcome.ok);
    EXPECT_EQ(outcome.message, "stopped");
    EXPECT_EQ(seen.bodies.size(), 1000u);
}

TEST(RowsAhead, MalformedXmlComesAfterTheRowsBeforeIt) {
    TempDir dir;
    Seen seen;
    auto outcome = ReadAll(WriteRows(dir, 700, true), seen);
    EXPECT_FALSE(outcome.ok);
    EXPECT_EQ(outcome.line, 703);
    EXPECT_NE(outcome.message, "stopped");
    EXPECT_EQ(seen.bodies.size(), 700u);
}

TEST(RowsAhead, AnExceptionInPrepareReachesTheCaller) {
    TempDir dir;
    auto file = WriteRows(dir, 5000);
    int consumed = 0;
    EXPECT_THROW(RowsAhead<int>::Read(
                     file,
                     [](const Row& row, const RowPosition&) {
                         if (row.Get("Id") == "4000") throw std::runtime_error("prepare failed");
                         return 1;
                     },
                     [&](int& n, const RowPosition&) {
                         consumed += n;
                         return true;
                     }),
                 std::runtime_error);
    EXPECT_LT(consumed, 4000);
}

}  // namespace
}  // namespace hoot::importer
