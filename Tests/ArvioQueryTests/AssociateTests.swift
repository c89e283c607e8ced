import ArvioData
import ArvioStats
@testable import ArvioQuery
import XCTest

final class AssociateTests: XCTestCase {
    func testAssociateRanksColumnsStrongestFirstAndSkipsIdentifiers() {
        let t = table("participants | join motivation | associate motivation_start")
        let strengths = (0..<t.rowCount).map { abs(t.column(named: "value")!.data.number(at: $0)!) }
        XCTAssertEqual(strengths, strengths.sorted(by: >))
        XCTAssertFalse(values(t, "column").contains("id"))
        XCTAssertTrue(t.notes.contains { $0.en.contains("id (identifier: every value differs)") })
    }

    func testValuesAreMarkedAsStatisticsAndPAsPValues() {
        let t = table("participants | join motivation | associate motivation_start")
        XCTAssertEqual(t.column(named: "value")?.format, .statistic)
        XCTAssertEqual(t.column(named: "p")?.format, .pValue)
        XCTAssertNil(t.column(named: "n")?.format)
    }

    func testEntryRouteAgainstAScaleIsRankBiserialWithAnExactP() {
        let t = table("participants | join motivation | associate motivation_start")
        let row = values(t, "column").firstIndex(of: "entry_route")!
        XCTAssertTrue(values(t, "measure")[row].hasPrefix("rank-biserial r"))
        XCTAssertTrue(values(t, "p_method")[row].contains("exact"))
    }

    func testTwoCategoriesUseCramersVWithFisher() {
        let t = table("participants | associate entry_route")
        let row = values(t, "column").firstIndex(of: "org")!
        XCTAssertEqual(values(t, "measure")[row], "Cramér's V")
        XCTAssertTrue(values(t, "p_method")[row].hasPrefix("Fisher"))
    }

    func testAConstantOutcomeIsAnError() {
        let message = diagnostic("participants | where org == \"Tekevä\" | associate org")
        XCTAssertTrue(message.contains("only one value"), message)
    }
}

/// Ctrl-C in `associate` on many rows: every measure (Spearman's ranking and its sort, Kendall's
/// tau-b table, Mann–Whitney, eta) and the reading of each column look at the flag throughout,
/// so the verb stops at the look that finds it set, whichever look that is.
final class AssociateCancellationTests: XCTestCase {
    private static func workspace(rows: Int) -> Workspace {
        var generator = SeededGenerator(seed: 3)
        var y: [Double] = [], x: [Double] = [], s: [Int64] = [], g: [UInt32] = [], b: [UInt32] = [], o: [UInt32] = []
        for _ in 0..<rows {
            let u = generator.nextUnit(), v = generator.nextUnit()
            y.append((u * 1000).rounded() / 10)
            x.append(((u + v) * 500).rounded() / 10)
            s.append(Int64(v * 5) + 1)
            g.append(UInt32(v * 3) + 1)
            b.append(u < 0.5 ? 1 : 2)
            o.append(UInt32(u * 4) + 1)
        }
        func categorical(_ codes: [UInt32], _ names: [String], ordered: Bool = false) -> ColumnData {
            .categorical(CategoricalData(codes: Codes(codes, levelCount: names.count), levels: names.map { Level(value: $0) }), ordered: ordered)
        }
        var workspace = Workspace()
        workspace.add(Table(name: "big", columns: [
            Column(name: "y", data: .decimal(y)),
            Column(name: "x", data: .decimal(x)),
            Column(name: "s", data: .integer(s)),
            Column(name: "g", data: categorical(g, ["a", "b", "c"])),
            Column(name: "b", data: categorical(b, ["no", "yes"])),
            Column(name: "o", data: categorical(o, ["low", "mid", "high", "top"], ordered: true)),
            Column(name: "note", data: .text((0..<rows).map { $0 % 2 == 0 ? "x" : "y" })),
        ]))
        return workspace
    }

    func testAssociateStopsAtTheLookThatFindsTheFlag() throws {
        let workspace = Self.workspace(rows: 150_000)
        for statement in ["big | associate y rows", "big | associate o rows"] {
            let counting = LockedCounter()
            var session = Session(workspace: workspace, isCancelled: { counting.next() == 0 })
            let answer = try XCTUnwrap(try session.run(statement).last?.table)
            XCTAssertEqual(answer.rowCount, 5, statement)
            let looks = counting.next() - 1
            // 150,000 rows are 3 blocks a pass; each column is read and measured in several passes.
            XCTAssertGreaterThanOrEqual(looks, 60, statement)
            for k in [1, 2, looks / 3, 2 * looks / 3, looks] {
                let polls = LockedCounter()
                var cancelled = Session(workspace: workspace, isCancelled: { polls.next() >= k })
                XCTAssertThrowsError(try cancelled.run(statement), "\(statement), look \(k)") { error in
                    let diagnostic = error as? Diagnostic
                    XCTAssertEqual(diagnostic?.isCancellation, true, "\(statement), look \(k): \(error)")
                    XCTAssertEqual(diagnostic?.message, "stopped: the statement was cancelled")
                }
                // The look that found the flag set, and the verb's own look as it reports it.
                XCTAssertLessThanOrEqual(polls.next() - 1, k + 1, "\(statement): went on after look \(k)")
            }
        }
    }
}
