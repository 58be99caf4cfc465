#include "store/postgres/phrase_marks.hpp"

#include <algorithm>
#include <cctype>

#include "domain/search_query.hpp"

namespace hoot::store::postgres {
namespace {

// The headline cut into the text between marks and the marked words.
struct Piece {
    std::string_view text;
    bool marked = false;
};

std::vector<Piece> Pieces(std::string_view marked) {
    std::vector<Piece> pieces;
    while (!marked.empty()) {
        const auto start = marked.find(kMarkStart);
        const auto end = start == std::string_view::npos
                             ? std::string_view::npos
                             : marked.find(kMarkEnd, start + kMarkStart.size());
        if (end == std::string_view::npos) {
            pieces.push_back({marked, false});
            break;
        }
        if (start > 0) pieces.push_back({marked.substr(0, start), false});
        pieces.push_back(
            {marked.substr(start + kMarkStart.size(), end - start - kMarkStart.size()), true});
        marked.remove_prefix(end + kMarkEnd.size());
    }
    return pieces;
}

// Text between two words of one phrase: nothing that is part of a word. Bytes of multi-byte
// UTF-8 characters count as word characters (letters of other scripts), which errs on the side
// of not joining.
bool JoinsWords(std::string_view between) {
    return std::none_of(between.begin(), between.end(), [](char c) {
        const auto byte = static_cast<unsigned char>(c);
        return byte >= 0x80 || std::isalnum(byte);
    });
}

}  // namespace

std::vector<std::string> MarkedWords(std::string_view marked) {
    std::vector<std::string> words;
    for (const Piece& piece : Pieces(marked))
        if (piece.marked) words.emplace_back(piece.text);
    return words;
}

std::string RemarkPhrases(std::string_view marked,
                          const std::vector<std::vector<std::string>>& terms,
                          const std::function<std::string(std::string_view)>& lexeme_of) {
    const std::vector<Piece> pieces = Pieces(marked);
    // The marked words (indexes into pieces) and their lexemes.
    std::vector<std::size_t> words;
    std::vector<std::string> lexemes;
    for (std::size_t i = 0; i < pieces.size(); ++i) {
        if (!pieces[i].marked) continue;
        words.push_back(i);
        lexemes.push_back(lexeme_of(pieces[i].text));
    }
    // Whether word w and the next marked word are neighbours in the text.
    auto adjacent = [&](std::size_t w) {
        const std::size_t from = words[w] + 1, to = words[w + 1];
        for (std::size_t i = from; i < to; ++i)
            if (!JoinsWords(pieces[i].text)) return false;
        return true;
    };
    // Spans of marked words [first, last], one per match of a term.
    std::vector<std::pair<std::size_t, std::size_t>> spans;
    for (const auto& term : terms) {
        if (term.empty()) continue;
        for (std::size_t w = 0; w + term.size() <= words.size(); ++w) {
            bool match = true;
            for (std::size_t k = 0; k < term.size() && match; ++k)
                match = lexemes[w + k] == term[k] && (k == 0 || adjacent(w + k - 1));
            if (match) spans.emplace_back(w, w + term.size() - 1);
        }
    }
    std::sort(spans.begin(), spans.end());
    std::vector<std::pair<std::size_t, std::size_t>> merged;
    for (const auto& span : spans) {
        if (!merged.empty() && span.first <= merged.back().second)
            merged.back().second = std::max(merged.back().second, span.second);
        else
            merged.push_back(span);
    }
    // The text again, a mark around each span.
    std::vector<int> opens(pieces.size(), 0), closes(pieces.size(), 0);
    for (const auto& [first, last] : merged) {
        ++opens[words[first]];
        ++closes[words[last]];
    }
    std::string out;
    out.reserve(marked.size());
    for (std::size_t i = 0; i < pieces.size(); ++i) {
        if (opens[i]) out.append(kMarkStart);
        out.append(pieces[i].text);
        if (closes[i]) out.append(kMarkEnd);
    }
    return out;
}

}  // namespace hoot::store::postgres
