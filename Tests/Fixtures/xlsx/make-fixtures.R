# Makes kysely.xlsx, a survey export as Webropol or Forms writes one (one row per respondent,
# question texts as headers, Likert answers as text), and reference.json, what openxlsx reads
# back from it, which Arvio's reading is compared with.
#
#   cd Tests/Fixtures/xlsx && Rscript make-fixtures.R
#
# Made with R 4.2 and openxlsx 4.2.5.2 (the Debian packages r-cran-openxlsx, r-cran-jsonlite).
library(openxlsx)
library(jsonlite)

vastaukset <- data.frame(
  "Vastaajan tunnus" = c(101, 102, 103, 104, 105, 106),
  "Organisaatio" = c("Työvalmennussäätiö Tekevä", "Vamos", "Tekevä", NA, "Ohjaamo", "Vamos"),
  "Kuinka hyvin osaat hakea töitä? (alku)" = c("Heikosti", "Kohtalaisesti", "En osaa sanoa", "Hyvin",
                                               "Jonkin verran", NA),
  "Kuinka hyvin osaat hakea töitä? (loppu)" = c("Hyvin", "Erinomaisesti", "Hyvin", "Erinomaisesti",
                                                "En osaa sanoa", "Kohtalaisesti"),
  "Ikä" = c(34, 51, NA, 27, 45, 62),
  "Tunteja viikossa" = c(12.5, 3, 7.25, 0, NA, 1e-3),
  "Vastauspäivä" = as.Date(c("2024-01-15", "2024-02-29", "2023-12-31", NA, "1999-07-04", "2025-01-01")),
  "Suostumus" = c(TRUE, FALSE, TRUE, TRUE, NA, FALSE),
  "Q7" = c("a & b < c", "\"lainaus\"", "rivi\nvaihto", "  välit  ", "€", "x"),
  check.names = FALSE)
tausta <- data.frame(tunnus = c(101, 102, 103), kunta = c("Tampere", "Äänekoski", "Oulu"))

wb <- createWorkbook()
addWorksheet(wb, "Vastaukset")
addWorksheet(wb, "Tausta tiedot")
writeData(wb, "Vastaukset", vastaukset)
writeData(wb, "Tausta tiedot", tausta)
saveWorkbook(wb, "kysely.xlsx", overwrite = TRUE)

# What openxlsx reads back: each sheet's headers and each column's values as text (dates as
# ISO dates, logicals as true/false, missing as null).
as_text <- function(x) {
  if (inherits(x, "Date")) return(I(format(x)))
  if (is.logical(x)) return(I(ifelse(is.na(x), NA, ifelse(x, "true", "false"))))
  if (is.numeric(x)) return(I(ifelse(is.na(x), NA, format(x, digits = 15, trim = TRUE, scientific = FALSE, drop0trailing = TRUE))))
  I(as.character(x))
}
read_sheet <- function(sheet) {
  d <- read.xlsx("kysely.xlsx", sheet = sheet, detectDates = TRUE, check.names = FALSE, sep.names = " ",
                 skipEmptyRows = FALSE)
  list(headers = I(names(d)), columns = lapply(d, as_text))
}
reference <- list(Vastaukset = read_sheet("Vastaukset"), "Tausta tiedot" = read_sheet("Tausta tiedot"))
writeLines(toJSON(reference, auto_unbox = TRUE, pretty = TRUE, na = "null", digits = NA), "reference.json")
