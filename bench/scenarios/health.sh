# shellcheck shell=bash
# Scenario health: GET /health from axis-server against nginx serving a static file of the same
# size, plus axis-server's idle memory after start-up.
# Targets: requests/s at least half of nginx's; idle RSS at most 64 MB.

HEALTH_MIN_RATIO=0.5
HEALTH_MAX_RSS_MB=64

scenario_health() {
  local axis_port nginx_port rss body_bytes axis nginx
  local axis_rps axis_p99 axis_errors nginx_rps nginx_p99 nginx_errors
  axis_port=$(free_port)
  start_axis "$axis_port"
  sleep 3
  rss=$(rss_mb "$AXIS_PID")
  bench_log "idle RSS ${rss} MB"

  mkdir -p "$BENCH_TMP/www"
  curl -fsS "http://127.0.0.1:$axis_port/health" -o "$BENCH_TMP/www/health"
  chmod 644 "$BENCH_TMP/www/health"
  body_bytes=$(wc -c <"$BENCH_TMP/www/health")
  nginx_port=$(free_port)
  start_nginx_static "$nginx_port" "$BENCH_TMP/www"
  wait_http "http://127.0.0.1:$nginx_port/health" 20 "$NGINX_PID"
  [ "$(curl -fsS "http://127.0.0.1:$nginx_port/health" | wc -c)" -eq "$body_bytes" ]

  axis=$(run_wrk axis "http://127.0.0.1:$axis_port/health")
  nginx=$(run_wrk nginx "http://127.0.0.1:$nginx_port/health")
  read -r axis_rps axis_p99 axis_errors <<<"$axis"
  read -r nginx_rps nginx_p99 nginx_errors <<<"$nginx"

  local r pass load="wrk -t$BENCH_THREADS -c$BENCH_CONNECTIONS -d$BENCH_DURATION"
  r=$(ratio "$axis_rps" "$nginx_rps")
  pass=$(at_least "$r" "$HEALTH_MIN_RATIO")
  if [ "$axis_errors" -gt 0 ] || [ "$nginx_errors" -gt 0 ]; then
    pass="no ($axis_errors axis / $nginx_errors nginx errors)"
  fi
  bench_row "requests/s, GET /health ($body_bytes B), $load" "$axis_rps" "$nginx_rps (nginx static file)" \
    "$r" "≥ $HEALTH_MIN_RATIO" "$pass"
  bench_row "p99 latency, same run" "$axis_p99 ms" "$nginx_p99 ms (nginx)" \
    "$(ratio "$axis_p99" "$nginx_p99")" "-" "-"
  bench_row "idle RSS, 3 s after start-up" "$rss MB" "$HEALTH_MAX_RSS_MB MB" \
    "$(ratio "$rss" "$HEALTH_MAX_RSS_MB")" "≤ 1" "$(at_most "$rss" "$HEALTH_MAX_RSS_MB")"
}
