#include "importer/html_sanitizer.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <optional>
#include <vector>

#include "render/html.hpp"

namespace hoot::importer {
namespace {

struct TagRule {
    std::string_view name;
    bool is_void;
    bool is_block;  // separates words in HtmlToText
};

constexpr std::array<TagRule, 35> kAllowed = {{
    {"a", false, false},    {"b", false, false},      {"blockquote", false, true},
    {"br", true, true},     {"code", false, false},   {"dd", false, true},
    {"del", false, false},  {"dl", false, true},      {"dt", false, true},
    {"em", false, false},   {"h1", false, true},      {"h2", false, true},
    {"h3", false, true},    {"h4", false, true},      {"h5", false, true},
    {"h6", false, true},    {"hr", true, true},       {"i", false, false},
    {"img", true, false},   {"kbd", false, false},    {"li", false, true},
    {"ol", false, true},    {"p", false, true},       {"pre", false, true},
    {"s", false, false},    {"strike", false, false}, {"strong", false, false},
    {"sub", false, false},  {"sup", false, false},    {"table", false, true},
    {"tbody", false, true}, {"td", false, true},      {"th", false, true},
    {"thead", false, true}, {"tr", false, true},
}};

// Elements whose content is never text for a reader (and may be code).
constexpr std::array<std::string_view, 12> kDropWithContent = {
    "script", "style",    "iframe", "object", "embed",    "textarea",
    "title",  "noscript", "svg",    "math",   "template", "xmp"};

constexpr std::size_t kMaxDepth = 64;

const TagRule* FindRule(std::string_view name) {
    for (const auto& rule : kAllowed)
        if (rule.name == name) return &rule;
    return nullptr;
}

bool IsDropWithContent(std::string_view name) {
    return std::find(kDropWithContent.begin(), kDropWithContent.end(), name) !=
           kDropWithContent.end();
}

bool IsAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsAlnum(char c) { return IsAlpha(c) || (c >= '0' && c <= '9'); }
bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }
char Lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

void AppendUtf8(std::string& out, std::uint32_t cp) {
    if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

// The length of a well-formed character reference at the start of `s` ("&amp;", "&#39;",
// "&#x1F600;"), 0 when there is none.
std::size_t EntityLength(std::string_view s) {
    if (s.size() < 3 || s[0] != '&') return 0;
    std::size_t i = 1;
    if (s[i] == '#') {
        ++i;
        bool hex = i < s.size() && (s[i] == 'x' || s[i] == 'X');
        if (hex) ++i;
        std::size_t digits = 0;
        while (i < s.size() && digits < 8 &&
               ((s[i] >= '0' && s[i] <= '9') ||
                (hex && ((s[i] >= 'a' && s[i] <= 'f') || (s[i] >= 'A' && s[i] <= 'F'))))) {
            ++i;
            ++digits;
        }
        if (digits == 0) return 0;
    } else {
        std::size_t letters = 0;
        while (i < s.size() && letters < 32 && IsAlnum(s[i])) {
            ++i;
            ++letters;
        }
        if (letters == 0) return 0;
    }
    return i < s.size() && s[i] == ';' ? i + 1 : 0;
}

// Decodes one character reference (as measured by EntityLength); unknown names are kept.
void AppendDecodedEntity(std::string& out, std::string_view entity) {
    std::string_view body = entity.substr(1, entity.size() - 2);
    if (body[0] == '#') {
        std::uint32_t cp = 0;
        bool hex = body.size() > 1 && (body[1] == 'x' || body[1] == 'X');
        for (char c : body.substr(hex ? 2 : 1)) {
            std::uint32_t d = (c >= '0' && c <= '9')   ? static_cast<std::uint32_t>(c - '0')
                              : (c >= 'a' && c <= 'f') ? static_cast<std::uint32_t>(c - 'a' + 10)
                                                       : static_cast<std::uint32_t>(c - 'A' + 10);
            cp = cp * (hex ? 16 : 10) + d;
            if (cp > 0x10FFFF) cp = 0x110000;
        }
        AppendUtf8(out, cp);
        return;
    }
    static constexpr std::pair<std::string_view, std::string_view> kNamed[] = {
        {"amp", "&"},
        {"lt", "<"},
        {"gt", ">"},
        {"quot", "\""},
        {"apos", "'"},
        {"nbsp", "\xC2\xA0"},
        {"hellip", "\xE2\x80\xA6"},
        {"mdash", "\xE2\x80\x94"},
        {"ndash", "\xE2\x80\x93"},
        {"copy", "\xC2\xA9"}};
    for (const auto& [name, text] : kNamed)
        if (body == name) {
            out += text;
            return;
        }
    out += entity;
}

std::string DecodeEntities(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        if (std::size_t n = EntityLength(text.substr(i))) {
            AppendDecodedEntity(out, text.substr(i, n));
            i += n;
        } else {
            out += text[i++];
        }
    }
    return out;
}

// A link or image address is kept only when it has no scheme (relative) or a harmless one. The
// scheme is read as browsers do after dropping leading spaces and controls; any character other
// than a letter before the ':' (e.g. "java\tscript:") makes it an unknown scheme, so it is refused.
bool IsSafeUrl(std::string_view url, bool allow_mailto) {
    std::size_t start = 0;
    while (start < url.size() && static_cast<unsigned char>(url[start]) <= 0x20) ++start;
    url.remove_prefix(start);
    std::size_t end = url.find_first_of(":/?#");
    if (end == std::string_view::npos || url[end] != ':') return true;
    std::string scheme;
    for (char c : url.substr(0, end)) scheme += Lower(c);
    return scheme == "http" || scheme == "https" || (allow_mailto && scheme == "mailto");
}

bool AllDigits(std::string_view s) {
    return !s.empty() && s.size() <= 6 &&
           std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

struct Attribute {
    std::string name;   // lower-cased
    std::string value;  // decoded
};

struct Tag {
    std::string name;  // lower-cased
    bool closing = false;
    std::vector<Attribute> attributes;
    std::size_t length = 0;  // bytes of the source the tag spans, '<' to '>'
};

// Parses the tag at `s` (which starts with '<' then '/' or a letter). nullopt when no '>' ends it.
std::optional<Tag> ParseTag(std::string_view s) {
    Tag tag;
    std::size_t i = 1;
    if (s[i] == '/') {
        tag.closing = true;
        ++i;
    }
    while (i < s.size() && IsAlnum(s[i])) tag.name += Lower(s[i++]);
    while (i < s.size()) {
        while (i < s.size() && (IsSpace(s[i]) || s[i] == '/')) ++i;
        if (i >= s.size()) break;
        if (s[i] == '>') {
            tag.length = i + 1;
            return tag;
        }
        Attribute attribute;
        while (i < s.size() && !IsSpace(s[i]) && s[i] != '=' && s[i] != '>' && s[i] != '/')
            attribute.name += Lower(s[i++]);
        while (i < s.size() && IsSpace(s[i])) ++i;
        if (i < s.size() && s[i] == '=') {
            ++i;
            while (i < s.size() && IsSpace(s[i])) ++i;
            std::size_t begin = i;
            if (i < s.size() && (s[i] == '"' || s[i] == '\'')) {
                char quote = s[i++];
                begin = i;
                while (i < s.size() && s[i] != quote) ++i;
                if (i >= s.size()) return std::nullopt;
                attribute.value = DecodeEntities(s.substr(begin, i - begin));
                ++i;
            } else {
                while (i < s.size() && !IsSpace(s[i]) && s[i] != '>') ++i;
                attribute.value = DecodeEntities(s.substr(begin, i - begin));
            }
        }
        if (!attribute.name.empty()) tag.attributes.push_back(std::move(attribute));
    }
    return std::nullopt;
}

// Bytes from `s` up to and including the end of the closing tag `</name ...>`, or all of `s`.
std::size_t SkipElementContent(std::string_view s, std::string_view name) {
    for (std::size_t i = 0; (i = s.find("</", i)) != std::string_view::npos; i += 2) {
        std::size_t j = i + 2;
        std::size_t k = 0;
        while (k < name.size() && j + k < s.size() && Lower(s[j + k]) == name[k]) ++k;
        if (k == name.size() && (j + k >= s.size() || !IsAlnum(s[j + k]))) {
            std::size_t close = s.find('>', j + k);
            return close == std::string_view::npos ? s.size() : close + 1;
        }
    }
    return s.size();
}

void AppendAllowedAttributes(std::string& out, const Tag& tag) {
    for (const auto& a : tag.attributes) {
        bool keep = false;
        if (tag.name == "a")
            keep = (a.name == "href" && IsSafeUrl(a.value, true)) || a.name == "title";
        else if (tag.name == "img")
            keep = (a.name == "src" && IsSafeUrl(a.value, false)) || a.name == "alt" ||
                   a.name == "title" ||
                   ((a.name == "width" || a.name == "height") && AllDigits(a.value));
        else if (tag.name == "ol")
            keep = a.name == "start" && AllDigits(a.value);
        if (!keep) continue;
        out += ' ';
        out += a.name;
        out += "=\"";
        render::AppendEscaped(out, a.value);
        out += '"';
    }
}

// Runs `on_text(byte range)` and `on_tag(tag)` over `html`; comments, declarations and dropped
// elements' content are skipped. A '<' that starts no tag is text.
template <typename OnText, typename OnTag>
void Scan(std::string_view html, OnText&& on_text, OnTag&& on_tag) {
    std::size_t i = 0;
    while (i < html.size()) {
        std::size_t lt = html.find('<', i);
        if (lt == std::string_view::npos) lt = html.size();
        if (lt > i) on_text(html.substr(i, lt - i));
        if (lt >= html.size()) break;
        std::string_view rest = html.substr(lt);
        if (rest.starts_with("<!--")) {
            std::size_t end = rest.find("-->", 4);
            i = lt + (end == std::string_view::npos ? rest.size() : end + 3);
            continue;
        }
        if (rest.size() > 1 && (rest[1] == '!' || rest[1] == '?')) {
            std::size_t end = rest.find('>');
            i = lt + (end == std::string_view::npos ? rest.size() : end + 1);
            continue;
        }
        bool tag_start =
            rest.size() > 1 &&
            (IsAlpha(rest[1]) || (rest[1] == '/' && rest.size() > 2 && IsAlpha(rest[2])));
        std::optional<Tag> tag;
        if (tag_start) tag = ParseTag(rest);
        if (!tag) {
            on_text(rest.substr(0, 1));
            i = lt + 1;
            continue;
        }
        i = lt + tag->length;
        if (!tag->closing && IsDropWithContent(tag->name)) {
            i += SkipElementContent(html.substr(i), tag->name);
            continue;
        }
        on_tag(*tag);
    }
}

}  // namespace

std::string SanitizeHtml(std::string_view html) {
    std::string out;
    out.reserve(html.size() + 64);
    std::vector<const TagRule*> open;
    auto on_text = [&](std::string_view text) {
        for (std::size_t i = 0; i < text.size();) {
            char c = text[i];
            if (c == '&') {
                if (std::size_t n = EntityLength(text.substr(i))) {
                    out.append(text.substr(i, n));
                    i += n;
                    continue;
                }
                out += "&amp;";
            } else if (c == '<') {
                out += "&lt;";
            } else if (c == '>') {
                out += "&gt;";
            } else if (c == '"') {
                out += "&quot;";
            } else {
                out += c;
            }
            ++i;
        }
    };
    auto on_tag = [&](const Tag& tag) {
        const TagRule* rule = FindRule(tag.name);
        if (!rule) return;
        if (tag.closing) {
            auto it = std::find(open.rbegin(), open.rend(), rule);
            if (it == open.rend()) return;
            std::size_t keep = static_cast<std::size_t>(open.rend() - it) - 1;
            while (open.size() > keep) {
                out += "</";
                out += open.back()->name;
                out += '>';
                open.pop_back();
            }
            return;
        }
        if (!rule->is_void && open.size() >= kMaxDepth) return;
        out += '<';
        out += rule->name;
        AppendAllowedAttributes(out, tag);
        out += '>';
        if (!rule->is_void) open.push_back(rule);
    };
    Scan(html, on_text, on_tag);
    while (!open.empty()) {
        out += "</";
        out += open.back()->name;
        out += '>';
        open.pop_back();
    }
    return out;
}

std::string HtmlToText(std::string_view html) {
    std::string raw;
    raw.reserve(html.size());
    bool in_pre = false;
    auto on_text = [&](std::string_view text) {
        std::string decoded = DecodeEntities(text);
        for (char c : decoded) {
            if (!in_pre && IsSpace(c)) {
                if (!raw.empty() && raw.back() != ' ' && raw.back() != '\n') raw += ' ';
            } else {
                raw += c;
            }
        }
    };
    auto on_tag = [&](const Tag& tag) {
        if (tag.name == "pre") in_pre = !tag.closing;
        const TagRule* rule = FindRule(tag.name);
        if (!rule || !rule->is_block) return;
        while (!raw.empty() && raw.back() == ' ') raw.pop_back();
        if (tag.name == "br") {
            raw += '\n';
        } else if (!raw.empty() && !raw.ends_with("\n\n")) {
            raw += raw.back() == '\n' ? "\n" : "\n\n";
        }
    };
    Scan(html, on_text, on_tag);
    std::size_t begin = raw.find_first_not_of(" \n");
    if (begin == std::string::npos) return {};
    std::size_t end = raw.find_last_not_of(" \n");
    return raw.substr(begin, end - begin + 1);
}

std::string FoldWhitespace(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        if (IsSpace(c)) {
            if (!out.empty() && out.back() != ' ') out += ' ';
        } else {
            out += c;
        }
    }
    if (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
}

std::string CutExcerpt(std::string_view text, std::size_t max_chars) {
    std::size_t chars = 0, i = 0;
    while (i < text.size() && chars < max_chars) {
        ++i;
        while (i < text.size() && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) ++i;
        ++chars;
    }
    if (i >= text.size()) return std::string(text);
    std::size_t space = text.rfind(' ', i);
    std::size_t cut = (space != std::string_view::npos && space > i / 2) ? space : i;
    return std::string(text.substr(0, cut)) + "\xE2\x80\xA6";
}

}  // namespace hoot::importer
