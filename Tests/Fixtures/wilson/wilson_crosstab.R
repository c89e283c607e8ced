# Wilson 95% intervals of crosstab percentages and pct(), from R's prop.test(correct = FALSE)
# (Tests/ArvioShellTests/WilsonCrosstabTests.swift). Run from the repository root:
#   Rscript Tests/Fixtures/wilson/wilson_crosstab.R > Tests/Fixtures/wilson/wilson_crosstab.csv
# One row per participant of the built-in data (datasets/wire3/participants.csv): what
# `participants | crosstab entry_route by post_status cells row, column, total ci` counts.
p <- read.csv("datasets/wire3/participants.csv", stringsAsFactors = FALSE)
p <- p[p$entry_route != "" & p$post_status != "", ]
t <- table(p$entry_route, p$post_status)
rt <- rowSums(t); ct <- colSums(t); n <- sum(t)
wilson <- function(x, of) 100 * suppressWarnings(prop.test(x, of, correct = FALSE))$conf.int
out <- data.frame()
add <- function(kind, row, column, x, of) {
  ci <- wilson(x, of)
  out <<- rbind(out, data.frame(kind = kind, row = row, column = column, x = x, n = of,
                                low = sprintf("%.12g", ci[1]), high = sprintf("%.12g", ci[2])))
}
for (r in rownames(t)) for (c in colnames(t)) {
  add("row", r, c, t[r, c], rt[[r]])
  add("column", r, c, t[r, c], ct[[c]])
  add("total", r, c, t[r, c], n)
}
# The margins that are shares: the total row's row % (a column's share of everyone), the total
# column's column % (a row's share) and both margins' total %.
for (c in colnames(t)) { add("row", "total", c, ct[[c]], n); add("total", "total", c, ct[[c]], n) }
for (r in rownames(t)) { add("column", r, "total", rt[[r]], n); add("total", r, "total", rt[[r]], n) }
# pct_low / pct_high: `participants | group org aggregate pct_low(post_status == "responded"), ...`
for (o in sort(unique(p$org))) {
  s <- p[p$org == o, ]
  add("pct", o, "responded", sum(s$post_status == "responded"), nrow(s))
}
write.csv(out, row.names = FALSE, quote = FALSE)
