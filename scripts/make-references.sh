#!/usr/bin/env bash
# Regenerates tests/data/reference/ from NEURON 8.2.2: compiles our .mod files
# (scripts/neuron/mod) in a temporary folder, then runs every reference case.
# Usage: scripts/make-references.sh [--out DIR] [--check DIR] [--tables on|off|both] [--case ID ...]
# With no arguments it also rewrites the W3 network spike rasters (bench/neuron/workloads.py).
# Needs Debian's neuron, python3-neuron and neuron-dev (MECH_WITH_NEURON=1 scripts/install-deps.sh).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
py=/usr/bin/python3

for tool in nrnivmodl make; do
  command -v "$tool" >/dev/null || { echo "make-references: '$tool' not found (install neuron-dev)" >&2; exit 1; }
done
"$py" -c "import neuron" 2>/dev/null || { echo "make-references: python3-neuron is not installed" >&2; exit 1; }

work=$(mktemp -d -t mech-nrnmod-XXXXXX)
trap 'rm -rf "$work"' EXIT
lib=$("$py" "$root/scripts/neuron/mod_build.py" --work-dir "$work")

args=("$@")
with_w3=$(( $# == 0 ))
have_out=0
for a in "${args[@]}"; do [[ "$a" == --out ]] && have_out=1; done
if ((have_out == 0)); then
  args=(--out "$root/tests/data/reference" --tables both "${args[@]}")
fi
# NEURON prints a DISPLAY warning on import; it says nothing about the data.
"$py" "$root/scripts/neuron/make_references.py" --mechlib "$lib" "${args[@]}" \
  2> >(grep -v -e 'no DISPLAY' -e 'No graphics' >&2)

if ((with_w3)); then
  out="$root/tests/data/reference"
  for t in 0 1; do
    suffix=$([[ $t == 1 ]] && echo _usetable || true)
    "$py" "$root/bench/neuron/workloads.py" --workload W3 --usetable $t \
      --spikes "$out/W3_spikes$suffix.csv" 2> >(grep -v -e 'no DISPLAY' -e 'No graphics' >&2) \
      | grep -e 'spikes total' -e 'written'
  done
fi
