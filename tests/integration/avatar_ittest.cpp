// Avatars end to end over real HTTP: the multipart profile form (with its CSRF token), the
// content checks and their messages on the form, the served thumbnail and its cache headers,
// where avatars show, and the JSON API.

#include <gtest/gtest.h>

#include <regex>
#include <string>

#include "render/avatar_image.hpp"
#include "support/api_calls.hpp"
#include "support/test_images.hpp"
#include "support/test_server.hpp"

namespace {

using hoot::testing::Bearer;
using hoot::testing::DecodeWebp;
using hoot::testing::HttpClient;
using hoot::testing::HttpResponse;
using hoot::testing::JsonOf;
using hoot::testing::MakeTestImage;
using hoot::testing::TestImageFormat;
using hoot::testing::TestServer;

constexpr const char* kBoundary = "----HootTestBoundary4f9a";

struct FormPart {
    std::string name;
    std::string value;
    std::string filename = {};  // set: a file part
};

std::string MultipartBody(const std::vector<FormPart>& parts) {
    std::string body;
    for (const auto& part : parts) {
        body += "--" + std::string(kBoundary) + "\r\nContent-Disposition: form-data; name=\"" +
                part.name + "\"";
        if (!part.filename.empty() || part.name == "avatar") {
            body +=
                "; filename=\"" + part.filename + "\"\r\nContent-Type: application/octet-stream";
        }
        body += "\r\n\r\n" + part.value + "\r\n";
    }
    return body + "--" + kBoundary + "--\r\n";
}

// Posts the profile editor as a browser would: multipart, with the page's CSRF token.
HttpResponse SaveProfile(HttpClient& client, std::vector<FormPart> parts, bool with_csrf = true) {
    if (with_csrf) parts.insert(parts.begin(), {"csrf", client.CsrfFrom("/settings/profile")});
    return client.Post("/settings/profile", MultipartBody(parts),
                       std::string("multipart/form-data; boundary=") + kBoundary);
}

// The first avatar image URL on a page, or "".
std::string AvatarSrc(const std::string& html) {
    std::smatch match;
    static const std::regex kSrc("src=\"(/avatars/[0-9]+-[0-9a-f]+\\.webp)\"");
    return std::regex_search(html, match, kSrc) ? match[1].str() : "";
}

std::vector<FormPart> ProfileWith(std::string picture, std::string filename = "me.png") {
    return {{"display_name", "Olive"},
            {"bio", "Night owl"},
            {"website", ""},
            {"avatar", std::move(picture), std::move(filename)}};
}

class AvatarUpload : public ::testing::TestWithParam<TestImageFormat> {};

TEST_P(AvatarUpload, ShowsOnTheProfileAsASquareCachedForAYear) {
    TestServer server;
    auto client = server.SignUp("olive");
    auto saved = SaveProfile(client, ProfileWith(MakeTestImage(GetParam(), 640, 480)));
    ASSERT_EQ(saved.status, 303) << saved.body;
    EXPECT_EQ(saved.Header("location"), "/settings/profile?saved=1");

    auto profile = server.Client().Get("/u/olive");
    std::string src = AvatarSrc(profile.body);
    ASSERT_FALSE(src.empty()) << profile.body;
    EXPECT_TRUE(profile.Contains("alt=\"Avatar of Olive\"")) << profile.body;
    EXPECT_TRUE(profile.Contains("<h1>Olive</h1>"));  // the other fields were saved with it

    auto picture = server.Client().Get(src);
    ASSERT_EQ(picture.status, 200);
    EXPECT_EQ(picture.Header("content-type"), "image/webp");
    EXPECT_EQ(picture.Header("cache-control"), "public, max-age=31536000, immutable");
    EXPECT_EQ(picture.Header("x-content-type-options"), "nosniff");
    auto decoded = DecodeWebp(picture.body);
    ASSERT_TRUE(decoded.has_value());
    EXPECT_EQ(decoded->width, hoot::render::kAvatarSide);
    EXPECT_EQ(decoded->height, hoot::render::kAvatarSide);

    // A browser that has it already is told so without the bytes.
    auto again = server.Client().Get(src, {{"If-None-Match", picture.Header("etag")}});
    EXPECT_EQ(again.status, 304);
    EXPECT_TRUE(again.body.empty());
}

INSTANTIATE_TEST_SUITE_P(Formats, AvatarUpload,
                         ::testing::Values(TestImageFormat::kPng, TestImageFormat::kJpeg,
                                           TestImageFormat::kWebp),
                         [](const auto& info) {
                             switch (info.param) {
                                 case TestImageFormat::kPng:
                                     return std::string("Png");
                                 case TestImageFormat::kJpeg:
                                     return std::string("Jpeg");
                                 case TestImageFormat::kWebp:
                                     return std::string("Webp");
                             }
                             return std::string("Unknown");
                         });

TEST(Avatar, ANewPictureGetsANewUrlAndTheOldOneIsGone) {
    TestServer server;
    auto client = server.SignUp("olive");
    ASSERT_EQ(
        SaveProfile(client, ProfileWith(MakeTestImage(TestImageFormat::kPng, 100, 100))).status,
        303);
    std::string first = AvatarSrc(server.Client().Get("/u/olive").body);
    ASSERT_EQ(
        SaveProfile(client, ProfileWith(MakeTestImage(TestImageFormat::kPng, 300, 100))).status,
        303);
    std::string second = AvatarSrc(server.Client().Get("/u/olive").body);
    ASSERT_FALSE(first.empty());
    ASSERT_FALSE(second.empty());
    EXPECT_NE(first, second);
    EXPECT_EQ(server.Client().Get(first).status, 404);
    EXPECT_EQ(server.Client().Get(second).status, 200);
}

TEST(Avatar, SavingWithoutChoosingAFileKeepsThePicture) {
    TestServer server;
    auto client = server.SignUp("olive");
    ASSERT_EQ(
        SaveProfile(client, ProfileWith(MakeTestImage(TestImageFormat::kPng, 100, 100))).status,
        303);
    std::string src = AvatarSrc(server.Client().Get("/u/olive").body);
    auto saved = SaveProfile(client, ProfileWith("", ""));  // an empty file input
    ASSERT_EQ(saved.status, 303) << saved.body;
    EXPECT_EQ(AvatarSrc(server.Client().Get("/u/olive").body), src);
    // The old urlencoded form still works too, and leaves the picture alone.
    auto plain = client.SubmitForm("/settings/profile", "/settings/profile",
                                   {{"display_name", "Olive"}, {"bio", "b"}});
    ASSERT_EQ(plain.status, 303);
    EXPECT_EQ(AvatarSrc(server.Client().Get("/u/olive").body), src);
}

TEST(Avatar, RemoveAvatarFallsBackToTheInitial) {
    TestServer server;
    auto client = server.SignUp("olive");
    ASSERT_EQ(
        SaveProfile(client, ProfileWith(MakeTestImage(TestImageFormat::kPng, 100, 100))).status,
        303);
    std::string src = AvatarSrc(server.Client().Get("/u/olive").body);
    auto editor = client.Get("/settings/profile");
    EXPECT_TRUE(editor.Contains("name=\"remove_avatar\""));
    EXPECT_EQ(AvatarSrc(editor.body), src);  // the editor shows the current one

    auto removed = SaveProfile(
        client, {{"display_name", "Olive"}, {"remove_avatar", "1"}, {"avatar", "", ""}});
    ASSERT_EQ(removed.status, 303) << removed.body;
    auto profile = server.Client().Get("/u/olive");
    EXPECT_EQ(AvatarSrc(profile.body), "");
    EXPECT_TRUE(profile.Contains("role=\"img\" aria-label=\"Avatar of Olive\">O</span>"))
        << profile.body;
    EXPECT_EQ(server.Client().Get(src).status, 404);
}

struct Refusal {
    const char* name;
    std::string bytes;
    std::string filename;
    std::string message;
};
void PrintTo(const Refusal& c, std::ostream* os) { *os << c.name; }
class AvatarRefused : public ::testing::TestWithParam<Refusal> {};

// The form comes back with the reason on the avatar field and everything typed kept; nothing is
// saved.
TEST_P(AvatarRefused, ExplainsOnTheFormAndKeepsWhatWasTyped) {
    TestServer server;
    auto client = server.SignUp("olive");
    auto response = SaveProfile(client, {{"display_name", "Typed name"},
                                         {"bio", "Typed <bio>"},
                                         {"website", "https://example.org/"},
                                         {"avatar", GetParam().bytes, GetParam().filename}});
    EXPECT_EQ(response.status, 422);
    EXPECT_TRUE(response.Contains(GetParam().message)) << response.body;
    EXPECT_TRUE(response.Contains("id=\"f-avatar-error\""));
    EXPECT_TRUE(response.Contains("value=\"Typed name\""));
    EXPECT_TRUE(response.Contains("Typed &lt;bio&gt;</textarea>"));
    EXPECT_TRUE(response.Contains("value=\"https://example.org/\""));
    auto profile = server.Client().Get("/u/olive");
    EXPECT_FALSE(profile.Contains("Typed name"));
    EXPECT_EQ(AvatarSrc(profile.body), "");
}

std::string Truncated(TestImageFormat format) {
    std::string image = MakeTestImage(format, 200, 200);
    return image.substr(0, image.size() * 2 / 3);
}

INSTANTIATE_TEST_SUITE_P(
    Cases, AvatarRefused,
    ::testing::Values(
        Refusal{"TextNamedPng", "just some text, honest\n", "avatar.png",
                "That file is not a PNG, JPEG or WebP picture."},
        Refusal{"TooLarge",
                MakeTestImage(TestImageFormat::kPng, 10, 10) +
                    std::string(hoot::render::kMaxAvatarUploadBytes, 'x'),
                "big.png", "The picture is larger than 2 MB."},
        Refusal{"TruncatedPng", Truncated(TestImageFormat::kPng), "cut.png", "could not be read"},
        Refusal{"TruncatedJpeg", Truncated(TestImageFormat::kJpeg), "cut.jpg", "could not be read"},
        Refusal{"TruncatedWebp", Truncated(TestImageFormat::kWebp), "cut.webp",
                "could not be read"}),
    [](const auto& info) { return std::string(info.param.name); });

// A phone photo is often larger than the whole body the server reads (4 MB): it is refused
// before the form is read, with a page of the site that says what to do, not a bare line of text.
TEST(Avatar, APhotoLargerThanTheServerReadsGetsAPageSayingWhatToChoose) {
    TestServer server;
    auto client = server.SignUp("olive");
    std::string photo =
        MakeTestImage(TestImageFormat::kJpeg, 10, 10) + std::string(5 * 1024 * 1024, 'x');
    auto refused = SaveProfile(client, ProfileWith(photo, "phone.jpg"));
    EXPECT_EQ(refused.status, 413);
    EXPECT_NE(refused.Header("content-type").find("text/html"), std::string::npos);
    EXPECT_TRUE(refused.Contains("<h1>Too large</h1>")) << refused.body;
    EXPECT_TRUE(refused.Contains("larger than the 4 MB this site accepts")) << refused.body;
    EXPECT_TRUE(refused.Contains("picture of at most 2 MB")) << refused.body;
    EXPECT_TRUE(refused.Contains("Back to the home page")) << refused.body;
    EXPECT_EQ(AvatarSrc(server.Client().Get("/u/olive").body), "");
}

TEST(Avatar, MultipartFormWithoutItsCsrfTokenIsRefused) {
    TestServer server;
    auto client = server.SignUp("olive");
    auto response = SaveProfile(client, ProfileWith(MakeTestImage(TestImageFormat::kPng, 50, 50)),
                                /*with_csrf=*/false);
    EXPECT_EQ(response.status, 403);
    EXPECT_EQ(AvatarSrc(server.Client().Get("/u/olive").body), "");
}

TEST(Avatar, MalformedMultipartBodyIsABadRequestThatSaysSo) {
    TestServer server;
    auto client = server.SignUp("olive");
    std::string csrf = client.CsrfFrom("/settings/profile");
    auto no_boundary = client.Post("/settings/profile", "whatever", "multipart/form-data");
    EXPECT_EQ(no_boundary.status, 400);
    EXPECT_TRUE(no_boundary.Contains("multipart boundary is missing")) << no_boundary.body;
    std::string body = MultipartBody({{"csrf", csrf}, {"display_name", "x"}});
    body.resize(body.size() - 10);  // the closing delimiter is cut off
    auto unclosed = client.Post("/settings/profile", body,
                                std::string("multipart/form-data; boundary=") + kBoundary);
    EXPECT_EQ(unclosed.status, 400);
    EXPECT_TRUE(unclosed.Contains("closing multipart boundary is missing")) << unclosed.body;
}

TEST(Avatar, WrongHashOrNoAvatarIsNotFound) {
    TestServer server;
    auto client = server.SignUp("olive");
    EXPECT_EQ(server.Client().Get("/avatars/1-0123456789abcdef0123.webp").status, 404);
    EXPECT_EQ(server.Client().Get("/avatars/nonsense.webp").status, 404);
    EXPECT_EQ(server.Client().Get("/avatars/1-ABC.webp").status, 404);
    ASSERT_EQ(SaveProfile(client, ProfileWith(MakeTestImage(TestImageFormat::kPng, 60, 60))).status,
              303);
    std::string src = AvatarSrc(server.Client().Get("/u/olive").body);
    std::string wrong = src;
    wrong[wrong.size() - 6] = wrong[wrong.size() - 6] == 'a' ? 'b' : 'a';
    EXPECT_EQ(server.Client().Get(wrong).status, 404);
}

// The thread and the feed show each author's avatar from the rows they already read; people
// without one get their initial (no image request).
TEST(Avatar, ShowsBesideAuthorsInTheThreadAndTheFeed) {
    TestServer server;
    auto olive = server.SignUp("olive");
    auto bob = server.SignUp("bob");
    ASSERT_EQ(SaveProfile(olive, ProfileWith(MakeTestImage(TestImageFormat::kPng, 60, 60))).status,
              303);
    std::string src = AvatarSrc(server.Client().Get("/u/olive").body);
    std::string thread = hoot::testing::PostHoot(olive, "Who has an avatar here", "body");
    hoot::testing::PostComment(bob, thread, "Not me, I am bob");
    auto page = server.Client().Get(thread);
    EXPECT_TRUE(page.Contains("src=\"" + src + "\" width=\"40\"")) << page.body;
    EXPECT_TRUE(page.Contains("aria-hidden=\"true\">B</span>")) << page.body;
    auto feed = server.Client().Get("/");
    EXPECT_TRUE(feed.Contains("src=\"" + src + "\" width=\"24\"")) << feed.body;
}

TEST(AvatarApi, PutRawBodyThenDeleteAndTheUserJsonFollows) {
    TestServer server;
    std::string token = server.ApiSignUp("olive");
    auto client = server.ApiClient();
    auto none = JsonOf(client.Get("/api/v1/users/olive"));
    EXPECT_TRUE(none["avatar_url"].is_null());

    auto put = client.Put("/api/v1/users/me/avatar", MakeTestImage(TestImageFormat::kJpeg, 90, 60),
                          "image/jpeg", Bearer(token));
    ASSERT_EQ(put.status, 200) << put.body;
    std::string url = JsonOf(put)["avatar_url"].get<std::string>();
    EXPECT_EQ(JsonOf(client.Get("/api/v1/users/olive"))["avatar_url"], url);
    auto picture = client.Get(url);
    EXPECT_EQ(picture.status, 200);
    EXPECT_TRUE(DecodeWebp(picture.body).has_value());

    auto removed = client.Delete("/api/v1/users/me/avatar", Bearer(token));
    ASSERT_EQ(removed.status, 200);
    EXPECT_TRUE(JsonOf(removed)["avatar_url"].is_null());
    EXPECT_TRUE(JsonOf(client.Get("/api/v1/users/olive"))["avatar_url"].is_null());
    EXPECT_EQ(client.Get(url).status, 404);
}

TEST(AvatarApi, MultipartPostAndRefusals) {
    TestServer server;
    std::string token = server.ApiSignUp("olive");
    auto client = server.ApiClient();
    auto posted = client.Post(
        "/api/v1/users/me/avatar",
        MultipartBody({{"avatar", MakeTestImage(TestImageFormat::kWebp, 64, 64), "a.webp"}}),
        std::string("multipart/form-data; boundary=") + kBoundary, Bearer(token));
    ASSERT_EQ(posted.status, 200) << posted.body;
    EXPECT_TRUE(JsonOf(posted)["avatar_url"].is_string());

    auto fake = client.Put("/api/v1/users/me/avatar", "not a picture", "image/png", Bearer(token));
    EXPECT_EQ(fake.status, 422);
    EXPECT_EQ(JsonOf(fake)["error"]["code"], "invalid_input");
    EXPECT_EQ(JsonOf(fake)["error"]["field"], "avatar");

    auto no_part =
        client.Post("/api/v1/users/me/avatar", MultipartBody({{"other", "x"}}),
                    std::string("multipart/form-data; boundary=") + kBoundary, Bearer(token));
    EXPECT_EQ(no_part.status, 400);

    auto anonymous = client.Put("/api/v1/users/me/avatar", "x", "image/png");
    EXPECT_EQ(anonymous.status, 401);
}

}  // namespace
