import ArvioData
@testable import ArvioQuery
import XCTest

/// Ctrl-C at any point of a long statement: the flag is set at the k-th look for k = 1, 2, …
/// until the statement completes. Each run either throws a cancellation or gives the answer of
/// the run that was never cancelled, and the workspace is as it was either way.
final class CancellationTests: XCTestCase {
    /// Long data of `participants` people, 4 items, pre and post; 1 in 9 post scores missing.
    private static func workspace(participants: Int) -> Workspace {
        var person: [UInt32] = [], item: [UInt32] = [], phase: [UInt32] = [], score: [Int64] = []
        for p in 0..<participants {
            for i in 0..<4 {
                for ph in 0..<2 {
                    person.append(UInt32(p + 1))
                    item.append(UInt32(i + 1))
                    phase.append(UInt32(ph + 1))
                    let missing = ph == 1 && (p * 4 + i) % 9 == 0
                    score.append(missing ? Missing.integer : Int64((p * 7 + i * 3 + ph * 2) % 5 + 1))
                }
            }
        }
        let ids = (0..<participants).map { Level(value: "P\($0)") }
        func categorical(_ codes: [UInt32], _ levels: [Level]) -> ColumnData {
            .categorical(CategoricalData(codes: Codes(codes, levelCount: levels.count), levels: levels), ordered: false)
        }
        var workspace = Workspace()
        workspace.add(Table(name: "r", columns: [
            Column(name: "participant", data: categorical(person, ids)),
            Column(name: "item", data: categorical(item, ["A", "B", "C", "D"].map { Level(value: $0) })),
            Column(name: "phase", data: categorical(phase, [Level(value: "pre"), Level(value: "post")])),
            Column(name: "score", data: .integer(score)),
        ]))
        workspace.add(Table(name: "p", columns: [
            Column(name: "participant", data: .text(ids.map(\.value))),
            Column(name: "team", data: .text((0..<participants).map { $0 % 3 == 0 ? "x" : "y" })),
        ]))
        return workspace
    }

    /// Runs `let x = PIPELINE` cancelled at each look in turn: a cancelled run keeps no `x`
    /// and changes no table; the run that completes keeps the table an uncancelled run gives.
    /// Returns how many of the looks at the flag cancelled the statement.
    @discardableResult
    private func assertCancelsCleanly(_ pipeline: String, minimumLooks: Int, file: StaticString = #filePath, line: UInt = #line) throws -> Int {
        let workspace = Self.workspace(participants: 20_000)
        var reference = Session(workspace: workspace)
        let expected = try XCTUnwrap(try reference.run(pipeline).last?.table, file: file, line: line)
        var completed = false
        var cancelled = 0
        for k in 1...200 where !completed {
            let polls = LockedCounter()
            var session = Session(workspace: workspace, isCancelled: { polls.next() >= k })
            do {
                _ = try session.run("let x = \(pipeline)")
                let kept = try XCTUnwrap(session.workspace.table(named: "x"), file: file, line: line)
                XCTAssertEqual(rows(kept), rows(expected), "completed at look \(k)", file: file, line: line)
                completed = true
            } catch {
                XCTAssertTrue(error.isCancellation, "look \(k): \(error)", file: file, line: line)
                cancelled += 1
                XCTAssertEqual(session.workspace.tableNames, workspace.tableNames, file: file, line: line)
            }
            XCTAssertEqual(session.workspace.table(named: "r")?.rowCount, 160_000, file: file, line: line)
        }
        XCTAssertTrue(completed, "never completed within 200 looks at the flag", file: file, line: line)
        // The flag is looked at inside the passes, not only between the steps.
        XCTAssertGreaterThan(cancelled, minimumLooks, file: file, line: line)
        return cancelled
    }

    func testAJoinAndGroupCancelledAtAnyLookLeavesTheWorkspace() throws {
        try assertCancelsCleanly("r | join p on participant | group team, phase aggregate n = count(), m = mean(score)", minimumLooks: 4)
    }

    func testADeltaCancelledAtAnyLookLeavesTheWorkspace() throws {
        try assertCancelsCleanly("r | delta score by phase per item on participant, item", minimumLooks: 5)
    }

    func testADeltaCountedByUnitCancelledAtAnyLookLeavesTheWorkspace() throws {
        // Whole-number scores, 20 000 participants with 4 pairs each: the unit tally path.
        try assertCancelsCleanly("r | delta score by phase on participant, item", minimumLooks: 5)
    }

    func testASortCancelledAtAnyLookLeavesTheWorkspace() throws {
        try assertCancelsCleanly("r | sort item, score desc, participant", minimumLooks: 5)
    }

    func testAGroupOnDecimalsCancelledAtAnyLookLeavesTheWorkspace() throws {
        // Decimal keys take OrderedKeys (hashing, then a sort of the distinct values).
        try assertCancelsCleanly("r | derive x = score / 3 | group x, phase aggregate n = count()", minimumLooks: 4)
    }

    func testMedianAndDistinctCountsCancelledAtAnyLookLeaveTheWorkspace() throws {
        try assertCancelsCleanly("r | group phase aggregate m = median(score), d = n_distinct(participant)", minimumLooks: 4)
    }

    func testADistinctCancelledAtAnyLookLeavesTheWorkspace() throws {
        try assertCancelsCleanly("r | distinct participant, item", minimumLooks: 3)
    }

    func testAWhereCancelledAtAnyLookLeavesTheWorkspace() throws {
        // A number against a constant, a category lookup, and the selection, all polled.
        try assertCancelsCleanly("r | where score >= 3 and phase == \"pre\" or not (item in [\"A\", \"B\"])", minimumLooks: 35)
    }

    func testADeriveCancelledAtAnyLookLeavesTheWorkspace() throws {
        try assertCancelsCleanly("r | derive s2 = score * 2 + 1, d = score / 4 * 3.5", minimumLooks: 35)
    }

    /// A `derive` after a `where` copies the selected rows of every column first, and that
    /// copy looks at the flag too: more looks cancel than in the `where` alone, though naming a
    /// column computes nothing. So do `stack` and `attrition`'s copies of a selection.
    func testACopyOfASelectionCancelledAtAnyLookLeavesTheWorkspace() throws {
        let filter = try assertCancelsCleanly("r | where score >= 3", minimumLooks: 3)
        XCTAssertGreaterThan(try assertCancelsCleanly("r | where score >= 3 | derive c = score", minimumLooks: 3), filter)
        XCTAssertGreaterThan(try assertCancelsCleanly("r | where score >= 3 | stack r as source", minimumLooks: 3), filter)
    }

    func testADescendingSortOnTextCancelledAtAnyLookLeavesTheWorkspace() throws {
        try assertCancelsCleanly("r | join p on participant | sort team desc, score desc", minimumLooks: 50)
    }

    func testAStackCancelledAtAnyLookLeavesTheWorkspace() throws {
        try assertCancelsCleanly("r | stack r as source", minimumLooks: 25)
    }

    func testAWiderCancelledAtAnyLookLeavesTheWorkspace() throws {
        try assertCancelsCleanly("r | wider item, phase from score", minimumLooks: 18)
    }

    func testAScaleCancelledAtAnyLookLeavesTheWorkspace() throws {
        try assertCancelsCleanly("r | scale score by item into s on participant, phase", minimumLooks: 28)
    }

    func testAnAttritionCancelledAtAnyLookLeavesTheWorkspace() throws {
        try assertCancelsCleanly("r | attrition score by phase on participant, item", minimumLooks: 22)
    }

    func testAChartCancelledAtAnyLookLeavesTheWorkspace() throws {
        try assertCancelsCleanly("r | chart bar item by phase", minimumLooks: 15)
        try assertCancelsCleanly("r | chart stacked score by item", minimumLooks: 20)
    }

    /// The merge sort that polls sorts as the standard library does, stably.
    func testPolledSortOfIndicesIsStable() {
        var state: UInt64 = 7
        let keys = (0..<50_000).map { _ -> Int in
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % 900)
        }
        let context = EvaluationContext(workspace: Workspace(), language: .en, isCancelled: { false })
        let polled = OrderedKeys.sortedIndices(keys.count, poll: CancelPoll(context)) { keys[$0] < keys[$1] }
        let expected = keys.indices.sorted { keys[$0] != keys[$1] ? keys[$0] < keys[$1] : $0 < $1 }
        XCTAssertEqual(polled, expected)
    }
}

private extension Error {
    var isCancellation: Bool { (self as? Diagnostic)?.isCancellation ?? false }
}
