#include "render/markdown.hpp"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include <array>
#include <cstdlib>
#include <memory>
#include <mutex>
#include <vector>

namespace hoot::render {

namespace {

// CMARK_OPT_SAFE is the default in 0.29 and kept for older libraries; CMARK_OPT_UNSAFE (raw HTML
// passed through) must never be added. Invalid UTF-8 is replaced rather than echoed.
constexpr int kOptions = CMARK_OPT_SAFE | CMARK_OPT_VALIDATE_UTF8;
static_assert((kOptions & CMARK_OPT_UNSAFE) == 0);

constexpr std::array<const char*, 5> kExtensionNames = {"table", "strikethrough", "autolink",
                                                        "tagfilter", "tasklist"};

// The extension registry is global to the library: fill it once, then only read it.
const std::vector<cmark_syntax_extension*>& Extensions() {
    static std::once_flag once;
    static std::vector<cmark_syntax_extension*> extensions;
    std::call_once(once, [] {
        cmark_gfm_core_extensions_ensure_registered();
        for (const char* name : kExtensionNames) {
            if (cmark_syntax_extension* ext = cmark_find_syntax_extension(name)) {
                extensions.push_back(ext);
            }
        }
    });
    return extensions;
}

struct ParserDeleter {
    void operator()(cmark_parser* parser) const { cmark_parser_free(parser); }
};
struct NodeDeleter {
    void operator()(cmark_node* node) const { cmark_node_free(node); }
};
struct IterDeleter {
    void operator()(cmark_iter* iter) const { cmark_iter_free(iter); }
};
using ParserPtr = std::unique_ptr<cmark_parser, ParserDeleter>;
using NodePtr = std::unique_ptr<cmark_node, NodeDeleter>;
using IterPtr = std::unique_ptr<cmark_iter, IterDeleter>;

struct Document {
    ParserPtr parser;  // owns the extension list the renderer needs
    NodePtr root;
};

// cmark-gfm 0.29.0.gfm.6 keeps the table of special inline characters in a global that every
// parse rewrites: extensions add theirs ('~' for strikethrough) before the inline pass and remove
// them after it, so concurrent parses randomly miss strikethrough (github/cmark-gfm PR #176).
// Parsing is serialised; rendering the finished tree touches no shared state.
std::mutex parse_mutex;

Document Parse(std::string_view markdown) {
    const std::lock_guard<std::mutex> lock(parse_mutex);
    ParserPtr parser(cmark_parser_new(kOptions));
    for (cmark_syntax_extension* ext : Extensions()) {
        cmark_parser_attach_syntax_extension(parser.get(), ext);
    }
    cmark_parser_feed(parser.get(), markdown.data(), markdown.size());
    NodePtr root(cmark_parser_finish(parser.get()));
    return Document{std::move(parser), std::move(root)};
}

// Browsers ignore leading spaces and control characters and any tab or newline inside a scheme,
// so "\tjava\nscript:" runs script too; compare what the browser would see.
bool IsDangerousUrl(std::string_view url) {
    std::string scheme;
    for (char c : url) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte <= 0x20 && (scheme.empty() || c == '\t' || c == '\n' || c == '\r')) continue;
        if (c == ':') {
            return scheme == "javascript" || scheme == "vbscript" || scheme == "file" ||
                   scheme == "data";
        }
        // A '/', '?' or '#' before any ':' makes a relative URL; no dangerous scheme is longer.
        if (c == '/' || c == '?' || c == '#' || scheme.size() > 16) return false;
        scheme.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
    }
    return false;
}

cmark_node* NewText(std::string_view literal) {
    cmark_node* text = cmark_node_new(CMARK_NODE_TEXT);
    cmark_node_set_literal(text, std::string(literal).c_str());
    return text;
}

// A paragraph showing the lines of an HTML block as typed, one line break between them.
cmark_node* HtmlBlockAsParagraph(std::string_view html) {
    while (!html.empty() && (html.back() == '\n' || html.back() == '\r')) html.remove_suffix(1);
    cmark_node* paragraph = cmark_node_new(CMARK_NODE_PARAGRAPH);
    std::size_t start = 0;
    while (start <= html.size()) {
        std::size_t end = html.find('\n', start);
        if (end == std::string_view::npos) end = html.size();
        std::string_view line = html.substr(start, end - start);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (start > 0) cmark_node_append_child(paragraph, cmark_node_new(CMARK_NODE_LINEBREAK));
        cmark_node_append_child(paragraph, NewText(line));
        start = end + 1;
    }
    return paragraph;
}

// Safe mode would print raw HTML as "<!-- raw HTML omitted -->", hiding what people meant as text
// (`std::vector<int>` outside backticks); show it escaped instead. Links that could run script
// lose their target, whatever cmark itself decides about them.
void Sanitize(cmark_node* root) {
    std::vector<cmark_node*> html_nodes;
    {
        IterPtr iter(cmark_iter_new(root));
        cmark_event_type event;
        while ((event = cmark_iter_next(iter.get())) != CMARK_EVENT_DONE) {
            if (event != CMARK_EVENT_ENTER) continue;
            cmark_node* node = cmark_iter_get_node(iter.get());
            switch (cmark_node_get_type(node)) {
                case CMARK_NODE_HTML_INLINE:
                case CMARK_NODE_HTML_BLOCK:
                    html_nodes.push_back(node);
                    break;
                case CMARK_NODE_LINK:
                case CMARK_NODE_IMAGE: {
                    const char* url = cmark_node_get_url(node);
                    if (url != nullptr && IsDangerousUrl(url)) cmark_node_set_url(node, "");
                    break;
                }
                default:
                    break;
            }
        }
    }
    // Replaced after the walk: the iterator must not see its tree change under it.
    for (cmark_node* node : html_nodes) {
        const char* literal = cmark_node_get_literal(node);
        const std::string_view html = literal != nullptr ? literal : "";
        cmark_node* replacement = cmark_node_get_type(node) == CMARK_NODE_HTML_INLINE
                                      ? NewText(html)
                                      : HtmlBlockAsParagraph(html);
        if (cmark_node_replace(node, replacement)) {
            cmark_node_free(node);
        } else {
            // Never expected; dropping the node is the safe failure.
            cmark_node_free(replacement);
            cmark_node_unlink(node);
            cmark_node_free(node);
        }
    }
}

bool IsBlock(cmark_node* node) {
    return (cmark_node_get_type(node) & CMARK_NODE_TYPE_MASK) == CMARK_NODE_TYPE_BLOCK;
}

void CollectText(cmark_node* root, std::string& out) {
    IterPtr iter(cmark_iter_new(root));
    cmark_event_type event;
    while ((event = cmark_iter_next(iter.get())) != CMARK_EVENT_DONE) {
        cmark_node* node = cmark_iter_get_node(iter.get());
        if (event == CMARK_EVENT_EXIT) {
            if (IsBlock(node)) out += ' ';
            continue;
        }
        switch (cmark_node_get_type(node)) {
            case CMARK_NODE_TEXT:
            case CMARK_NODE_CODE:
            case CMARK_NODE_CODE_BLOCK:
            case CMARK_NODE_HTML_INLINE:
            case CMARK_NODE_HTML_BLOCK:
                if (const char* literal = cmark_node_get_literal(node)) out += literal;
                // Leaf blocks get no EXIT event, so separate them here.
                if (IsBlock(node)) out += ' ';
                break;
            case CMARK_NODE_SOFTBREAK:
            case CMARK_NODE_LINEBREAK:
            case CMARK_NODE_THEMATIC_BREAK:
                out += ' ';
                break;
            default:
                break;
        }
    }
}

bool IsSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

std::string FoldWhitespace(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    bool pending_space = false;
    for (char c : text) {
        if (IsSpace(c)) {
            pending_space = !out.empty();
            continue;
        }
        if (pending_space) out += ' ';
        pending_space = false;
        out += c;
    }
    return out;
}

bool IsContinuationByte(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// The byte offset just past the first `count` code points, or npos when the text is shorter.
std::size_t OffsetOfCodePoint(std::string_view text, std::size_t count) {
    std::size_t seen = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (IsContinuationByte(text[i])) continue;
        if (seen == count) return i;
        ++seen;
    }
    return std::string_view::npos;
}

}  // namespace

TrustedHtml RenderMarkdown(std::string_view markdown) {
    Document doc = Parse(markdown);
    Sanitize(doc.root.get());
    char* html = cmark_render_html(doc.root.get(), kOptions,
                                   cmark_parser_get_syntax_extensions(doc.parser.get()));
    std::string out(html != nullptr ? html : "");
    std::free(html);
    return TrustedHtml::FromSanitizer(std::move(out));
}

std::string PlainText(std::string_view markdown) {
    Document doc = Parse(markdown);
    std::string collected;
    collected.reserve(markdown.size());
    CollectText(doc.root.get(), collected);
    return FoldWhitespace(collected);
}

std::string PlainExcerpt(std::string_view markdown, std::size_t max_chars) {
    std::string text = PlainText(markdown);

    const std::size_t limit = OffsetOfCodePoint(text, max_chars);
    if (limit == std::string_view::npos) return text;
    // A space at the limit means the last word fits whole; otherwise back up to the last space,
    // unless the first word alone is longer than the limit.
    std::size_t cut = limit;
    if (text[limit] != ' ') {
        const std::size_t space = text.rfind(' ', limit);
        if (space != std::string::npos && space > 0) cut = space;
    }
    text.resize(cut);
    while (!text.empty() && text.back() == ' ') text.pop_back();
    text += "…";
    return text;
}

}  // namespace hoot::render
