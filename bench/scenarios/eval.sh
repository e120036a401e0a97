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

# "10M" / "1M" / "250k" for row counts in table labels.
eval_rows_label() {
  awk -v n="$1" 'BEGIN { if (n >= 1e6) printf "%gM", n / 1e6; else if (n >= 1e3) printf "%gk", n / 1e3; else print n }'
}

eval_mb() { awk -v b="$1" 'BEGIN { printf "%.0f", b / 1048576 }'; }

# eval_upload <port> <csv> <reply-file>: uploads the file; prints the seconds curl took.
eval_upload() {
  local result code secs
  result=$(curl -sS -o "$3" -w '%{http_code} %{time_total}' -F "file=@$2;type=text/csv" \
    "http://127.0.0.1:$1/api/data/upload")
  read -r code secs <<<"$result"
  if [ "$code" != 200 ]; then
    bench_log "upload of $(basename "$2") answered $code: $(head -c 300 "$3")"
    return 1
  fi
  echo "$secs"
}

eval_dataset_id() {
  node -e 'process.stdout.write(JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")).dataset_id)' "$1"
}

# eval_p50 <name> <url>: one warm-up GET, then
# EVAL_REQUESTS GETs; prints the median time in ms. Fails on any non-200 answer.
eval_p50() {
  local name=$1 url=$2 times=$BENCH_OUT/times-$1.txt code secs i
  : >"$times"
  for i in $(seq 0 "$EVAL_REQUESTS"); do
    read -r code secs <<<"$(curl -sS -o "$BENCH_OUT/reply-$name.json" -w '%{http_code} %{time_total}' "$url")"
    if [ "$code" != 200 ]; then
      bench_log "$name answered $code: $(head -c 300 "$BENCH_OUT/reply-$name.json")"
      return 1
    fi
    [ "$i" -eq 0 ] || echo "$secs" >>"$times"
  done
  sort -n "$times" | awk '{ v[NR] = $1 } END { m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; printf "%.1f", m * 1000 }'
}

# eval_sql_ms <db> <sql>: median of EVAL_REQUESTS runs of <sql> (after a warm-up), in ms.
eval_sql_ms() {
  local out
  out=$("$EVAL_HELPER" query "$1" "$EVAL_REQUESTS" "$2") || return 1
  awk -v s="${out%% *}" 'BEGIN { printf "%.1f", s * 1000 }'
}

# eval_upload_row <port> <rows>: generates, uploads and loads with DuckDB one file; records the
# row and leaves the dataset id in EVAL_ID and the first scorecard's time in EVAL_FIRST_MS.
eval_upload_row() {
  local port=$1 rows=$2 label csv bytes axis_s duck duck_s r
  label=$(eval_rows_label "$rows")
  csv=$BENCH_TMP/tree-$label.csv
  bench_log "generating $label rows"
  bytes=$(node "$BENCH_ROOT/bench/gen/tree_data.mjs" --rows "$rows" --out "$csv")
  bench_log "uploading $label rows ($(eval_mb "$bytes") MB)"
  axis_s=$(eval_upload "$port" "$csv" "$BENCH_OUT/upload-$label.json")
  EVAL_ID=$(eval_dataset_id "$BENCH_OUT/upload-$label.json")
  # The summaries are built in the background right after the upload; the first scorecard waits
  # for that build, so DuckDB's own load below runs on a quiet machine.
  EVAL_FIRST_MS=$(curl -sS -o /dev/null -w '%{time_total}' \
    "http://127.0.0.1:$port/api/evaluation/scorecard?dataset_id=$EVAL_ID" | awk '{ printf "%.0f", $1 * 1000 }')
  bench_log "DuckDB read_csv of the same file"
  duck=$("$EVAL_HELPER" load "$BENCH_TMP/duckdb-$label.duckdb" "$csv")
  duck_s=${duck%% *}
  rm -f "$BENCH_TMP/duckdb-$label.duckdb" "$BENCH_TMP/duckdb-$label.duckdb.wal" "$csv"
  r=$(ratio "$axis_s" "$duck_s")
  bench_row "upload $label rows ($(eval_mb "$bytes") MB tree CSV), curl -F to POST /api/data/upload" \
    "$(printf '%.1f' "$axis_s") s" "$(printf '%.1f' "$duck_s") s (DuckDB read_csv into a table)" \
    "$r" "≤ $EVAL_UPLOAD_MAX_RATIO" "$(at_most "$r" "$EVAL_UPLOAD_MAX_RATIO")"
}

scenario_eval() {
  EVAL_HELPER=$(dirname "$AXIS_BIN")/duckdb_load
  [ -x "$EVAL_HELPER" ] || { bench_log "$EVAL_HELPER is not built (make build)"; return 1; }
  local port hwm big_id big_label base
  big_label=$(eval_rows_label "$EVAL_ROWS")
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
  scorecard=$(eval_p50 scorecard "$base/scorecard?dataset_id=$big_id")
  cases=$(eval_p50 cases "$base/metrics/faithfulness/cases?page=50&dataset_id=$big_id")
  compare=$(eval_p50 compare "$base/compare?dataset_id=$big_id")

  # The bare SQL runs on a copy of the store, so the server must let go of the file first.
  kill -TERM "$AXIS_PID"
  wait "$AXIS_PID" || true
  cp "$BENCH_TMP/axis-data/local_store.duckdb" "$BENCH_TMP/copy.duckdb"
  [ ! -f "$BENCH_TMP/axis-data/local_store.duckdb.wal" ] ||
    cp "$BENCH_TMP/axis-data/local_store.duckdb.wal" "$BENCH_TMP/copy.duckdb.wal"
  local db=$BENCH_TMP/copy.duckdb t
  t=$("$EVAL_HELPER" query "$db" 1 "SELECT table_name FROM _datasets WHERE id = '$big_id'")
  t="\"${t##* }\""
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
  scorecard_bare=$(eval_sql_ms "$db" "$scorecard_sql")
  cases_bare=$(eval_sql_ms "$db" "$cases_sql")
  compare_bare=$(eval_sql_ms "$db" "$compare_sql")
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
  bench_row "p50 of $EVAL_REQUESTS × $1, $(eval_rows_label "$EVAL_ROWS") rows" "$2 ms" \
    "$3 ms (same answer, one SQL query on the raw rows)" "$r" "≤ $EVAL_MAX_P50_MS ms and ≤ $EVAL_MAX_SQL_RATIO" "$pass"
}
