#pragma once
// One row of a table on its way from one backend to the other (`hoot migrate-db`): the values
// as the source stored them, typed, without a copy. The reader fills them, the writer encodes
// them for its database; neither knows the other.

#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <string_view>

namespace hoot::store {

struct Cell {
    enum class Type { kNull, kInteger, kReal, kText, kBlob };
    Type type = Type::kNull;
    std::int64_t integer = 0;  // kInteger
    double real = 0;           // kReal
    std::string_view bytes;    // kText (UTF-8 as stored) and kBlob; valid during the call only
};

// Called once per row with one cell per requested column, in the order requested.
using RowVisitor = std::function<void(std::span<const Cell> row)>;

// A table or column name as an SQL identifier, in double quotes (both backends read it so).
// Names come from the databases' own catalogues, never from a person; quoting keeps a name that
// happens to be a keyword working.
inline std::string QuoteIdentifier(std::string_view name) {
    std::string quoted = "\"";
    for (char c : name) {
        if (c == '"') quoted += '"';
        quoted += c;
    }
    return quoted + "\"";
}

}  // namespace hoot::store
