#pragma once
// One row of a table on its way from one backend to the other (`hoot migrate-db`): the values
// as the source stored them, typed, without a copy. The reader fills them, the writer encodes
// them for its database; neither knows the other.

#include <cstdint>
#include <functional>
#include <span>
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

}  // namespace hoot::store
