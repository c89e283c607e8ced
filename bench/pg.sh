#!/usr/bin/env bash
# T1, T2 and T3 of ../shared/bench on the responses loaded into PostgreSQL (not a test):
#   psql    the same questions as hand-written SQL run by psql: the floor, what the server costs
#   arvio   arvio --db, the pipeline pushed down (T2's delta too: the server pairs the rows and
#           returns the tally of pairs and units)
#   memory  arvio --db reading the table into its memory first (let r = responses), then the
#           same pipeline in memory
# with the median wall time of each (hyperfine), the ratio to psql, and each Arvio process's
# peak RSS (the data stays in the server, so a pushed-down run should stay small).
#
#   swift build -c release --static-swift-stdlib
#   bench/pg.sh 10000000                 # sizes; 100000000 too if the disk has room (~40 GB)
#   ARVIO=.build/debug/arvio REPS=3 bench/pg.sh 100000     # a smoke test
#
# At 10M rows a run of the whole script takes about ten minutes besides loading the table: the
# in-memory column reads all the rows through libpq each time, so it is timed MEMORY_REPS times.
#
# The memory variant is left out (and the table says why) when the rows read through libpq
# would not fit in the memory available: about 380 bytes a row, 38 GB at 100M.
#
#   PG_CONN="$(cat /tmp/pg100.conn)" PG_REUSE=1 bench/pg.sh 100000000   # a database loaded before
#
# Env: ARVIO (default .build/release/arvio), REPS (default 5; 3 from 5M rows), MEMORY_REPS
# (runs of the table-read-into-memory variant, no warm-up; default REPS, 1 from 5M rows), PG_CONN (a server to use, where
# the user may create databases; default: a private one from scripts/pg-test-server.sh, stopped
# at the end), PG_REUSE=1 (use the server's database arvio_bench_N as it is when its responses
# table has N rows, instead of loading it again: an hour at 100M), BENCH_HOME (default
# /tmp/arvio-bench; data and results), SHARED_BENCH.
# Writes $BENCH_HOME/results-arvio/pg-N.md and prints it.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(dirname "$HERE")"
ARVIO=${ARVIO:-$ROOT/.build/release/arvio}
STATE=${BENCH_HOME:-/tmp/arvio-bench}
OUT=$STATE/results-arvio
WORK=$STATE/work/pg
mkdir -p "$OUT" "$WORK"
[ -x "$ARVIO" ] || { echo "no $ARVIO: swift build -c release --static-swift-stdlib" >&2; exit 1; }
command -v hyperfine >/dev/null || { echo "bench/pg.sh needs hyperfine (apt-get install hyperfine)" >&2; exit 1; }
SIZES=("$@")
((${#SIZES[@]})) || SIZES=(10000000)

server="${PG_CONN:-}"
if [ -z "$server" ]; then
    server="$("$ROOT/scripts/pg-test-server.sh" start)"
    dir="${server#host=}"; dir="${dir%% *}"
    trap '"$ROOT/scripts/pg-test-server.sh" stop "$dir"' EXIT
fi

med() { python3 -c "import json,sys,statistics; d=json.load(open(sys.argv[1]))['results']; print(' '.join('%.1f' % (1000 * statistics.median(r['times'])) for r in d))" "$1"; }
rss() { /usr/bin/time -f %M "$@" 2>&1 >/dev/null | tail -1; }

# The number of rows of arvio_bench_N's responses on the server, or nothing when there is no
# such database or table.
loaded_rows() {
    psql "$server dbname=arvio_bench_$1" -XAqt -c "SELECT count(*) FROM responses" 2>/dev/null || true
}

for n in "${SIZES[@]}"; do
    db=""
    if [ "${PG_REUSE:-0}" = 1 ]; then
        have="$(loaded_rows "$n")"
        if [ "$have" = "$n" ]; then
            db="$server dbname=arvio_bench_$n"
            echo "reusing arvio_bench_$n ($n rows)" >&2
        elif [ -n "$have" ]; then
            # Perhaps a load still running (its rows are not visible until it commits): never
            # drop what someone else may be filling.
            echo "skipping $n rows: arvio_bench_$n's responses has $have rows, not $n (still loading?)" >&2
            continue
        fi
    fi
    if [ -z "$db" ]; then
        # A table of N rows takes about 250 bytes a row with its primary key, and the CSV 56.
        need_kb=$(( n * 310 / 1024 ))
        free_kb=$(df -Pk "$STATE" | awk 'NR == 2 { print $4 }')
        if [ "$free_kb" -lt "$need_kb" ]; then
            echo "skipping $n rows: about $(( need_kb / 1048576 )) GB needed, $(( free_kb / 1048576 )) GB free" >&2
            continue
        fi
        db="$(BENCH_HOME=$STATE "$ROOT/scripts/pg-load-bench.sh" "$server" "$n" "arvio_bench_$n")"
    fi
    big=$(( n >= 5000000 ))
    reps=${REPS:-$(( big ? 3 : 5 ))}
    memory_reps=${MEMORY_REPS:-$(( big ? 1 : reps ))}
    # Read into memory, a row costs about 380 bytes (3.8 GB at 10M): beyond what is available
    # the variant would only swap or be killed, so it is not run.
    memory_need_kb=$(( n * 380 / 1024 ))
    available_kb=$(awk '/^MemAvailable:/ { print $2 }' /proc/meminfo)
    memory=1
    if [ "$memory_need_kb" -gt "$available_kb" ]; then
        memory=0
        memory_skip="reading $n rows into memory needs about $(( memory_need_kb / 1048576 )) GB, $(( available_kb / 1048576 )) GB available"
        echo "$memory_skip" >&2
    fi

    # psql's floor: the shared tasks' SQL on the loaded table.
    cat > "$WORK/t1.sql" <<'SQL'
SELECT org, score, n, round(100.0 * n / sum(n) OVER (PARTITION BY org), 2) AS pct
FROM (SELECT org, score, count(*) AS n FROM responses WHERE phase = 'pre' GROUP BY org, score) AS s
ORDER BY org, score;
SQL
    cat > "$WORK/t2.sql" <<'SQL'
SELECT a.area, count(b.score - a.score) AS n, round(avg(b.score - a.score), 4) AS mean_delta
FROM responses a JOIN responses b ON a.participant = b.participant AND a.item = b.item
WHERE a.phase = 'pre' AND b.phase = 'post'
GROUP BY a.area ORDER BY a.area;
SQL
    cat > "$WORK/t3.sql" <<'SQL'
SELECT org, phase, count(score) AS n, round(avg(score), 4) AS mean
FROM responses GROUP BY org, phase ORDER BY org, phase;
SQL
    # Arvio's pipelines: bench/t1-t3.arvio's statements on the database's table.
    t1='let t1_cells = TABLE | where phase == "pre" | count by org, score
let t1_orgs = t1_cells | group org aggregate total = sum(n)
t1_cells | join t1_orgs on org | derive pct = round(100 * n / total, 2) | select org, score, n, pct'
    t2='TABLE | delta score by phase per area | select area, n, mean_delta = change'
    t3='TABLE | group org, phase aggregate n = count(score), mean = round(mean(score), 4)'
    for t in t1 t2 t3; do
        { echo ".format csv"; echo "${!t//TABLE/responses}"; } > "$WORK/arvio_$t.arvio"
        { echo ".format csv"; echo "let r = responses"; echo "${!t//TABLE/r}"; } > "$WORK/memory_$t.arvio"
    done

    md=$OUT/pg-$n.md
    {
        echo "# Arvio on PostgreSQL, $n rows ($(date -u +%Y-%m-%d), $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg))"
        echo
        echo "| task | psql (floor) | arvio pushed down | ratio | peak RSS | arvio, table read into memory | ratio | peak RSS |"
        echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
    } > "$md"
    for t in t1 t2 t3; do
        arvio="$ARVIO --no-data --db '$db' -f $WORK/arvio_$t.arvio"
        memory_command="$ARVIO --no-data --db '$db' -f $WORK/memory_$t.arvio"
        hyperfine -N --style basic --warmup 1 --runs "$reps" --export-json "$WORK/$t-$n.json" \
            -n psql "psql '$db' -XAq -f $WORK/$t.sql" -n arvio "$arvio" >/dev/null
        read -r floor pushed < <(med "$WORK/$t-$n.json")
        rss_pushed=$(rss "$ARVIO" --no-data --db "$db" -f "$WORK/arvio_$t.arvio")
        local=- rss_local=-
        if [ "$memory" = 1 ]; then
            hyperfine -N --style basic --runs "$memory_reps" --export-json "$WORK/$t-$n-memory.json" \
                -n memory "$memory_command" >/dev/null
            read -r local < <(med "$WORK/$t-$n-memory.json")
            rss_local=$(rss "$ARVIO" --no-data --db "$db" -f "$WORK/memory_$t.arvio")
        fi
        python3 - "$t" "$floor" "$pushed" "$local" "$rss_pushed" "$rss_local" >> "$md" <<'PY'
import sys
t, floor, pushed, local, rp, rl = sys.argv[1:]
f, p = float(floor), float(pushed)
memory = "not run | – | –" if local == "-" else f"{float(local):.1f} ms | {float(local) / f:.2f}× | {int(rl) / 1024:.0f} MB"
print(f"| {t.upper()} | {f:.1f} ms | {p:.1f} ms | {p / f:.2f}× | {int(rp) / 1024:.0f} MB | {memory} |")
PY
    done
    {
        echo
        echo "psql runs the shared tasks' SQL; Arvio's T2 is its full delta (pairs, tests, who lacks a"
        echo "post answer): the server pairs the rows and returns the tally of pairs, units' sums and"
        echo "unpaired rows, while psql's returns only the mean change. Each Arvio run includes .connect,"
        echo "which types the text columns (above 250k rows from the planner's statistics, reading only"
        echo "participant's levels). Runs: psql and arvio $reps after a warm-up, memory $memory_reps."
        [ "$memory" = 1 ] || echo "The table read into memory is not run: $memory_skip."
        echo "Arvio's notes on what came back, for the record:"
        for t in t1 t2 t3; do
            echo "- $t: $("$ARVIO" --no-data --db "$db" -f "$WORK/arvio_$t.arvio" 2>&1 | grep -E 'fetched from|read whole' | tr '\n' ' ' || true)"
        done
    } >> "$md"
    cat "$md"
done
