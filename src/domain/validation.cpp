#include "domain/validation.hpp"

#include <algorithm>
#include <cctype>
#include <cstdint>

namespace hoot {

namespace {

bool IsAsciiSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

std::string_view Trim(std::string_view text) {
    while (!text.empty() && IsAsciiSpace(text.front())) text.remove_prefix(1);
    while (!text.empty() && IsAsciiSpace(text.back())) text.remove_suffix(1);
    return text;
}

// Leading whitespace on the first line is Markdown (an indented code block), so only the blank
// lines before it go; trailing whitespace never means anything.
std::string_view TrimMarkdown(std::string_view text) {
    std::size_t start = 0;
    for (std::size_t i = 0; i < text.size() && IsAsciiSpace(text[i]); ++i) {
        if (text[i] == '\n') start = i + 1;
    }
    text.remove_prefix(start);
    while (!text.empty() && IsAsciiSpace(text.back())) text.remove_suffix(1);
    return text;
}

// Browsers send textarea line breaks as CRLF; store one kind so lengths and diffs agree.
std::string NormalizeNewlines(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\r') {
            out.push_back('\n');
            if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
        } else {
            out.push_back(text[i]);
        }
    }
    return out;
}

// Decodes the code point at `i` and advances past it; false for anything that is not strict UTF-8
// (overlong forms, surrogates, values above U+10FFFF, truncated sequences).
bool DecodeUtf8(std::string_view s, std::size_t& i, std::uint32_t& cp) {
    const auto lead = static_cast<unsigned char>(s[i]);
    int extra = 0;
    std::uint32_t min = 0;
    if (lead < 0x80) {
        cp = lead;
        ++i;
        return true;
    } else if (lead >= 0xC2 && lead <= 0xDF) {
        extra = 1, min = 0x80, cp = lead & 0x1F;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        extra = 2, min = 0x800, cp = lead & 0x0F;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        extra = 3, min = 0x10000, cp = lead & 0x07;
    } else {
        return false;
    }
    if (s.size() - i <= static_cast<std::size_t>(extra)) return false;
    for (int k = 1; k <= extra; ++k) {
        const auto byte = static_cast<unsigned char>(s[i + k]);
        if ((byte & 0xC0) != 0x80) return false;
        cp = (cp << 6) | (byte & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
    i += extra + 1;
    return true;
}

bool IsValidUtf8(std::string_view text) {
    std::size_t i = 0;
    std::uint32_t cp = 0;
    while (i < text.size()) {
        if (!DecodeUtf8(text, i, cp)) return false;
    }
    return true;
}

bool IsControl(std::uint32_t cp) { return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F); }

enum class Newlines { kAllowed, kRejected };

bool IsClean(std::string_view text, Newlines newlines) {
    std::size_t i = 0;
    std::uint32_t cp = 0;
    while (i < text.size()) {
        if (!DecodeUtf8(text, i, cp)) return false;
        if (!IsControl(cp)) continue;
        if (newlines == Newlines::kAllowed && (cp == '\n' || cp == '\r' || cp == '\t')) continue;
        return false;
    }
    return true;
}

Error Invalid(std::string message, std::string_view field) {
    return Error::Make(Errc::kInvalidInput, std::move(message), std::string(field));
}

// "display_name" → "Display name", so a message can name the field the way the form labels it.
std::string FieldLabel(std::string_view field) {
    std::string label(field);
    std::replace(label.begin(), label.end(), '_', ' ');
    if (!label.empty() && label[0] >= 'a' && label[0] <= 'z') label[0] -= 'a' - 'A';
    return label;
}

std::string NotValidText(std::string_view field) {
    return FieldLabel(field) + " contains characters that aren't valid text.";
}

bool IsTagChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '+' || c == '#' ||
           c == '-';
}

// A tag quoted in a message: it came from the user, so keep it valid text and short.
// Built by appending: g++ 12 at -O2 warns falsely (-Wrestrict) on "'" + std::string(...).
std::string QuoteTag(std::string_view tag) {
    if (!IsClean(tag, Newlines::kRejected)) return "'?'";
    std::size_t end = tag.size();
    if (Utf8Length(tag) > kMaxTagLength) {
        std::size_t count = 0;
        std::uint32_t cp = 0;
        end = 0;
        while (count < kMaxTagLength && DecodeUtf8(tag, end, cp)) ++count;
    }
    std::string quoted;
    quoted.reserve(end + 8);
    quoted += '\'';
    quoted += tag.substr(0, end);
    if (end < tag.size()) quoted += "…";
    quoted += '\'';
    return quoted;
}

Result<std::string> NormalizeTag(std::string_view raw) {
    std::string_view trimmed = Trim(raw);
    if (!trimmed.empty() && trimmed.front() == '#') trimmed.remove_prefix(1);
    std::string tag(trimmed);
    for (char& c : tag) {
        if (c >= 'A' && c <= 'Z') c += 'a' - 'A';
    }
    if (tag.empty()) return Invalid("A tag can't be empty.", "tags");
    if (!std::all_of(tag.begin(), tag.end(), IsTagChar)) {
        return Invalid("Tag " + QuoteTag(tag) + " may only use a-z, 0-9, '.', '+', '#' and '-'.",
                       "tags");
    }
    if (tag.size() > kMaxTagLength) {
        return Invalid("Tag " + QuoteTag(tag) + " is too long: at most " +
                           std::to_string(kMaxTagLength) + " characters.",
                       "tags");
    }
    return tag;
}

Result<std::vector<std::string>> NormalizeTagList(const std::vector<std::string_view>& raw) {
    std::vector<std::string> tags;
    for (std::string_view item : raw) {
        auto tag = NormalizeTag(item);
        if (!tag) return tag.take_error();
        if (std::find(tags.begin(), tags.end(), *tag) == tags.end()) {
            tags.push_back(std::move(tag).value());
        }
    }
    if (tags.size() > kMaxTags) {
        return Invalid("Up to " + std::to_string(kMaxTags) + " tags.", "tags");
    }
    return tags;
}

}  // namespace

bool IsCleanUtf8Text(std::string_view text) { return IsClean(text, Newlines::kAllowed); }

std::size_t Utf8Length(std::string_view text) {
    return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
        return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    }));
}

Result<std::string> ValidateUsername(std::string_view username) {
    // Phone keyboards add a space after a word; that is never part of the name.
    const std::string_view name = Trim(username);
    const bool allowed = std::all_of(name.begin(), name.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
               c == '_' || c == '-';
    });
    if (!allowed || name.size() < kMinUsername || name.size() > kMaxUsername) {
        return Invalid("Username must be 3 to 32 characters: letters, digits, '_' or '-'.",
                       "username");
    }
    return std::string(name);
}

Status ValidatePassword(std::string_view password) {
    // Not trimmed: spaces are as good a part of a password as any other character.
    if (password.size() > kMaxPassword) {
        return Invalid("Password must be at most 1024 bytes.", "password");
    }
    if (Utf8Length(password) < kMinPassword) {
        return Invalid("Password must be at least 10 characters.", "password");
    }
    return OkStatus();
}

Result<std::string> ValidateTitle(std::string_view title) {
    const std::string_view trimmed = Trim(title);
    if (!IsValidUtf8(trimmed)) return Invalid(NotValidText("title"), "title");
    if (!IsClean(trimmed, Newlines::kRejected)) {
        return Invalid("Title must be one line of text, without control characters.", "title");
    }
    const std::size_t length = Utf8Length(trimmed);
    if (length < kMinTitle || length > kMaxTitle) {
        return Invalid("Title must be 5 to 200 characters.", "title");
    }
    return std::string(trimmed);
}

Result<std::string> ValidateBody(std::string_view body, std::size_t max_bytes,
                                 std::string_view field) {
    std::string text = NormalizeNewlines(TrimMarkdown(body));
    if (text.empty()) return Invalid(FieldLabel(field) + " can't be empty.", field);
    if (text.size() > max_bytes) {
        return Invalid(
            FieldLabel(field) + " is too long: at most " + std::to_string(max_bytes) + " bytes.",
            field);
    }
    if (!IsCleanUtf8Text(text)) return Invalid(NotValidText(field), field);
    return text;
}

Result<std::vector<std::string>> ParseTags(std::string_view text) {
    std::vector<std::string_view> items;
    std::size_t i = 0;
    while (i < text.size()) {
        while (i < text.size() && (IsAsciiSpace(text[i]) || text[i] == ',')) ++i;
        const std::size_t start = i;
        while (i < text.size() && !IsAsciiSpace(text[i]) && text[i] != ',') ++i;
        if (i > start) items.push_back(text.substr(start, i - start));
    }
    return NormalizeTagList(items);
}

Result<std::vector<std::string>> NormalizeTags(const std::vector<std::string>& tags) {
    return NormalizeTagList(std::vector<std::string_view>(tags.begin(), tags.end()));
}

Result<std::string> ValidateDisplayName(std::string_view name) {
    const std::string_view trimmed = Trim(name);
    if (!IsValidUtf8(trimmed)) return Invalid(NotValidText("display_name"), "display_name");
    if (!IsClean(trimmed, Newlines::kRejected)) {
        return Invalid("Display name must be one line of text, without control characters.",
                       "display_name");
    }
    if (Utf8Length(trimmed) > kMaxDisplayName) {
        return Invalid("Display name must be at most 64 characters.", "display_name");
    }
    return std::string(trimmed);
}

Result<std::string> ValidateBio(std::string_view bio) {
    std::string text = NormalizeNewlines(TrimMarkdown(bio));
    if (text.size() > kMaxBio) return Invalid("Bio is too long: at most 2000 bytes.", "bio");
    if (!IsCleanUtf8Text(text)) return Invalid(NotValidText("bio"), "bio");
    return text;
}

Result<std::string> ValidateWebsite(std::string_view website) {
    const std::string_view url = Trim(website);
    if (url.empty()) return std::string();
    const Error bad =
        Error::Make(Errc::kInvalidInput,
                    "Website must be an address starting with http:// or https://.", "website");
    if (url.size() > kMaxWebsite)
        return Error::Make(Errc::kInvalidInput, "Website must be at most 200 characters.",
                           "website");
    std::string_view rest;
    if (url.starts_with("https://")) {
        rest = url.substr(8);
    } else if (url.starts_with("http://")) {
        rest = url.substr(7);
    } else {
        return bad;
    }
    // The host runs to the first '/', '?' or '#'; it must be there and be a plain name.
    const std::string_view host = rest.substr(0, rest.find_first_of("/?#"));
    if (host.empty() || host.find('@') != std::string_view::npos) return bad;
    for (char c : url) {
        const auto u = static_cast<unsigned char>(c);
        if (u <= 0x20 || u == 0x7f || c == '"' || c == '<' || c == '>' || c == '\\' || u >= 0x80)
            return bad;
    }
    for (char c : host) {
        if (!std::isalnum(static_cast<unsigned char>(c)) && c != '.' && c != '-' && c != ':' &&
            c != '[' && c != ']')
            return bad;
    }
    return std::string(url);
}

}  // namespace hoot
