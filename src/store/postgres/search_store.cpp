// Full-text search over the search_index table (migration 4: a tsvector weighing the title 'A'
// above the body 'B', with a GIN index, kept in step by triggers). The twin of
// store/sqlite/search_store.cpp: the same candidates, filters, grouping by hoot and order; change
// the two together.
//
// Every text the parser reads goes through search_parser_text (migration 11: a space after each
// `<`, so that nothing reads as an XML tag and is dropped), and the headlines come back through
// FromParserText. A query with a phrase has its marks redone as FTS5 makes them
// (phrase_marks.hpp), with one more statement.
//
// The query is assembled from constant fragments chosen by which filters are present; every
// value is bound. Each term becomes phraseto_tsquery(term) on the server, so whatever it holds is
// only text for the parser (a phrase when it has several words), never tsquery syntax. Terms
// travel as one text[] parameter, so the statement's text depends on the filters only.

#include <cctype>
#include <string>
#include <unordered_map>

#include "store/postgres/guard.hpp"
#include "store/postgres/phrase_marks.hpp"
#include "store/postgres/stores.hpp"

namespace hoot::store::postgres {
namespace {

// The terms (a text[]) as one tsquery: each a phrase, all required (&) or any (|). Terms without
// lexemes are left out, as FTS5 ignores an empty string; with none left the query is NULL and
// matches nothing. The phrases' text is parsed back as a tsquery, which reads what it printed.
// `$?` is the text[] parameter.
constexpr std::string_view kAllTerms =
    "(SELECT string_agg('(' || p::text || ')', ' & ')::tsquery FROM "
    "(SELECT phraseto_tsquery('hoot_english', search_parser_text(t)) AS p FROM unnest($?::text[]) "
    "t) terms "
    "WHERE numnode(p) > 0)";
constexpr std::string_view kAnyTerm =
    "(SELECT string_agg('(' || p::text || ')', ' | ')::tsquery FROM "
    "(SELECT phraseto_tsquery('hoot_english', search_parser_text(t)) AS p FROM unnest($?::text[]) "
    "t) terms "
    "WHERE numnode(p) > 0)";
// Similar titles: any term, each lexeme restricted to weight A (the title), as FTS5's
// `{title} : (…)`. The printed tsquery quotes every lexeme (inner quotes doubled), so the label
// goes after each quoted string.
constexpr std::string_view kAnyTermInTitle =
    "(SELECT string_agg('(' || regexp_replace(p::text, '''((?:[^'']|'''')*)''', '''\\1'':A', "
    "'g') || ')', ' | ')::tsquery FROM "
    "(SELECT phraseto_tsquery('hoot_english', search_parser_text(t)) AS p FROM unnest($?::text[]) "
    "t) terms "
    "WHERE numnode(p) > 0)";

// Ranked: the newest kCandidates matching documents of live threads that pass the filters
// (newest thread first: the thread is in the document id, see migration 4), scored by
// ts_rank_cd with a title match worth ten body matches, then the best document of each hoot.
// Bounding the candidates bounds the work for words that are everywhere.
// Ranked with user: SQLite leaves its score out there (newest first, see its search_store.cpp);
// so does this, so both backends list an author's matches in one order.
constexpr std::string_view kRankedHead =
    "WITH q AS (SELECT $? AS query), "
    "m AS MATERIALIZED (SELECT s.id AS doc, ts_rank_cd('{0, 0, 0.1, 1}', s.document, q.query) "
    "AS score FROM q CROSS JOIN search_index s JOIN hoots h ON h.id = (s.id >> 31) "
    "WHERE s.document @@ q.query AND h.deleted_at IS NULL";
constexpr std::string_view kRankedByAuthorHead =
    "WITH q AS (SELECT $? AS query), "
    "m AS MATERIALIZED (SELECT s.id AS doc, 0::real AS score "
    "FROM q CROSS JOIN search_index s JOIN hoots h ON h.id = (s.id >> 31) "
    "WHERE s.document @@ q.query AND h.deleted_at IS NULL";
// The page is cut before the marked text is made, so ts_headline runs for its rows only.
constexpr std::string_view kRankedTail =
    " ORDER BY s.id DESC LIMIT $?), "
    "best AS (SELECT DISTINCT ON (doc >> 31) doc, doc >> 31 AS hoot_id, score FROM m "
    "ORDER BY doc >> 31, score DESC, doc DESC), "
    "page AS (SELECT doc, hoot_id, score FROM best ORDER BY score DESC, hoot_id DESC "
    "LIMIT $? OFFSET $?) "
    "SELECT h.id, h.title, h.slug, h.excerpt, h.tags, h.created_at, h.comment_count, "
    "h.positive, h.negative, u.id, u.username, u.display_name, page.doc, s.post_id, "
    "ts_headline('hoot_english', search_parser_text(s.title), q.query, $?), "
    "ts_headline('hoot_english', search_parser_text(s.body), q.query, $?), s.body "
    "FROM page CROSS JOIN q JOIN hoots h ON h.id = page.hoot_id "
    "JOIN users u ON u.id = h.author_id JOIN search_index s ON s.id = page.doc "
    "ORDER BY page.score DESC, h.id DESC";

// Filters alone: the newest matching hoots. Same first columns; doc is 0 (no match to show).
constexpr std::string_view kFilteredHead =
    "SELECT h.id, h.title, h.slug, h.excerpt, h.tags, h.created_at, h.comment_count, "
    "h.positive, h.negative, u.id, u.username, u.display_name, 0 "
    "FROM hoots h JOIN users u ON u.id = h.author_id WHERE h.deleted_at IS NULL";
constexpr std::string_view kFilteredTail =
    " ORDER BY h.created_at DESC, h.id DESC LIMIT $? OFFSET $?";

constexpr std::string_view kTagFilter =
    " AND h.id IN (SELECT hoot_id FROM hoot_tags WHERE tag = ANY($?::text[]) "
    "GROUP BY hoot_id HAVING COUNT(*) = $?)";
constexpr std::string_view kUserFilter =
    " AND h.author_id IN (SELECT id FROM users WHERE username_key = ANY($?::text[]))";
constexpr std::string_view kUnansweredFilter = " AND h.comment_count = 0";
// `$?` is a tsquery expression (kAnyTerm).
constexpr std::string_view kExcludeFilter =
    " AND h.id NOT IN (SELECT x.id >> 31 FROM search_index x WHERE x.document @@ $?)";

constexpr int kCandidates = 1000;

// The lexemes of each text (space-separated, in order; "" for none), read as the index reads
// text, for phrase_marks. A hyphenated word's own lexeme is left out: its parts follow it.
constexpr std::string_view kLexemes =
    "SELECT (SELECT COALESCE(string_agg(d.lexemes[1], ' ' ORDER BY d.n), '') "
    "FROM ts_debug('hoot_english', search_parser_text(i.t)) WITH ORDINALITY "
    "AS d(alias, description, token, dictionaries, dictionary, lexemes, n) "
    "WHERE d.alias NOT IN ('asciihword', 'hword', 'numhword') AND cardinality(d.lexemes) > 0) "
    "FROM unnest($1::text[]) WITH ORDINALITY AS i(t, n) ORDER BY i.n";

// ts_headline's options: the marks of domain/search_query.hpp around matched words; the whole
// title, and from the body a stretch of about as many words as SQLite's snippet (32 tokens).
// The marks are private-use characters, so nothing in them is option syntax.
std::string TitleOptions() {
    return "HighlightAll=true, StartSel=\"" + std::string(kMarkStart) + "\", StopSel=\"" +
           std::string(kMarkEnd) + "\"";
}
std::string SnippetOptions() {
    return "MaxWords=32, MinWords=16, ShortWord=0, StartSel=\"" + std::string(kMarkStart) +
           "\", StopSel=\"" + std::string(kMarkEnd) + "\"";
}

// A PostgreSQL array literal of text: every element double-quoted, with `"` and `\` escaped.
// The parser hands over well-formed UTF-8 without NUL bytes, as text parameters need.
std::string TextArray(const std::vector<std::string>& items) {
    std::string out = "{";
    for (const auto& item : items) {
        if (out.size() > 1) out += ',';
        out += '"';
        for (char c : item) {
            if (c == '"' || c == '\\') out += '\\';
            out += c;
        }
        out += '"';
    }
    out += '}';
    return out;
}

// Appends fragments, numbering their `$?` placeholders in order and binding one value to each.
class Statement {
  public:
    template <typename... Values>
    Statement& Append(std::string_view fragment, const Values&... values) {
        std::size_t bound = 0;
        for (std::size_t i = 0; i < fragment.size(); ++i) {
            if (fragment.compare(i, 2, "$?") == 0) {
                sql_ += '$' + std::to_string(++count_);
                ++bound;
                ++i;
            } else {
                sql_ += fragment[i];
            }
        }
        if (bound != sizeof...(values))
            throw std::logic_error("search SQL fragment with a wrong number of values");
        (params_.Add(values), ...);
        return *this;
    }
    // A fragment that holds `inner` (which has placeholders of its own) where it says `$?`.
    template <typename... Values>
    Statement& AppendAround(std::string_view fragment, std::string_view inner,
                            const Values&... values) {
        const auto at = fragment.find("$?");
        sql_.append(fragment.substr(0, at));
        Append(inner, values...);
        sql_.append(fragment.substr(at + 2));
        return *this;
    }
    const std::string& sql() const { return sql_; }
    const Params& params() const { return params_; }

  private:
    std::string sql_;
    Params params_;
    int count_ = 0;
};

std::vector<std::string> AllTerms(const SearchQuery& query) {
    std::vector<std::string> all = query.words;
    all.insert(all.end(), query.phrases.begin(), query.phrases.end());
    return all;
}

Statement BuildStatement(const SearchQuery& query, int offset, int limit) {
    Statement statement;
    const bool ranked = query.HasTerms();
    if (ranked) {
        const std::string_view terms = query.similar_titles ? kAnyTermInTitle : kAllTerms;
        statement.AppendAround(query.users.empty() ? kRankedHead : kRankedByAuthorHead, terms,
                               TextArray(AllTerms(query)));
    } else {
        statement.Append(kFilteredHead);
    }
    if (!query.tags.empty())
        statement.Append(kTagFilter, TextArray(query.tags),
                         static_cast<std::int64_t>(query.tags.size()));
    if (!query.users.empty()) statement.Append(kUserFilter, TextArray(query.users));
    if (query.unanswered) statement.Append(kUnansweredFilter);
    if (!query.excluded.empty())
        statement.AppendAround(kExcludeFilter, kAnyTerm, TextArray(query.excluded));
    if (ranked)
        statement.Append(kRankedTail, kCandidates, limit, offset, TitleOptions(), SnippetOptions());
    else
        statement.Append(kFilteredTail, limit, offset);
    return statement;
}

SearchHit ReadHit(const Row& row) {
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

// The inverse of search_parser_text (migration 11), which put a space after every `<`: each
// "< " loses its space again. The headline keeps the parser's text as it was, marks aside, and a
// mark never falls between the `<` and its space (both are one token of punctuation).
std::string FromParserText(std::string_view headline) {
    std::string out;
    out.reserve(headline.size());
    for (std::size_t i = 0; i < headline.size(); ++i) {
        out += headline[i];
        if (headline[i] == '<' && i + 1 < headline.size() && headline[i + 1] == ' ') ++i;
    }
    return out;
}

// ts_headline leaves out where it cut the text; SQLite's snippet says so with "…". The headline
// keeps the text's own words and spaces, so without its marks it is found in the body (when it
// is not, the headline stays as it is).
std::string WithEllipses(std::string_view headline, std::string_view body) {
    std::string plain;
    for (std::size_t i = 0; i < headline.size();) {
        if (headline.compare(i, kMarkStart.size(), kMarkStart) == 0) {
            i += kMarkStart.size();
        } else if (headline.compare(i, kMarkEnd.size(), kMarkEnd) == 0) {
            i += kMarkEnd.size();
        } else {
            plain += headline[i++];
        }
    }
    const auto at = body.find(plain);
    if (plain.empty() || at == std::string_view::npos) return std::string(headline);
    std::string out;
    if (at > 0) out += "…";
    out.append(headline);
    if (at + plain.size() < body.size()) out += "…";
    return out;
}

// Which post matched and the marked text, from the best document of the hit's hoot.
void MarkHit(const Row& row, SearchHit& hit) {
    const std::int64_t doc = row.Int(12);
    hit.post = PostId(row.Int(13));
    hit.match = (doc & 1) != 0                        ? SearchMatch::kUpdate
                : hit.post.value != hit.hoot.id.value ? SearchMatch::kComment
                                                      : SearchMatch::kHoot;
    if (hit.match == SearchMatch::kHoot) hit.title_marked = FromParserText(row.TextView(14));
    hit.snippet_marked = WithEllipses(FromParserText(row.TextView(15)), row.TextView(16));
}

// A term may stand for several lexemes (a phrase, a hyphenated word): then ts_headline's marks
// differ from FTS5's. Single plain words mark alike, and need no second statement.
bool MayHoldAPhrase(const SearchQuery& query) {
    if (!query.phrases.empty()) return true;
    for (const auto& word : query.words)
        for (char c : word)
            if (static_cast<unsigned char>(c) < 0x80 &&
                !std::isalnum(static_cast<unsigned char>(c)))
                return true;
    return false;
}

std::vector<std::string> SplitLexemes(std::string_view joined) {
    std::vector<std::string> lexemes;
    while (!joined.empty()) {
        const auto space = joined.find(' ');
        if (space != 0) lexemes.emplace_back(joined.substr(0, space));
        if (space == std::string_view::npos) break;
        joined.remove_prefix(space + 1);
    }
    return lexemes;
}

// Marks phrases in the hits as FTS5 does (phrase_marks.hpp), with the lexemes of the terms and
// of the marked words from the server's own parser and dictionary.
void RemarkPhraseHits(Connection& conn, const SearchQuery& query, std::vector<SearchHit>& hits) {
    const std::vector<std::string> terms = AllTerms(query);
    std::vector<std::string> texts = terms;
    for (const auto& hit : hits) {
        for (auto& word : MarkedWords(hit.title_marked)) texts.push_back(std::move(word));
        for (auto& word : MarkedWords(hit.snippet_marked)) texts.push_back(std::move(word));
    }
    auto rows = conn.Query(kLexemes, TextArray(texts));
    std::vector<std::vector<std::string>> term_lexemes;
    std::unordered_map<std::string, std::string> word_lexeme;
    for (int i = 0; i < rows.size(); ++i) {
        auto lexemes = SplitLexemes(rows[i].TextView(0));
        const auto at = static_cast<std::size_t>(i);
        if (at < terms.size())
            term_lexemes.push_back(std::move(lexemes));
        else
            word_lexeme.emplace(texts[at], lexemes.empty() ? std::string() : lexemes.front());
    }
    auto lexeme_of = [&](std::string_view word) {
        auto found = word_lexeme.find(std::string(word));
        return found == word_lexeme.end() ? std::string() : found->second;
    };
    for (auto& hit : hits) {
        hit.title_marked = RemarkPhrases(hit.title_marked, term_lexemes, lexeme_of);
        hit.snippet_marked = RemarkPhrases(hit.snippet_marked, term_lexemes, lexeme_of);
    }
}

}  // namespace

Result<std::vector<SearchHit>> PgSearchStore::Search(const SearchQuery& query, int offset,
                                                     int limit) {
    return Guarded([&]() -> Result<std::vector<SearchHit>> {
        std::vector<SearchHit> hits;
        if (query.Empty() || limit <= 0) return hits;
        const Statement statement = BuildStatement(query, offset, limit);
        auto conn = db_.Acquire();
        for (Row row : conn->Exec(statement.sql(), statement.params())) {
            hits.push_back(ReadHit(row));
            if (query.HasTerms()) MarkHit(row, hits.back());
        }
        if (query.HasTerms() && !hits.empty() && MayHoldAPhrase(query))
            RemarkPhraseHits(*conn, query, hits);
        return hits;
    });
}

}  // namespace hoot::store::postgres
