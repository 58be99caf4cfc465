#pragma once
// The columns a feed row reads and how they become a HootSummary, for every query that lists
// hoots. The twin of store/sqlite/summary_rows.hpp; change the macro and ReadSummary together.

#include <vector>

#include "domain/model.hpp"
#include "store/postgres/db.hpp"
#include "store/postgres/guard.hpp"

// Columns 0..8 hoot (alias h), 9..12 author (alias u); a query's own columns follow from
// kSummaryColumns.
#define PG_HOOT_SUMMARY_SELECT                                                         \
    "SELECT h.id, h.title, h.slug, h.excerpt, h.tags, h.created_at, h.comment_count, " \
    "h.positive, h.negative, u.id, u.username, u.display_name, u.avatar_hash "

namespace hoot::store::postgres {

inline constexpr int kSummaryColumns = 13;

inline HootSummary ReadSummary(const Row& row) {
    HootSummary h;
    h.id = HootId(row.Int(0));
    h.title = row.Text(1);
    h.slug = row.Text(2);
    h.excerpt = row.Text(3);
    h.tags = SplitTags(row.TextView(4));
    h.created_at = row.Int(5);
    h.comment_count = row.Int(6);
    h.reactions = {row.Int(7), row.Int(8)};
    h.author = ReadAuthor(row, 9);
    h.author.avatar_hash = row.Text(12);
    return h;
}

inline std::vector<HootSummary> ReadSummaries(const Rows& rows) {
    std::vector<HootSummary> hoots;
    hoots.reserve(static_cast<std::size_t>(rows.size()));
    for (Row row : rows) hoots.push_back(ReadSummary(row));
    return hoots;
}

}  // namespace hoot::store::postgres
