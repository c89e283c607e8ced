* Makes kysely-cp1252.sav, an SPSS file whose text is Windows-1252, as SPSS on a Finnish
* Windows computer writes it (haven writes only UTF-8). This syntax file is UTF-8; PSPP
* recodes its text to the locale set below when it saves.
*   cd Tests/Fixtures/readstat && pspp make-cp1252.sps && python3 make-noencoding.py && Rscript make-fixtures.R
* Made with GNU PSPP 1.6.2 (Debian package pspp). (PSPP also writes .por files, but ReadStat and
* so haven cannot read its portable files with these characters, so there is no .por fixture.)
SET LOCALE='WINDOWS-1252'.
DATA LIST LIST /id (F2.0) q1 (F1.0) ryhma (A12) palaute (A30).
BEGIN DATA
1 4 "Tekevä" "Hyvä kurssi"
2 5 "Vamos" "Äänekoski–Öja"
3 9 "Tekevä" "ei"
4 6 "Ohjaamo" "€ ja ß"
5 2 "Vamos" ""
END DATA.
VARIABLE LABELS q1 'Kuinka hyvin osaat hakea töitä?' /ryhma 'Ryhmä' /palaute 'Vapaa palaute'.
VALUE LABELS q1 1 'Heikosti' 2 'Kohtalaisesti' 3 'Jonkin verran' 4 'Hyvin' 5 'Erinomaisesti'
  6 'en osaa sanoa' 9 'ei vastausta'.
MISSING VALUES q1 (6, 9).
VARIABLE LEVEL q1 (ORDINAL).
SAVE OUTFILE='kysely-cp1252.sav'.
