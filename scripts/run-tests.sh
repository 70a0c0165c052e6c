#!/usr/bin/env bash
# The whole test suite on a fresh machine: install what is missing, build, run ctest.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/build.sh"
build=${MECH_BUILD_DIR:-$root/build}
cd "$build"
ctest --output-on-failure -j "${MECH_JOBS:-$(nproc)}" "$@"
