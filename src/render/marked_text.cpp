#include "render/marked_text.hpp"

#include <string>

#include "domain/search_query.hpp"

namespace hoot::render {

void AppendMarked(Html& html, std::string_view marked) {
    bool open = false;
    while (!marked.empty()) {
        const std::size_t start = marked.find(kMarkStart);
        const std::size_t end = marked.find(kMarkEnd);
        const std::size_t next = std::min(start, end);
        html.Text(marked.substr(0, next));
        if (next == std::string_view::npos) break;
        if (next == start && !open) {
            html.Raw("<mark>");
            open = true;
        } else if (next == end && open) {
            html.Raw("</mark>");
            open = false;
        }
        // Both markers are three bytes long.
        marked.remove_prefix(next + kMarkStart.size());
    }
    if (open) html.Raw("</mark>");
}

std::string Unmarked(std::string_view marked) {
    std::string plain;
    plain.reserve(marked.size());
    while (!marked.empty()) {
        const std::size_t next = std::min(marked.find(kMarkStart), marked.find(kMarkEnd));
        plain.append(marked.substr(0, next));
        if (next == std::string_view::npos) break;
        marked.remove_prefix(next + kMarkStart.size());
    }
    return plain;
}

}  // namespace hoot::render
