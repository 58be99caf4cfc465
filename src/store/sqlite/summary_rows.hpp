#pragma once
// The columns a feed row reads and how they become a HootSummary, for every query that lists
// hoots (the feeds, the followed hoots). Change the macro and ReadSummaries together.

#include <vector>

#include "domain/model.hpp"
#include "store/sqlite/db.hpp"
#include "store/sqlite/guard.hpp"

// Columns 0..8 hoot (alias h), 9..12 author (alias u); a query's own columns follow from
// kSummaryColumns.
#define HOOT_SUMMARY_SELECT                                                            \
    "SELECT h.id, h.title, h.slug, h.excerpt, h.tags, h.created_at, h.comment_count, " \
    "h.positive, h.negative, u.id, u.username, u.display_name, u.avatar_hash "

namespace hoot::store::sqlite {

inline constexpr int kSummaryColumns = 13;

inline HootSummary ReadSummary(const Stmt& stmt) {
    HootSummary h;
    h.id = HootId(stmt.Int(0));
    h.title = stmt.Text(1);
    h.slug = stmt.Text(2);
    h.excerpt = stmt.Text(3);
    h.tags = SplitTags(stmt.TextView(4));
    h.created_at = stmt.Int(5);
    h.comment_count = stmt.Int(6);
    h.reactions = {stmt.Int(7), stmt.Int(8)};
    h.author = ReadAuthor(stmt, 9);
    h.author.avatar_hash = stmt.Text(12);
    return h;
}

}  // namespace hoot::store::sqlite
