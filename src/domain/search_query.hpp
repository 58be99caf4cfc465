#pragma once
// The search box's little language, read into a typed query. Pure and total: any bytes at all
// give a query (possibly empty), never an error. What it understands:
//   word             every word must match (stemmed: "running" finds "runs")
//   "exact phrase"   the words next to each other, in order
//   -word -"phrase"  hoots that contain it anywhere (body, comments, updates) are left out
//   tag:name         only hoots with that tag (several: all of them)
//   user:name        only hoots by that author (several: any of them)
//   is:unanswered    only hoots without comments
// Everything else is read literally: an unbalanced quote, a lone "-", "tag:" with no name, an
// unknown "is:" and FTS syntax (* ^ NEAR( : ( AND OR) are just characters of words. Words that
// hold nothing searchable (only punctuation or symbols) are dropped, since they could never match.
// The store quotes every term it is given (store/sqlite/search_store.cpp).

#include <string>
#include <string_view>
#include <vector>

#include "domain/model.hpp"

namespace hoot {

// Longer input is cut (at a character boundary) and at most this many terms and filters are kept.
inline constexpr std::size_t kMaxSearchQueryBytes = 512;
inline constexpr std::size_t kMaxSearchTerms = 16;

// Around the matched words in SearchHit's marked text: private-use characters (U+E000, U+E001)
// that no markup can be made of, turned into <mark> only after the text is escaped (views).
// The parser strips them from queries; a post containing them can at worst mark its own words.
inline constexpr std::string_view kMarkStart = "\xEE\x80\x80";
inline constexpr std::string_view kMarkEnd = "\xEE\x80\x81";

struct SearchQuery {
    std::vector<std::string> words;     // each must match
    std::vector<std::string> phrases;   // each must match as a phrase
    std::vector<std::string> excluded;  // words or phrases; hoots containing any are left out
    std::vector<std::string> tags;      // lower-cased, without '#'
    std::vector<std::string> users;     // lower-cased, without '@'
    bool unanswered = false;
    // Not from the syntax; set by the caller: hoots whose title has any of the words and phrases
    // (the composer's "similar hoots"), rather than posts with all of them.
    bool similar_titles = false;

    // Words or phrases to rank by (otherwise only filters: newest hoots first).
    bool HasTerms() const { return !words.empty() || !phrases.empty(); }
    // Nothing asked at all: no results rather than every hoot.
    bool Empty() const {
        return !HasTerms() && excluded.empty() && tags.empty() && users.empty() && !unanswered;
    }
    // The query written back in its own syntax (normalised), for the search box and the API.
    std::string ToString() const;
    bool operator==(const SearchQuery&) const = default;
};

SearchQuery ParseSearchQuery(std::string_view text);

// Whether `term` holds a character the index's tokenizer keeps (a letter or digit; any other
// non-ASCII character outside the common punctuation and symbol blocks is assumed to be one).
bool HasSearchableText(std::string_view term);

// Which kind of post a hit matched in.
enum class SearchMatch { kHoot = 1, kComment = 2, kUpdate = 3 };

// One result: a hoot, and where in its thread the query matched best.
struct SearchHit {
    HootSummary hoot;
    SearchMatch match = SearchMatch::kHoot;
    // The hoot itself, the comment, or (for an update) the post the update was added to.
    PostId post;
    // Plain text with kMarkStart/kMarkEnd around matched words: the hoot's title, and a
    // stretch of the matching text.
    std::string title_marked;
    std::string snippet_marked;
};

}  // namespace hoot
