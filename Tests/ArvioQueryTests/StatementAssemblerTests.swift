import XCTest
import ArvioQuery

final class StatementAssemblerTests: XCTestCase {
    private func units(_ lines: [String]) -> [StatementAssembler.Unit] {
        var a = StatementAssembler()
        var out: [StatementAssembler.Unit] = []
        for (i, line) in lines.enumerated() { if let u = a.feed(line, number: i + 1) { out.append(u) } }
        if let u = a.finish() { out.append(u) }
        return out
    }

    func testALineEndingInAPipeContinuesTheStatement() {
        XCTAssertEqual(units(["participants |", "  count by org", "items"]), [
            .statement("participants |\n  count by org", firstLine: 1),
            .statement("items", firstLine: 3),
        ])
    }

    func testMetaCommandsAreWholeLinesBetweenStatements() {
        XCTAssertEqual(units(["# a comment", ".lang fi", "", "-- another", "participants"]), [
            .meta(".lang fi", line: 2),
            .statement("participants", firstLine: 5),
        ])
    }

    func testAnOpenBracketContinuesAndAnUnfinishedStatementIsHandedOverAtTheEnd() {
        XCTAssertEqual(units(["responses | where item in [\"OH1\",", "\"OH2\"] | count", "participants |"]), [
            .statement("responses | where item in [\"OH1\",\n\"OH2\"] | count", firstLine: 1),
            .statement("participants |", firstLine: 3),
        ])
    }
}
