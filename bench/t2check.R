# Unit-mean paired tests per area of T2 (bench data), as delta computes them: per participant and
# area, the mean of its complete (pre, post) item pairs; Wilcoxon (normal, tie-corrected, no
# continuity correction) and paired t on those means.
args <- commandArgs(TRUE)
r <- read.csv(args[1], stringsAsFactors = FALSE)
pre <- r[r$phase == "pre", c("participant", "item", "area", "score")]
post <- r[r$phase == "post", c("participant", "item", "score")]
m <- merge(pre, post, by = c("participant", "item"), suffixes = c(".pre", ".post"))
m <- m[!is.na(m$score.pre) & !is.na(m$score.post), ]
for (a in sort(unique(m$area))) {
  x <- m[m$area == a, ]
  k <- tapply(x$score.pre, x$participant, length)
  sp <- tapply(x$score.pre, x$participant, sum)
  sq <- tapply(x$score.post, x$participant, sum)
  d <- (sq - sp) / k
  w <- wilcox.test(d, correct = FALSE, exact = FALSE)
  rk <- rank(abs(d[d != 0]))
  z <- (w$statistic - sum(rk) / 2) / sqrt(sum(rk^2) / 4)
  t <- t.test(sq / k, sp / k, paired = TRUE)
  cat(sprintf("%s units %d V %.1f z %.6f t %.6f df %d ci %.9f %.9f up %d down %d median %.9f\n", a, length(d),
      w$statistic, z, t$statistic, t$parameter, t$conf.int[1], t$conf.int[2], sum(d > 0), sum(d < 0), median(d)))
}
