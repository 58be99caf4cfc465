#pragma once
// Runs a store operation and turns any exception from PostgreSQL into an Error value, so the
// port's promise (errors as values) holds at every method. The twin of store/sqlite/guard.hpp.

#include <source_location>
#include <sstream>
#include <string>
#include <vector>

#include "domain/model.hpp"
#include "store/postgres/db.hpp"

namespace hoot::store::postgres {

template <typename F>
auto Guarded(F&& operation, std::source_location where = std::source_location::current())
    -> decltype(operation()) {
    try {
        return operation();
    } catch (const std::exception& e) {
        return ErrorFromException(e, where);
    }
}

// Author columns (id, username, display_name) read at `first` into an AuthorRef.
inline AuthorRef ReadAuthor(const Row& row, int first) {
    AuthorRef author{UserId(row.Int(first)), row.Text(first + 1), row.Text(first + 2)};
    if (author.display_name.empty()) author.display_name = author.username;
    return author;
}

// Tags are stored space-separated in the post row (hoot_tags indexes them for lookups); the
// same format as store/sqlite/guard.hpp, so a database moves between backends as it is.
inline std::vector<std::string> SplitTags(std::string_view joined) {
    std::vector<std::string> tags;
    std::istringstream in{std::string(joined)};
    for (std::string tag; in >> tag;) tags.push_back(tag);
    return tags;
}

inline std::string JoinTags(const std::vector<std::string>& tags) {
    std::string joined;
    for (const auto& tag : tags) {
        if (!joined.empty()) joined += ' ';
        joined += tag;
    }
    return joined;
}

}  // namespace hoot::store::postgres
