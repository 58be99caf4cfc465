#include "domain/validation.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace hoot {
namespace {

// A case either expects a normalised value or an error for a field whose message contains
// `message_part` (empty `message_part`: any message).
struct TextCase {
    const char* name;
    std::string input;
    bool ok;
    std::string expected;  // the value when ok, part of the message otherwise
};

void PrintTo(const TextCase& c, std::ostream* os) { *os << c.name; }

std::string CaseName(const ::testing::TestParamInfo<TextCase>& info) { return info.param.name; }

void ExpectOutcome(const Result<std::string>& result, const TextCase& c, const char* field) {
    if (c.ok) {
        ASSERT_TRUE(result.ok()) << result.error().message;
        EXPECT_EQ(*result, c.expected);
    } else {
        ASSERT_FALSE(result.ok()) << "accepted as: " << *result;
        EXPECT_EQ(result.error().code, Errc::kInvalidInput);
        EXPECT_EQ(result.error().field, field);
        EXPECT_NE(result.error().message.find(c.expected), std::string::npos)
            << result.error().message;
    }
}

// --- IsCleanUtf8Text and Utf8Length --------------------------------------------------------

struct CleanCase {
    const char* name;
    std::string text;
    bool clean;
};

void PrintTo(const CleanCase& c, std::ostream* os) { *os << c.name; }

class IsCleanUtf8TextTest : public ::testing::TestWithParam<CleanCase> {};

TEST_P(IsCleanUtf8TextTest, Classifies) {
    EXPECT_EQ(IsCleanUtf8Text(GetParam().text), GetParam().clean);
}

INSTANTIATE_TEST_SUITE_P(
    Cases, IsCleanUtf8TextTest,
    ::testing::Values(CleanCase{"Empty", "", true}, CleanCase{"Ascii", "hello world", true},
                      CleanCase{"AllowedWhitespace", "a\nb\r\nc\td", true},
                      CleanCase{"TwoByte", "caf\xc3\xa9", true},
                      CleanCase{"ThreeByte", "\xe2\x82\xac", true},
                      CleanCase{"FourByte", "\xf0\x9f\xa6\x89", true},
                      CleanCase{"Nul", std::string("a\0b", 3), false},
                      CleanCase{"Escape", "a\x1b[31m", false}, CleanCase{"Delete", "a\x7f", false},
                      CleanCase{"C1Control", "a\xc2\x85", false},
                      CleanCase{"LoneContinuation", "a\x80", false},
                      CleanCase{"TruncatedSequence", "a\xe2\x82", false},
                      CleanCase{"Overlong", "\xc0\xaf", false},
                      CleanCase{"OverlongThreeByte", "\xe0\x80\xaf", false},
                      CleanCase{"Surrogate", "\xed\xa0\x80", false},
                      CleanCase{"AboveMaxCodePoint", "\xf4\x90\x80\x80", false},
                      CleanCase{"InvalidLead", "\xff", false}),
    [](const auto& info) { return std::string(info.param.name); });

TEST(Utf8LengthTest, CountsCodePoints) {
    EXPECT_EQ(Utf8Length(""), 0u);
    EXPECT_EQ(Utf8Length("abc"), 3u);
    EXPECT_EQ(Utf8Length("caf\xc3\xa9"), 4u);
    EXPECT_EQ(Utf8Length("\xf0\x9f\xa6\x89\xe2\x82\xac"), 2u);
}

// --- Username ------------------------------------------------------------------------------

class ValidateUsernameTest : public ::testing::TestWithParam<TextCase> {};

TEST_P(ValidateUsernameTest, Validates) {
    ExpectOutcome(ValidateUsername(GetParam().input), GetParam(), "username");
}

const std::string kUsernameRule = "Username must be 3 to 32 characters";

INSTANTIATE_TEST_SUITE_P(
    Cases, ValidateUsernameTest,
    ::testing::Values(TextCase{"Simple", "alice", true, "alice"},
                      TextCase{"CaseKept", "MikeDHSc", true, "MikeDHSc"},
                      TextCase{"DigitsUnderscoreDash", "a_b-9", true, "a_b-9"},
                      TextCase{"ShortestAllowed", "abc", true, "abc"},
                      TextCase{"LongestAllowed", std::string(32, 'x'), true, std::string(32, 'x')},
                      TextCase{"SurroundingSpacesTrimmed", " bob \n", true, "bob"},
                      TextCase{"TooShort", "ab", false, kUsernameRule},
                      TextCase{"TooLong", std::string(33, 'x'), false, kUsernameRule},
                      TextCase{"Empty", "", false, kUsernameRule},
                      TextCase{"InnerSpace", "al ice", false, kUsernameRule},
                      TextCase{"Dot", "al.ice", false, kUsernameRule},
                      TextCase{"At", "alice@x", false, kUsernameRule},
                      TextCase{"NonAscii", "j\xc3\xb6rg", false, kUsernameRule},
                      TextCase{"InvalidUtf8", "abc\xff", false, kUsernameRule}),
    CaseName);

// --- Password ------------------------------------------------------------------------------

TEST(ValidatePasswordTest, AcceptsTenCharacters) {
    EXPECT_TRUE(ValidatePassword("0123456789").ok());
}

TEST(ValidatePasswordTest, CountsCodePointsNotBytes) {
    // Five two-byte characters are ten bytes but only five characters.
    const std::string five = "\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9";
    const Status status = ValidatePassword(five);
    ASSERT_FALSE(status.ok());
    EXPECT_EQ(status.error().message, "Password must be at least 10 characters.");
    EXPECT_TRUE(ValidatePassword(five + five).ok());
}

TEST(ValidatePasswordTest, RejectsNineCharacters) {
    const Status status = ValidatePassword("123456789");
    ASSERT_FALSE(status.ok());
    EXPECT_EQ(status.error().code, Errc::kInvalidInput);
    EXPECT_EQ(status.error().field, "password");
    EXPECT_EQ(status.error().message, "Password must be at least 10 characters.");
}

TEST(ValidatePasswordTest, SpacesCountAndAreKept) {
    EXPECT_TRUE(ValidatePassword("     x    ").ok());
}

TEST(ValidatePasswordTest, RejectsMoreThan1024Bytes) {
    EXPECT_TRUE(ValidatePassword(std::string(1024, 'p')).ok());
    const Status status = ValidatePassword(std::string(1025, 'p'));
    ASSERT_FALSE(status.ok());
    EXPECT_EQ(status.error().field, "password");
}

// --- Title ---------------------------------------------------------------------------------

class ValidateTitleTest : public ::testing::TestWithParam<TextCase> {};

TEST_P(ValidateTitleTest, Validates) {
    ExpectOutcome(ValidateTitle(GetParam().input), GetParam(), "title");
}

const std::string kTitleLength = "Title must be 5 to 200 characters.";

INSTANTIATE_TEST_SUITE_P(
    Cases, ValidateTitleTest,
    ::testing::Values(
        TextCase{"Simple", "Sore glutes from running", true, "Sore glutes from running"},
        TextCase{"Trimmed", "  Hello there \t", true, "Hello there"},
        TextCase{"FiveCharacters", "abcde", true, "abcde"},
        TextCase{"FiveMultibyteCharacters", "\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9", true,
                 "\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9"},
        TextCase{"TwoHundredCharacters", std::string(200, 't'), true, std::string(200, 't')},
        TextCase{"TooShort", "abcd", false, kTitleLength},
        TextCase{"TooShortAfterTrim", "  abc    ", false, kTitleLength},
        TextCase{"TooLong", std::string(201, 't'), false, kTitleLength},
        TextCase{"Empty", "", false, kTitleLength},
        TextCase{"Newline", "first line\nsecond", false, "one line"},
        TextCase{"Tab", "a title\twith tab", false, "control characters"},
        TextCase{"ControlCharacter", "bell\x07 title", false, "control characters"},
        TextCase{"InvalidUtf8", "caf\xe9 au lait", false, "aren't valid text"},
        TextCase{"Overlong", "slash \xc0\xaf here", false, "aren't valid text"}),
    CaseName);

// --- Body ----------------------------------------------------------------------------------

class ValidateBodyTest : public ::testing::TestWithParam<TextCase> {};

TEST_P(ValidateBodyTest, Validates) {
    ExpectOutcome(ValidateBody(GetParam().input, 100), GetParam(), "body");
}

INSTANTIATE_TEST_SUITE_P(
    Cases, ValidateBodyTest,
    ::testing::Values(TextCase{"Simple", "Some *markdown*.", true, "Some *markdown*."},
                      TextCase{"TrailingWhitespaceTrimmed", "text\n\n  \t", true, "text"},
                      TextCase{"LeadingBlankLinesTrimmed", "\n  \n# Heading", true, "# Heading"},
                      TextCase{"IndentedCodeKept", "    int x;\nmore", true, "    int x;\nmore"},
                      TextCase{"CrlfNormalised", "a\r\nb\rc", true, "a\nb\nc"},
                      TextCase{"TabsAllowed", "a\tb", true, "a\tb"},
                      TextCase{"Emoji", "owl \xf0\x9f\xa6\x89", true, "owl \xf0\x9f\xa6\x89"},
                      TextCase{"ExactlyMaxBytes", std::string(100, 'b'), true,
                               std::string(100, 'b')},
                      TextCase{"Empty", "", false, "Body can't be empty."},
                      TextCase{"OnlyWhitespace", " \n\t\r\n ", false, "Body can't be empty."},
                      TextCase{"TooLong", std::string(101, 'b'), false, "Body is too long"},
                      TextCase{"InvalidUtf8", "bad \xff byte", false, "aren't valid text"},
                      TextCase{"TruncatedSequence", "cut \xe2\x82", false, "aren't valid text"},
                      TextCase{"Nul", std::string("a\0b", 3), false, "aren't valid text"},
                      TextCase{"Escape", "colour \x1b[31m", false, "aren't valid text"}),
    CaseName);

TEST(ValidateBodyTest, NamesTheGivenField) {
    const auto result = ValidateBody("", kMaxCommentBody, "comment");
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.error().field, "comment");
    EXPECT_EQ(result.error().message, "Comment can't be empty.");
}

TEST(ValidateBodyTest, LimitAppliesAfterCrlfNormalisation) {
    // 50 CRLF pairs are 100 bytes typed, 50 bytes stored.
    std::string text;
    for (int i = 0; i < 50; ++i) text += "x\r\n";
    const auto result = ValidateBody(text, 100);
    ASSERT_TRUE(result.ok()) << result.error().message;
    EXPECT_EQ(result->find('\r'), std::string::npos);
}

// --- Tags ----------------------------------------------------------------------------------

struct TagsCase {
    const char* name;
    std::string input;
    bool ok;
    std::vector<std::string> tags;  // when ok
    std::string message_part;       // when not
};

void PrintTo(const TagsCase& c, std::ostream* os) { *os << c.name; }

class ParseTagsTest : public ::testing::TestWithParam<TagsCase> {};

TEST_P(ParseTagsTest, Parses) {
    const TagsCase& c = GetParam();
    const auto result = ParseTags(c.input);
    if (c.ok) {
        ASSERT_TRUE(result.ok()) << result.error().message;
        EXPECT_EQ(*result, c.tags);
    } else {
        ASSERT_FALSE(result.ok());
        EXPECT_EQ(result.error().code, Errc::kInvalidInput);
        EXPECT_EQ(result.error().field, "tags");
        EXPECT_EQ(result.error().message, c.message_part);
    }
}

using Tags = std::vector<std::string>;
const std::string kOnlyChars = "may only use a-z, 0-9, '.', '+', '#' and '-'.";

INSTANTIATE_TEST_SUITE_P(
    Cases, ParseTagsTest,
    ::testing::Values(
        TagsCase{"Empty", "", true, Tags{}, ""},
        TagsCase{"OnlySeparators", " , ,, ", true, Tags{}, ""},
        TagsCase{"SpaceSeparated", "running fitness", true, Tags{"running", "fitness"}, ""},
        TagsCase{"CommaSeparated", "a,b, c ,d", true, Tags{"a", "b", "c", "d"}, ""},
        TagsCase{"NewlinesAndTabs", "a\nb\tc", true, Tags{"a", "b", "c"}, ""},
        TagsCase{"LowerCased", "C++ Node.JS", true, Tags{"c++", "node.js"}, ""},
        TagsCase{"LeadingHashDropped", "#running #c#", true, Tags{"running", "c#"}, ""},
        TagsCase{"AllAllowedCharacters", "a-z.0+9#", true, Tags{"a-z.0+9#"}, ""},
        TagsCase{"DuplicatesRemovedInOrder", "b a B #a c", true, Tags{"b", "a", "c"}, ""},
        TagsCase{"FiveTags", "a b c d e", true, Tags{"a", "b", "c", "d", "e"}, ""},
        TagsCase{"DuplicatesDoNotCountTowardsFive", "a b c d e a E", true,
                 Tags{"a", "b", "c", "d", "e"}, ""},
        TagsCase{"LongestTag", std::string(35, 't'), true, Tags{std::string(35, 't')}, ""},
        TagsCase{"SixTags", "a b c d e f", false, Tags{}, "Up to 5 tags."},
        TagsCase{"Underscore", "snake_case", false, Tags{}, "Tag 'snake_case' " + kOnlyChars},
        TagsCase{"Slash", "a/b", false, Tags{}, "Tag 'a/b' " + kOnlyChars},
        TagsCase{"NonAscii", "caf\xc3\xa9", false, Tags{}, "Tag 'caf\xc3\xa9' " + kOnlyChars},
        TagsCase{"InvalidUtf8NotEchoed", "bad\xff", false, Tags{}, "Tag '?' " + kOnlyChars},
        TagsCase{"TooLong", std::string(36, 't'), false, Tags{},
                 "Tag '" + std::string(35, 't') + "…' is too long: at most 35 characters."},
        TagsCase{"BareHash", "#", false, Tags{}, "A tag can't be empty."}),
    [](const auto& info) { return std::string(info.param.name); });

TEST(NormalizeTagsTest, AppliesTheSameRules) {
    const auto result = NormalizeTags({"#Running", " fitness ", "running"});
    ASSERT_TRUE(result.ok()) << result.error().message;
    EXPECT_EQ(*result, (Tags{"running", "fitness"}));
}

TEST(NormalizeTagsTest, RejectsSeparatorsInsideOneTag) {
    const auto result = NormalizeTags({"two words"});
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.error().message, "Tag 'two words' " + kOnlyChars);
}

TEST(NormalizeTagsTest, RejectsEmptyTag) {
    const auto result = NormalizeTags({"ok", ""});
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.error().field, "tags");
}

TEST(NormalizeTagsTest, RejectsMoreThanFive) {
    const auto result = NormalizeTags({"a", "b", "c", "d", "e", "f"});
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.error().message, "Up to 5 tags.");
}

// --- Display name and bio -------------------------------------------------------------------

class ValidateDisplayNameTest : public ::testing::TestWithParam<TextCase> {};

TEST_P(ValidateDisplayNameTest, Validates) {
    ExpectOutcome(ValidateDisplayName(GetParam().input), GetParam(), "display_name");
}

const std::string k64Owls = [] {
    std::string owls;
    for (int i = 0; i < 64; ++i) owls += "\xf0\x9f\xa6\x89";
    return owls;
}();

INSTANTIATE_TEST_SUITE_P(
    Cases, ValidateDisplayNameTest,
    ::testing::Values(TextCase{"Simple", "Mike D.", true, "Mike D."},
                      TextCase{"EmptyAllowed", "", true, ""},
                      TextCase{"WhitespaceOnlyBecomesEmpty", "   ", true, ""},
                      TextCase{"Trimmed", "  J\xc3\xb6rg  ", true, "J\xc3\xb6rg"},
                      TextCase{"SixtyFourCodePoints", k64Owls, true, k64Owls},
                      TextCase{"TooLong", std::string(65, 'n'), false,
                               "Display name must be at most 64 characters."},
                      TextCase{"TooLongMultibyte", k64Owls + "\xc3\xa9", false, "at most 64"},
                      TextCase{"Newline", "two\nlines", false, "one line"},
                      TextCase{"InvalidUtf8", "bad\xc3", false, "aren't valid text"}),
    CaseName);

class ValidateBioTest : public ::testing::TestWithParam<TextCase> {};

TEST_P(ValidateBioTest, Validates) {
    ExpectOutcome(ValidateBio(GetParam().input), GetParam(), "bio");
}

INSTANTIATE_TEST_SUITE_P(
    Cases, ValidateBioTest,
    ::testing::Values(TextCase{"Simple", "I run.", true, "I run."},
                      TextCase{"EmptyAllowed", "", true, ""},
                      TextCase{"MultipleLinesKept", "line one\r\n\r\nline two\n", true,
                               "line one\n\nline two"},
                      TextCase{"MaxBytes", std::string(2000, 'b'), true, std::string(2000, 'b')},
                      TextCase{"TooLong", std::string(2001, 'b'), false, "Bio is too long"},
                      TextCase{"ControlCharacter", "ring\x07", false, "Bio contains characters"},
                      TextCase{"InvalidUtf8", "\xc3\x28", false, "Bio contains characters"}),
    CaseName);

}  // namespace
}  // namespace hoot
