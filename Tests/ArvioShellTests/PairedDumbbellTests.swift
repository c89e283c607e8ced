import ArvioData
import ArvioQuery
import XCTest

/// `chart dumbbell V by PHASE per R` pairs the answers as `delta` does (issue 14): the
/// drop-outs' start answers no longer pull the start means down, each row says its n, and a
/// note names who was left out. Means against R (Tests/Fixtures/paired/reference.R).
final class PairedDumbbellTests: XCTestCase {
    private func chart(_ source: String) throws -> (ChartModel, Table) {
        var session = Session(workspace: TestSupport.builtIn)
        let table = try XCTUnwrap(try session.run(source).last?.table)
        return (try XCTUnwrap(table.chart), table)
    }

    func testTheMeansArePairedAndCountedPerOrganisation() throws {
        let (model, table) = try chart("responses | where item == \"overall\" | join participants | chart dumbbell score by phase per org")
        let orgs = ["Katulähetys", "Työttömät", "Tekevä", "Setlementti"]
        XCTAssertEqual(model.rows.count, 4)
        for (row, org) in zip(model.rows, orgs) {
            XCTAssertEqual(row.values[0], try PairedReference.value("dumbbell_" + org, "pre"), accuracy: 1e-9, org)
            XCTAssertEqual(row.values[1], try PairedReference.value("dumbbell_" + org, "post"), accuracy: 1e-9, org)
            XCTAssertEqual(row.n.map(Double.init), try PairedReference.value("dumbbell_" + org, "n"), org)
        }
        XCTAssertEqual(model.rows[3].values[1] - model.rows[3].values[0], 4.0 / 3.0, accuracy: 1e-12,
                       "Setlementti's paired change is +1.33, not the unpaired +1.00")
        guard case .integer(let n)? = table.column(named: "n")?.data else { return XCTFail("no n column") }
        XCTAssertEqual(n, [3, 2, 4, 3])
        let note = model.notes.map(\.en).joined()
        XCTAssertTrue(note.hasPrefix("Paired on participant × item: each row's two means are of the 12 pairs with both answers (n per row); left out 4 start answers with no end answer: participant P04"), note)
    }

    func testTheTextChartPrintsNPerRow() throws {
        let (shell, out) = TestSupport.interpreter()
        XCTAssertEqual(shell.run("responses | where item == \"overall\" | join participants | chart dumbbell score by phase per org", file: "t"), .succeeded)
        XCTAssertTrue(out.text.contains("2.67 → 4.00  +1.33  n 3"), out.text)
    }
}
