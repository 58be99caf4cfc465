#pragma once
// Runs a store operation and turns any exception from SQLite into an Error value, so the port's
// promise (errors as values) holds at every method.

#include <source_location>

#include "domain/model.hpp"
#include "store/sqlite/db.hpp"

namespace hoot::store::sqlite {

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
inline AuthorRef ReadAuthor(const Stmt& row, int first) {
    AuthorRef author{UserId(row.Int(first)), row.Text(first + 1), row.Text(first + 2)};
    if (author.display_name.empty()) author.display_name = author.username;
    return author;
}

}  // namespace hoot::store::sqlite
