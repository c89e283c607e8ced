# Makes oma-kysely.xlsx, the survey of notebooks/own-survey.md: a start and end survey of 14
# job coaches as a survey tool exports it, one row per respondent, the questions as headers and
# the answers as Finnish text on a five-point scale, with "En osaa sanoa" (don't know) and
# unanswered questions. Invented answers, seeded, to show the method.
#
#   cd notebooks/data && Rscript make-oma-kysely.R
#
# Made with R 4.2 and openxlsx 4.2.5.2 (the Debian package r-cran-openxlsx).
library(openxlsx)
set.seed(2024)

scale <- c("Heikosti", "Kohtalaisesti", "Jonkin verran", "Hyvin", "Erinomaisesti")
n <- 14
answers <- function(shift) {
  points <- pmin(5, pmax(1, sample(1:4, n, replace = TRUE) + shift))
  text <- scale[points]
  text[sample(n, 1)] <- "En osaa sanoa"
  text
}
questions <- c("Osaan hakea töitä", "Osaan kertoa osaamisestani", "Tiedän, mistä saan apua")
kysely <- data.frame("Vastaajan tunnus" = sprintf("V%02d", 1:n),
                     "Organisaatio" = sample(c("Tekevä", "Vamos", "Ohjaamo"), n, replace = TRUE),
                     check.names = FALSE)
for (q in questions) {
  start <- answers(0)
  end <- answers(sample(0:2, n, replace = TRUE))
  end[sample(n, 2)] <- NA  # no answer at the end
  kysely[[paste0(q, " (alku)")]] <- start
  kysely[[paste0(q, " (loppu)")]] <- end
}
write.xlsx(kysely, "oma-kysely.xlsx", sheetName = "Vastaukset")
