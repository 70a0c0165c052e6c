#!/usr/bin/env bash
# Installs what is missing, then configures and builds mech in ./build (or $MECH_BUILD_DIR).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/install-deps.sh"
build=${MECH_BUILD_DIR:-$root/build}
jobs=${MECH_JOBS:-$(nproc)}
cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=${MECH_BUILD_TYPE:-RelWithDebInfo} >/dev/null
cmake --build "$build" -j "$jobs"
