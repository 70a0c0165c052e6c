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

// Demo files mech cannot compile yet, each with the located error it must give instead (never a
// crash). cabpump.mod (arrays, f_flux/b_flux and its indexed COMPARTMENT compile) still needs
// 'diam' in a density mechanism. Remove an entry when its file compiles: the test then demands exit 0.
struct KnownGap {
    const char* file;
    const char* expected_error;
};
constexpr KnownGap kKnownGaps[] = {
    {"cabpump.mod", "cabpump.mod:139:16: error: reading 'diam' is not supported by mech yet"},
};

const KnownGap* known_gap(const fs::path& file) {
    for (const KnownGap& g : kKnownGaps)
        if (file.filename() == g.file)
            return &g;
    return nullptr;
}

TEST(NeuronDemos, EveryDemoMechanismChecks) {
    ASSERT_TRUE(fs::is_directory(kDemoDir))
        << kDemoDir << " is missing: install Debian's 'neuron' package (scripts/install-deps.sh)";
    int files = 0;
    for (const auto& e : fs::directory_iterator(kDemoDir)) {
        if (e.path().extension() != ".mod")
            continue;
        ++files;
        CheckRun r = run_check(e.path());
        if (const KnownGap* gap = known_gap(e.path())) {
            EXPECT_EQ(r.status, 1) << "mechc check " << e.path() << ":\n" << r.output;
            EXPECT_NE(r.output.find(gap->expected_error), std::string::npos) << r.output;
            continue;
        }
        EXPECT_EQ(r.status, 0) << "mechc check " << e.path() << " failed:\n" << r.output;
    }
    // The package ships ten; fewer means the folder is not what this test is about.
    EXPECT_GE(files, 10);
}

} // namespace
