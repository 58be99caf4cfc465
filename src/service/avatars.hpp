#pragma once
// Avatars: setting one from an upload (checked and re-encoded by render/avatar_image), removing
// it, and finding the picture a content-hash URL names. Thread-safe. Re-encoding takes tens of
// milliseconds: callers run Set off the I/O threads (it arrives by POST/PUT, which the server
// runs on its blocking pool).

#include <optional>
#include <string>
#include <string_view>

#include "domain/clock.hpp"
#include "domain/model.hpp"
#include "domain/result.hpp"
#include "service/ports.hpp"

namespace hoot::service {

class AvatarService {
  public:
    AvatarService(Stores stores, Clock clock = SystemNow)
        : stores_(stores), clock_(std::move(clock)) {}

    // The thumbnail of `upload`, named by its hash, not yet stored (a form checks every field
    // before it saves any). kInvalidInput (field "avatar") for a picture that is refused, with
    // the reason.
    Result<StoredAvatar> Prepare(std::string_view upload);
    // Makes `avatar` the user's own. kNotFound when the user does not exist.
    Status Store(UserId user, const StoredAvatar& avatar);
    // Prepare, then Store; returns the new hash.
    Result<std::string> Set(UserId user, std::string_view upload);
    Status Remove(UserId user);
    // The avatar of `user` when `hash` is its current hash; nullopt otherwise (an old URL, a
    // guessed one, or no avatar).
    Result<std::optional<StoredAvatar>> Find(UserId user, std::string_view hash);

  private:
    Stores stores_;
    Clock clock_;
};

}  // namespace hoot::service
