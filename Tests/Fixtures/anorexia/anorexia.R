# MASS::anorexia (Hand et al. 1994): weights (lb) before and after treatment, 72 girls.
# Writes anorexia.csv and the reference values of the Wilcoxon signed-rank test of the CBT
# group (Postwt - Prewt) with the decimal ties kept: R's wilcox.test rounds |d| to 7 significant
# digits before ranking (digits.rank = 7); coin's exact test agrees.
#   Rscript Tests/Fixtures/anorexia/anorexia.R   (from the repository root)
library(MASS)
out <- "Tests/Fixtures/anorexia/"
write.csv(anorexia, paste0(out, "anorexia.csv"), row.names = FALSE)
cbt <- subset(anorexia, Treat == "CBT")
d <- cbt$Postwt - cbt$Prewt
w <- suppressWarnings(wilcox.test(cbt$Postwt, cbt$Prewt, paired = TRUE, exact = TRUE, correct = FALSE, digits.rank = 7))
f <- suppressWarnings(wilcox.test(cbt$Postwt, cbt$Prewt, paired = TRUE, exact = TRUE, correct = FALSE))
lines <- c(sprintf("n_cbt %d", nrow(cbt)),
           sprintf("wplus_digits7 %.10g", w$statistic),
           sprintf("wplus_float %.10g", f$statistic))
if (requireNamespace("coin", quietly = TRUE)) {
  # The differences on the data's one decimal (round(d, 1) is the decimal value exactly as read).
  exact <- data.frame(d = round(d, 1), zero = 0)
  s <- coin::wilcoxsign_test(d ~ zero, data = exact, distribution = "exact", zero.method = "Wilcoxon")
  s0 <- coin::wilcoxsign_test(Postwt ~ Prewt, data = cbt, distribution = "exact", zero.method = "Wilcoxon")
  lines <- c(lines, sprintf("coin_exact_p_decimal %.10g", coin::pvalue(s)),
             sprintf("coin_exact_p_float %.10g", coin::pvalue(s0)))
}
writeLines(lines, paste0(out, "reference.txt"))
cat(lines, sep = "\n")
