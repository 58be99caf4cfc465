#include "render/linkify.hpp"

#include <string>

namespace hoot::render {
namespace {

bool IsAsciiAlnum(unsigned char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

bool StartsWithNoCase(std::string_view text, std::string_view prefix) {
    if (text.size() < prefix.size()) return false;
    for (std::size_t i = 0; i < prefix.size(); ++i) {
        char c = text[i];
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        if (c != prefix[i]) return false;
    }
    return true;
}

// An address starts a link only at the start of a word: not in "xhttp://", "foo.www.",
// "user@www." or "javascript://www.". Bytes >= 0x80 count as a boundary so that a link right
// after CJK text still works.
bool AtWordStart(std::string_view text, std::size_t i) {
    if (i == 0) return true;
    const auto prev = static_cast<unsigned char>(text[i - 1]);
    return !(IsAsciiAlnum(prev) || prev == '_' || prev == '.' || prev == '-' || prev == '@' ||
             prev == '/');
}

// Length of the "http://", "https://" or "www." that starts `text`, or 0.
std::size_t AddressPrefix(std::string_view text) {
    for (std::string_view prefix : {"http://", "https://", "www."}) {
        if (StartsWithNoCase(text, prefix)) return prefix.size();
    }
    return 0;
}

// Characters that end an address: whitespace, controls, and those that are never part of one
// written in prose (quotes around it, angle brackets, backticks).
bool EndsAddress(unsigned char c) {
    return c <= 0x20 || c == 0x7f || c == '<' || c == '>' || c == '"' || c == '`';
}

bool IsTrailingPunctuation(char c) {
    switch (c) {
        case '.':
        case ',':
        case ';':
        case ':':
        case '!':
        case '?':
        case '\'':
        case '*':
            return true;
        default:
            return false;
    }
}

// The length of the address starting at `text` (which starts with a prefix of `prefix_size`
// bytes), without trailing punctuation; 0 when no host follows the prefix. Linear in the length.
std::size_t AddressLength(std::string_view text, std::size_t prefix_size) {
    // The host must start with a letter or digit (or a non-ASCII byte of an IDN). Checked first,
    // so a failed match costs O(1) and trimming below always stops at this character.
    if (prefix_size >= text.size()) return 0;
    const auto first = static_cast<unsigned char>(text[prefix_size]);
    if (!IsAsciiAlnum(first) && first < 0x80) return 0;

    std::size_t end = prefix_size;
    std::size_t opens = 0;
    std::size_t closes = 0;
    std::size_t bracket_opens = 0;
    std::size_t bracket_closes = 0;
    while (end < text.size() && !EndsAddress(static_cast<unsigned char>(text[end]))) {
        switch (text[end]) {
            case '(':
                ++opens;
                break;
            case ')':
                ++closes;
                break;
            case '[':
                ++bracket_opens;
                break;
            case ']':
                ++bracket_closes;
                break;
            default:
                break;
        }
        ++end;
    }
    // Drop trailing punctuation and closers without an opener, as in "(see http://x/a_(b))."
    while (end > prefix_size) {
        const char last = text[end - 1];
        if (last == ')' && closes > opens) {
            --closes;
        } else if (last == ']' && bracket_closes > bracket_opens) {
            --bracket_closes;
        } else if (!IsTrailingPunctuation(last)) {
            break;
        }
        --end;
    }
    return end;
}

void AppendLink(std::string& out, std::string_view address, bool needs_scheme) {
    out.append("<a href=\"");
    if (needs_scheme) out.append("https://");
    AppendEscaped(out, address);
    out.append("\" rel=\"nofollow ugc\">");
    AppendEscaped(out, address);
    out.append("</a>");
}

}  // namespace

TrustedHtml LinkifyPlainText(std::string_view text) {
    std::string out;
    out.reserve(text.size() + text.size() / 8 + 16);
    std::size_t pending = 0;  // start of text not yet written
    std::size_t i = 0;
    while (i < text.size()) {
        const char c = text[i];
        if (c == '\n' || c == '\r') {
            AppendEscaped(out, text.substr(pending, i - pending));
            out.append("<br>");
            i += (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ? 2 : 1;
            pending = i;
            continue;
        }
        if ((c == 'h' || c == 'H' || c == 'w' || c == 'W') && AtWordStart(text, i)) {
            const std::string_view rest = text.substr(i);
            const std::size_t prefix = AddressPrefix(rest);
            const std::size_t length = prefix == 0 ? 0 : AddressLength(rest, prefix);
            if (length > 0) {
                AppendEscaped(out, text.substr(pending, i - pending));
                AppendLink(out, rest.substr(0, length), StartsWithNoCase(rest, "www."));
                i += length;
                pending = i;
                continue;
            }
        }
        ++i;
    }
    AppendEscaped(out, text.substr(pending));
    return TrustedHtml::FromSanitizer(std::move(out));
}

}  // namespace hoot::render
