#include "support/hoot_command.hpp"

#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <fstream>

#include "support/test_support.hpp"

namespace hoot::testing {

Outcome RunHoot(const std::string& args, const std::string& input) {
    TempDir dir;
    const auto stdin_file = dir.path() / "stdin";
    std::ofstream(stdin_file) << input;
    const std::string command =
        std::string(HOOT_BINARY) + " " + args + " 2>&1 <'" + stdin_file.string() + "'";
    Outcome outcome;
    FILE* pipe = popen(command.c_str(), "r");
    if (!pipe) return outcome;
    std::array<char, 4096> buffer;
    while (std::size_t n = fread(buffer.data(), 1, buffer.size(), pipe))
        outcome.output.append(buffer.data(), n);
    const int status = pclose(pipe);
    outcome.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return outcome;
}

}  // namespace hoot::testing
