#pragma once
// Streams the <row .../> elements of one Stack Exchange dump file through expat, a buffer at a
// time: memory stays flat however large the file. Not thread-safe; one reader per file.

#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <string_view>

namespace hoot::importer {

// One row's attributes (already entity-decoded by expat), valid only during the callback.
class Row {
  public:
    explicit Row(const char** attributes) : attributes_(attributes) {}
    // The attribute's value, or nullptr when it is absent (absent means NULL in the dumps).
    const char* Find(std::string_view name) const;
    std::string_view Get(std::string_view name) const {
        const char* value = Find(name);
        return value ? std::string_view(value) : std::string_view();
    }

  private:
    const char** attributes_;
};

struct RowPosition {
    std::int64_t line = 0;
    std::int64_t bytes_read = 0;  // of the file, so far
};

// Called per row; returning false stops the reading (ReadRows then reports `stop_reason`).
using RowHandler = std::function<bool(const Row&, const RowPosition&)>;

struct ReadOutcome {
    bool ok = false;
    std::int64_t rows = 0;
    std::int64_t line = 0;  // where reading stopped, when not ok
    std::string message;    // the XML error ("not well-formed (invalid token)"), when not ok
};

// Reads `file` to its end, or until `on_row` returns false or the XML is malformed (including a
// file cut short). A file that cannot be opened is an error with line 0.
ReadOutcome ReadRows(const std::filesystem::path& file, const RowHandler& on_row);

}  // namespace hoot::importer
