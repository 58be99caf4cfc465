#pragma once
// Listing hoots that carry a tag, newest (or best) first, can go two ways: walk the hoots in the
// list's order and keep those with the tag, or start from the tag's own hoots and sort them. A
// walk reads about page × hoots / count rows, the sort about count rows, each a few times dearer
// (measured on 100,000 hoots: the crossover is near count² = 3 × hoots). Post ids count comments
// too, about four per hoot, which the rule below allows for. Used by the search (tags alone) and
// the feeds of a tag.

#include <cstdint>

#include "store/sqlite/db.hpp"

namespace hoot::store::sqlite {

// Whether a tag on `tag_count` visible hoots is better found by walking the hoots.
inline bool WalkingFindsTagSooner(Connection& conn, std::int64_t tag_count) {
    auto stmt = conn.Prepare("SELECT COALESCE(MAX(id), 0) FROM posts");
    const std::int64_t posts = stmt.Step() ? stmt.Int(0) : 0;
    return tag_count * tag_count >= posts;
}

}  // namespace hoot::store::sqlite
