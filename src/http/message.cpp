#include "http/message.hpp"

namespace hoot::http {
namespace {

int HexValue(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

std::string_view Trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

}  // namespace

std::string PercentDecode(std::string_view text, bool plus_is_space) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if (c == '+' && plus_is_space) {
            out += ' ';
        } else if (c == '%' && i + 2 < text.size() && HexValue(text[i + 1]) >= 0 &&
                   HexValue(text[i + 2]) >= 0) {
            out += static_cast<char>(HexValue(text[i + 1]) * 16 + HexValue(text[i + 2]));
            i += 2;
        } else {
            out += c;
        }
    }
    return out;
}

Fields ParseUrlEncoded(std::string_view text) {
    Fields fields;
    while (!text.empty()) {
        auto amp = text.find('&');
        std::string_view pair = text.substr(0, amp);
        text = amp == std::string_view::npos ? std::string_view() : text.substr(amp + 1);
        if (pair.empty()) continue;
        auto eq = pair.find('=');
        std::string_view name = pair.substr(0, eq);
        std::string_view value =
            eq == std::string_view::npos ? std::string_view() : pair.substr(eq + 1);
        fields.emplace_back(PercentDecode(name, true), PercentDecode(value, true));
    }
    return fields;
}

std::optional<std::string> FieldValue(const Fields& fields, std::string_view name) {
    for (const auto& [key, value] : fields)
        if (key == name) return value;
    return std::nullopt;
}

std::string_view Request::Header(std::string_view lower_name) const {
    for (const auto& [name, value] : headers)
        if (name == lower_name) return value;
    return {};
}

std::optional<std::string> Request::Cookie(std::string_view wanted) const {
    for (const auto& [header, value] : headers) {
        if (header != "cookie") continue;
        std::string_view rest = value;
        while (!rest.empty()) {
            auto semi = rest.find(';');
            std::string_view item = Trim(rest.substr(0, semi));
            rest = semi == std::string_view::npos ? std::string_view() : rest.substr(semi + 1);
            auto eq = item.find('=');
            if (eq == std::string_view::npos) continue;
            if (Trim(item.substr(0, eq)) == wanted) {
                std::string_view v = Trim(item.substr(eq + 1));
                if (v.size() >= 2 && v.front() == '"' && v.back() == '"')
                    v = v.substr(1, v.size() - 2);
                return std::string(v);
            }
        }
    }
    return std::nullopt;
}

std::optional<std::string> Request::QueryParam(std::string_view name) const {
    return FieldValue(ParseUrlEncoded(query), name);
}

Response Redirect(int status, std::string location) {
    Response response;
    response.status = status;
    response.content_type = "text/plain; charset=utf-8";
    response.Header("Location", std::move(location));
    return response;
}

Response Text(int status, std::string body) {
    Response response;
    response.status = status;
    response.content_type = "text/plain; charset=utf-8";
    response.body = std::move(body);
    return response;
}

std::string MakeCookie(std::string_view name, std::string_view value, long max_age_seconds,
                       bool http_only) {
    std::string cookie;
    cookie.append(name).append("=").append(value);
    cookie.append("; Path=/; SameSite=Lax; Max-Age=").append(std::to_string(max_age_seconds));
    if (http_only) cookie.append("; HttpOnly");
    return cookie;
}

}  // namespace hoot::http
