# shellcheck shell=bash
# Helpers for benchmark scenarios; sourced by bench/run.sh.
# Each scenario runs in its own subshell with BENCH_TMP (removed afterwards), BENCH_OUT (kept:
# logs and raw wrk output under bench/out/<scenario>/) and records rows with bench_row.
# Shared settings: AXIS_BIN, BENCH_THREADS, BENCH_CONNECTIONS, BENCH_DURATION, BENCH_WARMUP.

bench_pids=()

# Stops every process the scenario started (by pid) and removes its temp dir.
bench_cleanup() {
  local pid
  for pid in "${bench_pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${bench_pids[@]}"; do
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
  bench_pids=()
  [ -z "${BENCH_TMP:-}" ] || rm -rf "$BENCH_TMP"
}

bench_log() { echo "[$BENCH_SCENARIO] $*" >&2; }

free_port() { "$BENCH_ROOT/scripts/free-port.sh"; }

# bench_row <metric> <axis> <limit> <ratio> <target> <pass>: one line of the results table.
bench_row() {
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$BENCH_SCENARIO" "$@" >>"$BENCH_ROWS"
}

# ratio <a> <b>: a / b with two decimals.
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }'; }

# at_least <value> <min> / at_most <value> <max>: prints yes or no.
at_least() { awk -v v="$1" -v t="$2" 'BEGIN { print (v >= t ? "yes" : "no") }'; }
at_most() { awk -v v="$1" -v t="$2" 'BEGIN { print (v <= t ? "yes" : "no") }'; }

# shellcheck source=../scripts/wait-http.sh
. "$BENCH_ROOT/scripts/wait-http.sh"

# start_axis <port> [args...]: starts axis-server on 127.0.0.1:<port> with a temp data dir,
# 2 I/O threads and no access log; sets AXIS_PID and waits for /health.
start_axis() {
  local port=$1
  shift
  mkdir -p "$BENCH_TMP/axis-data"
  AXIS_ACCESS_LOG=false "${AXIS_BIN:?}" serve --host 127.0.0.1 --port "$port" \
    --data-dir "$BENCH_TMP/axis-data" --workers 2 --access-log=false --log-level warn "$@" \
    >"$BENCH_OUT/axis-server.log" 2>&1 &
  AXIS_PID=$!
  bench_pids+=("$AXIS_PID")
  wait_http "http://127.0.0.1:$port/health" 60 "$AXIS_PID" || {
    tail -n 20 "$BENCH_OUT/axis-server.log" >&2
    bench_log "axis-server did not become healthy"
    return 1
  }
}

# start_nginx_static <port> <docroot>: nginx (2 workers, no access log) serving <docroot> as
# application/json on 127.0.0.1:<port>; every path stays inside BENCH_TMP. Sets NGINX_PID.
start_nginx_static() {
  local port=$1 docroot=$2 dir=$BENCH_TMP/nginx
  mkdir -p "$dir/tmp"
  # As root, nginx workers run as nobody: they must be able to read the docroot.
  chmod 755 "$BENCH_TMP" "$docroot"
  cat >"$dir/nginx.conf" <<CONF
worker_processes 2;
daemon off;
pid $dir/nginx.pid;
error_log $dir/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  default_type application/json;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 1000000;
  open_file_cache max=64;
  client_body_temp_path $dir/tmp/body;
  proxy_temp_path $dir/tmp/proxy;
  fastcgi_temp_path $dir/tmp/fastcgi;
  uwsgi_temp_path $dir/tmp/uwsgi;
  scgi_temp_path $dir/tmp/scgi;
  server {
    listen 127.0.0.1:$port;
    root $docroot;
  }
}
CONF
  nginx -p "$dir" -c "$dir/nginx.conf" -e "$dir/error.log" >"$BENCH_OUT/nginx.log" 2>&1 &
  NGINX_PID=$!
  bench_pids+=("$NGINX_PID")
}

# rss_mb <pid>: resident set size in MB (VmRSS).
rss_mb() { awk '/^VmRSS:/ { printf "%.1f", $2 / 1024 }' "/proc/$1/status"; }

# run_wrk <name> <url>: a warm-up, then the measured run. Prints "<requests/s> <p99 ms> <errors>"
# (errors = socket errors + non-2xx/3xx responses); raw output goes to BENCH_OUT/wrk-<name>.txt.
run_wrk() {
  local name=$1 url=$2 out=$BENCH_OUT/wrk-$1.txt
  wrk -t"$BENCH_THREADS" -c"$BENCH_CONNECTIONS" -d"$BENCH_WARMUP" "$url" >/dev/null
  wrk -t"$BENCH_THREADS" -c"$BENCH_CONNECTIONS" -d"$BENCH_DURATION" --latency "$url" >"$out"
  bench_log "$name: $(grep -E 'Requests/sec|^ +99%' "$out" | tr -s ' ' | tr '\n' ' ')"
  awk '
    function ms(v) {
      if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0
      if (v ~ /m$/) return v * 60000; if (v ~ /s$/) return v * 1000; return v
    }
    /Requests\/sec:/ { rps = $2 }
    $1 == "99%" { p99 = ms($2) }
    /Socket errors:/ { gsub(",", ""); errors += $4 + $6 + $8 + $10 }
    /Non-2xx or 3xx responses:/ { errors += $5 }
    END { if (rps == "") exit 1; printf "%.0f %.3f %d\n", rps, p99, errors }
  ' "$out"
}
