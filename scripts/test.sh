#!/usr/bin/env bash
# The README's test command: install newstrace with its test and evaluation extras, start a
# throwaway PostgreSQL on 127.0.0.1 when PostgreSQL is installed (so the store tests run on
# both SQLite and PostgreSQL), run the whole suite, stop the server.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
[ -x .venv/bin/python ] || $PY -m venv .venv
.venv/bin/pip install --quiet --upgrade pip
.venv/bin/pip install --quiet -e ".[test,eval]"
# front-end libraries of the web app, from npm (web/package-lock.json), copied into the package
if command -v npm >/dev/null; then (cd web && npm ci --silent && npm run --silent build); fi

if [ -z "${NEWSTRACE_TEST_POSTGRES:-}" ] && ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
    PGDIR=$(mktemp -d /tmp/newstrace-pg.XXXXXX)
    PORT=${NEWSTRACE_PG_PORT:-55433}
    trap 'scripts/pg_cluster.sh stop "$PGDIR"; rm -rf "$PGDIR"' EXIT
    NEWSTRACE_TEST_POSTGRES=$(scripts/pg_cluster.sh start "$PGDIR" "$PORT")
    export NEWSTRACE_TEST_POSTGRES
    echo "PostgreSQL test server: $NEWSTRACE_TEST_POSTGRES"
fi
.venv/bin/pytest -q -ra "$@"
