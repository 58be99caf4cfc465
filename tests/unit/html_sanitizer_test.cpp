// The whitelist that Stack Exchange HTML passes through before it is stored as a post's HTML:
// nothing outside the list reaches a page, case by case.

#include "importer/html_sanitizer.hpp"

#include <gtest/gtest.h>

#include <string>

namespace hoot::importer {
namespace {

struct Case {
    const char* name;
    const char* input;
    const char* expected;
};

class SanitizeHtmlTest : public ::testing::TestWithParam<Case> {};

TEST_P(SanitizeHtmlTest, KeepsOnlyTheWhitelist) {
    EXPECT_EQ(SanitizeHtml(GetParam().input), GetParam().expected);
}

INSTANTIATE_TEST_SUITE_P(
    Cases, SanitizeHtmlTest,
    ::testing::Values(
        Case{"ordinary_post", "<p>A <strong>b</strong> <em>c</em> <code>d</code></p>\n",
             "<p>A <strong>b</strong> <em>c</em> <code>d</code></p>\n"},
        Case{"script_dropped_with_content", "<p>x</p><script>alert(1)</script><p>y</p>",
             "<p>x</p><p>y</p>"},
        Case{"style_dropped_with_content", "<style>p{}</style>ok", "ok"},
        Case{"unknown_tag_keeps_text", "<div><span>text</span></div>", "text"},
        Case{"event_handler_dropped", "<img src=\"https://i.example/a.png\" onerror=\"x()\">",
             "<img src=\"https://i.example/a.png\">"},
        Case{"javascript_link_dropped", "<a href=\"javascript:alert(1)\">x</a>", "<a>x</a>"},
        Case{"javascript_with_entities", "<a href=\"jav&#x61;script:alert(1)\">x</a>", "<a>x</a>"},
        Case{"javascript_with_tab", "<a href=\"java\tscript:alert(1)\">x</a>", "<a>x</a>"},
        Case{"uppercase_scheme", "<a href=\" JAVASCRIPT:x\">x</a>", "<a>x</a>"},
        Case{"data_image_dropped", "<img src=\"data:image/png;base64,AAA\">", "<img>"},
        Case{"http_and_relative_links_kept",
             "<a href=\"https://e.com/?a=1&amp;b=2\" rel=\"nofollow\">e</a><a href=\"/q/1\">q</a>",
             "<a href=\"https://e.com/?a=1&amp;b=2\">e</a><a href=\"/q/1\">q</a>"},
        Case{"attribute_quote_reescaped", "<a title='say \"hi\"' href=\"/x\">t</a>",
             "<a title=\"say &quot;hi&quot;\" href=\"/x\">t</a>"},
        Case{"stray_angle_brackets", "a < b > c", "a &lt; b &gt; c"},
        Case{"bare_ampersand", "R&D &amp; more &#39;x&#39;", "R&amp;D &amp; more &#39;x&#39;"},
        Case{"unclosed_elements_closed", "<blockquote><p>quote",
             "<blockquote><p>quote</p></blockquote>"},
        Case{"stray_closing_ignored", "</p>text</em>", "text"},
        Case{"misnested_closed_in_order", "<p><em>a</p>b", "<p><em>a</em></p>b"},
        Case{"comment_dropped", "a<!-- <script>x</script> -->b", "ab"},
        Case{"unterminated_tag_is_text", "<p>a <b", "<p>a &lt;b</p>"},
        Case{"iframe_dropped", "<iframe src=\"https://e.com\"></iframe>ok", "ok"},
        Case{"void_self_closing", "a<br/>b<hr />", "a<br>b<hr>"},
        Case{"ol_start_digits_only", "<ol start=\"3\" type=\"x\"><li>a</li></ol>",
             "<ol start=\"3\"><li>a</li></ol>"}),
    [](const auto& info) { return std::string(info.param.name); });

TEST(HtmlToText, DropsTagsDecodesEntitiesAndKeepsParagraphs) {
    EXPECT_EQ(HtmlToText("<p>Tom &amp; Jerry&#39;s</p>\n<p>second <b>line</b></p>"),
              "Tom & Jerry's\n\nsecond line");
    EXPECT_EQ(HtmlToText("<script>x()</script>ok"), "ok");
    EXPECT_EQ(HtmlToText("a&#x1F600;b"),
              "a\xF0\x9F\x98\x80"
              "b");
}

TEST(CutExcerpt, CutsAtASpaceAndMarksTheCut) {
    EXPECT_EQ(CutExcerpt("short", 200), "short");
    EXPECT_EQ(CutExcerpt("one two three four", 10), "one two\xE2\x80\xA6");
}

}  // namespace
}  // namespace hoot::importer
