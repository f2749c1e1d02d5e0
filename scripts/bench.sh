#!/usr/bin/env bash
# Runs the trustwalk benchmarks of BENCHMARKS.md and prints a Markdown table.
#
#   scripts/bench.sh [ACCOUNTS...]     (default: 10 100 1000)
#
# Builds the release binary, synthesizes one organization per size (100 roles, 20 users and 10 buckets
# per account, seed 1) under $BENCH_DIR (default: $TMPDIR/trustwalk-bench; kept and reused on later
# runs), runs `trustwalk bench graph|gaps|dot` on each under /usr/bin/time -v for the peak memory, and
# `bench evaluate` and `bench parse` once. Raw outputs stay in $BENCH_DIR/logs. SKIP_BUILD=1 reuses the
# current release binary; each bench is stopped after $BENCH_TIMEOUT seconds (default 600), and the
# table then says which step it had not finished.
set -euo pipefail

cd "$(dirname "$0")/.."
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(10 100 1000)
bench_dir=${BENCH_DIR:-${TMPDIR:-/tmp}/trustwalk-bench}
logs=$bench_dir/logs
limit=${BENCH_TIMEOUT:-600}
mkdir -p "$logs"

if [ ! -x /usr/bin/time ] || ! /usr/bin/time -v true >/dev/null 2>&1; then
  echo "bench.sh: GNU time is missing; installing it (apt-get install time)" >&2
  if [ "$(id -u)" -eq 0 ]; then apt-get install -y time >&2; else sudo apt-get install -y time >&2; fi
fi

if [ "${SKIP_BUILD:-0}" != 1 ]; then
  swift build -c release >&2
fi
binary=$(swift build -c release --show-bin-path)/trustwalk

# field LOG LABEL N: the Nth number after "LABEL:" in LOG (1 = wall seconds, 2 = CPU seconds).
field() {
  grep -m1 "^$2:" "$1" | sed -E "s/^$2: //" | grep -oE '[0-9]+(\.[0-9]+)?' | sed -n "${3}p"
}

# timing LOG LABEL: "wall (CPU)" of LABEL in LOG, or "> limit" when the bench was stopped before it.
timing() {
  if grep -q "^$2:" "$1"; then
    echo "$(field "$1" "$2" 1) ($(field "$1" "$2" 2))"
  else
    echo "not done in ${limit} s"
  fi
}

# peak LOG: the maximum resident set size /usr/bin/time -v recorded, in MB.
peak() {
  awk -F': ' '/Maximum resident set size/ { printf "%d", $2 / 1024 }' "$1"
}

# timed NAME ARGS...: runs the binary with ARGS under /usr/bin/time -v; output in $logs/NAME.{out,time}.
timed() {
  local name=$1
  shift
  echo "bench.sh: trustwalk $* (load average $(cut -d' ' -f1-3 /proc/loadavg))" >&2
  local status=0
  /usr/bin/time -v -o "$logs/$name.time" timeout "$limit" "$binary" "$@" >"$logs/$name.out" || status=$?
  [ "$status" -eq 0 ] || echo "stopped: status $status (124 = over the ${limit} s limit)" >>"$logs/$name.out"
  echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)" >>"$logs/$name.out"
}

machine="$(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), \
$(awk '/MemTotal/ { printf "%.0f GB", $2 / 1048576 }' /proc/meminfo) RAM"
echo "bench.sh: $machine; load average $(cut -d' ' -f1-3 /proc/loadavg)" >&2

timed evaluate bench evaluate
timed parse bench parse

rows=()
for accounts in "${sizes[@]}"; do
  org=$bench_dir/org-$accounts
  if [ ! -f "$org.done" ]; then
    rm -rf "$org"
    echo "bench.sh: synthesizing $accounts accounts into $org" >&2
    "$binary" synth "$org" --accounts "$accounts" --roles 100 --users 20 --buckets 10 --seed 1 >&2
    touch "$org.done"
  fi
  load_before=$(cut -d' ' -f1-3 /proc/loadavg)
  timed "graph-$accounts" bench graph "$org"
  timed "gaps-$accounts" bench gaps "$org"
  timed "dot-$accounts" bench dot "$org"
  g=$logs/graph-$accounts.out
  who=$(grep -m1 '^who-can' "$g" | grep -oE 'median [0-9.]+ ms wall, [0-9.]+ ms CPU' | sed -E 's/median ([0-9.]+) ms wall, ([0-9.]+) ms CPU/\1 (\2)/')
  rows+=("| $accounts | $(du -sm "$org" | cut -f1) MB \
| $(timing "$g" load) \
| $(timing "$g" 'graph build') \
| $who \
| $(timing "$logs/gaps-$accounts.out" gaps) \
| $(timing "$logs/dot-$accounts.out" 'dot export') \
| $(peak "$logs/graph-$accounts.time") / $(peak "$logs/gaps-$accounts.time") / $(peak "$logs/dot-$accounts.time") \
| $load_before |")
done

echo "Machine: $machine. Times in seconds, wall (CPU); who-can in ms, median wall (CPU)."
echo
echo "| Accounts | Snapshot | Load s | Graph build s | Who-can ms | Gaps s | DOT export s | Peak RSS MB (graph / gaps / dot) | Load average |"
echo "|---:|---:|---:|---:|---:|---:|---:|---:|---|"
printf '%s\n' "${rows[@]}"
echo
echo "Evaluation (one core): $(grep -m1 '^untraced:' "$logs/evaluate.out")"
echo "Evaluation, traced: $(grep -m1 '^traced:' "$logs/evaluate.out")"
echo "Parsing: $(grep -m1 '^parse all:' "$logs/parse.out")"
echo "Raw outputs: $logs"
