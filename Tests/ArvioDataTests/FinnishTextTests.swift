import Foundation
import ArvioData
import XCTest

/// The decimal comma and the Finnish message table.
final class FinnishTextTests: XCTestCase {
    func testCommaReplacesOnlyAPointBetweenDigits() {
        XCTAssertEqual(NumberFormat.comma("0.032"), "0,032")
        XCTAssertEqual(NumberFormat.comma("< 0.001"), "< 0,001")
        XCTAssertEqual(NumberFormat.comma("-1.5e-7"), "-1,5e-7")
        XCTAssertEqual(NumberFormat.comma("(pienin 1.56); p."), "(pienin 1,56); p.")
        XCTAssertEqual(NumberFormat.comma("prop.test(correct = FALSE)."), "prop.test(correct = FALSE).")
        XCTAssertEqual(NumberFormat.localized("2.5", .en), "2.5")
    }

    func testMessagesAreTranslatedClauseByClauseKeepingNames() {
        XCTAssertEqual(DiagnosticFinnish.translate(#"there is no column "orgg" in participants"#),
                       #"saraketta "orgg" ei ole taulussa participants"#)
        XCTAssertEqual(DiagnosticFinnish.translate(#"expected a value, but found the end of the statement"#),
                       "odotettiin: arvo, mutta tuli lauseen loppu")
        XCTAssertEqual(DiagnosticFinnish.translate(#"there is no verb "head"; Arvio's verb for that is "take": | take 5"#),
                       #"verbiä "head" ei ole; Arviossa sen tekee verbi "take": | take 5"#)
        // A clause the table does not know stays as it was, the known one beside it translated.
        XCTAssertEqual(DiagnosticFinnish.translate(#"there is no table "x"; something new"#),
                       #"taulua "x" ei ole; something new"#)
        XCTAssertEqual(DiagnosticFinnish.text("saved t: 2 rows to t.csv as csv", .en), "saved t: 2 rows to t.csv as csv")
        XCTAssertEqual(DiagnosticFinnish.text("saved t: 2 rows to t.csv as csv", .fi), "tallennettu t: 2 riviä tiedostoon t.csv (csv)")
    }

    /// The loaders', the codebook's and the shell's rarer errors, as they are written (with
    /// sample names), each translated whole: no English word is left around the names.
    func testLoaderCodebookAndShellErrorsHaveNoEnglishLeft() {
        let messages = [
            "the codebook is empty; it needs a header row starting table,column,type",
            #"the codebook's header names an unknown field "lable"; the fields are table, column, type, labels"#,
            #"the codebook's header names "type" twice"#,
            #"the codebook's header has no "type" field"#,
            "every codebook row names a table (or * for the whole data set)",
            #"unknown type "int"; expected one of integer, decimal, text, categorical, ordinal"#,
            #"a reference is written table.column, as in participants.id; got "x""#,
            #"the key field says yes or no (or is empty), not "maybe""#,
            #"value 2 of "a||b" is empty; list the values separated by single |"#,
            #"the value "a" is listed twice in "a|a""#,
            "3 labels for 2 values; give one label per value, separated by |",
            "an ordinal column lists its scale's values, low to high, separated by |",
            #"missing code 2 of "9||8" is empty"#,
            #"the missing code "9" is listed twice"#,
            "2 reasons for 1 missing codes; give one per code, separated by |",
            "row 3 of p.csv has no id, which is part of the key the codebook declares for p (id)",
            "rows 1 and 3 of p.csv have the same key id = P01, but the codebook declares it identifies each row of p",
            #"the value or label "a|b" of p.org holds a |, which separates values in a codebook"#,
            #"the missing code or reason "a|b" of p.x holds a |, which separates codes in a codebook"#,
            "p.org refers to q.id, which is not loaded",
            "the file is UTF-16 (its byte-order mark says so), but it has an odd number of bytes: it was cut short",
            "this field holds a NUL byte (0x00), which no text holds; is this a binary file, or UTF-16 without a byte-order mark?",
            "the file is empty; a CSV file starts with a header row naming its columns",
            "the load was cancelled; nothing was loaded",
            #"expected a whole number for grade, as the codebook declares, but found "x""#,
            #"expected a number for grade, as the codebook declares, but found "x""#,
            #"expected one of the values the codebook lists for org: a, b, but found "c""#,
            "grade holds decimals; a scale is declared on answers written as text, categories or whole numbers",
            "x holds decimals; an ordinal scale is read from a variable of whole-number codes",
            "a scale has at least two points, low to high, separated by <",
            #""a" is on the scale twice (point 1 and point 3)"#,
            #"name the values that mean missing, as in 9 as "ei vastausta""#,
            #"x holds whole numbers, and "a" is not one"#,
            #"x holds numbers, and "a" is not one"#,
            "x is decimal; labels are given to categories, a scale or whole numbers",
            "this folder is not a data set: a data set folder has a codebook.csv and one CSV file per table it describes",
            "--na is not for a data set folder, whose codebook.csv names its tables and says what they are",
            "--codebook is not for Excel workbooks; after loading, .missing declares missing codes and .scale a scale",
            #"one reason follows "as", in quotes when it has spaces: 9 as "ei vastausta"; a comma starts the next codes"#,
            #"name the values before "as", as in 9 as "ei vastausta""#,
            #"each value is followed by its Finnish label and, if it differs, its English one, in quotes when they have spaces: 3 "Jonkin verran" "to some extent"; a comma starts the next value"#,
            #"p has no column "x"; .schema p lists them"#,
            #"there is no table "q"; .tables lists them"#,
            "name the column as TABLE.COLUMN, as in responses.score; usage: .scale T.COL A < B < C",
            #"a sheet's name follows "sheet", in quotes when it has spaces"#,
            "a codebook file follows --codebook",
            #"the values to read as missing follow --na, separated by commas ("" for none)"#,
            "an encoding follows --encoding, as in --encoding WINDOWS-1252",
            "the columns to read as ordinal scales follow --ordinal, separated by commas",
            #"this quoted argument has no closing quote (")"#,
            "an SPSS file carries its own value labels and types; --codebook is for CSV files (.scale and .missing change a loaded column)",
            "a Stata file has one table; sheet is for Excel workbooks (.xlsx)",
            "a SAS file says which values are missing; --na is for CSV files (.missing declares more codes)",
            "sheet is for Excel workbooks (.xlsx); a CSV file has one table",
            "--encoding is for SPSS, Stata and SAS files (.sav, .zsav, .por, .dta, .sas7bdat); a CSV file is read as UTF-8 (or Windows-1252), and its scales come from the codebook or .scale",
            #"the workbook has no sheet "x"; its sheets are "a", "b""#,
            "the workbook has no sheets",
            #"the sheet "a" is empty"#,
            "this is not an Excel .xlsx workbook (it is not a ZIP archive); an old .xls file must be saved as .xlsx first",
            "the file has two variables named x",
            "the file has no variable x to read as ordinal",
            "out of memory",
        ]
        let english = [" the ", "the ", " is ", " has ", " of ", " for ", " and ", " as in ", " file", " rows", " row ", " more",
                       " not ", " which ", " holds ", " separated ", " lists ", " follows ", " twice", " empty", " expected", " workbook"]
        for message in messages {
            let finnish = DiagnosticFinnish.translate(message)
            XCTAssertNotEqual(finnish, message)
            // Names and code in the samples are kept; take them out before looking for English.
            var words = " " + finnish + " "
            for kept in ["table,column,type", "table.column", "participants.id", "table, column, type, labels", "integer, decimal, text, categorical, ordinal",
                         "p.csv", "codebook.csv", ".missing", ".scale", "to some extent", "the codebook or"] {
                words = words.replacingOccurrences(of: kept, with: "")
            }
            for word in english {
                XCTAssertFalse(words.lowercased().contains(word), "English \"\(word)\" in: \(finnish)")
            }
        }
    }

    /// The Excel, SPSS/Stata and database readers' and writers' own errors, each translated whole
    /// (what a library says after a colon stays the library's).
    func testFormatAndDatabaseErrorsAreTranslated() {
        let expected = [
            "xl/worksheets/sheet1.xml is not well-formed XML (line 3: unexpected end)":
                "xl/worksheets/sheet1.xml ei ole kelvollista XML:ää (rivi 3: unexpected end)",
            "kysely.xlsx cannot be unpacked: the workbook is damaged (bad CRC)": "tiedostoa kysely.xlsx ei voi purkaa: työkirja on vioittunut (bad CRC)",
            "kysely.xlsx unpacks to more than 512 MB": "kysely.xlsx purkautuu yli 512 megatavuksi",
            "B7 is a date whose serial number 9999999 is out of Excel's calendar": "B7 on päivämäärä, jonka sarjanumero 9999999 on Excelin kalenterin ulkopuolella",
            "C2 refers to shared string 40, which the workbook does not have": "C2 viittaa jaettuun merkkijonoon 40, jota työkirjassa ei ole",
            "D4 holds \"abc\", which is not a number": "solussa D4 on \"abc\", joka ei ole luku",
            "an Excel sheet holds at most 1,048,575 rows under its header; the table has 2000000 rows":
                "Excel-taulukkosivulle mahtuu otsikkorivin alle enintään 1 048 575 riviä; taulukossa on 2000000 riviä",
            "an Excel sheet holds at most 16,384 columns; the table has 20000 columns":
                "Excel-taulukkosivulle mahtuu enintään 16 384 saraketta; taulukossa on 20000 saraketta",
            "the workbook could not be made": "työkirjaa ei voitu tehdä",
            "this ZIP archive is not an Excel .xlsx workbook (it has no xl/workbook.xml)":
                "tämä ZIP-arkisto ei ole Excelin .xlsx-työkirja (siinä ei ole osaa xl/workbook.xml)",
            "Arvio writes SPSS .sav and Stata .dta files, not .sas7bdat": "Arvio kirjoittaa SPSS:n .sav- ja Statan .dta-tiedostoja, ei .sas7bdat-tiedostoja",
            "kunta has 4 missing codes; an SPSS text variable keeps at most 3": "sarakkeella kunta on 4 puuttuvan tiedon koodia; SPSS:n tekstimuuttujalla voi olla enintään 3",
            "ikä has 30 missing codes; a Stata file keeps at most 26 (.a to .z)": "sarakkeella ikä on 30 puuttuvan tiedon koodia; Stata-tiedostossa voi olla enintään 26 (.a–.z)",
            "column ikä could not be added": "saraketta ikä ei voitu lisätä",
            "the labels of ikä could not be added": "sarakkeen ikä nimikkeitä ei voitu lisätä",
            "out of memory starting to read the file": "muisti loppui tiedoston lukemisen alussa",
            "reading the file was interrupted": "tiedoston lukeminen keskeytyi",
            "the database returned fewer columns than expected (no \"score\")": "tietokanta palautti odotettua vähemmän sarakkeita (ei saraketta \"score\")",
            "the database returned \"x\" in column \"score\", which is not a whole number; connect again if the table has changed":
                "tietokanta palautti sarakkeessa \"score\" arvon \"x\", joka ei ole kokonaisluku; yhdistä uudelleen, jos taulu on muuttunut",
            "\"responses\" is a table in the database, which Arvio only reads; keep the result under another name":
                "\"responses\" on tietokannan taulu, jota Arvio vain lukee; anna tulokselle toinen nimi",
        ]
        for (english, finnish) in expected {
            XCTAssertEqual(DiagnosticFinnish.translate(english), finnish)
        }
    }

    func testScaleErrorsAndFolderListingsCountRowsInFinnish() {
        XCTAssertEqual(DiagnosticFinnish.translate(#"score holds "6" (3 rows), "x" (1 row) and 2 more, not on the scale 1 < 2 < 3"#),
                       #"sarakkeessa score on "6" (3 riviä), "x" (1 rivi) ja 2 muuta, jotka eivät ole asteikolla 1 < 2 < 3"#)
        XCTAssertEqual(DiagnosticFinnish.translate("loaded 2 tables from data: p (16 rows), q (1 row)"),
                       "ladattu 2 taulua kansiosta data: p (16 riviä), q (1 rivi)")
    }

    func testAFileKindsErrorNamesTheKindWithoutAnArticle() {
        XCTAssertEqual(DiagnosticFinnish.translate("sheet is for Excel workbooks (.xlsx); a CSV file has one table"),
                       "sheet on Excel-työkirjoille (.xlsx); CSV-tiedostossa on yksi taulu")
        XCTAssertEqual(DiagnosticFinnish.translate("a Stata file has one table; sheet is for Excel workbooks (.xlsx)"),
                       "Stata-tiedostossa on yksi taulu; sheet on Excel-työkirjoille (.xlsx)")
    }

    func testUsageLinesNameTheirPlaceholdersInFinnish() {
        XCTAssertEqual(DiagnosticFinnish.translate("missing argument; usage: .save TABLE FILE [labels]"),
                       "argumentti puuttuu; käyttö: .save TAULU TIEDOSTO [labels]")
        XCTAssertEqual(DiagnosticFinnish.usage(".scale T.COL A < B < C"), ".scale T.SARAKE A < B < C")
        XCTAssertEqual(DiagnosticFinnish.usage(".codebook TABLE [FILE.csv]"), ".codebook TAULU [TIEDOSTO.csv]")
        XCTAssertEqual(DiagnosticFinnish.usage(".values T.COL VALUE FI [EN], …"), ".values T.SARAKE ARVO FI [EN], …")
        XCTAssertEqual(DiagnosticFinnish.translate("there is no command .read; Arvio's is .run FILE"),
                       "komentoa .read ei ole; Arviossa vastaava on .run TIEDOSTO")
    }
}
