#!/usr/bin/env bash
# Starts a throwaway PostgreSQL server for the tests (Debian's packages, installed if missing) and
# prints its connection string. `source` it to export DOSSIER_TEST_PG and get `dossier_pg_stop`.
set -euo pipefail
if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq && apt-get install -y -qq postgresql >/dev/null
fi
bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
data=$(mktemp -d /tmp/dossier-pg.XXXXXX)
port=${DOSSIER_PG_PORT:-54329}
# The server refuses to run as root: run it as the postgres user when we are root.
as_pg=()
if [ "$(id -u)" = 0 ]; then
    chown postgres "$data"
    as_pg=(runuser -u postgres --)
fi
"${as_pg[@]}" "$bin/initdb" -D "$data" -U postgres -A trust -E UTF8 >"$data.log" 2>&1
"${as_pg[@]}" "$bin/pg_ctl" -D "$data" -l "$data/server.log" -w \
    -o "-k $data -p $port -c listen_addresses='' -c fsync=off" start >>"$data.log" 2>&1
export DOSSIER_PG_DATA="$data"
dossier_pg_stop() {
    "${as_pg[@]}" "$bin/pg_ctl" -D "$DOSSIER_PG_DATA" -m fast stop >/dev/null 2>&1 || true
}
export DOSSIER_TEST_PG="host=$data port=$port user=postgres dbname=postgres"
echo "$DOSSIER_TEST_PG"
