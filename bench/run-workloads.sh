#!/usr/bin/env bash
# Runs the benchmark workloads W1-W3 in NEURON and in mech side by side (interleaved), checks that
# the two agree on the spikes, and prints a table of run times and throughput. See docs/performance.md.
set -euo pipefail

usage() {
  cat <<'TEXT'
usage: bench/run-workloads.sh [options]
  --workload "W1 W2 W3"  workloads to run (default: all three)
  --repeat N             timed runs per simulator, interleaved NEURON, mech, ... (default 3)
  --tstop MS             simulated time (default 1000; timings are only comparable at 1000)
  --threads N            passed to mech-workloads (default 1)
  --scaling N            also time mech on N threads, interleaved with the rest, and check its
                         spikes are identical to the --threads run (default 2; 0 skips it)
  --build-dir DIR        Release build folder (default: build-bench in the repository)
  --no-build             use the programs already in the build folder
  --out DIR              keep logs and spike files here (default: a new temporary folder)
Timings mean something only on an otherwise idle machine. Exit status: 0 when every workload
agrees with NEURON (exact rates) and gives the same spikes on more threads, 1 when one does not,
2 on usage or tool errors.
TEXT
}

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
workloads="W1 W2 W3"
repeat=3
tstop=1000
threads=1
scaling=2
build_dir="$root/build-bench"
build=1
out=""
while (($#)); do
  case "$1" in
    --workload) workloads="$2"; shift 2 ;;
    --repeat) repeat="$2"; shift 2 ;;
    --tstop) tstop="$2"; shift 2 ;;
    --threads) threads="$2"; shift 2 ;;
    --scaling) scaling="$2"; shift 2 ;;
    --build-dir) build_dir="$2"; shift 2 ;;
    --no-build) build=0; shift ;;
    --out) out="$2"; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) echo "run-workloads: unknown option '$1'" >&2; usage >&2; exit 2 ;;
  esac
done
for w in $workloads; do
  [[ "$w" =~ ^W[123]$ ]] || { echo "run-workloads: unknown workload '$w' (W1, W2, W3)" >&2; exit 2; }
done
[[ "$repeat" =~ ^[1-9][0-9]*$ ]] || { echo "run-workloads: --repeat needs a positive integer" >&2; exit 2; }
[[ "$threads" =~ ^[1-9][0-9]*$ ]] || { echo "run-workloads: --threads needs a positive integer" >&2; exit 2; }
[[ "$scaling" =~ ^[0-9]+$ ]] || { echo "run-workloads: --scaling needs a number of threads (0: off)" >&2; exit 2; }

python=/usr/bin/python3
# muParser links OpenMP; one thread keeps the mech timings repeatable.
export OMP_NUM_THREADS=1

if ! "$python" -c "import neuron" >/dev/null 2>&1; then
  echo "run-workloads: NEURON is missing; installing it"
  MECH_WITH_NEURON=1 "$root/scripts/install-deps.sh"
fi

if ((build)); then
  echo "run-workloads: building Release in $build_dir"
  cmake -S "$root" -B "$build_dir" -DCMAKE_BUILD_TYPE=Release >/dev/null
  cmake --build "$build_dir" --target mech-workloads mech-compare-spikes -j"${JOBS:-1}" >/dev/null
fi
mech="$build_dir/bench/workloads/mech-workloads"
compare="$build_dir/bench/workloads/mech-compare-spikes"
for tool in "$mech" "$compare"; do
  [[ -x "$tool" ]] || { echo "run-workloads: $tool is missing (build it or drop --no-build)" >&2; exit 2; }
done

[[ -n "$out" ]] || out=$(mktemp -d /tmp/mech-workloads.XXXXXX)
mkdir -p "$out"
echo "run-workloads: logs and spikes in $out"

# The wall time of "<W>: run 1: <s> s" in a log of either program.
run_time() { awk -v w="$1:" '$1 == w && $2 == "run" { print $4; exit }' "$2"; }
median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
compartments() { case "$1" in W2) echo 20400 ;; *) echo 1000 ;; esac; }

neuron() { # workload usetable log [extra args]
  local w=$1 table=$2 log=$3; shift 3
  "$python" "$root/bench/neuron/workloads.py" --workload "$w" --tstop "$tstop" --usetable "$table" "$@" \
    >"$log" 2>&1 || { echo "run-workloads: NEURON failed on $w, see $log" >&2; cat "$log" >&2; exit 2; }
}
run_mech() { # workload threads log [extra args]
  local w=$1 n=$2 log=$3; shift 3
  "$mech" --workload "$w" --tstop "$tstop" --threads "$n" "$@" >"$log" 2>&1 ||
    { echo "run-workloads: mech failed on $w, see $log" >&2; cat "$log" >&2; exit 2; }
}

# How equal the CPUs are right now: one single-thread W1 (200 ms) pinned to each of the first
# --scaling CPUs, all started together. On a virtual machine the host can run one CPU slower than
# the other. The runtime splits its partitions by measured speed (ThreadBalance), so N threads
# can at best run the sum of the CPUs' speeds; printed against a one-thread run on the fastest
# CPU (a one-thread run may land on any of them).
cpu_balance() { # tag
  ((scaling >= 2)) && command -v taskset >/dev/null || return 0
  local i pids=() times=()
  for ((i = 0; i < scaling; ++i)); do
    taskset -c "$i" "$mech" --workload W1 --tstop 200 >"$out/balance_$1_cpu$i.log" 2>&1 &
    pids+=($!)
  done
  wait "${pids[@]}" || { echo "run-workloads: the CPU balance probe failed, see $out/balance_$1_cpu*.log" >&2; exit 2; }
  for ((i = 0; i < scaling; ++i)); do times+=("$(run_time W1 "$out/balance_$1_cpu$i.log")"); done
  printf '%s\n' "${times[@]}" | awk -v tag="$1" -v n="$scaling" '
    { t[NR] = $1; rate += 1 / $1; if (NR == 1 || $1 < best) best = $1 }
    END {
      line = ""; for (i = 1; i <= NR; ++i) line = line sprintf(" cpu%d %.3f s", i - 1, t[i])
      printf "CPU balance (%s): W1 200 ms on each CPU at once:%s; %d threads split by speed can\n", tag, line, n
      printf "  reach about %.2fx a one-thread run on the fastest CPU\n", rate * best
    }'
}

steps=$(awk -v t="$tstop" 'BEGIN { printf "%d", t / 0.025 + 0.5 }')
status=0
cpu_balance before
rows=()
for w in $workloads; do
  echo "== $w"
  # Agreement first: NEURON with exact rates (usetable_hh 0), as mech computes them.
  neuron "$w" 0 "$out/${w}_neuron_usetable0.log" --spikes "$out/${w}_neuron_usetable0.csv"
  n_times=(); m_times=(); s_times=()
  for ((r = 1; r <= repeat; ++r)); do
    neuron "$w" 1 "$out/${w}_neuron_$r.log"
    n_times+=("$(run_time "$w" "$out/${w}_neuron_$r.log")")
    [[ -n "${n_times[-1]}" ]] || { echo "run-workloads: no run time in $out/${w}_neuron_$r.log" >&2; exit 2; }
    run_mech "$w" "$threads" "$out/${w}_mech_$r.log" --spikes "$out/${w}_mech.csv"
    m_times+=("$(run_time "$w" "$out/${w}_mech_$r.log")")
    [[ -n "${m_times[-1]}" ]] || { echo "run-workloads: no run time in $out/${w}_mech_$r.log" >&2; exit 2; }
    line="   run $r: NEURON ${n_times[-1]} s, mech ${m_times[-1]} s"
    if ((scaling)); then
      run_mech "$w" "$scaling" "$out/${w}_mech_t${scaling}_$r.log" --spikes "$out/${w}_mech_t${scaling}.csv"
      s_times+=("$(run_time "$w" "$out/${w}_mech_t${scaling}_$r.log")")
      [[ -n "${s_times[-1]}" ]] || { echo "run-workloads: no run time in $out/${w}_mech_t${scaling}_$r.log" >&2; exit 2; }
      line+=", mech on $scaling threads ${s_times[-1]} s"
    fi
    echo "$line"
  done
  { grep -h "spikes total" "$out/${w}_neuron_usetable0.log" || true; } | sed 's/^/   NEURON usetable 0: /'
  { grep -h "spikes total" "$out/${w}_mech_$repeat.log" || true; } | sed 's/^/   mech:              /'

  case "$w" in
    W3) rule=(--until "$(awk -v t="$tstop" 'BEGIN { print (t < 100) ? t : 100 }')" --count-within 2) ;;
    *) rule=() ;; # independent cells: every spike of the run
  esac
  if "$compare" "$out/${w}_neuron_usetable0.csv" "$out/${w}_mech.csv" --tolerance 0.025 "${rule[@]}" \
      >"$out/${w}_agreement.log" 2>&1; then
    agree=yes
  else
    agree=NO; status=1
  fi
  sed 's/^/   /' "$out/${w}_agreement.log"

  n_med=$(median "${n_times[@]}"); m_med=$(median "${m_times[@]}")
  c=$(compartments "$w")
  row=$(awk -v w="$w" -v c="$c" -v s="$steps" -v n="$n_med" -v m="$m_med" -v a="$agree" 'BEGIN {
    printf "%-8s %12d %14.3f %12.3f %16.3g %14.3g %10.2f   %-5s", w, c, n, m, c * s / n, c * s / m, n / m, a }')
  if ((scaling)); then
    # The same model on more threads must give the same spikes, to the byte.
    if cmp -s "$out/${w}_mech.csv" "$out/${w}_mech_t${scaling}.csv"; then same=yes; else same=NO; status=1; fi
    s_med=$(median "${s_times[@]}")
    row+=$(awk -v m="$m_med" -v t="$s_med" -v same="$same" 'BEGIN { printf " %12.3f %10.2f   %s", t, m / t, same }')
  fi
  rows+=("$row")
done

cpu_balance after
echo
echo "dt 0.025 ms, tstop $tstop ms ($steps steps), medians of $repeat interleaved runs;"
echo "NEURON with its default hh rate tables (its fastest); agreement against NEURON with exact rates."
header=$(printf '%-8s %12s %14s %12s %16s %14s %10s   %-5s' workload compartments "NEURON med s" \
  "mech med s" "NEURON c-steps/s" "mech c-steps/s" "mech/NRN" agree)
((scaling)) && header+=$(printf ' %12s %10s   %s' "mech ${scaling}-thr s" "speed-up" identical)
echo "$header"

printf '%s\n' "${rows[@]}"
exit $status
