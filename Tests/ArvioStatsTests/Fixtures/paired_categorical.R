# Reference values for the paired categorical tests, multiple-testing adjustments and Wilson
# intervals (McNemarTests, BowkerStuartMaxwellTests, PValueAdjustmentTests, WilsonIntervalTests).
# Run: Rscript paired_categorical.R > paired_categorical.json
# Uses R's stats (mcnemar.test, binom.test, p.adjust, prop.test), coin (mh_test) and MASS (ginv).
suppressPackageStartupMessages({ library(coin); library(MASS) })
num <- function(x) if (length(x) == 1) sprintf("%.17g", x) else paste0("[", paste(sprintf("%.17g", x), collapse = ", "), "]")
mat <- function(m) paste0("[", paste(apply(m, 1, function(r) paste0("[", paste(r, collapse = ", "), "]")), collapse = ", "), "]")
obj <- function(...) { a <- list(...); paste0("{", paste(sprintf("\"%s\": %s", names(a), unlist(a)), collapse = ", "), "}") }
str <- function(s) sprintf("\"%s\"", s)

# 2x2 paired tables (first time in rows, second in columns).
# approval: Agresti (2002) Table 10.1, presidential approval of 1600 Americans in two surveys
#   a month apart (the example of R's ?mcnemar.test).
# pilot: the built-in pilot's post_status-like small table; small: few discordant pairs, where
#   the exact and asymptotic p differ most; oneway: every discordant pair in one direction.
twobytwo <- list(
  approval = matrix(c(794, 150, 86, 570), 2, byrow = TRUE),
  small = matrix(c(10, 1, 6, 3), 2, byrow = TRUE),
  oneway = matrix(c(4, 0, 5, 2), 2, byrow = TRUE),
  tied = matrix(c(7, 3, 3, 9), 2, byrow = TRUE),
  large = matrix(c(2100, 412, 371, 1800), 2, byrow = TRUE)
)
mcnemar <- c()
for (name in names(twobytwo)) {
  t <- twobytwo[[name]]
  b <- t[1, 2]; c <- t[2, 1]
  u <- mcnemar.test(t, correct = FALSE); k <- mcnemar.test(t, correct = TRUE)
  mcnemar <- c(mcnemar, obj(name = str(name), counts = mat(t),
    exactP = num(binom.test(b, b + c)$p.value),
    chiSquare = num(unname(u$statistic)), chiSquareP = num(u$p.value),
    corrected = num(unname(k$statistic)), correctedP = num(k$p.value)))
}

# kxk paired tables.
# vision: Stuart (1955), unaided distance vision of 7477 women, right eye (rows) by left eye
#   (columns), grades highest to lowest; the classic Stuart-Maxwell example.
# coffee: Agresti (2002) Table 10.5, brand of instant coffee at first and second purchase
#   (High Point, Taster's Choice, Sanka, Nescafe, Brim).
# likert: a 5-point item before and after with empty cells, as a pilot item gives.
# split: moves only within {1,2} and within {3,4}: V is singular beyond one category; the
#   reference uses the Moore-Penrose inverse (MASS::ginv) and rank(V) df.
square <- list(
  vision = matrix(c(1520, 266, 124, 66,  234, 1512, 432, 78,  117, 362, 1772, 205,  36, 82, 179, 492), 4, byrow = TRUE),
  coffee = matrix(c(93, 17, 44, 7, 10,  9, 46, 11, 0, 9,  17, 11, 155, 9, 12,  6, 4, 9, 15, 2,  10, 4, 12, 2, 27), 5, byrow = TRUE),
  likert = matrix(c(1, 2, 0, 0, 0,  0, 2, 3, 1, 0,  0, 1, 3, 2, 1,  0, 0, 0, 2, 1,  0, 0, 0, 0, 1), 5, byrow = TRUE),
  split = matrix(c(5, 3, 0, 0,  1, 4, 0, 0,  0, 0, 6, 4,  0, 0, 1, 2), 4, byrow = TRUE)
)
bowkerStat <- function(t) {
  s <- 0; df <- 0
  for (i in 1:(nrow(t) - 1)) for (j in (i + 1):nrow(t)) if (t[i, j] + t[j, i] > 0) {
    s <- s + (t[i, j] - t[j, i])^2 / (t[i, j] + t[j, i]); df <- df + 1 }
  c(s, df)
}
stuartMaxwell <- function(t) {
  d <- rowSums(t) - colSums(t)
  V <- -(t + t(t)); diag(V) <- rowSums(t) + colSums(t) - 2 * diag(t)
  df <- qr(V)$rank
  s <- as.numeric(t(d) %*% ginv(V) %*% d)
  c(s, df)
}
symmetry <- c()
for (name in names(square)) {
  t <- square[[name]]
  bw <- bowkerStat(t); sm <- stuartMaxwell(t)
  fields <- list(name = str(name), counts = mat(t),
                 bowker = num(bw[1]), bowkerDf = num(bw[2]), bowkerP = num(pchisq(bw[1], bw[2], lower.tail = FALSE)),
                 stuartMaxwell = num(sm[1]), stuartMaxwellDf = num(sm[2]),
                 stuartMaxwellP = num(pchisq(sm[1], sm[2], lower.tail = FALSE)))
  # Where no category pair is empty, R's own mcnemar.test gives Bowker's test directly, and
  # coin's asymptotic mh_test gives Stuart-Maxwell: both must agree with the formulas above.
  t2 <- t + t(t); if (all(t2[upper.tri(t2)] > 0)) {
    m <- mcnemar.test(t)
    stopifnot(abs(unname(m$statistic) - bw[1]) < 1e-9, unname(m$parameter) == bw[2])
    fields$mcnemarTestBowker <- num(unname(m$statistic))
  }
  if (sm[2] == nrow(t) - 1) {
    lv <- factor(seq_len(nrow(t)))
    tab <- as.table(t); dimnames(tab) <- list(first = lv, second = lv)
    mh <- mh_test(tab)
    stopifnot(abs(unname(statistic(mh)) - sm[1]) < 1e-6 * max(1, sm[1]))
    fields$coinMhTest <- num(unname(statistic(mh)))
  }
  symmetry <- c(symmetry, do.call(obj, fields))
}

# Multiple testing: the 15 p-values of Benjamini & Hochberg (1995, section 4), and a family with
# ties and a 1.
bh95 <- c(0.0001, 0.0004, 0.0019, 0.0095, 0.0201, 0.0278, 0.0298, 0.0344, 0.0459, 0.3240, 0.4262, 0.5719, 0.6528, 0.7590, 1.0000)
mixed <- c(0.04, 0.01, 0.04, 0.2, 0.003, 1, 0.5, 0.012)
adjust <- c(
  obj(name = str("bh95"), p = num(bh95), holm = num(p.adjust(bh95, "holm")), bh = num(p.adjust(bh95, "BH"))),
  obj(name = str("mixed"), p = num(mixed), holm = num(p.adjust(mixed, "holm")), bh = num(p.adjust(mixed, "BH"))))

# Wilson score intervals: prop.test without continuity correction.
cases <- list(c(0, 16), c(1, 16), c(7, 16), c(16, 16), c(81, 263), c(3, 4), c(1, 1), c(250, 1000))
wilson <- c()
for (x in cases) for (level in c(0.95, 0.90)) {
  ci <- suppressWarnings(prop.test(x[1], x[2], correct = FALSE, conf.level = level))$conf.int
  wilson <- c(wilson, obj(x = num(x[1]), n = num(x[2]), level = num(level), lower = num(ci[1]), upper = num(ci[2])))
}

cat("{\n")
cat(sprintf("\"R\": \"%s\",\n\"coin\": \"%s\",\n", R.version.string, packageVersion("coin")))
cat("\"mcnemar\": [\n", paste(mcnemar, collapse = ",\n"), "\n],\n", sep = "")
cat("\"square\": [\n", paste(symmetry, collapse = ",\n"), "\n],\n", sep = "")
cat("\"adjust\": [\n", paste(adjust, collapse = ",\n"), "\n],\n", sep = "")
cat("\"wilson\": [\n", paste(wilson, collapse = ",\n"), "\n]\n", sep = "")
cat("}\n")
