#!/usr/bin/env bash
# A private, throw-away PostgreSQL server for the tests: initdb into a temporary folder, a unix
# socket in that folder and a private port, no TCP listener, trust authentication for one user.
#   scripts/pg-test-server.sh start   prints the libpq connection string on standard output
#   scripts/pg-test-server.sh stop DIR|CONNINFO   the folder, or the connection string start printed
# initdb and postgres refuse to run as root, so as root they run as the "postgres" user.
set -euo pipefail

bin=""
for candidate in /usr/lib/postgresql/*/bin; do
    [ -x "$candidate/initdb" ] && bin="$candidate"
done
if [ -z "$bin" ] && command -v initdb >/dev/null 2>&1; then bin="$(dirname "$(command -v initdb)")"; fi
[ -n "$bin" ] || { echo "pg-test-server: no PostgreSQL server binaries (initdb) found" >&2; exit 2; }

as_owner() {
    if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "${1:-}" in
start)
    dir="$(mktemp -d /tmp/arvio-pg.XXXXXX)"
    [ "$(id -u)" = 0 ] && chown postgres "$dir"
    # A port derived from the folder's name, so parallel runs rarely collide; retried if taken.
    port=$(( 20000 + RANDOM % 20000 ))
    as_owner "$bin/initdb" -D "$dir/data" -A trust -U arvio -E UTF8 --no-locale >"$dir/initdb.log" 2>&1 \
        || { cat "$dir/initdb.log" >&2; exit 1; }
    for _ in 1 2 3 4 5; do
        if as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 30 \
            -o "-k $dir -p $port -c listen_addresses= -c fsync=off" start </dev/null >/dev/null 2>&1; then
            echo "host=$dir port=$port user=arvio dbname=postgres"
            exit 0
        fi
        port=$(( 20000 + RANDOM % 20000 ))
    done
    cat "$dir/server.log" >&2
    exit 1
    ;;
stop)
    dir="${2:?usage: pg-test-server.sh stop DIR|CONNINFO}"
    # What start printed names the folder as its host=.
    case "$dir" in *host=*) dir="${dir#*host=}"; dir="${dir%% *}" ;; esac
    case "$dir" in /tmp/arvio-pg.*) ;; *) echo "pg-test-server: refusing to remove $dir" >&2; exit 2 ;; esac
    as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$dir"
    ;;
*)
    echo "usage: pg-test-server.sh start | stop DIR|CONNINFO" >&2
    exit 2
    ;;
esac
