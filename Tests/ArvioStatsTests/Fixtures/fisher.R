# Reference values for FisherExactTest's network (Tests/ArvioStatsTests/FisherExactTestTests.swift).
# Run: Rscript fisher.R > fisher.json   (takes a few minutes: R's FEXACT needs ~1 min on the 4x4, n = 200)
# Each p is R's fisher.test(workspace = 2e8), exact (FEXACT, Mehta & Patel's network algorithm);
# "rSeconds" is how long R took here, for the record only.
num <- function(x) sprintf("%.17g", x)
mat <- function(m) paste0("[", paste(apply(m, 1, function(r) paste0("[", paste(r, collapse = ", "), "]")), collapse = ", "), "]")
collapse <- function(by) rbind(cases = tapply(esoph$ncases, by, sum), controls = tapply(esoph$ncontrols, by, sum))
tables <- list(
  # esoph (R datasets): oesophageal cancer cases and controls by age group, 2x6, n = 975.
  esophAge = collapse(esoph$agegp),
  # ... by alcohol and by tobacco group, 2x4 each.
  esophAlcohol = collapse(esoph$alcgp),
  esophTobacco = collapse(esoph$tobgp),
  # Job satisfaction by income (R's ?fisher.test example), 4x4, n = 96.
  jobSatisfaction = matrix(c(1, 2, 1, 0, 3, 3, 6, 1, 10, 10, 14, 9, 6, 7, 12, 11), 4, 4),
  # bench/fisher4x4.csv, 4x4, n = 104.
  bench4x4 = matrix(c(8, 3, 5, 9, 4, 10, 6, 6, 7, 5, 9, 4, 3, 8, 6, 11), 4, 4, byrow = TRUE),
  # bench/fisher.sh's tables (seed 17): 2x6 n = 975, 3x3 n = 300, 4x4 n = 200.
  bench2x6 = matrix(c(82, 109, 123, 59, 105, 99, 95, 42, 34, 68, 103, 56), 2, 6, byrow = TRUE),
  bench3x3 = matrix(c(33, 44, 49, 24, 42, 40, 38, 17, 13), 3, 3, byrow = TRUE),
  bench4x4n200 = matrix(c(12, 16, 18, 9, 16, 15, 14, 6, 5, 10, 15, 8, 12, 9, 17, 18), 4, 4, byrow = TRUE),
  # Tea tasting and convictions (R's ?fisher.test), 2x2.
  teaTasting = matrix(c(3, 1, 1, 3), 2, 2),
  convictions = matrix(c(2, 10, 15, 3), 2, 2),
  # caith (MASS) eye colour by the first three hair colours, rows and columns cut to 3x3 and
  # scaled by 1/10: the caith shape at a size FEXACT finishes.
  caithSmall = round(as.matrix(MASS::caith)[1:3, 1:3] / 10),
  # A 5x3 with a sparse row (the transpose of the usual orientation), n = 60.
  sparse5x3 = matrix(c(0, 1, 5, 2, 3, 4, 7, 2, 1, 9, 6, 3, 1, 8, 8), 5, 3, byrow = TRUE),
  # A 3x6 with small cells, n = 90.
  small3x6 = matrix(c(6, 4, 5, 3, 7, 5, 3, 6, 2, 6, 4, 9, 6, 5, 8, 2, 5, 4), 3, 6, byrow = TRUE)
)
# Rows are written as they are computed.
cat("{\n\"R\": \"", R.version.string, "\",\n\"fisher\": [\n", sep = "")
for (name in names(tables)) {
  t <- unname(as.matrix(tables[[name]]))
  seconds <- system.time(f <- fisher.test(t, workspace = 2e8))[["elapsed"]]
  cat(sprintf("{\"name\": \"%s\", \"counts\": %s, \"n\": %d, \"fisherP\": %s, \"rSeconds\": %s}%s\n",
              name, mat(t), sum(t), num(f$p.value), num(seconds), if (name == tail(names(tables), 1)) "" else ","))
}
cat("]\n}\n")
