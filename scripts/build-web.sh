#!/usr/bin/env bash
# Builds the web UI into web/dist. Installs node modules from the lockfile when they changed.
set -euo pipefail
cd "$(dirname "$0")/../web"
stamp=node_modules/.axis-lock-stamp
if [ ! -f "$stamp" ] || ! cmp -s package-lock.json "$stamp"; then
  npm ci --no-audit --no-fund --loglevel=error
  cp package-lock.json "$stamp"
fi
npm run --silent build
