#include "domain/search_query.hpp"

#include <algorithm>
#include <cstdint>
#include <optional>

namespace hoot {
namespace {

bool IsSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

char AsciiLower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

std::string AsciiLower(std::string_view text) {
    std::string lower(text);
    std::transform(lower.begin(), lower.end(), lower.begin(), [](char c) { return AsciiLower(c); });
    return lower;
}

bool StartsWithNoCase(std::string_view text, std::string_view prefix) {
    return text.size() >= prefix.size() && AsciiLower(text.substr(0, prefix.size())) == prefix;
}

// The code point at `text[i]` and its length in bytes, or nullopt for bytes that are not
// well-formed UTF-8 (overlong forms, surrogates and values past U+10FFFF included).
std::optional<std::pair<char32_t, std::size_t>> DecodeAt(std::string_view text, std::size_t i) {
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[i + k]); };
    const unsigned char lead = byte(0);
    if (lead < 0x80) return std::pair{char32_t(lead), std::size_t{1}};
    std::size_t length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 0;
    if (length == 0 || lead > 0xF4 || i + length > text.size()) return std::nullopt;
    char32_t cp = lead & (0xFF >> (length + 1));
    for (std::size_t k = 1; k < length; ++k) {
        if ((byte(k) & 0xC0) != 0x80) return std::nullopt;
        cp = (cp << 6) | (byte(k) & 0x3F);
    }
    static constexpr char32_t kMinimum[] = {0, 0, 0x80, 0x800, 0x10000};
    if (cp < kMinimum[length] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        return std::nullopt;
    return std::pair{cp, length};
}

// Well-formed UTF-8 only, the highlight markers turned into spaces, cut to the byte limit at a
// character boundary: what the store binds and the page shows back is always valid text.
std::string Sanitize(std::string_view text) {
    std::string clean;
    clean.reserve(std::min(text.size(), kMaxSearchQueryBytes));
    for (std::size_t i = 0; i < text.size();) {
        auto decoded = DecodeAt(text, i);
        if (!decoded) {
            ++i;
            continue;
        }
        auto [cp, length] = *decoded;
        if (clean.size() + length > kMaxSearchQueryBytes) break;
        if (cp == 0xE000 || cp == 0xE001 || cp == 0)
            clean += ' ';
        else
            clean.append(text.substr(i, length));
        i += length;
    }
    return clean;
}

// Blocks of punctuation and symbols that unicode61 treats as separators.
bool IsSeparatorBlock(char32_t cp) {
    struct Range {
        char32_t first, last;
    };
    static constexpr Range kSeparators[] = {
        {0x80, 0xBF},       {0xD7, 0xD7},     {0xF7, 0xF7},     {0x2000, 0x206F},
        {0x20A0, 0x20CF},   {0x2190, 0x2BFF}, {0x3000, 0x3003}, {0x3008, 0x3020},
        {0xFE00, 0xFE0F},   {0xFE30, 0xFE4F}, {0xFF01, 0xFF0F}, {0xFF1A, 0xFF20},
        {0xFF3B, 0xFF40},   {0xFF5B, 0xFF65}, {0xFFF0, 0xFFFF}, {0x1F000, 0x1FAFF},
        {0xE0000, 0xE007F},
    };
    for (const auto& range : kSeparators)
        if (cp >= range.first && cp <= range.last) return true;
    return false;
}

class Parser {
  public:
    explicit Parser(std::string text) : text_(std::move(text)) {}

    SearchQuery Run() {
        while (pos_ < text_.size()) {
            if (IsSpace(text_[pos_])) {
                ++pos_;
                continue;
            }
            ReadItem();
        }
        return std::move(query_);
    }

  private:
    void ReadItem() {
        // "-" excludes only when something follows it directly; a lone "-" is a (dropped) word.
        const bool negated =
            text_[pos_] == '-' && pos_ + 1 < text_.size() && !IsSpace(text_[pos_ + 1]);
        const std::size_t start = negated ? pos_ + 1 : pos_;
        if (text_[start] == '"') {
            const std::size_t close = text_.find('"', start + 1);
            if (close != std::string::npos) {
                Add(negated ? query_.excluded : query_.phrases,
                    Collapse(std::string_view(text_).substr(start + 1, close - start - 1)));
                pos_ = close + 1;
                return;
            }
            // Unbalanced: the quote is just a character, and the rest is read as words.
        }
        std::size_t end = start;
        while (end < text_.size() && !IsSpace(text_[end])) ++end;
        const std::string_view token = std::string_view(text_).substr(start, end - start);
        pos_ = end;
        if (negated) {
            AddWords(query_.excluded, token);
            return;
        }
        if (!ReadOperator(token)) AddWords(query_.words, token);
    }

    // tag:name, user:name, is:unanswered; false when `token` is not one (it is then a word).
    bool ReadOperator(std::string_view token) {
        if (StartsWithNoCase(token, "tag:")) {
            std::string_view name = token.substr(4);
            if (name.starts_with('#')) name.remove_prefix(1);
            if (name.empty() || name.find('"') != std::string_view::npos) return false;
            Add(query_.tags, AsciiLower(name));
            return true;
        }
        if (StartsWithNoCase(token, "user:")) {
            std::string_view name = token.substr(5);
            if (name.starts_with('@')) name.remove_prefix(1);
            if (name.empty() || name.find('"') != std::string_view::npos) return false;
            Add(query_.users, AsciiLower(name));
            return true;
        }
        if (AsciiLower(token) == "is:unanswered") {
            query_.unanswered = true;
            return true;
        }
        return false;
    }

    // A token with stray quotes inside is several words: the quotes separate them.
    void AddWords(std::vector<std::string>& list, std::string_view token) {
        std::size_t from = 0;
        while (from <= token.size()) {
            std::size_t quote = token.find('"', from);
            if (quote == std::string_view::npos) quote = token.size();
            Add(list, std::string(token.substr(from, quote - from)));
            from = quote + 1;
        }
    }

    // A phrase's inside with runs of spaces made one, so equal phrases compare equal.
    static std::string Collapse(std::string_view text) {
        std::string out;
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

    void Add(std::vector<std::string>& list, std::string item) {
        if (count_ >= kMaxSearchTerms || !HasSearchableText(item)) return;
        if (std::find(list.begin(), list.end(), item) != list.end()) return;
        list.push_back(std::move(item));
        ++count_;
    }

    std::string text_;
    std::size_t pos_ = 0;
    std::size_t count_ = 0;
    SearchQuery query_;
};

void AppendQuoted(std::string& out, std::string_view text) {
    const bool quote = text.find(' ') != std::string_view::npos;
    if (quote) out += '"';
    out += text;
    if (quote) out += '"';
}

}  // namespace

bool HasSearchableText(std::string_view term) {
    for (std::size_t i = 0; i < term.size();) {
        auto decoded = DecodeAt(term, i);
        if (!decoded) {
            ++i;
            continue;
        }
        auto [cp, length] = *decoded;
        i += length;
        if (cp < 0x80) {
            if ((cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z'))
                return true;
        } else if (!IsSeparatorBlock(cp)) {
            return true;
        }
    }
    return false;
}

SearchQuery ParseSearchQuery(std::string_view text) { return Parser(Sanitize(text)).Run(); }

std::string SearchQuery::ToString() const {
    std::string out;
    auto separate = [&out] {
        if (!out.empty()) out += ' ';
    };
    for (const auto& word : words) separate(), out += word;
    for (const auto& phrase : phrases) separate(), out += '"', out += phrase, out += '"';
    for (const auto& item : excluded) separate(), out += '-', AppendQuoted(out, item);
    for (const auto& tag : tags) separate(), out += "tag:", out += tag;
    for (const auto& user : users) separate(), out += "user:", out += user;
    if (unanswered) separate(), out += "is:unanswered";
    return out;
}

}  // namespace hoot
