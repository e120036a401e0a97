# shellcheck shell=bash
# Scenario web: the web UI's budgets, measured in headless Chromium (bench/web_bench.mjs and
# tests/e2e/lib/speed.mjs) on the built bundle (web/dist, built by scripts/build-web.sh when it
# has no Vite manifest) served by axis-server:
#   - initial JavaScript: the gzipped entry chunk plus its static imports, ≤ 300 kB;
#   - each page's first meaningful content (its ready data-testid, tests/e2e/lib/gates.mjs) on a
#     cold cache, median of WEB_RUNS loads, ≤ 1.0 s from navigation start;
#   - the deepest API request chain over the pages (a request starting only after another
#     ended), ≤ 2;
#   - the Scorecard page of a WEB_SCORECARD_ROWS-row (10M) tree-format dataset
#     (bench/gen/tree_data.mjs) interactive, i.e. its table shown, ≤ 1.5 s (0 rows skips it).
# Per-page figures: bench/out/web/web-speed.json and scorecard.json.

WEB_RUNS=${WEB_RUNS:-3}
WEB_SCORECARD_ROWS=${WEB_SCORECARD_ROWS:-10000000}
WEB_MAX_INITIAL_KB=300
WEB_MAX_READY_MS=1000
WEB_MAX_DEPTH=2
WEB_MAX_SCORECARD_MS=1500

scenario_web() {
  local dist=$BENCH_ROOT/web/dist
  [ -f "$dist/.vite/manifest.json" ] || "$BENCH_ROOT/scripts/build-web.sh" >"$BENCH_OUT/build-web.log" 2>&1
  export AXIS_WEB_DIR=$dist

  local bundle kb r
  bundle=$(node "$BENCH_ROOT/bench/web_bench.mjs" bundle "$dist")
  echo "$bundle" >"$BENCH_OUT/bundle.json"
  kb=$(node -e 'process.stdout.write(String(JSON.parse(process.argv[1]).gzip_kb))' "$bundle")
  r=$(ratio "$kb" "$WEB_MAX_INITIAL_KB")
  bench_row "initial JS: entry chunk + its static imports from the Vite manifest, gzipped (pages lazy per route)" \
    "$kb kB" "$WEB_MAX_INITIAL_KB kB" "$r" "≤ 1" "$(at_most "$kb" "$WEB_MAX_INITIAL_KB")"

  bench_log "measuring every page, $WEB_RUNS cold loads each"
  node "$BENCH_ROOT/bench/web_bench.mjs" pages "$BENCH_OUT/web-speed.json" "$WEB_RUNS" >/dev/null
  local page ms depth chain worst_depth=0 worst_page=''
  while IFS=$'\t' read -r page ms depth chain; do
    r=$(ratio "$ms" "$WEB_MAX_READY_MS")
    bench_row "$page: first meaningful content, cold cache, median of $WEB_RUNS" "$ms ms" \
      "$WEB_MAX_READY_MS ms" "$r" "≤ 1" "$(at_most "$ms" "$WEB_MAX_READY_MS")"
    if [ "$depth" -gt "$worst_depth" ]; then worst_depth=$depth; worst_page="$page ($chain)"; fi
  done < <(node -e '
    for (const p of JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")).pages)
      console.log([p.page, p.ready_ms ?? 1e9, p.api_depth, p.api_chain.join(" → ")].join("\t"));
  ' "$BENCH_OUT/web-speed.json")
  bench_row "deepest API request chain over the pages (worst: ${worst_page:-none})" "$worst_depth" \
    "$WEB_MAX_DEPTH" "$(ratio "$worst_depth" "$WEB_MAX_DEPTH")" "≤ 1" "$(at_most "$worst_depth" "$WEB_MAX_DEPTH")"

  [ "$WEB_SCORECARD_ROWS" -gt 0 ] || return 0
  local port label csv bytes id
  label=$(rows_label "$WEB_SCORECARD_ROWS")
  csv=$BENCH_TMP/tree-$label.csv
  export AXIS_MAX_UPLOAD_BYTES=$((64 * 1024 * 1024 * 1024))
  port=$(free_port)
  start_axis "$port"
  bench_log "generating and uploading $label tree-format rows"
  bytes=$(node "$BENCH_ROOT/bench/gen/tree_data.mjs" --rows "$WEB_SCORECARD_ROWS" --out "$csv")
  upload_csv "http://127.0.0.1:$port/api/data/upload" "$csv" "$BENCH_OUT/upload.json" >/dev/null
  rm -f "$csv"
  id=$(json_field dataset_id "$BENCH_OUT/upload.json")
  # The summaries are built in the background after the upload; the first API call waits for them.
  http_get_s summaries "http://127.0.0.1:$port/api/evaluation/scorecard?dataset_id=$id" >/dev/null
  node "$BENCH_ROOT/bench/web_bench.mjs" scorecard "http://127.0.0.1:$port" "$id" "$BENCH_OUT/scorecard.json" "$WEB_RUNS" >/dev/null
  ms=$(json_field ready_ms "$BENCH_OUT/scorecard.json")
  r=$(ratio "$ms" "$WEB_MAX_SCORECARD_MS")
  bench_row "Scorecard page of $label rows ($(size_mb "$bytes") MB tree CSV) interactive (table shown), cold cache, median of $WEB_RUNS" \
    "$ms ms" "$WEB_MAX_SCORECARD_MS ms" "$r" "≤ 1" "$(at_most "$ms" "$WEB_MAX_SCORECARD_MS")"
}
