// The search box's language (domain/search_query.hpp): table-driven cases, and random bytes that
// must always give a well-formed query.

#include "domain/search_query.hpp"

#include <gtest/gtest.h>

#include <random>
#include <string>

#include "render/marked_text.hpp"

namespace hoot {
namespace {

using Words = std::vector<std::string>;

struct QueryCase {
    const char* name;
    std::string input;
    SearchQuery expected;
};

void PrintTo(const QueryCase& c, std::ostream* os) { *os << c.name; }

SearchQuery Q(Words words, Words phrases = {}, Words excluded = {}, Words tags = {},
              Words users = {}, bool unanswered = false) {
    return SearchQuery{std::move(words),
                       std::move(phrases),
                       std::move(excluded),
                       std::move(tags),
                       std::move(users),
                       unanswered,
                       false};
}

class ParseSearchQueryTest : public ::testing::TestWithParam<QueryCase> {};

TEST_P(ParseSearchQueryTest, GivesTheTypedQuery) {
    const SearchQuery got = ParseSearchQuery(GetParam().input);
    EXPECT_EQ(got.words, GetParam().expected.words);
    EXPECT_EQ(got.phrases, GetParam().expected.phrases);
    EXPECT_EQ(got.excluded, GetParam().expected.excluded);
    EXPECT_EQ(got.tags, GetParam().expected.tags);
    EXPECT_EQ(got.users, GetParam().expected.users);
    EXPECT_EQ(got.unanswered, GetParam().expected.unanswered);
}

const std::string kLong(600, 'a');

INSTANTIATE_TEST_SUITE_P(
    Cases, ParseSearchQueryTest,
    ::testing::Values(
        QueryCase{"Empty", "", Q({})}, QueryCase{"OnlySpaces", " \t\n ", Q({})},
        QueryCase{"Words", "sore glutes", Q({"sore", "glutes"})},
        QueryCase{"RunsOfSpaces", "  sore \t glutes  ", Q({"sore", "glutes"})},
        QueryCase{"Phrase", "\"sore glutes\" running", Q({"running"}, {"sore glutes"})},
        QueryCase{"PhraseSpacesCollapsed", "\"  sore   glutes \"", Q({}, {"sore glutes"})},
        QueryCase{"Excluded", "running -knee", Q({"running"}, {}, {"knee"})},
        QueryCase{"ExcludedPhrase", "running -\"shin splints\"",
                  Q({"running"}, {}, {"shin splints"})},
        QueryCase{"HyphenInsideWordIsAWord", "well-known", Q({"well-known"})},
        QueryCase{"LoneMinusDropped", "running - knee", Q({"running", "knee"})},
        QueryCase{"DoubleMinusExcludesTheRest", "--knee", Q({}, {}, {"-knee"})},
        QueryCase{"Tag", "tag:running shoes", Q({"shoes"}, {}, {}, {"running"})},
        QueryCase{"TagLowerCasedHashDropped", "TAG:#Running", Q({}, {}, {}, {"running"})},
        QueryCase{"SeveralTags", "tag:a tag:b", Q({}, {}, {}, {"a", "b"})},
        QueryCase{"TagWithoutNameIsAWord", "tag: shoes", Q({"tag:", "shoes"})},
        QueryCase{"User", "user:Mike glutes", Q({"glutes"}, {}, {}, {}, {"mike"})},
        QueryCase{"UserAtDropped", "user:@mike", Q({}, {}, {}, {}, {"mike"})},
        QueryCase{"UserWithoutNameIsAWord", "user:", Q({"user:"})},
        QueryCase{"Unanswered", "is:unanswered owls", Q({"owls"}, {}, {}, {}, {}, true)},
        QueryCase{"UnansweredAnyCase", "IS:Unanswered", Q({}, {}, {}, {}, {}, true)},
        QueryCase{"UnknownIsIsAWord", "is:open", Q({"is:open"})},
        QueryCase{"UnknownOperatorIsAWord", "title:owls", Q({"title:owls"})},
        QueryCase{"ExcludedOperatorIsLiteral", "-tag:x", Q({}, {}, {"tag:x"})},
        QueryCase{"UnbalancedQuoteIsLiteral", "\"sore glutes", Q({"sore", "glutes"})},
        QueryCase{"QuoteInsideWordSeparates", "a\"b", Q({"a", "b"})},
        QueryCase{"ThreeQuotes", "\"a b\" \"c", Q({"c"}, {"a b"})},
        QueryCase{"EmptyPhraseDropped", "\"\" owls", Q({"owls"})},
        QueryCase{"PunctuationOnlyPhraseDropped", "\"* ^\" owls", Q({"owls"})},
        QueryCase{"StarAlone", "*", Q({})}, QueryCase{"StarInWordKept", "owl*", Q({"owl*"})},
        QueryCase{"Caret", "^owls", Q({"^owls"})},
        QueryCase{"Near", "NEAR(owls night)", Q({"NEAR(owls", "night)"})},
        QueryCase{"FtsOperatorsAreWords", "owls OR night AND NOT day",
                  Q({"owls", "OR", "night", "AND", "NOT", "day"})},
        QueryCase{"ColumnFilterIsAWord", "body:owls", Q({"body:owls"})},
        QueryCase{"Parentheses", "(owls)", Q({"(owls)"})}, QueryCase{"Colon", ":", Q({})},
        QueryCase{"DuplicatesOnce", "owls owls", Q({"owls"})},
        QueryCase{"NonAsciiWord", "café 日本語", Q({"café", "日本語"})},
        QueryCase{"NonAsciiPunctuationDropped", "owls — «»", Q({"owls"})},
        QueryCase{"EmojiOnlyDropped", "owls \U0001F989", Q({"owls"})},
        QueryCase{"InvalidUtf8Dropped", "ow\xffls", Q({"owls"})},
        QueryCase{"MarkersAreSeparators", "ow\xEE\x80\x80ls", Q({"ow", "ls"})},
        QueryCase{"NulIsASeparator", std::string("ow\0ls", 5), Q({"ow", "ls"})},
        QueryCase{"LongInputCut", kLong + " owls", Q({std::string(512, 'a')})},
        QueryCase{
            "TermsCapped", "a b c d e f g h i j k l m n o p q r s t",
            Q({"a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l", "m", "n", "o", "p"})}));

TEST(SearchQuery, ToStringReadsBackTheSameQuery) {
    const SearchQuery query = ParseSearchQuery(
        "owls  \"barn owl\" -snow -\"snowy owl\" tag:Birds user:@Mike is:unanswered");
    EXPECT_EQ(query.ToString(),
              "owls \"barn owl\" -snow -\"snowy owl\" tag:birds user:mike is:unanswered");
    EXPECT_EQ(ParseSearchQuery(query.ToString()), query);
}

TEST(SearchQuery, EmptyMeansNothingWasAsked) {
    EXPECT_TRUE(ParseSearchQuery("* ^ \"\" -").Empty());
    EXPECT_FALSE(ParseSearchQuery("tag:x").Empty());
    EXPECT_FALSE(ParseSearchQuery("tag:x").HasTerms());
    EXPECT_TRUE(ParseSearchQuery("\"a b\"").HasTerms());
}

bool IsValidUtf8(const std::string& text) {
    for (std::size_t i = 0; i < text.size();) {
        const auto lead = static_cast<unsigned char>(text[i]);
        std::size_t length = lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2;
        if (lead >= 0x80 && lead < 0xC2) return false;
        if (i + length > text.size()) return false;
        for (std::size_t k = 1; k < length; ++k)
            if ((static_cast<unsigned char>(text[i + k]) & 0xC0) != 0x80) return false;
        i += length;
    }
    return true;
}

// Fuzz-ish: random bytes, weighted towards the characters the language and FTS5 care about.
// Every result must be well-formed: valid UTF-8 terms with something searchable in each, within
// the caps, and a ToString that reads back to the same query.
TEST(SearchQuery, RandomBytesAlwaysGiveAWellFormedQuery) {
    std::mt19937 random(20261124);
    const std::string alphabet =
        "ab \"-:*^()NEAR tag:user:is:unanswered\xc3\xa9\xe2\x80\x94\xff\xee\x80\x80";
    std::uniform_int_distribution<int> length(0, 80), byte(0, 255), pick(0, 3);
    std::uniform_int_distribution<std::size_t> from_alphabet(0, alphabet.size() - 1);
    for (int round = 0; round < 20000; ++round) {
        std::string input;
        for (int n = length(random); n > 0; --n)
            input += pick(random) == 0 ? static_cast<char>(byte(random))
                                       : alphabet[from_alphabet(random)];
        const SearchQuery query = ParseSearchQuery(input);
        std::size_t terms = 0;
        for (const auto* list :
             {&query.words, &query.phrases, &query.excluded, &query.tags, &query.users}) {
            for (const auto& term : *list) {
                ASSERT_TRUE(IsValidUtf8(term)) << "input: " << input;
                ASSERT_TRUE(HasSearchableText(term)) << "input: " << input;
                ASSERT_EQ(term.find(kMarkStart), std::string::npos);
                ++terms;
            }
        }
        ASSERT_LE(terms, kMaxSearchTerms);
        ASSERT_TRUE(IsValidUtf8(query.ToString()));
    }
}

// ---- marked text (render/marked_text.hpp) ----

std::string Marked(std::string_view text) {
    render::Html html(64);
    render::AppendMarked(html, text);
    return html.Take();
}

const std::string kS(kMarkStart), kE(kMarkEnd);

TEST(MarkedText, MarkersBecomeMarkAroundEscapedText) {
    EXPECT_EQ(Marked("a " + kS + "<script>" + kE + " & b"),
              "a <mark>&lt;script&gt;</mark> &amp; b");
}

TEST(MarkedText, StrayMarkersAreDroppedAndMarkIsAlwaysClosed) {
    EXPECT_EQ(Marked(kE + "a" + kS + "b" + kS + "c"), "a<mark>bc</mark>");
    EXPECT_EQ(Marked("plain"), "plain");
    EXPECT_EQ(Marked(""), "");
}

TEST(MarkedText, UnmarkedRemovesTheMarkers) {
    EXPECT_EQ(render::Unmarked("a " + kS + "b" + kE + " c"), "a b c");
}

}  // namespace
}  // namespace hoot
