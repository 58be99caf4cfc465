// How long making an avatar takes (check, decode, crop, resample, WebP encode): the CPU an upload
// costs the server's blocking pool. Pictures are made here with libgd: a phone-sized JPEG (the
// largest kind that fits in 2 MB), a screenshot-sized PNG and a WebP. Prints the median and the
// slowest of N runs per picture. Usage: avatar_bench [runs] (default 15).

#include <gd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "render/avatar_image.hpp"

namespace {

// Smooth gradients with some noise: compresses like a photo, not like a flat test card.
std::string Picture(int width, int height, const char* format) {
    gdImagePtr image = gdImageCreateTrueColor(width, height);
    unsigned seed = 12345;
    for (int y = 0; y < height; ++y) {
        for (int x = 0; x < width; ++x) {
            seed = seed * 1103515245u + 12345u;
            int noise = static_cast<int>((seed >> 16) % 24);
            gdImageSetPixel(image, x, y,
                            gdTrueColor((x * 255 / width + noise) % 256,
                                        (y * 255 / height + noise) % 256, (x + y + noise) % 256));
        }
    }
    int size = 0;
    void* data = std::string(format) == "jpeg"  ? gdImageJpegPtr(image, &size, 60)
                 : std::string(format) == "png" ? gdImagePngPtr(image, &size)
                                                : gdImageWebpPtrEx(image, &size, 60);
    gdImageDestroy(image);
    std::string out(static_cast<const char*>(data), static_cast<std::size_t>(size));
    gdFree(data);
    return out;
}

}  // namespace

int main(int argc, char** argv) {
    const int runs = argc > 1 ? std::max(1, std::atoi(argv[1])) : 15;
    struct Case {
        const char* name;
        int width, height;
        const char* format;
    };
    const Case cases[] = {{"JPEG 4000x3000", 4000, 3000, "jpeg"},
                          {"PNG 1280x800", 1280, 800, "png"},
                          {"WebP 2000x2000", 2000, 2000, "webp"},
                          {"JPEG 640x480", 640, 480, "jpeg"}};
    std::printf("%-16s %10s %12s %12s %10s\n", "picture", "upload", "median ms", "max ms",
                "out bytes");
    for (const Case& c : cases) {
        std::string upload = Picture(c.width, c.height, c.format);
        std::vector<double> ms;
        std::size_t out_bytes = 0;
        for (int i = 0; i < runs; ++i) {
            auto start = std::chrono::steady_clock::now();
            auto thumbnail = hoot::render::MakeAvatarThumbnail(upload);
            auto end = std::chrono::steady_clock::now();
            if (!thumbnail) {
                std::fprintf(stderr, "%s: %s\n", c.name, thumbnail.error().message.c_str());
                return 1;
            }
            out_bytes = thumbnail->size();
            ms.push_back(std::chrono::duration<double, std::milli>(end - start).count());
        }
        std::sort(ms.begin(), ms.end());
        std::printf("%-16s %9zuK %12.1f %12.1f %10zu\n", c.name, upload.size() / 1024,
                    ms[ms.size() / 2], ms.back(), out_bytes);
    }
    return 0;
}
