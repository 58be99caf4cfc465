#include "render/atom.hpp"

#include "render/time_format.hpp"

namespace hoot::render {
namespace {

// One element with escaped text content: <name>text</name>.
void AppendElement(std::string& out, std::string_view name, std::string_view text) {
    out.append("<").append(name).append(">");
    AppendXmlEscaped(out, text);
    out.append("</").append(name).append(">");
}

void AppendLink(std::string& out, std::string_view rel, std::string_view type,
                std::string_view href) {
    out.append("<link rel=\"").append(rel).append("\"");
    if (!type.empty()) out.append(" type=\"").append(type).append("\"");
    out.append(" href=\"");
    AppendXmlEscaped(out, href);
    out.append("\"/>");
}

void AppendEntry(std::string& out, const AtomEntry& entry) {
    out.append("<entry>");
    AppendElement(out, "id", entry.id);
    out.append("<title type=\"text\">");
    AppendXmlEscaped(out, entry.title);
    out.append("</title>");
    AppendLink(out, "alternate", "text/html", entry.url);
    AppendElement(out, "published", IsoTime(entry.published));
    AppendElement(out, "updated", IsoTime(entry.updated));
    out.append("<author>");
    AppendElement(out, "name", entry.author_name);
    if (!entry.author_url.empty()) AppendElement(out, "uri", entry.author_url);
    out.append("</author>");
    for (const auto& category : entry.categories) {
        out.append("<category term=\"");
        AppendXmlEscaped(out, category);
        out.append("\"/>");
    }
    if (!entry.content_html.empty()) {
        out.append("<content type=\"html\">");
        AppendXmlEscaped(out, entry.content_html);
        out.append("</content>");
    } else {
        out.append("<summary type=\"text\">");
        AppendXmlEscaped(out, entry.summary);
        out.append("</summary>");
    }
    out.append("</entry>");
}

}  // namespace

void AppendXmlEscaped(std::string& out, std::string_view text) {
    for (char c : text) {
        switch (c) {
            case '&':
                out.append("&amp;");
                break;
            case '<':
                out.append("&lt;");
                break;
            case '>':
                out.append("&gt;");
                break;
            case '"':
                out.append("&quot;");
                break;
            default:
                if (static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n' && c != '\r')
                    break;
                out.push_back(c);
        }
    }
}

std::string RenderAtom(const AtomFeed& feed) {
    std::string out;
    out.reserve(1024 + feed.entries.size() * 1024);
    out.append("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n")
        .append("<feed xmlns=\"http://www.w3.org/2005/Atom\">");
    AppendElement(out, "id", feed.id);
    out.append("<title type=\"text\">");
    AppendXmlEscaped(out, feed.title);
    out.append("</title>");
    AppendElement(out, "updated", IsoTime(feed.updated));
    AppendLink(out, "self", "application/atom+xml", feed.self_url);
    AppendLink(out, "alternate", "text/html", feed.alternate_url);
    out.append("<generator>Hoot</generator>");
    for (const auto& entry : feed.entries) AppendEntry(out, entry);
    out.append("</feed>\n");
    return out;
}

}  // namespace hoot::render
