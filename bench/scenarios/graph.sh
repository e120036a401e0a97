# shellcheck shell=bash
# Scenario graph: the embedded knowledge graph at scale. Generates GRAPH_NODES (200k) nodes and
# GRAPH_EDGES (1M) edges as the two import CSVs (bench/gen/graph_data.mjs) and measures
#   - the import (curl -F nodes=@… edges=@… to POST /api/memory/graph/import) against DuckDB's
#     own read_csv of the same two files into tables (build/duckdb_load, times added);
#   - p50 of GRAPH_REQUESTS GETs of a depth-2 neighbourhood, a search and the summary.
# Targets: import <= 1.5x DuckDB; neighbourhood and search p50 <= 50 ms; summary p50 <= 100 ms.

GRAPH_NODES=${GRAPH_NODES:-200000}
GRAPH_EDGES=${GRAPH_EDGES:-1000000}
GRAPH_REQUESTS=${GRAPH_REQUESTS:-50}
GRAPH_IMPORT_MAX_RATIO=1.5

scenario_graph() {
  need_duckdb_helper
  local port nodes=$BENCH_TMP/nodes.csv edges=$BENCH_TMP/edges.csv bytes result code axis_s
  bench_log "generating $(rows_label "$GRAPH_NODES") nodes and $(rows_label "$GRAPH_EDGES") edges"
  bytes=$(node "$BENCH_ROOT/bench/gen/graph_data.mjs" --nodes "$GRAPH_NODES" --edges "$GRAPH_EDGES" \
    --out-nodes "$nodes" --out-edges "$edges")
  export AXIS_MAX_UPLOAD_BYTES=$((4 * 1024 * 1024 * 1024))
  port=$(free_port)
  start_axis "$port"
  bench_log "importing ($(size_mb "$bytes") MB of CSV)"
  result=$(curl -sS -o "$BENCH_OUT/import.json" -w '%{http_code} %{time_total}' \
    -F "nodes=@$nodes;type=text/csv" -F "edges=@$edges;type=text/csv" \
    "http://127.0.0.1:$port/api/memory/graph/import")
  read -r code axis_s <<<"$result"
  [ "$code" = 200 ] || { bench_log "import answered $code: $(head -c 300 "$BENCH_OUT/import.json")"; return 1; }
  bench_log "DuckDB read_csv of the same files"
  local duck_nodes duck_edges duck_s r
  duck_nodes=$("$DUCKDB_HELPER" load "$BENCH_TMP/n.duckdb" "$nodes")
  duck_edges=$("$DUCKDB_HELPER" load "$BENCH_TMP/e.duckdb" "$edges")
  duck_s=$(awk -v a="${duck_nodes%% *}" -v b="${duck_edges%% *}" 'BEGIN { printf "%.3f", a + b }')
  r=$(ratio "$axis_s" "$duck_s")
  bench_row "import $(rows_label "$GRAPH_NODES") nodes + $(rows_label "$GRAPH_EDGES") edges ($(size_mb "$bytes") MB CSV), curl -F to POST /api/memory/graph/import" \
    "$(printf '%.2f' "$axis_s") s" "$(printf '%.2f' "$duck_s") s (DuckDB read_csv of both files into tables)" \
    "$r" "≤ $GRAPH_IMPORT_MAX_RATIO" "$(at_most "$r" "$GRAPH_IMPORT_MAX_RATIO")"

  local base="http://127.0.0.1:$port/api/memory/graph" hood search summary
  bench_log "timing neighbourhood, search and summary"
  hood=$(http_p50 neighborhood "$base/neighborhood?node_id=Rule:rule_4242&depth=2" "$GRAPH_REQUESTS")
  search=$(http_p50 search "$base/search?q=rule%20424&limit=20" "$GRAPH_REQUESTS")
  summary=$(http_p50 summary "$base/summary" "$GRAPH_REQUESTS")
  graph_p50_row "GET /api/memory/graph/neighborhood?depth=2 (a Rule with ~20 edges)" "$hood" 50
  graph_p50_row "GET /api/memory/graph/search?q=rule 424" "$search" 50
  graph_p50_row "GET /api/memory/graph/summary" "$summary" 100
}

# graph_p50_row <endpoint> <p50 ms> <target ms>
graph_p50_row() {
  bench_row "p50 of $GRAPH_REQUESTS × $1, $(rows_label "$GRAPH_NODES") nodes / $(rows_label "$GRAPH_EDGES") edges" \
    "$2 ms" "$3 ms" "$(ratio "$2" "$3")" "≤ $3 ms" "$(at_most "$2" "$3")"
}
