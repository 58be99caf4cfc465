#include "importer/se_format.hpp"

#include <array>
#include <charconv>

#include "domain/validation.hpp"

namespace hoot::importer {
namespace {

// Days since 1970-01-01 of a civil date (Howard Hinnant's algorithm).
std::int64_t DaysFromCivil(std::int64_t y, unsigned m, unsigned d) {
    y -= m <= 2;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

bool Digits(std::string_view text, std::size_t at, std::size_t n, unsigned& value) {
    if (at + n > text.size()) return false;
    value = 0;
    for (std::size_t i = at; i < at + n; ++i) {
        if (text[i] < '0' || text[i] > '9') return false;
        value = value * 10 + static_cast<unsigned>(text[i] - '0');
    }
    return true;
}

constexpr std::array<std::string_view, 9> kNetworkDomains = {
    ".stackexchange.com", "stackoverflow.com", "serverfault.com",
    "superuser.com",      "askubuntu.com",     "mathoverflow.net",
    "stackapps.com",      "stackexchange.com", ".stackoverflow.com"};

bool IsHostChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.';
}

}  // namespace

std::optional<UnixSeconds> ParseSeDate(std::string_view text) {
    unsigned y, mo, d, h, mi, s;
    if (text.size() < 19 || text[4] != '-' || text[7] != '-' || text[10] != 'T' ||
        text[13] != ':' || text[16] != ':')
        return std::nullopt;
    if (!Digits(text, 0, 4, y) || !Digits(text, 5, 2, mo) || !Digits(text, 8, 2, d) ||
        !Digits(text, 11, 2, h) || !Digits(text, 14, 2, mi) || !Digits(text, 17, 2, s))
        return std::nullopt;
    if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 60) return std::nullopt;
    return DaysFromCivil(y, mo, d) * 86400 + h * 3600 + mi * 60 + s;
}

std::optional<std::int64_t> ParseSeId(std::string_view text) {
    std::int64_t value = 0;
    auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || ec != std::errc() || ptr != text.data() + text.size()) return std::nullopt;
    return value;
}

std::vector<std::string> ParseSeTags(std::string_view text) {
    std::vector<std::string> tags;
    std::string current;
    auto flush = [&] {
        if (current.empty()) return;
        auto one = NormalizeTags({current});
        current.clear();
        if (!one || one->empty()) return;
        for (const auto& existing : tags)
            if (existing == one->front()) return;
        if (tags.size() < kMaxTags) tags.push_back(one->front());
    };
    for (char c : text) {
        if (c == '<' || c == '>' || c == '|')
            flush();
        else
            current += c;
    }
    flush();
    return tags;
}

std::string LicenseFor(std::string_view content_license, UnixSeconds contributed_at) {
    if (!content_license.empty()) return std::string(content_license);
    static const UnixSeconds k30 = *ParseSeDate("2011-04-08T00:00:00");
    static const UnixSeconds k40 = *ParseSeDate("2018-05-02T00:00:00");
    if (contributed_at < k30) return "CC BY-SA 2.5";
    if (contributed_at < k40) return "CC BY-SA 3.0";
    return "CC BY-SA 4.0";
}

std::optional<std::string> SiteFromFolderName(std::string_view folder) {
    std::size_t host_end = 0;
    while (host_end < folder.size() && IsHostChar(folder[host_end])) ++host_end;
    std::string_view host = folder.substr(0, host_end);
    // The longest prefix of `host` that ends with a network domain ("beer.stackexchange.com-2016"
    // stops before "-2016").
    for (std::size_t end = host.size(); end > 0; --end) {
        std::string_view candidate = host.substr(0, end);
        for (auto domain : kNetworkDomains)
            if (candidate.ends_with(domain) &&
                (candidate.size() == domain.size() || domain.front() == '.' ||
                 candidate[candidate.size() - domain.size() - 1] == '.'))
                return std::string(candidate);
    }
    return std::nullopt;
}

std::optional<std::string> SiteFromUrl(std::string_view url) {
    if (url.starts_with("https://"))
        url.remove_prefix(8);
    else if (url.starts_with("http://"))
        url.remove_prefix(7);
    while (url.ends_with('/')) url.remove_suffix(1);
    if (url.empty() || url.size() > 253 || url.front() == '.' || url.back() == '.' ||
        url.find('.') == std::string_view::npos)
        return std::nullopt;
    std::string host;
    for (char c : url) {
        char lower = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
        if (!IsHostChar(lower)) return std::nullopt;
        host += lower;
    }
    return host;
}

std::string CloseReasonName(std::string_view reason_id) {
    auto id = ParseSeId(reason_id);
    if (!id) return "closed";
    switch (*id) {
        case 1:
        case 101:
            return "duplicate";
        case 2:
        case 102:
            return "off-topic";
        case 3:
            return "subjective and argumentative";
        case 4:
            return "not a real question";
        case 7:
            return "too localized";
        case 10:
            return "general reference";
        case 20:
            return "noise or pointless";
        case 103:
            return "unclear what you're asking";
        case 104:
            return "too broad";
        case 105:
            return "primarily opinion-based";
        case 106:
            return "needs more focus";
        case 107:
            return "needs details or clarity";
        default:
            return "closed";
    }
}

}  // namespace hoot::importer
