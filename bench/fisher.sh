#!/usr/bin/env bash
# Fisher's exact test, exact and Monte Carlo, on six tables from 2x2 to 6x6 and n from 100 to
# 5,000: Arvio and R's fisher.test side by side in one run, with ratios. Not a test; run it on a
# quiet machine (R's exact 4x4 with n = 200 takes about a minute).
#   bench/fisher.sh
# Arvio is timed on the statistic alone (bench/fisher-bench/main.swift, compiled here with
# swiftc -O together with Sources/ArvioStats), as R's system.time(fisher.test(...)) is:
#   exact  FisherExactTest with its default budget (10 s, 512 MB; beyond it Monte Carlo, marked mc)
#          against fisher.test(workspace = 2e8) (NA where FEXACT runs out of workspace)
#   mc     B = 100,000 Patefield tables against fisher.test(simulate.p.value = TRUE, B = 1e5)
# ratio = R seconds / Arvio seconds (above 1: Arvio is faster).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
WORK=${WORK:-/tmp/arvio-fisher-bench}
mkdir -p "$WORK"
command -v Rscript >/dev/null || { echo "needs Rscript" >&2; exit 1; }
BENCH=$WORK/fisher-bench
if [ ! -x "$BENCH" ] || [ -n "$(find "$ROOT/Sources/ArvioStats" "$ROOT/bench/fisher-bench" -newer "$BENCH" -name '*.swift' | head -1)" ]; then
  echo "compiling $BENCH (swiftc -O, about a minute)" >&2
  swiftc -O -parse-as-library -module-name ArvioStats -o "$BENCH" \
    $(find "$ROOT/Sources/ArvioStats" -name '*.swift') "$ROOT/bench/fisher-bench/main.swift"
fi

# name rows cols n (cells drawn once with a fixed seed, each at least 1); FISHER_TABLES="t2x2 2 2
# 100" runs a subset, as a smoke test.
DEFAULT_TABLES="t2x2 2 2 100
t2x6 2 6 975
t3x3 3 3 300
t4x4 4 4 200
t5x5 5 5 1000
t6x6 6 6 5000"
TABLES=${FISHER_TABLES:-$DEFAULT_TABLES}

printf "%-6s %9s %9s %7s  %9s %9s %7s  %-12s %-12s %-12s\n" \
  table arvio_ex r_ex ratio arvio_mc r_mc ratio arvio_p r_exact_p r_mc_p
while read -r name r c n; do
  cells=$(python3 - "$r" "$c" "$n" <<'PY'
import random, sys
r, c, n = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
random.seed(17)
w = [[random.uniform(0.5, 2) for _ in range(c)] for _ in range(r)]
total = sum(map(sum, w))
cells = [[max(1, round(x * n / total)) for x in row] for row in w]
cells[r - 1][c - 1] = max(1, cells[r - 1][c - 1] + n - sum(map(sum, cells)))
print(";".join(",".join(map(str, row)) for row in cells))
PY
)
  read -r ae ap am amc amp <<<"$("$BENCH" "$cells")"
  rout=$(Rscript -e "t <- do.call(rbind, lapply(strsplit(strsplit('$cells', ';')[[1]], ','), as.numeric));
    p <- NA; e <- system.time(p <- tryCatch(fisher.test(t, workspace = 2e8)\$p.value, error = function(e) NA))[['elapsed']];
    if (is.na(p)) e <- NA;
    m <- system.time(q <- fisher.test(t, simulate.p.value = TRUE, B = 1e5)\$p.value)[['elapsed']];
    cat(e, m, signif(p, 6), signif(q, 6))")
  read -r re rm rp rq <<<"$rout"
  ratio() { if [ "$1" = NA ]; then echo NA; else awk -v a="$1" -v b="$2" 'BEGIN { if (b < 1e-4) b = 1e-4; printf "%.1f", a / b }'; fi; }
  exact_ratio=NA
  [ "$am" = exact ] && exact_ratio=$(ratio "$re" "$ae")
  printf "%-6s %9s %9s %7s  %9s %9s %7s  %-12s %-12s %-12s\n" "$name" "$ae${am/exact/}" "$re" "$exact_ratio" \
    "$amc" "$rm" "$(ratio "$rm" "$amc")" "$ap" "$rp" "$rq"
done <<<"$TABLES"
echo "arvio_ex marked mc: the exact budget was spent and the time includes the Monte Carlo that followed" >&2
