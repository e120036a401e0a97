#!/usr/bin/env bash
# Runs the benchmarks, writes bench/RESULTS.md and prints it.
#
#   bench/run.sh            every scenario in bench/scenarios/
#   bench/run.sh health     only the named scenarios
#
# Every row compares axis-server with a limit measured in the same run (or a fixed budget).
# Env: AXIS_BIN (default build/axis-server), BENCH_THREADS (2), BENCH_CONNECTIONS (64),
# BENCH_DURATION (10s), BENCH_WARMUP (2s). Logs and raw wrk output: bench/out/<scenario>/.
# Exits non-zero when a target is missed or a scenario could not run.
set -euo pipefail

BENCH_ROOT=$(cd "$(dirname "$0")/.." && pwd)
bench_dir=$BENCH_ROOT/bench
AXIS_BIN=${AXIS_BIN:-$BENCH_ROOT/build/axis-server}
BENCH_THREADS=${BENCH_THREADS:-2}
BENCH_CONNECTIONS=${BENCH_CONNECTIONS:-64}
BENCH_DURATION=${BENCH_DURATION:-10s}
BENCH_WARMUP=${BENCH_WARMUP:-2s}
BENCH_ROWS=$(mktemp)
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
trap 'rm -f "$BENCH_ROWS"' EXIT

for tool in curl nginx wrk node; do
  command -v "$tool" >/dev/null || { echo "bench: $tool is missing (run scripts/setup.sh)" >&2; exit 1; }
done
[ -x "$AXIS_BIN" ] || { echo "bench: $AXIS_BIN is not built (make build)" >&2; exit 1; }

# shellcheck source=bench/lib.sh
. "$bench_dir/lib.sh"
all=()
for file in "$bench_dir"/scenarios/*.sh; do
  # shellcheck source=/dev/null
  . "$file"
  all+=("$(basename "$file" .sh)")
done
selected=("$@")
[ ${#selected[@]} -gt 0 ] || selected=("${all[@]}")

for name in "${selected[@]}"; do
  declare -F "scenario_$name" >/dev/null || { echo "bench: no scenario '$name' (have: ${all[*]})" >&2; exit 2; }
  BENCH_OUT=$bench_dir/out/$name
  rm -rf "$BENCH_OUT"
  mkdir -p "$BENCH_OUT"
  echo "bench: running $name" >&2
  set +e
  (
    set -e
    BENCH_SCENARIO=$name
    BENCH_TMP=$(mktemp -d)
    trap bench_cleanup EXIT
    "scenario_$name"
  )
  rc=$?
  set -e
  if [ "$rc" -ne 0 ]; then
    BENCH_SCENARIO=$name bench_row "scenario run" "-" "-" "-" "-" "no (failed with exit code $rc, see bench/out/$name/)"
  fi
done

machine() {
  local cpu ram
  cpu=$(awk -F': *' '/^model name/ { print $2; exit }' /proc/cpuinfo)
  ram=$(awk '/^MemTotal:/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)
  echo "- Machine: $(nproc) CPU cores (${cpu:-unknown model}), $ram RAM, Linux $(uname -r)"
  echo "- Tools: $(nginx -v 2>&1 | sed 's/^nginx version: //'), $(wrk --version 2>&1 | head -n 1 | awk '{ print $1, $2 }')"
  echo "- Server: $("$AXIS_BIN" version 2>/dev/null | head -n 1 || echo unknown)"
}

# RESULTS.md keeps, for every scenario not run this time, its rows and its run line from the
# previous file, so running one scenario does not drop the others' latest figures.
results=$bench_dir/RESULTS.md
previous=$(mktemp)
[ -f "$results" ] && cp "$results" "$previous" || : >"$previous"
ran=" ${selected[*]} "
run_line="run $(date -u '+%Y-%m-%d %H:%M UTC'), load average before $load_before"
{
  echo "# Benchmark results"
  echo
  echo "Latest figures of \`make bench\` (\`bench/run.sh [scenario ...]\`), per scenario. Each row"
  echo "sets axis-server against a limit measured in the same run on the same machine, or a fixed"
  echo "budget. Other work on the machine during a run skews its numbers."
  echo
  echo "| scenario | metric | axis | limit | ratio | target | pass |"
  echo "|---|---|---|---|---|---|---|"
  for name in "${all[@]}"; do
    if [[ $ran == *" $name "* ]]; then
      awk -F'\t' -v s="$name" '$1 == s { printf "| %s | %s | %s | %s | %s | %s | %s |\n", $1, $2, $3, $4, $5, $6, $7 }' "$BENCH_ROWS"
    else
      grep -E "^\| $name \| " "$previous" || true
    fi
  done
  echo
  machine
  for name in "${all[@]}"; do
    if [[ $ran == *" $name "* ]]; then
      echo "- $name: $run_line"
    else
      grep -E "^- $name: run " "$previous" || true
    fi
  done
} >"$results"
rm -f "$previous"
cat "$results"

! cut -f7 "$BENCH_ROWS" | grep -q '^no'
