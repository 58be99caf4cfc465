#pragma once
// Word-level differences between two texts, for the revision history. Pure, thread-safe.

#include <string>
#include <string_view>
#include <vector>

namespace hoot {

struct DiffPiece {
    enum class Op { kSame, kAdded, kRemoved };
    Op op = Op::kSame;
    std::string text;  // words and the whitespace between them, as in the source texts
};

// The pieces that turn `before` into `after`: concatenating kSame + kRemoved gives `before`,
// kSame + kAdded gives `after`. Adjacent pieces of one op are merged. Tokens are runs of
// word characters, runs of whitespace, and single other characters. Minimal for texts up to a
// few thousand tokens; for very large texts it falls back to a coarser (still correct) diff
// rather than using quadratic time or memory.
std::vector<DiffPiece> DiffWords(std::string_view before, std::string_view after);

}  // namespace hoot
