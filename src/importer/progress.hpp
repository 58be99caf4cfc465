#pragma once
// Import progress on standard error: a redrawn bar on a terminal (rows/s and bytes of the file
// being read), plain periodic lines otherwise (logs, pipes, tests). Not thread-safe.

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <string>

namespace hoot::importer {

class Progress {
  public:
    // `out` null: silent. `terminal`: redraw one line in place instead of printing lines.
    Progress(std::FILE* out, bool terminal) : out_(out), terminal_(terminal) {}

    void StartFile(const std::string& name, std::int64_t total_bytes);
    // Cheap to call per row: draws at most a few times a second.
    void Row(std::int64_t bytes_read) {
        ++rows_;
        if ((rows_ & 1023) == 0) MaybeDraw(bytes_read);
    }
    void EndFile();

  private:
    void MaybeDraw(std::int64_t bytes_read);
    void Draw(std::int64_t bytes_read, bool final);

    std::FILE* out_;
    bool terminal_;
    std::string file_;
    std::int64_t total_bytes_ = 0;
    std::int64_t rows_ = 0;
    std::chrono::steady_clock::time_point started_, last_draw_;
};

}  // namespace hoot::importer
