# shellcheck shell=bash
# Scenario posted: /api/analytics on a large posted body — a JSON array of POSTED_ROWS wide rows
# with POSTED_METRICS metrics, about 50 MB (bench/gen/posted_rows.mjs) — best of POSTED_RUNS:
# summary and distribution on the bare list, comparison on the {"data", "metrics"} form. With
# BENCH_BASE_BIN (an axis-server built from an earlier commit, such as 2dd35e1, whose posted
# rows were computed by C++ loops) both servers answer the same requests in turns and each row
# is the ratio axis / base; target: not slower (<= 1). Also the peak RSS of each server.
# Env: POSTED_ROWS, POSTED_METRICS, POSTED_RUNS, BENCH_BASE_BIN.

POSTED_ROWS=${POSTED_ROWS:-200000}
POSTED_METRICS=${POSTED_METRICS:-5}
POSTED_RUNS=${POSTED_RUNS:-5}
POSTED_MAX_RATIO=1

# post_json_s <url> <body file> <reply file>: one POST; prints the seconds it took. Fails on any
# answer but 200.
post_json_s() {
  local code secs
  read -r code secs <<<"$(curl -sS -o "$3" -w '%{http_code} %{time_total}' \
    -H 'content-type: application/json' --data-binary "@$2" "$1")"
  if [ "$code" != 200 ]; then
    bench_log "$1 answered $code: $(head -c 300 "$3")"
    return 1
  fi
  echo "$secs"
}

min_of() { awk -v a="$1" -v b="${2:-$1}" 'BEGIN { print (a < b ? a : b) }'; }
hwm_mb() { awk '/^VmHWM:/ { printf "%.0f", $2 / 1024 }' "/proc/$1/status"; }

scenario_posted() {
  local rows=$BENCH_TMP/rows.json wrapped=$BENCH_TMP/wrapped.json bytes label
  local port base_port='' axis_pid base_pid='' run request route body side p secs r what
  local -A best=() port_of=()
  bench_log "generating $POSTED_ROWS rows x $POSTED_METRICS metrics"
  bytes=$(node "$BENCH_ROOT/bench/gen/posted_rows.mjs" --rows "$POSTED_ROWS" --metrics "$POSTED_METRICS" --out "$rows")
  { printf '{"data": '; cat "$rows"; printf ', "metrics": ["metric_1", "metric_2"]}'; } >"$wrapped"
  label="$(rows_label "$POSTED_ROWS") rows x $POSTED_METRICS metrics ($(size_mb "$bytes") MB)"
  export AXIS_MAX_JSON_BYTES=$((bytes + 1048576))
  port=$(free_port)
  start_axis "$port" --no-samples
  axis_pid=$AXIS_PID
  port_of[axis]=$port
  local sides=(axis)
  if [ -n "${BENCH_BASE_BIN:-}" ]; then
    base_port=$(free_port)
    AXIS_BIN=$BENCH_BASE_BIN AXIS_NAME=base start_axis "$base_port" --no-samples
    base_pid=$AXIS_PID
    port_of[base]=$base_port
    sides=(axis base)
  fi
  # route|body file|what the row says about the body
  local requests=("summary|$rows|the bare list" "distribution?metric=metric_1&bins=20|$rows|the bare list"
    "comparison?group_by=model|$wrapped|{\"data\", \"metrics\": 2}")
  for run in $(seq "$POSTED_RUNS"); do
    # Turns alternate which server goes first, so drift in the machine's load hits both.
    [ $((run % 2)) -eq 0 ] && [ ${#sides[@]} -eq 2 ] && sides=("${sides[1]}" "${sides[0]}")
    for request in "${requests[@]}"; do
      IFS='|' read -r route body _ <<<"$request"
      for side in "${sides[@]}"; do
        p=${port_of[$side]}
        secs=$(post_json_s "http://127.0.0.1:$p/api/analytics/$route" "$body" "$BENCH_OUT/reply-$side.json")
        best[$side/$route]=$(min_of "$secs" "${best[$side/$route]:-}")
      done
    done
  done
  for request in "${requests[@]}"; do
    IFS='|' read -r route body what <<<"$request"
    what="POST /api/analytics/${route%%\?*}, $label, $what, best of $POSTED_RUNS"
    if [ -n "$base_pid" ]; then
      r=$(ratio "${best[axis/$route]}" "${best[base/$route]}")
      bench_row "$what" "$(printf '%.2f' "${best[axis/$route]}") s" \
        "$(printf '%.2f' "${best[base/$route]}") s (BENCH_BASE_BIN: the C++ computation of posted rows)" \
        "$r" "≤ $POSTED_MAX_RATIO" "$(at_most "$r" "$POSTED_MAX_RATIO")"
    else
      bench_row "$what" "$(printf '%.2f' "${best[axis/$route]}") s" "-" "-" "-" "-"
    fi
  done
  bench_row "peak RSS (VmHWM) of axis-server over those requests" "$(hwm_mb "$axis_pid") MB" \
    "$([ -n "$base_pid" ] && echo "$(hwm_mb "$base_pid") MB (base)" || echo -)" "-" "-" "-"
}
