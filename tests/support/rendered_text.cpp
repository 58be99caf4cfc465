#include "support/rendered_text.hpp"

#include <sstream>

#include "support/http_client.hpp"

namespace hoot::testing {

std::string MarkdownEscape(std::string_view text) {
    // HtmlEscape (the client's) but for the apostrophe, which cmark-gfm leaves as it is.
    std::string out;
    std::size_t start = 0;
    for (std::size_t quote; (quote = text.find('\'', start)) != std::string_view::npos;
         start = quote + 1)
        out += HtmlEscape(text.substr(start, quote - start)) + "'";
    return out + HtmlEscape(text.substr(start));
}

std::vector<std::string> VisibleLines(const std::string& text) {
    std::vector<std::string> out;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) {
        auto start = line.find_first_not_of(" \t");
        if (start == std::string::npos || line.find("www.") != std::string::npos) continue;
        out.push_back(MarkdownEscape(line.substr(start)));
    }
    return out;
}

}  // namespace hoot::testing
