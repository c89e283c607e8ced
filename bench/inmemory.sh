#!/usr/bin/env bash
# Queries on data already in memory, Arvio beside DuckDB in one run, for one size N:
#   T1, T2, T3   the benchmark's tasks (bench/t1.arvio, t2.arvio, t3.arvio; ../shared/bench/tasks/duckdb_t*.sql)
#   join         responses | join participants on participant | group org, phase aggregate mean(score)
#                (SQL: SELECT r.org, r.phase, avg(r.score) FROM r JOIN p USING (participant) GROUP BY ALL)
# Both tools load the files once, then run each query 1 + REPS times with `.timer on`; the first
# run is a warm-up. Arvio's timer gives wall, user and system time per statement, DuckDB's
# `real`, `user` and `sys`; the medians of both are reported, wall and CPU (user + system), and
# the ratios Arvio / DuckDB. CPU time is the figure to compare on a shared machine.
#
#   bench/inmemory.sh 10000000            (REPS=5; ARVIO, BENCH_HOME, OUT as bench/extra.sh)
#   TASKS="join t2" bench/inmemory.sh 1000000
#
# Writes $OUT/inmemory-N.md and prints it.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(dirname "$HERE")"
n=${1:?size}
ARVIO=${ARVIO:-$ROOT/.build/release/arvio}
STATE=${BENCH_HOME:-/tmp/arvio-bench}
SHARED_BENCH=${SHARED_BENCH:-$ROOT/../shared/bench}
DUCKDB=$STATE/bin/duckdb
REPS=${REPS:-5}
OUT=${OUT:-$STATE/results-arvio}
WORK=$STATE/work
read -r -a TASKS <<<"${TASKS:-t1 t2 t3 join}"
mkdir -p "$OUT" "$WORK"
csv=$STATE/data/responses_$n.csv
wide=$STATE/data/participants_$n.csv
for f in "$csv" "$wide"; do
  [ -f "$f" ] || { echo "missing $f: python3 $SHARED_BENCH/gen.py --outdir $STATE/data $n" >&2; exit 1; }
done

JOIN_ARVIO='r | join p on participant | group org, phase aggregate n = count(score), mean = round(mean(score), 4)'
JOIN_SQL='SELECT r.org, r.phase, count(r.score) AS n, round(avg(r.score), 4) AS mean FROM r JOIN p USING (participant) GROUP BY r.org, r.phase ORDER BY r.org, r.phase;'

arvio_body() {  # the statements of one task, without the load and settings
  if [ "$1" = join ]; then echo "$JOIN_ARVIO"; else grep -v '^\.\|^#\|^$' "$HERE/$1.arvio"; fi
}
duck_body() {
  if [ "$1" = join ]; then echo "$JOIN_SQL"; else sed -n "/^CREATE TABLE/,\$p" "$SHARED_BENCH/tasks/duckdb_$1.sql" | tail -n +2; fi
}

script=$WORK/arvio_inmemory_$n.arvio
{
  echo ".load $csv as r"; echo ".load $wide as p"; echo ".format csv"; echo ".timer on"
  for t in "${TASKS[@]}"; do for _ in $(seq 0 "$REPS"); do arvio_body "$t"; done; done
} > "$script"
duck=$WORK/duckdb_inmemory_$n.sql
{
  echo "CREATE TABLE r AS FROM read_csv('$csv');"; echo "CREATE TABLE p AS FROM read_csv('$wide');"
  echo ".output /dev/null"; echo ".timer on"
  for t in "${TASKS[@]}"; do for _ in $(seq 0 "$REPS"); do duck_body "$t"; done; done
} > "$duck"

# One line per statement: wall user system, in seconds.
"$ARVIO" --no-data -f "$script" 2>/dev/null | sed -n 's/^Run Time: \([0-9.]*\) ms (user \([0-9.]*\) ms, system \([0-9.]*\) ms)/\1 \2 \3/p' \
  | awk '{ printf "%.6f %.6f %.6f\n", $1 / 1000, $2 / 1000, $3 / 1000 }' > "$WORK/arvio_inmemory_$n.txt"
"$DUCKDB" < "$duck" 2>&1 | sed -n 's/Run Time (s): real \([0-9.]*\) user \([0-9.]*\) sys \([0-9.]*\)/\1 \2 \3/p' > "$WORK/duckdb_inmemory_$n.txt"

{
  echo "## In memory, Arvio beside DuckDB, N = $n ($(date -Is), $(nproc) cpus, load average $(cut -d' ' -f1-3 /proc/loadavg))"
  echo
  echo "| query | Arvio wall | Arvio CPU | DuckDB wall | DuckDB CPU | wall ratio | CPU ratio |"
  echo "|---|---|---|---|---|---|---|"
  python3 - "$WORK/arvio_inmemory_$n.txt" "$WORK/duckdb_inmemory_$n.txt" "$REPS" "${TASKS[@]}" <<'PY'
import statistics, sys
def rows(path): return [tuple(map(float, l.split())) for l in open(path) if l.strip()]
arvio, duck, reps, tasks = rows(sys.argv[1]), rows(sys.argv[2]), int(sys.argv[3]), sys.argv[4:]
per = {"t1": 3, "t2": 1, "t3": 1, "join": 1}   # Arvio statements per task (T1 is three)
i = 0
for k, t in enumerate(tasks):
    s = per[t]
    runs = [arvio[i + r * s: i + (r + 1) * s] for r in range(reps + 1)][1:]
    i += s * (reps + 1)
    a_wall = statistics.median(sum(x[0] for x in run) for run in runs)
    a_cpu = statistics.median(sum(x[1] + x[2] for x in run) for run in runs)
    d = duck[k * (reps + 1): (k + 1) * (reps + 1)][1:]
    d_wall = statistics.median(x[0] for x in d)
    d_cpu = statistics.median(x[1] + x[2] for x in d)
    ms = lambda x: f"{x * 1000:.1f} ms"
    print(f"| {t.upper() if t != 'join' else 'join + group'} | {ms(a_wall)} | {ms(a_cpu)} | {ms(d_wall)} | {ms(d_cpu)} | {a_wall / d_wall:.2f} | {a_cpu / d_cpu:.2f} |")
PY
} > "$OUT/inmemory-$n.md"
cat "$OUT/inmemory-$n.md"
