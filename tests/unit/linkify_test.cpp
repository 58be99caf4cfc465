#include "render/linkify.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <string>

namespace hoot::render {
namespace {

struct LinkifyCase {
    const char* name;
    std::string text;
    std::string html;
};

void PrintTo(const LinkifyCase& c, std::ostream* os) { *os << c.name; }

class LinkifyTest : public ::testing::TestWithParam<LinkifyCase> {};

TEST_P(LinkifyTest, MatchesExpected) {
    EXPECT_EQ(LinkifyPlainText(GetParam().text).str(), GetParam().html);
}

std::string Link(const std::string& href, const std::string& text) {
    return "<a href=\"" + href + "\" rel=\"nofollow ugc\">" + text + "</a>";
}

INSTANTIATE_TEST_SUITE_P(
    Linkify, LinkifyTest,
    ::testing::Values(
        LinkifyCase{"Empty", "", ""},
        LinkifyCase{"PlainText", "just some words", "just some words"},
        LinkifyCase{"EscapesMarkup", "<b>bold</b> & 'quoted' \"text\"",
                    "&lt;b&gt;bold&lt;/b&gt; &amp; &#39;quoted&#39; &quot;text&quot;"},
        LinkifyCase{"EscapesScript", "<script>alert(1)</script>",
                    "&lt;script&gt;alert(1)&lt;/script&gt;"},
        LinkifyCase{"HttpUrl", "see http://example.com",
                    "see " + Link("http://example.com", "http://example.com")},
        LinkifyCase{"HttpsUrlWithPathAndQuery", "https://example.com/a/b?x=1&y=2#top now",
                    Link("https://example.com/a/b?x=1&amp;y=2#top",
                         "https://example.com/a/b?x=1&amp;y=2#top") +
                        " now"},
        LinkifyCase{"UpperCaseScheme", "HTTPS://EXAMPLE.COM",
                    Link("HTTPS://EXAMPLE.COM", "HTTPS://EXAMPLE.COM")},
        LinkifyCase{"TwoUrls", "http://a.com and https://b.org",
                    Link("http://a.com", "http://a.com") + " and " +
                        Link("https://b.org", "https://b.org")},
        LinkifyCase{"TrailingPeriod", "Go to https://example.com.",
                    "Go to " + Link("https://example.com", "https://example.com") + "."},
        LinkifyCase{"TrailingPunctuationRun", "really? https://example.com/x?!...",
                    "really? " + Link("https://example.com/x", "https://example.com/x") + "?!..."},
        LinkifyCase{"TrailingCommaSemicolonColon", "https://a.com, https://b.com; https://c.com:",
                    Link("https://a.com", "https://a.com") + ", " +
                        Link("https://b.com", "https://b.com") + "; " +
                        Link("https://c.com", "https://c.com") + ":"},
        LinkifyCase{
            "InnerPunctuationKept", "https://example.com/a.b,c;d:8080/e",
            Link("https://example.com/a.b,c;d:8080/e", "https://example.com/a.b,c;d:8080/e")},
        LinkifyCase{"UrlInParentheses", "(see https://example.com/page)",
                    "(see " + Link("https://example.com/page", "https://example.com/page") + ")"},
        LinkifyCase{"BalancedParenthesesKept", "https://en.wikipedia.org/wiki/Owl_(bird)",
                    Link("https://en.wikipedia.org/wiki/Owl_(bird)",
                         "https://en.wikipedia.org/wiki/Owl_(bird)")},
        LinkifyCase{"BalancedParenthesesInsideParentheses",
                    "(https://en.wikipedia.org/wiki/Owl_(bird)).",
                    "(" +
                        Link("https://en.wikipedia.org/wiki/Owl_(bird)",
                             "https://en.wikipedia.org/wiki/Owl_(bird)") +
                        ")."},
        LinkifyCase{"UnmatchedBracket", "[https://example.com]",
                    "[" + Link("https://example.com", "https://example.com") + "]"},
        LinkifyCase{"Www", "visit www.example.com today",
                    "visit " + Link("https://www.example.com", "www.example.com") + " today"},
        LinkifyCase{"WwwTrailingPeriod", "www.example.com/a.",
                    Link("https://www.example.com/a", "www.example.com/a") + "."},
        LinkifyCase{"WwwInsideWordNotLinked", "foo.www.example.com and awww.example.com",
                    "foo.www.example.com and awww.example.com"},
        LinkifyCase{"SchemeInsideWordNotLinked", "xhttp://example.com", "xhttp://example.com"},
        LinkifyCase{"BareSchemeNotLinked", "http:// and https://. and www.",
                    "http:// and https://. and www."},
        LinkifyCase{"JavascriptNotLinked", "javascript:alert(1)", "javascript:alert(1)"},
        LinkifyCase{"JavascriptWithWwwNotLinked", "javascript://www.example.com/%0aalert(1)",
                    "javascript://www.example.com/%0aalert(1)"},
        LinkifyCase{"DataNotLinked",
                    "data:text/html;base64,PHNjcmlwdD4=", "data:text/html;base64,PHNjcmlwdD4="},
        LinkifyCase{"QuoteEndsUrl", "\"https://example.com/\" onmouseover=\"alert(1)\"",
                    "&quot;" + Link("https://example.com/", "https://example.com/") +
                        "&quot; onmouseover=&quot;alert(1)&quot;"},
        LinkifyCase{"QuoteInsideUrlEndsIt", "https://example.com/a\"onclick=\"alert(1)",
                    Link("https://example.com/a", "https://example.com/a") +
                        "&quot;onclick=&quot;alert(1)"},
        LinkifyCase{
            "ApostropheInUrlEscaped", "https://example.com/it's'here'",
            Link("https://example.com/it&#39;s&#39;here", "https://example.com/it&#39;s&#39;here") +
                "&#39;"},
        LinkifyCase{"AngleBracketEndsUrl", "<https://example.com>",
                    "&lt;" + Link("https://example.com", "https://example.com") + "&gt;"},
        LinkifyCase{"NonAsciiPath", "https://de.wikipedia.org/wiki/Stra\u00dfe ok",
                    Link("https://de.wikipedia.org/wiki/Stra\u00dfe",
                         "https://de.wikipedia.org/wiki/Stra\u00dfe") +
                        " ok"},
        LinkifyCase{"AfterCjkText", "\u8bf7\u770bhttps://example.com",
                    "\u8bf7\u770b" + Link("https://example.com", "https://example.com")},
        LinkifyCase{"Newline", "one\ntwo", "one<br>two"},
        LinkifyCase{"CrLfIsOneBreak", "one\r\ntwo\rthree", "one<br>two<br>three"},
        LinkifyCase{"BlankLine", "a\n\nb", "a<br><br>b"},
        LinkifyCase{"NewlineEndsUrl", "https://example.com\nnext",
                    Link("https://example.com", "https://example.com") + "<br>next"},
        LinkifyCase{"TabEndsUrl", "https://example.com\tx",
                    Link("https://example.com", "https://example.com") + "\tx"}),
    [](const auto& info) { return std::string(info.param.name); });

TEST(LinkifyTest, ManyFailedStartsStayLinear) {
    std::string text;
    for (int i = 0; i < 20000; ++i) text += "(http://(";
    const auto start = std::chrono::steady_clock::now();
    const std::string html = LinkifyPlainText(text).str();
    EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(2));
    EXPECT_EQ(html.find("<a "), std::string::npos);
}

TEST(LinkifyTest, LongRunOfClosersStaysLinear) {
    const std::string text = "http://example.com/" + std::string(200000, ')');
    const auto start = std::chrono::steady_clock::now();
    const std::string html = LinkifyPlainText(text).str();
    EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(2));
    EXPECT_EQ(html, Link("http://example.com/", "http://example.com/") + std::string(200000, ')'));
}

}  // namespace
}  // namespace hoot::render
