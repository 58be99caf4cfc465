#pragma once
// Ids are types, not bare integers, so a comment id can never be passed where a hoot id is meant.
// Public ids are parsed once, at the edge (ParseId).

#include <compare>
#include <cstdint>
#include <optional>
#include <string_view>

namespace hoot {

template <typename Tag>
struct Id {
    std::int64_t value = 0;
    constexpr Id() = default;
    constexpr explicit Id(std::int64_t v) : value(v) {}
    constexpr auto operator<=>(const Id&) const = default;
    constexpr bool valid() const { return value > 0; }
};

using UserId = Id<struct UserTag>;
using HootId = Id<struct HootTag>;
using CommentId = Id<struct CommentTag>;
// A hoot or a comment: both draw their ids from one sequence, so a PostId names either.
using PostId = Id<struct PostTag>;
using ReplyId = Id<struct ReplyTag>;
using UpdateId = Id<struct UpdateTag>;

inline PostId ToPost(HootId id) { return PostId(id.value); }
inline PostId ToPost(CommentId id) { return PostId(id.value); }

// Parses a positive decimal id with no sign, spaces or leading zeros; nullopt otherwise.
std::optional<std::int64_t> ParsePositiveId(std::string_view text);

template <typename IdType>
std::optional<IdType> ParseId(std::string_view text) {
    if (auto v = ParsePositiveId(text)) return IdType(*v);
    return std::nullopt;
}

}  // namespace hoot
