#include "support/rendered_text.hpp"

#include <sstream>

namespace hoot::testing {

std::string MarkdownEscape(std::string_view text) {
    std::string out;
    for (char c : text) {
        switch (c) {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '"':
                out += "&quot;";
                break;
            default:
                out += c;
        }
    }
    return out;
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
