# shellcheck shell=bash
# Sourced by scripts/image-test.sh: what is checked in the server, custom and web images.

# --- the server image --------------------------------------------------------------------------
# data/examples/caliber_hq.csv: an evaluation CSV (fresh_annotation) of 24 rows, counted with
# Python's csv module (quoted cells hold commas).
upload_csv="$root/data/examples/caliber_hq.csv"
upload_rows=24
upload_name=image-test-upload.csv

server_data=""
server_port=""
start_server() { # log-prefix -> server_pid; waits for /health
  jail_start "$1" "$img_root" "$img_user" "$img_workdir" -b "$server_data:${img_volumes[0]}" -- \
    "${img_env[@]}" "PORT=$server_port" "${img_argv[@]}"
  server_pid=$jail_pid
  wait_http "http://127.0.0.1:$server_port/health" 120 "$server_pid" \
    || { cat "$1.err" >&2; fail "the server did not answer /health (log above)"; }
}
run_healthcheck() {
  jail_run "$work/healthcheck" "$img_root" "$img_user" "$img_workdir" -b "$server_data:${img_volumes[0]}" -- \
    "${img_env[@]}" "PORT=$server_port" "${img_health[@]}"
}
healthy() {
  curl -fsS "http://127.0.0.1:$server_port/health" | jq -e \
    '.status == "healthy" and .components.store == "up" and .store.open and .store.writable' >/dev/null
}
serves_built_ui() {
  local web_dir url="http://127.0.0.1:$server_port" asset
  web_dir=$(env_value AXIS_WEB_DIR)
  # A browser asks for HTML; without it GET / is the API's status reply.
  curl -fsS -H "Accept: text/html" "$url/" -o "$work/index.html" || return 1
  cmp -s "$work/index.html" "$img_root$web_dir/index.html" || return 1
  grep -q '<div id="root">' "$work/index.html" || return 1
  asset=$(grep -o '/assets/[A-Za-z0-9._-]*\.js' "$work/index.html" | head -n 1)
  [ -n "$asset" ] || return 1
  curl -fsS -D "$work/asset.headers" "$url$asset" -o "$work/asset.js" || return 1
  cmp -s "$work/asset.js" "$img_root$web_dir$asset" \
    && grep -qi '^content-type: .*javascript' "$work/asset.headers"
}
upload_rows_of() { # -> row count of the uploaded dataset in /api/datasets
  curl -fsS "http://127.0.0.1:$server_port/api/datasets" \
    | jq -r --arg n "$upload_name" '[.datasets[] | select(.name == $n)] | if length == 1 then .[0].row_count else "missing" end'
}
uploads() {
  curl -fsS -F "file=@$upload_csv;filename=$upload_name" \
    "http://127.0.0.1:$server_port/api/data/upload" > "$work/upload.json" \
    && [ "$(upload_rows_of)" = "$upload_rows" ]
}
read_only_root_held() { # the server wrote its store in the volume and nothing failed on the root
  [ -f "$server_data/local_store.duckdb" ] \
    && [ "$(stat -c %u "$server_data/local_store.duckdb")" = "${img_user%%:*}" ] \
    && ! grep -qi 'read-only file system' "$work/server-1.err" "$work/server-2.err"
}

check_server_image() {
  load_image "$server_image"
  check "server image runs as uid 1000 with a volume at /app/data" \
    test "$img_user:${img_volumes[*]}" = "1000:1000:/app/data"
  server_data="$work/server-data"
  mkdir -p "$server_data" && chown "$img_user" "$server_data"
  server_port=$(free_port)
  log "server: ${img_argv[*]} on port $server_port, root read-only, volume $server_data"
  start_server "$work/server-1"
  check "server: /health is healthy, store up and writable" healthy
  check "server: HEALTHCHECK (${img_health[*]}) exits 0 while the server is up" run_healthcheck
  check "server: GET / is the built index.html and its script asset loads" serves_built_ui
  check "server: a $upload_rows-row CSV upload is listed with $upload_rows rows" uploads
  check "server: SIGTERM stops it with exit 0" stop_pid "$server_pid" TERM
  check "server: HEALTHCHECK exits non-zero while the server is down" \
    fails run_healthcheck
  start_server "$work/server-2"
  check "server: after a restart on the same volume the upload still has $upload_rows rows" \
    test "$(upload_rows_of)" = "$upload_rows"
  check "server: store in the volume, owned by uid 1000; nothing written to the read-only root" \
    read_only_root_held
  stop_pid "$server_pid" TERM || fail "server: second stop did not exit 0"
}

# --- the custom image (custom/ baked in) -------------------------------------------------------
agents_listed() {
  curl -fsS "http://127.0.0.1:$server_port/api/config/agents" | jq -e \
    '[.agents[] | {name: .name, label: .label, role: .role}] == [{name: "image_test_agent", label: "Image Test Agent", role: "Baked into the image"}]' \
    >/dev/null
}
check_custom_image() {
  local dir="$work/custom"
  mkdir -p "$dir/config" "$dir/branding"
  cat > "$dir/config/agents.yaml" <<'YAML'
agents:
  - name: image_test_agent
    label: Image Test Agent
    role: Baked into the image
    description: Written by the image test to check that custom/ is read from the image.
YAML
  echo 'NOT_FOR_THE_IMAGE=1' > "$dir/.env"
  build_image "$root/deploy/docker/custom.Dockerfile" "$root/deploy/docker/custom.Dockerfile.dockerignore" \
    "$dir" "$custom_image" custom --build-arg "BASE_IMAGE=$server_image"
  load_image "$custom_image"
  local custom_dir
  custom_dir=$(env_value AXIS_CUSTOM_DIR)
  check "custom: agents.yaml baked at \$AXIS_CUSTOM_DIR/config ($custom_dir/config)" \
    cmp -s "$dir/config/agents.yaml" "$img_root$custom_dir/config/agents.yaml"
  check "custom: the context's .env was left out of the image" test ! -e "$img_root$custom_dir/.env"
  server_data="$work/custom-data"
  mkdir -p "$server_data" && chown "$img_user" "$server_data"
  server_port=$(free_port)
  start_server "$work/custom-1"
  check "custom: GET /api/config/agents lists exactly the baked agent" agents_listed
  stop_pid "$server_pid" TERM || fail "custom: stop did not exit 0"
}

# --- the web image -----------------------------------------------------------------------------
web_url=http://127.0.0.1:3500
nginx_serves_ui() {
  curl -fsS -D "$work/web-index.headers" "$web_url/" -o "$work/web-index.html" \
    && cmp -s "$work/web-index.html" "$img_root/usr/share/nginx/html/index.html" \
    && grep -qi '^cache-control: no-cache' "$work/web-index.headers" \
    && grep -qi '^x-frame-options: DENY' "$work/web-index.headers" || return 1
  local asset
  asset=$(grep -o '/assets/[A-Za-z0-9._-]*\.js' "$work/web-index.html" | head -n 1)
  curl -fsS -H 'Accept-Encoding: gzip' -D "$work/web-asset.headers" "$web_url$asset" -o /dev/null \
    && grep -qi '^cache-control: public, max-age=31536000, immutable' "$work/web-asset.headers" \
    && grep -qi '^content-encoding: gzip' "$work/web-asset.headers" || return 1
  # A deep link is the app (the browser routes it); a missing asset is a 404, not the app.
  curl -fsS "$web_url/monitoring?source_name=atlas" | cmp -s - "$work/web-index.html" \
    && [ "$(curl -s -o /dev/null -w '%{http_code}' "$web_url/assets/missing.js")" = 404 ]
}
check_web_image() {
  load_image "$web_image"
  local tmpfs=(-t /tmp -t /var/cache/nginx)
  check "web: runs as 101:101" test "$img_user" = 101:101
  check "web: the built UI is in /usr/share/nginx/html" \
    grep -q '<div id="root">' "$img_root/usr/share/nginx/html/index.html"
  check "web: nginx -t accepts the image's configuration" \
    jail_run "$work/nginx-t" "$img_root" "$img_user" "$img_workdir" "${tmpfs[@]}" -- "${img_env[@]}" \
    nginx -t
  if curl -s -o /dev/null --max-time 2 "$web_url/"; then
    note "web: port 3500 is taken here; nginx was checked with nginx -t only"
    return 0
  fi
  # As compose.prod.yaml runs it: read-only root, tmpfs /tmp and /var/cache/nginx.
  jail_start "$work/web" "$img_root" "$img_user" "$img_workdir" "${tmpfs[@]}" -- \
    "${img_env[@]}" "${img_argv[@]}"
  local nginx_pid=$jail_pid
  wait_http "$web_url/" 30 "$nginx_pid" || { cat "$work/web.err" >&2; fail "web: nginx did not answer"; }
  check "web: GET / is the built index.html, assets cached a year and gzipped, SPA fallback" nginx_serves_ui
  local health=(jail_run "$work/web-healthcheck" "$img_root" "$img_user" "$img_workdir" "${tmpfs[@]}" -- "${img_env[@]}" "${img_health[@]}")
  check "web: HEALTHCHECK (${img_health[*]}) exits 0 while nginx is up" "${health[@]}"
  check "web: SIGQUIT stops nginx with exit 0" stop_pid "$nginx_pid" QUIT
  check "web: HEALTHCHECK exits non-zero while nginx is down" fails "${health[@]}"
}

