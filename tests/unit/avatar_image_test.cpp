#include "render/avatar_image.hpp"

#include <gtest/gtest.h>

#include <optional>
#include <random>
#include <string>
#include <utility>

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

// Phones store a portrait photo sideways and say in EXIF how to turn it: the avatar shows it the
// way the camera meant. The picture's red band is on the left as stored; `red` is the side of
// the avatar it must end up on (blue is opposite).
enum class Side { kLeft, kRight, kTop, kBottom };
struct OrientationCase {
    int orientation;
    Side red;
};
void PrintTo(const OrientationCase& c, std::ostream* os) { *os << "orientation " << c.orientation; }
class AvatarOrientationTest : public ::testing::TestWithParam<OrientationCase> {};

bool Reddish(int pixel) {
    return gdTrueColorGetRed(pixel) > 200 && gdTrueColorGetGreen(pixel) < 60 &&
           gdTrueColorGetBlue(pixel) < 60;
}
bool Bluish(int pixel) {
    return gdTrueColorGetBlue(pixel) > 200 && gdTrueColorGetRed(pixel) < 60 &&
           gdTrueColorGetGreen(pixel) < 60;
}

// A pixel well inside the band along `side` of the avatar.
int PixelOn(const std::string& webp, Side side) {
    constexpr int kNear = 8, kFar = kAvatarSide - 9, kMiddle = kAvatarSide / 2;
    constexpr std::pair<int, int> kPoints[] = {
        {kNear, kMiddle}, {kFar, kMiddle}, {kMiddle, kNear}, {kMiddle, kFar}};
    const auto [x, y] = kPoints[static_cast<int>(side)];
    std::optional<int> pixel = testing::WebpPixel(webp, x, y);
    EXPECT_TRUE(pixel.has_value());
    return pixel.value_or(0);
}

Side Opposite(Side side) {
    constexpr Side kOpposites[] = {Side::kRight, Side::kLeft, Side::kBottom, Side::kTop};
    return kOpposites[static_cast<int>(side)];
}

TEST_P(AvatarOrientationTest, TheAvatarIsTurnedAsThePhotoSays) {
    // 90 × 60: the centred square holds the red band's right half, green, then blue's left half.
    std::string photo = testing::WithExifOrientation(MakeTestImage(TestImageFormat::kJpeg, 90, 60),
                                                     GetParam().orientation);
    auto thumbnail = MakeAvatarThumbnail(photo);
    ASSERT_TRUE(thumbnail.ok()) << thumbnail.error().message;
    EXPECT_TRUE(Reddish(PixelOn(*thumbnail, GetParam().red)));
    EXPECT_TRUE(Bluish(PixelOn(*thumbnail, Opposite(GetParam().red))));
}

INSTANTIATE_TEST_SUITE_P(
    EveryExifOrientation, AvatarOrientationTest,
    ::testing::Values(OrientationCase{1, Side::kLeft}, OrientationCase{2, Side::kRight},
                      OrientationCase{3, Side::kRight}, OrientationCase{4, Side::kLeft},
                      OrientationCase{5, Side::kTop}, OrientationCase{6, Side::kTop},
                      OrientationCase{7, Side::kBottom}, OrientationCase{8, Side::kBottom}),
    [](const auto& info) { return "Orientation" + std::to_string(info.param.orientation); });

// An orientation outside 1–8, or an EXIF segment that cannot be read, leaves the photo as stored.
TEST(AvatarImageTest, UnreadableOrientationLeavesThePhotoAsStored) {
    const std::string jpeg = MakeTestImage(TestImageFormat::kJpeg, 90, 60);
    for (const std::string& photo :
         {testing::WithExifOrientation(jpeg, 9), testing::WithExifOrientation(jpeg, 0),
          testing::WithExifOrientation(jpeg, 6, std::string("MM\0*\0\0\xff\xff garbage", 16)),
          testing::WithExifOrientation(jpeg, 6, std::string(""))}) {
        auto thumbnail = MakeAvatarThumbnail(photo);
        ASSERT_TRUE(thumbnail.ok()) << thumbnail.error().message;
        EXPECT_TRUE(Reddish(PixelOn(*thumbnail, Side::kLeft)));
        EXPECT_TRUE(Bluish(PixelOn(*thumbnail, Side::kRight)));
    }
}

// EXIF is the uploader's bytes, read by libexif: damaged in any way, it never breaks an upload
// (run under AddressSanitizer in CI). Headers that parse, with entry counts, offsets and types
// that point anywhere, and plain noise.
TEST(AvatarImageTest, DamagedExifNeverBreaksAnUpload) {
    const std::string jpeg = MakeTestImage(TestImageFormat::kJpeg, 90, 60);
    std::mt19937 random(20261124);
    std::uniform_int_distribution<int> byte(0, 255), length(0, 80), kind(0, 2);
    for (int i = 0; i < 60; ++i) {
        std::string payload;
        if (int k = kind(random); k == 0)
            payload = std::string("MM\0*\0\0\0\x08", 8);
        else if (k == 1)
            payload = std::string("II*\0\x08\0\0\0", 8);
        for (int n = length(random); n > 0; --n) payload += static_cast<char>(byte(random));
        auto thumbnail = MakeAvatarThumbnail(testing::WithExifOrientation(jpeg, 1, payload));
        ASSERT_TRUE(thumbnail.ok()) << "case " << i << ": " << thumbnail.error().message;
        auto decoded = DecodeWebp(*thumbnail);
        ASSERT_TRUE(decoded.has_value()) << "case " << i;
        EXPECT_EQ(decoded->width, kAvatarSide);
    }
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
