#pragma once
// Accounts: sign up, sign in and out, sessions, profiles. Thread-safe. Password hashing is slow
// on purpose: callers run SignUp/SignIn/CreateUser off the I/O threads.

#include <optional>
#include <string>
#include <string_view>

#include "domain/clock.hpp"
#include "domain/model.hpp"
#include "domain/result.hpp"
#include "service/ports.hpp"

namespace hoot::service {

inline constexpr UnixSeconds kSessionLifetime = 30 * 24 * 3600;

struct SignedIn {
    User user;
    std::string token;  // give to the client; only its hash is stored
    UnixSeconds expires_at = 0;
};

struct ProfileEdit {
    std::string display_name;
    std::string bio;           // Markdown
    std::string website = {};  // empty, or an http(s) address
};

struct PasswordChange {
    std::string current;
    std::string replacement;
    std::string session_token = {};  // the session making the change stays signed in
};

class AccountService {
  public:
    AccountService(Stores stores, Clock clock = SystemNow)
        : stores_(stores), clock_(std::move(clock)) {}

    // Validates, creates the account and signs it in. kInvalidInput (field named) or kConflict.
    Result<SignedIn> SignUp(std::string_view username, std::string_view password);
    // kUnauthenticated with one message for every wrong name/password combination.
    Result<SignedIn> SignIn(std::string_view username, std::string_view password);
    Status SignOut(std::string_view token);
    // The user of a valid, unexpired session token; nullopt for anything else.
    Result<std::optional<User>> Resolve(std::string_view token);
    // For the CLI and sample content: no session is made.
    Result<User> CreateUser(std::string_view username, std::string_view password, bool is_admin);
    Result<User> UpdateProfile(UserId user, const ProfileEdit& edit);
    Result<User> GetUser(std::string_view username);
    // kInvalidInput on "current_password" when it is wrong, on "new_password" when too weak.
    // Every other session of the user ends.
    Status ChangePassword(UserId user, const PasswordChange& change);

  private:
    Result<SignedIn> StartSession(User user);

    Stores stores_;
    Clock clock_;
};

}  // namespace hoot::service
