// mechc compile and -o: catalogues that load and list their mechanisms, and outputs that never
// overwrite an input nor leave a half-written file behind.
#include "run_mechc.hpp"

#include "jit/load_catalogue.hpp"

#include <gtest/gtest.h>

#include <fstream>

namespace mech::test {
namespace {

namespace fs = std::filesystem;

TEST(Outputs, CompileMakesALoadableCatalogue) {
    Scratch dir;
    MechcRun r = run_mechc({"compile", source_file("mechanisms/hh.mech").string(),
                            source_file("mechanisms/pas.mech").string(), "-o", "catalogue.so"},
                           dir.path());
    ASSERT_EQ(r.status, 0) << r.err;
    EXPECT_EQ(dir.files(), std::vector<std::string>{"catalogue.so"}) << "no temporary left";
    std::string error;
    auto catalogue = jit::load_catalogue((dir.path() / "catalogue.so").string(), error);
    ASSERT_TRUE(catalogue) << error;
    EXPECT_EQ(catalogue->mechanisms().size(), 2u);
    EXPECT_NE(catalogue->find("hh"), nullptr);
    EXPECT_NE(catalogue->find("pas"), nullptr);
}

TEST(Outputs, CompileModFile) {
    Scratch dir;
    MechcRun r = run_mechc(
        {"compile", source_file("tests/data/mod/hh.mod").string(), "-o", "hh.so"}, dir.path());
    ASSERT_EQ(r.status, 0) << r.err;
    std::string error;
    auto catalogue = jit::load_catalogue((dir.path() / "hh.so").string(), error);
    ASSERT_TRUE(catalogue) << error;
    EXPECT_NE(catalogue->find("hh"), nullptr);
}

TEST(Outputs, CompileToObject) {
    Scratch dir;
    MechcRun r = run_mechc({"compile", source_file("mechanisms/pas.mech").string(), "-o", "pas.o"},
                           dir.path());
    ASSERT_EQ(r.status, 0) << r.err;
    const std::string object = read_text(dir.path() / "pas.o");
    ASSERT_GE(object.size(), 18u);
    EXPECT_EQ(object.substr(0, 4), "\x7f"
                                   "ELF");
    EXPECT_EQ(object[16], 1) << "a relocatable object (ET_REL), not a shared library";
}

TEST(Outputs, RefusesToOverwriteAnInput) {
    Scratch dir;
    const std::string name = dir.copy(source_file("mechanisms/pas.mech"));
    const std::string before = read_text(dir.path() / name);
    fs::create_directories(dir.path() / "sub");
    fs::create_symlink(dir.path() / name, dir.path() / "link.mech");
    for (const std::string output : {"pas.mech", "./sub/../pas.mech", "link.mech"}) {
        for (const std::vector<std::string>& args :
             {std::vector<std::string>{"--emit=ast", name, "-o", output},
              std::vector<std::string>{"compile", name, "-o", output}}) {
            MechcRun r = run_mechc(args, dir.path());
            EXPECT_EQ(r.status, 1) << output;
            EXPECT_NE(r.err.find("refusing to write the output over the input file 'pas.mech'"),
                      std::string::npos)
                << r.err;
            EXPECT_EQ(read_text(dir.path() / name), before) << output;
        }
    }
    EXPECT_EQ(dir.files(), (std::vector<std::string>{"link.mech", "pas.mech", "sub"}));
}

TEST(Outputs, FailedCompileKeepsTheOldOutput) {
    Scratch dir;
    dir.copy(data_file("syntax_error.mech"));
    std::ofstream(dir.path() / "catalogue.so") << "old";
    MechcRun r = run_mechc({"compile", "syntax_error.mech", "-o", "catalogue.so"}, dir.path());
    EXPECT_EQ(r.status, 1);
    EXPECT_EQ(read_text(dir.path() / "catalogue.so"), "old");
    EXPECT_EQ(dir.files(), (std::vector<std::string>{"catalogue.so", "syntax_error.mech"}));
}

TEST(Outputs, ReplacesAnOldOutputWhole) {
    Scratch dir;
    std::ofstream(dir.path() / "pas.ir") << "old";
    MechcRun r = run_mechc(
        {"--emit=ir", source_file("mechanisms/pas.mech").string(), "-o", "pas.ir"}, dir.path());
    ASSERT_EQ(r.status, 0) << r.err;
    EXPECT_EQ(read_text(dir.path() / "pas.ir").rfind("mechanism pas density", 0), 0u);
    EXPECT_EQ(dir.files(), std::vector<std::string>{"pas.ir"});
}

TEST(Outputs, UnwritablePlacesAreErrors) {
    Scratch dir;
    const std::string pas = source_file("mechanisms/pas.mech").string();
    MechcRun missing = run_mechc({"--emit=ir", pas, "-o", "no/such/folder/pas.ir"}, dir.path());
    EXPECT_EQ(missing.status, 1);
    EXPECT_NE(missing.err.find("does not exist"), std::string::npos) << missing.err;
    fs::create_directories(dir.path() / "folder");
    MechcRun folder = run_mechc({"compile", pas, "-o", "folder"}, dir.path());
    EXPECT_EQ(folder.status, 1);
    EXPECT_NE(folder.err.find("is a directory"), std::string::npos) << folder.err;
}

} // namespace
} // namespace mech::test

namespace mech::test {
namespace {

TEST(Outputs, TargetCpu) {
    Scratch dir;
    const std::string pas = source_file("mechanisms/pas.mech").string();
    MechcRun portable =
        run_mechc({"compile", "--cpu", "x86-64-v3", pas, "-o", "v3.so"}, dir.path());
    EXPECT_EQ(portable.status, 0) << portable.err;
    // LLVM aborts on some unknown CPU names: mechc must refuse them first, with a located reason.
    MechcRun unknown = run_mechc({"compile", "--cpu", "nonsense", pas, "-o", "x.so"}, dir.path());
    EXPECT_EQ(unknown.status, 1);
    EXPECT_NE(unknown.err.find("unknown --cpu 'nonsense'"), std::string::npos) << unknown.err;
    EXPECT_EQ(dir.files(), std::vector<std::string>{"v3.so"});
}

} // namespace
} // namespace mech::test
