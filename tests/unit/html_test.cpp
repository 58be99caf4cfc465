#include "render/html.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <limits>
#include <nlohmann/json.hpp>
#include <string>

#include "render/script_json.hpp"

namespace hoot::render {
namespace {

struct EscapeCase {
    const char* name;
    std::string text;
    std::string escaped;
};

void PrintTo(const EscapeCase& c, std::ostream* os) { *os << c.name; }

class EscapeTest : public ::testing::TestWithParam<EscapeCase> {};

TEST_P(EscapeTest, EscapesText) { EXPECT_EQ(Escape(GetParam().text), GetParam().escaped); }

TEST_P(EscapeTest, TextAndAttrEscapeTheSame) {
    Html html;
    html.Text(GetParam().text).Raw("|").Attr(GetParam().text);
    EXPECT_EQ(html.str(), GetParam().escaped + "|" + GetParam().escaped);
}

INSTANTIATE_TEST_SUITE_P(
    Cases, EscapeTest,
    ::testing::Values(EscapeCase{"Empty", "", ""},
                      EscapeCase{"Plain", "hello world", "hello world"},
                      EscapeCase{"Ampersand", "a & b", "a &amp; b"},
                      EscapeCase{"LessThan", "a<b", "a&lt;b"},
                      EscapeCase{"GreaterThan", "a>b", "a&gt;b"},
                      EscapeCase{"DoubleQuote", "say \"hi\"", "say &quot;hi&quot;"},
                      EscapeCase{"SingleQuote", "it's", "it&#39;s"},
                      EscapeCase{"ScriptTag", "<script>alert('x')</script>",
                                 "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"},
                      EscapeCase{"AttributeBreakout", "\" onmouseover=\"alert(1)",
                                 "&quot; onmouseover=&quot;alert(1)"},
                      EscapeCase{"AlreadyEscapedIsEscapedAgain", "&amp;", "&amp;amp;"},
                      EscapeCase{"OnlySpecials", "&<>\"'", "&amp;&lt;&gt;&quot;&#39;"},
                      EscapeCase{"MultibyteUntouched", "caf\xc3\xa9 \xf0\x9f\xa6\x89",
                                 "caf\xc3\xa9 \xf0\x9f\xa6\x89"},
                      EscapeCase{"NulKept", std::string("a\0b", 3), std::string("a\0b", 3)}),
    [](const auto& info) { return std::string(info.param.name); });

TEST(AppendEscapedTest, AppendsToExistingText) {
    std::string out = "<p>";
    AppendEscaped(out, "1 < 2");
    EXPECT_EQ(out, "<p>1 &lt; 2");
}

TEST(HtmlTest, BuildsAnElement) {
    Html html;
    html.Raw("<a href=\"").Attr("/u/x?a=1&b=\"2\"").Raw("\">").Text("<me>").Raw("</a>");
    EXPECT_EQ(html.str(), "<a href=\"/u/x?a=1&amp;b=&quot;2&quot;\">&lt;me&gt;</a>");
}

TEST(HtmlTest, RawWritesLiteralsUnchanged) {
    Html html;
    html.Raw("<div class=\"x\">&nbsp;</div>");
    EXPECT_EQ(html.str(), "<div class=\"x\">&nbsp;</div>");
}

TEST(HtmlTest, TrustedHtmlIsNotEscaped) {
    Html html;
    html.Trusted(TrustedHtml::FromSanitizer("<p><em>ok</em></p>")).TrustedStored("<p>stored</p>");
    EXPECT_EQ(html.str(), "<p><em>ok</em></p><p>stored</p>");
}

TEST(HtmlTest, DefaultTrustedHtmlIsEmpty) {
    Html html;
    html.Trusted(TrustedHtml{});
    EXPECT_EQ(html.str(), "");
}

TEST(HtmlTest, WritesNumbers) {
    Html html;
    html.Number(0).Raw(" ").Number(-42).Raw(" ").Number(std::numeric_limits<std::int64_t>::max());
    EXPECT_EQ(html.str(), "0 -42 9223372036854775807");
}

TEST(HtmlTest, AppendsAnotherBuilderVerbatim) {
    Html inner;
    inner.Raw("<b>").Text("a&b").Raw("</b>");
    Html outer;
    outer.Raw("<p>").Append(inner).Raw("</p>");
    EXPECT_EQ(outer.str(), "<p><b>a&amp;b</b></p>");
}

TEST(HtmlTest, TakeMovesTheOutputOut) {
    Html html;
    html.Text("x");
    EXPECT_EQ(html.Take(), "x");
}

std::string JsonString(std::string_view text) {
    ScriptJson json;
    json.String(text);
    return json.str();
}

TEST(ScriptJsonTest, EscapesWhatCouldEndOrConfuseTheScriptElement) {
    EXPECT_EQ(JsonString("</script><!-- & >"), R"("\u003c/script\u003e\u003c!-- \u0026 \u003e")");
    EXPECT_EQ(JsonString("\xE2\x80\xA8\xE2\x80\xA9"), R"("\u2028\u2029")");
    // Other multibyte text stays as it is (U+2026 shares the first two bytes with U+2028).
    EXPECT_EQ(JsonString("caf\xC3\xA9 \xE2\x80\xA6"), "\"caf\xC3\xA9 \xE2\x80\xA6\"");
    EXPECT_EQ(JsonString(""), "\"\"");
    EXPECT_EQ(JsonString("\xE2\x80"), "\"\xE2\x80\"");  // a truncated sequence is copied
    EXPECT_EQ(JsonString("a\"b\\c\nd\te\x01"), R"("a\"b\\c\nd\te\u0001")");
}

TEST(ScriptJsonTest, WritesTheSameValueAGeneralSerialiserWould) {
    ScriptJson json;
    json.BeginObject()
        .Member("title", "</script><script>alert(1)</script> & <b>")
        .Member("n", 3)
        .Key("list")
        .BeginArray()
        .String("a<b")
        .String("c>d")
        .BeginObject()
        .EndObject()
        .EndArray()
        .Key("empty")
        .BeginArray()
        .EndArray()
        .EndObject();
    const std::string& text = json.str();
    EXPECT_EQ(text.find('<'), std::string::npos);
    EXPECT_EQ(text.find('>'), std::string::npos);
    EXPECT_EQ(text.find('&'), std::string::npos);
    const nlohmann::json expected = {{"title", "</script><script>alert(1)</script> & <b>"},
                                     {"n", 3},
                                     {"list", {"a<b", "c>d", nlohmann::json::object()}},
                                     {"empty", nlohmann::json::array()}};
    EXPECT_EQ(nlohmann::json::parse(text), expected);
}

TEST(ScriptJsonTest, TheBuilderWritesItVerbatim) {
    ScriptJson json;
    json.BeginObject().Member("a", "<").EndObject();
    Html html;
    html.Raw("<script type=\"application/ld+json\">").JsonForScript(json.str()).Raw("</script>");
    EXPECT_EQ(html.str(), R"(<script type="application/ld+json">{"a":"\u003c"}</script>)");
}

// Html::Raw(std::string(...)) must not compile: the consteval constructor of Markup only
// accepts literals. That is a compile-time property and is checked here by type traits.
static_assert(!std::is_convertible_v<std::string, Markup>);
static_assert(!std::is_convertible_v<std::string_view, Markup>);
static_assert(!std::is_convertible_v<const char*, Markup>);
static_assert(std::is_convertible_v<const char (&)[3], Markup>);

}  // namespace
}  // namespace hoot::render
