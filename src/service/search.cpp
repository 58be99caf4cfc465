#include "service/search.hpp"

#include <string>

namespace hoot::service {

Result<SearchPage> SearchService::Search(std::string_view text, int page, int page_size,
                                         bool similar_titles) {
    if (page < 1 || page > kMaxSearchPage)
        return Error::Make(Errc::kBadRequest,
                           "The page must be a number from 1 to " + std::to_string(kMaxSearchPage) +
                               "; refine the search instead.",
                           "page");
    if (page_size < 1 || page_size > kMaxSearchPageSize)
        return Error::Make(
            Errc::kBadRequest,
            "The limit must be a number from 1 to " + std::to_string(kMaxSearchPageSize) + ".",
            "limit");
    SearchPage result;
    result.query = ParseSearchQuery(text);
    result.query.similar_titles = similar_titles;
    result.page = page;
    if (result.query.Empty()) return result;
    // One more than a page tells whether there is a next one.
    auto hits = stores_.search.Search(result.query, (page - 1) * page_size, page_size + 1);
    if (!hits) return hits.take_error();
    result.hits = std::move(*hits);
    if (static_cast<int>(result.hits.size()) > page_size) {
        result.hits.resize(page_size);
        result.has_next = page < kMaxSearchPage;
    }
    return result;
}

}  // namespace hoot::service
