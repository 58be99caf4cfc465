#pragma once
// An HTML builder that makes unescaped output impossible except for two kinds of text:
//  - markup written in the source code (Html::Raw takes only string literals, checked at
//    compile time through a consteval constructor), and
//  - TrustedHtml, which only the Markdown renderer produces.
// Everything else goes through Text() or Attr(), which escape. Not thread-safe; one per page.

#include <cstdint>
#include <string>
#include <string_view>

namespace hoot::render {

// A string literal of markup. The consteval constructor rejects anything built at run time.
class Markup {
public:
    template <std::size_t N>
    consteval Markup(const char (&literal)[N]) : text_(literal, N - 1) {}  // NOLINT
    std::string_view view() const { return text_; }

private:
    std::string_view text_;
};

// HTML produced by a sanitiser (render/markdown). Construct only there.
class TrustedHtml {
public:
    TrustedHtml() = default;
    static TrustedHtml FromSanitizer(std::string html) { return TrustedHtml(std::move(html)); }
    // For HTML read back from the database, where it was stored by the sanitiser at write time.
    static TrustedHtml FromStore(std::string html) { return TrustedHtml(std::move(html)); }
    const std::string& str() const { return html_; }

private:
    explicit TrustedHtml(std::string html) : html_(std::move(html)) {}
    std::string html_;
};

// Appends `text` to `out` with & < > " ' escaped (safe in element content and quoted attributes).
void AppendEscaped(std::string& out, std::string_view text);
std::string Escape(std::string_view text);


class Html {
public:
    explicit Html(std::size_t reserve = 16 * 1024) { out_.reserve(reserve); }

    Html& Raw(Markup markup) {
        out_.append(markup.view());
        return *this;
    }
    Html& Trusted(const TrustedHtml& html) {
        out_.append(html.str());
        return *this;
    }
    Html& TrustedStored(std::string_view stored_html) {
        // Stored HTML came from the sanitiser at write time (see store schema).
        out_.append(stored_html);
        return *this;
    }
    Html& Text(std::string_view text) {
        AppendEscaped(out_, text);
        return *this;
    }
    // Same escaping; named separately so call sites say which context they write into.
    Html& Attr(std::string_view value) {
        AppendEscaped(out_, value);
        return *this;
    }
    Html& Number(std::int64_t value);
    // Only for the output of render::ScriptJson, written inside a
    // <script type="application/ld+json"> element (see web/views/parts.hpp AppendJsonLd).
    Html& JsonForScript(std::string_view escaped_json) {
        out_.append(escaped_json);
        return *this;
    }
    // Another builder's output, already escaped by construction.
    Html& Append(const Html& other) {
        out_.append(other.out_);
        return *this;
    }

    const std::string& str() const { return out_; }
    std::string Take() { return std::move(out_); }

private:
    std::string out_;
};

}  // namespace hoot::render
