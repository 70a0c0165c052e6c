#!/usr/bin/env bash
# Installs the Debian packages mech needs to build and test; does nothing when they are all present.
set -euo pipefail

packages=(
  cmake g++ make pkg-config
  antlr4 libantlr4-runtime-dev uuid-dev
  llvm-19-dev
  libmuparser-dev libfmt-dev libtomlplusplus-dev libcli11-dev
  googletest libgtest-dev libbenchmark-dev
  gnuplot-nox
  neuron   # only for the real-world .mod corpus it ships (/usr/share/nrn/demo/release), read by the front-end tests
)
# Optional extras: the NEURON reference simulator (for scripts/make-references.sh and bench/).
if [[ "${MECH_WITH_NEURON:-0}" == 1 ]]; then
  packages+=(neuron neuron-dev python3-neuron python3-numpy)
fi

# Optional extras: clang and its libFuzzer runtime (for scripts/fuzz-frontend.sh).
if [[ "${MECH_WITH_FUZZ:-0}" == 1 ]]; then
  packages+=(clang-19 libclang-rt-19-dev)
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]} == 0)); then
  exit 0
fi

echo "install-deps: installing ${missing[*]}"
sudo_cmd=()
if [[ $(id -u) -ne 0 ]]; then sudo_cmd=(sudo); fi
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
