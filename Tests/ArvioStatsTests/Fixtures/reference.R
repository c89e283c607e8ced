# Reference values for ArvioStats computed by R (stats, coin, exactRankTests).
# Run: Rscript reference.R > reference.json
suppressPackageStartupMessages({ library(coin); library(exactRankTests) })
num <- function(x) if (length(x) == 1) sprintf("%.17g", x) else paste0("[", paste(sprintf("%.17g", x), collapse = ", "), "]")
mat <- function(m) paste0("[", paste(apply(m, 1, function(r) paste0("[", paste(r, collapse = ", "), "]")), collapse = ", "), "]")
obj <- function(...) { a <- list(...); paste0("{", paste(sprintf("\"%s\": %s", names(a), unlist(a)), collapse = ", "), "}") }
str <- function(s) sprintf("\"%s\"", s)

tables <- list(
  fisher4x4n104 = matrix(c(8, 3, 5, 9,  4, 10, 6, 6,  7, 5, 9, 4,  3, 8, 6, 11), 4, byrow = TRUE),
  fisher2x2large = matrix(c(120, 80, 95, 130), 2, byrow = TRUE),
  fisher3x3 = matrix(c(5, 1, 2,  2, 6, 1,  0, 3, 8), 3, byrow = TRUE),
  fisher2x6sparse = matrix(c(0, 3, 1, 4, 0, 2,  3, 0, 2, 1, 4, 0), 2, byrow = TRUE),
  fisher3x4 = matrix(c(6, 2, 0, 4,  1, 7, 3, 2,  2, 1, 8, 3), 3, byrow = TRUE)
)
contingency <- c()
for (name in names(tables)) {
  t <- tables[[name]]
  f <- fisher.test(t, workspace = 2e8)
  cs <- suppressWarnings(chisq.test(t, correct = FALSE))
  fields <- list(name = str(name), counts = mat(t), fisherP = num(f$p.value),
                 chiSquare = num(unname(cs$statistic)), df = num(unname(cs$parameter)), chiSquareP = num(cs$p.value),
                 adjustedResiduals = mat(matrix(sprintf("%.17g", cs$stdres), nrow(t))))
  if (all(dim(t) == 2)) {
    fields$fisherLess <- num(fisher.test(t, alternative = "less")$p.value)
    fields$fisherGreater <- num(fisher.test(t, alternative = "greater")$p.value)
    y <- suppressWarnings(chisq.test(t, correct = TRUE))
    fields$yates <- num(unname(y$statistic)); fields$yatesP <- num(y$p.value)
  }
  contingency <- c(contingency, do.call(obj, fields))
}

# An ordinal 4x4 table: tau-b and Spearman by cor.test on the expanded data; gamma by brute-force pair counting.
ord <- matrix(c(9, 5, 2, 1,  4, 8, 6, 2,  2, 5, 9, 6,  1, 2, 4, 10), 4, byrow = TRUE)
x <- rep(row(ord), ord); y <- rep(col(ord), ord)
k <- suppressWarnings(cor.test(x, y, method = "kendall", exact = FALSE, continuity = FALSE))
s <- suppressWarnings(cor.test(x, y, method = "spearman", exact = FALSE))
conc <- 0; disc <- 0
for (i in seq_along(x)) for (j in seq_along(x)) if (i < j) {
  p <- (x[i] - x[j]) * (y[i] - y[j]); if (p > 0) conc <- conc + 1; if (p < 0) disc <- disc + 1 }
ordinal <- obj(counts = mat(ord), tauB = num(unname(k$estimate)), tauBZ = num(unname(k$statistic)), tauBP = num(k$p.value),
               spearman = num(unname(s$estimate)), spearmanP = num(s$p.value),
               concordant = num(conc), discordant = num(disc), gamma = num((conc - disc) / (conc + disc)))

# Continuous pre/post data (n = 20, one zero difference and a tie in |d|).
pre  <- c(12.1, 14.3, 9.8, 11.0, 15.2, 13.7, 10.4, 12.9, 16.1, 11.8, 13.3, 9.5, 14.8, 12.2, 10.9, 15.6, 13.0, 11.4, 12.6, 14.0)
post <- c(13.4, 14.9, 11.2, 10.6, 16.0, 13.7, 12.1, 13.8, 16.5, 13.0, 12.7, 11.3, 15.9, 13.5, 10.5, 17.0, 14.1, 12.6, 12.8, 15.2)
d <- post - pre
tt <- t.test(post, pre, paired = TRUE)
wx <- wilcox.exact(post, pre, paired = TRUE)
wc <- pvalue(wilcoxsign_test(post ~ pre, distribution = "exact", zero.method = "Wilcoxon"))
wa <- suppressWarnings(wilcox.test(post, pre, paired = TRUE, exact = FALSE, correct = FALSE))
paired <- obj(pre = num(pre), post = num(post), meanDiff = num(mean(d)), t = num(unname(tt$statistic)),
              df = num(unname(tt$parameter)), p = num(tt$p.value), ciLow = num(tt$conf.int[1]), ciHigh = num(tt$conf.int[2]),
              dz = num(mean(d) / sd(d)), wilcoxonV = num(unname(wa$statistic)), wilcoxonExactP = num(wx$p.value),
              wilcoxonCoinP = num(as.numeric(wc)), wilcoxonApproxP = num(wa$p.value),
              signP = num(binom.test(sum(d > 0), sum(d != 0))$p.value))

# A larger sample, above the exact limit: normal approximation with tie correction, no continuity.
set.seed(20070116)
bigPre <- round(rnorm(70, 50, 10)); bigPost <- bigPre + round(rnorm(70, 1.5, 4))
bw <- suppressWarnings(wilcox.test(bigPost, bigPre, paired = TRUE, exact = FALSE, correct = FALSE))
bz <- statistic(wilcoxsign_test(bigPost ~ bigPre, distribution = "asymptotic", zero.method = "Wilcoxon"))
large <- obj(pre = num(bigPre), post = num(bigPost), wilcoxonV = num(unname(bw$statistic)), p = num(bw$p.value),
             z = num(as.numeric(bz)))

# Two independent groups with ties: Mann-Whitney exact conditional (coin, exactRankTests), approx, Welch.
g1 <- c(3, 5, 5, 6, 7, 7, 7, 9, 10, 12)
g2 <- c(5, 6, 8, 8, 9, 10, 11, 11, 12, 13, 14, 15)
mwe <- wilcox.exact(g1, g2)
mwc <- pvalue(wilcox_test(v ~ g, data = data.frame(v = c(g1, g2), g = factor(rep(c("a", "b"), c(10, 12)))),
                          distribution = "exact"))
mwa <- suppressWarnings(wilcox.test(g1, g2, exact = FALSE, correct = FALSE))
wt <- t.test(g1, g2)
twoSample <- obj(x = num(g1), y = num(g2), u = num(unname(mwa$statistic)), exactP = num(mwe$p.value),
                 coinP = num(as.numeric(mwc)), approxP = num(mwa$p.value),
                 welchT = num(unname(wt$statistic)), welchDf = num(unname(wt$parameter)), welchP = num(wt$p.value),
                 welchLow = num(wt$conf.int[1]), welchHigh = num(wt$conf.int[2]))

# Descriptives and correlation ratio.
v <- c(4.2, 7.9, 1.3, 5.5, 9.1, 3.3, 6.8, 2.7, 8.4, 5.0, 7.2)
grp <- factor(c("a", "b", "a", "c", "b", "a", "c", "a", "b", "c", "b"))
eta <- sqrt(summary(lm(v ~ grp))$r.squared)
descriptive <- obj(values = num(v), mean = num(mean(v)), sd = num(sd(v)),
                   q7 = num(unname(quantile(v, c(0.1, 0.25, 0.5, 0.75, 0.9), type = 7))),
                   q6 = num(unname(quantile(v, c(0.1, 0.25, 0.5, 0.75, 0.9), type = 6))),
                   groups = paste0("[", paste(sprintf("\"%s\"", grp), collapse = ", "), "]"), eta = num(eta))

cat("{\n\"R\": ", str(R.version.string), ",\n\"coin\": ", str(as.character(packageVersion("coin"))),
    ",\n\"contingency\": [\n", paste(contingency, collapse = ",\n"), "\n],\n\"ordinal\": ", ordinal,
    ",\n\"paired\": ", paired, ",\n\"pairedLarge\": ", large, ",\n\"twoSample\": ", twoSample,
    ",\n\"descriptive\": ", descriptive, "\n}\n", sep = "")
