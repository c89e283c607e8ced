# scale score by item into competence | delta competence by phase on the built-in pilot: each
# participant's competence is the mean of its 11 answers (items other than "overall"), so the
# changes are in 11ths. mean(post) - mean(pre) in binary breaks ties between equal 11ths
# (0.909090909090909 and 0.9090909090909092); the changes rounded to 9 decimals are the
# fractions as they are.
#   Rscript Tests/Fixtures/paired/scale_delta.R > Tests/Fixtures/paired/scale_delta.txt   (from the repository root)
suppressPackageStartupMessages(library(coin))
r <- read.csv("datasets/wire3/responses.csv", stringsAsFactors = FALSE)
r <- r[r$item != "overall", ]
m <- aggregate(score ~ participant + phase, data = r, FUN = mean)
w <- merge(m[m$phase == "pre", ], m[m$phase == "post", ], by = "participant", suffixes = c("_pre", "_post"))
raw <- w$score_post - w$score_pre
d <- round(raw, 9)
cat(sprintf("n %d\n", length(d)))
cat(sprintf("distinct_abs_float %d\ndistinct_abs_fraction %d\n", length(unique(abs(raw))), length(unique(abs(d)))))
ex <- pvalue(wilcoxsign_test(d ~ zero, data = data.frame(d = d, zero = 0), distribution = "exact", zero.method = "Wilcoxon"))
as <- suppressWarnings(wilcox.test(d, exact = FALSE, correct = FALSE))
cat(sprintf("wplus %.12g\nexact_p %.12g\nnormal_p %.12g\n", as$statistic, ex, as$p.value))
cat(sprintf("z %.12g\n", qnorm(as$p.value / 2, lower.tail = FALSE) * sign(as$statistic - length(d) * (length(d) + 1) / 4)))
f <- suppressWarnings(wilcox.test(raw, exact = FALSE, correct = FALSE))
cat(sprintf("normal_p_float %.12g\n", f$p.value))
# ... | delta competence by phase per motivation_start / per entry_route: do the changes differ
# between the groups? Kruskal-Wallis (kruskal.test, and its exact permutation p counted over
# every rearrangement) and the exact Mann-Whitney (coin), on the fractions.
mot <- read.csv("datasets/wire3/motivation.csv", stringsAsFactors = FALSE)
people <- read.csv("datasets/wire3/participants.csv", stringsAsFactors = FALSE)
w$d <- d
wm <- merge(w, mot[, c("participant", "motivation_start")], by = "participant")
k <- kruskal.test(d ~ factor(motivation_start), data = wm)
cat(sprintf("kw_motivation_H %.12g\nkw_motivation_chisq_p %.12g\n", k$statistic, k$p.value))
cat(sprintf("kw_motivation_H_float %.12g\n", kruskal.test(raw ~ factor(wm$motivation_start[match(w$participant, wm$participant)]))$statistic))
we <- merge(w, people[, c("id", "entry_route")], by.x = "participant", by.y = "id")
we$route <- factor(we$entry_route, levels = c("employer", "own"))
mw <- wilcox_test(d ~ route, data = we, distribution = "exact")
u <- suppressWarnings(wilcox.test(d ~ route, data = we, exact = FALSE))$statistic
cat(sprintf("mw_route_U %.12g\nmw_route_exact_p %.12g\n", u, pvalue(mw)))
# The motivation group of 4 pairs (10/11, 1, 10/11, 1): the normal approximation beside its
# exact p, tie-corrected (SmallGroupTests), 0.0679 on the doubles.
g4 <- wm[wm$motivation_start == 3, ]
cat(sprintf("four_pairs_normal_p %.12g\n", suppressWarnings(wilcox.test(g4$d, exact = FALSE, correct = FALSE))$p.value))
