# Tie groups of 1.3 million values (t^3 overflows a 64-bit integer above 2.1 million; here the
# zeros form one group of 2.6 million): the values of Tests/ArvioStatsTests/LargeTieGroupTests.swift.
# Rscript Tests/Fixtures/ties/large_ties.R
x <- c(rep(0, 1300000), rep(1, 10))
y <- c(rep(0, 1300000), rep(1, 30))
w <- wilcox.test(x, y, exact = FALSE, correct = FALSE)
k <- kruskal.test(list(x, y))
cat(sprintf("W %.1f p %.15g\nH %.15g p %.15g\n", w$statistic, w$p.value, k$statistic, k$p.value))
