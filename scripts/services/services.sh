#!/usr/bin/env bash
# Local servers for marsad's scale-out mode (docs/SCALE-OUT.md): a nats-server with
# JetStream and a PostgreSQL 15 cluster (initdb), both on 127.0.0.1 only, with random
# free ports, all state in one folder. For tests and a first try, not for production.
#
#   services.sh start DIR [--fast]   start both; prints and writes DIR/env:
#                                    MARSAD_NATS_URL=nats://127.0.0.1:PORT
#                                    MARSAD_PG_URL=postgresql://marsad@127.0.0.1:PORT/marsad
#   services.sh stop DIR             stop both (state stays in DIR)
#   services.sh purge DIR            stop both and delete all their state
#   services.sh restart-nats DIR     kill -9 nats-server and start it again (same port, same data)
#   services.sh restart-pg DIR       crash PostgreSQL (pg_ctl stop -m immediate) and start it again
#   services.sh check                exit 0 if the server programs are installed, else 77
#
# --fast: fsync=off for PostgreSQL (tests: a crash of the server processes loses nothing,
# only a crash of the machine would). Runs PostgreSQL as user `postgres` when run as root.
set -euo pipefail

PG_BIN=${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)}
NATS_SERVER=${NATS_SERVER:-$(command -v nats-server || echo /usr/sbin/nats-server)}

die() { echo "services.sh: $*" >&2; exit 1; }

check() {
  local missing=()
  [ -x "$NATS_SERVER" ] || missing+=(nats-server)
  [ -n "$PG_BIN" ] && [ -x "$PG_BIN/initdb" ] || missing+=(postgresql)
  if ((${#missing[@]})); then
    echo "services.sh: not installed: ${missing[*]} (apt-get install ${missing[*]}, or scripts/setup.sh)" >&2
    return 77
  fi
}

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

# Runs a PostgreSQL program as the owner of the cluster (postgres refuses to run as root).
as_pg() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

start_nats() {
  local dir=$1 port
  port=$(cat "$dir/nats.port")
  "$NATS_SERVER" -a 127.0.0.1 -p "$port" -js -sd "$dir/nats" >"$dir/nats.log" 2>&1 &
  echo $! >"$dir/nats.pid"
  for _ in $(seq 1 100); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then return 0; fi
    sleep 0.1
  done
  die "nats-server did not start (see $dir/nats.log)"
}

start_pg() {
  local dir=$1 port pg
  port=$(cat "$dir/pg.port")
  pg=$(readlink -f "$dir/pg")  # the real path: user postgres may not pass through DIR
  local opts="-c listen_addresses=127.0.0.1 -p $port -k $pg -c max_connections=200"
  [ -f "$dir/fast" ] && opts+=" -c fsync=off -c full_page_writes=off -c synchronous_commit=off"
  as_pg "$PG_BIN/pg_ctl" -D "$pg/data" -l "$pg/log" -o "$opts" -w -t 60 start >/dev/null ||
    die "PostgreSQL did not start (see $pg/log)"
}

stop_nats() {
  local dir=$1
  if [ -f "$dir/nats.pid" ]; then
    local pid; pid=$(cat "$dir/nats.pid")
    kill "${2:--TERM}" "$pid" 2>/dev/null || true
    for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    rm -f "$dir/nats.pid"
  fi
}

stop_pg() {
  local dir=$1 mode=${2:-fast} pg
  pg=$(readlink -f "$dir/pg")
  [ -d "$pg/data" ] && as_pg "$PG_BIN/pg_ctl" -D "$pg/data" -m "$mode" -w stop >/dev/null 2>&1 || true
}

cmd=${1:-}; dir=${2:-}
case "$cmd" in
  check) check; exit $? ;;
  start)
    check || exit $?
    [ -n "$dir" ] || die "usage: services.sh start DIR [--fast]"
    mkdir -p "$dir/nats"
    dir=$(cd "$dir" && pwd)
    if [ ! -e "$dir/pg" ]; then
      if [ "$(id -u)" -eq 0 ]; then
        # PostgreSQL runs as user postgres, who may not reach DIR (e.g. under a private
        # mktemp folder): its cluster lives in a folder of its own, linked from DIR.
        pgdir=$(mktemp -d /tmp/marsad-pg.XXXXXX)
        chown postgres "$pgdir"
        ln -s "$pgdir" "$dir/pg"
      else
        mkdir -p "$dir/pg"
      fi
    fi
    [ "${3:-}" == "--fast" ] && touch "$dir/fast"
    free_port >"$dir/nats.port"
    free_port >"$dir/pg.port"
    start_nats "$dir"
    if [ ! -f "$dir/pg/data/PG_VERSION" ]; then
      # C locale: text sorts by bytes, as in SQLite; trust auth on 127.0.0.1 only.
      as_pg "$PG_BIN/initdb" -D "$(readlink -f "$dir/pg")/data" -U marsad --auth=trust --encoding=UTF8 \
        --locale=C >"$dir/pg/initdb.log" 2>&1 || die "initdb failed (see $dir/pg/initdb.log)"
    fi
    start_pg "$dir"
    as_pg "$PG_BIN/createdb" -h 127.0.0.1 -p "$(cat "$dir/pg.port")" -U marsad marsad 2>/dev/null || true
    {
      echo "MARSAD_NATS_URL=nats://127.0.0.1:$(cat "$dir/nats.port")"
      echo "MARSAD_PG_URL=postgresql://marsad@127.0.0.1:$(cat "$dir/pg.port")/marsad"
    } | tee "$dir/env"
    ;;
  stop)
    [ -n "$dir" ] || die "usage: services.sh stop DIR"
    stop_nats "$dir"
    stop_pg "$dir"
    ;;
  purge)
    [ -n "$dir" ] || die "usage: services.sh purge DIR"
    stop_nats "$dir"
    stop_pg "$dir"
    [ -L "$dir/pg" ] && rm -rf "$(readlink "$dir/pg")"
    rm -rf "$dir"
    ;;
  restart-nats)
    stop_nats "$dir" -KILL
    start_nats "$dir"
    ;;
  restart-pg)
    stop_pg "$dir" immediate
    start_pg "$dir"
    ;;
  *) die "usage: services.sh start|stop|restart-nats|restart-pg DIR, or services.sh check" ;;
esac
