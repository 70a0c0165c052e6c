// Runs mechc through the shell (so exit statuses and output streams are exactly a user's).
#include "run_mechc.hpp"

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <sstream>

namespace mech::test {

namespace fs = std::filesystem;

namespace {

std::string quoted(const std::string& s) {
    std::string out = "'";
    for (char c : s)
        out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

} // namespace

Scratch::Scratch() {
    const auto* info = testing::UnitTest::GetInstance()->current_test_info();
    std::string name = "mechc_test_" + std::to_string(::getpid());
    if (info)
        name += std::string("_") + info->test_suite_name() + "_" + info->name();
    std::replace(name.begin(), name.end(), '/', '_');
    path_ = fs::temp_directory_path() / name;
    fs::remove_all(path_);
    fs::create_directories(path_);
}

Scratch::~Scratch() {
    std::error_code ec;
    fs::remove_all(path_, ec);
}

std::string Scratch::copy(const fs::path& source) const {
    fs::copy_file(source, path_ / source.filename(), fs::copy_options::overwrite_existing);
    return source.filename().string();
}

std::vector<std::string> Scratch::files() const {
    std::vector<std::string> out;
    for (const auto& e : fs::directory_iterator(path_))
        out.push_back(e.path().filename().string());
    std::sort(out.begin(), out.end());
    return out;
}

MechcRun run_mechc(const std::vector<std::string>& args, const fs::path& folder) {
    const fs::path out = folder / ".mechc_stdout";
    const fs::path err = folder / ".mechc_stderr";
    std::string command = "cd " + quoted(folder.string()) + " && " + quoted(MECHC);
    for (const auto& a : args)
        command += " " + quoted(a);
    command += " >" + quoted(out.string()) + " 2>" + quoted(err.string());
    const int raw = std::system(command.c_str());
    MechcRun run;
    run.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
    run.out = read_text(out);
    run.err = read_text(err);
    fs::remove(out);
    fs::remove(err);
    return run;
}

std::string read_text(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

fs::path source_file(const std::string& relative) {
    return fs::path(MECH_SOURCE_DIR) / relative;
}

fs::path data_file(const std::string& name) {
    return fs::path(MECH_DRIVER_DATA) / name;
}

} // namespace mech::test
