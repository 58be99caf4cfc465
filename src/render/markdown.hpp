#pragma once
// Markdown to sanitised HTML with cmark-gfm in safe mode (tables, strikethrough, autolinks,
// tagfilter, task lists). Raw HTML never reaches the output: inline and block HTML written by the
// user is shown as escaped text; javascript:, vbscript:, file: and data: links are blanked.
// Thread-safe (cmark-gfm extensions are registered once).

#include <string>
#include <string_view>

#include "render/html.hpp"

namespace hoot::render {

TrustedHtml RenderMarkdown(std::string_view markdown);

// The words of Markdown source as a reader sees them: markup and link targets dropped, whitespace
// folded to single spaces. Stored beside the HTML at write time (structured data, search).
std::string PlainText(std::string_view markdown);

// A plain-text excerpt of Markdown source for feeds: markup stripped, whitespace folded, cut at a
// word boundary to at most `max_chars` code points with "…" appended when cut.
std::string PlainExcerpt(std::string_view markdown, std::size_t max_chars = 200);

}  // namespace hoot::render
