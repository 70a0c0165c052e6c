// mechc --emit=ast|ir|llvm|obj and --dump-after on hh (mech and NEURON .mod forms). LLVM IR is
// checked loosely: a few lines that any correct catalogue module has.
#include "run_mechc.hpp"

#include <gtest/gtest.h>

namespace mech::test {
namespace {

const std::string kHhMech = source_file("mechanisms/hh.mech").string();
const std::string kHhMod = source_file("tests/data/mod/hh.mod").string();
const std::string kPas = source_file("mechanisms/pas.mech").string();

bool contains(const std::string& text, const std::string& what) {
    return text.find(what) != std::string::npos;
}

TEST(Emit, AstPrintsCanonicalSourceThatChecksAgain) {
    Scratch dir;
    MechcRun r = run_mechc({"--emit=ast", kHhMech}, dir.path());
    ASSERT_EQ(r.status, 0) << r.err;
    EXPECT_TRUE(contains(r.out, "SUFFIX hh")) << r.out;
    EXPECT_TRUE(contains(r.out, "CHANNEL na")) << r.out;
    MechcRun written = run_mechc({"--emit=ast", kHhMech, "-o", "printed.mech"}, dir.path());
    ASSERT_EQ(written.status, 0) << written.err;
    EXPECT_EQ(read_text(dir.path() / "printed.mech"), r.out);
    MechcRun again = run_mechc({"check", "--Werror", "printed.mech"}, dir.path());
    EXPECT_EQ(again.status, 0) << again.err;
}

TEST(Emit, IrHasTheKernelsOfBothHhForms) {
    Scratch dir;
    for (const auto& file : {kHhMech, kHhMod}) {
        MechcRun r = run_mechc({"--emit=ir", file}, dir.path());
        ASSERT_EQ(r.status, 0) << file << "\n" << r.err;
        EXPECT_EQ(r.err, "") << file;
        for (const char* line :
             {"mechanism hh density", "kernel init {", "kernel compute_currents {",
              "kernel advance_state {", "ion na valence 1", "ion k valence 1"})
            EXPECT_TRUE(contains(r.out, line)) << file << " lacks '" << line << "':\n" << r.out;
    }
}

TEST(Emit, IrOfSeveralFilesPrintsEach) {
    Scratch dir;
    MechcRun r = run_mechc({"--emit=ir", kHhMech, kPas}, dir.path());
    ASSERT_EQ(r.status, 0) << r.err;
    EXPECT_TRUE(contains(r.out, "mechanism hh density"));
    EXPECT_TRUE(contains(r.out, "mechanism pas density"));
}

TEST(Emit, ConductanceMethodChangesTheCurrentKernel) {
    Scratch dir;
    MechcRun symbolic = run_mechc({"--emit=ir", kHhMod}, dir.path());
    MechcRun fd = run_mechc({"--emit=ir", "--conductance=finite-difference", kHhMod}, dir.path());
    ASSERT_EQ(symbolic.status, 0) << symbolic.err;
    ASSERT_EQ(fd.status, 0) << fd.err;
    // NEURON's difference quotient evaluates the currents again at v + 0.001.
    EXPECT_TRUE(contains(fd.out, "v + 0.001")) << fd.out;
    EXPECT_FALSE(contains(symbolic.out, "v + 0.001")) << symbolic.out;
}

TEST(Emit, LlvmDefinesTheCatalogue) {
    Scratch dir;
    for (const auto& file : {kHhMech, kHhMod}) {
        MechcRun r = run_mechc({"--emit=llvm", file}, dir.path());
        ASSERT_EQ(r.status, 0) << r.err;
        EXPECT_TRUE(contains(r.out, "@mech_catalogue(")) << r.out;
        EXPECT_TRUE(contains(r.out, "define")) << r.out;
        for (const char* kernel :
             {"@mech.hh.init", "@mech.hh.compute_currents", "@mech.hh.advance_state"})
            EXPECT_TRUE(contains(r.out, kernel)) << kernel;
    }
}

TEST(Emit, LlvmOfSeveralFilesIsOneModule) {
    Scratch dir;
    MechcRun r = run_mechc({"--emit=llvm", "-O0", kHhMech, kPas, "-o", "both.ll"}, dir.path());
    ASSERT_EQ(r.status, 0) << r.err;
    EXPECT_EQ(r.out, "");
    const std::string ll = read_text(dir.path() / "both.ll");
    EXPECT_TRUE(contains(ll, "@mech.hh.init"));
    EXPECT_TRUE(contains(ll, "@mech.pas.init"));
    // One module: mech_catalogue is defined exactly once, listing both mechanisms.
    std::size_t definitions = 0;
    for (std::size_t at = ll.find("define"); at != std::string::npos;
         at = ll.find("define", at + 1)) {
        const std::size_t eol = ll.find('\n', at);
        if (ll.substr(at, eol - at).find("@mech_catalogue(") != std::string::npos)
            ++definitions;
    }
    EXPECT_EQ(definitions, 1u);
}

TEST(Emit, ObjectFileIsElf) {
    Scratch dir;
    dir.copy(kPas);
    MechcRun r = run_mechc({"--emit=obj", "pas.mech"}, dir.path());
    ASSERT_EQ(r.status, 0) << r.err;
    EXPECT_EQ(dir.files(), (std::vector<std::string>{"pas.mech", "pas.o"}));
    EXPECT_EQ(read_text(dir.path() / "pas.o").substr(0, 4), "\x7f"
                                                            "ELF");
}

TEST(Emit, ObjectOfSeveralFilesNeedsAName) {
    Scratch dir;
    MechcRun r = run_mechc({"--emit=obj", kHhMech, kPas}, dir.path());
    EXPECT_EQ(r.status, 1);
    EXPECT_TRUE(contains(r.err, "name it with -o")) << r.err;
    MechcRun named = run_mechc({"--emit=obj", kHhMech, kPas, "-o", "both.o"}, dir.path());
    EXPECT_EQ(named.status, 0) << named.err;
    EXPECT_EQ(read_text(dir.path() / "both.o").substr(0, 4), "\x7f"
                                                             "ELF");
}

TEST(Emit, DumpAfterOnePassGoesToStderr) {
    Scratch dir;
    MechcRun r = run_mechc({"--emit=ir", "--dump-after=solve_odes", kHhMod}, dir.path());
    ASSERT_EQ(r.status, 0) << r.err;
    EXPECT_TRUE(contains(r.err, "; ---- IR of hh after solve_odes ----")) << r.err;
    EXPECT_FALSE(contains(r.err, "after fold_constants")) << r.err;
    EXPECT_TRUE(contains(r.err, "kernel advance_state {"));
    EXPECT_FALSE(contains(r.out, "; ----")) << "stdout keeps only the --emit output";
}

TEST(Emit, DumpAfterAllAndLists) {
    Scratch dir;
    MechcRun all = run_mechc({"check", "--dump-after=all", kPas}, dir.path());
    ASSERT_EQ(all.status, 0) << all.err;
    for (const char* pass : {"solve_odes", "differentiate", "fold_constants",
                             "eliminate_common_subexpressions", "eliminate_dead_locals"})
        EXPECT_TRUE(contains(all.err, std::string("after ") + pass + " ----")) << pass;
    MechcRun list =
        run_mechc({"--dump-after=differentiate,fold_constants", "--dump-after", "solve_odes", kPas},
                  dir.path());
    ASSERT_EQ(list.status, 0) << list.err;
    EXPECT_TRUE(contains(list.err, "after solve_odes"));
    EXPECT_TRUE(contains(list.err, "after differentiate"));
    EXPECT_TRUE(contains(list.err, "after fold_constants"));
    EXPECT_FALSE(contains(list.err, "after eliminate_dead_locals"));
}

} // namespace
} // namespace mech::test
