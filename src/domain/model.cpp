#include "domain/model.hpp"

namespace hoot {

std::optional<ReactionKind> ParseReactionKind(std::string_view key) {
    for (const auto& info : kReactionKinds)
        if (info.key == key) return info.kind;
    return std::nullopt;
}

}  // namespace hoot
