# R datasets::Titanic as a table of counts: Sex x Age x Survived with a count column n (8 rows),
# and R's tests on Sex x Survived with the counts as frequency weights.
#   Rscript Tests/Fixtures/titanic/titanic.R   (from the repository root)
d <- aggregate(Freq ~ Sex + Age + Survived, data = as.data.frame(Titanic), FUN = sum)
names(d)[4] <- "n"
write.csv(d, "Tests/Fixtures/titanic/titanic.csv", row.names = FALSE, quote = FALSE)
t <- xtabs(n ~ Sex + Survived, data = d)
print(t)
ch <- chisq.test(t, correct = FALSE)
f <- fisher.test(t)
cat(sprintf("pearson %.12g\npearsonP %.12g\nfisherP %.12g\n", ch$statistic, ch$p.value, f$p.value))
