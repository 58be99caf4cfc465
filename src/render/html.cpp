#include "render/html.hpp"

#include <charconv>

namespace hoot::render {

void AppendEscaped(std::string& out, std::string_view text) {
    std::size_t start = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char* replacement = nullptr;
        switch (text[i]) {
            case '&': replacement = "&amp;"; break;
            case '<': replacement = "&lt;"; break;
            case '>': replacement = "&gt;"; break;
            case '"': replacement = "&quot;"; break;
            case '\'': replacement = "&#39;"; break;
            default: continue;
        }
        out.append(text.substr(start, i - start));
        out.append(replacement);
        start = i + 1;
    }
    out.append(text.substr(start));
}

std::string Escape(std::string_view text) {
    std::string out;
    out.reserve(text.size() + 16);
    AppendEscaped(out, text);
    return out;
}

std::string EscapeJsonForScript(std::string_view json) {
    std::string out;
    out.reserve(json.size() + 32);
    for (std::size_t i = 0; i < json.size(); ++i) {
        const char c = json[i];
        switch (c) {
            case '<':
                out.append("\\u003c");
                break;
            case '>':
                out.append("\\u003e");
                break;
            case '&':
                out.append("\\u0026");
                break;
            default:
                // U+2028 and U+2029 (E2 80 A8/A9) end lines in older JavaScript parsers.
                if (c == '\xE2' && i + 2 < json.size() && json[i + 1] == '\x80' &&
                    (json[i + 2] == '\xA8' || json[i + 2] == '\xA9')) {
                    out.append(json[i + 2] == '\xA8' ? "\\u2028" : "\\u2029");
                    i += 2;
                } else {
                    out.push_back(c);
                }
        }
    }
    return out;
}

Html& Html::Number(std::int64_t value) {
    char buffer[24];
    auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value);
    (void)ec;
    out_.append(buffer, end);
    return *this;
}

}  // namespace hoot::render
