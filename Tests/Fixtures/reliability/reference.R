# Reference values for ArvioStats' reliability (Cronbach's alpha, Feldt CI, item analysis,
# McDonald's omega total) computed by R's psych on psych::bfi (Revelle; 2800 respondents of the
# SAPA project, items 1-6: 1 = very inaccurate ... 6 = very accurate). A1 ("Am indifferent to the
# feelings of others") is reverse keyed. Reversal is done on the declared scale (7 - x), as Arvio.
# Run from this folder: Rscript reference.R   (writes the two CSV files and reference.json)
suppressPackageStartupMessages({ library(psych); library(jsonlite) })

data <- bfi[1:400, c("A1", "A2", "A3", "A4", "A5")]
data <- cbind(row = 1:400, data)
write.csv(data, "bfi-agreeableness.csv", row.names = FALSE, na = "")
# The first 120 respondents as long data, one row per answer (unanswered items have no row).
long <- reshape(data[1:120, ], direction = "long", varying = 2:6, v.names = "answer",
                timevar = "item", times = names(data)[2:6], idvar = "row")
long <- long[!is.na(long$answer), ]
long <- long[order(long$row, long$item), ]
write.csv(long, "bfi-agreeableness-long.csv", row.names = FALSE)

reverse <- function(x, items) { for (i in items) x[[i]] <- 7 - x[[i]]; x }

# One case: listwise complete rows (as SPSS and PSPP; psych would use pairwise by default).
reliability <- function(name, rows, items, reversed, omega = TRUE) {
  x <- na.omit(reverse(data[rows, items, drop = FALSE], reversed))
  a <- alpha(x, check.keys = FALSE, warnings = FALSE)
  r <- cor(x)
  out <- list(name = name, rows = rows, items = items, reversed = I(reversed), n = nrow(x),
    alpha = a$total$raw_alpha, standardizedAlpha = a$total$std.alpha,
    meanR = a$total$average_r,
    feldtLower = a$feldt$lower.ci[[1]], feldtUpper = a$feldt$upper.ci[[1]],
    itemN = a$item.stats$n, itemMean = a$item.stats$mean, itemSD = a$item.stats$sd,
    itemRest = a$item.stats$r.drop, alphaIfDropped = a$alpha.drop$raw_alpha)
  if (omega) {
    o <- suppressWarnings(omega(x, nfactors = 1, plot = FALSE, flip = FALSE))
    # psych's minres stops optim near 1e-5 in the loadings; the iterated principal-axis solution
    # of psych::fa converged to 1e-14 is the same (ULS) fixed point, exactly.
    pa <- fa(r, 1, fm = "pa", max.iter = 10000, min.err = 1e-14)
    out$omegaTotal <- o$omega.tot
    out$loadings <- as.vector(pa$loadings) * sign(sum(pa$loadings))
    out$minresLoadings <- as.vector(fa(r, 1, fm = "minres")$loadings)
  }
  out
}

rows120 <- 1:120
agreesix <- which(data$A2 == 6)   # everyone in this subset answered A2 "very accurate"
cases <- list(
  reliability("agreeableness", rows120, c("A1", "A2", "A3", "A4", "A5"), "A1"),
  reliability("notReversed", rows120, c("A1", "A2", "A3", "A4", "A5"), character(0)),
  # A2 has zero variance here; the reference leaves it out, as Arvio does (with a note)
  reliability("zeroVarianceWithoutA2", agreesix, c("A1", "A3", "A4", "A5"), "A1"),
  reliability("twoItems", rows120, c("A2", "A3"), character(0), omega = FALSE)
)

# Scale means with at least 4 of 5 answered (SPSS MEAN.4), A1 reversed, rows 1:120.
x <- reverse(data[rows120, 2:6], "A1")
answered <- rowSums(!is.na(x))
scaleMean <- ifelse(answered >= 4, rowMeans(x, na.rm = TRUE), NA)
scaleSum <- ifelse(answered >= 4, rowSums(x, na.rm = TRUE), NA)

writeLines(toJSON(list(R = R.version.string, psych = as.character(packageVersion("psych")),
  cases = cases, scaleMeanMin4 = scaleMean, scaleSumMin4 = scaleSum),
  auto_unbox = TRUE, digits = NA, pretty = TRUE, na = "null"), "reference.json")
