#include "http/multipart.hpp"

#include <gtest/gtest.h>

#include <string>

namespace hoot::http {
namespace {

constexpr std::string_view kBoundary = "----WebKitFormBoundary7MA4YWxkTrZu0gW";

std::string Part(std::string_view headers, std::string_view data) {
    return "--" + std::string(kBoundary) + "\r\n" + std::string(headers) + "\r\n\r\n" +
           std::string(data) + "\r\n";
}

std::string Close() { return "--" + std::string(kBoundary) + "--\r\n"; }

std::string FieldPart(std::string_view name, std::string_view value) {
    return Part("Content-Disposition: form-data; name=\"" + std::string(name) + "\"", value);
}

TEST(MultipartBoundaryTest, ReadsPlainAndQuotedBoundaries) {
    auto plain = MultipartBoundary("multipart/form-data; boundary=abc123");
    ASSERT_TRUE(plain.ok());
    EXPECT_EQ(*plain, "abc123");
    auto quoted = MultipartBoundary("Multipart/Form-Data; charset=utf-8; BOUNDARY=\"a b:c?\"");
    ASSERT_TRUE(quoted.ok());
    EXPECT_EQ(*quoted, "a b:c?");
}

struct BadTypeCase {
    const char* name;
    std::string content_type;
    std::string message;  // a part of the message the person sees
};
void PrintTo(const BadTypeCase& c, std::ostream* os) { *os << c.name; }
class MultipartBoundaryErrorTest : public ::testing::TestWithParam<BadTypeCase> {};

TEST_P(MultipartBoundaryErrorTest, IsABadRequestThatSaysWhy) {
    auto boundary = MultipartBoundary(GetParam().content_type);
    ASSERT_FALSE(boundary.ok());
    EXPECT_EQ(boundary.error().code, Errc::kBadRequest);
    EXPECT_NE(boundary.error().message.find(GetParam().message), std::string::npos)
        << boundary.error().message;
}

INSTANTIATE_TEST_SUITE_P(
    Cases, MultipartBoundaryErrorTest,
    ::testing::Values(
        BadTypeCase{"Missing", "multipart/form-data", "boundary is missing"},
        BadTypeCase{"Empty", "multipart/form-data; boundary=\"\"", "boundary is missing"},
        BadTypeCase{"TooLong", "multipart/form-data; boundary=" + std::string(71, 'a'),
                    "not valid"},
        BadTypeCase{"BadCharacter", "multipart/form-data; boundary=a<b", "not valid"},
        BadTypeCase{"TrailingSpace", "multipart/form-data; boundary=\"ab \"", "not valid"},
        BadTypeCase{"UnclosedQuote", "multipart/form-data; boundary=\"abc", "not multipart"},
        BadTypeCase{"OtherType", "application/x-www-form-urlencoded", "not multipart"}),
    [](const auto& info) { return std::string(info.param.name); });

TEST(MultipartTest, ReadsFieldsAndAFileInOrder) {
    std::string png("\x89PNG\r\n\x1a\n\0binary\r\n--almost", 24);
    std::string body =
        "preamble is ignored\r\n" + FieldPart("csrf", "tok") + FieldPart("bio", "two\r\nlines") +
        Part(
            "content-disposition: form-data; name=\"avatar\"; filename=\"me.png\"\r\n"
            "Content-Type: image/png",
            png) +
        Part("Content-Disposition: form-data; name=\"empty\"; filename=\"\"", "") + Close() +
        "epilogue";
    auto parts = ParseMultipart(body, kBoundary);
    ASSERT_TRUE(parts.ok()) << parts.error().message;
    ASSERT_EQ(parts->size(), 4u);
    EXPECT_EQ((*parts)[0].name, "csrf");
    EXPECT_EQ((*parts)[0].data, "tok");
    EXPECT_FALSE((*parts)[0].is_file);
    EXPECT_EQ((*parts)[1].data, "two\r\nlines");
    EXPECT_EQ((*parts)[2].name, "avatar");
    EXPECT_TRUE((*parts)[2].is_file);
    EXPECT_EQ((*parts)[2].filename, "me.png");
    EXPECT_EQ((*parts)[2].content_type, "image/png");
    EXPECT_EQ((*parts)[2].data, png);
    EXPECT_TRUE((*parts)[3].is_file);
    EXPECT_EQ((*parts)[3].filename, "");
    EXPECT_EQ((*parts)[3].data, "");
}

TEST(MultipartTest, QuotedParametersKeepSemicolonsAndEscapes) {
    std::string body =
        Part(R"(Content-Disposition: form-data; filename="a;b \"c\".png"; name="f")", "x") +
        Close();
    auto parts = ParseMultipart(body, kBoundary);
    ASSERT_TRUE(parts.ok()) << parts.error().message;
    ASSERT_EQ(parts->size(), 1u);
    EXPECT_EQ((*parts)[0].name, "f");
    EXPECT_EQ((*parts)[0].filename, "a;b \"c\".png");
}

TEST(MultipartTest, AnEmptyFormIsNoParts) {
    auto parts = ParseMultipart(Close(), kBoundary);
    ASSERT_TRUE(parts.ok());
    EXPECT_TRUE(parts->empty());
}

struct BadBodyCase {
    const char* name;
    std::string body;
    Errc code;
    std::string message;
};
void PrintTo(const BadBodyCase& c, std::ostream* os) { *os << c.name; }
class MultipartErrorTest : public ::testing::TestWithParam<BadBodyCase> {};

TEST_P(MultipartErrorTest, IsRefusedWithAMessage) {
    MultipartLimits limits;
    limits.max_parts = 3;
    limits.max_header_bytes = 200;
    limits.max_part_bytes = 100;
    limits.max_total_bytes = 1000;
    auto parts = ParseMultipart(GetParam().body, kBoundary, limits);
    ASSERT_FALSE(parts.ok());
    EXPECT_EQ(parts.error().code, GetParam().code);
    EXPECT_NE(parts.error().message.find(GetParam().message), std::string::npos)
        << parts.error().message;
}

INSTANTIATE_TEST_SUITE_P(
    Cases, MultipartErrorTest,
    ::testing::Values(
        BadBodyCase{"Empty", "", Errc::kBadRequest, "does not start with"},
        BadBodyCase{"NoDelimiter", "name=value", Errc::kBadRequest, "does not start with"},
        BadBodyCase{"OtherBoundary", "--other\r\n\r\n", Errc::kBadRequest, "does not start with"},
        BadBodyCase{"NoClosingDelimiter", FieldPart("a", "b"), Errc::kBadRequest,
                    "closing multipart boundary is missing"},
        BadBodyCase{"TruncatedInData",
                    "--" + std::string(kBoundary) +
                        "\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nhalf a val",
                    Errc::kBadRequest, "closing multipart boundary is missing"},
        BadBodyCase{"EndsAfterDelimiter", "--" + std::string(kBoundary), Errc::kBadRequest,
                    "closing multipart boundary is missing"},
        BadBodyCase{"JunkAfterDelimiter", "--" + std::string(kBoundary) + "junk\r\n",
                    Errc::kBadRequest, "unexpected characters"},
        BadBodyCase{"HeadersNeverEnd",
                    "--" + std::string(kBoundary) + "\r\nContent-Disposition: form-data",
                    Errc::kBadRequest, "headers never end"},
        BadBodyCase{
            "HeadersTooLong",
            Part("Content-Disposition: form-data; name=\"a\"\r\nX-Pad: " + std::string(300, 'p'),
                 "b") +
                Close(),
            Errc::kBadRequest, "headers are too long"},
        BadBodyCase{"NoDisposition", Part("Content-Type: text/plain", "b") + Close(),
                    Errc::kBadRequest, "no Content-Disposition"},
        BadBodyCase{"NoHeadersAtAll", "--" + std::string(kBoundary) + "\r\n\r\nb\r\n" + Close(),
                    Errc::kBadRequest, "no Content-Disposition"},
        BadBodyCase{"NotFormData",
                    Part("Content-Disposition: attachment; name=\"a\"", "b") + Close(),
                    Errc::kBadRequest, "not form-data"},
        BadBodyCase{"NoName", Part("Content-Disposition: form-data; filename=\"a\"", "b") + Close(),
                    Errc::kBadRequest, "no field name"},
        BadBodyCase{"UnclosedQuote",
                    Part("Content-Disposition: form-data; name=\"a", "b") + Close(),
                    Errc::kBadRequest, "unclosed quote"},
        BadBodyCase{"HeaderWithoutName", Part(": value", "b") + Close(), Errc::kBadRequest,
                    "without a name"},
        BadBodyCase{"TooManyParts",
                    FieldPart("a", "1") + FieldPart("b", "2") + FieldPart("c", "3") +
                        FieldPart("d", "4") + Close(),
                    Errc::kBadRequest, "more than 3 parts"},
        BadBodyCase{"PartTooLarge", FieldPart("a", std::string(101, 'x')) + Close(),
                    Errc::kTooLarge, "too large"},
        BadBodyCase{"BodyTooLarge", std::string(1001, 'x'), Errc::kTooLarge, "too large"}),
    [](const auto& info) { return std::string(info.param.name); });

TEST(MultipartTest, RecognisesTheContentType) {
    EXPECT_TRUE(IsMultipartFormData("multipart/form-data; boundary=x"));
    EXPECT_TRUE(IsMultipartFormData(" Multipart/Form-Data"));
    EXPECT_FALSE(IsMultipartFormData("multipart/mixed; boundary=x"));
    EXPECT_FALSE(IsMultipartFormData("application/x-www-form-urlencoded"));
}

}  // namespace
}  // namespace hoot::http
