// Sign-in and sign-up. Both carry `next`, the page to return to afterwards; neither ever sends a
// password back to the browser.

#include <string>

#include "domain/validation.hpp"
#include "web/urls.hpp"
#include "web/views/parts.hpp"
#include "web/views/views.hpp"

namespace hoot::web::views {

using render::Html;

namespace {

void AppendNext(Html& html, std::string_view next) {
    html.Raw("<input type=\"hidden\" name=\"next\" value=\"").Attr(next).Raw("\">");
}

// The link to the other form keeps `next`, so switching forms does not lose the way back.
std::string OtherFormUrl(std::string_view path, std::string_view next) {
    if (next.empty()) return std::string(path);
    return path == kLoginPath ? LoginUrl(next) : SignUpUrl(next);
}

}  // namespace

Html RenderSignIn(const SignInPage& page) {
    Html html(4096);
    html.Raw("<h1>Log in</h1><form class=\"form auth\" method=\"post\" action=\"")
        .Attr(kLoginPath)
        .Raw("\">");
    AppendCsrf(html, page.csrf_token);
    AppendNext(html, page.next);
    AppendErrorSummary(html, page.errors);
    AppendField(html,
                {.name = "username",
                 .label = "Username",
                 .value = page.username,
                 .autocomplete = "username",
                 .required = true},
                page.errors);
    AppendField(html,
                {.name = "password",
                 .label = "Password",
                 .kind = FieldKind::kPassword,
                 .autocomplete = "current-password",
                 .required = true},
                page.errors);
    html.Raw("<button type=\"submit\">Log in</button></form><p class=\"alt\">No account yet? ")
        .Raw("<a href=\"")
        .Attr(OtherFormUrl(kSignUpPath, page.next))
        .Raw("\">Sign up</a></p>");
    return html;
}

Html RenderSignUp(const SignUpPage& page) {
    Html html(4096);
    html.Raw("<h1>Sign up</h1><form class=\"form auth\" method=\"post\" action=\"")
        .Attr(kSignUpPath)
        .Raw("\">");
    AppendCsrf(html, page.csrf_token);
    AppendNext(html, page.next);
    AppendErrorSummary(html, page.errors);
    // Hints built from the same constants the server validates with, so they cannot disagree.
    const std::string username_hint = std::to_string(kMinUsername) + "–" +
                                      std::to_string(kMaxUsername) +
                                      " characters: letters, digits, _ and -";
    const std::string password_hint = "At least " + std::to_string(kMinPassword) + " characters";
    AppendField(html,
                {.name = "username",
                 .label = "Username",
                 .value = page.username,
                 .hint = username_hint,
                 .autocomplete = "username",
                 .min_length = kMinUsername,
                 .max_length = kMaxUsername,
                 .required = true},
                page.errors);
    AppendField(html,
                {.name = "password",
                 .label = "Password",
                 .kind = FieldKind::kPassword,
                 .hint = password_hint,
                 .autocomplete = "new-password",
                 .min_length = kMinPassword,
                 .required = true},
                page.errors);
    html.Raw("<button type=\"submit\">Sign up</button></form>")
        .Raw("<p class=\"alt\">Already have an account? <a href=\"")
        .Attr(OtherFormUrl(kLoginPath, page.next))
        .Raw("\">Log in</a></p>");
    return html;
}

}  // namespace hoot::web::views
