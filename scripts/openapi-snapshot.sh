#!/usr/bin/env bash
# Writes the server's /openapi.json, pretty-printed with its keys in the order the server sends
# them (sorted), to web/src/api/openapi.json: the snapshot the web UI's reply types are generated
# from (npm run gen:api) and that tests/integration/openapi_snapshot.test.mjs compares with the
# running server. Run it after changing a route's documentation or a reply schema
# (src/api/schemas/), once the server is built.
#
#   scripts/openapi-snapshot.sh            uses build/axis-server (BUILD_DIR or AXIS_BIN override)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bin=${AXIS_BIN:-$root/${BUILD_DIR:-build}/axis-server}
out=$root/web/src/api/openapi.json
[ -x "$bin" ] || { echo "openapi-snapshot: $bin not found (make server)" >&2; exit 1; }

tmp=$(mktemp -d)
pid=
cleanup() {
  [ -z "$pid" ] || { kill -TERM "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; }
  rm -rf "$tmp"
}
trap cleanup EXIT

# shellcheck source=wait-http.sh
. "$root/scripts/wait-http.sh"
port=$("$root/scripts/free-port.sh")
mkdir -p "$tmp/data" "$tmp/custom" "$tmp/cwd"
# A bare environment, an empty data dir and custom dir, a working dir without .env: as the
# integration tests start it, so nothing local changes the document.
(cd "$tmp/cwd" && exec env -i PATH="$PATH" HOME="$tmp" AXIS_CUSTOM_DIR="$tmp/custom" \
  "$bin" serve --host 127.0.0.1 --port "$port" --data-dir "$tmp/data") >"$tmp/server.log" 2>&1 &
pid=$!
if ! wait_http "http://127.0.0.1:$port/health" 60 "$pid"; then
  echo "openapi-snapshot: the server did not start:" >&2
  tail -n 20 "$tmp/server.log" >&2
  exit 1
fi
mkdir -p "$(dirname "$out")"
curl -fsS "http://127.0.0.1:$port/openapi.json" |
  node -e 'let s = ""; process.stdin.on("data", (d) => (s += d)).on("end", () =>
    process.stdout.write(JSON.stringify(JSON.parse(s), null, 2) + "\n"));' >"$tmp/openapi.json"
mv "$tmp/openapi.json" "$out"
echo "openapi-snapshot: wrote ${out#"$root"/}"
