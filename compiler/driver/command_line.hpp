// mechc's command line (CLI11): `check`, `compile` and `--emit=` turned into one Invocation.
#pragma once

#include "driver/pipeline.hpp"

#include <optional>
#include <string>
#include <vector>

namespace mech::driver {

struct Invocation {
    Options options;
    std::vector<std::string> files;
    std::string output; // -o; "" when not given
};

// Parses argv. On --help/--version or a bad command line, prints what CLI11 prints and returns
// nullopt with `exit_code` set (0 for help and version, 2 for usage errors).
std::optional<Invocation> parse_command_line(int argc, char** argv, int& exit_code);

} // namespace mech::driver
