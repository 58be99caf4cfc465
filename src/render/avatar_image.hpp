#pragma once
// Avatars: an uploaded picture checked by its content (never by its name or declared type) and
// re-encoded as a square thumbnail, so what Hoot serves is always an image it made itself.
// Pure functions over bytes (libgd with libpng, libjpeg and libwebp underneath); thread-safe.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "domain/result.hpp"

namespace hoot::render {

inline constexpr std::size_t kMaxAvatarUploadBytes = 2 * 1024 * 1024;
// Decompression bombs: a small file can declare a huge canvas. Dimensions are read from the
// header and refused before anything is decoded; the pixel bound keeps the decoded image (four
// bytes a pixel) under 100 MB.
inline constexpr int kMaxAvatarSide = 8000;
inline constexpr std::int64_t kMaxAvatarPixels = 24'000'000;
// The thumbnail's side in pixels; pages show it at this size or smaller.
inline constexpr int kAvatarSide = 256;
inline constexpr std::string_view kAvatarMime = "image/webp";

enum class ImageType { kPng, kJpeg, kWebp };

struct ImageInfo {
    ImageType type = ImageType::kPng;
    int width = 0;
    int height = 0;
};

// The type (from the magic bytes) and dimensions (from the header) of an image, without decoding
// it. kInvalidInput (field "avatar") when the bytes are not a PNG, JPEG or WebP, the header is
// cut short, or the dimensions are zero or beyond the limits above.
Result<ImageInfo> InspectImage(std::string_view bytes);

// The upload as a kAvatarSide × kAvatarSide WebP: the largest centred square, resampled.
// kInvalidInput (field "avatar", with a message for the person) when the upload is empty, larger
// than kMaxAvatarUploadBytes, not a PNG/JPEG/WebP, too large in pixels, or cannot be decoded
// (truncated or corrupt); kInternal if encoding fails.
Result<std::string> MakeAvatarThumbnail(std::string_view upload);

}  // namespace hoot::render
