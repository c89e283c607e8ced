# Makes the SPSS and Stata fixtures of Arvio's ReadStat reader, and what R's haven reads back
# from them (reference.json), which the tests compare Arvio's reading with.
#
#   cd Tests/Fixtures/readstat && Rscript make-fixtures.R
#
# Made with R 4.2 and haven 2.5.1 (the Debian packages r-cran-haven, r-cran-jsonlite).
# kysely-cp1252.sav is made by make-cp1252.sps with PSPP (see there), and
# kysely-noencoding.sav from the first by make-noencoding.py, before this script runs.
library(haven)
library(jsonlite)

likert <- c(Heikosti = 1, Kohtalaisesti = 2, "Jonkin verran" = 3, Hyvin = 4, Erinomaisesti = 5,
            "en osaa sanoa" = 6, "ei vastausta" = 9)

kysely <- data.frame(id = 1:8)
kysely$org <- labelled(c(1, 2, 1, 3, 2, 1, 3, 2),
                       labels = c("Työvalmennussäätiö Tekevä" = 1, Vamos = 2, Ohjaamo = 3),
                       label = "Organisaatio")
kysely$q1_pre <- labelled_spss(c(2, 3, 1, 9, 2, 6, NA, 4), labels = likert, na_values = c(6, 9),
                               label = "Kuinka hyvin osaat hakea töitä? (alku)")
kysely$q1_post <- labelled_spss(c(4, 5, 3, 9, 2, 6, 5, 5), labels = likert, na_values = c(6, 9),
                                label = "Kuinka hyvin osaat hakea töitä? (loppu)")
kysely$age <- labelled_spss(c(34, 51, 998, 27, 999, 45, 62, NA), labels = c("kieltäytyi" = 998),
                            na_range = c(997, 999), label = "Ikä vuosina")
kysely$hours <- c(12.5, 3, NA, 7.25, 0, 20, 4.5, 1)
attr(kysely$hours, "label") <- "Tunteja viikossa"
kysely$comment <- c("Hyvä kurssi", "", "Äänekoski–Öja", "ei", "kiitos", "", "ok", "€ ja ß")
attr(kysely$comment, "label") <- "Vapaa palaute"
kysely$started <- as.Date(c("2024-01-15", "2024-02-29", "2023-12-31", "2024-03-01",
                            NA, "1999-07-04", "2024-06-30", "2025-01-01"))
kysely$satisfied <- factor(c("vähän", "paljon", "ei", "paljon", NA, "vähän", "ei", "paljon"),
                           levels = c("ei", "vähän", "paljon"), ordered = TRUE)
write_sav(kysely, "kysely.sav")
write_sav(kysely, "kysely.zsav", compress = "zsav")

# Stata has no user-missing codes; its tagged missing values .a and .b carry the reasons.
stata <- data.frame(id = 1:6)
stata$q1 <- labelled(c(2, 4, tagged_na("a"), 5, tagged_na("b"), NA),
                     labels = c(Heikosti = 1, Kohtalaisesti = 2, "Jonkin verran" = 3, Hyvin = 4,
                                Erinomaisesti = 5, "ei vastausta" = tagged_na("a"),
                                "en osaa sanoa" = tagged_na("b")),
                     label = "Kuinka hyvin osaat hakea töitä?")
stata$group <- labelled(c(1, 2, 2, 1, 1, 2), labels = c("Tekevä" = 1, "Vamos" = 2), label = "Ryhmä")
stata$score <- c(1.5, 2.25, NA, -3, 10, 0)
attr(stata$score, "label") <- "Pisteet"
stata$name <- c("Äijä", "Öljy", "", "Åsa", "x", "y")
stata$day <- as.Date(c("2024-01-15", NA, "1960-01-01", "1959-12-31", "2000-02-29", "1900-03-01"))
stata$at <- as.POSIXct(c("2024-01-15 10:30:00", "1960-01-01 00:00:01", NA, "1959-12-31 23:59:59",
                         "2000-02-29 12:00:00", "2025-06-30 23:00:00"), tz = "UTC")
write_dta(stata, "kysely.dta", version = 15)

# SAS: haven's write_sas is deprecated (SAS files are written by SAS), but ReadStat's writer is
# the same one haven and pyreadstat read back, and it gives the reader a file to be tested on.
sas <- data.frame(id = 1:4, score = c(1.5, NA, 3, 4), name = c("a", "Äö", "", "x"),
                  day = as.Date(c("2024-01-15", NA, "1960-01-01", "1999-12-31")))
suppressWarnings(write_sas(sas, "kysely.sas7bdat"))

# What haven reads back, column by column: the values (codes), the labels, the missing codes.
describe <- function(x) {
  # exact = TRUE: attr() would otherwise answer "label" with the "labels" attribute.
  lab <- attr(x, "label", exact = TRUE)
  out <- list(label = if (is.null(lab)) NA else lab)
  tagged <- function(v) I(trimws(format_tagged_na(v)))
  if (is.factor(x)) {
    out$levels <- I(levels(x))
    out$values <- I(as.character(x))
    return(out)
  }
  if (inherits(x, "Date")) { out$values <- I(format(x)); return(out) }
  if (inherits(x, "POSIXct")) { out$values <- I(format(x, "%Y-%m-%d %H:%M:%S", tz = "UTC")); return(out) }
  labels <- attr(x, "labels")
  if (!is.null(labels)) {
    out$label_values <- if (is.character(labels)) I(unname(labels)) else tagged(unname(labels))
    out$label_names <- I(names(labels))
  }
  if (!is.null(attr(x, "na_values"))) out$na_values <- I(attr(x, "na_values"))
  if (!is.null(attr(x, "na_range"))) out$na_range <- I(attr(x, "na_range"))
  out$values <- if (is.character(x)) I(as.vector(unclass(x))) else tagged(as.vector(unclass(x)))
  out$missing <- I(as.vector(is.na(x)))
  out
}
sav <- read_sav("kysely.sav", user_na = TRUE)
dta <- read_dta("kysely.dta")
# Statistics with the user-missing codes left out, as SPSS and Arvio leave them out.
valid <- function(x) as.vector(zap_missing(x))
statistics <- list(
  q1_post_mean = mean(valid(sav$q1_post), na.rm = TRUE), q1_post_sd = sd(valid(sav$q1_post), na.rm = TRUE),
  q1_post_n = sum(!is.na(valid(sav$q1_post))),
  age_mean = mean(valid(sav$age), na.rm = TRUE), age_sd = sd(valid(sav$age), na.rm = TRUE),
  age_n = sum(!is.na(valid(sav$age))),
  q1_pre_counts = as.list(table(factor(as.vector(sav$q1_pre), levels = c(1:6, 9)), useNA = "no")))
cp1252 <- read_sav("kysely-cp1252.sav", user_na = TRUE)
sas <- read_sas("kysely.sas7bdat")
reference <- list(sav = lapply(sav, describe), dta = lapply(dta, describe), cp1252 = lapply(cp1252, describe),
                  sas = lapply(sas, describe),
                  sav_names = names(sav), dta_names = names(dta), cp1252_names = names(cp1252),
                  sas_names = names(sas),
                  statistics = statistics)
writeLines(toJSON(reference, auto_unbox = TRUE, pretty = TRUE, na = "null", digits = NA), "reference.json")
