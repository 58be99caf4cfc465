#include "http/multipart.hpp"

#include <algorithm>
#include <functional>
#include <optional>
#include <utility>

namespace hoot::http {
namespace {

struct HeaderValue {
    std::string value;                                        // lower-cased: "form-data"
    std::vector<std::pair<std::string, std::string>> params;  // names lower-cased
};

std::string Lower(std::string_view text) {
    std::string out(text);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

std::string_view Trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

Error Malformed(std::string message) {
    return Error::Make(Errc::kBadRequest, "The form could not be read: " + std::move(message));
}

// `value; name=token; name="quoted \"string\""`: the value and its parameters. A quoted string
// may hold ';' and escapes any character with '\'. nullopt when a quote is never closed.
std::optional<HeaderValue> ParseHeaderValue(std::string_view text) {
    HeaderValue out;
    auto semicolon = text.find(';');
    out.value = Lower(Trim(text.substr(0, semicolon)));
    std::size_t i = semicolon == std::string_view::npos ? text.size() : semicolon + 1;
    while (i < text.size()) {
        auto eq = text.find('=', i);
        auto next_semicolon = text.find(';', i);
        if (eq == std::string_view::npos || next_semicolon < eq) {
            // A parameter without a value ("; foo;"): skipped, as browsers never send one.
            if (next_semicolon == std::string_view::npos) break;
            i = next_semicolon + 1;
            continue;
        }
        std::string name = Lower(Trim(text.substr(i, eq - i)));
        i = eq + 1;
        while (i < text.size() && (text[i] == ' ' || text[i] == '\t')) ++i;
        std::string value;
        if (i < text.size() && text[i] == '"') {
            ++i;
            bool closed = false;
            while (i < text.size()) {
                char c = text[i++];
                if (c == '"') {
                    closed = true;
                    break;
                }
                if (c == '\\' && i < text.size()) c = text[i++];
                value += c;
            }
            if (!closed) return std::nullopt;
            auto after = text.find(';', i);
            i = after == std::string_view::npos ? text.size() : after + 1;
        } else {
            auto end = text.find(';', i);
            value =
                std::string(Trim(text.substr(i, end == std::string_view::npos ? end : end - i)));
            i = end == std::string_view::npos ? text.size() : end + 1;
        }
        out.params.emplace_back(std::move(name), std::move(value));
    }
    return out;
}

const std::string* Param(const HeaderValue& header, std::string_view name) {
    for (const auto& [key, value] : header.params)
        if (key == name) return &value;
    return nullptr;
}

// RFC 2046 bchars: digits, letters and '()+_,-./:=? plus space (never last).
bool ValidBoundary(std::string_view boundary) {
    if (boundary.empty() || boundary.size() > 70 || boundary.back() == ' ') return false;
    return std::all_of(boundary.begin(), boundary.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) ||
               std::string_view("'()+_,-./:=? ").find(c) != std::string_view::npos;
    });
}

// Reads one part's header block (between the delimiter line and the empty line) into `part`.
Status ReadPartHeaders(std::string_view block, MultipartPart& part) {
    bool has_disposition = false;
    while (!block.empty()) {
        auto eol = block.find("\r\n");
        std::string_view line = block.substr(0, eol);
        block = eol == std::string_view::npos ? std::string_view() : block.substr(eol + 2);
        auto colon = line.find(':');
        if (colon == std::string_view::npos || colon == 0)
            return Malformed("a part has a header line without a name.");
        std::string name = Lower(Trim(line.substr(0, colon)));
        std::string_view value = Trim(line.substr(colon + 1));
        if (name == "content-disposition") {
            auto header = ParseHeaderValue(value);
            if (!header) return Malformed("a part's Content-Disposition has an unclosed quote.");
            if (header->value != "form-data")
                return Malformed("a part's Content-Disposition is not form-data.");
            const std::string* field = Param(*header, "name");
            if (!field || field->empty()) return Malformed("a part has no field name.");
            part.name = *field;
            if (const std::string* filename = Param(*header, "filename")) {
                part.is_file = true;
                part.filename = *filename;
            }
            has_disposition = true;
        } else if (name == "content-type") {
            part.content_type = std::string(value);
        }
        // Other headers (Content-Transfer-Encoding is deprecated by RFC 7578) are ignored.
    }
    if (!has_disposition) return Malformed("a part has no Content-Disposition header.");
    return OkStatus();
}

}  // namespace

bool IsMultipartFormData(std::string_view content_type) {
    auto semicolon = content_type.find(';');
    return Lower(Trim(content_type.substr(0, semicolon))) == "multipart/form-data";
}

Result<std::string> MultipartBoundary(std::string_view content_type) {
    auto header = ParseHeaderValue(content_type);
    if (!header || header->value != "multipart/form-data")
        return Malformed("the request is not multipart/form-data.");
    const std::string* boundary = Param(*header, "boundary");
    if (!boundary || boundary->empty()) return Malformed("the multipart boundary is missing.");
    if (!ValidBoundary(*boundary)) return Malformed("the multipart boundary is not valid.");
    return *boundary;
}

Result<std::vector<MultipartPart>> ParseMultipart(std::string_view body, std::string_view boundary,
                                                  const MultipartLimits& limits) {
    if (body.size() > limits.max_total_bytes)
        return Error::Make(Errc::kTooLarge, "The form is too large.");
    if (!ValidBoundary(boundary)) return Malformed("the multipart boundary is not valid.");
    const std::string delimiter = "\r\n--" + std::string(boundary);
    const std::boyer_moore_horspool_searcher find_delimiter(delimiter.begin(), delimiter.end());
    auto find = [&](std::size_t from) -> std::size_t {
        auto it = std::search(body.begin() + static_cast<std::ptrdiff_t>(from), body.end(),
                              find_delimiter);
        return it == body.end() ? std::string_view::npos
                                : static_cast<std::size_t>(it - body.begin());
    };

    // The first delimiter may open the body (no leading CRLF) or follow a preamble.
    std::size_t pos;
    if (body.substr(0, delimiter.size() - 2) == std::string_view(delimiter).substr(2)) {
        pos = delimiter.size() - 2;
    } else {
        auto first = find(0);
        if (first == std::string_view::npos)
            return Malformed("the body does not start with the multipart boundary.");
        pos = first + delimiter.size();
    }

    std::vector<MultipartPart> parts;
    while (true) {
        // After a delimiter: "--" closes the body; otherwise padding and CRLF open a part.
        if (body.substr(pos, 2) == "--") return parts;
        while (pos < body.size() && (body[pos] == ' ' || body[pos] == '\t')) ++pos;
        if (pos >= body.size()) return Malformed("the closing multipart boundary is missing.");
        if (body.substr(pos, 2) != "\r\n")
            return Malformed("a multipart boundary line has unexpected characters after it.");
        pos += 2;
        if (parts.size() == limits.max_parts)
            return Malformed("the form has more than " + std::to_string(limits.max_parts) +
                             " parts.");

        std::size_t content;
        std::string_view block;
        if (body.substr(pos, 2) == "\r\n") {
            content = pos + 2;  // no headers at all: reported below as a missing disposition
        } else {
            auto window = body.substr(pos, limits.max_header_bytes + 4);
            auto end = window.find("\r\n\r\n");
            if (end == std::string_view::npos) {
                return window.size() > limits.max_header_bytes
                           ? Malformed("a part's headers are too long.")
                           : Malformed("a part's headers never end.");
            }
            block = window.substr(0, end);
            content = pos + end + 4;
        }
        MultipartPart part;
        if (auto ok = ReadPartHeaders(block, part); !ok) return ok.take_error();

        auto next = find(content);
        if (next == std::string_view::npos)
            return Malformed("the closing multipart boundary is missing.");
        if (next - content > limits.max_part_bytes)
            return Error::Make(Errc::kTooLarge, "A part of the form is too large.", part.name);
        part.data = std::string(body.substr(content, next - content));
        parts.push_back(std::move(part));
        pos = next + delimiter.size();
    }
}

}  // namespace hoot::http
