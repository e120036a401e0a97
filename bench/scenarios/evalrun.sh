# shellcheck shell=bash
# Scenario evalrun: the eval runner (POST /api/eval-runner/run) end to end, driven by
# bench/evalrun_bench.mjs with the fake LLM (tests/integration/lib/fake_llm.mjs):
#   - EVALRUN_ROWS (100k) generated rows × the rule-based metrics exact_string_match,
#     contains_match, levenshtein_ratio and sentence_bleu: rows per second, and the server's peak
#     RSS over the run (target ≤ 600 MB);
#   - levenshtein_ratio alone on the same 100k pairs: axis-metric-bench (the server's own code)
#     against python3's difflib (tools/metric_bench.py), CPU seconds; target ≥ 20x faster;
#   - EVALRUN_JUDGED (1,000) items × 2 judged metrics, the fake answering each call in 50 ms,
#     max_concurrent 20: wall time against the ideal 2,000 × 50 ms / 20 (target ≤ 1.2x) and the
#     server's own time per call, p50 (target ≤ 2 ms).
# Raw figures: bench/out/evalrun/evalrun.json.

EVALRUN_ROWS=${EVALRUN_ROWS:-100000}
EVALRUN_JUDGED=${EVALRUN_JUDGED:-1000}
EVALRUN_MAX_RSS_MB=600
EVALRUN_MIN_SPEEDUP=20
EVALRUN_MAX_JUDGED_RATIO=1.2
EVALRUN_MAX_ADDED_MS=2

scenario_evalrun() {
  local axis_port llm_port results=$BENCH_OUT/evalrun.json pairs=$BENCH_TMP/pairs.json
  local cpp py speedup field
  axis_port=$(free_port)
  llm_port=$(free_port)
  export AXIS_MAX_JSON_BYTES=$((512 * 1048576))
  OPENAI_API_KEY=sk-bench OPENAI_API_BASE="http://127.0.0.1:$llm_port/v1" start_axis "$axis_port" --no-samples
  bench_log "running $EVALRUN_ROWS rule-based rows and $EVALRUN_JUDGED judged items"
  node "$BENCH_ROOT/bench/evalrun_bench.mjs" --axis-url "http://127.0.0.1:$axis_port" --llm-port "$llm_port" \
    --rows "$EVALRUN_ROWS" --judged-items "$EVALRUN_JUDGED" --out "$results" >"$BENCH_OUT/evalrun-bench.log" 2>&1 || {
    tail -n 20 "$BENCH_OUT/evalrun-bench.log" >&2
    return 1
  }
  field() { json_field "$1" "$results"; }
  bench_row "POST /api/eval-runner/run, $(rows_label "$EVALRUN_ROWS") rows × 4 rule-based metrics, rows per second" \
    "$(printf '%.0f' "$(field heuristic_rows_per_s)") rows/s ($(printf '%.1f' "$(field heuristic_seconds)") s)" "-" "-" "-" "-"
  local hwm
  hwm=$(awk '/^VmHWM:/ { printf "%.0f", $2 / 1024 }' "/proc/$AXIS_PID/status")
  bench_row "peak RSS (VmHWM) of axis-server over the runs" "$hwm MB" "$EVALRUN_MAX_RSS_MB MB" \
    "$(ratio "$hwm" "$EVALRUN_MAX_RSS_MB")" "≤ 1" "$(at_most "$hwm" "$EVALRUN_MAX_RSS_MB")"

  python3 "$BENCH_ROOT/tools/metric_bench.py" --generate "$EVALRUN_ROWS" "$pairs" 42 >/dev/null
  cpp=$("$BENCH_ROOT/build/axis-metric-bench" "$pairs" | awk '{ print $6 }')
  py=$(python3 "$BENCH_ROOT/tools/metric_bench.py" "$pairs" | awk '{ print $6 }')
  speedup=$(ratio "$py" "$cpp")
  bench_row "levenshtein_ratio over $(rows_label "$EVALRUN_ROWS") pairs (10–400 characters), CPU seconds: axis-metric-bench vs python3 difflib" \
    "$(printf '%.2f' "$cpp") s" "$(printf '%.2f' "$py") s (python3 difflib)" "$speedup× faster" \
    "≥ $EVALRUN_MIN_SPEEDUP×" "$(at_least "$speedup" "$EVALRUN_MIN_SPEEDUP")"

  local judged ideal judged_ratio added
  judged=$(field judged_seconds)
  ideal=$(field judged_ideal_seconds)
  judged_ratio=$(ratio "$judged" "$ideal")
  bench_row "POST /api/eval-runner/run, $EVALRUN_JUDGED items × 2 judged metrics, fake judge 50 ms, max_concurrent 20: wall time" \
    "$(printf '%.2f' "$judged") s" "$(printf '%.2f' "$ideal") s (ideal: calls × 50 ms / 20)" "$judged_ratio" \
    "≤ $EVALRUN_MAX_JUDGED_RATIO" "$(at_most "$judged_ratio" "$EVALRUN_MAX_JUDGED_RATIO")"
  added=$(field added_ms_p50)
  bench_row "server time per judge call (a reply read → the worker's next request), p50" \
    "$(printf '%.2f' "$added") ms" "$EVALRUN_MAX_ADDED_MS ms" "$(ratio "$added" "$EVALRUN_MAX_ADDED_MS")" "≤ 1" \
    "$(at_most "$added" "$EVALRUN_MAX_ADDED_MS")"
}
