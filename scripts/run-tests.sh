#!/usr/bin/env bash
# Runs the test suites and ends with one line: `N passed, N failed, N skipped`.
#
#   scripts/run-tests.sh                     unit, integration, web, browser (in that order)
#   scripts/run-tests.sh integration web     only the named suites
#
# Each suite's full output goes to build/test-logs/<suite>.log; browser screenshots go to
# build/test-artifacts/. A suite that cannot run, crashes or times out counts as a failure.
# Exits non-zero when anything failed.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
build=${BUILD_DIR:-build}
[[ $build == /* ]] || build=$root/$build
logs=$build/test-logs
artifacts=$build/test-artifacts
test_timeout_ms=${AXIS_TEST_TIMEOUT_MS:-180000}
all_suites=(unit integration web browser)

passed=0 failed=0 skipped=0
server_pid=
tmp=$(mktemp -d)
chmod 755 "$tmp" # the postgres user must be able to enter it
mkdir -p "$logs" "$artifacts"

stop_server() {
  [ -n "$server_pid" ] || return 0
  kill -TERM "$server_pid" 2>/dev/null || true
  local _
  for _ in $(seq 50); do
    kill -0 "$server_pid" 2>/dev/null || break
    sleep 0.2
  done
  kill -KILL "$server_pid" 2>/dev/null || true
  wait "$server_pid" 2>/dev/null || true
  server_pid=
}

cleanup() {
  stop_server
  "$root/scripts/pg-cluster.sh" stop "$tmp/pg" >/dev/null 2>&1 || true
  rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# report <suite> <passed> <failed> <skipped> <seconds> [note]
report() {
  local suite=$1 p=$2 f=$3 s=$4 secs=$5 note=${6:-}
  passed=$((passed + p)) failed=$((failed + f)) skipped=$((skipped + s))
  echo "[$suite] $p passed, $f failed, $s skipped (${secs}s)${note:+ - $note}"
  if [ "$f" -gt 0 ] && [ -s "$logs/$suite.log" ]; then
    echo "---- last 40 lines of $logs/$suite.log"
    tail -n 40 "$logs/$suite.log"
    local failures
    failures=$(grep -E '^ *not ok ' "$logs/$suite.log" | grep -vE '# (TODO|SKIP)' | head -n 30) || true
    [ -z "$failures" ] || printf -- '---- failed tests\n%s\n' "$failures"
    echo "----"
  fi
}

# finish <suite> <start-seconds> <exit-code> <"passed failed skipped" or empty> [note]
# A runner that exited non-zero without reporting a failure (crash, timeout) adds one.
finish() {
  local suite=$1 start=$2 rc=$3 counts=$4 note=${5:-}
  local secs=$((SECONDS - start)) p f s
  if [ -z "$counts" ]; then
    counts="0 1 0" note="no results (exit code $rc)"
  fi
  read -r p f s <<<"$counts"
  if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then
    f=1 note="runner exited with code $rc"
  fi
  [ "$rc" -eq 124 ] && note="timed out"
  [ $((p + f + s)) -gt 0 ] || note="no tests found"
  report "$suite" "$p" "$f" "$s" "$secs" "$note"
}

# The last node:test TAP summary in a log, as "passed failed skipped" (cancelled counts as failed).
tap_counts() {
  awk '/^# pass /{p=$3} /^# fail /{f=$3} /^# cancelled /{c=$3} /^# skipped /{s=$3} /^# todo /{t=$3}
       END { if (p == "") exit 1; print p, f + c, s + t }' "$1"
}

node_tests() { # node_tests <dir> <timeout-seconds>: runs node:test files with the TAP reporter
  timeout --kill-after=10 "$2" node --test --test-reporter=tap --test-force-exit \
    ${AXIS_TEST_CONCURRENCY:+--test-concurrency="$AXIS_TEST_CONCURRENCY"} \
    --test-timeout="$test_timeout_ms" "$1"
}

has_node_tests() { [ -n "$(find "$1" -name '*.test.mjs' -o -name '*.test.js' 2>/dev/null | head -n 1)" ]; }

suite_unit() {
  local start=$SECONDS log=$logs/unit.log json=$logs/unit.json rc=0 counts='' note=''
  local bin=$build/axis_unit_tests
  if [ ! -x "$bin" ]; then
    echo "$bin not found" >"$log"
    report unit 0 1 0 0 "could not run: $bin not built (make build)"
    return
  fi
  rm -f "$json"
  (timeout --kill-after=10 240 "$bin" --gtest_output="json:$json" || exit) >"$log" 2>&1 || rc=$?
  if [ -s "$json" ]; then
    counts=$(node -e '
      let p = 0, f = 0, s = 0;
      for (const suite of JSON.parse(require("fs").readFileSync(process.argv[1])).testsuites ?? [])
        for (const t of suite.testsuite ?? []) {
          if (t.failures?.length) f++;
          else if (t.status === "NOTRUN" || ["SKIPPED", "SUPPRESSED"].includes(t.result)) s++;
          else p++;
        }
      console.log(p, f, s);' "$json") || counts=
  else # crashed before writing the report: keep the tests that finished
    counts="$(grep -c '^\[       OK \]' "$log") 1 0" note="crashed (exit code $rc)"
  fi
  finish unit "$start" "$rc" "$counts" "$note"
}

suite_integration() {
  local start=$SECONDS log=$logs/integration.log rc=0 counts=''
  if ! "$root/scripts/pg-cluster.sh" start "$tmp/pg" >"$log" 2>&1; then
    report integration 0 1 0 $((SECONDS - start)) "could not run: PostgreSQL cluster did not start"
    return
  fi
  (
    set -a
    # shellcheck source=/dev/null
    . "$tmp/pg/env"
    set +a
    export AXIS_BIN=$build/axis-server AXIS_PG_ENV=$tmp/pg/env
    node_tests tests/integration/ 600
  ) >>"$log" 2>&1 || rc=$?
  counts=$(tap_counts "$log") || counts=
  finish integration "$start" "$rc" "$counts"
}

suite_web() {
  local start=$SECONDS log=$logs/web.log json=$logs/web.json rc=0 counts=''
  if ! node -e 'process.exit(require("./web/package.json").scripts?.["test:unit"] ? 0 : 1)' 2>/dev/null; then
    echo "[web] skipped: web/package.json has no test:unit script yet"
    return
  fi
  if [ ! -x web/node_modules/.bin/vitest ]; then
    echo "web/node_modules/.bin/vitest not found" >"$log"
    report web 0 1 0 0 "could not run: web dependencies not installed (make build)"
    return
  fi
  rm -f "$json"
  (cd web && timeout --kill-after=10 420 npx --no-install vitest run --passWithNoTests \
    --reporter=default --reporter=json --outputFile.json="$json") >"$log" 2>&1 || rc=$?
  if [ -s "$json" ]; then
    counts=$(node -e '
      const r = JSON.parse(require("fs").readFileSync(process.argv[1]));
      console.log(r.numPassedTests, r.numFailedTests, r.numPendingTests + r.numTodoTests);' "$json") || counts=
  fi
  finish web "$start" "$rc" "$counts"
}

# shellcheck source=wait-http.sh
. "$root/scripts/wait-http.sh"

suite_browser() {
  local start=$SECONDS log=$logs/browser.log server_log=$logs/browser-server.log rc=0 counts='' port url
  local bin=$build/axis-server
  if ! has_node_tests tests/e2e; then
    echo "[browser] skipped: no tests in tests/e2e yet"
    return
  fi
  if [ ! -x "$bin" ]; then
    echo "$bin not found" >"$log"
    report browser 0 1 0 0 "could not run: $bin not built (make build)"
    return
  fi
  port=$("$root/scripts/free-port.sh")
  url=http://127.0.0.1:$port
  mkdir -p "$tmp/e2e-data" "$tmp/e2e-custom/config"
  : >"$log"
  # The PostgreSQL journeys (tests/e2e/sync.test.mjs) read from the throwaway cluster through a
  # monitoring source; without a cluster they are skipped.
  local pg_env=''
  if "$root/scripts/pg-cluster.sh" start "$tmp/pg" >>"$log" 2>&1; then
    pg_env=$tmp/pg/env
    local database_url
    database_url=$(sed -n 's/^DATABASE_URL=//p' "$pg_env")
    cat >"$tmp/e2e-custom/config/monitoring_db.yaml" <<YAML
monitoring_db:
  enabled: true
  url: "$database_url"
  ssl_mode: disable
  query_timeout: 30
  dataset_query: "SELECT id AS dataset_id, agent AS source_name, created_at AS timestamp FROM e2e.records"
  results_query: "SELECT record_id AS dataset_id, metric AS metric_name, score AS metric_score FROM e2e.scores"
YAML
    printf 'duckdb:\n  sync_mode: manual\n' >"$tmp/e2e-custom/config/duckdb.yaml"
  fi
  # An empty custom dir unless the caller chose one, so a local custom/ does not leak in.
  # shellcheck disable=SC2086 # AXIS_E2E_SERVER_ARGS is a list of extra flags
  AXIS_CUSTOM_DIR=${AXIS_CUSTOM_DIR:-$tmp/e2e-custom} "$bin" serve --host 127.0.0.1 --port "$port" \
    --data-dir "$tmp/e2e-data" ${AXIS_E2E_SERVER_ARGS:-} >"$server_log" 2>&1 &
  server_pid=$!
  if ! wait_http "$url/health" 60 "$server_pid"; then
    tail -n 40 "$server_log" >"$log"
    stop_server
    report browser 0 1 0 $((SECONDS - start)) "could not run: server did not become healthy"
    return
  fi
  # One file at a time: the files share one server, and the PostgreSQL journey stores datasets.
  # The accessibility gates load every page in two themes, so the whole suite gets 15 minutes.
  AXIS_URL=$url AXIS_ARTIFACTS=$artifacts NODE_PATH=$root/web/node_modules AXIS_PG_ENV=$pg_env \
    AXIS_TEST_CONCURRENCY=1 node_tests tests/e2e/ 900 >>"$log" 2>&1 || rc=$?
  stop_server
  counts=$(tap_counts "$log") || counts=
  finish browser "$start" "$rc" "$counts"
}

suites=("$@")
[ ${#suites[@]} -gt 0 ] || suites=("${all_suites[@]}")
for suite in "${suites[@]}"; do
  case $suite in
    unit | integration | web | browser) "suite_$suite" ;;
    *) echo "unknown suite '$suite' (choose from: ${all_suites[*]})" >&2; exit 2 ;;
  esac
done

echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
