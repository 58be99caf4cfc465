#include "render/time_format.hpp"

#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <vector>

namespace hoot::render {
namespace {

constexpr UnixSeconds kReference = 1795483985;  // 2026-11-24 01:33:05 UTC
constexpr UnixSeconds kLeapDay = 951868799;     // 2000-02-29 23:59:59 UTC
constexpr UnixSeconds kMinute = 60, kHour = 3600, kDay = 86400;

struct FormatCase {
    const char* name;
    UnixSeconds t;
    std::string expected;
};

void PrintTo(const FormatCase& c, std::ostream* os) { *os << c.name; }

std::string CaseName(const ::testing::TestParamInfo<FormatCase>& info) { return info.param.name; }

class IsoTimeTest : public ::testing::TestWithParam<FormatCase> {};

TEST_P(IsoTimeTest, Formats) { EXPECT_EQ(IsoTime(GetParam().t), GetParam().expected); }

INSTANTIATE_TEST_SUITE_P(Cases, IsoTimeTest,
                         ::testing::Values(FormatCase{"Reference", kReference,
                                                      "2026-11-24T01:33:05Z"},
                                           FormatCase{"Epoch", 0, "1970-01-01T00:00:00Z"},
                                           FormatCase{"LeapDay", kLeapDay, "2000-02-29T23:59:59Z"},
                                           FormatCase{"BeforeEpoch", -1, "1969-12-31T23:59:59Z"}),
                         CaseName);

class ExactTimeTest : public ::testing::TestWithParam<FormatCase> {};

TEST_P(ExactTimeTest, Formats) { EXPECT_EQ(ExactTime(GetParam().t), GetParam().expected); }

INSTANTIATE_TEST_SUITE_P(
    Cases, ExactTimeTest,
    ::testing::Values(FormatCase{"Reference", kReference, "Nov 24, 2026 at 01:33 UTC"},
                      FormatCase{"Epoch", 0, "Jan 1, 1970 at 00:00 UTC"},
                      FormatCase{"LeapDay", kLeapDay, "Feb 29, 2000 at 23:59 UTC"},
                      FormatCase{"SingleDigitDay", 1772528700, "Mar 3, 2026 at 09:05 UTC"}),
    CaseName);

struct RelativeCase {
    const char* name;
    UnixSeconds then;
    UnixSeconds now;
    std::string expected;
};

void PrintTo(const RelativeCase& c, std::ostream* os) { *os << c.name; }

class RelativeTimeTest : public ::testing::TestWithParam<RelativeCase> {};

TEST_P(RelativeTimeTest, Reads) {
    EXPECT_EQ(RelativeTime(GetParam().then, GetParam().now), GetParam().expected);
}

constexpr UnixSeconds kNow = kReference;

INSTANTIATE_TEST_SUITE_P(
    Cases, RelativeTimeTest,
    ::testing::Values(RelativeCase{"SameSecond", kNow, kNow, "just now"},
                      RelativeCase{"FiftyNineSeconds", kNow - 59, kNow, "just now"},
                      RelativeCase{"InTheFuture", kNow + 3600, kNow, "just now"},
                      RelativeCase{"OneMinute", kNow - kMinute, kNow, "1 minute ago"},
                      RelativeCase{"FiveMinutes", kNow - 5 * kMinute - 30, kNow, "5 minutes ago"},
                      RelativeCase{"FiftyNineMinutes", kNow - kHour + 1, kNow, "59 minutes ago"},
                      RelativeCase{"OneHour", kNow - kHour, kNow, "1 hour ago"},
                      RelativeCase{"ThreeHours", kNow - 3 * kHour - 59, kNow, "3 hours ago"},
                      RelativeCase{"TwentyThreeHours", kNow - kDay + 1, kNow, "23 hours ago"},
                      RelativeCase{"Yesterday", kNow - kDay, kNow, "yesterday"},
                      RelativeCase{"AlmostTwoDays", kNow - 2 * kDay + 1, kNow, "yesterday"},
                      RelativeCase{"TwoDays", kNow - 2 * kDay, kNow, "2 days ago"},
                      RelativeCase{"FourDays", kNow - 4 * kDay, kNow, "4 days ago"},
                      RelativeCase{"SixDays", kNow - 7 * kDay + 1, kNow, "6 days ago"},
                      RelativeCase{"AWeekShowsDate", kNow - 7 * kDay, kNow, "Nov 17"},
                      RelativeCase{"EarlierThisYear", 1772528700, kNow, "Mar 3"},
                      RelativeCase{"EarlierYear", 1551614400, kNow, "Mar 3, 2019"},
                      // New Year's Eve seen on 8 January: a different year, so the year is shown.
                      RelativeCase{"LastYearAcrossNewYear", 1767222000, 1767222000 + 8 * kDay,
                                   "Dec 31, 2025"}),
    [](const auto& info) { return std::string(info.param.name); });

TEST(TimeFormatTest, SafeFromManyThreads) {
    std::vector<std::thread> threads;
    std::vector<int> failures(8, 0);
    for (int t = 0; t < 8; ++t) {
        threads.emplace_back([t, &failures] {
            for (int i = 0; i < 2000; ++i) {
                const UnixSeconds when = t % 2 == 0 ? kReference : 0;
                const std::string expected =
                    t % 2 == 0 ? "2026-11-24T01:33:05Z" : "1970-01-01T00:00:00Z";
                if (IsoTime(when) != expected) ++failures[t];
            }
        });
    }
    for (auto& thread : threads) thread.join();
    for (int t = 0; t < 8; ++t) EXPECT_EQ(failures[t], 0) << "thread " << t;
}

}  // namespace
}  // namespace hoot::render
