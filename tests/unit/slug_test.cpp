#include "domain/slug.hpp"

#include <gtest/gtest.h>

#include <string>

namespace hoot {
namespace {

struct SlugCase {
    const char* name;
    std::string title;
    std::string slug;
};

void PrintTo(const SlugCase& c, std::ostream* os) { *os << c.name; }

class SlugifyTest : public ::testing::TestWithParam<SlugCase> {};

TEST_P(SlugifyTest, MatchesExpected) { EXPECT_EQ(Slugify(GetParam().title), GetParam().slug); }

const std::string k79 = std::string(79, 'a');

INSTANTIATE_TEST_SUITE_P(
    Cases, SlugifyTest,
    ::testing::Values(SlugCase{"Simple", "Sore glutes from running", "sore-glutes-from-running"},
                      SlugCase{"LowerCases", "HELLO World", "hello-world"},
                      SlugCase{"NeverAThreadPageWord", "Revisions!", "revisions-hoot"},
                      SlugCase{"PunctuationRunIsOneDash", "What?! -- really...", "what-really"},
                      SlugCase{"NoLeadingOrTrailingDash", "  ...hello...  ", "hello"},
                      SlugCase{"DigitsKept", "C++ 20 in 2024", "c-20-in-2024"},
                      SlugCase{"ApostropheSeparates", "Don't panic", "don-t-panic"},
                      SlugCase{"NonAsciiLettersDropped", "naïve café", "nave-caf"},
                      SlugCase{"NonAsciiDashSeparates", "foo—bar", "foo-bar"},
                      SlugCase{"NonBreakingSpaceSeparates", "foo\u00a0bar", "foo-bar"},
                      SlugCase{"QuotesSeparate", "\u201cquoted\u201d words", "quoted-words"},
                      SlugCase{"OnlyNonAsciiGivesHoot", "日本語", "hoot"},
                      SlugCase{"EmptyGivesHoot", "", "hoot"},
                      SlugCase{"PunctuationOnlyGivesHoot", "?!...", "hoot"},
                      SlugCase{"InvalidUtf8Dropped",
                               "ab\xff\xfe"
                               "cd",
                               "abcd"},
                      SlugCase{"ControlCharactersSeparate", "a\tb\nc", "a-b-c"},
                      SlugCase{"ExactlyEighty", std::string(80, 'x'), std::string(80, 'x')},
                      SlugCase{"CutAtDash", std::string(50, 'a') + " " + std::string(40, 'b'),
                               std::string(50, 'a')},
                      SlugCase{"DashRightAfterLimitIsCleanCut", k79 + "b c", k79 + "b"},
                      SlugCase{"LongFirstWordCutHard", std::string(100, 'z'), std::string(80, 'z')},
                      SlugCase{"EarlyDashNotUsedForCut", "ab " + std::string(100, 'z'),
                               "ab-" + std::string(77, 'z')}),
    [](const auto& info) { return std::string(info.param.name); });

TEST(SlugifyTest, NeverLongerThanEightyOrEndsWithDash) {
    std::string title;
    for (int i = 0; i < 60; ++i) title += "word" + std::to_string(i) + " ";
    const std::string slug = Slugify(title);
    EXPECT_LE(slug.size(), 80u);
    EXPECT_NE(slug.back(), '-');
    EXPECT_EQ(slug.rfind("word0-word1-", 0), 0u);
}

}  // namespace
}  // namespace hoot
