#pragma once
// Pictures made in the test with libgd, so upload tests use real PNG, JPEG and WebP files
// without binary fixtures in the repository.

#include <gd.h>

#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace hoot::testing {

enum class TestImageFormat { kPng, kJpeg, kWebp };

// A width × height picture in three vertical bands: red, green, blue (left to right).
inline std::string MakeTestImage(TestImageFormat format, int width, int height) {
    gdImagePtr image = gdImageCreateTrueColor(width, height);
    const int colours[] = {gdTrueColor(255, 0, 0), gdTrueColor(0, 255, 0), gdTrueColor(0, 0, 255)};
    for (int band = 0; band < 3; ++band)
        gdImageFilledRectangle(image, band * width / 3, 0, (band + 1) * width / 3 - 1, height - 1,
                               colours[band]);
    int size = 0;
    void* data = nullptr;
    switch (format) {
        case TestImageFormat::kPng:
            data = gdImagePngPtr(image, &size);
            break;
        case TestImageFormat::kJpeg:
            data = gdImageJpegPtr(image, &size, 90);
            break;
        case TestImageFormat::kWebp:
            data = gdImageWebpPtrEx(image, &size, 90);
            break;
    }
    gdImageDestroy(image);
    std::string out(static_cast<const char*>(data), static_cast<std::size_t>(size));
    gdFree(data);
    return out;
}

// A JPEG with an EXIF segment (APP1, right after the start of image) whose only entry is the
// Orientation tag; `payload` replaces the TIFF part when given (a damaged segment).
inline std::string WithExifOrientation(const std::string& jpeg, int orientation,
                                       std::optional<std::string> payload = std::nullopt) {
    std::string tiff = payload.value_or(std::string({'M',  'M',
                                                     0,    42,
                                                     0,    0,
                                                     0,    8,  // big-endian, IFD0 at 8
                                                     0,    1,  // one entry
                                                     0x01, 0x12,
                                                     0,    3,
                                                     0,    0,
                                                     0,    1,  // Orientation, SHORT, 1 value
                                                     0,    static_cast<char>(orientation),
                                                     0,    0,
                                                     0,    0,
                                                     0,    0}));  // the value, no next IFD
    std::string segment = std::string("Exif\0\0", 6) + tiff;
    const std::size_t length = segment.size() + 2;
    std::string app1 = {static_cast<char>(0xFF), static_cast<char>(0xE1),
                        static_cast<char>(length >> 8), static_cast<char>(length & 0xFF)};
    return jpeg.substr(0, 2) + app1 + segment + jpeg.substr(2);
}

// The truecolor pixel at (x, y) of a WebP; nullopt when it is not one.
inline std::optional<int> WebpPixel(std::string_view bytes, int x, int y) {
    gdImagePtr image =
        gdImageCreateFromWebpPtr(static_cast<int>(bytes.size()), const_cast<char*>(bytes.data()));
    if (!image) return std::nullopt;
    int pixel = gdImageGetTrueColorPixel(image, x, y);
    gdImageDestroy(image);
    return pixel;
}

struct DecodedImage {
    int width = 0;
    int height = 0;
    int centre = 0;  // the truecolor pixel at the centre
    int corner = 0;  // at (0, 0)
};

// Decodes a WebP (what Hoot serves); nullopt when it is not one.
inline std::optional<DecodedImage> DecodeWebp(std::string_view bytes) {
    gdImagePtr image =
        gdImageCreateFromWebpPtr(static_cast<int>(bytes.size()), const_cast<char*>(bytes.data()));
    if (!image) return std::nullopt;
    DecodedImage out{gdImageSX(image), gdImageSY(image),
                     gdImageGetTrueColorPixel(image, gdImageSX(image) / 2, gdImageSY(image) / 2),
                     gdImageGetTrueColorPixel(image, 0, 0)};
    gdImageDestroy(image);
    return out;
}

}  // namespace hoot::testing
