#!/usr/bin/env bash
# Loads the shared benchmark's survey responses (../shared/bench/gen.py, N rows) into a
# PostgreSQL database as a person would design the table: phase an enum in time order, score a
# smallint (an empty field is NULL), the key (participant, item, phase) the primary key.
#   scripts/pg-load-bench.sh CONNINFO N [DATABASE]
# CONNINFO is a libpq connection string to a server where the user may create databases (the
# one scripts/pg-test-server.sh prints); DATABASE (default arvio_bench) is dropped and made
# again. The file is generated into $BENCH_HOME/data (default /tmp/arvio-bench/data) unless it
# is there already. Prints the connection string of the loaded database on standard output.
# Env: SHARED_BENCH (default ../shared/bench beside the repository or its worktree folder), PSQL (default psql).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
conn="${1:?usage: pg-load-bench.sh CONNINFO N [DATABASE]}"
n="${2:?usage: pg-load-bench.sh CONNINFO N [DATABASE]}"
db="${3:-arvio_bench}"
# Beside the repository, or beside the folder of its worktrees.
shared="${SHARED_BENCH:-}"
if [ -z "$shared" ]; then
    shared="$root/../shared/bench"
    [ -f "$shared/gen.py" ] || shared="$root/../../shared/bench"
    # A clone that sits elsewhere (CI's) uses the copy in bench/, the same seeded generator.
    [ -f "$shared/gen.py" ] || shared="$root/bench"
fi
data="${BENCH_HOME:-/tmp/arvio-bench}/data"
psql="${PSQL:-psql}"
case "$db" in *[!a-z0-9_]*|"") echo "pg-load-bench: the database name must be lower-case letters, digits and _" >&2; exit 2 ;; esac
case "$n" in *[!0-9]*|"") echo "pg-load-bench: N must be a number of rows" >&2; exit 2 ;; esac

csv="$data/responses_$n.csv"
if [ ! -f "$csv" ]; then
    [ -f "$shared/gen.py" ] || { echo "pg-load-bench: no $shared/gen.py (set SHARED_BENCH)" >&2; exit 2; }
    mkdir -p "$data"
    python3 "$shared/gen.py" --outdir "$data" "$n" >&2
fi

"$psql" "$conn" -v ON_ERROR_STOP=1 -qX >/dev/null <<SQL
SET client_min_messages = warning;
DROP DATABASE IF EXISTS $db;
CREATE DATABASE $db ENCODING 'UTF8' TEMPLATE template0;
SQL
target="$conn dbname=$db"
"$psql" "$target" -v ON_ERROR_STOP=1 -qX >/dev/null <<SQL
CREATE TYPE phase AS ENUM ('pre', 'post');
CREATE TABLE responses (
    participant text NOT NULL, org text, entry_route text, item text NOT NULL, area text,
    phase phase NOT NULL, score smallint,
    PRIMARY KEY (participant, item, phase));
COMMENT ON COLUMN responses.score IS 'Self-assessed competence, 1 to 5';
\copy responses FROM '$csv' WITH (FORMAT csv, HEADER true, NULL '')
ANALYZE responses;
SQL
echo "$target"
