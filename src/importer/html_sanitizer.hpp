#pragma once
// Stack Exchange post bodies arrive as rendered HTML. Before anything of it is shown it goes
// through this whitelist: only the elements and attributes of ordinary post markup survive,
// links and images only with http(s), mailto or relative addresses, every attribute value is
// re-escaped, stray '<', '>' and '&' become text, and unclosed elements are closed. Everything else
// is dropped (script, style and similar elements with their content; other tags keep their text).
// Pure functions, thread-safe.

#include <string>
#include <string_view>

namespace hoot::importer {

// The whitelisted HTML of `html`, safe to store as a post's body_html.
std::string SanitizeHtml(std::string_view html);

// The text a reader sees in `html`: tags dropped, entities decoded, blocks separated by a blank
// line and other whitespace folded to single spaces.
std::string HtmlToText(std::string_view html);

// `text` with every run of whitespace folded to one space, trimmed.
std::string FoldWhitespace(std::string_view text);

// At most `max_chars` code points of `text`, cut at a space where possible, "…" appended when cut.
std::string CutExcerpt(std::string_view text, std::size_t max_chars = 200);

}  // namespace hoot::importer
