#include "domain/slug.hpp"

#include <cstdint>

namespace hoot {

namespace {

constexpr std::size_t kMaxSlug = 80;
// A cut at a '-' earlier than this would throw away most of a long first word; cut hard instead.
constexpr std::size_t kMinCutAtDash = kMaxSlug / 2;

// Decodes one UTF-8 sequence at `i`, advancing `i`; returns -1 for a malformed byte (skipped).
std::int32_t NextCodePoint(std::string_view s, std::size_t& i) {
    const auto lead = static_cast<unsigned char>(s[i++]);
    if (lead < 0x80) return lead;
    int extra = 0;
    std::int32_t cp = 0;
    if ((lead & 0xE0) == 0xC0) {
        extra = 1;
        cp = lead & 0x1F;
    } else if ((lead & 0xF0) == 0xE0) {
        extra = 2;
        cp = lead & 0x0F;
    } else if ((lead & 0xF8) == 0xF0) {
        extra = 3;
        cp = lead & 0x07;
    } else {
        return -1;
    }
    for (int k = 0; k < extra; ++k) {
        if (i >= s.size() || (static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) return -1;
        cp = (cp << 6) | (static_cast<unsigned char>(s[i++]) & 0x3F);
    }
    return cp;
}

// Non-ASCII spaces and punctuation separate words ("foo—bar" is two words); anything else
// non-ASCII is taken for a letter, which a URL slug cannot carry, and dropped.
bool IsNonAsciiSeparator(std::int32_t cp) {
    return (cp >= 0x80 && cp <= 0xBF) ||      // C1 controls, NBSP, Latin-1 punctuation, « » ¿
           cp == 0xD7 || cp == 0xF7 ||        // × ÷
           (cp >= 0x2000 && cp <= 0x2BFF) ||  // general punctuation, dashes, quotes, symbols
           (cp >= 0x3000 && cp <= 0x303F) ||  // CJK spaces and punctuation
           (cp >= 0xFE30 && cp <= 0xFE4F) ||  // CJK compatibility forms
           (cp >= 0xFF01 && cp <= 0xFF0F) || cp == 0xFEFF;
}

bool IsAsciiAlnum(std::int32_t cp) {
    return (cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
}

}  // namespace

std::string Slugify(std::string_view title) {
    std::string slug;
    slug.reserve(std::min(title.size(), kMaxSlug + 1));
    bool pending_dash = false;
    std::size_t i = 0;
    while (i < title.size() && slug.size() <= kMaxSlug) {
        const std::int32_t cp = NextCodePoint(title, i);
        if (IsAsciiAlnum(cp)) {
            if (pending_dash && !slug.empty()) slug.push_back('-');
            pending_dash = false;
            slug.push_back(static_cast<char>(cp >= 'A' && cp <= 'Z' ? cp - 'A' + 'a' : cp));
        } else if (cp < 0x80 ? cp >= 0 : IsNonAsciiSeparator(cp)) {
            pending_dash = true;
        }
    }
    if (slug.size() > kMaxSlug) {
        // slug[kMaxSlug] is the first character past the limit: a '-' there means a clean cut.
        const std::size_t dash = slug.rfind('-', kMaxSlug);
        slug.resize(dash != std::string::npos && dash >= kMinCutAtDash ? dash : kMaxSlug);
        while (!slug.empty() && slug.back() == '-') slug.pop_back();
    }
    if (slug.empty()) return "hoot";
    // Keep in step with the routes under /hoots/{id}/ (http/routes.cpp).
    if (slug == "revisions") slug += "-hoot";
    return slug;
}

}  // namespace hoot
