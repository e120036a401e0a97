# shellcheck shell=bash
# Scenario sync: the PostgreSQL sync engine at scale. A throwaway cluster (scripts/pg-cluster.sh)
# gets a split monitoring source made by SQL: SYNC_DATASET_ROWS (1M) records and
# SYNC_RESULTS_ROWS (5M) scores, both indexed on created_at. axis-server (sync_workers 2,
# partitioned by created_at) then runs, through POST /api/store/sync/monitoring and polling
# /api/store/status,
#   - a full sync, against psql's COPY (query) TO STDOUT of both queries into /dev/null;
#   - an incremental sync after 1% new rows arrive in both tables, against that full sync;
#   - the server's peak RSS (VmHWM) over both.
# Targets: full sync <= 2x psql; incremental <= 0.05x the full sync; peak RSS <= 1536 MB.

SYNC_DATASET_ROWS=${SYNC_DATASET_ROWS:-1000000}
SYNC_RESULTS_ROWS=${SYNC_RESULTS_ROWS:-5000000}
SYNC_MAX_FULL_RATIO=2
SYNC_MAX_INCREMENTAL_RATIO=0.05
SYNC_MAX_RSS_MB=1536

SYNC_DATASET_QUERY="SELECT id AS dataset_id, source_name, environment, query, created_at FROM bench.records"
SYNC_RESULTS_QUERY="SELECT record_id AS dataset_id, metric_name, metric_score, latency_ms, created_at FROM bench.scores"

# sync_fill <first record> <records> <scores per record>: rows of both tables made by SQL, the
# later records later in time.
sync_fill() {
  psql -X -q -v ON_ERROR_STOP=1 <<SQL
INSERT INTO bench.records
  SELECT 'r' || i, 'agent-' || (i % 50), CASE WHEN i % 5 = 0 THEN 'staging' ELSE 'production' END,
         'How do I fix issue ' || (i % 997) || '?', '2026-01-01'::timestamptz + i * interval '1 second'
  FROM generate_series($1, $1 + $2 - 1) AS i;
INSERT INTO bench.scores
  SELECT 'r' || i, 'metric_' || m, ((i * 7 + m * 13) % 1000) / 1000.0, 200 + (i * 31 + m) % 2000,
         '2026-01-01'::timestamptz + i * interval '1 second' + m * interval '1 millisecond'
  FROM generate_series($1, $1 + $2 - 1) AS i, generate_series(1, $3) AS m;
SQL
}

# sync_run <port> <full: true|false>: starts the sync and waits for it; prints the seconds it
# took. Polls every 0.1 s with curl and sed only (a node process per poll would load the CPU
# the sync needs).
sync_run() {
  local port=$1 full=$2 start end status
  start=$(date +%s.%N)
  curl -fsS -X POST "http://127.0.0.1:$port/api/store/sync/monitoring?full=$full" >/dev/null
  for _ in $(seq 30000); do
    status=$(curl -fsS "http://127.0.0.1:$port/api/store/status" |
      sed -n 's/.*"monitoring_data":{"state":"\([a-z_]*\)","rows":\([0-9]*\).*/\1 \2/p')
    case $status in
      ready*) end=$(date +%s.%N); bench_log "sync (full=$full): $status"; break ;;
      error*) bench_log "sync failed: $(curl -fsS "http://127.0.0.1:$port/api/store/status")"; return 1 ;;
    esac
    sleep 0.1
  done
  [ -n "${end:-}" ] || { bench_log "sync did not finish"; return 1; }
  awk -v a="$start" -v b="$end" 'BEGIN { printf "%.2f", b - a }'
}

scenario_sync() {
  local pgdir=$BENCH_TMP/pg per_record=$((SYNC_RESULTS_ROWS / SYNC_DATASET_ROWS))
  chmod 755 "$BENCH_TMP"
  BENCH_PG_DIR=$pgdir
  "$BENCH_ROOT/scripts/pg-cluster.sh" start "$pgdir" >"$BENCH_OUT/pg.log" 2>&1
  set -a
  # shellcheck source=/dev/null
  . "$pgdir/env"
  set +a
  bench_log "filling PostgreSQL: $SYNC_DATASET_ROWS records, $SYNC_RESULTS_ROWS scores"
  psql -X -q -v ON_ERROR_STOP=1 -c "CREATE SCHEMA bench;
    CREATE TABLE bench.records (id text, source_name text, environment text, query text, created_at timestamptz);
    CREATE TABLE bench.scores (record_id text, metric_name text, metric_score double precision,
      latency_ms integer, created_at timestamptz);"
  sync_fill 1 "$SYNC_DATASET_ROWS" "$per_record"
  psql -X -q -v ON_ERROR_STOP=1 -c "CREATE INDEX ON bench.records (created_at)" \
    -c "CREATE INDEX ON bench.scores (created_at)" -c "VACUUM ANALYZE bench.records" \
    -c "VACUUM ANALYZE bench.scores"

  bench_log "psql COPY of both queries into /dev/null"
  local t0 t1 psql_s
  t0=$(date +%s.%N)
  psql -X -q -c "COPY ($SYNC_DATASET_QUERY) TO STDOUT WITH (FORMAT csv, HEADER true)" >/dev/null
  psql -X -q -c "COPY ($SYNC_RESULTS_QUERY) TO STDOUT WITH (FORMAT csv, HEADER true)" >/dev/null
  t1=$(date +%s.%N)
  psql_s=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.2f", b - a }')

  mkdir -p "$BENCH_TMP/custom/config"
  cat >"$BENCH_TMP/custom/config/monitoring_db.yaml" <<YAML
monitoring_db:
  enabled: true
  url: "$DATABASE_URL"
  ssl_mode: disable
  query_timeout: 120
  dataset_query: "$SYNC_DATASET_QUERY"
  results_query: "$SYNC_RESULTS_QUERY"
  incremental_column: created_at
  partition_column: created_at
YAML
  printf 'duckdb:\n  sync_mode: manual\n  sync_workers: 2\n  max_sync_rows: 100000000\n' \
    >"$BENCH_TMP/custom/config/duckdb.yaml"
  local port full_s inc_s hwm
  port=$(free_port)
  export AXIS_CUSTOM_DIR=$BENCH_TMP/custom
  start_axis "$port" --no-samples
  bench_log "full sync"
  full_s=$(sync_run "$port" true)
  local new_records=$((SYNC_DATASET_ROWS / 100))
  sync_fill $((SYNC_DATASET_ROWS + 1)) "$new_records" "$per_record"
  bench_log "incremental sync of 1% new rows"
  inc_s=$(sync_run "$port" false)
  hwm=$(awk '/^VmHWM:/ { printf "%.0f", $2 / 1024 }' "/proc/$AXIS_PID/status")

  local r
  r=$(ratio "$full_s" "$psql_s")
  bench_row "full sync of $(rows_label "$SYNC_DATASET_ROWS") records + $(rows_label "$SYNC_RESULTS_ROWS") scores (POST /api/store/sync/monitoring?full=true until ready)" \
    "$full_s s" "$psql_s s (psql COPY of both queries to /dev/null)" "$r" "≤ $SYNC_MAX_FULL_RATIO" \
    "$(at_most "$r" "$SYNC_MAX_FULL_RATIO")"
  r=$(ratio "$inc_s" "$full_s")
  bench_row "incremental sync after 1% new rows in both tables" "$inc_s s" "$full_s s (the full sync)" \
    "$r" "≤ $SYNC_MAX_INCREMENTAL_RATIO" "$(at_most "$r" "$SYNC_MAX_INCREMENTAL_RATIO")"
  bench_row "peak RSS (VmHWM) of axis-server over both syncs" "$hwm MB" "$SYNC_MAX_RSS_MB MB" \
    "$(ratio "$hwm" "$SYNC_MAX_RSS_MB")" "≤ 1" "$(at_most "$hwm" "$SYNC_MAX_RSS_MB")"
}
