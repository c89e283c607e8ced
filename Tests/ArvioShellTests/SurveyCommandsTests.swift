import XCTest
import ArvioData
@testable import ArvioShell

/// `.load FILE.xlsx`, `.missing` and `.rename`: a survey tool's export made ready in the shell.
final class SurveyCommandsTests: XCTestCase {
    static let workbook = TestSupport.root + "/Tests/Fixtures/xlsx/kysely.xlsx"

    private func run(_ script: String) -> (Interpreter.Outcome, String, Interpreter) {
        let (shell, out) = TestSupport.interpreter()
        let outcome = shell.run(script, file: "t")
        return (outcome, out.text, shell)
    }

    private func row(_ text: String, _ label: String) -> [String]? {
        text.split(separator: "\n").first { $0.hasPrefix(label + "  ") }.map { line in
            line.dropFirst(label.count).split(separator: " ").map(String.init)
        }
    }

    func testWorkbookLoadsWithShortNamesAndItsHeadersAsDescriptions() {
        let (outcome, text, shell) = run(".load \(Self.workbook)\n.width 120\n.schema kysely")
        XCTAssertEqual(outcome, .succeeded, text)
        XCTAssertTrue(text.contains("loaded kysely from the sheet \"Vastaukset\": 6 rows, 9 columns; 4 headers were given short names"), text)
        XCTAssertTrue(text.contains("the workbook also has \"Tausta tiedot\""), text)
        XCTAssertTrue(text.contains("kuinka_hyvin_osaat_hakea_alku   categorical        1  Kuinka hyvin osaat hakea töitä? (alku)"), text)
        XCTAssertEqual(shell.session.workspace.table(named: "kysely")?.column(named: "vastaajan_tunnus")?.type, .integer)
        let (named, text2, shell2) = run(".load \(Self.workbook) sheet \"Tausta tiedot\" as tausta")
        XCTAssertEqual(named, .succeeded, text2)
        XCTAssertEqual(shell2.session.workspace.table(named: "tausta")?.columnNames, ["tunnus", "kunta"])
    }

    /// The whole path of issue 15 on the workbook: a don't-know code, a Likert scale in Finnish,
    /// short names, and the change from start to end.
    func testMissingCodeScaleAndRenameOnAWorkbook() {
        let scale = "Heikosti < Kohtalaisesti < \"Jonkin verran\" < Hyvin < Erinomaisesti"
        let (outcome, text, shell) = run("""
            .load \(Self.workbook)
            .missing kysely.kuinka_hyvin_osaat_hakea_alku "En osaa sanoa" as "en osaa sanoa"
            .missing kysely.kuinka_hyvin_osaat_hakea_loppu "En osaa sanoa" as "en osaa sanoa"
            .rename kysely kuinka_hyvin_osaat_hakea_alku alku
            .rename kysely kuinka_hyvin_osaat_hakea_loppu loppu
            .scale kysely.alku \(scale)
            .scale kysely.loppu \(scale)
            kysely | freq alku
            """)
        XCTAssertEqual(outcome, .succeeded, text)
        XCTAssertTrue(text.contains("kysely.kuinka_hyvin_osaat_hakea_alku missing: En osaa sanoa = en osaa sanoa (1 row)"), text)
        XCTAssertTrue(text.contains("kysely.kuinka_hyvin_osaat_hakea_alku is now kysely.alku"), text)
        XCTAssertEqual(row(text, "missing: en osaa sanoa"), ["1", "16.67", "·", "·"], text)
        XCTAssertEqual(row(text, "missing, no code"), ["1", "16.67", "·", "·"], text)
        XCTAssertEqual(row(text, "Heikosti"), ["1", "16.67", "25.00", "25.00"], text)
        let loppu = shell.session.workspace.table(named: "kysely")?.column(named: "loppu")
        XCTAssertEqual(loppu?.type, .ordinal)
        XCTAssertEqual(loppu?.label?.fi, "Kuinka hyvin osaat hakea töitä? (loppu)")
        XCTAssertEqual(loppu?.missingReasons?.reasons.map(\.code), ["En osaa sanoa"])
    }

    func testMissingCodesOnNumbersAndTheirSpellings() {
        let (outcome, text, shell) = run("""
            .load \(Self.workbook)
            .missing kysely.Ikä 51 62 as "kieltäytyi", 34
            kysely | freq Ikä
            """)
        XCTAssertEqual(outcome, .succeeded, text)
        XCTAssertTrue(text.contains("kysely.Ikä missing: 51 = kieltäytyi (1 row), 62 = kieltäytyi (1 row), 34 (1 row)"), text)
        XCTAssertEqual(row(text, "missing: kieltäytyi"), ["1", "16.67", "·", "·"], text)
        XCTAssertEqual(row(text, "missing: 34"), ["1", "16.67", "·", "·"], text)
        let age = shell.session.workspace.table(named: "kysely")?.column(named: "Ikä")
        XCTAssertEqual(age.map { c in (0..<c.count).filter { c.data.isMissing($0) }.count }, 4)
    }

    /// A table saved as a workbook shows the same in a spreadsheet and loads back with the same counts.
    func testSavedWorkbookLoadsBackWithTheSameCounts() {
        let dir = TestSupport.temporaryDirectory()
        let (outcome, text, _) = run(".lang fi\n.save participants \(dir)/p.xlsx\n.load \(dir)/p.xlsx as back\nparticipants | freq post_status\nback | freq post_status")
        XCTAssertEqual(outcome, .succeeded, text)
        // In Finnish the confirmation is Finnish too.
        XCTAssertTrue(text.contains("tallennettu participants: 16 riviä tiedostoon \(dir)/p.xlsx Excel-työkirjana (luokat selitteinään, kielenä suomi)"), text)
        let tables = text.components(separatedBy: "post_status ")
        XCTAssertEqual(tables.count, 3, text)
        // The counts and shares are the same; the reloaded categories are the labels, in sorted
        // order, so only the cumulative percentages (the last field) differ.
        let rows = { (part: String) in
            Set(part.split(separator: "\n").dropFirst(2).map { $0.split(separator: " ").dropLast().joined(separator: " ") })
        }
        XCTAssertEqual(rows(tables[1]), rows(tables[2]), text)
    }

    /// `.load DIR` loads a data set folder as `--data DIR` does: tables, keys and references.
    func testADataSetFolderLoadsLikeTheBuiltInData() {
        let (shell, out) = TestSupport.interpreter(workspace: Workspace())
        XCTAssertEqual(shell.run(".load \(TestSupport.root)/datasets/wire3", file: "t"), .succeeded, out.text)
        XCTAssertTrue(out.text.contains("loaded 4 tables from \(TestSupport.root)/datasets/wire3: participants (16 rows), motivation (16 rows), items (12 rows), responses (336 rows)"), out.text)
        let loaded = shell.session.workspace
        XCTAssertEqual(loaded.tableNames, TestSupport.builtIn.tableNames)
        XCTAssertEqual(loaded.relations, TestSupport.builtIn.relations)
        XCTAssertEqual(loaded.table(named: "responses")?.key, ["participant", "item", "phase"])
        for (script, message) in [
            (".load \(TestSupport.root)/datasets/wire3 as x", "as is not for a data set folder"),
            (".load \(TestSupport.root)/Tests", "this folder is not a data set"),
        ] {
            let (outcome, text, _) = run(script)
            XCTAssertEqual(outcome, .failed, script)
            XCTAssertTrue(text.contains(message), "\(script)\n\(text)")
        }
    }

    /// Answers stored as numbers get the questionnaire's words; they stay numbers to `where`
    /// and `describe`, and become a scale with `.scale`.
    func testLabelsForNumberedAnswers() throws {
        let (outcome, text, shell) = run("""
            .load \(Self.workbook)
            .values kysely.Ikä 27 nuorin youngest, 62 vanhin
            .lang fi
            kysely | freq Ikä
            kysely | where Ikä >= 45 | count
            """)
        XCTAssertEqual(outcome, .succeeded, text)
        XCTAssertTrue(text.contains("kysely.Ikä labels: 27 = nuorin / youngest, 62 = vanhin"), text)
        // In Finnish the decimals have a comma.
        XCTAssertEqual(row(text, "nuorin"), ["1", "16,67", "20,00", "20,00"], text)
        XCTAssertEqual(row(text, "vanhin"), ["1", "16,67", "20,00", "100,00"], text)
        let age = try XCTUnwrap(shell.session.workspace.table(named: "kysely")?.column(named: "Ikä"))
        guard case .categorical(let c, true) = age.data else { return XCTFail("\(age.type)") }
        XCTAssertEqual(c.levels.map(\.value), ["27", "34", "45", "51", "62"])
        XCTAssertEqual(c.levels.first?.label, Localized(en: "youngest", fi: "nuorin"))
        XCTAssertEqual(c.levels.last?.label, Localized("vanhin"))
        XCTAssertEqual(c.levels.map(\.number), [27, 34, 45, 51, 62])
        for (script, message) in [
            (".values kysely.Ikä 99 x", "Ikä has no value \"99\" (its values are 27, 34, 45, 51, 62)"),
            (".values kysely.tunteja_viikossa 1 x", "tunteja_viikossa is decimal"),
            (".values kysely.Ikä 27", "missing argument"),
            (".values kysely.Ikä 27 a b c", "each value is followed by its Finnish label"),
        ] {
            let (failed, text, _) = run(".load \(Self.workbook)\n" + script)
            XCTAssertEqual(failed, .failed, script)
            XCTAssertTrue(text.contains(message), "\(script)\n\(text)")
        }
    }

    func testMistakesAreErrorsThatChangeNothing() {
        for (script, message) in [
            (".missing kysely.Ikä x", "holds whole numbers, and \"x\" is not one"),
            (".missing kysely.Ikä 9 as", "one reason follows \"as\""),
            (".missing kysely.Ikä as \"x\"", "name the values before \"as\""),
            (".missing kysely.Organisaatio tekevä", "Organisaatio has no value \"tekevä\" (its values are \"Ohjaamo\", \"Tekevä\", \"Työvalmennussäätiö Tekevä\", \"Vamos\"); did you mean \"Tekevä\"?"),
            (".missing kysely.Ika 9", "has no column \"Ika\""),
            (".missing kysely", "missing argument"),
            (".rename kysely Ika age", "has no column \"Ika\""),
            (".rename kysely Ikä Organisaatio", "has a column \"Organisaatio\" already"),
            (".rename kysely Ikä \"1 age\"", "cannot be a column name"),
            (".load \(Self.workbook) --na EOS", "--na is not for Excel workbooks"),
            (".load \(Self.workbook) sheet", "a sheet's name follows"),
            (".load \(Self.workbook) sheet Nope", "the workbook has no sheet \"Nope\""),
        ] {
            let (outcome, text, shell) = run(".load \(Self.workbook)\n" + script)
            XCTAssertEqual(outcome, .failed, script)
            XCTAssertTrue(text.contains(message), "\(script)\n\(text)")
            let kysely = shell.session.workspace.table(named: "kysely")
            XCTAssertNil(kysely?.column(named: "Ikä")?.missingReasons, script)
            XCTAssertNotNil(kysely?.column(named: "Ikä"), script)
        }
    }

    /// SPSS keeps text missing codes of up to 8 bytes; a longer one is written as a number (9)
    /// labelled with the text, the column as codes in scale order, never a truncated code.
    func testALongTextMissingCodeGoesToSPSSAsANumber() {
        let dir = TestSupport.temporaryDirectory()
        let (outcome, text, _) = run("""
            .load \(Self.workbook)
            .missing kysely.kuinka_hyvin_osaat_hakea_alku "En osaa sanoa"
            .save kysely \(dir)/k.sav
            .load \(dir)/k.sav as back
            back | freq kuinka_hyvin_osaat_hakea_alku
            """)
        XCTAssertEqual(outcome, .succeeded, text)
        XCTAssertTrue(text.contains("kuinka_hyvin_osaat_hakea_alku: missing codes written as numbers (En osaa sanoa as 9)"), text)
        XCTAssertEqual(row(text, "missing: En osaa sanoa"), ["1", "16.67", "·", "·"], text)
        XCTAssertEqual(row(text, "Heikosti"), ["1", "16.67", "25.00", "25.00"], text)
        let (saved, text2, _) = run("""
            .load \(Self.workbook)
            .missing kysely.kuinka_hyvin_osaat_hakea_alku "En osaa sanoa" as "en osaa sanoa"
            .save kysely \(dir)/k.dta
            .load \(dir)/k.dta as back
            back | freq kuinka_hyvin_osaat_hakea_alku
            """)
        XCTAssertEqual(saved, .succeeded, text2)
        XCTAssertEqual(row(text2, "missing: en osaa sanoa"), ["1", "16.67", "·", "·"], text2)
    }
}
