#pragma once
// How text written in Markdown shows up in a rendered page, for tests that look for it.

#include <string>
#include <string_view>
#include <vector>

namespace hoot::testing {

// Text escaped the way cmark-gfm escapes it in rendered Markdown (it leaves ' alone).
std::string MarkdownEscape(std::string_view text);

// Each non-blank line of `text`, trimmed at the start and escaped as it should appear in the
// rendered page. Lines holding bare www. addresses are skipped: autolinking turns them into
// anchors.
std::vector<std::string> VisibleLines(const std::string& text);

}  // namespace hoot::testing
