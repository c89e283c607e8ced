#!/usr/bin/env bash
# Coverage-guided fuzzing of Arvio's readers with libFuzzer (ships in the Swift toolchain).
#
#   scripts/fuzz.sh [SECONDS] [TARGET...]
#
# Builds the targets of the Fuzz/ package (release, -sanitize=fuzzer), then runs each TARGET
# (statement, csv, codebook, notebook; all by default) for SECONDS (default 60), starting from
# the committed seed corpus in Fuzz/corpus/TARGET. An input that crashes, hangs for 10 s (FUZZ_TIMEOUT) or
# takes more than 4 GB is a failure: its reproducer is written to Fuzz/crashes/ and the script
# exits 1. Inputs that reach new coverage are kept in Fuzz/.work/TARGET (not committed) so a
# later run goes on from there. Reproduce a crash with
#   Fuzz/.build/release/FuzzStatement Fuzz/crashes/statement-crash-...
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

seconds=${1:-60}
[ $# -gt 0 ] && shift
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(statement csv codebook notebook)

binary_of() {
    case $1 in
        statement) echo FuzzStatement ;;
        csv) echo FuzzCSV ;;
        codebook) echo FuzzCodebook ;;
        notebook) echo FuzzNotebook ;;
        *) echo "fuzz.sh: unknown target \"$1\"; the targets are statement, csv, codebook, notebook" >&2; exit 2 ;;
    esac
}
# The longest input tried: enough for the nesting depths and wide rows that broke the readers.
max_len_of() {
    case $1 in
        statement) echo 8192 ;;
        codebook) echo 8192 ;;
        *) echo 16384 ;;
    esac
}
for t in "${targets[@]}"; do binary_of "$t" >/dev/null; done
# SwiftPM names a package by its folder: a checkout in a folder called "fuzz" clashes with Fuzz/.
if [ "$(basename "$root" | tr A-Z a-z)" = fuzz ]; then
    echo "fuzz.sh: the checkout's folder is named \"$(basename "$root")\", as Fuzz/ is; SwiftPM cannot tell the two packages apart. Run from a checkout in another folder." >&2
    exit 2
fi

# FUZZ_RUNS=N bounds each target by executions instead of time, with a fixed seed and Swift's
# deterministic hashing, so CI's runs repeat closely (coverage still differs by ~1% between checkouts).
bound=(-max_total_time="$seconds")
span="$seconds s"
if [ -n "${FUZZ_RUNS:-}" ]; then
    export SWIFT_DETERMINISTIC_HASHING=1
    bound=(-runs="$FUZZ_RUNS" -seed=1)
    span="$FUZZ_RUNS runs, seed 1"
fi

# FUZZ_TIMEOUT=S: the seconds one input may take before it counts as a hang (10 by default).
# A loaded machine stretches the wall clock libFuzzer measures, so an hour-long run beside
# builds takes a longer one; a real hang still trips it.
timeout=${FUZZ_TIMEOUT:-10}

flags=(-c release -Xswiftc -sanitize=fuzzer -Xswiftc -parse-as-library)
started=$(date +%s)
# One product at a time: `swift build` takes only the last of several --product options, and
# without one it builds the main package's executable too, which -parse-as-library breaks.
for t in "${targets[@]}"; do
    (cd Fuzz && swift build "${flags[@]}" --product "$(binary_of "$t")")
done
bin=$(cd Fuzz && swift build "${flags[@]}" --show-bin-path)
echo "fuzz: built in $(( $(date +%s) - started )) s"

mkdir -p Fuzz/crashes Fuzz/.work
# The targets run no meta-commands, but a scratch folder keeps anything they might write away
# from the checkout.
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
failed=()
for t in "${targets[@]}"; do
    exe=$bin/$(binary_of "$t")
    work=$root/Fuzz/.work/$t
    log=$root/Fuzz/.work/$t.log
    mkdir -p "$work"
    extra=()
    [ "$t" = statement ] && extra+=(-dict="$root/Fuzz/statement.dict")
    echo "fuzz: $t for $span"
    set +e
    (cd "$scratch" && "$exe" "${bound[@]}" -timeout="$timeout" -rss_limit_mb=4096 \
        -max_len="$(max_len_of "$t")" -print_final_stats=1 \
        -artifact_prefix="$root/Fuzz/crashes/$t-" "${extra[@]}" \
        "$work" "$root/Fuzz/corpus/$t") >"$log" 2>&1
    rc=$?
    set -e
    last=$(grep -E '^#[0-9]+' "$log" | tail -1 || true)
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    cov=$(echo "$last" | grep -oE 'cov: [0-9]+' || true)
    ft=$(echo "$last" | grep -oE 'ft: [0-9]+' || true)
    echo "fuzz: $t: ${runs:-?} executions, ${cov:-cov: ?}, ${ft:-ft: ?}"
    if [ $rc -ne 0 ]; then
        failed+=("$t")
        grep -E '^==[0-9]+==|SUMMARY|Fatal error|ERROR: libFuzzer' "$log" | head -5 || true
        sed -n 's/^.*Test unit written to \(.*\)$/fuzz: reproducer: \1/p' "$log"
        echo "fuzz: full log: $log"
    fi
done

if [ ${#failed[@]} -gt 0 ]; then
    echo "fuzz: FAILED: ${failed[*]}"
    exit 1
fi
echo "fuzz: no crash in ${targets[*]} ($(( $(date +%s) - started )) s in all)"
