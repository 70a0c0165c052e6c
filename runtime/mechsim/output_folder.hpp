// The output folder of a run: files appear complete or not at all (written to a temporary file,
// then renamed), and a file mechsim did not write is never overwritten.
#pragma once

#include <set>
#include <string>

namespace mech::mechsim {

class OutputFolder {
public:
    // Creates the folder if needed; throws std::runtime_error when it cannot.
    explicit OutputFolder(std::string path);

    // Writes `name` atomically. Throws std::runtime_error if `name` exists and is not one of
    // mechsim's own outputs (listed in the folder's .mechsim-outputs manifest).
    void write(const std::string& name, const std::string& content);
    // Claims `name` for a file another program (gnuplot) writes: same ownership check.
    void claim(const std::string& name);

    std::string path_of(const std::string& name) const;
    const std::string& path() const { return path_; }

private:
    void check_ours(const std::string& name) const;
    void remember(const std::string& name);

    std::string path_;
    std::set<std::string> ours_;
};

}  // namespace mech::mechsim
