# Reference values for the unit-aware analysis tests (Tests/ArvioShellTests/AnalysisUnitTests.swift).
# Run from the repository root: Rscript Tests/Fixtures/units/reference.R
# One row per participant of the built-in data (datasets/wire3/participants.csv), which is what
# `responses | join participants | crosstab entry_route by post_status` must analyse.
p <- read.csv("datasets/wire3/participants.csv", stringsAsFactors = FALSE)
t <- table(p$entry_route, p$post_status)
print(t)
cat(sprintf("fisher_p %.10f\n", fisher.test(t)$p.value))
m <- read.csv("datasets/wire3/motivation.csv", stringsAsFactors = FALSE)
j <- merge(p, m, by.x = "id", by.y = "participant")
cat(sprintf("n %d\n", nrow(j)))
# The unit the JSON output and Table.unit name for that cross-tab: 16 participants, from 336
# response rows (Tests/ArvioShellTests/AnalysisUnitTests.swift, CrosstabGoldenTests.swift).
r <- read.csv("datasets/wire3/responses.csv", stringsAsFactors = FALSE)
cat(sprintf("participants %d response_rows %d\n", length(unique(r$participant)), nrow(r)))
