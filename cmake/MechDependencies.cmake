# Finds every third-party dependency once, so that sub-folders only link targets.
# All of them are Debian packages installed by scripts/install-deps.sh.

find_package(fmt 9 CONFIG REQUIRED)
find_package(muparser 2.3 CONFIG REQUIRED)
find_package(CLI11 CONFIG REQUIRED)
find_package(tomlplusplus CONFIG QUIET)
if(NOT tomlplusplus_FOUND)
  find_package(PkgConfig REQUIRED)
  pkg_check_modules(tomlplusplus REQUIRED IMPORTED_TARGET tomlplusplus)
  add_library(tomlplusplus::tomlplusplus ALIAS PkgConfig::tomlplusplus)
endif()

# ANTLR4: the 4.7.2 tool generates C++ that builds against the 4.9 runtime.
find_package(antlr4-runtime 4.9 CONFIG REQUIRED)
set_property(TARGET antlr4_shared APPEND PROPERTY INTERFACE_INCLUDE_DIRECTORIES ${ANTLR4_INCLUDE_DIR})
set_target_properties(antlr4_shared PROPERTIES IMPORTED_LINK_INTERFACE_LIBRARIES_NONE "")
find_program(ANTLR4_TOOL antlr4 REQUIRED)

# LLVM 19 as one shared library.
find_package(LLVM 19.1 CONFIG REQUIRED PATHS /usr/lib/llvm-19/lib/cmake/llvm NO_DEFAULT_PATH)
separate_arguments(MECH_LLVM_DEFINITIONS NATIVE_COMMAND "${LLVM_DEFINITIONS}")
add_library(mech_llvm INTERFACE)
target_include_directories(mech_llvm SYSTEM INTERFACE ${LLVM_INCLUDE_DIRS})
target_compile_definitions(mech_llvm INTERFACE ${MECH_LLVM_DEFINITIONS})
target_link_libraries(mech_llvm INTERFACE LLVM)
target_link_directories(mech_llvm INTERFACE ${LLVM_LIBRARY_DIRS})
find_program(MECH_FILECHECK FileCheck PATHS ${LLVM_TOOLS_BINARY_DIR} NO_DEFAULT_PATH)

if(MECH_BUILD_TESTS)
  find_package(GTest CONFIG REQUIRED)
  include(GoogleTest)
endif()
if(MECH_BUILD_BENCH)
  find_package(benchmark CONFIG REQUIRED)
endif()
