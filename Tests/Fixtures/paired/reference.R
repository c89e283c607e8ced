# Reference values for the paired cross-tab and the multiple-testing corrections on the
# built-in data (Tests/ArvioShellTests/PairedCrosstabTests.swift).
# Run from the repository root: Rscript Tests/Fixtures/paired/reference.R > Tests/Fixtures/paired/reference.txt
# Uses R's stats (mcnemar.test, binom.test, p.adjust) and MASS (ginv) on datasets/wire3.
suppressPackageStartupMessages(library(MASS))
r <- read.csv("datasets/wire3/responses.csv", stringsAsFactors = FALSE)
pre <- r[r$phase == "pre", c("participant", "item", "score")]
post <- r[r$phase == "post", c("participant", "item", "score")]
pairs <- merge(pre, post, by = c("participant", "item"), suffixes = c("_pre", "_post"))
line <- function(name, ...) cat(name, sprintf(...), "\n")

bowker <- function(t) {
  s <- 0; df <- 0
  for (i in 1:(nrow(t) - 1)) for (j in (i + 1):nrow(t)) if (t[i, j] + t[j, i] > 0) {
    s <- s + (t[i, j] - t[j, i])^2 / (t[i, j] + t[j, i]); df <- df + 1 }
  c(s, df, pchisq(s, df, lower.tail = FALSE))
}
stuart <- function(t) {
  d <- rowSums(t) - colSums(t)
  V <- -(t + t(t)); diag(V) <- rowSums(t) + colSums(t) - 2 * diag(t)
  df <- qr(V)$rank
  s <- as.numeric(t(d) %*% ginv(V) %*% d)
  c(s, df, pchisq(s, df, lower.tail = FALSE))
}
square <- function(x, y) {
  lv <- sort(unique(c(x, y)))
  unclass(table(factor(x, lv), factor(y, lv)))
}

# All 144 participant x item pairs in one table (the categories that occur at either time).
t <- square(pairs$score_pre, pairs$score_post)
b <- bowker(t); s <- stuart(t)
line("all", "n=%d bowker=%.12g bowker_df=%d bowker_p=%.12g stuart=%.12g stuart_df=%d stuart_p=%.12g",
     sum(t), b[1], b[2], b[3], s[1], s[2], s[3])

# Per item: one pair per participant, Holm and BH over the items' tests.
items <- sort(unique(pairs$item))
res <- t(sapply(items, function(it) {
  p <- pairs[pairs$item == it, ]
  t <- square(p$score_pre, p$score_post)
  c(bowker(t), stuart(t))
}))
holmB <- p.adjust(res[, 3], "holm"); holmS <- p.adjust(res[, 6], "holm"); bhS <- p.adjust(res[, 6], "BH")
for (k in seq_along(items)) {
  line(items[k], "bowker=%.12g bowker_df=%d bowker_p=%.12g bowker_holm=%.12g stuart=%.12g stuart_df=%d stuart_p=%.12g stuart_holm=%.12g stuart_bh=%.12g",
       res[k, 1], res[k, 2], res[k, 3], holmB[k], res[k, 4], res[k, 5], res[k, 6], holmS[k], bhS[k])
}

# Item OH1 dichotomised at "hyvin" (4): McNemar exact (binom.test) and both chi-squares.
p <- pairs[pairs$item == "OH1", ]
t2 <- table(factor(p$score_pre >= 4, c(FALSE, TRUE)), factor(p$score_post >= 4, c(FALSE, TRUE)))
m0 <- mcnemar.test(t2, correct = FALSE); m1 <- mcnemar.test(t2, correct = TRUE)
line("OH1_high", "b=%d c=%d exact_p=%.12g chisq=%.12g chisq_p=%.12g corrected=%.12g corrected_p=%.12g",
     t2[1, 2], t2[2, 1], binom.test(t2[1, 2], t2[1, 2] + t2[2, 1])$p.value,
     unname(m0$statistic), m0$p.value, unname(m1$statistic), m1$p.value)

# delta score by phase per item: the exact Wilcoxon signed-rank p of each item (coin, zeros
# dropped) and the sign test, each family Holm-adjusted over the 12 items.
suppressPackageStartupMessages(library(coin))
w <- sapply(items, function(it) {
  p <- pairs[pairs$item == it, ]
  as.numeric(pvalue(wilcoxsign_test(score_post ~ score_pre, data = p, distribution = "exact", zero.method = "Wilcoxon")))
})
sg <- sapply(items, function(it) {
  d <- with(pairs[pairs$item == it, ], score_post - score_pre)
  binom.test(sum(d > 0), sum(d != 0))$p.value
})
wh <- p.adjust(w, "holm"); sh <- p.adjust(sg, "holm"); wb <- p.adjust(w, "BH")
for (k in seq_along(items)) {
  line(paste0("delta_", items[k]), "wilcoxon_p=%.12g wilcoxon_holm=%.12g wilcoxon_bh=%.12g sign_p=%.12g sign_holm=%.12g",
       w[k], wh[k], wb[k], sg[k], sh[k])
}

# Between groups: one change per participant (the mean of post - pre over the participant's
# items), compared between entry routes (exact Mann-Whitney, coin) and between organisations
# (Kruskal-Wallis: kruskal.test for H, the exact permutation p counted over every split of the
# midranks into groups of the observed sizes, independently of Arvio's enumeration).
people <- read.csv("datasets/wire3/participants.csv", stringsAsFactors = FALSE)
pairs$d <- pairs$score_post - pairs$score_pre
change <- aggregate(d ~ participant, data = pairs, FUN = mean)
change <- merge(change, people, by.x = "participant", by.y = "id")
route <- factor(change$entry_route, levels = c("employer", "own"))
mw <- wilcox_test(d ~ route, data = change, distribution = "exact")
u <- sum(outer(change$d[route == "employer"], change$d[route == "own"], function(a, b) (a > b) + 0.5 * (a == b)))
n1 <- sum(route == "employer"); n2 <- sum(route == "own")
line("between_route", "n=%d n_employer=%d n_own=%d U=%.12g p=%.12g rb=%.12g", nrow(change), n1, n2, u,
     as.numeric(pvalue(mw)), 2 * u / (n1 * n2) - 1)
splits <- function(idx, sizes) {
  if (length(sizes) == 1) return(list(list(idx)))
  out <- list(); cm <- combn(length(idx), sizes[1])
  for (a in seq_len(ncol(cm))) for (rest in splits(idx[-cm[, a]], sizes[-1])) out[[length(out) + 1]] <- c(list(idx[cm[, a]]), rest)
  out
}
org <- factor(change$org, levels = c("Katulähetys", "Työttömät", "Tekevä", "Setlementti"))
org <- droplevels(org)
k <- kruskal.test(change$d, org)
r <- rank(change$d); sizes <- as.vector(table(org))
score <- function(groups) sum(sapply(seq_along(groups), function(g) sum(r[groups[[g]]])^2 / sizes[g]))
obs <- sum(tapply(r, org, sum)^2 / sizes)
all <- sapply(splits(seq_along(r), sizes), score)
line("between_org", "n=%d groups=%d H=%.12g df=%d p_chisq=%.12g p_exact=%.12g eps2=%.12g arrangements=%d",
     nrow(change), nlevels(org), unname(k$statistic), unname(k$parameter), k$p.value,
     mean(all >= obs * (1 - 1e-12)), unname(k$statistic) / (nrow(change) - 1), length(all))

# freq post_status ci: Wilson intervals (prop.test without continuity correction) of each
# status among the 16 participants.
status <- table(factor(people$post_status, levels = c("responded", "moved", "dropped_out", "no_time")))
for (s in names(status)) {
  ci <- suppressWarnings(prop.test(status[[s]], sum(status), correct = FALSE))$conf.int
  line(paste0("wilson_", s), "n=%d of=%d low=%.12g high=%.12g", status[[s]], sum(status), 100 * ci[1], 100 * ci[2])
}

# chart dumbbell score by phase per org on the overall item: the means of the pairs only (the
# four without an end answer left out of both means).
overall <- merge(pairs[pairs$item == "overall", ], people, by.x = "participant", by.y = "id")
for (o in c("Katulähetys", "Työttömät", "Tekevä", "Setlementti")) {
  x <- overall[overall$org == o, ]
  line(paste0("dumbbell_", o), "n=%d pre=%.12g post=%.12g", nrow(x), mean(x$score_pre), mean(x$score_post))
}

# delta score by phase [per area]: the tests on one pair per participant, its mean answer before
# and after over the items (of the area), as coin's exact wilcoxsign_test and t.test. The mean
# change is a fraction (sum of changes / items); mean(post) - mean(pre) in binary floating point
# can give two equal fractions different last bits (17/6 - 14/6 vs 20/6 - 17/6) and break their
# tie, so the signed-rank test is on the changes rounded to 9 decimals, the fractions as they are
# (Arvio sums the changes in whole numbers and divides once: DecimalDifferences.scaled).
unitTests <- function(name, p) {
  m <- aggregate(cbind(score_pre, score_post) ~ participant, data = p, FUN = mean)
  exact <- data.frame(d = round(m$score_post - m$score_pre, 9), zero = 0)
  w <- as.numeric(pvalue(wilcoxsign_test(d ~ zero, data = exact, distribution = "exact", zero.method = "Wilcoxon")))
  t <- t.test(m$score_post, m$score_pre, paired = TRUE)
  d <- m$score_post - m$score_pre
  line(name, "n=%d wilcoxon_p=%.12g t=%.12g t_p=%.12g sign_p=%.12g", nrow(m), w, unname(t$statistic), t$p.value,
       binom.test(sum(d > 0), sum(d != 0))$p.value)
  c(w, t$p.value)
}
items <- read.csv("datasets/wire3/items.csv", stringsAsFactors = FALSE)
withArea <- merge(pairs, items[, c("code", "area")], by.x = "item", by.y = "code")
invisible(unitTests("unit_all", pairs))
areaNames <- sort(unique(withArea$area))
areaP <- sapply(areaNames, function(a) unitTests(paste0("unit_", gsub(" ", "_", a)), withArea[withArea$area == a, ]))
# delta ... per area: Holm over the 5 areas, each kind of test on its own (p.adjust).
holmW <- p.adjust(areaP[1, ], "holm"); holmT <- p.adjust(areaP[2, ], "holm")
for (i in seq_along(areaNames)) line(paste0("holm_", gsub(" ", "_", areaNames[i])), "wilcoxon_p_adj=%.12g t_p_adj=%.12g", holmW[i], holmT[i])
