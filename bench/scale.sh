#!/usr/bin/env bash
# The whole measurement of docs/performance.md in one run, for the sizes given (default 1M, 10M
# and 100M): the peers end to end (bench/run.sh: T1-T3, with bench/extra.sh's start-up, load
# and peak memory), the queries on loaded data beside DuckDB (bench/inmemory.sh: T1-T3 and the
# join), the C floor's in-memory scans (../shared/bench/limits/floor), and Ctrl-C latency at
# 10M (bench/cancel.py).
#
#   swift build -c release --static-swift-stdlib
#   python3 ../shared/bench/gen.py --outdir /tmp/arvio-bench/data 1000000 10000000 100000000
#   bench/scale.sh                       # or: bench/scale.sh 1000000 10000000
#
# At 100M rows (5.6 GB of CSV) only the peers that hold it in 23 GiB run: DuckDB (full load and
# direct) and polars lazy; PEERS_100M overrides that. Everything goes to OUT (default
# $BENCH_HOME/results-arvio); scale-summary.md gathers the tables.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(dirname "$HERE")"
STATE=${BENCH_HOME:-/tmp/arvio-bench}
SHARED_BENCH=${SHARED_BENCH:-$ROOT/../shared/bench}
export OUT=${OUT:-$STATE/results-arvio}
SIZES=("$@")
((${#SIZES[@]})) || SIZES=(1000000 10000000 100000000)
mkdir -p "$OUT"
for n in "${SIZES[@]}"; do
  for f in responses participants; do
    [ -f "$STATE/data/${f}_$n.csv" ] || { echo "missing $STATE/data/${f}_$n.csv: python3 $SHARED_BENCH/gen.py --outdir $STATE/data $n" >&2; exit 1; }
  done
done
summary=$OUT/scale-summary.md
echo "# bench/scale.sh ${SIZES[*]} ($(date -Is), $(nproc) cpus)" > "$summary"
for n in "${SIZES[@]}"; do
  if [ "$n" -ge 100000000 ]; then
    peers=${PEERS_100M:-duckdb duckdb_direct polars_lazy}
    runs=1
  else
    peers=${PEERS:-duckdb duckdb_direct polars_lazy pandas}
    runs=$(( n >= 10000000 ? 3 : 5 ))
  fi
  env PEERS="$peers" SKIP_QONLY=1 QUIET_MAX_WAIT="${QUIET_MAX_WAIT:-20}" "RUNS_$n=$runs" "$HERE/run.sh" "$n"
  REPS=$(( n >= 100000000 ? 3 : 5 )) "$HERE/inmemory.sh" "$n"
  if [ -x "$STATE/limits/floor" ]; then
    "$STATE/limits/floor" "$STATE/data/responses_$n.csv" 3 > "$OUT/floor-$n.txt"
  fi
  {
    echo; cat "$OUT/arvio-extra-$n.md"; echo; cat "$OUT/inmemory-$n.md"
    if [ -f "$OUT/floor-$n.txt" ]; then echo; echo '```'; grep '^D ' "$OUT/floor-$n.txt"; echo '```'; fi
  } >> "$summary"
done
"$HERE/cancel.py" 10000000
{ echo; cat "$OUT/cancel-10000000.md"; } >> "$summary"
cat "$summary"
