#include "service/accounts.hpp"

#include "domain/validation.hpp"
#include "render/markdown.hpp"
#include "service/crypto.hpp"

namespace hoot::service {
namespace {

Error WrongCredentials() {
    return Error::Make(Errc::kUnauthenticated, "Wrong username or password.");
}

}  // namespace

Result<User> AccountService::CreateUser(std::string_view username, std::string_view password,
                                        bool is_admin) {
    auto name = ValidateUsername(username);
    if (!name) return name.take_error();
    if (auto ok = ValidatePassword(password); !ok) return ok.take_error();
    NewUser user{*name, HashPassword(password), is_admin, clock_()};
    auto id = stores_.users.Create(user);
    if (!id) return id.take_error();
    auto found = stores_.users.FindById(*id);
    if (!found) return found.take_error();
    if (!*found) return Error::Make(Errc::kInternal, "The new account vanished.");
    return std::move(**found);
}

Result<SignedIn> AccountService::SignUp(std::string_view username, std::string_view password) {
    auto user = CreateUser(username, password, false);
    if (!user) return user.take_error();
    return StartSession(std::move(*user));
}

Result<SignedIn> AccountService::SignIn(std::string_view username, std::string_view password) {
    if (username.empty() || password.empty() || password.size() > kMaxPassword)
        return WrongCredentials();
    auto credentials = stores_.users.FindCredentials(username);
    if (!credentials) return credentials.take_error();
    if (!*credentials || (*credentials)->password_hash.empty()) {
        VerifyPassword(password, DecoyPasswordHash());
        return WrongCredentials();
    }
    if (!VerifyPassword(password, (*credentials)->password_hash)) return WrongCredentials();
    auto user = stores_.users.FindById((*credentials)->id);
    if (!user) return user.take_error();
    if (!*user) return WrongCredentials();
    return StartSession(std::move(**user));
}

Result<SignedIn> AccountService::StartSession(User user) {
    SignedIn session{std::move(user), RandomToken(), clock_() + kSessionLifetime};
    auto stored = stores_.sessions.Create(HashToken(session.token), session.user.id, clock_(),
                                          session.expires_at);
    if (!stored) return stored.take_error();
    return session;
}

Status AccountService::SignOut(std::string_view token) {
    if (token.empty()) return OkStatus();
    return stores_.sessions.Delete(HashToken(token));
}

Result<std::optional<User>> AccountService::Resolve(std::string_view token) {
    // Tokens are 43 base64url characters; anything else cannot be one of ours.
    if (token.size() != 43) return std::optional<User>();
    auto user_id = stores_.sessions.Find(HashToken(token), clock_());
    if (!user_id) return user_id.take_error();
    if (!*user_id) return std::optional<User>();
    return stores_.users.FindById(**user_id);
}

Result<User> AccountService::UpdateProfile(UserId user, const ProfileEdit& edit) {
    auto display_name = ValidateDisplayName(edit.display_name);
    if (!display_name) return display_name.take_error();
    auto bio = ValidateBio(edit.bio);
    if (!bio) return bio.take_error();
    auto website = ValidateWebsite(edit.website);
    if (!website) return website.take_error();
    ProfileUpdate update{*display_name, *bio, render::RenderMarkdown(*bio).str(), *website};
    if (auto ok = stores_.users.UpdateProfile(user, update); !ok) return ok.take_error();
    auto found = stores_.users.FindById(user);
    if (!found) return found.take_error();
    if (!*found) return Error::Make(Errc::kNotFound, "No such user.");
    return std::move(**found);
}

Status AccountService::ChangePassword(UserId user, const PasswordChange& change) {
    auto found = stores_.users.FindById(user);
    if (!found) return found.take_error();
    if (!*found) return Error::Make(Errc::kNotFound, "No such user.");
    auto credentials = stores_.users.FindCredentials((*found)->username);
    if (!credentials) return credentials.take_error();
    if (!*credentials || (*credentials)->password_hash.empty() ||
        change.current.size() > kMaxPassword ||
        !VerifyPassword(change.current, (*credentials)->password_hash))
        return Error::Make(Errc::kInvalidInput, "That is not your current password.",
                           "current_password");
    if (auto ok = ValidatePassword(change.replacement); !ok) {
        Error error = ok.take_error();
        error.field = "new_password";
        return error;
    }
    return stores_.users.ChangePassword(
        user, HashPassword(change.replacement),
        change.session_token.empty() ? std::string() : HashToken(change.session_token));
}

Result<User> AccountService::GetUser(std::string_view username) {
    auto found = stores_.users.FindByUsername(username);
    if (!found) return found.take_error();
    if (!*found) return Error::Make(Errc::kNotFound, "There is no user by that name.");
    return std::move(**found);
}

}  // namespace hoot::service
