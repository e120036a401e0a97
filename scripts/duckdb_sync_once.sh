#!/usr/bin/env bash
# Asks a running axis-server to sync one dataset from PostgreSQL and waits for the result.
#
#   BACKEND_URL=http://localhost:8500 DATASET=monitoring scripts/duckdb_sync_once.sh
#
# Env: BACKEND_URL (default http://localhost:8500), DATASET monitoring|human_signals|eval|kpi
# (default monitoring), FULL=true for a full rebuild, POLL_INTERVAL_SECONDS (3),
# MAX_WAIT_SECONDS (900), AUTH_BEARER_TOKEN (sent as Authorization: Bearer when set).
# Exits 0 when the dataset is ready, 1 on a sync error, an HTTP failure or the timeout.
set -euo pipefail

url=${BACKEND_URL:-http://localhost:8500}
url=${url%/}
dataset=${DATASET:-monitoring}
interval=${POLL_INTERVAL_SECONDS:-3}
max_wait=${MAX_WAIT_SECONDS:-900}

case $dataset in
  monitoring) table=monitoring_data ;;
  human_signals) table=human_signals_raw ;;
  eval) table=eval_data ;;
  kpi) table=kpi_data ;;
  *) echo "duckdb_sync_once: unknown DATASET '$dataset' (monitoring, human_signals, eval, kpi)" >&2; exit 1 ;;
esac

auth=()
[ -z "${AUTH_BEARER_TOKEN:-}" ] || auth=(-H "Authorization: Bearer $AUTH_BEARER_TOKEN")

full=false
[ "${FULL:-false}" != true ] || full=true

reply=$(mktemp)
trap 'rm -f "$reply"' EXIT

code=$(curl -sS -o "$reply" -w '%{http_code}' -X POST "${auth[@]}" "$url/api/store/sync/$dataset?full=$full") || {
  echo "duckdb_sync_once: cannot reach $url" >&2
  exit 1
}
if [ "${code:0:1}" != 2 ]; then
  echo "duckdb_sync_once: POST /api/store/sync/$dataset answered $code: $(cat "$reply")" >&2
  exit 1
fi
echo "sync of $dataset started"

# The dataset's entry of GET /api/store/status: "<state> <rows> <error>".
entry() {
  node -e '
    const s = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")).datasets?.[process.argv[2]];
    if (!s) process.exit(2);
    console.log([s.state, s.rows, s.error ?? ""].join(" "));' "$reply" "$table"
}

waited=0
while [ "$waited" -le "$max_wait" ]; do
  code=$(curl -sS -o "$reply" -w '%{http_code}' "${auth[@]}" "$url/api/store/status") || {
    echo "duckdb_sync_once: cannot reach $url" >&2
    exit 1
  }
  if [ "$code" != 200 ]; then
    echo "duckdb_sync_once: GET /api/store/status answered $code" >&2
    exit 1
  fi
  read -r state rows error <<<"$(entry)"
  case $state in
    ready) echo "$dataset ready: $rows rows"; exit 0 ;;
    error) echo "duckdb_sync_once: $dataset sync failed: $error" >&2; exit 1 ;;
  esac
  sleep "$interval"
  waited=$((waited + interval))
done
echo "duckdb_sync_once: $dataset still syncing after ${max_wait}s" >&2
exit 1
