// How an avatar is written into pages: the picture's content-hash URL, or the initial fallback
// (HTML and CSS only), named for screen readers only where it stands alone.

#include <gtest/gtest.h>

#include <string>

#include "web/urls.hpp"
#include "web/views/parts.hpp"
#include "web/views/views.hpp"

namespace hoot::web::views {
namespace {

std::string Render(const AvatarOf& person, AvatarSize size, bool labelled) {
    render::Html html(256);
    AppendAvatar(html, person, size, labelled);
    return html.Take();
}

TEST(AvatarView, PictureBesideANameIsDecorative) {
    std::string html = Render({UserId(7), "olive", "Olive", "00ff"}, AvatarSize::kMedium, false);
    EXPECT_EQ(html,
              "<img class=\"avatar avatar-md\" src=\"/avatars/7-00ff.webp\" width=\"40\" "
              "height=\"40\" alt=\"\" loading=\"lazy\" decoding=\"async\">");
}

TEST(AvatarView, PictureStandingAloneIsNamedAndEscaped) {
    std::string html = Render({UserId(7), "olive", "O<live>", "00ff"}, AvatarSize::kLarge, true);
    EXPECT_NE(html.find("width=\"128\""), std::string::npos);
    EXPECT_NE(html.find("alt=\"Avatar of O&lt;live&gt;\""), std::string::npos) << html;
}

TEST(AvatarView, WithoutAPictureTheInitialStandsInWithAStableColour) {
    std::string a = Render({UserId(7), "olive", "", ""}, AvatarSize::kSmall, false);
    EXPECT_NE(a.find("<span class=\"avatar avatar-initial avatar-sm avatar-c"), std::string::npos);
    EXPECT_NE(a.find("aria-hidden=\"true\">O</span>"), std::string::npos) << a;
    EXPECT_EQ(a, Render({UserId(8), "olive", "", ""}, AvatarSize::kSmall, false));
    EXPECT_EQ(a.find("<img"), std::string::npos);

    std::string named = Render({UserId(7), "olive", "Émile", ""}, AvatarSize::kLarge, true);
    EXPECT_NE(named.find("role=\"img\" aria-label=\"Avatar of Émile\">É</span>"), std::string::npos)
        << named;
}

TEST(AvatarView, FileNamesParseOnlyWhenWellFormed) {
    auto ok = ParseAvatarFile("12-0a1b2c.webp");
    ASSERT_TRUE(ok.has_value());
    EXPECT_EQ(ok->first, UserId(12));
    EXPECT_EQ(ok->second, "0a1b2c");
    EXPECT_EQ(AvatarUrl(UserId(12), "0a1b2c"), "/avatars/12-0a1b2c.webp");
    for (const char* bad : {"12-0a1b2c.png", "12-.webp", "x-0a.webp", "12-0A.webp", "120a.webp",
                            "-0a.webp", "12-0a-1.webp", "0-0a.webp"})
        EXPECT_FALSE(ParseAvatarFile(bad).has_value()) << bad;
}

TEST(AvatarView, EditorOffersTheFileInputAndRemoval) {
    ProfileEditPage page;
    page.username = "olive";
    page.user_id = UserId(7);
    page.csrf_token = "tok";
    std::string without = RenderProfileEdit(page).Take();
    EXPECT_NE(without.find("type=\"file\" id=\"f-avatar\" name=\"avatar\" "
                           "accept=\"image/png,image/jpeg,image/webp\""),
              std::string::npos)
        << without;
    EXPECT_EQ(without.find("remove_avatar"), std::string::npos);
    page.avatar_hash = "abcd";
    std::string with = RenderProfileEdit(page).Take();
    EXPECT_NE(with.find("src=\"/avatars/7-abcd.webp\""), std::string::npos);
    EXPECT_NE(with.find("name=\"remove_avatar\" value=\"1\""), std::string::npos);
}

}  // namespace
}  // namespace hoot::web::views
