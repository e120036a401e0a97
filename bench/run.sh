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
  echo "- Load average before the run: $load_before (other work on the machine skews the numbers)"
  echo "- Tools: $(nginx -v 2>&1 | sed 's/^nginx version: //'), $(wrk --version 2>&1 | head -n 1 | awk '{ print $1, $2 }')"
  echo "- Server: $("$AXIS_BIN" version 2>/dev/null | head -n 1 || echo unknown)"
  echo "- Date: $(date -u '+%Y-%m-%d %H:%M UTC')"
}

{
  echo "# Benchmark results"
  echo
  echo "Latest run of \`make bench\` (\`bench/run.sh ${selected[*]}\`). Each row sets axis-server"
  echo "against a limit measured in the same run on the same machine, or a fixed budget."
  echo
  echo "| scenario | metric | axis | limit | ratio | target | pass |"
  echo "|---|---|---|---|---|---|---|"
  awk -F'\t' '{ printf "| %s | %s | %s | %s | %s | %s | %s |\n", $1, $2, $3, $4, $5, $6, $7 }' "$BENCH_ROWS"
  echo
  machine
} >"$bench_dir/RESULTS.md"
cat "$bench_dir/RESULTS.md"

! cut -f7 "$BENCH_ROWS" | grep -q '^no'
