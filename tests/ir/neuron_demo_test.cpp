// `mechc check` accepts, unmodified, every NEURON demo mechanism Debian's `neuron` package ships
// (warnings allowed): the whole pipeline from parse to code generation, run as users run it.
#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <string>
#include <sys/wait.h>

namespace {

namespace fs = std::filesystem;

constexpr const char* kDemoDir = "/usr/share/nrn/demo/release";

struct CheckRun {
    int status = -1;
    std::string output;
};

CheckRun run_check(const fs::path& file) {
    std::string command = std::string("\"") + MECHC + "\" check \"" + file.string() + "\" 2>&1";
    CheckRun r;
    FILE* pipe = popen(command.c_str(), "r");
    if (!pipe)
        return r;
    std::array<char, 4096> buffer{};
    while (size_t n = fread(buffer.data(), 1, buffer.size(), pipe))
        r.output.append(buffer.data(), n);
    int raw = pclose(pipe);
    r.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
    return r;
}

// Every demo file must check with exit 0. cabpump.mod was the last to get there: it reads 'diam'
// in a density mechanism, and its FUNCTION ss() holds a SOLVE that nothing in the file calls.

TEST(NeuronDemos, EveryDemoMechanismChecks) {
    ASSERT_TRUE(fs::is_directory(kDemoDir))
        << kDemoDir << " is missing: install Debian's 'neuron' package (scripts/install-deps.sh)";
    int files = 0;
    for (const auto& e : fs::directory_iterator(kDemoDir)) {
        if (e.path().extension() != ".mod")
            continue;
        ++files;
        CheckRun r = run_check(e.path());
        EXPECT_EQ(r.status, 0) << "mechc check " << e.path() << " failed:\n" << r.output;
    }
    // The package ships ten; fewer means the folder is not what this test is about.
    EXPECT_GE(files, 10);
}

// cabpump.mod compiles, and the SOLVE in its uncalled FUNCTION ss() is not dropped silently: a
// located warning says it never runs (hoc could call it in NEURON; nothing can in mech).
TEST(NeuronDemos, CabpumpWarnsThatItsUncalledSolveNeverRuns) {
    CheckRun r = run_check(fs::path(kDemoDir) / "cabpump.mod");
    EXPECT_EQ(r.status, 0) << r.output;
    EXPECT_NE(r.output.find("cabpump.mod:147:2: warning: this SOLVE never runs: FUNCTION 'ss' is "
                            "not called in this file"),
              std::string::npos)
        << r.output;
    EXPECT_NE(r.output.find("ss_cadifpmp()"), std::string::npos) << r.output;
    EXPECT_EQ(r.output.find("error"), std::string::npos) << r.output;
}

} // namespace
