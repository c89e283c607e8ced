import ArvioData
@testable import ArvioQuery
import ArvioStats
import Foundation
import XCTest

/// `delta` counted straight from the codes (`PairedCounts`) says exactly what the pairing of
/// rows says: the same table, every statistic to the last bit, the same notes and the same
/// errors, on randomised surveys with missing answers, unpaired rows, several groups, rows in
/// any order, selections, scales and duplicates; and where the counts do not apply (small
/// groups, answers out of range), the rows are paired as before.
final class DeltaCountsTests: XCTestCase {
    /// A randomised long survey: participants answer items before and after, some drop out,
    /// some answers are missing, some participants have only the second phase of an item.
    struct Survey {
        var participants = 3000
        var items = 6
        var seed: UInt64 = 1
        /// The area of each item (nil: missing).
        var area: (Int) -> Int? = { $0 < 3 ? 0 : 1 }
        var areas = ["hyvinvointi", "osaaminen"]
        var shuffled = true
        /// One in this many participants has no second phase; one in this many answers is missing.
        var dropOut = 7
        var missingAnswer = 11
        /// One in this many (participant, item) has only its second phase.
        var secondOnly = 29
        /// The answers as a scale whose points stand for these numbers (nil: whole numbers).
        var scale: [Double]?
        /// A third phase value, which `delta` must be told to leave out.
        var thirdPhase = false
        /// Answers 1...5 plus this (an outlier of the second phase, once).
        var outlier: Int64?
    }

    func workspace(_ survey: Survey) -> Workspace {
        var state = survey.seed
        func next(_ m: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(m))
        }
        struct Row { var person: UInt32, org: UInt32, item: UInt32, area: UInt32, phase: UInt32, status: UInt32, score: Int64 }
        var rows: [Row] = []
        let phases = survey.thirdPhase ? 3 : 2
        for p in 0..<survey.participants {
            let dropped = next(survey.dropOut) == 0
            let org = UInt32(p % 3 + 1)
            let status: UInt32 = dropped ? UInt32(1 + next(2)) : 0
            let lean = next(3) - 1
            for i in 0..<survey.items {
                let area = survey.area(i).map { UInt32($0 + 1) } ?? 0
                let before = Int64(1 + next(5))
                let after = Int64(min(5, max(1, Int(before) + lean + next(3) - 1)))
                let secondOnly = next(survey.secondOnly) == 0
                for ph in 0..<phases {
                    if ph == 1 && dropped { continue }
                    if ph == 0 && secondOnly { continue }
                    var score = ph == 0 ? before : ph == 1 ? after : Int64(1 + next(5))
                    if next(survey.missingAnswer) == 0 { score = Missing.integer }
                    rows.append(Row(person: UInt32(p + 1), org: org, item: UInt32(i + 1), area: area, phase: UInt32(ph + 1),
                                    status: status, score: score))
                }
            }
        }
        if let outlier = survey.outlier, let i = rows.firstIndex(where: { $0.phase == 2 && $0.score != Missing.integer }) {
            rows[i].score = outlier
        }
        if survey.shuffled {
            for i in stride(from: rows.count - 1, to: 0, by: -1) { rows.swapAt(i, next(i + 1)) }
        }
        func categorical(_ codes: [UInt32], _ names: [String], ordered: Bool = false) -> ColumnData {
            .categorical(CategoricalData(codes: Codes(codes, levelCount: names.count), levels: names.map { Level(value: $0) }), ordered: ordered)
        }
        let score: ColumnData
        if let numbers = survey.scale {
            let levels = numbers.enumerated().map { Level(value: "s\($0.offset + 1)", number: $0.element) }
            let codes = rows.map { $0.score == Missing.integer ? UInt32(0) : UInt32($0.score) }
            score = .categorical(CategoricalData(codes: Codes(codes, levelCount: levels.count), levels: levels, scale: "likert5"), ordered: true)
        } else {
            score = .integer(rows.map(\.score))
        }
        var workspace = Workspace()
        workspace.add(Table(name: "r", columns: [
            Column(name: "participant", data: categorical(rows.map(\.person), (1...survey.participants).map { "P\($0)" })),
            Column(name: "org", data: categorical(rows.map(\.org), ["Tekevä", "Katulähetys", "Ääni"])),
            Column(name: "item", data: categorical(rows.map(\.item), (1...survey.items).map { "I\($0)" })),
            Column(name: "area", data: categorical(rows.map(\.area), survey.areas)),
            Column(name: "phase", data: categorical(rows.map(\.phase), survey.thirdPhase ? ["pre", "post", "follow"] : ["pre", "post"])),
            Column(name: "status", data: categorical(rows.map(\.status), ["moved away", "no time"])),
            Column(name: "score", data: score),
        ], key: ["participant", "item", "phase"]))
        return workspace
    }

    /// Everything `delta` gives, at full precision: columns, statistics and notes in both languages.
    func dump(_ table: Table) -> String {
        var out = "key: \(table.key)\n"
        for column in table.columns {
            switch column.data {
            case .integer(let v): out += "\(column.name): \(v)\n"
            case .decimal(let v): out += "\(column.name): \(v.map { "\($0)" })\n"
            case .text(let v): out += "\(column.name): \(v)\n"
            case .categorical(let c, let ordered):
                out += "\(column.name) (\(ordered)): \(c.levels.map(\.value)) \(c.codes.widened)\n"
            }
        }
        func text(_ l: Localized?) -> String { l.map { "\($0.en) | \($0.fi)" } ?? "-" }
        func number(_ x: Double?) -> String { x.map { "\($0)" } ?? "-" }
        for block in table.statistics {
            out += "block \(text(block.title)) rows \(block.rows ?? [])\n"
            for s in block.entries {
                out += "  \(text(s.name)) = \(number(s.value)) df \(number(s.df)) p \(number(s.p)) adj \(number(s.adjustedP)) (\(text(s.method)))\n"
            }
            for note in block.notes { out += "  note \(text(note))\n" }
        }
        for note in table.notes { out += "note \(text(note))\n" }
        return out
    }

    final class Reports: @unchecked Sendable {
        private let lock = NSLock()
        private var values: [Bool] = []
        func add(_ value: Bool) {
            lock.lock()
            values.append(value)
            lock.unlock()
        }
        var all: [Bool] {
            lock.lock()
            defer { lock.unlock() }
            return values
        }
    }

    /// The output of `source` (or its error) with the counts tried, whether they were used, and
    /// the output with the rows paired.
    func outcomes(_ source: String, _ workspace: Workspace) -> (counted: String, used: Bool, paired: String) {
        func run(_ mode: PairedCounts.Mode, _ reports: Reports) -> String {
            var session = Session(workspace: workspace)
            do {
                let results = try PairedCounts.$mode.withValue(mode) {
                    try PairedCounts.$report.withValue({ reports.add($0) }) { () throws(Diagnostic) -> [StatementResult] in
                        try session.run(source)
                    }
                }
                guard let table = results.last?.table else { return "no table" }
                return dump(table)
            } catch {
                return "error: \((error as? Diagnostic)?.message ?? "\(error)")"
            }
        }
        let reports = Reports()
        let counted = run(.automatic, reports)
        let paired = run(.pairRows, Reports())
        return (counted, reports.all.contains(true), paired)
    }

    /// The counts are used (or not, `counted: false`) and say what the paired rows say.
    func assertSame(_ source: String, _ survey: Survey, counted: Bool = true, line: UInt = #line) {
        let result = outcomes(source, workspace(survey))
        XCTAssertEqual(result.used, counted, "counts used for \(source)", line: line)
        XCTAssertEqual(result.counted, result.paired, source, line: line)
        XCTAssertFalse(result.paired.hasPrefix("error"), result.paired, line: line)
    }

    func testPerAreaOnParticipantAndItem() {
        for seed in 1...3 {
            var survey = Survey()
            survey.seed = UInt64(seed)
            assertSame("r | delta score by phase per area on participant, item", survey)
        }
    }

    func testWithoutPerAndOnTheKey() {
        assertSame("r | delta score by phase", Survey())
        assertSame("r | delta score by phase on participant, item", Survey())
    }

    func testPerAGroupOfUnitsGivesTheTestBetweenThem() {
        // org is the participant's: units do not cross groups, so the groups' changes are compared.
        var survey = Survey()
        survey.participants = 6000
        let result = outcomes("r | delta score by phase per org on participant, item", workspace(survey))
        XCTAssertTrue(result.used)
        XCTAssertEqual(result.counted, result.paired)
        XCTAssertTrue(result.counted.contains("Between groups: score change, one per participant"), result.counted)
        XCTAssertTrue(result.counted.contains("Kruskal–Wallis H"), result.counted)
    }

    func testPerItemTestsEachItemOnItsOwn() {
        assertSame("r | delta score by phase per item on participant, item", Survey())
    }

    func testPairsPrattAndNamedPhases() {
        assertSame("r | delta score by phase per area on participant, item pairs", Survey())
        assertSame("r | delta score by phase per area on participant, item with pratt", Survey())
        assertSame("r | delta score by phase \"post\" -> \"pre\" per area on participant, item adjust bh", Survey())
        var three = Survey()
        three.thirdPhase = true
        assertSame("r | delta score by phase \"pre\" -> \"post\" per area on participant, item", three)
    }

    func testAMissingGroupIsAGroupOfItsOwn() {
        var survey = Survey()
        survey.items = 9
        survey.area = { $0 < 3 ? 0 : $0 < 6 ? 1 : nil }
        assertSame("r | delta score by phase per area on participant, item", survey)
        assertSame("r | delta score by phase per area, org on participant, item", survey, counted: false)
    }

    func testRowsInKeyOrderAndASelection() {
        var survey = Survey()
        survey.shuffled = false
        assertSame("r | delta score by phase per area on participant, item", survey)
        assertSame("r | where item != \"I2\" | delta score by phase per area on participant, item", Survey())
    }

    func testAScaleCountsByItsPointsNumbers() {
        var survey = Survey()
        survey.scale = [0, 2, 4, 6, 8]
        assertSame("r | delta score by phase per area on participant, item", survey)
    }

    func testAnAnswerOutsideTheGuessedWindowIsCountedOnTheColumnsRange() {
        var survey = Survey()
        survey.outlier = 40
        assertSame("r | delta score by phase per area on participant, item", survey)
        // Wider than a tally counts: the rows are paired.
        survey.outlier = 500
        assertSame("r | delta score by phase per area on participant, item", survey, counted: false)
    }

    func testSmallGroupsArePairedAsBefore() {
        var survey = Survey()
        survey.participants = 600
        assertSame("r | delta score by phase per area on participant, item", survey, counted: false)
    }

    func testADuplicateGivesThePairingsError() {
        var survey = Survey()
        survey.shuffled = false
        var workspace = workspace(survey)
        var table = workspace.table(named: "r")!
        guard case .categorical(var items, _) = table.column(named: "item")!.data,
              case .categorical(let people, _) = table.column(named: "participant")!.data,
              case .categorical(let phases, _) = table.column(named: "phase")!.data,
              case .integer(let scores) = table.column(named: "score")!.data else { return XCTFail() }
        var codes = items.codes.widened
        // P1's second answer before becomes a second answer to the item of its first.
        let answers = codes.indices.filter { people.codes[$0] == 1 && phases.codes[$0] == 1 && scores[$0] != Missing.integer }
        codes[answers[1]] = codes[answers[0]]
        items.codes = Codes(codes, levelCount: items.levels.count)
        table.columns[table.columns.firstIndex { $0.name == "item" }!] = Column(name: "item", data: .categorical(items, ordered: false))
        workspace.add(table)
        let item = "I\(codes[answers[0]])"
        let result = outcomes("r | delta score by phase per area on participant, item", workspace)
        XCTAssertEqual(result.counted, result.paired)
        XCTAssertEqual(result.counted, "error: two rows have participant P1, item \(item) in phase pre, so they cannot be paired; pair on more columns with on <column>, ...")
        XCTAssertFalse(result.used)
    }

    /// Past half a million key combinations the table is counted on both cores, and past half a
    /// million rows the rows are written on both: a duplicate split between the halves is
    /// still found, and the shares merge in key order.
    func testBothCoresAgreeWithThePairedRows() throws {
        var survey = Survey()
        survey.participants = 45_000
        survey.items = 12
        survey.area = { $0 % 4 }
        survey.areas = ["a", "b", "c", "d"]
        let result = outcomes("r | delta score by phase per area on participant, item", workspace(survey))
        XCTAssertTrue(result.used)
        XCTAssertEqual(result.counted, result.paired)

        survey.shuffled = false
        var workspace = workspace(survey)
        var table = try XCTUnwrap(workspace.table(named: "r"))
        XCTAssertGreaterThan(table.rowCount, Parallel.minimumRows)
        guard case .categorical(var people, _) = table.column(named: "participant")!.data,
              case .categorical(let items, _) = table.column(named: "item")!.data,
              case .categorical(let phases, _) = table.column(named: "phase")!.data,
              case .integer(let scores) = table.column(named: "score")!.data else { return XCTFail() }
        var codes = people.codes.widened
        // A row in the second half becomes P1's, with the item and phase of one of P1's answers.
        let first = try XCTUnwrap(codes.indices.first { codes[$0] == 1 && scores[$0] != Missing.integer })
        let late = try XCTUnwrap(codes.indices.last {
            items.codes[$0] == items.codes[first] && phases.codes[$0] == phases.codes[first] && scores[$0] != Missing.integer
        })
        XCTAssertGreaterThan(late, codes.count / 2)
        codes[late] = 1
        people.codes = Codes(codes, levelCount: people.levels.count)
        table.columns[0] = Column(name: "participant", data: .categorical(people, ordered: false))
        workspace.add(table)
        let split = outcomes("r | delta score by phase per area on participant, item", workspace)
        XCTAssertEqual(split.counted, split.paired)
        XCTAssertTrue(split.counted.hasPrefix("error: two rows have participant P1, item I"), split.counted)
        XCTAssertFalse(split.used)
    }
}
