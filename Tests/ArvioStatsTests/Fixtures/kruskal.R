# Reference values for KruskalWallisTest (Tests/ArvioStatsTests/KruskalWallisTestTests.swift).
# Run: Rscript kruskal.R > kruskal.json
# H and its chi-square p from R's kruskal.test; the exact permutation p (conditional on ties) by
# counting every split of the pooled midranks into groups of the observed sizes, here in R
# independently of Arvio's enumeration; epsilon squared as rcompanion::epsilonSquared,
# H / ((n^2 - 1) / (n + 1)).
num <- function(x) if (length(x) == 1) sprintf("%.17g", x) else paste0("[", paste(sprintf("%.17g", x), collapse = ", "), "]")
obj <- function(...) { a <- list(...); paste0("{", paste(sprintf("\"%s\": %s", names(a), unlist(a)), collapse = ", "), "}") }
vec <- function(l) paste0("[", paste(sapply(l, num), collapse = ", "), "]")

# The sum over groups of (rank sum)^2 / size for every way to split ranks r into three groups.
exact3 <- function(r, sizes) {
  n <- length(r); obs <- NULL
  scores <- c()
  first <- combn(n, sizes[1])
  for (a in seq_len(ncol(first))) {
    rest <- setdiff(seq_len(n), first[, a])
    second <- combn(length(rest), sizes[2])
    s1 <- sum(r[first[, a]])
    s2 <- apply(second, 2, function(b) sum(r[rest[b]]))
    s3 <- sum(r) - s1 - s2
    scores <- c(scores, s1^2 / sizes[1] + s2^2 / sizes[2] + s3^2 / sizes[3])
  }
  scores
}
case <- function(name, groups) {
  x <- unlist(groups); g <- factor(rep(seq_along(groups), sapply(groups, length)))
  k <- kruskal.test(x, g)
  r <- rank(x); sizes <- sapply(groups, length)
  obs <- sum(tapply(r, g, sum)^2 / sizes)
  fields <- list(name = sprintf("\"%s\"", name), groups = vec(groups), H = num(unname(k$statistic)),
                 df = num(unname(k$parameter)), asymptoticP = num(k$p.value),
                 epsilonSquared = num(unname(k$statistic) / ((length(x)^2 - 1) / (length(x) + 1))))
  if (length(groups) == 3) {
    s <- exact3(r, sizes)
    fields$exactP <- num(mean(s >= obs * (1 - 1e-12)))
    fields$arrangements <- num(length(s))
  }
  do.call(obj, fields)
}
cases <- c(
  # Hollander & Wolfe (1973, p. 116): mucociliary efficiency, normal subjects, obstructive
  # airway disease, asbestosis (the example of R's ?kruskal.test).
  case("hollanderWolfe", list(c(2.9, 3.0, 2.5, 2.6, 3.2), c(3.8, 2.7, 4.0, 2.4), c(2.8, 3.4, 3.7, 2.2, 2.0))),
  # Ties: whole-number answers on a five-point scale in three groups.
  case("ties", list(c(3, 4, 4, 5, 2), c(2, 2, 3, 1), c(4, 5, 5, 3, 4, 5))),
  # airquality (New York, 1973): ozone by month, May to September, missing left out (R's example).
  case("airquality", split(airquality$Ozone[!is.na(airquality$Ozone)], airquality$Month[!is.na(airquality$Ozone)])),
  # A large sample (n = 6000 in four groups, smallest 40, ties from one decimal): past
  # KruskalWallisTest.asymptoticLimit, so Arvio's p is kruskal.test's chi-square p. coin's
  # Monte Carlo p over 100,000 rearrangements is given beside it to show the approximation is
  # accurate there (it agrees within the Monte Carlo's own error).
  local({
    set.seed(17)
    groups <- list(round(rnorm(40, 0.35), 1), round(rnorm(1960, 0.02), 1), round(rnorm(2000), 1), round(rnorm(2000), 1))
    x <- unlist(groups); g <- factor(rep(seq_along(groups), sapply(groups, length)))
    set.seed(18)
    mc <- coin::kruskal_test(x ~ g, distribution = coin::approximate(nresample = 100000))
    sub("}$", sprintf(", \"monteCarloP\": %s, \"monteCarloB\": 100000}", num(as.numeric(coin::pvalue(mc)))),
        case("large", groups))
  })
)
cat("{\n\"R\": \"", R.version.string, "\",\n\"kruskal\": [\n", paste(cases, collapse = ",\n"), "\n]\n}\n", sep = "")
