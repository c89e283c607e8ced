# Expected values for the delta verb's fixtures (R 4.2.2, coin). Run: Rscript reference.R > reference.txt
suppressMessages(library(coin))
one <- function(name, pre, post) {
  d <- post - pre
  tt <- t.test(post, pre, paired = TRUE)
  wa <- suppressWarnings(wilcox.test(post, pre, paired = TRUE, exact = FALSE, correct = FALSE))
  n <- sum(d != 0)
  wc <- if (n <= 50) as.numeric(pvalue(wilcoxsign_test(post ~ pre, distribution = "exact", zero.method = "Wilcoxon"))) else NA
  cat(sprintf("%s n=%d t=%.12g p_t=%.12g lo=%.12g hi=%.12g dz=%.12g V=%.1f p_exact=%.12g p_approx=%.12g p_sign=%.12g rb=%.12g mean=%.12g median=%.12g\n",
      name, length(d), tt$statistic, tt$p.value, tt$conf.int[1], tt$conf.int[2], mean(d)/sd(d), wa$statistic, wc, wa$p.value,
      binom.test(sum(d > 0), sum(d != 0))$p.value, (2*wa$statistic - n*(n+1)/2)/(n*(n+1)/2), mean(d), median(d)))
}
cont <- read.csv("continuous.csv")
one("continuous", cont$pre, cont$post)
big <- read.csv("large.csv")
one("large", big$pre, big$post)
