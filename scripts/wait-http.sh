# shellcheck shell=bash
# Sourced by scripts/run-tests.sh and bench/lib.sh.
# wait_http <url> <seconds> <pid>: true once the URL answers 2xx; false as soon as the process
# <pid> exits or when time runs out.
wait_http() {
  local deadline=$((SECONDS + $2))
  while [ "$SECONDS" -lt "$deadline" ]; do
    kill -0 "$3" 2>/dev/null || return 1
    curl -fsS -o /dev/null --max-time 2 "$1" 2>/dev/null && return 0
    sleep 0.1
  done
  return 1
}
