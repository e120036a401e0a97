#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for tests, kept entirely inside one folder.
#
#   scripts/pg-cluster.sh start <dir>    create and start it (no-op when already running)
#   scripts/pg-cluster.sh stop <dir>     stop it and remove it (no-op when absent)
#   scripts/pg-cluster.sh status <dir>   exit 0 when it is running
#
# start writes <dir>/env (KEY=value lines, shell-sourceable): PGHOST PGPORT PGUSER PGPASSWORD
# PGDATABASE DATABASE_URL for the role `axis`, which owns database `axis_test` and must log in
# over 127.0.0.1 with its SCRAM password; and PG_ADMIN_URL for the superuser `postgres`, which
# is trusted on the unix socket in <dir>/run only.
# As root the server runs as the `postgres` system user (PostgreSQL refuses to run as root).
set -euo pipefail

readonly TEST_USER=axis TEST_PASSWORD=axis-test-pw TEST_DATABASE=axis_test
here=$(cd "$(dirname "$0")" && pwd)

die() { echo "pg-cluster: $*" >&2; exit 1; }

bindir() {
  if [ -n "${PG_BINDIR:-}" ]; then echo "$PG_BINDIR"; return; fi
  local found
  found=$(find /usr/lib/postgresql -maxdepth 2 -name bin -type d 2>/dev/null | sort -V | tail -n 1)
  if [ -n "$found" ] && [ -x "$found/initdb" ]; then echo "$found"; return; fi
  found=$(command -v initdb) || die "initdb not found (install postgresql or set PG_BINDIR)"
  dirname "$found"
}

# Runs a command as the user that owns the cluster, from a folder that user can read.
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    (cd "$dir" && runuser -u postgres -- "$@")
  else
    (cd "$dir" && "$@")
  fi
}

running() { [ -f "$dir/data/PG_VERSION" ] && as_owner "$bin/pg_ctl" -D "$dir/data" status >/dev/null 2>&1; }

write_conf() {
  cat >>"$dir/data/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
unix_socket_directories = '$dir/run'
fsync = off
synchronous_commit = off
full_page_writes = off
wal_level = minimal
max_wal_senders = 0
shared_buffers = 32MB
password_encryption = scram-sha-256
log_min_messages = warning
CONF
  cat >"$dir/data/pg_hba.conf" <<HBA
local all all                 trust
host  all all 127.0.0.1/32    scram-sha-256
host  all all ::1/128         scram-sha-256
HBA
}

start_on_free_port() {
  local attempt
  for attempt in 1 2 3 4 5; do
    port=$("$here/free-port.sh")
    if as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/run/postgres.log" -o "-p $port" -w -t 30 \
      start >/dev/null; then
      return 0
    fi
    echo "pg-cluster: start on port $port failed (attempt $attempt)" >&2
  done
  tail -n 20 "$dir/run/postgres.log" >&2 || true
  die "could not start PostgreSQL"
}

create_test_role() {
  "$bin/psql" -X -q -v ON_ERROR_STOP=1 -h "$dir/run" -p "$port" -U postgres -d postgres <<SQL
CREATE ROLE $TEST_USER LOGIN CREATEDB CREATEROLE PASSWORD '$TEST_PASSWORD';
CREATE DATABASE $TEST_DATABASE OWNER $TEST_USER;
SQL
}

write_env() {
  local socket_dir=$dir/run
  cat >"$dir/env.tmp" <<ENV
PGHOST=127.0.0.1
PGPORT=$port
PGUSER=$TEST_USER
PGPASSWORD=$TEST_PASSWORD
PGDATABASE=$TEST_DATABASE
DATABASE_URL=postgresql://$TEST_USER:$TEST_PASSWORD@127.0.0.1:$port/$TEST_DATABASE
PG_ADMIN_URL=postgresql://postgres@${socket_dir//\//%2F}:$port/postgres
ENV
  mv "$dir/env.tmp" "$dir/env"
}

start() {
  if running; then
    [ -f "$dir/env" ] || die "$dir is running but has no env file"
    echo "pg-cluster: already running ($dir)"
    return 0
  fi
  rm -rf "$dir/data" "$dir/run" "$dir/env"
  mkdir -m 700 "$dir/data"
  mkdir -m 755 "$dir/run"
  if [ "$(id -u)" -eq 0 ]; then
    id postgres >/dev/null 2>&1 || die "no postgres system user (install postgresql)"
    chmod 755 "$dir"
    chown postgres: "$dir/data" "$dir/run"
    runuser -u postgres -- test -x "$dir" || die "user postgres cannot reach $dir: every parent folder needs o+x"
  fi
  as_owner "$bin/initdb" -D "$dir/data" -U postgres --auth=trust --no-sync --no-instructions \
    --encoding=UTF8 --locale=C >"$dir/run/initdb.log" 2>&1 || {
    cat "$dir/run/initdb.log" >&2
    die "initdb failed"
  }
  write_conf
  start_on_free_port
  create_test_role
  write_env
  echo "pg-cluster: running on 127.0.0.1:$port ($dir)"
}

stop() {
  [ -d "$dir" ] || return 0
  if [ -f "$dir/data/postmaster.pid" ]; then
    local pid
    pid=$(head -n 1 "$dir/data/postmaster.pid")
    as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate -w -t 20 stop >/dev/null 2>&1 ||
      kill -KILL "$pid" 2>/dev/null || true
  fi
  rm -rf "$dir/data" "$dir/run" "$dir/env" "$dir/env.tmp"
  rmdir "$dir" 2>/dev/null || true
}

[ $# -eq 2 ] || die "usage: $0 start|stop|status <dir>"
cmd=$1
dir=$2
[[ $dir =~ ^[A-Za-z0-9_./-]+$ ]] || die "dir must be a plain path (letters, digits, _ . / -)"
if [ "$cmd" = start ]; then mkdir -p "$dir"; fi
if [ -d "$dir" ]; then dir=$(cd "$dir" && pwd); fi
# A unix socket path is limited to 107 bytes: <dir>/run/.s.PGSQL.NNNNN must fit.
[ ${#dir} -le 80 ] || die "dir path is too long for a unix socket: $dir"
bin=$(bindir)
port=

case $cmd in
  start) start ;;
  stop) stop ;;
  status) [ -d "$dir" ] && running ;;
  *) die "unknown command $cmd (start|stop|status)" ;;
esac
