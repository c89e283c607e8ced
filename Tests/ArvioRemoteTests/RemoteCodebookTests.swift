@testable import ArvioRemote
@testable import ArvioShell
import ArvioData
import ArvioQuery
import Foundation
import XCTest

/// Types and labels from the database: enum types as scales, `COMMENT ON COLUMN` as the
/// column's meaning, and a codebook (the database's `codebook` table, or a file given to
/// `.connect --codebook`) with the rules it has for a file. Also notebooks that connect through
/// their front matter, and a password in them reaching no output.
final class RemoteCodebookTests: XCTestCase {
    /// A schema `coded` holding `answers` (no primary key), `people`, and a `codebook` table
    /// describing them; the connection string reaches it through the search path.
    private func codedDatabase(withCodebookTable: Bool = true) throws -> String {
        let base = try TestDatabase.pilotConnection()
        let admin = try PostgresConnection(base, readOnly: false)
        _ = try admin.query("DROP SCHEMA IF EXISTS coded CASCADE")
        _ = try admin.query("CREATE SCHEMA coded")
        _ = try admin.query("CREATE TYPE coded.feeling AS ENUM ('huono', 'hyvä')")
        _ = try admin.query("CREATE TABLE coded.people (pid text PRIMARY KEY, region text)")
        _ = try admin.query("COMMENT ON COLUMN coded.people.region IS 'Region of residence'")
        _ = try admin.query("CREATE TABLE coded.answers (pid text, score integer, feeling coded.feeling, org text)")
        _ = try admin.query("INSERT INTO coded.people VALUES ('a', 'Häme'), ('b', 'Uusimaa'), ('c', 'Häme'), ('d', NULL)")
        _ = try admin.query("""
            INSERT INTO coded.answers VALUES ('a', 1, 'hyvä', 'Tekevä'), ('b', 5, 'huono', 'Setlementti'),
              ('c', 9, 'hyvä', 'Tekevä'), ('d', 3, NULL, NULL), ('e', 4, 'hyvä', 'Tekevä')
            """)
        if withCodebookTable {
            _ = try admin.query("""
                CREATE TABLE coded.codebook ("table" text, "column" text, type text, key text, "references" text,
                  "values" text, labels_en text, labels_fi text, label_en text, label_fi text, missing text, missing_en text)
                """)
            _ = try admin.query("""
                INSERT INTO coded.codebook VALUES
                  ('answers', 'pid', 'text', 'yes', 'people.pid', '', '', '', 'Person', 'Henkilö', '', ''),
                  ('answers', 'score', 'ordinal', '', '', '1|2|3|4|5', 'very poor|poor|fair|good|excellent',
                   'erittäin huono|huono|kohtalainen|hyvä|erinomainen', 'Self-assessed skill', 'Oma arvio taidosta', '9', 'no answer'),
                  ('answers', 'org', 'categorical', '', '', 'Tekevä|Setlementti|Muu', '', '', '', '', '', '')
                """)
        }
        return base + " options='-c search_path=coded'"
    }

    private func shell() -> (Interpreter, CapturingConsole) {
        let console = CapturingConsole()
        return (Interpreter(workspace: Workspace(), settings: OutputSettings(), console: console), console)
    }

    func testTheDatabasesCodebookTableGivesScalesLabelsKeysReferencesAndMissingCodes() throws {
        let (interpreter, console) = shell()
        XCTAssertEqual(interpreter.run(".connect \"\(try codedDatabase())\"", file: "test"), .succeeded, console.text)
        // The codebook describes the tables; it is not one of them.
        XCTAssert(console.text.contains("(read-only): 2 tables, answers, people; codebook: the codebook table to answers"), console.text)
        let executor = try XCTUnwrap(interpreter.remote)
        let answers = try XCTUnwrap(executor.catalog.tables["answers"])
        let score = try XCTUnwrap(answers.columns.first { $0.name == "score" })
        XCTAssertEqual(score.type, .ordinal)
        XCTAssertEqual(score.levels.map(\.value), ["1", "2", "3", "4", "5"])
        XCTAssertEqual(score.levels.map { $0.label?.fi }, ["erittäin huono", "huono", "kohtalainen", "hyvä", "erinomainen"])
        XCTAssertEqual(score.levels.map(\.number), [1, 2, 3, 4, 5])
        XCTAssertEqual(score.missingCodes, ["9"])
        XCTAssertEqual(answers.key, ["pid"], "the codebook's key of a table without a primary key")
        XCTAssert(executor.catalog.relations.contains(Relation(table: "answers", columns: ["pid"], target: "people", targetColumns: ["pid"])))
        // An enum type is a scale in the enum's order; a comment is the column's meaning.
        XCTAssertEqual(answers.columns.first { $0.name == "feeling" }?.levels.map(\.value), ["huono", "hyvä"])
        XCTAssertEqual(answers.columns.first { $0.name == "feeling" }?.type, .ordinal)
        let placeholder = try XCTUnwrap(interpreter.session.workspace.table(named: "people"))
        XCTAssertEqual(placeholder.column(named: "region")?.label?.en, "Region of residence")
        XCTAssertEqual(interpreter.session.workspace.table(named: "answers")?.column(named: "score")?.label?.fi, "Oma arvio taidosta")
        // A level named by its label, and the missing code read as missing (NULL).
        var session = interpreter.session
        let good = try XCTUnwrap(session.run("answers | where score >= \"good\" | count").first?.table)
        XCTAssertEqual(good.columns.first?.data.number(at: 0), 2)
        let freq = try XCTUnwrap(session.run("answers | freq score").first?.table)
        let n = try XCTUnwrap(freq.column(named: "n"))
        // 1, 3, 4, 5 once each (2 is a level nobody chose, listed since the codebook lists it), 9 missing.
        XCTAssertEqual((0..<freq.rowCount).map { n.data.number(at: $0) }, [1, 0, 1, 1, 1, 1, 5])
        XCTAssert(freq.notes.contains { $0.en.contains("from 5 counts fetched") }, "\(freq.notes)")
        let described = try XCTUnwrap(session.run("answers | describe score").first?.table)
        XCTAssertEqual(described.column(named: "n")?.data.number(at: 0), 4)
        XCTAssertEqual(described.column(named: "missing")?.data.number(at: 0), 1)
        XCTAssertEqual(described.column(named: "mean")?.data.number(at: 0), 3.25)
        // The relation the codebook declares is one `join` uses.
        let joined = try XCTUnwrap(session.run("answers | join people | count by region").first?.table)
        XCTAssertEqual(joined.rowCount, 3)
    }

    func testACodebookFileTheDatabaseContradictsIsAnErrorWithItsLineAndLeavesTheSessionAsItWas() throws {
        let target = try codedDatabase(withCodebookTable: false)
        let dir = NSTemporaryDirectory() + "arvio-codebook-\(getpid())"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let bad = dir + "/bad.csv"
        try "table,column,type,values\nanswers,score,ordinal,1|2|3|4|5\nanswers,org,categorical,Tekevä|Muu\n"
            .write(toFile: bad, atomically: true, encoding: .utf8)
        let (interpreter, console) = shell()
        XCTAssertEqual(interpreter.run(".connect \"\(target)\" --codebook \(bad)", file: "test"), .failed)
        XCTAssert(console.text.contains("\(bad):2"), console.text)
        XCTAssert(console.text.contains("expected one of the values the codebook lists for column \"score\": 1, 2, 3, 4, 5, but the database's table answers holds \"9\""), console.text)
        XCTAssertNil(interpreter.remote, "no connection is made")

        let missingColumn = dir + "/nocolumn.csv"
        try "table,column,type\nanswers,nosuch,integer\n".write(toFile: missingColumn, atomically: true, encoding: .utf8)
        XCTAssertEqual(interpreter.run(".connect \"\(target)\" --codebook \(missingColumn)", file: "test"), .failed)
        XCTAssert(console.text.contains("the codebook describes column \"nosuch\" of answers, but the database's table answers has no such column"), console.text)

        let wrongType = dir + "/type.csv"
        try "table,column,type\nanswers,org,integer\n".write(toFile: wrongType, atomically: true, encoding: .utf8)
        XCTAssertEqual(interpreter.run(".connect \"\(target)\" --codebook \(wrongType)", file: "test"), .failed)
        XCTAssert(console.text.contains("the codebook declares answers.org a whole number, but the database holds it as text"), console.text)

        let duplicateKey = dir + "/key.csv"
        try "table,column,type,key\nanswers,org,categorical,yes\n".write(toFile: duplicateKey, atomically: true, encoding: .utf8)
        XCTAssertEqual(interpreter.run(".connect \"\(target)\" --codebook \(duplicateKey)", file: "test"), .failed)
        XCTAssert(console.text.contains("does not identify the rows of the database's table answers"), console.text)

        let good = dir + "/good.csv"
        try "table,column,type,values,labels_en,missing,missing_en\nanswers,score,ordinal,1|2|3|4|5,awful|bad|so-so|fine|great,9,no answer\n"
            .write(toFile: good, atomically: true, encoding: .utf8)
        XCTAssertEqual(interpreter.run(".connect \"\(target)\" --codebook \(good)", file: "test"), .succeeded, console.text)
        XCTAssert(console.text.contains("codebook: \(good) to answers"), console.text)
        XCTAssertEqual(interpreter.run("answers | where score == \"great\" | count", file: "test"), .succeeded, console.text)
        XCTAssertEqual(interpreter.run(".connect \"\(target)\" --codebook", file: "test"), .failed)
        XCTAssert(console.text.contains("--codebook needs a codebook file"), console.text)
    }

    func testANotebookConnectsThroughItsFrontMatterAndShowsNoPassword() throws {
        let pilot = try TestDatabase.pilotConnection()
        // The front matter names only the database; the PG* variables give the rest, as for psql.
        var words: [String: String] = [:]
        for word in pilot.split(separator: " ") {
            let parts = word.split(separator: "=", maxSplits: 1).map(String.init)
            if parts.count == 2 { words[parts[0]] = parts[1] }
        }
        for (key, variable) in [("host", "PGHOST"), ("port", "PGPORT"), ("user", "PGUSER")] {
            if let value = words[key] { setenv(variable, value, 1) }
        }
        setenv("PGPASSWORD", "nb-Secret-42", 1)
        defer { for variable in ["PGHOST", "PGPORT", "PGUSER", "PGPASSWORD"] { unsetenv(variable) } }
        let path = NSTemporaryDirectory() + "arvio-db-notebook-\(getpid()).md"
        defer { unlink(path) }
        try """
            ---
            db: dbname=arvio_pilot password=nb-Inline-7
            ---
            # From the register

            ```arvio
            participants | crosstab entry_route by post_status
            ```

            ```arvio
            .connect
            ```

            ```arvio
            .connect "dbname=arvio_pilot password=nb-Inline-7"
            participants | freq org
            ```

            """.write(toFile: path, atomically: true, encoding: .utf8)
        let console = CapturingConsole()
        let interpreter = Interpreter(workspace: Workspace(), settings: OutputSettings(), console: console)
        XCTAssertEqual(NotebookRunner(interpreter: interpreter, console: console).knit(path), 0, console.text)
        let knitted = try String(contentsOfFile: path, encoding: .utf8)
        XCTAssert(knitted.contains("Pearson chi-square"), knitted)
        XCTAssert(knitted.contains("computed in memory from"), knitted)
        XCTAssert(knitted.contains("connected to arvio@"), knitted)
        XCTAssert(knitted.contains("Tekevä"), knitted)
        // Only the lines the author wrote carry the inline password; no output does.
        let outputs = knitted.components(separatedBy: "\n").filter { !$0.contains("password=nb-Inline-7") }
        XCTAssertFalse(outputs.joined().contains("nb-Inline-7"), knitted)
        XCTAssertFalse(knitted.contains("nb-Secret-42"), knitted)
        XCTAssertFalse(console.text.contains("nb-Inline-7") || console.text.contains("nb-Secret-42"), console.text)
    }
}
