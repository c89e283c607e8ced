import XCTest
import ArvioData
@testable import ArvioShell

/// `longer`: wide columns made rows. The built-in long data exported wide and made long again
/// gives the same `delta` as the built-in table, and as `delta` of the wide columns.
final class LongerTests: XCTestCase {
    private static let wide = """
        let pre = responses | where item == "overall" and phase == "pre" | select participant, overall_pre = score
        let post = responses | where item == "overall" and phase == "post" | select participant, overall_post = score
        let wide = pre | join post on participant

        """

    private func run(_ script: String) -> (Interpreter.Outcome, String, Interpreter) {
        let (shell, out) = TestSupport.interpreter()
        let outcome = shell.run(script, file: "t")
        return (outcome, out.text, shell)
    }

    /// The test statistics of a `delta` result: the lines from "statistic" to the first note.
    private func statistics(_ text: String) -> [String] {
        let lines = text.split(separator: "\n").map(String.init)
        guard let start = lines.firstIndex(where: { $0.hasPrefix("statistic ") }) else { return [] }
        return Array(lines[start...].prefix { !$0.hasPrefix("Note:") })
    }

    /// The first eight cells of the summary row of a `delta` result (n … worse).
    private func summary(_ text: String) -> [String] {
        let lines = text.split(separator: "\n").map(String.init)
        guard let header = lines.firstIndex(where: { $0.hasPrefix(" n ") || $0.hasPrefix("n ") }) else { return [] }
        return Array(lines[header + 2].split(separator: " ").map(String.init).prefix(8))
    }

    func testWideMadeLongGivesTheSameDeltaAsTheBuiltInLongTable() {
        let (a, long, _) = run(Self.wide + "wide | longer overall_pre, overall_post into item, phase, score | delta score by phase on participant")
        let (b, builtIn, _) = run("responses | where item == \"overall\" | delta score by phase")
        let (c, paired, _) = run(Self.wide + "wide | delta overall_pre -> overall_post")
        XCTAssertEqual([a, b, c], [.succeeded, .succeeded, .succeeded], long + builtIn + paired)
        XCTAssertFalse(statistics(long).isEmpty, long)
        XCTAssertEqual(statistics(long), statistics(builtIn))
        XCTAssertEqual(summary(long), summary(builtIn))
        XCTAssertEqual(summary(long), ["12", "2.83", "3.75", "0.92", "1.00", "9", "2", "1"], long)
        XCTAssertEqual(statistics(paired).dropFirst(), statistics(long).dropFirst())
    }

    func testShapeNamesAndOrder() throws {
        let (outcome, text, shell) = run(Self.wide + "let long = wide | longer \"overall_*\" into item, phase, score")
        XCTAssertEqual(outcome, .succeeded, text)
        let long = try XCTUnwrap(shell.session.workspace.table(named: "long"))
        XCTAssertEqual(long.columnNames, ["participant", "item", "phase", "score"])
        XCTAssertEqual(long.rowCount, 24)
        XCTAssertEqual(long.column(named: "score")?.type, .ordinal)
        guard case .categorical(let phase, _) = long.column(named: "phase")!.data else { return XCTFail() }
        // The phases in the order of the columns, and trusted as an order.
        XCTAssertEqual(phase.levels.map(\.value), ["pre", "post"])
        XCTAssertFalse(phase.levelsSortedByValue)
        XCTAssertEqual((0..<4).map { phase.level(at: $0)!.value }, ["pre", "post", "pre", "post"])
        guard case .text(let ids) = long.column(named: "participant")!.data else { return XCTFail() }
        XCTAssertEqual(Array(ids.prefix(4)), ["P01", "P01", "P02", "P02"])
    }

    func testMissingReasonsGoWithTheValues() throws {
        let folder = TestSupport.root + "/Tests/Fixtures/readstat"
        let (outcome, text, _) = run(".load \(folder)/kysely.sav\nkysely | longer q1_pre, q1_post into q, phase, answer | freq answer")
        XCTAssertEqual(outcome, .succeeded, text)
        // q1_pre has one of each code and q1_post one of each (tests of the reader check the rows).
        let lines = text.split(separator: "\n")
        for label in ["missing: ei vastausta", "missing: en osaa sanoa"] {
            let row = lines.first { $0.hasPrefix(label + " ") }.map { $0.dropFirst(label.count).split(separator: " ") }
            XCTAssertEqual(row?.first, "2", "\(label)\n\(text)")
        }
    }

    /// Two files, start and end, stacked: the same `delta` as the built-in long table.
    func testTwoTablesStackedGiveTheSameDelta() throws {
        let script = """
            let alku = responses | where phase == "pre" and item == "overall" | select participant, score
            let loppu = responses | where phase == "post" and item == "overall" | select participant, score
            let both = alku | stack loppu as vaihe
            both | delta score by vaihe on participant
            """
        let (outcome, stacked, shell) = run(script)
        let (_, builtIn, _) = run("responses | where item == \"overall\" | delta score by phase")
        XCTAssertEqual(outcome, .succeeded, stacked)
        XCTAssertEqual(statistics(stacked).dropFirst(), statistics(builtIn).dropFirst())
        XCTAssertEqual(summary(stacked), summary(builtIn))
        let both = try XCTUnwrap(shell.session.workspace.table(named: "both"))
        XCTAssertEqual(both.rowCount, 28)
        XCTAssertEqual(both.columnNames, ["participant", "score", "vaihe"])
        XCTAssertEqual(both.column(named: "score")?.type, .ordinal)
        for (statement, message) in [
            ("responses | stack participants", "stack needs tables with the same columns; participants has no"),
            ("participants | stack participants as id", "has a column \"id\" already"),
            ("participants | stack nope", "there is no table \"nope\""),
        ] {
            let (failed, text, _) = run(statement)
            XCTAssertEqual(failed, .failed, statement)
            XCTAssertTrue(text.contains(message), "\(statement)\n\(text)")
        }
    }

    /// The built-in long table made wide (`wider`) and long again (`longer`) gives every item's
    /// delta as the built-in table does, and the wide columns pair as `delta A -> B`.
    func testWiderThenLongerGivesTheSameDeltaForEveryItem() throws {
        let wide = "let w = responses | select participant, item, phase, score | wider item, phase from score\n"
        let (a, roundTrip, shell) = run(wide + "w | longer \"*_pre\", \"*_post\" into item, phase, score | delta score by phase per item")
        let (b, builtIn, _) = run("responses | delta score by phase per item")
        XCTAssertEqual([a, b], [.succeeded, .succeeded], roundTrip)
        // Everything but the notes, which for the built-in table also name why people left.
        let numbers = { (text: String) in
            text.split(separator: "\n").filter { !$0.hasPrefix("Note:") && !$0.hasPrefix("  ") && !$0.hasPrefix("w: ") }
        }
        XCTAssertEqual(numbers(roundTrip), numbers(builtIn))
        let w = try XCTUnwrap(shell.session.workspace.table(named: "w"))
        XCTAssertEqual(w.rowCount, 16)
        XCTAssertEqual(w.key, ["participant"])
        XCTAssertEqual(Array(w.columnNames.prefix(3)), ["participant", "overall_pre", "AO1_pre"])
        XCTAssertEqual(w.columnNames.count, 25)
        XCTAssertEqual(w.column(named: "OH4_post")?.type, .ordinal)
        let (c, paired, _) = run(wide + "w | delta overall_pre -> overall_post")
        let (_, overall, _) = run("responses | where item == \"overall\" | delta score by phase")
        XCTAssertEqual(c, .succeeded, paired)
        XCTAssertEqual(statistics(paired).dropFirst(), statistics(overall).dropFirst())
        for (statement, message) in [
            ("responses | select participant, phase, score | wider phase from score", "two rows have participant P01 and pre, so the value of pre is not one"),
            ("responses | wider phase from phase", "cannot both name the columns and fill them"),
            ("responses | wider nope from score", "there is no column \"nope\""),
            ("responses | wider phase score", "from and the column of values"),
        ] {
            let (failed, text, _) = run(statement)
            XCTAssertEqual(failed, .failed, statement)
            XCTAssertTrue(text.contains(message), "\(statement)\n\(text)")
        }
    }

    func testMistakesAreClearErrors() {
        for (statement, message) in [
            ("participants | longer nope, org into a, b", "there is no column \"nope\""),
            ("participants | longer \"zz*\" into a, b", "no column of participants matches \"zz*\""),
            ("participants | longer org, experience_years into a, b", "must be alike"),
            ("participants | longer org, title into a", "at least two columns"),
            ("participants | longer org, title into id, b", "has a column \"id\" that is kept"),
            ("participants | longer org, title", "into and the new columns' names"),
            ("participants | longer org, title into x, y, z", "cannot be split into 2 parts"),
        ] {
            let (outcome, text, _) = run(statement)
            XCTAssertEqual(outcome, .failed, statement)
            XCTAssertTrue(text.contains(message), "\(statement)\n\(text)")
        }
    }
}
