#include "render/avatar_image.hpp"

#include <gd.h>
#include <libexif/exif-data.h>

#include <algorithm>
#include <cstdarg>
#include <memory>
#include <mutex>
#include <optional>

namespace hoot::render {
namespace {

Error Refused(std::string message, std::string detail = {}) {
    return Error::Make(Errc::kInvalidInput, std::move(message), "avatar", std::move(detail));
}

std::uint32_t BigEndian32(std::string_view b, std::size_t at) {
    auto byte = [&](std::size_t i) { return static_cast<std::uint32_t>(std::uint8_t(b[at + i])); };
    return byte(0) << 24 | byte(1) << 16 | byte(2) << 8 | byte(3);
}
std::uint32_t BigEndian16(std::string_view b, std::size_t at) {
    return static_cast<std::uint32_t>(std::uint8_t(b[at])) << 8 | std::uint8_t(b[at + 1]);
}
std::uint32_t LittleEndian(std::string_view b, std::size_t at, int bytes) {
    std::uint32_t value = 0;
    for (int i = bytes - 1; i >= 0; --i)
        value = value << 8 | std::uint8_t(b[at + static_cast<std::size_t>(i)]);
    return value;
}

bool StartsWith(std::string_view bytes, std::string_view magic, std::size_t at = 0) {
    return bytes.size() >= at + magic.size() && bytes.substr(at, magic.size()) == magic;
}

Error CutShort() { return Refused("The picture is cut short: its header is incomplete."); }

// PNG: the signature, then the IHDR chunk with width and height (RFC 2083 §3, §4.1.1).
Result<ImageInfo> InspectPng(std::string_view b) {
    if (b.size() < 24) return CutShort();
    if (b.substr(12, 4) != "IHDR") return Refused("The PNG picture has no header chunk.");
    return ImageInfo{ImageType::kPng,
                     static_cast<int>(std::min<std::uint32_t>(BigEndian32(b, 16), 1u << 30)),
                     static_cast<int>(std::min<std::uint32_t>(BigEndian32(b, 20), 1u << 30))};
}

// JPEG: walk the marker segments to the first start-of-frame, which holds the dimensions; from
// `start_of_scan`, to where the compressed data begins (0 when it is never reached).
Result<ImageInfo> InspectJpeg(std::string_view b, std::size_t* start_of_scan = nullptr) {
    std::optional<ImageInfo> frame_info;
    std::size_t i = 2;
    while (true) {
        if (i >= b.size()) return CutShort();
        if (std::uint8_t(b[i]) != 0xFF) return Refused("The JPEG picture is corrupt.");
        while (i < b.size() && std::uint8_t(b[i]) == 0xFF) ++i;  // fill bytes before a marker
        if (i >= b.size()) return CutShort();
        std::uint8_t marker = std::uint8_t(b[i++]);
        if (marker == 0xD8 || marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) continue;
        if (marker == 0xDA && frame_info && start_of_scan) {
            *start_of_scan = i;
            return *frame_info;
        }
        if (marker == 0xD9 || marker == 0xDA)  // end of image, or scan data before any frame
            return Refused("The JPEG picture has no frame header.");
        if (i + 2 > b.size()) return CutShort();
        std::size_t length = BigEndian16(b, i);
        if (length < 2) return Refused("The JPEG picture is corrupt.");
        bool frame =
            marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
        if (frame && !frame_info) {
            if (i + 7 > b.size()) return CutShort();
            frame_info = ImageInfo{ImageType::kJpeg, static_cast<int>(BigEndian16(b, i + 5)),
                                   static_cast<int>(BigEndian16(b, i + 3))};
            if (!start_of_scan) return *frame_info;
        }
        i += length;
    }
}

// WebP: a RIFF container whose first chunk is VP8 (lossy), VP8L (lossless) or VP8X (extended,
// with the canvas size), per Google's WebP container specification.
Result<ImageInfo> InspectWebp(std::string_view b) {
    if (b.size() < 30) return CutShort();
    std::string_view chunk = b.substr(12, 4);
    if (chunk == "VP8X") {
        return ImageInfo{ImageType::kWebp, static_cast<int>(LittleEndian(b, 24, 3) + 1),
                         static_cast<int>(LittleEndian(b, 27, 3) + 1)};
    }
    if (chunk == "VP8L") {
        if (std::uint8_t(b[20]) != 0x2F) return Refused("The WebP picture is corrupt.");
        std::uint32_t bits = LittleEndian(b, 21, 4);
        return ImageInfo{ImageType::kWebp, static_cast<int>((bits & 0x3FFF) + 1),
                         static_cast<int>(((bits >> 14) & 0x3FFF) + 1)};
    }
    if (chunk == "VP8 ") {
        if (!StartsWith(b, "\x9d\x01\x2a", 23)) return Refused("The WebP picture is corrupt.");
        return ImageInfo{ImageType::kWebp, static_cast<int>(LittleEndian(b, 26, 2) & 0x3FFF),
                         static_cast<int>(LittleEndian(b, 28, 2) & 0x3FFF)};
    }
    return Refused("The WebP picture is of a kind Hoot does not read.");
}

// libgd reports decoding trouble through one process-wide callback; by default it prints to
// standard error. A refused upload is already answered to the person, so it is kept quiet.
void QuietGdErrors(int, const char*, va_list) {}

struct GdImageFree {
    void operator()(gdImage* image) const { gdImageDestroy(image); }
};
using GdImage = std::unique_ptr<gdImage, GdImageFree>;

// libjpeg decodes a truncated file as far as it goes and pads it with grey, reporting that only
// as a warning that libgd does not pass on. The end-of-image marker after the compressed data
// tells a complete file (inside the data, 0xFF is always followed by 0x00 or a restart marker).
bool JpegComplete(std::string_view bytes) {
    std::size_t scan = 0;
    if (!InspectJpeg(bytes, &scan) || scan == 0) return false;
    return bytes.find("\xFF\xD9", scan) != std::string_view::npos;
}

GdImage Decode(std::string_view bytes, ImageType type) {
    static std::once_flag quiet;
    std::call_once(quiet, [] { gdSetErrorMethod(QuietGdErrors); });
    // libgd takes a non-const pointer but only reads through it.
    void* data = const_cast<char*>(bytes.data());
    int size = static_cast<int>(bytes.size());
    switch (type) {
        case ImageType::kPng:
            return GdImage(gdImageCreateFromPngPtr(size, data));
        case ImageType::kJpeg:
            // A half-grey face is no avatar: a truncated file is refused, not padded.
            if (!JpegComplete(bytes)) return nullptr;
            return GdImage(gdImageCreateFromJpegPtrEx(size, data, 0));
        case ImageType::kWebp:
            return GdImage(gdImageCreateFromWebpPtr(size, data));
    }
    return nullptr;
}

// How a camera says the stored pixels are to be turned for display (EXIF Orientation, tag
// 0x0112): phones store a portrait photo sideways and set 6 or 8. 1 (as stored) when the picture
// says nothing or libexif cannot read what it says.
int ExifOrientation(std::string_view bytes) {
    std::unique_ptr<ExifData, decltype(&exif_data_unref)> exif(
        exif_data_new_from_data(reinterpret_cast<const unsigned char*>(bytes.data()),
                                static_cast<unsigned int>(bytes.size())),
        &exif_data_unref);
    if (!exif) return 1;
    ExifEntry* entry = exif_data_get_entry(exif.get(), EXIF_TAG_ORIENTATION);
    if (!entry || entry->format != EXIF_FORMAT_SHORT || entry->components < 1 || entry->size < 2)
        return 1;
    const int orientation = exif_get_short(entry->data, exif_data_get_byte_order(exif.get()));
    return orientation >= 1 && orientation <= 8 ? orientation : 1;
}

// The square turned as `orientation` says. The centred square of the turned picture is the turned
// centred square of the stored one, so the thumbnail is cut first and only its pixels move.
GdImage Oriented(GdImage square, int orientation) {
    if (orientation == 1) return square;
    const int n = gdImageSX(square.get());
    GdImage out(gdImageCreateTrueColor(n, n));
    if (!out) return square;
    gdImageAlphaBlending(out.get(), 0);
    gdImageSaveAlpha(out.get(), 1);
    const int last = n - 1;
    for (int y = 0; y < n; ++y) {
        for (int x = 0; x < n; ++x) {
            int sx = x, sy = y;  // the stored pixel shown at (x, y)
            switch (orientation) {
                case 2:  // mirrored left to right
                    sx = last - x;
                    break;
                case 3:  // upside down
                    sx = last - x;
                    sy = last - y;
                    break;
                case 4:  // mirrored top to bottom
                    sy = last - y;
                    break;
                case 5:  // transposed
                    sx = y;
                    sy = x;
                    break;
                case 6:  // to be turned a quarter clockwise
                    sx = y;
                    sy = last - x;
                    break;
                case 7:  // transversed
                    sx = last - y;
                    sy = last - x;
                    break;
                case 8:  // to be turned a quarter anticlockwise
                    sx = last - y;
                    sy = x;
                    break;
                default:
                    break;
            }
            gdImageSetPixel(out.get(), x, y, gdImageGetTrueColorPixel(square.get(), sx, sy));
        }
    }
    return out;
}

}  // namespace

Result<ImageInfo> InspectImage(std::string_view bytes) {
    Result<ImageInfo> info = Refused("");
    if (StartsWith(bytes, "\x89PNG\r\n\x1a\n")) {
        info = InspectPng(bytes);
    } else if (StartsWith(bytes, "\xFF\xD8\xFF")) {
        info = InspectJpeg(bytes);
    } else if (StartsWith(bytes, "RIFF") && StartsWith(bytes, "WEBP", 8)) {
        info = InspectWebp(bytes);
    } else {
        return Refused("That file is not a PNG, JPEG or WebP picture.");
    }
    if (!info) return info;
    if (info->width <= 0 || info->height <= 0) return Refused("The picture has no pixels.");
    if (info->width > kMaxAvatarSide || info->height > kMaxAvatarSide ||
        std::int64_t(info->width) * info->height > kMaxAvatarPixels)
        return Refused("The picture is too large: at most " + std::to_string(kMaxAvatarSide) +
                       " pixels a side and " + std::to_string(kMaxAvatarPixels / 1'000'000) +
                       " megapixels.");
    return info;
}

Result<std::string> MakeAvatarThumbnail(std::string_view upload) {
    if (upload.empty()) return Refused("The picture file is empty.");
    if (upload.size() > kMaxAvatarUploadBytes)
        return Refused("The picture is larger than 2 MB. Choose a smaller one.");
    auto info = InspectImage(upload);
    if (!info) return info.take_error();
    GdImage source = Decode(upload, info->type);
    if (!source) return Refused("The picture could not be read: it may be cut short or corrupt.");
    const int width = gdImageSX(source.get()), height = gdImageSY(source.get());
    if (width != info->width || height != info->height)
        return Refused("The picture is corrupt: its size does not match its header.");

    GdImage square(gdImageCreateTrueColor(kAvatarSide, kAvatarSide));
    if (!square) return Error::Make(Errc::kInternal, "The picture could not be resized.");
    // Transparency is kept (a PNG logo on a transparent ground stays so), not blended onto black.
    gdImageAlphaBlending(square.get(), 0);
    gdImageSaveAlpha(square.get(), 1);
    const int side = std::min(width, height);
    gdImageCopyResampled(square.get(), source.get(), 0, 0, (width - side) / 2, (height - side) / 2,
                         kAvatarSide, kAvatarSide, side, side);
    // JPEG is where cameras write it; libexif reads it from the JPEG's APP1 segment.
    if (info->type == ImageType::kJpeg)
        square = Oriented(std::move(square), ExifOrientation(upload));
    int size = 0;
    void* encoded = gdImageWebpPtrEx(square.get(), &size, 85);
    if (!encoded || size <= 0) {
        if (encoded) gdFree(encoded);
        return Error::Make(Errc::kInternal, "The picture could not be saved.", "avatar",
                           "gdImageWebpPtrEx failed");
    }
    std::string out(static_cast<const char*>(encoded), static_cast<std::size_t>(size));
    gdFree(encoded);
    return out;
}

}  // namespace hoot::render
