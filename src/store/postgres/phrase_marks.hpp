#pragma once
// Marks of a phrase search as SQLite's FTS5 makes them, from the marks ts_headline makes.
//
// ts_headline marks every word that matches any lexeme of the query, each on its own: for
// "barn owl" (the phrase) it marks "[barn] [owl] hunts. An [owl] in the [barn]". FTS5 marks each
// place the phrase occurs, as one span: "[barn owl] hunts. An owl in the barn". RemarkPhrases
// turns the first into the second: a term of one lexeme keeps marking every word it matches; a
// term of several (a phrase, or a hyphenated word) marks each run of consecutive marked words
// that spells it, as one span; spans that share a word merge (FTS5 merges overlapping phrase
// matches), and a marked word in no span loses its mark. Pure; thread-safe.

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace hoot::store::postgres {

// The marked words of `marked` (kMarkStart/kMarkEnd of domain/search_query.hpp), in order.
std::vector<std::string> MarkedWords(std::string_view marked);

// `terms`: each search term as its lexemes in order (a compound's own lexeme left out: the
// parts stand for it, as they are what ts_headline marks). `lexeme_of`: the lexeme of a marked
// word ("" when it has none).
std::string RemarkPhrases(std::string_view marked,
                          const std::vector<std::vector<std::string>>& terms,
                          const std::function<std::string(std::string_view)>& lexeme_of);

}  // namespace hoot::store::postgres
