# One place for the warning flags every mech target uses.
add_library(mech_warnings INTERFACE)
target_compile_options(mech_warnings INTERFACE -Wall -Wextra -Wpedantic -Wno-unused-parameter)
