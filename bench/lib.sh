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
  # A PostgreSQL cluster the scenario started (scripts/pg-cluster.sh) is stopped and removed.
  [ -z "${BENCH_PG_DIR:-}" ] || "$BENCH_ROOT/scripts/pg-cluster.sh" stop "$BENCH_PG_DIR" >/dev/null 2>&1 || true
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

# start_axis <port> [args...]: starts $AXIS_BIN on 127.0.0.1:<port> with a temp data dir,
# 2 I/O threads and no access log; sets AXIS_PID and waits for /health. AXIS_NAME (default
# axis) names the data dir and log, so a scenario can run a second server beside the first.
start_axis() {
  local port=$1 name=${AXIS_NAME:-axis}
  local data=$BENCH_TMP/$name-data log=$BENCH_OUT/${AXIS_NAME:-axis-server}.log
  shift
  mkdir -p "$data"
  AXIS_ACCESS_LOG=false "${AXIS_BIN:?}" serve --host 127.0.0.1 --port "$port" \
    --data-dir "$data" --workers 2 --access-log=false --log-level warn "$@" \
    >"$log" 2>&1 &
  AXIS_PID=$!
  bench_pids+=("$AXIS_PID")
  wait_http "http://127.0.0.1:$port/health" 60 "$AXIS_PID" || {
    tail -n 20 "$log" >&2
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

# rows_label <n>: "10M" / "1M" / "250k" for row counts in table labels.
rows_label() {
  awk -v n="$1" 'BEGIN { if (n >= 1e6) printf "%gM", n / 1e6; else if (n >= 1e3) printf "%gk", n / 1e3; else print n }'
}

size_mb() { awk -v b="$1" 'BEGIN { printf "%.0f", b / 1048576 }'; }

# json_field <name> <file>: a top-level text field of a JSON file.
json_field() {
  node -e 'process.stdout.write(String(JSON.parse(require("fs").readFileSync(process.argv[2], "utf8"))[process.argv[1]]))' "$1" "$2"
}

# upload_csv <url> <csv> <reply-file>: POSTs the file as multipart field "file"; prints the
# seconds curl took. Fails on any answer but 200.
upload_csv() {
  local result code secs
  result=$(curl -sS -o "$3" -w '%{http_code} %{time_total}' -F "file=@$2;type=text/csv" "$1")
  read -r code secs <<<"$result"
  if [ "$code" != 200 ]; then
    bench_log "upload of $(basename "$2") answered $code: $(head -c 300 "$3")"
    return 1
  fi
  echo "$secs"
}

# median_ms <file of seconds>: the median, in ms with one decimal.
median_ms() {
  sort -n "$1" | awk '{ v[NR] = $1 } END { m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; printf "%.1f", m * 1000 }'
}

# http_get_s <name> <url>: one GET; prints the seconds it took. Fails on any answer but 200
# (the reply is kept in BENCH_OUT/reply-<name>.json).
http_get_s() {
  local code secs
  read -r code secs <<<"$(curl -sS -o "$BENCH_OUT/reply-$1.json" -w '%{http_code} %{time_total}' "$2")"
  if [ "$code" != 200 ]; then
    bench_log "$1 answered $code: $(head -c 300 "$BENCH_OUT/reply-$1.json")"
    return 1
  fi
  echo "$secs"
}

# http_p50 <name> <url> <n>: one warm-up GET, then n GETs; prints the median time in ms.
http_p50() {
  local times=$BENCH_OUT/times-$1.txt i
  http_get_s "$1" "$2" >/dev/null
  : >"$times"
  for i in $(seq "$3"); do http_get_s "$1" "$2" >>"$times"; done
  median_ms "$times"
}

# need_duckdb_helper: sets DUCKDB_HELPER to build/duckdb_load (bench/duckdb_load.cpp).
need_duckdb_helper() {
  DUCKDB_HELPER=$(dirname "$AXIS_BIN")/duckdb_load
  [ -x "$DUCKDB_HELPER" ] || { bench_log "$DUCKDB_HELPER is not built (make build)"; return 1; }
}

# sql_ms <db> <n> <sql>: median of n runs of <sql> on a DuckDB file (after a warm-up), in ms.
sql_ms() {
  local out
  out=$("$DUCKDB_HELPER" query "$1" "$2" "$3") || return 1
  awk -v s="${out%% *}" 'BEGIN { printf "%.1f", s * 1000 }'
}

# stop_axis_and_copy_store <copy.duckdb>: stops axis-server (so it lets go of its store file)
# and copies the store, for the bare SQL the endpoints are measured against.
stop_axis_and_copy_store() {
  kill -TERM "$AXIS_PID"
  wait "$AXIS_PID" || true
  cp "$BENCH_TMP/axis-data/local_store.duckdb" "$1"
  [ ! -f "$BENCH_TMP/axis-data/local_store.duckdb.wal" ] ||
    cp "$BENCH_TMP/axis-data/local_store.duckdb.wal" "$1.wal"
}

# dataset_table <db> <dataset id>: the dataset's table name, quoted for SQL.
dataset_table() {
  local t
  t=$("$DUCKDB_HELPER" query "$1" 1 "SELECT table_name FROM _datasets WHERE id = '$2'")
  echo "\"${t##* }\""
}
