import ArvioData
import ArvioStats
@testable import ArvioQuery
import XCTest

/// The passes that looked at no cancel flag before `associate` and the unit-aware verbs ran
/// (the unit, the gathers, the weights, the variables' values, describe's rows): with the flag
/// set before the call, each throws the cancellation rather than finishing.
final class CancelPollingTests: XCTestCase {
    private static let rows = 200_000
    private static let position = SourcePosition(file: "<test>", line: 1, column: 1)

    /// participant × item, 4 items each; a whole-number score and a count.
    private static let table: Table = {
        let people = rows / 4
        let ids = (0..<people).map { Level(value: "P\($0)") }
        let person = (0..<rows).map { UInt32($0 / 4 + 1) }
        let item = (0..<rows).map { UInt32($0 % 4 + 1) }
        func categorical(_ codes: [UInt32], _ levels: [Level]) -> ColumnData {
            .categorical(CategoricalData(codes: Codes(codes, levelCount: levels.count), levels: levels), ordered: false)
        }
        return Table(name: "r", columns: [
            Column(name: "participant", data: categorical(person, ids)),
            Column(name: "item", data: categorical(item, ["A", "B", "C", "D"].map { Level(value: $0) })),
            Column(name: "score", data: .integer((0..<rows).map { Int64($0 % 5 + 1) })),
            Column(name: "n", data: .integer((0..<rows).map { _ in 1 })),
        ], key: ["participant", "item"])
    }()

    private static func context(cancelled: Bool) -> EvaluationContext {
        var workspace = Workspace()
        workspace.add(table)
        return EvaluationContext(workspace: workspace, language: .en, isCancelled: { cancelled })
    }

    /// Every other row, so that the frame has a selection to gather.
    private static let selected = Frame(table: table, rows: Array(stride(from: 0, to: rows, by: 2)), origin: "r")

    private func assertCancels<T>(_ name: String, _ body: (EvaluationContext) throws(Diagnostic) -> T,
                                  file: StaticString = #filePath, line: UInt = #line) {
        // Uncancelled, it finishes: the throw below is the flag's, not the data's.
        XCTAssertNoThrow(try body(Self.context(cancelled: false)), name, file: file, line: line)
        do {
            _ = try body(Self.context(cancelled: true))
            XCTFail("\(name): finished with the flag set", file: file, line: line)
        } catch {
            XCTAssertTrue(error.isCancellation, "\(name): \(error)", file: file, line: line)
        }
    }

    func testTheUnitAndItsChecksCancel() throws {
        let frame = Frame(table: Self.table, origin: "r")
        assertCancels("find") { context throws(Diagnostic) in try AnalysisUnit.find(frame, context: context, at: Self.position) }
        let unit = try XCTUnwrap(try AnalysisUnit.find(frame, context: Self.context(cancelled: false), at: Self.position))
        XCTAssertEqual(unit.count, Self.rows / 4)
        let score = try XCTUnwrap(Self.table.column(named: "score"))
        assertCancels("isConstant") { context throws(Diagnostic) in try unit.isConstant(score, in: frame, context: context, at: Self.position) }
        assertCancels("resolve") { context throws(Diagnostic) in
            try AnalysisUnit.resolve(frame, analysing: ["participant"], rowLevel: false, hasTests: true, context: context, at: Self.position)
        }
    }

    func testGathersOfASelectionCancel() throws {
        let score = try XCTUnwrap(Self.table.column(named: "score"))
        let participant = try XCTUnwrap(Self.table.column(named: "participant"))
        assertCancels("data(of: score)") { context throws(Diagnostic) in try Self.selected.data(of: score, context: context, at: Self.position) }
        assertCancels("data(of: participant)") { context throws(Diagnostic) in
            try Self.selected.data(of: participant, context: context, at: Self.position)
        }
        assertCancels("materialized") { context throws(Diagnostic) in try Self.selected.materialized(context: context, at: Self.position) }
        // Uncancelled, the polled gathers give what the plain ones give.
        let polled = try Self.selected.materialized(context: Self.context(cancelled: false), at: Self.position)
        let plain = Self.selected.materialized()
        XCTAssertEqual(polled.rowCount, plain.rowCount)
        for (a, b) in zip(polled.columns, plain.columns) {
            XCTAssertEqual((0..<plain.rowCount).map { PairingValues.text(a.data, $0) }, (0..<plain.rowCount).map { PairingValues.text(b.data, $0) }, a.name)
        }
    }

    func testWeightsAndGroupsCancel() throws {
        let weight = Token(.identifier, "n", Self.position)
        assertCancels("FrequencyWeight.read") { context throws(Diagnostic) in try FrequencyWeight.read(frame: Self.selected, token: weight, context: context) }
        let grouping = Grouping.single(rowCount: Self.rows)
        assertCancels("rowsByGroup") { context throws(Diagnostic) in try grouping.rowsByGroup(context: context, at: Self.position) }
    }

    func testAssociationVariablesAndDescribeRowsCancel() throws {
        for name in ["score", "item"] {
            let data = try XCTUnwrap(Self.table.column(named: name)).data
            XCTAssertNoThrow(try AssociationVariable.make(name: name, data: data, isCancelled: { false }))
            XCTAssertThrowsError(try AssociationVariable.make(name: name, data: data, isCancelled: { true }), name) {
                XCTAssertEqual($0 as? StatsError, .cancelled)
            }
        }
        let token = Token(.identifier, "score", Self.position)
        assertCancels("DescribedVariable") { context throws(Diagnostic) in try DescribedVariable(frame: Self.selected, token: token, context: context) }
        let variable = try DescribedVariable(frame: Frame(table: Self.table, origin: "r"), token: token, context: Self.context(cancelled: false))
        let all = Array(0..<Self.rows)
        XCTAssertThrowsError(try DescribeRow(variable, rows: all, method: .type7, isCancelled: { true })) {
            XCTAssertEqual($0 as? StatsError, .cancelled)
        }
        // Scores 1–5 in equal shares: the quartiles by the counting sort.
        let row = try DescribeRow(variable, rows: all, method: .type7, isCancelled: { false })
        XCTAssertEqual([row.q1, row.median, row.q3], [2, 3, 4])
    }

    /// `where`'s selection and the evaluator's vectors, and the ids `sort` ranks by: with the
    /// flag set they stop, and the table they read is as it was.
    func testTheSelectionTheEvaluatorAndTheSortKeysCancel() throws {
        let truth = (0..<Self.rows).map { $0 % 3 == 0 ? Truth.yes : .no }
        assertCancels("Where.selection") { context throws(Diagnostic) in
            try Where.selection(truth, rows: nil, context: context, at: Self.position)
        }
        let kept = try Where.selection(truth, rows: nil, context: Self.context(cancelled: false), at: Self.position)
        XCTAssertEqual(kept, Array(stride(from: 0, to: Self.rows, by: 3)))
        let frame = Frame(table: Self.table, origin: "r")
        let score = Expression(.column("score"), Self.position)
        for condition in [
            Expression(.binary(.greaterOrEqual, score, Expression(.integer(3), Self.position)), Self.position),
            Expression(.binary(.less, Expression(.decimal(2.5), Self.position), score), Self.position),
        ] {
            assertCancels("condition") { context throws(Diagnostic) in
                var evaluator = ExpressionEvaluator(frame: frame, context: context)
                return try evaluator.condition(condition, verb: "where")
            }
        }
        var evaluator = ExpressionEvaluator(frame: frame, context: Self.context(cancelled: false))
        let atLeast3 = try evaluator.condition(Expression(.binary(.greaterOrEqual, score, Expression(.integer(3), Self.position)),
                                                          Self.position), verb: "where")
        XCTAssertEqual(atLeast3.filter { $0 == .yes }.count, Self.rows * 3 / 5)
        for data in [Self.table.columns[0].data, Self.table.columns[2].data, .decimal((0..<Self.rows).map { Double($0 % 7) })] {
            let poll = CancelPoll(isCancelled: { true })
            _ = OrderedKeys.ids(for: [data, Self.table.columns[1].data], descending: [true, false], rowCount: Self.rows, poll: poll)
            XCTAssertTrue(poll.stopped)
        }
        XCTAssertEqual(Self.table.rowCount, Self.rows)
        XCTAssertEqual(Self.table.column(named: "score").map { PairingValues.text($0.data, 7) }, "3")
    }
}

private extension Error {
    var isCancellation: Bool { (self as? Diagnostic)?.isCancellation ?? false }
}
