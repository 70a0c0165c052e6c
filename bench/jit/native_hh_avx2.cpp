// native_hh.cpp again, built for AVX2 (-march=x86-64-v3) for mech_jit_count: valgrind does not
// run AVX-512, and under valgrind the JIT sees an AVX2 host too, so the counts compare alike.
#include "native_hh.cpp"
