#!/usr/bin/env bash
# A throw-away PostgreSQL cluster for the test suites.
#   pg_test_cluster.sh start   initdb in a fresh temp folder, listen on a free port of 127.0.0.1
#                              (and a unix socket in that folder), create the database hoot_test;
#                              prints shell assignments to eval:
#                              HOOT_TEST_POSTGRES=postgres://postgres@127.0.0.1:PORT/hoot_test
#                              HOOT_PG_CLUSTER_DIR=/tmp/hoot-pg.XXXXXX
#   pg_test_cluster.sh stop [DIR]   stop the cluster (immediately) and delete its folder
#                              (DIR defaults to $HOOT_PG_CLUSTER_DIR).
# initdb and postgres refuse to run as root: as root they run as the `postgres` system user
# that Debian's package creates. Durability is off (fsync, synchronous_commit, full_page_writes):
# the data is thrown away at the end. HOOT_PG_DURABLE=1 keeps PostgreSQL's durable defaults, for
# benchmarks (bench/backends.sh).
set -euo pipefail

bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
if [ -z "$bindir" ] || [ ! -x "$bindir/initdb" ]; then
    echo "pg_test_cluster: PostgreSQL server binaries not found (apt-get install postgresql)" >&2
    exit 1
fi

as_owner() {
    if [ "$(id -u)" -eq 0 ]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

start() {
    local dir port
    dir=$(mktemp -d "${TMPDIR:-/tmp}/hoot-pg.XXXXXX")
    chmod 700 "$dir"
    [ "$(id -u)" -eq 0 ] && chown postgres: "$dir"
    if ! as_owner "$bindir/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 \
        >"$dir/initdb.log" 2>&1; then
        echo "pg_test_cluster: initdb failed:" >&2
        cat "$dir/initdb.log" >&2
        rm -rf "$dir"
        exit 1
    fi
    cat >>"$dir/data/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
unix_socket_directories = '$dir'
max_connections = 200
CONF
    if [ "${HOOT_PG_DURABLE:-0}" = 1 ]; then
        # Benchmarks: durable commits, as docs/deploy.md recommends for a community.
        echo "shared_buffers = 256MB" >>"$dir/data/postgresql.conf"
    else
        # Tests: a crash of a throw-away cluster loses nothing anyone needs.
        cat >>"$dir/data/postgresql.conf" <<CONF
fsync = off
synchronous_commit = off
full_page_writes = off
shared_buffers = 64MB
CONF
    fi
    # A port found free can be taken before the server binds it: try a few.
    local attempt
    for attempt in 1 2 3 4 5; do
        port=$(free_port)
        if as_owner "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -o "-p $port" -w -t 60 \
            start >/dev/null 2>&1; then
            break
        fi
        port=""
    done
    if [ -z "$port" ]; then
        echo "pg_test_cluster: the server did not start:" >&2
        tail -20 "$dir/server.log" >&2 || true
        rm -rf "$dir"
        exit 1
    fi
    as_owner "$bindir/psql" -X -q -h "$dir" -p "$port" -U postgres -d postgres \
        -c "CREATE DATABASE hoot_test" >/dev/null
    echo "HOOT_TEST_POSTGRES=postgres://postgres@127.0.0.1:$port/hoot_test"
    echo "HOOT_PG_CLUSTER_DIR=$dir"
}

stop() {
    local dir=${1:-${HOOT_PG_CLUSTER_DIR:-}}
    if [ -z "$dir" ] || [ ! -d "$dir" ]; then
        echo "pg_test_cluster: no cluster folder to stop" >&2
        exit 1
    fi
    case "$dir" in
        */hoot-pg.*) ;;
        *) echo "pg_test_cluster: $dir is not a test cluster folder" >&2; exit 1 ;;
    esac
    if [ -f "$dir/data/postmaster.pid" ]; then
        as_owner "$bindir/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "$dir"
}

case "${1:-}" in
    start) start ;;
    stop) stop "${2:-}" ;;
    *) echo "usage: $0 start | stop [DIR]" >&2; exit 2 ;;
esac
