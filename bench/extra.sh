#!/usr/bin/env bash
# Arvio's measurements beside DuckDB, in one run, for one size N:
#   T0     arvio -c 'participants | count by org' (built-in data) against duckdb -c ''
#   load   arvio loading the whole file against DuckDB's CREATE TABLE ... FROM read_csv, with peak RSS
#   query  T1 and T3 with the data already in memory: arvio's `.timer on` against DuckDB's `.timer on`
# Writes $BENCH_HOME/results/arvio-extra-N.md and prints it.
#   bench/extra.sh 10000000        (REPS=7 by default)
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(dirname "$HERE")"
n=${1:?size}
ARVIO=${ARVIO:-$ROOT/.build/release/arvio}
STATE=${BENCH_HOME:-/tmp/arvio-bench}
DUCKDB=$STATE/bin/duckdb
REPS=${REPS:-7}
OUT=${OUT:-$STATE/results-arvio}
WORK=$STATE/work
mkdir -p "$OUT" "$WORK"
csv=$STATE/data/responses_$n.csv
md=$OUT/arvio-extra-$n.md
hf() { hyperfine -N --style basic "$@" >/dev/null; }
med() { python3 -c "import json,sys,statistics; d=json.load(open(sys.argv[1]))['results']; print(' '.join(str(statistics.median(r['times'])) for r in d))" "$1"; }

# T0: start-up on the built-in data.
hf --warmup 3 --runs 30 --export-json "$WORK/t0.json" -n duckdb "$DUCKDB -c ''" \
   -n arvio "$ARVIO -c 'participants | count by org'"
read -r t0_duck t0_arvio < <(med "$WORK/t0.json")

# Load only, whole process, and its peak memory.
cat "$csv" > /dev/null
runs=$(( n >= 10000000 ? 5 : 10 ))
hf --warmup 1 --runs "$runs" --export-json "$WORK/load_$n.json" \
   -n duckdb "$DUCKDB -c \"CREATE TABLE r AS FROM read_csv('$csv')\"" \
   -n arvio "$ARVIO --no-data -c '.load $csv as r'"
read -r load_duck load_arvio < <(med "$WORK/load_$n.json")
rss_duck=$(/usr/bin/time -f %M "$DUCKDB" -c "CREATE TABLE r AS FROM read_csv('$csv')" 2>&1 >/dev/null | tail -1)
rss_arvio=$(/usr/bin/time -f %M "$ARVIO" --no-data -c ".load $csv as r" 2>&1 >/dev/null | tail -1)

# Query only: arvio's statements with .timer on; DuckDB's task queries with .timer on.
script=$WORK/arvio_qonly_$n.arvio
sed "s#@CSV@#$csv#g" "$HERE/qonly.arvio" > "$script"
for t in t1 t3; do
  body=$(grep -v '^\.\|^#\|^$' "$HERE/$t.arvio")
  for _ in $(seq 0 "$REPS"); do echo "$body"; done
done >> "$script"
"$ARVIO" --no-data -f "$script" | grep '^Run Time' | sed 's/Run Time: \([0-9.]*\) ms.*/\1/' > "$WORK/arvio_qonly_$n.txt"
duck=$WORK/duckdb_qonly_$n.sql
{
  echo ".timer on"; echo "CREATE TABLE r AS FROM read_csv('$csv');"; echo ".output /dev/null"
  for t in t1 t3; do
    q=$(sed -n "/^CREATE TABLE/,\$p" "${SHARED_BENCH:-$ROOT/../shared/bench}/tasks/duckdb_$t.sql" | tail -n +2)
    for _ in $(seq 0 "$REPS"); do echo "$q"; done
  done
} > "$duck"
"$DUCKDB" < "$duck" 2>&1 | sed -n 's/Run Time (s): real \([0-9.]*\).*/\1/p' > "$WORK/duckdb_qonly_$n.txt"
python3 - "$WORK/arvio_qonly_$n.txt" "$WORK/duckdb_qonly_$n.txt" "$REPS" > "$WORK/qonly_$n.txt" <<'PY'
import statistics, sys
arvio = [float(x) / 1000 for x in open(sys.argv[1]).read().split()]
duck = [float(x) for x in open(sys.argv[2]).read().split()][1:]   # first line: the load
reps = int(sys.argv[3])
per = {"t1": 3, "t3": 1}                  # statements per task in bench/t1.arvio, t3.arvio
i = 0
for k, t in enumerate(("t1", "t3")):
    s = per[t]
    runs = [sum(arvio[i + r * s: i + (r + 1) * s]) for r in range(reps + 1)][1:]
    i += s * (reps + 1)
    d = duck[k * (reps + 1): (k + 1) * (reps + 1)][1:]
    print(t, statistics.median(runs), statistics.median(d))
PY
{
  echo "## Arvio beside DuckDB, N = $n ($(date -Is), $(nproc) cpus, load average $(cut -d' ' -f1-3 /proc/loadavg))"
  echo
  echo "| measure | arvio | duckdb | ratio arvio/duckdb |"
  echo "|---|---|---|---|"
  python3 - "$t0_arvio" "$t0_duck" "$load_arvio" "$load_duck" "$rss_arvio" "$rss_duck" "$WORK/qonly_$n.txt" <<'PY'
import sys
a = sys.argv
def ms(x): return f"{float(x) * 1000:.1f} ms"
print(f"| T0 start-up (built-in data, whole process) | {ms(a[1])} | {ms(a[2])} | {float(a[1]) / float(a[2]):.2f} |")
print(f"| load only (whole process) | {ms(a[3])} | {ms(a[4])} | {float(a[3]) / float(a[4]):.2f} |")
print(f"| peak RSS, file loaded | {int(a[5]) / 1024:.0f} MB | {int(a[6]) / 1024:.0f} MB | {int(a[5]) / int(a[6]):.2f} |")
for line in open(a[7]):
    t, x, y = line.split()
    print(f"| {t.upper()} query only (in memory, median) | {ms(x)} | {ms(y)} | {float(x) / float(y):.2f} |")
PY
} > "$md"
cat "$md"
