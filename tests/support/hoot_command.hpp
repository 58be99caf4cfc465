#pragma once
// The `hoot` binary run as a person runs it, through the shell, for the tests of its commands.

#include <string>

namespace hoot::testing {

struct Outcome {
    int exit_code = -1;
    std::string output;  // stdout and stderr together
};

// Runs `hoot ARGS` with `input` on standard input (nothing when empty).
Outcome RunHoot(const std::string& args, const std::string& input = "");

}  // namespace hoot::testing
