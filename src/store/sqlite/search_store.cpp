// Full-text search over the search_index FTS5 table (migration 4 keeps it in step with the
// content tables by triggers). The query is assembled from constant fragments chosen by which
// filters are present; every value, terms included, is bound, and every term is a quoted FTS5
// string, so no input can be read as FTS5 syntax.

#include <nlohmann/json.hpp>
#include <optional>

#include "store/sqlite/guard.hpp"
#include "store/sqlite/stores.hpp"
#include "store/sqlite/tag_walk.hpp"

namespace hoot::store::sqlite {
namespace {

// Ranked: the newest kCandidates matching documents of live threads that pass the filters
// (walked newest thread first, straight from the index's rowid order: see migration 4), scored
// by bm25 with a title match worth ten body matches, then the best document of each hoot.
// Bounding the candidates bounds the work for words that are everywhere; a query that matches
// fewer documents is ranked over all of them.
// Parameters: ?1 the MATCH text, ?2 limit, ?3 offset, ?4/?5 tags (JSON array, count),
// ?6 usernames (JSON array), ?7 the MATCH text of excluded terms, ?8 the candidate cap.
constexpr std::string_view kRankedHead =
    "WITH m AS MATERIALIZED (SELECT search_index.rowid AS doc, "
    "bm25(search_index, 10.0, 1.0) AS score FROM search_index "
    "JOIN hoots h ON h.id = (search_index.rowid >> 31) "
    "WHERE search_index MATCH ?1 AND h.deleted_at IS NULL";
// With user: the authors' hoots are few next to a common word's matches, so they lead, and the
// index is asked about each one's range of rows. bm25 is left out here: FTS5 recomputes its
// whole-index statistics for every range asked (seconds for a common word), so an author's
// matches come newest first (the score is the same for all).
constexpr std::string_view kRankedByAuthorHead =
    "WITH m AS MATERIALIZED (SELECT search_index.rowid AS doc, 0 AS score "
    "FROM hoots h CROSS JOIN search_index "
    "ON search_index.rowid BETWEEN h.id * 2147483648 AND h.id * 2147483648 + 2147483647 "
    "WHERE search_index MATCH ?1 AND h.deleted_at IS NULL";
constexpr std::string_view kRankedTail =
    " ORDER BY search_index.rowid DESC LIMIT ?8), "
    "best AS (SELECT doc, doc >> 31 AS hoot_id, MIN(score) AS score FROM m GROUP BY 2) "
    "SELECT h.id, h.title, h.slug, h.excerpt, h.tags, h.created_at, h.comment_count, "
    "h.positive, h.negative, u.id, u.username, u.display_name, best.doc "
    "FROM best JOIN hoots h ON h.id = best.hoot_id JOIN users u ON u.id = h.author_id "
    "ORDER BY best.score, h.id DESC LIMIT ?2 OFFSET ?3";

// Filters alone: the newest matching hoots. Same columns; doc is 0 (no match to show).
constexpr std::string_view kFilteredHead =
    "SELECT h.id, h.title, h.slug, h.excerpt, h.tags, h.created_at, h.comment_count, "
    "h.positive, h.negative, u.id, u.username, u.display_name, 0 "
    "FROM hoots h JOIN users u ON u.id = h.author_id WHERE h.deleted_at IS NULL";
constexpr std::string_view kFilteredTail =
    " ORDER BY h.created_at DESC, h.id DESC LIMIT ?2 OFFSET ?3";

// The hoot carries every tag asked: a seek per tag in hoot_tags' (hoot_id, tag) index, per row
// the query walks. Grouping all of hoot_tags by hoot instead read the whole index on every search
// with a tag (20–100 ms on 100,000 hoots).
constexpr std::string_view kTagFilter =
    " AND (SELECT COUNT(*) FROM hoot_tags t WHERE t.hoot_id = h.id "
    "AND t.tag IN (SELECT value FROM json_each(?4))) = ?5";
// Filters alone walk the newest hoots until a page passes: quick when the tag is common, but a
// rare tag would be looked for in nearly every hoot. Then its few hoots lead instead (?9 the
// rarest tag asked), and are sorted (see RareTagToLead).
constexpr std::string_view kRareTagLeads =
    " AND h.id IN (SELECT hoot_id FROM hoot_tags WHERE tag = ?9)";
constexpr std::string_view kRarestTag =
    "SELECT j.value, COALESCE(c.count, 0) FROM json_each(?1) j "
    "LEFT JOIN tag_counts c ON c.tag = j.value ORDER BY 2 LIMIT 1";
constexpr std::string_view kUserFilter =
    " AND h.author_id IN (SELECT id FROM users WHERE username_key IN "
    "(SELECT value FROM json_each(?6)))";
constexpr std::string_view kUnansweredFilter = " AND h.comment_count = 0";
constexpr std::string_view kExcludeFilter =
    " AND h.id NOT IN (SELECT rowid >> 31 FROM search_index WHERE search_index MATCH ?7)";

// Where one document matched: its title highlighted and the best stretch of its body.
constexpr std::string_view kMarkedText =
    "SELECT post_id, highlight(search_index, 0, ?3, ?4), "
    "snippet(search_index, 1, ?3, ?4, '…', 32) FROM search_index "
    "WHERE search_index MATCH ?1 AND rowid = ?2";

constexpr int kParamTags = 4, kParamTagCount = 5, kParamUsers = 6, kParamExcluded = 7,
              kParamCandidates = 8, kParamRareTag = 9;
constexpr int kCandidates = 1000;

// An FTS5 string: in double quotes, inner quotes doubled. Whatever it holds is then only text
// for the tokenizer (a phrase when it has several words), never an operator.
std::string Quoted(std::string_view term) {
    std::string out = "\"";
    for (char c : term) {
        if (c == '"') out += '"';
        out += c;
    }
    out += '"';
    return out;
}

std::string JoinQuoted(const std::vector<std::string>& terms, std::string_view op) {
    std::string out;
    for (const auto& term : terms) {
        if (!out.empty()) out += op;
        out += Quoted(term);
    }
    return out;
}

std::string MatchText(const SearchQuery& query) {
    std::vector<std::string> all = query.words;
    all.insert(all.end(), query.phrases.begin(), query.phrases.end());
    if (query.similar_titles) return "{title} : (" + JoinQuoted(all, " OR ") + ")";
    return JoinQuoted(all, " AND ");
}

std::string JsonList(const std::vector<std::string>& items) { return nlohmann::json(items).dump(); }

// The rarest tag of a search by filters alone, when walking the newest hoots for it would cost
// more than sorting its hoots (store/sqlite/tag_walk.hpp).
std::optional<std::string> RareTagToLead(Connection& conn, const SearchQuery& query) {
    if (query.HasTerms() || query.tags.empty()) return std::nullopt;
    std::string tag;
    std::int64_t count = 0;
    {
        auto stmt = conn.Prepare(kRarestTag);
        stmt.Bind(1, std::string_view(JsonList(query.tags)));
        if (!stmt.Step()) return std::nullopt;
        tag = stmt.Text(0);
        count = stmt.Int(1);
    }
    if (WalkingFindsTagSooner(conn, count)) return std::nullopt;
    return tag;
}

std::string BuildSql(const SearchQuery& query, bool rare_tag_leads) {
    std::string sql(!query.HasTerms()     ? kFilteredHead
                    : query.users.empty() ? kRankedHead
                                          : kRankedByAuthorHead);
    if (rare_tag_leads) sql += kRareTagLeads;
    if (!query.tags.empty()) sql += kTagFilter;
    if (!query.users.empty()) sql += kUserFilter;
    if (query.unanswered) sql += kUnansweredFilter;
    if (!query.excluded.empty()) sql += kExcludeFilter;
    sql += query.HasTerms() ? kRankedTail : kFilteredTail;
    return sql;
}

void BindQuery(Stmt& stmt, const SearchQuery& query, const std::string& match, int offset,
               int limit) {
    if (query.HasTerms()) stmt.Bind(1, std::string_view(match)).Bind(kParamCandidates, kCandidates);
    stmt.Bind(2, limit).Bind(3, offset);
    if (!query.tags.empty())
        stmt.Bind(kParamTags, std::string_view(JsonList(query.tags)))
            .Bind(kParamTagCount, static_cast<std::int64_t>(query.tags.size()));
    if (!query.users.empty()) stmt.Bind(kParamUsers, std::string_view(JsonList(query.users)));
    if (!query.excluded.empty())
        stmt.Bind(kParamExcluded, std::string_view(JoinQuoted(query.excluded, " OR ")));
}

SearchHit ReadHit(const Stmt& row) {
    SearchHit hit;
    HootSummary& h = hit.hoot;
    h.id = HootId(row.Int(0));
    h.title = row.Text(1);
    h.slug = row.Text(2);
    h.excerpt = row.Text(3);
    h.tags = SplitTags(row.TextView(4));
    h.created_at = row.Int(5);
    h.comment_count = row.Int(6);
    h.reactions = {row.Int(7), row.Int(8)};
    h.author = ReadAuthor(row, 9);
    hit.post = PostId(h.id.value);
    hit.title_marked = h.title;
    hit.snippet_marked = h.excerpt;
    return hit;
}

// Fills in which post matched and the marked text, from the best document of the hit's hoot.
void MarkHit(Connection& conn, const std::string& match, std::int64_t doc, SearchHit& hit) {
    auto stmt = conn.Prepare(kMarkedText);
    stmt.BindAll(std::string_view(match), doc, kMarkStart, kMarkEnd);
    if (!stmt.Step()) return;
    hit.post = PostId(stmt.Int(0));
    hit.match = (doc & 1) != 0                        ? SearchMatch::kUpdate
                : hit.post.value != hit.hoot.id.value ? SearchMatch::kComment
                                                      : SearchMatch::kHoot;
    if (hit.match == SearchMatch::kHoot) hit.title_marked = stmt.Text(1);
    hit.snippet_marked = stmt.Text(2);
}

}  // namespace

Result<std::vector<SearchHit>> SqliteSearchStore::Search(const SearchQuery& query, int offset,
                                                         int limit) {
    return Guarded([&]() -> Result<std::vector<SearchHit>> {
        std::vector<SearchHit> hits;
        if (query.Empty() || limit <= 0) return hits;
        const std::string match = MatchText(query);
        auto conn = db_.Read();
        const std::optional<std::string> rare_tag = RareTagToLead(*conn, query);
        std::vector<std::int64_t> docs;
        {
            auto stmt = conn->Prepare(BuildSql(query, rare_tag.has_value()));
            BindQuery(stmt, query, match, offset, limit);
            if (rare_tag) stmt.Bind(kParamRareTag, std::string_view(*rare_tag));
            while (stmt.Step()) {
                hits.push_back(ReadHit(stmt));
                docs.push_back(stmt.Int(12));
            }
        }
        if (query.HasTerms())
            for (std::size_t i = 0; i < hits.size(); ++i) MarkHit(*conn, match, docs[i], hits[i]);
        return hits;
    });
}

}  // namespace hoot::store::sqlite
