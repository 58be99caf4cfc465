// Phrase marks on PostgreSQL made as FTS5 makes them (store/postgres/phrase_marks.hpp): named
// cases in brackets for the marks, each expected value what SQLite's highlight() gives for the
// same text and query (checked against FTS5 when the cases were written).

#include "store/postgres/phrase_marks.hpp"

#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

#include "domain/search_query.hpp"

namespace hoot::store::postgres {
namespace {

using Terms = std::vector<std::vector<std::string>>;

struct RemarkCase {
    const char* name;
    std::string headline;  // as ts_headline marks it, [ and ] for the marks
    Terms terms;
    std::string expected;
};

void PrintTo(const RemarkCase& c, std::ostream* os) { *os << c.name; }

std::string Marks(std::string_view brackets) {
    std::string out;
    for (char c : brackets) {
        if (c == '[')
            out.append(kMarkStart);
        else if (c == ']')
            out.append(kMarkEnd);
        else
            out += c;
    }
    return out;
}

// A stand-in for the English stemmer, enough for the words below.
std::string Lexeme(std::string_view word) {
    static const std::map<std::string, std::string, std::less<>> kLexemes = {
        {"barn", "barn"},  {"Barn", "barn"}, {"owl", "owl"},     {"owls", "owl"},
        {"hunts", "hunt"}, {"snow", "snow"}, {"white", "white"}, {"night", "night"}};
    auto found = kLexemes.find(word);
    return found == kLexemes.end() ? std::string() : found->second;
}

class RemarkPhrasesTest : public ::testing::TestWithParam<RemarkCase> {};

TEST_P(RemarkPhrasesTest, MarksAsFts5Does) {
    const auto& c = GetParam();
    EXPECT_EQ(RemarkPhrases(Marks(c.headline), c.terms, Lexeme), Marks(c.expected));
}

INSTANTIATE_TEST_SUITE_P(
    Cases, RemarkPhrasesTest,
    ::testing::Values(
        RemarkCase{"APhraseIsOneSpanWhereItOccurs",
                   "The [barn] [owl] hunts. An [owl] in the [barn], [barn] [owl]!",
                   {{"barn", "owl"}},
                   "The [barn owl] hunts. An owl in the barn, [barn owl]!"},
        RemarkCase{"WordsAloneStayMarkedOneByOne",
                   "The [barn] [owl] hunts. An [owl] in the [barn].",
                   {{"barn"}, {"owl"}},
                   "The [barn] [owl] hunts. An [owl] in the [barn]."},
        RemarkCase{"APhraseAndAWordBesideItAreTwoSpans",
                   "The [barn] [owl] [hunts]. An [owl] in the [barn].",
                   {{"barn", "owl"}, {"hunt"}},
                   "The [barn owl] [hunts]. An owl in the barn."},
        RemarkCase{"OverlappingPhrasesMerge",
                   "The [barn] [owl] [hunts]. A [barn] [owl]!",
                   {{"owl", "hunt"}, {"barn", "owl"}},
                   "The [barn owl hunts]. A [barn owl]!"},
        RemarkCase{"PunctuationBetweenTheWordsKeepsThePhrase",
                   "[Barn], [owls] and [snow]-[white] [owls]",
                   {{"barn", "owl"}, {"snow", "white", "owl"}},
                   "[Barn, owls] and [snow-white owls]"},
        RemarkCase{"AnotherWordBetweenBreaksIt",
                   "[barn] big [owl] at [night]",
                   {{"barn", "owl"}, {"night"}},
                   "barn big owl at [night]"},
        RemarkCase{"NothingMarkedStaysAsItIs", "…quiet barn…", {{"barn", "owl"}}, "…quiet barn…"}));

TEST(MarkedWords, AreTheWordsBetweenMarks) {
    EXPECT_EQ(MarkedWords(Marks("a [barn] b [owl]")), (std::vector<std::string>{"barn", "owl"}));
    EXPECT_TRUE(MarkedWords("no marks").empty());
}

}  // namespace
}  // namespace hoot::store::postgres
