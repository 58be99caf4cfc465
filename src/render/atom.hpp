#pragma once
// Atom 1.0 documents (RFC 4287) from plain structs. All text is XML-escaped, and characters XML
// 1.0 forbids (C0 controls other than tab, line feed and carriage return) are dropped, so any
// stored text makes a well-formed document. Thread-safe: no shared state.

#include <string>
#include <vector>

#include "domain/model.hpp"

namespace hoot::render {

struct AtomEntry {
    std::string id;  // an absolute IRI that never changes for this entry
    std::string title;
    std::string url;  // the entry's page (rel="alternate")
    std::string author_name;
    std::string author_url;
    UnixSeconds published = 0;
    UnixSeconds updated = 0;
    std::string summary = {};       // plain text; used when content_html is empty
    std::string content_html = {};  // sanitised HTML, sent as type="html"
    std::vector<std::string> categories = {};
};

struct AtomFeed {
    std::string id;
    std::string title;
    std::string self_url;       // this document
    std::string alternate_url;  // the page it mirrors
    UnixSeconds updated = 0;    // the newest entry's time (or the feed's own when it has none)
    std::vector<AtomEntry> entries;
};

std::string RenderAtom(const AtomFeed& feed);

// XML character data / attribute text: escapes & < > " and drops characters XML 1.0 forbids.
void AppendXmlEscaped(std::string& out, std::string_view text);

}  // namespace hoot::render
