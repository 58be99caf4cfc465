#pragma once
// Searching: the search box's text read by ParseSearchQuery (domain/search_query.hpp), then one
// page of hits from the SearchStore. Thread-safe.

#include <string_view>
#include <vector>

#include "domain/result.hpp"
#include "domain/search_query.hpp"
#include "service/ports.hpp"

namespace hoot::service {

inline constexpr int kSearchPageSize = 20;
inline constexpr int kMaxSearchPageSize = 50;
// Page paging with a cap: past this page, refine the query instead.
inline constexpr int kMaxSearchPage = 50;

struct SearchPage {
    SearchQuery query;
    std::vector<SearchHit> hits;
    int page = 1;
    bool has_next = false;
};

class SearchService {
  public:
    explicit SearchService(Stores stores) : stores_(stores) {}

    // Any text is a valid query (an empty one finds nothing). kBadRequest naming "page" when
    // `page` is outside 1..kMaxSearchPage, or "limit" when `page_size` is outside
    // 1..kMaxSearchPageSize; kUnavailable/kInternal from the store.
    // `similar_titles`: hoots whose titles share any word with `text` (SearchQuery).
    Result<SearchPage> Search(std::string_view text, int page, int page_size = kSearchPageSize,
                              bool similar_titles = false);

  private:
    Stores stores_;
};

}  // namespace hoot::service
