#include "render/markdown.hpp"

#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <vector>

namespace hoot::render {
namespace {

bool Contains(const std::string& haystack, std::string_view needle) {
    return haystack.find(needle) != std::string::npos;
}

std::string Render(std::string_view markdown) { return RenderMarkdown(markdown).str(); }

// --- Goldens: the whole output for small inputs ---------------------------------------------

struct GoldenCase {
    const char* name;
    std::string markdown;
    std::string html;
};

void PrintTo(const GoldenCase& c, std::ostream* os) { *os << c.name; }

class RenderMarkdownGoldenTest : public ::testing::TestWithParam<GoldenCase> {};

TEST_P(RenderMarkdownGoldenTest, RendersExactly) {
    EXPECT_EQ(Render(GetParam().markdown), GetParam().html);
}

INSTANTIATE_TEST_SUITE_P(
    Cases, RenderMarkdownGoldenTest,
    ::testing::Values(
        GoldenCase{"Empty", "", ""},
        GoldenCase{"Paragraph", "Hello *world*", "<p>Hello <em>world</em></p>\n"},
        GoldenCase{"Heading", "## Update", "<h2>Update</h2>\n"},
        GoldenCase{"CodeSpanEscaped", "`a < b && c`",
                   "<p><code>a &lt; b &amp;&amp; c</code></p>\n"},
        GoldenCase{"FencedCode", "```cpp\nint x<3>;\n```",
                   "<pre><code class=\"language-cpp\">int x&lt;3&gt;;\n</code></pre>\n"},
        GoldenCase{"Strikethrough", "~~gone~~", "<p><del>gone</del></p>\n"},
        GoldenCase{"Table", "| a | b |\n|---|--:|\n| 1 | 2 |",
                   "<table>\n<thead>\n<tr>\n<th>a</th>\n<th align=\"right\">b</th>\n</tr>\n"
                   "</thead>\n<tbody>\n<tr>\n<td>1</td>\n<td align=\"right\">2</td>\n</tr>\n"
                   "</tbody>\n</table>\n"},
        GoldenCase{"UrlAutolink", "see https://example.com/x?a=1",
                   "<p>see <a href=\"https://example.com/x?a=1\">https://example.com/x?a=1</a>"
                   "</p>\n"},
        GoldenCase{"WwwAutolink", "www.example.org",
                   "<p><a href=\"http://www.example.org\">www.example.org</a></p>\n"},
        GoldenCase{"TaskList", "- [ ] todo\n- [x] done",
                   "<ul>\n<li><input type=\"checkbox\" disabled=\"\" /> todo</li>\n"
                   "<li><input type=\"checkbox\" checked=\"\" disabled=\"\" /> done</li>\n</ul>\n"},
        GoldenCase{"InlineTemplateShownAsText", "Use std::vector<int> here",
                   "<p>Use std::vector&lt;int&gt; here</p>\n"},
        GoldenCase{"ScriptBlockShownAsText", "<script>alert(1)</script>",
                   "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>\n"},
        GoldenCase{"ImgTagShownAsText", "<img src=x onerror=alert(1)>",
                   "<p>&lt;img src=x onerror=alert(1)&gt;</p>\n"},
        GoldenCase{
            "HtmlBlockLinesKept", "<div>\n<b>hi</b> & bye\n</div>",
            "<p>&lt;div&gt;<br />\n&lt;b&gt;hi&lt;/b&gt; &amp; bye<br />\n&lt;/div&gt;</p>\n"},
        GoldenCase{"HtmlCommentShownAsText", "a <!-- note --> b",
                   "<p>a &lt;!-- note --&gt; b</p>\n"},
        GoldenCase{"JavascriptLinkBlanked", "[x](javascript:alert(1))",
                   "<p><a href=\"\">x</a></p>\n"},
        GoldenCase{"JavascriptAutolinkBlanked", "<javascript:alert(1)>",
                   "<p><a href=\"\">javascript:alert(1)</a></p>\n"},
        GoldenCase{"SafeLinkKept", "[docs](https://example.com/a?b=c&d=e)",
                   "<p><a href=\"https://example.com/a?b=c&amp;d=e\">docs</a></p>\n"}),
    [](const auto& info) { return std::string(info.param.name); });

// --- Links that could run script --------------------------------------------------------------

struct LinkCase {
    const char* name;
    std::string markdown;
};

void PrintTo(const LinkCase& c, std::ostream* os) { *os << c.name; }

class DangerousLinkTest : public ::testing::TestWithParam<LinkCase> {};

TEST_P(DangerousLinkTest, HasNoLiveTarget) {
    const std::string html = Render(GetParam().markdown);
    EXPECT_TRUE(Contains(html, "href=\"\"") || Contains(html, "src=\"\"")) << html;
    for (const char* scheme : {"javascript:", "vbscript:", "file:", "data:"}) {
        EXPECT_FALSE(Contains(html, std::string("href=\"") + scheme)) << html;
        EXPECT_FALSE(Contains(html, std::string("src=\"") + scheme)) << html;
    }
}

INSTANTIATE_TEST_SUITE_P(
    Cases, DangerousLinkTest,
    ::testing::Values(LinkCase{"MixedCase", "[x](JaVaScRiPt:alert(1))"},
                      LinkCase{"AngleAutolink", "<javascript:alert(1)>"},
                      LinkCase{"MixedCaseAutolink", "<JAVASCRIPT:alert(1)>"},
                      LinkCase{"EntityEncoded", "[x](&#106;avascript:alert(1))"},
                      LinkCase{"LeadingSpaceInAngleDestination", "[x](< javascript:alert(1)>)"},
                      LinkCase{"TabInsideScheme", "[x](<java\tscript:alert(1)>)"},
                      LinkCase{"Vbscript", "[x](vbscript:msgbox(1))"},
                      LinkCase{"File", "[x](FILE:///etc/passwd)"},
                      LinkCase{"DataHtml", "[x](data:text/html;base64,PHNjcmlwdD4=)"},
                      LinkCase{"DataImage", "![x](data:image/png;base64,AAAA)"},
                      LinkCase{"ImageJavascript", "![x](javascript:alert(1))"},
                      LinkCase{"ReferenceLink", "[x][r]\n\n[r]: javascript:alert(1)"}),
    [](const auto& info) { return std::string(info.param.name); });

TEST(RenderMarkdownTest, KeepsSafeSchemesAndRelativeLinks) {
    const std::string html =
        Render("[a](https://x.org) [b](mailto:a@b.c) [c](/hoots/1) [d](page?q=javascript:1)");
    EXPECT_TRUE(Contains(html, "href=\"https://x.org\"")) << html;
    EXPECT_TRUE(Contains(html, "href=\"mailto:a@b.c\"")) << html;
    EXPECT_TRUE(Contains(html, "href=\"/hoots/1\"")) << html;
    EXPECT_TRUE(Contains(html, "href=\"page?q=javascript:1\"")) << html;
}

// --- No raw HTML ever reaches the output -------------------------------------------------------

struct NoTagCase {
    const char* name;
    std::string markdown;
    std::string forbidden;  // must not appear in the output
    std::string shown;      // must appear in the output, escaped
};

void PrintTo(const NoTagCase& c, std::ostream* os) { *os << c.name; }

class NoRawHtmlTest : public ::testing::TestWithParam<NoTagCase> {};

TEST_P(NoRawHtmlTest, ShowsEscapedText) {
    const std::string html = Render(GetParam().markdown);
    EXPECT_FALSE(Contains(html, GetParam().forbidden)) << html;
    EXPECT_TRUE(Contains(html, GetParam().shown)) << html;
    EXPECT_FALSE(Contains(html, "raw HTML omitted")) << html;
}

INSTANTIATE_TEST_SUITE_P(
    Cases, NoRawHtmlTest,
    ::testing::Values(
        NoTagCase{"ScriptInline", "text <script>alert(1)</script> text", "<script",
                  "&lt;script&gt;alert(1)&lt;/script&gt;"},
        NoTagCase{"ImgOnerrorInline", "a <img src=x onerror=alert(1)> b", "<img",
                  "&lt;img src=x onerror=alert(1)&gt;"},
        NoTagCase{"IframeBlock", "<iframe src=\"https://evil\"></iframe>", "<iframe",
                  "&lt;iframe src=&quot;https://evil&quot;&gt;"},
        NoTagCase{"StyleBlock", "<style>body{display:none}</style>", "<style",
                  "&lt;style&gt;body{display:none}&lt;/style&gt;"},
        NoTagCase{"HtmlInBlockquote", "> <svg onload=alert(1)>", "<svg", "&lt;svg onload"},
        NoTagCase{"HtmlInListItem", "- <b onclick=x>bold</b>", "<b ", "&lt;b onclick=x&gt;"},
        NoTagCase{"HtmlInTableCell", "| a |\n|---|\n| <i>x</i> |", "<i>", "&lt;i&gt;x&lt;/i&gt;"},
        NoTagCase{"HtmlInLinkText", "[<u>u</u>](https://x.org)", "<u>", "&lt;u&gt;u&lt;/u&gt;"},
        NoTagCase{"TemplateArguments", "std::vector<int> and std::map<K, V>", "<int>",
                  "std::vector&lt;int&gt;"}),
    [](const auto& info) { return std::string(info.param.name); });

TEST(RenderMarkdownTest, InvalidUtf8IsReplaced) {
    const std::string html = Render("bad \xff byte");
    EXPECT_EQ(html, "<p>bad \xef\xbf\xbd byte</p>\n");
}

TEST(RenderMarkdownTest, SafeFromManyThreads) {
    const std::string expected = Render("| a |\n|---|\n| ~~b~~ <i> |");
    std::vector<std::thread> threads;
    std::vector<int> failures(8, 0);
    for (int t = 0; t < 8; ++t) {
        threads.emplace_back([&, t] {
            for (int i = 0; i < 200; ++i) {
                if (Render("| a |\n|---|\n| ~~b~~ <i> |") != expected) ++failures[t];
            }
        });
    }
    for (auto& thread : threads) thread.join();
    for (int t = 0; t < 8; ++t) EXPECT_EQ(failures[t], 0) << "thread " << t;
    EXPECT_TRUE(Contains(expected, "<del>b</del>")) << expected;
}

// --- Plain excerpts ----------------------------------------------------------------------------

struct ExcerptCase {
    const char* name;
    std::string markdown;
    std::size_t max_chars;
    std::string excerpt;
};

void PrintTo(const ExcerptCase& c, std::ostream* os) { *os << c.name; }

class PlainExcerptTest : public ::testing::TestWithParam<ExcerptCase> {};

TEST_P(PlainExcerptTest, Excerpts) {
    EXPECT_EQ(PlainExcerpt(GetParam().markdown, GetParam().max_chars), GetParam().excerpt);
}

INSTANTIATE_TEST_SUITE_P(
    Cases, PlainExcerptTest,
    ::testing::Values(
        ExcerptCase{"Empty", "", 20, ""},
        ExcerptCase{"ShortUnchanged", "Hello world", 20, "Hello world"},
        ExcerptCase{"ExactlyMax", "Hello world", 11, "Hello world"},
        ExcerptCase{"MarkupStripped", "# Title\n\nSome *emph* and **bold** and `code`.", 200,
                    "Title Some emph and bold and code."},
        ExcerptCase{"LinkTextKeptUrlDropped", "[the docs](https://example.com) say so", 200,
                    "the docs say so"},
        ExcerptCase{"WhitespaceFolded", "a  \n\n\n   b\tc\n- d\n- e", 200, "a b c d e"},
        ExcerptCase{"BlocksSeparated", "> quoted\n\n```\ncode line\n```\nafter", 200,
                    "quoted code line after"},
        ExcerptCase{"TableCellsSeparated", "| a | b |\n|---|---|\n| 1 | 2 |", 200, "a b 1 2"},
        ExcerptCase{"HtmlKeptAsText", "std::vector<int> <b>x</b>", 200,
                    "std::vector<int> <b>x</b>"},
        ExcerptCase{"CutAtWordBoundary", "one two three four", 10, "one two…"},
        ExcerptCase{"CutWhenLimitFallsOnSpace", "one two three", 7, "one two…"},
        ExcerptCase{"CutWhenLimitFallsBeforeSpace", "one two three", 8, "one two…"},
        ExcerptCase{"LongWordCutHard", "abcdefghijklmnop qr", 5, "abcde…"},
        // "é" is two bytes: a byte-based cut would split it or count it twice.
        ExcerptCase{"MultibyteCountedAsOne", "ééé ééé ééé", 7, "ééé ééé…"},
        ExcerptCase{"MultibyteHardCutKeepsWholeCodePoints", "日本語のテキスト", 3, "日本語…"},
        ExcerptCase{"EmojiHardCut", "🦉🦉🦉🦉", 2, "🦉🦉…"},
        ExcerptCase{"MultibyteFits", "日本語", 3, "日本語"}),
    [](const auto& info) { return std::string(info.param.name); });

TEST(PlainExcerptTest, DefaultLimitIsTwoHundredCodePoints) {
    std::string words;
    for (int i = 0; i < 100; ++i) words += "wörd ";
    const std::string excerpt = PlainExcerpt(words);
    ASSERT_GE(excerpt.size(), 3u);
    EXPECT_EQ(excerpt.substr(excerpt.size() - 3), "…");
    // 200 code points hold 40 words of "wörd " exactly; the trailing space is dropped.
    std::string expected;
    for (int i = 0; i < 40; ++i) expected += i == 0 ? "wörd" : " wörd";
    EXPECT_EQ(excerpt, expected + "…");
}

}  // namespace
}  // namespace hoot::render
