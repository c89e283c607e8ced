import Foundation
import XCTest
import ArvioData
@testable import ArvioShell

/// `.load` and `.save` of SPSS and Stata files in the shell, checked against what R's haven
/// computes from the same files (Tests/Fixtures/readstat/make-fixtures.R).
final class StatisticsFileTests: XCTestCase {
    static let folder = TestSupport.root + "/Tests/Fixtures/readstat"

    private func statistics() throws -> [String: Any] {
        let data = try Data(contentsOf: URL(fileURLWithPath: Self.folder + "/reference.json"))
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
        return try XCTUnwrap(json["statistics"] as? [String: Any])
    }

    private func run(_ script: String) -> (Interpreter.Outcome, String) {
        let (shell, out) = TestSupport.interpreter()
        let outcome = shell.run(script, file: "t")
        return (outcome, out.text)
    }

    /// The cells of the row of a text table that starts with `label`.
    private func row(_ text: String, _ label: String) -> [String]? {
        text.split(separator: "\n").first { $0.hasPrefix(label + "  ") }.map { line in
            line.dropFirst(label.count).split(separator: " ").map(String.init)
        }
    }

    func testFreqCountsEachMissingReasonOnItsOwnRow() throws {
        let (outcome, text) = run(".load \(Self.folder)/kysely.sav\nkysely | freq q1_pre")
        XCTAssertEqual(outcome, .succeeded, text)
        XCTAssertTrue(text.contains("loaded kysely from SPSS: 8 rows, 9 columns, missing codes in 3 columns"), text)
        let counts = try XCTUnwrap(try statistics()["q1_pre_counts"] as? [String: Int])
        let labels = ["1": "Heikosti", "2": "Kohtalaisesti", "3": "Jonkin verran", "4": "Hyvin", "5": "Erinomaisesti",
                      "6": "missing: en osaa sanoa", "9": "missing: ei vastausta"]
        for (code, label) in labels {
            XCTAssertEqual(row(text, label)?.first, String(counts[code]!), "\(label)\n\(text)")
        }
        // Valid percent is of the five answers on the scale; the coded and uncoded missing have none.
        XCTAssertEqual(row(text, "Kohtalaisesti"), ["2", "25.00", "40.00", "60.00"], text)
        XCTAssertEqual(row(text, "missing: ei vastausta"), ["1", "12.50", "·", "·"], text)
        XCTAssertEqual(row(text, "missing, no code"), ["1", "12.50", "·", "·"], text)
        XCTAssertEqual(row(text, "Total"), ["8", "100.00", "100.00", "·"], text)
    }

    func testUserMissingCodesAreNeverInAMean() throws {
        let (outcome, text) = run(".load \(Self.folder)/kysely.sav --ordinal q1_post\n.width 200\nkysely | describe age, q1_post")
        XCTAssertEqual(outcome, .succeeded, text)
        let r = try statistics()
        let format = { (x: Any?) in String(format: "%.2f", (x as? Double) ?? Double((x as? Int) ?? -1)) }
        XCTAssertEqual(row(text, "age")?.prefix(4), ["\(r["age_n"]!)", "3", format(r["age_mean"]), format(r["age_sd"])], text)
        XCTAssertEqual(row(text, "q1_post")?.prefix(4), ["\(r["q1_post_n"]!)", "2", format(r["q1_post_mean"]), format(r["q1_post_sd"])], text)
    }

    func testSchemaShowsLabelsAndMissingCodes() {
        let (outcome, text) = run(".load \(Self.folder)/kysely.sav\n.width 200\n.schema kysely")
        XCTAssertEqual(outcome, .succeeded, text)
        XCTAssertTrue(text.contains("Kuinka hyvin osaat hakea töitä? (alku)"), text)
        XCTAssertTrue(text.contains("q1_pre: 1 = Heikosti, 2 = Kohtalaisesti"), text)
        XCTAssertTrue(text.contains("q1_pre missing: 6 = en osaa sanoa, 9 = ei vastausta"), text)
        XCTAssertTrue(text.contains("age missing: 997 to 999 (998 = kieltäytyi)"), text)
    }

    /// A built-in table saved as SPSS and Stata and loaded back answers the same statements.
    func testSavedBuiltInTableAnswersTheSame() throws {
        let dir = TestSupport.temporaryDirectory()
        for file in ["p.sav", "p.dta"] {
            var statements = ["participants | freq post_status", "participants | describe experience_years"]
            // Stata labels only numbers, so text categories come back as labelled codes 1, 2, 3 …:
            // what is shown is the same, but statements that name a value need the SPSS file.
            if file == "p.sav" {
                statements += ["participants | where post_status == \"responded\" | count",
                               "participants | crosstab entry_route by post_status"]
            }
            let (shell, out) = TestSupport.interpreter()
            XCTAssertEqual(shell.run(".save participants \(dir)/\(file)\n.load \(dir)/\(file) as back", file: "t"), .succeeded, out.text)
            for statement in statements {
                let (a, x) = TestSupport.interpreter(workspace: shell.session.workspace)
                _ = a.run(statement, file: "t")
                let (b, y) = TestSupport.interpreter(workspace: shell.session.workspace)
                _ = b.run(statement.replacingOccurrences(of: "participants", with: "back"), file: "t")
                XCTAssertEqual(y.text.replacingOccurrences(of: "back", with: "participants"), x.text, "\(file): \(statement)")
            }
        }
    }

    /// A table with missing codes saved as CSV writes the codes and declares them in the
    /// codebook, so it loads back with the same reasons and the same answers.
    func testMissingCodesSurviveACSVRoundTrip() throws {
        let dir = TestSupport.temporaryDirectory()
        let (shell, out) = TestSupport.interpreter()
        XCTAssertEqual(shell.run(".load \(Self.folder)/kysely.sav\n.missing kysely.hours 0 as \"ei tunteja\"\n.save kysely \(dir)/k.csv\n.load \(dir)/k.csv as back", file: "t"),
                       .succeeded, out.text)
        let codebook = try String(contentsOfFile: dir + "/k.codebook.csv", encoding: .utf8)
        XCTAssertTrue(codebook.contains(",6|9,en osaa sanoa|ei vastausta,en osaa sanoa|ei vastausta"), codebook)
        let csv = try String(contentsOfFile: dir + "/k.csv", encoding: .utf8)
        XCTAssertTrue(csv.split(whereSeparator: \.isNewline).contains("4,3,9,9,27,7.25,ei,2024-03-01,3"), csv)
        let workspace = shell.session.workspace
        let original = try XCTUnwrap(workspace.table(named: "kysely")), back = try XCTUnwrap(workspace.table(named: "back"))
        for (a, b) in zip(original.columns, back.columns) {
            XCTAssertEqual(a.type, b.type, a.name)
            // A range (997 to 999) is kept as the codes it holds; the codes and their labels are the same.
            XCTAssertEqual(a.missingReasons?.reasons.map(\.code), b.missingReasons?.reasons.map(\.code), a.name)
            XCTAssertEqual((0..<a.count).map { a.missingReasons?.reason(at: $0)?.display(.en) },
                           (0..<b.count).map { b.missingReasons?.reason(at: $0)?.display(.en) }, a.name)
        }
        for statement in ["kysely | freq q1_pre", "kysely | freq hours", "kysely | describe age", "kysely | freq age"] {
            let (x, a) = TestSupport.interpreter(workspace: workspace)
            _ = x.run(statement, file: "t")
            let (y, b) = TestSupport.interpreter(workspace: workspace)
            _ = y.run(statement.replacingOccurrences(of: "kysely", with: "back"), file: "t")
            XCTAssertEqual(b.text.replacingOccurrences(of: "back", with: "kysely"), a.text, statement)
        }
    }

    func testCodebookShowsMissingCodes() {
        let (outcome, text) = run(".load \(Self.folder)/kysely.sav\n.width 200\n.codebook kysely")
        XCTAssertEqual(outcome, .succeeded, text)
        XCTAssertTrue(text.contains("6 = en osaa sanoa, 9 = ei vastausta"), text)
        XCTAssertTrue(text.contains("998 = kieltäytyi, 999"), text)
    }

    func testCodebookMissingFieldsAreChecked() {
        let dir = TestSupport.temporaryDirectory()
        let header = "table,column,type,key,references,values,labels_en,labels_fi,label_en,label_fi,missing,missing_en,missing_fi\n"
        for (row, message) in [
            ("t,q,categorical,,,1|2,,,,,2,,", "\"2\" is both a value and a missing code"),
            ("t,q,categorical,,,1|2,,,,,9|9,,", "the missing code \"9\" is listed twice"),
            ("t,q,categorical,,,1|2,,,,,9|,,", "missing code 2 of \"9|\" is empty"),
            ("t,q,categorical,,,1|2,,,,,9|8,a,", "1 reasons for 2 missing codes"),
        ] {
            try? (header + row + "\n").write(toFile: dir + "/t.codebook.csv", atomically: true, encoding: .utf8)
            try? "q\n1\n9\n".write(toFile: dir + "/t.csv", atomically: true, encoding: .utf8)
            let (outcome, text) = run(".load \(dir)/t.csv")
            XCTAssertEqual(outcome, .failed, row)
            XCTAssertTrue(text.contains(message), "\(row)\n\(text)")
        }
        try? (header + "t,q,categorical,,,1|2,,,,,9|8,ei vastausta|ei koske,ei vastausta|ei koske\n").write(toFile: dir + "/t.codebook.csv", atomically: true, encoding: .utf8)
        let (outcome, text) = run(".load \(dir)/t.csv\nt | freq q")
        XCTAssertEqual(outcome, .succeeded, text)
        XCTAssertEqual(row(text, "missing: ei vastausta"), ["1", "50.00", "·", "·"], text)
        XCTAssertEqual(row(text, "missing: ei koske"), ["0", "0.00", "·", "·"], text)
    }

    func testOptionsThatDoNotFitTheFileAreErrors() {
        for (script, message) in [
            (".load \(Self.folder)/kysely.sav --na 9", "an SPSS file says which values are missing; --na is for CSV files"),
            (".load \(Self.folder)/kysely.dta --codebook x.csv", "a Stata file carries its own value labels"),
            (".load \(Self.folder)/reference.json as r --encoding UTF-8", "--encoding is for SPSS, Stata and SAS files"),
            (".load \(Self.folder)/kysely.sav --ordinal hours", "hours holds decimals"),
            (".load \(Self.folder)/kysely.sav --ordinal nope", "no variable nope"),
            (".save participants /tmp/x.por", "writes only .sav and .dta"),
            (".save participants /tmp/x.sav labels", "keeps both the codes and their labels"),
        ] {
            let (outcome, text) = run(script)
            XCTAssertEqual(outcome, .failed, script)
            XCTAssertTrue(text.contains(message), "\(script)\n\(text)")
        }
        let dir = TestSupport.temporaryDirectory()
        FileManager.default.createFile(atPath: dir + "/fake.sav", contents: Data("id,q\n1,2\n".utf8))
        let (outcome, text) = run(".load \(dir)/fake.sav")
        XCTAssertEqual(outcome, .failed)
        XCTAssertTrue(text.contains("fake.sav: error: this is not a readable SPSS .sav file"), text)
    }
}
