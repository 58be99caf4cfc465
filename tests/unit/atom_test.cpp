// The Atom writer: document shape and escaping of anything stored text may hold.

#include "render/atom.hpp"

#include <gtest/gtest.h>

namespace hoot::render {
namespace {

AtomFeed OneEntryFeed() {
    AtomFeed feed;
    feed.id = "http://owls.example/feed.atom";
    feed.title = "Owls & <friends>";
    feed.self_url = "http://owls.example/feed.atom";
    feed.alternate_url = "http://owls.example/";
    feed.updated = 86400;
    AtomEntry entry;
    entry.id = "http://owls.example/hoots/7";
    entry.title = "Why \"hoot\"?";
    entry.url = "http://owls.example/hoots/7/why-hoot?a=1&b=2";
    entry.author_name = "Olive";
    entry.author_url = "http://owls.example/u/olive";
    entry.published = 0;
    entry.updated = 86400;
    entry.summary = "A bell\x07 and a tab\t stay apart";
    entry.categories = {"c++"};
    feed.entries.push_back(entry);
    return feed;
}

TEST(Atom, WritesTheFeedAndEntryElementsInOrder) {
    const std::string xml = RenderAtom(OneEntryFeed());
    EXPECT_EQ(xml.rfind("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
                        "<feed xmlns=\"http://www.w3.org/2005/Atom\">",
                        0),
              0u);
    EXPECT_NE(xml.find("<id>http://owls.example/feed.atom</id>"), std::string::npos);
    EXPECT_NE(xml.find("<updated>1970-01-02T00:00:00Z</updated>"), std::string::npos);
    EXPECT_NE(xml.find("<link rel=\"self\" type=\"application/atom+xml\" "
                       "href=\"http://owls.example/feed.atom\"/>"),
              std::string::npos);
    EXPECT_NE(xml.find("<published>1970-01-01T00:00:00Z</published>"), std::string::npos);
    EXPECT_NE(xml.find("<author><name>Olive</name><uri>http://owls.example/u/olive</uri>"
                       "</author>"),
              std::string::npos);
    EXPECT_NE(xml.find("<category term=\"c++\"/>"), std::string::npos);
    EXPECT_EQ(xml.substr(xml.size() - 8), "</feed>\n");
}

TEST(Atom, EscapesTextAndDropsCharactersXmlForbids) {
    const std::string xml = RenderAtom(OneEntryFeed());
    EXPECT_NE(xml.find("<title type=\"text\">Owls &amp; &lt;friends&gt;</title>"),
              std::string::npos);
    EXPECT_NE(xml.find("<title type=\"text\">Why &quot;hoot&quot;?</title>"), std::string::npos);
    EXPECT_NE(xml.find("href=\"http://owls.example/hoots/7/why-hoot?a=1&amp;b=2\""),
              std::string::npos);
    EXPECT_NE(xml.find("<summary type=\"text\">A bell and a tab\t stay apart</summary>"),
              std::string::npos);
}

TEST(Atom, HtmlContentIsSentEscapedAsTypeHtml) {
    AtomFeed feed = OneEntryFeed();
    feed.entries[0].content_html = "<p>Owls &amp; <em>bats</em></p>";
    const std::string xml = RenderAtom(feed);
    EXPECT_NE(xml.find("<content type=\"html\">&lt;p&gt;Owls &amp;amp; &lt;em&gt;bats&lt;/em&gt;"
                       "&lt;/p&gt;</content>"),
              std::string::npos);
    EXPECT_EQ(xml.find("<summary"), std::string::npos);
}

}  // namespace
}  // namespace hoot::render
