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
