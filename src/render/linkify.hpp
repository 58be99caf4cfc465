#pragma once
// Replies are plain text: escaped, with http(s) addresses and www. addresses turned into links
// (rel="nofollow ugc"), line breaks kept as <br>. Thread-safe.

#include <string_view>

#include "render/html.hpp"

namespace hoot::render {

TrustedHtml LinkifyPlainText(std::string_view text);

}  // namespace hoot::render
