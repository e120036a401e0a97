#!/usr/bin/env bash
# Installs what AXIS needs to build, run and test on Debian 12, and fetches DuckDB 1.4.4.
# Idempotent: a second run installs nothing and downloads nothing.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

packages=(
  build-essential cmake ninja-build pkg-config ccache
  libboost1.81-dev nlohmann-json3-dev libyaml-cpp-dev libspdlog-dev libcli11-dev zlib1g-dev
  libpq-dev libcurl4-openssl-dev libssl-dev libhiredis-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  postgresql nginx caddy openssl wrk chromium
  nodejs npm curl ca-certificates
)
[ "${AXIS_SETUP_SKIP_APT:-0}" = 1 ] && packages=()

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
# node and npm may come from outside Debian (nodesource, nvm): keep them when they work.
if command -v node >/dev/null && command -v npm >/dev/null; then
  filtered=(); for p in "${missing[@]}"; do [[ $p == nodejs || $p == npm ]] || filtered+=("$p"); done
  missing=("${filtered[@]}")
fi
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  sudo_cmd=(); [ "$(id -u)" -ne 0 ] && sudo_cmd=(sudo)
  export DEBIAN_FRONTEND=noninteractive
  "${sudo_cmd[@]}" apt-get update -qq
  "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

"$root/scripts/fetch-duckdb.sh"
