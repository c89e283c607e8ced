# MASS::anorexia: does the weight change (Postwt - Prewt) differ between treatments? The
# changes on the data's one decimal (round(d, 1) is the decimal value exactly as read) against
# the binary floating-point differences, which break ties such as +0.7 / -0.7 or 2.3 / 2.3.
# Also MASS::survey's hand spans (Wr.Hnd, NW.Hnd, cm to one decimal), paired.
#   Rscript Tests/Fixtures/anorexia/between.R   (from the repository root)
library(MASS); library(coin)
out <- "Tests/Fixtures/anorexia/"
ref <- character()
put <- function(name, value) ref <<- c(ref, sprintf("%s %.12g", name, value))
a <- anorexia
a$d <- round(a$Postwt - a$Prewt, 1)
a$raw <- a$Postwt - a$Prewt
put("distinct_decimal", length(unique(a$d))); put("distinct_float", length(unique(a$raw)))
two <- droplevels(subset(a, Treat != "Cont"))  # CBT (29) and FT (17)
mw <- wilcox_test(d ~ Treat, data = two, distribution = "exact")
mw0 <- wilcox_test(raw ~ Treat, data = two, distribution = "exact")
put("mw_cbt_ft_exact_p_decimal", pvalue(mw)); put("mw_cbt_ft_exact_p_float", pvalue(mw0))
w <- wilcox.test(d ~ Treat, data = two, exact = FALSE, correct = FALSE)
put("mw_cbt_ft_U_decimal", w$statistic)
put("mw_cbt_ft_U_float", wilcox.test(raw ~ Treat, data = two, exact = FALSE, correct = FALSE)$statistic)
k <- kruskal.test(d ~ Treat, data = a); k0 <- kruskal.test(raw ~ Treat, data = a)
put("kw_H_decimal", k$statistic); put("kw_p_decimal", k$p.value)
put("kw_H_float", k0$statistic); put("kw_p_float", k0$p.value)

s <- survey[complete.cases(survey[, c("Wr.Hnd", "NW.Hnd")]), ]
write.csv(s[, c("Sex", "Wr.Hnd", "NW.Hnd")], paste0(out, "survey_hands.csv"), row.names = FALSE)
hd <- round(s$NW.Hnd - s$Wr.Hnd, 1)
put("hand_n", nrow(s)); put("hand_nonzero", sum(hd != 0))
put("hand_distinct_abs_decimal", length(unique(abs(hd[hd != 0]))))
raw <- s$NW.Hnd - s$Wr.Hnd
put("hand_distinct_abs_float", length(unique(abs(raw[raw != 0]))))
hw <- suppressWarnings(wilcox.test(s$NW.Hnd, s$Wr.Hnd, paired = TRUE, exact = FALSE, correct = FALSE, digits.rank = 7))
hw0 <- suppressWarnings(wilcox.test(s$NW.Hnd, s$Wr.Hnd, paired = TRUE, exact = FALSE, correct = FALSE))
put("hand_wplus_digits7", hw$statistic); put("hand_p_digits7", hw$p.value)
put("hand_wplus_float", hw0$statistic); put("hand_p_float", hw0$p.value)
ws <- wilcoxsign_test(d ~ zero, data = data.frame(d = hd, zero = 0), distribution = "asymptotic", zero.method = "Wilcoxon")
put("hand_coin_asymptotic_p_decimal", pvalue(ws))
# By sex: the one student with no sex is in no group (wilcox.test and kruskal.test drop NA).
kh <- kruskal.test(hd ~ s$Sex)
put("hand_kw_sex_H", kh$statistic); put("hand_kw_sex_n", sum(!is.na(s$Sex)))
mh <- wilcox.test(hd ~ s$Sex, exact = FALSE, correct = FALSE)
put("hand_mw_sex_U", mh$statistic); put("hand_mw_sex_p", mh$p.value)
writeLines(ref, paste0(out, "between.txt"))
cat(ref, sep = "\n")
