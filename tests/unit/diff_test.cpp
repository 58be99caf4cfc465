#include "domain/diff.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <random>
#include <string>
#include <vector>

namespace hoot {
namespace {

// Pieces as one readable string: kSame as is, kRemoved as [-text-], kAdded as {+text+}.
std::string Show(const std::vector<DiffPiece>& pieces) {
    std::string out;
    for (const DiffPiece& piece : pieces) {
        switch (piece.op) {
            case DiffPiece::Op::kSame:
                out += piece.text;
                break;
            case DiffPiece::Op::kRemoved:
                out += "[-" + piece.text + "-]";
                break;
            case DiffPiece::Op::kAdded:
                out += "{+" + piece.text + "+}";
                break;
        }
    }
    return out;
}

std::string Concat(const std::vector<DiffPiece>& pieces, DiffPiece::Op op) {
    std::string out;
    for (const DiffPiece& piece : pieces) {
        if (piece.op == DiffPiece::Op::kSame || piece.op == op) out += piece.text;
    }
    return out;
}

std::size_t ChangedBytes(const std::vector<DiffPiece>& pieces, DiffPiece::Op op) {
    std::size_t bytes = 0;
    for (const DiffPiece& piece : pieces) {
        if (piece.op == op) bytes += piece.text.size();
    }
    return bytes;
}

// The contract: both texts come back, no empty pieces, no two neighbours with one op.
void ExpectInvariants(std::string_view before, std::string_view after,
                      const std::vector<DiffPiece>& pieces) {
    EXPECT_EQ(Concat(pieces, DiffPiece::Op::kRemoved), before);
    EXPECT_EQ(Concat(pieces, DiffPiece::Op::kAdded), after);
    for (std::size_t i = 0; i < pieces.size(); ++i) {
        EXPECT_FALSE(pieces[i].text.empty()) << "piece " << i;
        if (i > 0) {
            EXPECT_NE(pieces[i].op, pieces[i - 1].op) << "pieces " << i - 1 << ", " << i;
        }
    }
}

struct DiffCase {
    const char* name;
    std::string before;
    std::string after;
    std::string shown;
};

void PrintTo(const DiffCase& c, std::ostream* os) { *os << c.name; }

class DiffWordsTest : public ::testing::TestWithParam<DiffCase> {};

TEST_P(DiffWordsTest, MatchesExpected) {
    const std::vector<DiffPiece> pieces = DiffWords(GetParam().before, GetParam().after);
    EXPECT_EQ(Show(pieces), GetParam().shown);
    ExpectInvariants(GetParam().before, GetParam().after, pieces);
}

INSTANTIATE_TEST_SUITE_P(
    Diff, DiffWordsTest,
    ::testing::Values(
        DiffCase{"BothEmpty", "", "", ""},
        DiffCase{"FromEmpty", "", "hello world", "{+hello world+}"},
        DiffCase{"ToEmpty", "hello world", "", "[-hello world-]"},
        DiffCase{"Identical", "the quick brown fox", "the quick brown fox", "the quick brown fox"},
        DiffCase{"InsertWordInMiddle", "the fox", "the quick fox", "the {+quick +}fox"},
        DiffCase{"DeleteWordInMiddle", "the quick fox", "the fox", "the [-quick -]fox"},
        DiffCase{"AppendWords", "hello", "hello big world", "hello{+ big world+}"},
        DiffCase{"PrependWord", "world", "hello world", "{+hello +}world"},
        DiffCase{"ReplaceWordInMiddle", "the quick brown fox", "the quick red fox",
                 "the quick [-brown-]{+red+} fox"},
        DiffCase{"ReplaceWholeText", "foo", "bar", "[-foo-]{+bar+}"},
        DiffCase{"ChangeInsideWordReplacesWord", "colour scheme", "color scheme",
                 "[-colour-]{+color+} scheme"},
        DiffCase{"TwoSeparateChanges", "a b c", "x b y", "[-a-]{+x+} b [-c-]{+y+}"},
        DiffCase{"ExtraSpace", "a b", "a  b", "a[- -]{+  +}b"},
        DiffCase{"SpaceToNewline", "one two", "one\ntwo", "one[- -]{+\n+}two"},
        DiffCase{"TrailingNewlineAdded", "end", "end\n", "end{+\n+}"},
        DiffCase{"PunctuationIsItsOwnToken", "Hello, world!", "Hello; world?",
                 "Hello[-,-]{+;+} world[-!-]{+?+}"},
        DiffCase{"RepeatedPunctuationSplits", "wait...", "wait..", "wait..[-.-]"},
        DiffCase{"UnderscoreAndDigitsInWord", "use foo_bar2 here", "use foo_bar3 here",
                 "use [-foo_bar2-]{+foo_bar3+} here"},
        DiffCase{"Utf8WordKeptWhole", "na\u00efve caf\u00e9", "na\u00efve cafe",
                 "na\u00efve [-caf\u00e9-]{+cafe+}"},
        DiffCase{"Utf8SharedLeadBytesNotSplit", "\u65e5\u672c\u8a9e text",
                 "\u65e5\u672c\u4eba text", "[-\u65e5\u672c\u8a9e-]{+\u65e5\u672c\u4eba+} text"},
        DiffCase{"Utf8PunctuationIsPartOfWord", "yes\u2014no", "yes - no",
                 "[-yes\u2014no-]{+yes - no+}"}),
    [](const auto& info) { return std::string(info.param.name); });

// A text of words, UTF-8 words, punctuation, spaces and line breaks.
std::string RandomText(std::mt19937& rng, int tokens) {
    static const std::vector<std::string> kPieces = {
        "owl", "hoot", "night", "tree", "a",  "the",  "mouse", "caf\u00e9", "\u65e5\u672c",
        " ",   " ",    " ",     "  ",   "\n", "\n\n", ".",     ",",         "!",
        "(",   ")",    "'",     "x_1",  "42"};
    std::uniform_int_distribution<std::size_t> pick(0, kPieces.size() - 1);
    std::string text;
    for (int i = 0; i < tokens; ++i) text += kPieces[pick(rng)];
    return text;
}

// Applies a few random insertions, deletions and replacements at byte positions.
std::string RandomEdit(std::mt19937& rng, std::string text) {
    const int edits = std::uniform_int_distribution<int>(0, 6)(rng);
    for (int i = 0; i < edits; ++i) {
        const std::size_t at = std::uniform_int_distribution<std::size_t>(0, text.size())(rng);
        const std::size_t length = std::min<std::size_t>(
            std::uniform_int_distribution<std::size_t>(0, 12)(rng), text.size() - at);
        switch (std::uniform_int_distribution<int>(0, 2)(rng)) {
            case 0:
                text.insert(at, RandomText(rng, 3));
                break;
            case 1:
                text.erase(at, length);
                break;
            default:
                text.replace(at, length, RandomText(rng, 2));
                break;
        }
    }
    return text;
}

TEST(DiffWordsTest, InvariantsHoldForRandomEdits) {
    std::mt19937 rng(20240611);
    for (int round = 0; round < 400; ++round) {
        const std::string before = RandomText(rng, std::uniform_int_distribution<int>(0, 80)(rng));
        const std::string after = RandomEdit(rng, before);
        SCOPED_TRACE("round " + std::to_string(round));
        ExpectInvariants(before, after, DiffWords(before, after));
    }
}

// Length of the longest common subsequence, by the textbook dynamic programme.
std::size_t LcsLength(std::string_view a, std::string_view b) {
    std::vector<std::size_t> row(b.size() + 1, 0);
    for (char ca : a) {
        std::size_t diagonal = 0;
        for (std::size_t j = 0; j < b.size(); ++j) {
            const std::size_t above = row[j + 1];
            row[j + 1] = ca == b[j] ? diagonal + 1 : std::max(row[j], above);
            diagonal = above;
        }
    }
    return row[b.size()];
}

// Punctuation characters are one token each, so byte counts are token counts.
std::string RandomPunctuation(std::mt19937& rng, std::size_t length, std::string_view alphabet) {
    std::uniform_int_distribution<std::size_t> pick(0, alphabet.size() - 1);
    std::string text;
    for (std::size_t i = 0; i < length; ++i) text += alphabet[pick(rng)];
    return text;
}

void ExpectMinimal(std::string_view before, std::string_view after) {
    const std::vector<DiffPiece> pieces = DiffWords(before, after);
    ExpectInvariants(before, after, pieces);
    const std::size_t lcs = LcsLength(before, after);
    EXPECT_EQ(ChangedBytes(pieces, DiffPiece::Op::kRemoved), before.size() - lcs);
    EXPECT_EQ(ChangedBytes(pieces, DiffPiece::Op::kAdded), after.size() - lcs);
}

TEST(DiffWordsTest, MinimalOnRandomSmallInputs) {
    std::mt19937 rng(7);
    std::uniform_int_distribution<std::size_t> length(0, 40);
    for (int round = 0; round < 300; ++round) {
        SCOPED_TRACE("round " + std::to_string(round));
        ExpectMinimal(RandomPunctuation(rng, length(rng), ".,;-"),
                      RandomPunctuation(rng, length(rng), ".,;-"));
    }
}

TEST(DiffWordsTest, MinimalForAFewThousandTokensAllChanged) {
    std::mt19937 rng(11);
    ExpectMinimal(RandomPunctuation(rng, 2000, ".,;-!?"), RandomPunctuation(rng, 2000, ".,;-!?"));
}

struct LargeCase {
    const char* name;
    std::string before;
    std::string after;
};

std::string Words(std::mt19937& rng, std::size_t bytes, char first, char last) {
    std::uniform_int_distribution<int> letter(first, last);
    std::uniform_int_distribution<int> word_length(1, 8);
    std::string text;
    while (text.size() < bytes) {
        for (int i = word_length(rng); i > 0; --i) text += static_cast<char>(letter(rng));
        text += letter(rng) % 9 == 0 ? '\n' : ' ';
    }
    text.resize(bytes);
    return text;
}

// Inserts `word` followed by a space at the first word start at or after byte `from`.
void InsertWordAt(std::string& text, std::size_t from, std::string_view word) {
    const std::size_t at = text.find(' ', from) + 1;
    text.insert(at, std::string(word) + " ");
}

TEST(DiffWordsTest, SmallEditToLargeTextStaysSmall) {
    std::mt19937 rng(3);
    const std::string before = Words(rng, 60000, 'a', 'z');
    std::string after = before;
    InsertWordAt(after, after.size() / 3, "inserted");
    InsertWordAt(after, 2 * after.size() / 3, "also");
    const std::vector<DiffPiece> pieces = DiffWords(before, after);
    ExpectInvariants(before, after, pieces);
    EXPECT_EQ(ChangedBytes(pieces, DiffPiece::Op::kRemoved), 0u);
    EXPECT_EQ(ChangedBytes(pieces, DiffPiece::Op::kAdded), std::string("inserted also ").size());
}

std::vector<LargeCase> LargeCases() {
    std::mt19937 rng(60000);
    return {
        {"WordsSharingOnlySpaces", Words(rng, 60000, 'a', 'm'), Words(rng, 60000, 'n', 'z')},
        {"NoCommonToken", RandomPunctuation(rng, 60000, ".,;"),
         RandomPunctuation(rng, 60000, "-+=")},
        {"SameAlphabetShuffled", RandomPunctuation(rng, 60000, ".,;-"),
         RandomPunctuation(rng, 60000, ".,;-")},
    };
}

TEST(DiffWordsTest, LargeTotallyChangedInputsAreBoundedAndCorrect) {
    for (const LargeCase& c : LargeCases()) {
        SCOPED_TRACE(c.name);
        const auto start = std::chrono::steady_clock::now();
        const std::vector<DiffPiece> pieces = DiffWords(c.before, c.after);
        const auto elapsed = std::chrono::steady_clock::now() - start;
        // Generous for Debug and sanitizer builds; the budget keeps it well under a second in
        // an optimised build.
        EXPECT_LT(elapsed, std::chrono::seconds(10));
        ExpectInvariants(c.before, c.after, pieces);
    }
}

}  // namespace
}  // namespace hoot
