#pragma once
// Helpers shared by the test suites: temporary folders and the shared/ data folder.

#include <filesystem>
#include <string>

namespace hoot::testing {

// A fresh folder under the system temp dir, removed with everything in it on destruction.
class TempDir {
public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const std::filesystem::path& path() const { return path_; }

private:
    std::filesystem::path path_;
};

// ../shared beside the repository (reference page, Stack Exchange dumps).
std::filesystem::path SharedDir();
// The whole text of a file; throws when it cannot be read.
std::string ReadFile(const std::filesystem::path& path);

}  // namespace hoot::testing
