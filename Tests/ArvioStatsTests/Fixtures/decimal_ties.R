# The paired fixture of reference.R with its differences kept as one-decimal values (ties
# intact), as WilcoxonSignedRankTest(pre:post:) computes them; reference.R's values are those of
# the plain floating-point differences. Pratt's approximation: decimal_ties.py (SciPy).
#   Rscript Tests/ArvioStatsTests/Fixtures/decimal_ties.R
pre <- c(12.1, 14.3, 9.8, 11.0, 15.2, 13.7, 10.4, 12.9, 16.1, 11.8, 13.3, 9.5, 14.8, 12.2, 10.9, 15.6, 13.0, 11.4, 12.6, 14.0)
post <- c(13.4, 14.9, 11.2, 10.6, 16.0, 13.7, 12.1, 13.8, 16.5, 13.0, 12.7, 11.3, 15.9, 13.5, 10.5, 17.0, 14.1, 12.6, 12.8, 15.2)
d <- round(post - pre, 1)
exact <- coin::pvalue(coin::wilcoxsign_test(d ~ rep(0, length(d)), distribution = "exact", zero.method = "Wilcoxon"))
wa <- suppressWarnings(wilcox.test(post, pre, paired = TRUE, exact = FALSE, correct = FALSE, digits.rank = 7))
cat(sprintf("V %.10g\nexactP %.12g\napproxP %.12g\n", wa$statistic, exact, wa$p.value))
