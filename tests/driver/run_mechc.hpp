// Test support: runs the built mechc in a scratch folder and captures what it printed.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace mech::test {

struct MechcRun {
    int status = -1; // exit status (-1 when mechc did not exit normally, e.g. crashed)
    std::string out;
    std::string err;
};

// A fresh empty folder per test, removed at the end of the test.
class Scratch {
public:
    Scratch();
    ~Scratch();
    const std::filesystem::path& path() const { return path_; }
    // Copies `source` into the folder; returns the copy's name (relative to the folder).
    std::string copy(const std::filesystem::path& source) const;
    std::vector<std::string> files() const; // names in the folder, sorted (hidden ones too)

private:
    std::filesystem::path path_;
};

// Runs `mechc args...` with `folder` as working directory.
MechcRun run_mechc(const std::vector<std::string>& args, const std::filesystem::path& folder);

std::string read_text(const std::filesystem::path& file);
std::filesystem::path source_file(const std::string& relative); // under the project source
std::filesystem::path data_file(const std::string& name);       // under tests/driver/data

} // namespace mech::test
