#!/usr/bin/env bash
# Builds the front-end fuzzer with clang (ASan + libFuzzer) and runs it for N seconds (default 300).
# Usage: scripts/fuzz-frontend.sh [seconds]. Needs clang-19 and libclang-rt-19-dev (MECH_WITH_FUZZ=1 scripts/install-deps.sh).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
seconds=${1:-300}
build=${MECH_FUZZ_BUILD_DIR:-$root/build-fuzz}
flags="-fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined -g -O1"
CC=clang-19 CXX=clang++-19 cmake -S "$root" -B "$build" -DMECH_BUILD_FUZZ=ON -DMECH_BUILD_BENCH=OFF \
  -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS="$flags" -DCMAKE_EXE_LINKER_FLAGS="-fsanitize=address,undefined" >/dev/null
cmake --build "$build" --target fuzz_frontend -j "${MECH_JOBS:-1}"
work=$root/fuzz-corpus-work
mkdir -p "$work" "$build/fuzz-artifacts"
"$build/tests/fuzz/fuzz_frontend" "$work" "$root/tests/fuzz/corpus" -max_total_time="$seconds" -max_len=4096 \
  -timeout=10 -rss_limit_mb=2048 -artifact_prefix="$build/fuzz-artifacts/"
