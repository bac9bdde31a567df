#!/usr/bin/env bash
# `make services`: PostgreSQL 15 on 127.0.0.1:5432 and Redis on 127.0.0.1:6379, for the
# PostgreSQL test pass, the benchmark and the soak. Installs Debian's packages when missing,
# starts what is not running, uses as it is a server already listening on the port, and says
# nothing when everything is already up. `scripts/services.sh stop` stops what it started;
# `scripts/services.sh install` only installs the programs (the server tier of `make test`
# starts clusters of its own with them).
#
# Data and logs live in ESS_SERVICES_DIR, never in the checkout (default: /var/lib/ess-site
# for root, ~/.local/state/ess-site otherwise). The PostgreSQL cluster trusts local
# connections (user postgres, no password) and runs with fsync off: it holds test and bench
# data only, never anything that must survive a crash.
set -euo pipefail

checkout=$(cd "$(dirname "$0")/.." && pwd)
if [ "$(id -u)" = 0 ]; then
  default_dir=/var/lib/ess-site
else
  default_dir="${XDG_STATE_HOME:-$HOME/.local/state}/ess-site"
fi
STATE_DIR=${ESS_SERVICES_DIR:-$default_dir}
PG_VERSION=15
PG_BIN=/usr/lib/postgresql/$PG_VERSION/bin
PG_PORT=5432
REDIS_PORT=6379

fail() { echo "make services: $*" >&2; exit 1; }

case "$(realpath -m "$STATE_DIR")/" in
  "$checkout"/*) fail "ESS_SERVICES_DIR ($STATE_DIR) is inside the checkout; name a folder outside it" ;;
esac

listening() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"
  elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then sudo "$@"
  else fail "installing needs root: run 'sudo apt-get install $*' or make services as root"; fi
}

# Debian's packages start their own server on install (with their own data folder and
# password authentication); policy-rc.d (Debian's documented switch) stops that, so that the
# only server is the one this script starts with its data under STATE_DIR.
apt_install() {
  command -v apt-get >/dev/null || fail "$* is missing and this machine has no apt-get: install it by hand"
  echo "make services: installing $* from Debian's packages" >&2
  local policy=/usr/sbin/policy-rc.d made_policy=""
  if [ ! -e "$policy" ]; then
    as_root sh -c "printf '#!/bin/sh\nexit 101\n' > $policy && chmod +x $policy"
    made_policy=1
  fi
  local rc=0
  {
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "$@" >/dev/null 2>&1 ||
    { as_root apt-get update -q >/dev/null 2>&1 &&
      as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "$@" >/dev/null; }
  } || rc=$?
  [ -z "$made_policy" ] || as_root rm -f "$policy"
  [ "$rc" = 0 ] || fail "apt-get could not install $* (exit $rc)"
}

# PostgreSQL refuses to run as root: as root, the cluster belongs to the postgres user.
as_pg() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

start_postgres() {
  listening $PG_PORT && return 0
  [ -x "$PG_BIN/postgres" ] || apt_install postgresql-$PG_VERSION
  [ -x "$PG_BIN/postgres" ] || fail "PostgreSQL $PG_VERSION is not in $PG_BIN after installing it"
  local dir="$STATE_DIR/postgresql-$PG_VERSION"
  mkdir -p "$dir/run"
  [ "$(id -u)" != 0 ] || chown -R postgres:postgres "$dir"
  if [ ! -f "$dir/data/PG_VERSION" ]; then
    as_pg "$PG_BIN/initdb" -D "$dir/data" -U postgres --auth=trust --encoding=UTF8 \
      --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 || fail "initdb failed: see $dir/initdb.log"
  fi
  echo "make services: starting PostgreSQL $PG_VERSION on 127.0.0.1:$PG_PORT (data in $dir)" >&2
  as_pg "$PG_BIN/pg_ctl" -D "$dir/data" -l "$dir/postgresql.log" -w -t 60 start -o \
    "-c listen_addresses=127.0.0.1 -p $PG_PORT -c unix_socket_directories=$dir/run \
     -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
    >/dev/null || fail "PostgreSQL did not start: see $dir/postgresql.log"
}

start_redis() {
  listening $REDIS_PORT && return 0
  command -v redis-server >/dev/null || apt_install redis-server
  command -v redis-server >/dev/null || fail "redis-server is not on PATH after installing it"
  local dir="$STATE_DIR/redis"
  mkdir -p "$dir"
  echo "make services: starting Redis on 127.0.0.1:$REDIS_PORT (log in $dir)" >&2
  redis-server --bind 127.0.0.1 --port $REDIS_PORT --daemonize yes --dir "$dir" \
    --logfile "$dir/redis.log" --pidfile "$dir/redis.pid" --save "" --appendonly no \
    || fail "Redis did not start: see $dir/redis.log"
  for _ in $(seq 50); do listening $REDIS_PORT && return 0; sleep 0.1; done
  fail "Redis is not answering on 127.0.0.1:$REDIS_PORT: see $dir/redis.log"
}

stop_services() {
  local dir="$STATE_DIR/postgresql-$PG_VERSION"
  if [ -f "$dir/data/postmaster.pid" ]; then
    as_pg "$PG_BIN/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null && echo "make services: PostgreSQL stopped" >&2
  fi
  if [ -f "$STATE_DIR/redis/redis.pid" ] && kill "$(cat "$STATE_DIR/redis/redis.pid")" 2>/dev/null; then
    echo "make services: Redis stopped" >&2
  fi
  return 0
}

case "${1:-start}" in
  start) mkdir -p "$STATE_DIR" || fail "cannot create $STATE_DIR"; start_postgres; start_redis ;;
  stop) stop_services ;;
  install)
    [ -x "$PG_BIN/postgres" ] || apt_install postgresql-$PG_VERSION
    command -v redis-server >/dev/null || apt_install redis-server ;;
  *) fail "unknown command '$1' (start, stop or install)" ;;
esac
