#!/usr/bin/env bash
# The main job: installs what is missing, builds mech, and runs the bundled ball-and-stick model,
# printing where its traces and plot went.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/build.sh"
build=${MECH_BUILD_DIR:-$root/build}
out=${1:-$root/out/ball_and_stick}
"$build/runtime/mechsim/mechsim" run "$root/examples/tutorial/A5_ball_and_stick.toml" -o "$out"
echo
echo "traces: $out/traces.csv"
if [[ -f "$out/traces.png" ]]; then
  echo "plot:   $out/traces.png"
fi
echo "spikes: $out/spikes.csv"
