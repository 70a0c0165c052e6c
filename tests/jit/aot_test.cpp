// Ahead-of-time catalogues: a shared library built from the same IR runs bit-identically to
// the JIT; loading reports missing files, foreign libraries and ABI mismatches clearly.
#include "hand_mechanisms.hpp"
#include "instance_store.hpp"
#include "jit/compile.hpp"
#include "jit/load_catalogue.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <unistd.h>

namespace mech::jit {
namespace {

namespace fs = std::filesystem;

fs::path scratch_dir() {
    auto dir = fs::temp_directory_path() / ("mech_aot_test_" + std::to_string(::getpid()));
    fs::create_directories(dir);
    return dir;
}

std::vector<ir::Mechanism> library() {
    return {testing::make_pas(), testing::make_hh(), testing::make_expsyn(),
            testing::make_cadecay()};
}

// Runs every loop kernel of `m` twice on the same random inputs and returns all outputs.
std::vector<double> run(const mech_mechanism& m, int width, std::uint64_t seed) {
    std::vector<mech_index_t> nodes(width);
    for (int i = 0; i < width; ++i) {
        nodes[i] = m.kind == MECH_KIND_POINT ? i % 7 : i;
    }
    testing::InstanceStore s(m, nodes, width);
    std::mt19937_64 rng(seed);
    s.randomise(rng);
    for (int step = 0; step < 2; ++step) {
        if (m.compute_currents) {
            m.compute_currents(s.data());
        }
        if (m.advance_state) {
            m.advance_state(s.data());
        }
    }
    m.init(s.data());
    std::vector<double> out;
    for (const auto& f : s.fields) {
        out.insert(out.end(), f.begin(), f.end());
    }
    for (const auto* a : {&s.rhs, &s.d}) {
        out.insert(out.end(), a->begin(), a->end());
    }
    for (const auto& ion : s.ions) {
        for (const auto* a : {&ion.current, &ion.conductance, &ion.internal}) {
            out.insert(out.end(), a->begin(), a->end());
        }
    }
    return out;
}

TEST(Aot, SharedLibraryMatchesJitBitForBit) {
    diag::SourceManager sources;
    diag::DiagnosticEngine diags(sources);
    const auto path = (scratch_dir() / "catalogue.so").string();
    ASSERT_TRUE(compile_shared_library(library(), diags, path)) << diags.diagnostics().size();
    auto jitted = compile(library(), diags);
    ASSERT_NE(jitted, nullptr);

    std::string error;
    auto loaded = load_catalogue(path, error);
    ASSERT_NE(loaded, nullptr) << error;
    ASSERT_EQ(loaded->mechanisms().size(), 4u);
    for (const auto* aot : loaded->mechanisms()) {
        const auto* jit = jitted->find(aot->name);
        ASSERT_NE(jit, nullptr) << aot->name;
        EXPECT_NE(aot->init, jit->init); // really two different copies of the code
        ASSERT_EQ(aot->n_fields, jit->n_fields);
        for (int k = 0; k < aot->n_fields; ++k) {
            EXPECT_STREQ(aot->fields[k].name, jit->fields[k].name);
            EXPECT_EQ(aot->fields[k].default_value, jit->fields[k].default_value);
        }
        for (int width : {1, 7, 64, 1001}) {
            const auto a = run(*aot, width, 99 + width);
            const auto b = run(*jit, width, 99 + width);
            ASSERT_EQ(a.size(), b.size());
            EXPECT_EQ(std::memcmp(a.data(), b.data(), a.size() * sizeof(double)), 0)
                << aot->name << " width " << width;
        }
    }
    fs::remove_all(scratch_dir());
}

TEST(Aot, ObjectFileIsElf) {
    diag::SourceManager sources;
    diag::DiagnosticEngine diags(sources);
    const auto object = compile_object({testing::make_pas()}, diags);
    ASSERT_GT(object.size(), 4u);
    EXPECT_EQ(std::memcmp(object.data(),
                          "\x7f"
                          "ELF",
                          4),
              0);
}

TEST(LoadCatalogue, MissingFile) {
    std::string error;
    EXPECT_EQ(load_catalogue("/nonexistent/catalogue.so", error), nullptr);
    EXPECT_NE(error.find("cannot load catalogue /nonexistent/catalogue.so"), std::string::npos)
        << error;
}

TEST(LoadCatalogue, LibraryWithoutCatalogue) {
    std::string error;
    EXPECT_EQ(load_catalogue("libm.so.6", error), nullptr);
    // A bare name is a file in the current directory, not a search of the library path.
    EXPECT_NE(error.find("cannot load catalogue libm.so.6"), std::string::npos) << error;
    const auto libm = fs::path("/lib/x86_64-linux-gnu/libm.so.6");
    if (fs::exists(libm)) {
        EXPECT_EQ(load_catalogue(libm.string(), error), nullptr);
        EXPECT_NE(error.find("is not a mech catalogue"), std::string::npos) << error;
    }
}

TEST(LoadCatalogue, AbiVersionMismatchIsRefused) {
    const auto dir = scratch_dir();
    const auto source = dir / "old.c";
    std::ofstream(source)
        << "#include <stddef.h>\n"
           "struct m { unsigned abi; const char* name; } old = {0, \"old\"};\n"
           "static const struct m* list[] = {&old};\n"
           "const struct m* const* mech_catalogue(int* n) { *n = 1; return list; }\n";
    const auto library = dir / "old.so";
    const auto command = "cc -shared -fPIC -o " + library.string() + " " + source.string();
    ASSERT_EQ(std::system(command.c_str()), 0);
    std::string error;
    EXPECT_EQ(load_catalogue(library.string(), error), nullptr);
    EXPECT_NE(error.find("ABI version 0"), std::string::npos) << error;
    EXPECT_NE(error.find("rebuild it"), std::string::npos) << error;
    fs::remove_all(dir);
}

} // namespace
} // namespace mech::jit
