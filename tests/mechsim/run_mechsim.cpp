// Running mechsim from tests (see run_mechsim.hpp).
#include "run_mechsim.hpp"

#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace mech::mechsim_test {

namespace fs = std::filesystem;

std::string read_text(const std::string& path) {
    std::ifstream in(path);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

std::string fresh_folder(const std::string& name) {
    const fs::path dir = fs::temp_directory_path() / ("mechsim-test-" + std::to_string(::getpid())) / name;
    fs::remove_all(dir);
    fs::create_directories(dir);
    return dir.string();
}

CommandResult run_mechsim(const std::string& arguments) {
    const std::string dir = fresh_folder("capture");
    const std::string out = dir + "/out.txt", err = dir + "/err.txt";
    const std::string command = std::string(MECHSIM_PATH) + " " + arguments + " >" + out + " 2>" + err;
    const int raw = std::system(command.c_str());
    CommandResult r;
    r.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
    r.out = read_text(out);
    r.err = read_text(err);
    return r;
}

}  // namespace mech::mechsim_test
