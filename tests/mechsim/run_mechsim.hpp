// Runs the mechsim command for end-to-end tests and captures what it prints.
#pragma once

#include <string>

namespace mech::mechsim_test {

struct CommandResult {
    int status = -1;  // exit status
    std::string out;
    std::string err;
};

// `arguments` are appended to the mechsim path as they are (quote paths with spaces yourself).
CommandResult run_mechsim(const std::string& arguments);

// A fresh, empty temporary folder for one test.
std::string fresh_folder(const std::string& name);

std::string read_text(const std::string& path);

}  // namespace mech::mechsim_test
