#include "domain/diff.hpp"

#include <cstdint>
#include <unordered_map>
#include <utility>

namespace hoot {
namespace {

// Steps (diagonals visited plus token comparisons) the minimal search may take over one call.
// A few thousand changed tokens fit; past it, whatever sub-problem is left is reported as one
// removal and one addition, so time stays bounded and memory stays linear.
constexpr std::int64_t kWorkBudget = 20'000'000;

enum class CharClass { kWord, kSpace, kOther };

CharClass Classify(unsigned char c) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
        c >= 0x80) {
        return CharClass::kWord;  // bytes >= 0x80 keep UTF-8 sequences inside one word
    }
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
        return CharClass::kSpace;
    }
    return CharClass::kOther;
}

std::vector<std::string_view> Tokenize(std::string_view text) {
    std::vector<std::string_view> tokens;
    std::size_t i = 0;
    while (i < text.size()) {
        const CharClass cls = Classify(static_cast<unsigned char>(text[i]));
        std::size_t end = i + 1;
        if (cls != CharClass::kOther) {
            while (end < text.size() && Classify(static_cast<unsigned char>(text[end])) == cls) {
                ++end;
            }
        }
        tokens.push_back(text.substr(i, end - i));
        i = end;
    }
    return tokens;
}

// Equal tokens get equal small integers, so the search compares ints rather than strings.
std::pair<std::vector<int>, std::vector<int>> Intern(const std::vector<std::string_view>& before,
                                                     const std::vector<std::string_view>& after) {
    std::unordered_map<std::string_view, int> ids;
    ids.reserve(before.size() + after.size());
    auto to_ids = [&ids](const std::vector<std::string_view>& tokens) {
        std::vector<int> out;
        out.reserve(tokens.size());
        for (std::string_view token : tokens) {
            out.push_back(ids.emplace(token, static_cast<int>(ids.size())).first->second);
        }
        return out;
    };
    std::vector<int> a = to_ids(before);
    std::vector<int> b = to_ids(after);
    return {std::move(a), std::move(b)};
}

// A run of tokens: [begin, end) of `before` for kSame and kRemoved, of `after` for kAdded.
struct Edit {
    DiffPiece::Op op;
    int begin;
    int end;
};

// Myers' O(ND) difference algorithm in its linear-space form (Myers 1986, section 4b): find the
// middle snake of the shortest edit script, split there, recurse on both halves.
class Differ {
  public:
    Differ(const std::vector<int>& a, const std::vector<int>& b) : a_(a), b_(b) {}

    std::vector<Edit> Run() {
        Diff(0, static_cast<int>(a_.size()), 0, static_cast<int>(b_.size()));
        return std::move(edits_);
    }

  private:
    void Diff(int a_lo, int a_hi, int b_lo, int b_hi) {
        const int prefix_start = a_lo;
        while (a_lo < a_hi && b_lo < b_hi && a_[a_lo] == b_[b_lo]) {
            ++a_lo;
            ++b_lo;
        }
        Emit(DiffPiece::Op::kSame, prefix_start, a_lo);
        const int suffix_end = a_hi;
        while (a_lo < a_hi && b_lo < b_hi && a_[a_hi - 1] == b_[b_hi - 1]) {
            --a_hi;
            --b_hi;
        }
        budget_ -= (a_lo - prefix_start) + (suffix_end - a_hi);

        int x = 0;
        int y = 0;
        if (a_lo == a_hi || b_lo == b_hi || !Bisect(a_lo, a_hi, b_lo, b_hi, x, y)) {
            Emit(DiffPiece::Op::kRemoved, a_lo, a_hi);
            Emit(DiffPiece::Op::kAdded, b_lo, b_hi);
        } else {
            Diff(a_lo, x, b_lo, y);
            Diff(x, a_hi, y, b_hi);
        }
        Emit(DiffPiece::Op::kSame, a_hi, suffix_end);
    }

    // Finds a point (x, y) on a shortest edit path through a_[a_lo, a_hi) x b_[b_lo, b_hi) that
    // splits it into two smaller problems. False when the budget runs out.
    // REQUIRES: both ranges non-empty, no common first or last token.
    bool Bisect(int a_lo, int a_hi, int b_lo, int b_hi, int& split_x, int& split_y) {
        const int n = a_hi - a_lo;
        const int m = b_hi - b_lo;
        const int max_d = (n + m + 1) / 2;
        const int offset = max_d + 1;
        const std::size_t length = 2 * static_cast<std::size_t>(max_d) + 3;
        budget_ -= 2 * static_cast<std::int64_t>(length);
        if (budget_ < 0) return false;
        // forward_[offset + k]: furthest x on diagonal k = x - y from the top left;
        // reverse_[offset + k]: furthest distance walked back on diagonal k from the bottom right.
        forward_.assign(length, -1);
        reverse_.assign(length, -1);
        forward_[offset + 1] = 0;
        reverse_[offset + 1] = 0;
        const int delta = n - m;
        // With an odd delta the paths first overlap while extending forward, else in reverse.
        const bool check_in_forward = (delta % 2) != 0;
        // Diagonals that ran off the edge of the grid are dropped from later rounds.
        int forward_start = 0, forward_end = 0, reverse_start = 0, reverse_end = 0;

        for (int d = 0; d < max_d; ++d) {
            for (int k = -d + forward_start; k <= d - forward_end; k += 2) {
                const int at = offset + k;
                int x = (k == -d || (k != d && forward_[at - 1] < forward_[at + 1]))
                            ? forward_[at + 1]
                            : forward_[at - 1] + 1;
                int y = x - k;
                const int snake_start = x;
                while (x < n && y < m && a_[a_lo + x] == b_[b_lo + y]) {
                    ++x;
                    ++y;
                }
                budget_ -= 1 + (x - snake_start);
                forward_[at] = x;
                if (x > n) {
                    forward_end += 2;
                } else if (y > m) {
                    forward_start += 2;
                } else if (check_in_forward) {
                    const int reverse_at = offset + delta - k;
                    if (reverse_at >= 0 && reverse_at < static_cast<int>(length) &&
                        reverse_[reverse_at] != -1 && x >= n - reverse_[reverse_at]) {
                        return Split(n, m, x, y, a_lo, b_lo, split_x, split_y);
                    }
                }
            }
            for (int k = -d + reverse_start; k <= d - reverse_end; k += 2) {
                const int at = offset + k;
                int x = (k == -d || (k != d && reverse_[at - 1] < reverse_[at + 1]))
                            ? reverse_[at + 1]
                            : reverse_[at - 1] + 1;
                int y = x - k;
                const int snake_start = x;
                while (x < n && y < m && a_[a_hi - x - 1] == b_[b_hi - y - 1]) {
                    ++x;
                    ++y;
                }
                budget_ -= 1 + (x - snake_start);
                reverse_[at] = x;
                if (x > n) {
                    reverse_end += 2;
                } else if (y > m) {
                    reverse_start += 2;
                } else if (!check_in_forward) {
                    const int forward_at = offset + delta - k;
                    if (forward_at >= 0 && forward_at < static_cast<int>(length) &&
                        forward_[forward_at] != -1) {
                        const int fx = forward_[forward_at];
                        const int fy = fx - (delta - k);
                        if (fx >= n - x) return Split(n, m, fx, fy, a_lo, b_lo, split_x, split_y);
                    }
                }
            }
            if (budget_ < 0) return false;
        }
        return false;  // unreachable for non-empty inputs: the paths meet by d = max_d
    }

    // A split at a corner would recurse on the same problem; callers then fall back.
    static bool Split(int n, int m, int x, int y, int a_lo, int b_lo, int& split_x, int& split_y) {
        if ((x == 0 && y == 0) || (x == n && y == m)) return false;
        split_x = a_lo + x;
        split_y = b_lo + y;
        return true;
    }

    void Emit(DiffPiece::Op op, int begin, int end) {
        if (begin == end) return;
        if (!edits_.empty() && edits_.back().op == op && edits_.back().end == begin) {
            edits_.back().end = end;
            return;
        }
        edits_.push_back(Edit{op, begin, end});
    }

    const std::vector<int>& a_;
    const std::vector<int>& b_;
    std::vector<int> forward_;
    std::vector<int> reverse_;
    std::vector<Edit> edits_;
    std::int64_t budget_ = kWorkBudget;
};

std::string Join(const std::vector<std::string_view>& tokens, int begin, int end) {
    std::string text;
    for (int i = begin; i < end; ++i) text.append(tokens[i]);
    return text;
}

void AppendPiece(std::vector<DiffPiece>& pieces, DiffPiece::Op op, std::string text) {
    if (text.empty()) return;
    if (!pieces.empty() && pieces.back().op == op) {
        pieces.back().text += text;
        return;
    }
    pieces.push_back(DiffPiece{op, std::move(text)});
}

// Between two kSame pieces, all removed text comes first as one piece, then all added text.
std::vector<DiffPiece> ToPieces(const std::vector<Edit>& edits,
                                const std::vector<std::string_view>& before,
                                const std::vector<std::string_view>& after) {
    std::vector<DiffPiece> pieces;
    std::size_t i = 0;
    while (i < edits.size()) {
        if (edits[i].op == DiffPiece::Op::kSame) {
            AppendPiece(pieces, DiffPiece::Op::kSame, Join(before, edits[i].begin, edits[i].end));
            ++i;
            continue;
        }
        std::string removed;
        std::string added;
        for (; i < edits.size() && edits[i].op != DiffPiece::Op::kSame; ++i) {
            if (edits[i].op == DiffPiece::Op::kRemoved) {
                removed += Join(before, edits[i].begin, edits[i].end);
            } else {
                added += Join(after, edits[i].begin, edits[i].end);
            }
        }
        AppendPiece(pieces, DiffPiece::Op::kRemoved, std::move(removed));
        AppendPiece(pieces, DiffPiece::Op::kAdded, std::move(added));
    }
    return pieces;
}

}  // namespace

std::vector<DiffPiece> DiffWords(std::string_view before, std::string_view after) {
    const std::vector<std::string_view> before_tokens = Tokenize(before);
    const std::vector<std::string_view> after_tokens = Tokenize(after);
    const auto [a, b] = Intern(before_tokens, after_tokens);
    return ToPieces(Differ(a, b).Run(), before_tokens, after_tokens);
}

}  // namespace hoot
