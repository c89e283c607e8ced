#!/usr/bin/env bash
# Fisher's exact test, exact and Monte Carlo, on six tables from 2x2 to 6x6 and n from 100 to
# 5,000: Arvio (release build) and R's fisher.test side by side in one run. Not a test.
#   swift build -c release --product arvio && bench/fisher.sh
# Prints one line per table: Arvio seconds, R exact seconds (workspace = 2e8), R Monte Carlo
# seconds (simulate.p.value, B = 1e5) and both p-values.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
ARVIO=${ARVIO:-$ROOT/.build/release/arvio}
WORK=${WORK:-/tmp/arvio-fisher-bench}
mkdir -p "$WORK"
[ -x "$ARVIO" ] || { echo "no $ARVIO: swift build -c release --product arvio" >&2; exit 1; }
command -v Rscript >/dev/null || { echo "needs Rscript" >&2; exit 1; }

# name rows cols n (cells drawn once with a fixed seed, each at least 1)
TABLES="t2x2 2 2 100
t2x6 2 6 975
t3x3 3 3 300
t4x4 4 4 200
t5x5 5 5 1000
t6x6 6 6 5000"

printf "%-6s %10s %10s %10s  %-14s %-14s\n" table arvio_s r_exact_s r_mc_s arvio_p r_p
while read -r name r c n; do
  csv=$WORK/$name.csv
  python3 - "$r" "$c" "$n" "$csv" <<'PY'
import random, sys
r, c, n, path = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
random.seed(17)
w = [[random.uniform(0.5, 2) for _ in range(c)] for _ in range(r)]
total = sum(map(sum, w))
cells = [[max(1, round(x * n / total)) for x in row] for row in w]
cells[r - 1][c - 1] = max(1, cells[r - 1][c - 1] + n - sum(map(sum, cells)))
with open(path, "w") as f:
    f.write("a,b,n\n")
    for i in range(r):
        for j in range(c):
            f.write(f"r{i},c{j},{cells[i][j]}\n")
PY
  printf '.load %s as t\nt | crosstab a by b weight n\n' "$csv" > "$WORK/$name.arvio"
  start=$(date +%s.%N)
  ap=$("$ARVIO" "$WORK/$name.arvio" 2>/dev/null | grep -E "^Fisher" | awk '{for(i=1;i<=NF;i++) if ($i ~ /^[0-9.<]/) {print $i; exit}}')
  at=$(echo "$(date +%s.%N) - $start" | bc)
  rout=$(Rscript -e "d <- read.csv('$csv'); t <- xtabs(n ~ a + b, d);
    e <- system.time(p <- tryCatch(fisher.test(t, workspace = 2e8)\$p.value, error = function(e) NA))[['elapsed']];
    m <- system.time(fisher.test(t, simulate.p.value = TRUE, B = 1e5))[['elapsed']];
    cat(e, m, signif(p, 6))")
  read -r re rm rp <<<"$rout"
  printf "%-6s %10.3f %10s %10s  %-14s %-14s\n" "$name" "$at" "$re" "$rm" "$ap" "$rp"
done <<<"$TABLES"
