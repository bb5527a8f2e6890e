#!/usr/bin/env bash
# Start (or stop) a throwaway PostgreSQL cluster on 127.0.0.1 for the test suite.
#   scripts/pg_cluster.sh start DIR PORT   -> prints the database URL on stdout
#   scripts/pg_cluster.sh stop DIR
# initdb refuses root, so as root the cluster runs as the `postgres` user (or NEWSTRACE_PG_USER).
set -euo pipefail
ACTION=${1:?start|stop}
DIR=${2:?cluster folder}
PORT=${3:-55432}
BIN=${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)}
RUNAS=()
if [ "$(id -u)" = 0 ]; then
    PGUSER_OS=${NEWSTRACE_PG_USER:-postgres}
    id "$PGUSER_OS" >/dev/null 2>&1 || useradd --system --no-create-home "$PGUSER_OS"
    RUNAS=(runuser -u "$PGUSER_OS" --)
fi
case "$ACTION" in
start)
    mkdir -p "$DIR"
    [ ${#RUNAS[@]} -gt 0 ] && chown "$PGUSER_OS" "$DIR"
    if [ ! -f "$DIR/data/PG_VERSION" ]; then
        "${RUNAS[@]}" "$BIN/initdb" -D "$DIR/data" -U newstrace --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
    fi
    "${RUNAS[@]}" "$BIN/pg_ctl" -D "$DIR/data" -l "$DIR/server.log" -w -t 60 \
        -o "-h 127.0.0.1 -p $PORT -k $DIR -c fsync=off -c full_page_writes=off" start >/dev/null
    "${RUNAS[@]}" "$BIN/createdb" -h 127.0.0.1 -p "$PORT" -U newstrace newstrace_test 2>/dev/null || true
    echo "postgresql://newstrace@127.0.0.1:$PORT/newstrace_test"
    ;;
stop)
    "${RUNAS[@]}" "$BIN/pg_ctl" -D "$DIR/data" -m fast -w stop >/dev/null || true
    ;;
esac
