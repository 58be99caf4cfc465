#pragma once
// Search hits carry plain text with kMarkStart/kMarkEnd (domain/search_query.hpp) around the
// matched words. This turns such text into HTML: every stretch of text escaped, and the markers,
// only when they pair up, into <mark>…</mark>. A stray marker is dropped, so whatever the stored
// text holds, the result is well-formed and contains no markup but <mark>. Thread-safe.

#include <string_view>

#include "render/html.hpp"

namespace hoot::render {

void AppendMarked(Html& html, std::string_view marked);

// The same text with the markers removed (for plain-text uses such as the API's "snippet").
std::string Unmarked(std::string_view marked);

}  // namespace hoot::render
