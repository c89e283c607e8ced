#!/usr/bin/env bash
# Runs the shared peer benchmark with Arvio beside the peers, in the same run, plus Arvio's
# own measurements: start-up (T0), load only, peak memory, and the query-only phase.
#
#   swift build -c release --static-swift-stdlib     # the binary that is measured
#   bench/run.sh 1000000 10000000                     # sizes, as run_baselines.sh takes them
#   PEERS="duckdb polars_lazy" bench/run.sh 1000000   # a subset of peers (run_baselines.sh's knob)
#   SKIP_PEERS=1 bench/run.sh 10000000                # only bench/extra.sh's measurements
#
# bench/inmemory.sh (queries on loaded data, with the join, wall and CPU), bench/cancel.py
# (Ctrl-C to prompt) and bench/scale.sh (all of it at 1M, 10M and 100M) measure the rest.
#
# Env: ARVIO (default .build/release/arvio), SHARED_BENCH (default ../shared/bench beside
# the repository), BENCH_HOME (default /tmp/arvio-bench), and every knob of run_baselines.sh.
# Results go to OUT (default $BENCH_HOME/results-arvio, not the shared results folder):
# run_baselines.sh's files with arvio_* answers and timings beside the peers', summary.md, and
# arvio-extra-N.md from bench/extra.sh.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(dirname "$HERE")"
SHARED_BENCH=${SHARED_BENCH:-$ROOT/../shared/bench}
SHARED_BENCH="$(cd "$SHARED_BENCH" && pwd)"
ARVIO=${ARVIO:-$ROOT/.build/release/arvio}
ARVIO="$(cd "$(dirname "$ARVIO")" && pwd)/$(basename "$ARVIO")"
STATE=${BENCH_HOME:-/tmp/arvio-bench}
WORK=$STATE/work
export OUT=${OUT:-$STATE/results-arvio}
mkdir -p "$WORK"
[ -x "$ARVIO" ] || { echo "no $ARVIO: swift build -c release --static-swift-stdlib" >&2; exit 1; }

SIZES=("$@")
((${#SIZES[@]})) || SIZES=(100000 1000000 10000000)

# Confirmations (".load", "let") go to standard error, so standard output is the answer's CSV
# as compare.py reads it, with no wrapper around arvio.
for n in "${SIZES[@]}"; do
  csv=$STATE/data/responses_$n.csv
  [ -f "$csv" ] || { echo "missing $csv: python3 $SHARED_BENCH/gen.py --outdir $STATE/data $n" >&2; exit 1; }
  for t in t1 t2 t3; do
    sed "s#@CSV@#$csv#g" "$HERE/$t.arvio" > "$WORK/arvio_${t}_$n.arvio"
    T=${t^^}
    cmd="$ARVIO --no-data -f $WORK/arvio_${t}_$n.arvio"
    export "EXTRA_$T=arvio|$cmd"
  done
  if ! "$ARVIO" -c 'responses | delta score by phase per area' >/dev/null 2>&1; then
    echo "note: this arvio has no working delta verb; T2 is measured for the peers only" >&2
    unset EXTRA_T2
  fi
  if [ "${SKIP_PEERS:-}" != 1 ]; then
    SKIP_T0=${SKIP_T0:-1} SKIP_LIMITS=${SKIP_LIMITS:-1} "$SHARED_BENCH/run_baselines.sh" "$n"
  fi
  "$HERE/extra.sh" "$n"
done
