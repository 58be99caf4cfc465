#pragma once

#include <chrono>
#include <functional>

#include "domain/model.hpp"

namespace hoot {

// Where services read the time; tests pass a fixed clock.
using Clock = std::function<UnixSeconds()>;

inline UnixSeconds SystemNow() {
    return std::chrono::duration_cast<std::chrono::seconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

}  // namespace hoot
