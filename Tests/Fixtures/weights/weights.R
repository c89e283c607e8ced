# Frequency weights (`weight n`) against R on real published data, the counts expanded with rep().
#   Rscript Tests/Fixtures/weights/weights.R   (from the repository root)
# Writes the count tables Arvio reads and reference.txt with R's values (name value, %.12g).
library(MASS)
out <- "Tests/Fixtures/weights"
ref <- character()
put <- function(name, value) ref <<- c(ref, sprintf("%s %.12g", name, value))

# UCBAdmissions (Bickel et al. 1975) as R's own data frame of counts: Admit, Gender, Dept, Freq.
ucb <- as.data.frame(UCBAdmissions)
write.csv(ucb, file.path(out, "ucb.csv"), row.names = FALSE, quote = FALSE)
dept <- xtabs(Freq ~ Dept, ucb)
for (d in names(dept)) put(paste0("ucb.freq.", d), dept[[d]])
ag <- xtabs(Freq ~ Admit + Gender, ucb)
ch <- chisq.test(ag, correct = FALSE)
put("ucb.pearson", ch$statistic); put("ucb.pearsonP", ch$p.value)
put("ucb.fisherP", fisher.test(ag)$p.value)

# MASS::survey counted by Sex and Height (cm, decimals): describe Height by Sex weight n must
# give what R gives on the 237 students' rows themselves.
s <- survey[!is.na(survey$Sex) & !is.na(survey$Height), ]
h <- aggregate(list(n = rep(1L, nrow(s))), by = list(Sex = s$Sex, Height = s$Height), FUN = sum)
h <- h[order(h$Sex, h$Height), ]
write.csv(h, file.path(out, "survey_height.csv"), row.names = FALSE, quote = FALSE)
for (g in levels(s$Sex)) {
  x <- rep(h$Height[h$Sex == g], h$n[h$Sex == g])
  stopifnot(isTRUE(all.equal(sort(x), sort(s$Height[s$Sex == g]))))
  put(paste0("height.", g, ".n"), length(x))
  put(paste0("height.", g, ".mean"), mean(x)); put(paste0("height.", g, ".sd"), sd(x))
  q7 <- quantile(x, c(.25, .5, .75), type = 7); q6 <- quantile(x, c(.25, .5, .75), type = 6)
  put(paste0("height.", g, ".q1"), q7[[1]]); put(paste0("height.", g, ".median"), q7[[2]]); put(paste0("height.", g, ".q3"), q7[[3]])
  put(paste0("height.", g, ".q1type6"), q6[[1]]); put(paste0("height.", g, ".q3type6"), q6[[3]])
}
# Spearman's rho and the rank-biserial r between Height and Sex on the expanded rows.
x <- rep(h$Height, h$n); g <- rep(h$Sex, h$n)
w <- wilcox.test(x[g == "Male"], x[g == "Female"], exact = FALSE, correct = FALSE)
put("height.rankBiserial.MaleVsFemale", 2 * w$statistic / (sum(g == "Male") * sum(g == "Female")) - 1)

# R's Titanic (datasets), as Tests/Fixtures/titanic/titanic.csv holds it: passengers by sex.
ti <- as.data.frame(Titanic)
sex <- xtabs(Freq ~ Sex, ti)
for (g in names(sex)) put(paste0("titanic.freq.", g), sex[[g]])

writeLines(ref, file.path(out, "reference.txt"))
