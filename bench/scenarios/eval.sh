# shellcheck shell=bash
# Scenario eval: evaluation data at scale. Generates tree-format CSVs (bench/gen/tree_data.mjs;
# 10 rows per case, 2 evaluation_names) under BENCH_TMP and measures
#   - upload time (POST /api/data/upload via curl -F) against DuckDB's own read_csv of the same
#     file into a table (build/duckdb_load), for EVAL_ROWS (10M) and EVAL_SMALL_ROWS (1M) rows;
#   - the first scorecard after the big upload (it waits for the background summaries build)
#     and the server's peak RSS (VmHWM) over the upload and that build;
#   - p50 of EVAL_REQUESTS GETs of scorecard, metric cases (page 50) and compare on the big
#     dataset, against the median of the same answer computed by one hand-written SQL query
#     on the raw rows (duckdb_load query on a copy of the server's store file, server stopped).
# Targets: upload <= 1.5x DuckDB; peak RSS <= 2048 MB; each endpoint p50 <= 300 ms and <= 1.3x
# its bare SQL. Env: EVAL_ROWS, EVAL_SMALL_ROWS (0 skips), EVAL_REQUESTS.

EVAL_ROWS=${EVAL_ROWS:-10000000}
EVAL_SMALL_ROWS=${EVAL_SMALL_ROWS:-1000000}
EVAL_REQUESTS=${EVAL_REQUESTS:-20}
EVAL_UPLOAD_MAX_RATIO=1.5
EVAL_MAX_RSS_MB=2048
EVAL_MAX_P50_MS=300
EVAL_MAX_SQL_RATIO=1.3

# eval_upload_row <port> <rows>: generates, uploads and loads with DuckDB one file; records the
# row and leaves the dataset id in EVAL_ID and the first scorecard's time in EVAL_FIRST_MS.
eval_upload_row() {
  local port=$1 rows=$2 label csv bytes axis_s duck duck_s r
  label=$(rows_label "$rows")
  csv=$BENCH_TMP/tree-$label.csv
  bench_log "generating $label rows"
  bytes=$(node "$BENCH_ROOT/bench/gen/tree_data.mjs" --rows "$rows" --out "$csv")
  bench_log "uploading $label rows ($(size_mb "$bytes") MB)"
  axis_s=$(upload_csv "http://127.0.0.1:$port/api/data/upload" "$csv" "$BENCH_OUT/upload-$label.json")
  EVAL_ID=$(json_field dataset_id "$BENCH_OUT/upload-$label.json")
  # The summaries are built in the background right after the upload; the first scorecard waits
  # for that build, so DuckDB's own load below runs on a quiet machine.
  EVAL_FIRST_MS=$(curl -sS -o /dev/null -w '%{time_total}' \
    "http://127.0.0.1:$port/api/evaluation/scorecard?dataset_id=$EVAL_ID" | awk '{ printf "%.0f", $1 * 1000 }')
  bench_log "DuckDB read_csv of the same file"
  duck=$("$DUCKDB_HELPER" load "$BENCH_TMP/duckdb-$label.duckdb" "$csv")
  duck_s=${duck%% *}
  rm -f "$BENCH_TMP/duckdb-$label.duckdb" "$BENCH_TMP/duckdb-$label.duckdb.wal" "$csv"
  r=$(ratio "$axis_s" "$duck_s")
  bench_row "upload $label rows ($(size_mb "$bytes") MB tree CSV), curl -F to POST /api/data/upload" \
    "$(printf '%.1f' "$axis_s") s" "$(printf '%.1f' "$duck_s") s (DuckDB read_csv into a table)" \
    "$r" "≤ $EVAL_UPLOAD_MAX_RATIO" "$(at_most "$r" "$EVAL_UPLOAD_MAX_RATIO")"
}

scenario_eval() {
  need_duckdb_helper
  local port hwm big_id big_label base
  big_label=$(rows_label "$EVAL_ROWS")
  export AXIS_MAX_UPLOAD_BYTES=$((64 * 1024 * 1024 * 1024))
  port=$(free_port)
  start_axis "$port"

  eval_upload_row "$port" "$EVAL_ROWS"
  big_id=$EVAL_ID
  base="http://127.0.0.1:$port/api/evaluation"
  bench_row "first GET /api/evaluation/scorecard right after the upload (waits for the background summaries build)" \
    "$EVAL_FIRST_MS ms" "-" "-" "-" "-"
  hwm=$(awk '/^VmHWM:/ { printf "%.0f", $2 / 1024 }' "/proc/$AXIS_PID/status")
  bench_row "peak RSS (VmHWM) of axis-server over the $big_label-row upload and its summaries build" "$hwm MB" \
    "$EVAL_MAX_RSS_MB MB" "$(ratio "$hwm" "$EVAL_MAX_RSS_MB")" "≤ 1" "$(at_most "$hwm" "$EVAL_MAX_RSS_MB")"
  if [ "$EVAL_SMALL_ROWS" -gt 0 ]; then eval_upload_row "$port" "$EVAL_SMALL_ROWS"; fi

  local scorecard cases compare
  bench_log "timing the evaluation endpoints on $big_label rows"
  scorecard=$(http_p50 scorecard "$base/scorecard?dataset_id=$big_id" "$EVAL_REQUESTS")
  cases=$(http_p50 cases "$base/metrics/faithfulness/cases?page=50&dataset_id=$big_id" "$EVAL_REQUESTS")
  compare=$(http_p50 compare "$base/compare?dataset_id=$big_id" "$EVAL_REQUESTS")

  local db=$BENCH_TMP/copy.duckdb t
  stop_axis_and_copy_store "$db"
  t=$(dataset_table "$db" "$big_id")
  local scorecard_sql cases_sql compare_sql
  scorecard_sql="SELECT metric_name, count(*), avg(metric_score), stddev_samp(metric_score),
    stddev_pop(metric_score), min(metric_score), max(metric_score),
    quantile_disc(metric_score, [0.25, 0.5, 0.75]),
    histogram(least(floor(metric_score * 5), 4)), arg_min(parent, rowid), arg_min(weight, rowid),
    arg_min(metric_type, rowid), count(DISTINCT dataset_id)
    FROM $t GROUP BY metric_name"
  cases_sql="SELECT dataset_id, evaluation_name, query, actual_output, metric_score, explanation,
    count(*) OVER () AS total FROM $t WHERE metric_name = 'faithfulness'
    ORDER BY metric_score, dataset_id, evaluation_name LIMIT 10 OFFSET 490"
  compare_sql="SELECT metric_name, evaluation_name, avg(metric_score), stddev_samp(metric_score),
    count(metric_score) FROM $t WHERE evaluation_name IN ('model-a', 'model-b') GROUP BY ALL"
  bench_log "timing the bare SQL"
  local scorecard_bare cases_bare compare_bare
  scorecard_bare=$(sql_ms "$db" "$EVAL_REQUESTS" "$scorecard_sql")
  cases_bare=$(sql_ms "$db" "$EVAL_REQUESTS" "$cases_sql")
  compare_bare=$(sql_ms "$db" "$EVAL_REQUESTS" "$compare_sql")
  eval_endpoint_row "GET /api/evaluation/scorecard" "$scorecard" "$scorecard_bare"
  eval_endpoint_row "GET /api/evaluation/metrics/faithfulness/cases?page=50" "$cases" "$cases_bare"
  eval_endpoint_row "GET /api/evaluation/compare" "$compare" "$compare_bare"
}

# eval_endpoint_row <endpoint> <axis p50 ms> <sql ms>
eval_endpoint_row() {
  local r pass
  r=$(ratio "$2" "$3")
  pass=$(awk -v a="$2" -v r="$r" -v ma="$EVAL_MAX_P50_MS" -v mr="$EVAL_MAX_SQL_RATIO" \
    'BEGIN { print (a <= ma && r <= mr) ? "yes" : "no" }')
  bench_row "p50 of $EVAL_REQUESTS × $1, $(rows_label "$EVAL_ROWS") rows" "$2 ms" \
    "$3 ms (same answer, one SQL query on the raw rows)" "$r" "≤ $EVAL_MAX_P50_MS ms and ≤ $EVAL_MAX_SQL_RATIO" "$pass"
}
