#include "render/avatar_image.hpp"

#include <gtest/gtest.h>

#include <string>

#include "support/test_images.hpp"

namespace hoot::render {
namespace {

using testing::DecodeWebp;
using testing::MakeTestImage;
using testing::TestImageFormat;

bool Greenish(int pixel) {
    return gdTrueColorGetGreen(pixel) > 200 && gdTrueColorGetRed(pixel) < 60 &&
           gdTrueColorGetBlue(pixel) < 60;
}

struct FormatCase {
    const char* name;
    TestImageFormat format;
    ImageType type;
};
void PrintTo(const FormatCase& c, std::ostream* os) { *os << c.name; }
class AvatarFormatTest : public ::testing::TestWithParam<FormatCase> {};

TEST_P(AvatarFormatTest, InspectsTypeAndSizeFromTheHeader) {
    auto info = InspectImage(MakeTestImage(GetParam().format, 300, 120));
    ASSERT_TRUE(info.ok()) << info.error().message;
    EXPECT_EQ(info->type, GetParam().type);
    EXPECT_EQ(info->width, 300);
    EXPECT_EQ(info->height, 120);
}

// A wide picture keeps its middle: the green band fills the whole square.
TEST_P(AvatarFormatTest, BecomesASquareWebpOfTheCentre) {
    auto thumbnail = MakeAvatarThumbnail(MakeTestImage(GetParam().format, 600, 180));
    ASSERT_TRUE(thumbnail.ok()) << thumbnail.error().message;
    EXPECT_EQ(thumbnail->substr(0, 4), "RIFF");
    EXPECT_EQ(thumbnail->substr(8, 4), "WEBP");
    auto decoded = DecodeWebp(*thumbnail);
    ASSERT_TRUE(decoded.has_value());
    EXPECT_EQ(decoded->width, kAvatarSide);
    EXPECT_EQ(decoded->height, kAvatarSide);
    EXPECT_TRUE(Greenish(decoded->centre)) << std::hex << decoded->centre;
    EXPECT_TRUE(Greenish(decoded->corner)) << std::hex << decoded->corner;
}

TEST_P(AvatarFormatTest, TruncatedPictureIsRefused) {
    std::string image = MakeTestImage(GetParam().format, 200, 200);
    auto thumbnail = MakeAvatarThumbnail(std::string_view(image).substr(0, image.size() / 2));
    ASSERT_FALSE(thumbnail.ok());
    EXPECT_EQ(thumbnail.error().code, Errc::kInvalidInput);
    EXPECT_EQ(thumbnail.error().field, "avatar");
}

INSTANTIATE_TEST_SUITE_P(
    Formats, AvatarFormatTest,
    ::testing::Values(FormatCase{"Png", TestImageFormat::kPng, ImageType::kPng},
                      FormatCase{"Jpeg", TestImageFormat::kJpeg, ImageType::kJpeg},
                      FormatCase{"Webp", TestImageFormat::kWebp, ImageType::kWebp}),
    [](const auto& info) { return std::string(info.param.name); });

TEST(AvatarImageTest, TallPictureKeepsItsMiddleToo) {
    auto thumbnail = MakeAvatarThumbnail(MakeTestImage(TestImageFormat::kPng, 30, 500));
    ASSERT_TRUE(thumbnail.ok()) << thumbnail.error().message;
    auto decoded = DecodeWebp(*thumbnail);
    ASSERT_TRUE(decoded.has_value());
    EXPECT_EQ(decoded->width, kAvatarSide);
    EXPECT_EQ(decoded->height, kAvatarSide);
}

// A PNG whose header claims a canvas beyond the limits: refused before any pixel is decoded.
std::string PngHeader(std::uint32_t width, std::uint32_t height) {
    std::string png("\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR", 16);
    for (std::uint32_t v : {width, height})
        for (int shift = 24; shift >= 0; shift -= 8) png += static_cast<char>((v >> shift) & 0xFF);
    png += std::string("\x08\x02\0\0\0", 5);
    return png + std::string(100, '\0');
}

struct RefusalCase {
    const char* name;
    std::string bytes;
    std::string message;
};
void PrintTo(const RefusalCase& c, std::ostream* os) { *os << c.name; }
class AvatarRefusalTest : public ::testing::TestWithParam<RefusalCase> {};

TEST_P(AvatarRefusalTest, SaysWhyOnTheAvatarField) {
    auto thumbnail = MakeAvatarThumbnail(GetParam().bytes);
    ASSERT_FALSE(thumbnail.ok());
    EXPECT_EQ(thumbnail.error().code, Errc::kInvalidInput);
    EXPECT_EQ(thumbnail.error().field, "avatar");
    EXPECT_NE(thumbnail.error().message.find(GetParam().message), std::string::npos)
        << thumbnail.error().message;
}

INSTANTIATE_TEST_SUITE_P(
    Cases, AvatarRefusalTest,
    ::testing::Values(
        RefusalCase{"Empty", "", "empty"},
        RefusalCase{"TextNamedPng", "hello, I am not a picture\n", "not a PNG, JPEG or WebP"},
        RefusalCase{"Gif", "GIF89a\x01\0\x01\0\0\0\0;", "not a PNG, JPEG or WebP"},
        RefusalCase{"SvgIsNotAccepted", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
                    "not a PNG, JPEG or WebP"},
        RefusalCase{"OverTwoMegabytes",
                    PngHeader(100, 100) + std::string(kMaxAvatarUploadBytes, '\0'),
                    "larger than 2 MB"},
        RefusalCase{"BombTooWide", PngHeader(kMaxAvatarSide + 1, 10), "too large"},
        RefusalCase{"BombTooManyPixels", PngHeader(6000, 6000), "too large"},
        RefusalCase{"ZeroPixels", PngHeader(0, 10), "no pixels"},
        RefusalCase{"PngHeaderOnly", std::string("\x89PNG\r\n\x1a\n", 8), "cut short"},
        RefusalCase{"PngCorruptData", PngHeader(10, 10), "could not be read"},
        RefusalCase{"JpegWithoutFrame", std::string("\xFF\xD8\xFF\xD9", 4), "no frame header"},
        RefusalCase{"JpegCutInHeader", std::string("\xFF\xD8\xFF\xE0\0\x10JFIF", 10), "cut short"},
        RefusalCase{"JpegGarbage", std::string("\xFF\xD8\xFF\xE0\0\x04zz?", 9), "corrupt"},
        RefusalCase{"WebpUnknownChunk",
                    std::string("RIFF\x20\0\0\0WEBPABCD", 16) + std::string(20, '\0'),
                    "does not read"}),
    [](const auto& info) { return std::string(info.param.name); });

}  // namespace
}  // namespace hoot::render
