# shellcheck shell=bash
# Scenario copilot: the AI copilot's stream (POST /api/ai/copilot/stream) against a fake LLM that
# speaks OpenAI's wire format (tests/integration/lib/fake_llm.mjs). bench/copilot_bench.mjs runs
# the fake and the clients in one node process, so both ends of a measurement share a clock:
#   - added latency: COPILOT_REQUESTS (50) sequential requests, each answered by the fake with 5
#     streamed chunks 20 ms apart; per request, the client's first `token` event minus the moment
#     the fake wrote its first chunk; p50 and p95;
#   - GET /health under wrk while COPILOT_STREAMS (200) copilot streams stay open (the fake
#     answers each with 40 chunks spread past the end of the wrk run), beside the same wrk run
#     before any stream; and whether every stream then ended with a `done` event.
# Targets: added latency p50 <= 5 ms; /health p99 < 50 ms with the streams open; every stream
# done, no errors. Raw figures: bench/out/copilot/copilot.json.

COPILOT_REQUESTS=${COPILOT_REQUESTS:-50}
COPILOT_STREAMS=${COPILOT_STREAMS:-200}
COPILOT_MAX_ADDED_MS=5
COPILOT_MAX_P99_MS=50

# copilot_seconds <wrk duration>: 10s, 2m or 500ms as whole seconds, rounded up.
copilot_seconds() {
  awk -v d="$1" 'BEGIN {
    n = d + 0; if (d ~ /ms$/) n /= 1000; else if (d ~ /m$/) n *= 60; else if (d ~ /h$/) n *= 3600
    printf "%d", (n == int(n) ? n : int(n) + 1)
  }'
}

# copilot_field <name>: a figure from copilot_bench.mjs's results.
copilot_field() { json_field "$1" "$BENCH_OUT/copilot.json"; }

# copilot_wait <file> <seconds>: waits until copilot_bench.mjs creates <file>; fails when it
# exits first or time runs out.
copilot_wait() {
  local deadline=$((SECONDS + $2))
  until [ -e "$1" ]; do
    if ! kill -0 "$COPILOT_PID" 2>/dev/null || [ "$SECONDS" -ge "$deadline" ]; then
      bench_log "no $(basename "$1") from copilot_bench.mjs; its log:"
      tail -n 20 "$BENCH_OUT/copilot-bench.log" >&2
      return 1
    fi
    sleep 0.1
  done
}

scenario_copilot() {
  local axis_port llm_port dir=$BENCH_TMP/copilot results=$BENCH_OUT/copilot.json hold_s
  local idle busy idle_p99 busy_rps busy_p99 busy_errors
  axis_port=$(free_port)
  llm_port=$(free_port)
  mkdir -p "$dir"
  # The slow streams must outlast the wrk warm-up and run, with room for opening them.
  hold_s=$(($(copilot_seconds "$BENCH_WARMUP") + $(copilot_seconds "$BENCH_DURATION") + 15))
  node "$BENCH_ROOT/bench/copilot_bench.mjs" --axis-url "http://127.0.0.1:$axis_port" \
    --llm-port "$llm_port" --dir "$dir" --out "$results" --requests "$COPILOT_REQUESTS" \
    --streams "$COPILOT_STREAMS" --hold-s "$hold_s" >"$BENCH_OUT/copilot-bench.log" 2>&1 &
  COPILOT_PID=$!
  bench_pids+=("$COPILOT_PID")
  copilot_wait "$dir/llm-ready" 30

  # Only the fake LLM: no other provider from the caller's environment.
  unset ANTHROPIC_API_KEY GATEWAY_API_KEY AI_TOOLKIT_URL
  export COPILOT_ENABLED=true OPENAI_API_KEY=bench-key
  OPENAI_API_BASE=$(cat "$dir/llm-ready")
  export OPENAI_API_BASE
  start_axis "$axis_port"

  idle=$(run_wrk health-idle "http://127.0.0.1:$axis_port/health")
  touch "$dir/go"
  copilot_wait "$dir/holding" 900
  busy=$(run_wrk health-streams "http://127.0.0.1:$axis_port/health")
  touch "$dir/wrk-done"
  wait "$COPILOT_PID"
  read -r _ idle_p99 _ <<<"$idle"
  read -r busy_rps busy_p99 busy_errors <<<"$busy"

  local p50 p95 errors pass open finished hold_errors load="wrk -t$BENCH_THREADS -c$BENCH_CONNECTIONS -d$BENCH_DURATION"
  p50=$(copilot_field latency_p50_ms)
  p95=$(copilot_field latency_p95_ms)
  errors=$(copilot_field latency_errors)
  if [ "$p50" = null ]; then
    pass="no (no request got a token: $(copilot_field latency_error_sample))"
  else
    pass=$(at_most "$p50" "$COPILOT_MAX_ADDED_MS")
    [ "$errors" -eq 0 ] || pass="no ($errors of $COPILOT_REQUESTS failed: $(copilot_field latency_error_sample))"
  fi
  bench_row "added latency p50: first \`token\` event at the client - first chunk written by the fake LLM, $COPILOT_REQUESTS sequential POST /api/ai/copilot/stream (5 chunks, 20 ms apart)" \
    "$p50 ms" "$COPILOT_MAX_ADDED_MS ms" "$(ratio "$p50" "$COPILOT_MAX_ADDED_MS")" "≤ $COPILOT_MAX_ADDED_MS ms" "$pass"
  bench_row "added latency p95, same requests" "$p95 ms" "-" "-" "-" "-"

  open=$(copilot_field hold_open_after_wrk)
  pass=$(awk -v v="$busy_p99" -v t="$COPILOT_MAX_P99_MS" 'BEGIN { print (v < t ? "yes" : "no") }')
  [ "$busy_errors" -eq 0 ] || pass="no ($busy_errors wrk errors)"
  [ "$open" -eq "$COPILOT_STREAMS" ] || pass="no (only $open of $COPILOT_STREAMS streams open throughout)"
  bench_row "p99 latency, GET /health, $load, while $COPILOT_STREAMS copilot streams stay open ($busy_rps requests/s)" \
    "$busy_p99 ms" "$COPILOT_MAX_P99_MS ms" "$(ratio "$busy_p99" "$COPILOT_MAX_P99_MS")" "< $COPILOT_MAX_P99_MS ms" "$pass"
  bench_row "p99 latency, same wrk run before any stream" "$idle_p99 ms" "-" "-" "-" "-"

  finished=$(copilot_field hold_done)
  hold_errors=$(copilot_field hold_errors)
  pass=yes
  if [ "$finished" -ne "$COPILOT_STREAMS" ] || [ "$hold_errors" -ne 0 ]; then
    pass="no ($hold_errors errors: $(copilot_field hold_error_sample))"
  fi
  bench_row "copilot streams that ended with a \`done\` event, of $COPILOT_STREAMS held open" \
    "$finished ($hold_errors errors)" "$COPILOT_STREAMS" "$(ratio "$finished" "$COPILOT_STREAMS")" "all, no errors" "$pass"
}
