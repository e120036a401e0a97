# shellcheck shell=bash
# Scenario intake: a wide CSV through the intake check and the evaluation loader. Generates a
# flat-format file of INTAKE_COLUMNS columns (2,000, the default AXIS_MAX_CSV_COLUMNS) and
# INTAKE_ROWS rows (bench/gen/wide_data.mjs) and times POST /api/data/upload (intake, load,
# catalog, reply of the first rows) against DuckDB's own read_csv of the same file into a table
# (build/duckdb_load). Target: upload <= 2x DuckDB. Also the peak RSS of the server.
# Env: INTAKE_COLUMNS, INTAKE_ROWS.

INTAKE_COLUMNS=${INTAKE_COLUMNS:-2000}
INTAKE_ROWS=${INTAKE_ROWS:-2000}
INTAKE_MAX_RATIO=2

scenario_intake() {
  need_duckdb_helper
  local port csv bytes axis_s duck duck_s r hwm runs=3 i best_axis= best_duck=
  csv=$BENCH_TMP/wide.csv
  bench_log "generating $INTAKE_COLUMNS columns x $INTAKE_ROWS rows"
  bytes=$(node "$BENCH_ROOT/bench/gen/wide_data.mjs" --columns "$INTAKE_COLUMNS" --rows "$INTAKE_ROWS" --out "$csv")
  port=$(free_port)
  start_axis "$port"
  # Best of three for both sides: one wide upload takes about a second, so noise matters.
  for i in $(seq "$runs"); do
    axis_s=$(upload_csv "http://127.0.0.1:$port/api/data/upload" "$csv" "$BENCH_OUT/upload-$i.json")
    duck=$("$DUCKDB_HELPER" load "$BENCH_TMP/duckdb.duckdb" "$csv")
    duck_s=${duck%% *}
    best_axis=$(awk -v a="$axis_s" -v b="${best_axis:-$axis_s}" 'BEGIN { print (a < b ? a : b) }')
    best_duck=$(awk -v a="$duck_s" -v b="${best_duck:-$duck_s}" 'BEGIN { print (a < b ? a : b) }')
  done
  rm -f "$BENCH_TMP/duckdb.duckdb" "$BENCH_TMP/duckdb.duckdb.wal"
  hwm=$(awk '/^VmHWM:/ { printf "%.0f", $2 / 1024 }' "/proc/$AXIS_PID/status")
  r=$(ratio "$best_axis" "$best_duck")
  bench_row "upload of a $INTAKE_COLUMNS-column x $INTAKE_ROWS-row CSV ($(size_mb "$bytes") MB), curl -F to POST /api/data/upload, best of $runs" \
    "$(printf '%.2f' "$best_axis") s" "$(printf '%.2f' "$best_duck") s (DuckDB read_csv into a table, best of $runs)" \
    "$r" "≤ $INTAKE_MAX_RATIO" "$(at_most "$r" "$INTAKE_MAX_RATIO")"
  bench_row "peak RSS (VmHWM) of axis-server over the $runs wide uploads" "$hwm MB" "-" "-" "-" "-"
}
