#include "service/avatars.hpp"

#include "render/avatar_image.hpp"
#include "service/crypto.hpp"

namespace hoot::service {

Result<StoredAvatar> AvatarService::Prepare(std::string_view upload) {
    auto thumbnail = render::MakeAvatarThumbnail(upload);
    if (!thumbnail) return thumbnail.take_error();
    // 80 bits of the content hash: enough that a new picture always gets a new URL.
    std::string hash = HashToken(*thumbnail).substr(0, 20);
    return StoredAvatar{std::move(hash), std::string(render::kAvatarMime), std::move(*thumbnail),
                        clock_()};
}

Status AvatarService::Store(UserId user, const StoredAvatar& avatar) {
    return stores_.avatars.Set(user, avatar);
}

Result<std::string> AvatarService::Set(UserId user, std::string_view upload) {
    auto avatar = Prepare(upload);
    if (!avatar) return avatar.take_error();
    if (auto ok = Store(user, *avatar); !ok) return ok.take_error();
    return std::move(avatar->hash);
}

Status AvatarService::Remove(UserId user) { return stores_.avatars.Remove(user); }

Result<std::optional<StoredAvatar>> AvatarService::Find(UserId user, std::string_view hash) {
    auto found = stores_.avatars.Find(user);
    if (!found) return found.take_error();
    if (!*found || (*found)->hash != hash) return std::optional<StoredAvatar>();
    return found;
}

}  // namespace hoot::service
