import ArvioData
@testable import ArvioQuery
import XCTest

/// The join on one unique key (`JoinIndex`): the left table is not copied, the right columns
/// are looked up per level. Its answers must be those of a plain nested-loop join, for every
/// key type it takes (categories on both sides, categories against text, whole numbers), inner
/// and left, on a whole table, a dense selection and a sparse one, short and long enough to be
/// split between the cores.
final class JoinIndexTests: XCTestCase {
    // MARK: The dictionary-to-dictionary translation

    func testMatchFindsEachLeftValueWhetherTheListsAreTheSameSortedOrNeither() {
        // The same values in the same order.
        XCTAssertEqual(JoinKeys.match(["a", "b", "c"], ["a", "b", "c"], requireUnique: true), [1, 2, 3])
        // Sorted, with values on one side only (merged).
        XCTAssertEqual(JoinKeys.match(["a", "b", "d", "e"], ["a", "c", "d", nil, "f"], requireUnique: true), [1, 0, 3, 0])
        // A common prefix, then sorted values beyond it.
        XCTAssertEqual(JoinKeys.match(["P1", "P2", "P4"], ["P1", "P2", "P3", "P4"], requireUnique: true), [1, 2, 4])
        // Neither sorted (hashed); Finnish letters compare as text.
        XCTAssertEqual(JoinKeys.match(["ö", "a", "Ä"], ["Ä", "x", "ö"], requireUnique: true), [3, 0, 1])
        // A repeated right value: not a unique key.
        XCTAssertNil(JoinKeys.match(["a", "b"], ["b", "a", "b"], requireUnique: true))
        XCTAssertNil(JoinKeys.match(["a", "b"], ["a", "b", "b"], requireUnique: true))
        XCTAssertEqual(JoinKeys.match(["a", "b"], ["b", "a", "b"], requireUnique: false), [2, 1])
        XCTAssertEqual(JoinKeys.match([], ["a"], requireUnique: true), [])
        XCTAssertEqual(JoinKeys.match(["a"], [], requireUnique: true), [0])
    }

    func testTranslateGivesTheRightCodeOfEachLeftCode() {
        let left = ["x", "y", "z"].map { Level(value: $0) }
        let right = ["z", "x"].map { Level(value: $0) }
        XCTAssertEqual(JoinKeys.translate(left, to: right), [0, 2, 0, 1])
    }

    // MARK: Against a nested-loop join

    /// The key of left row i as text (nil = missing), and of right row j.
    private struct Case {
        var leftKeys: [String?]
        var rightKeys: [String?]
        var leftValue: [Int64]
        var rightValue: [Int64?]
        var rightLabel: [String?]
    }

    private func makeCase(leftRows: Int, rightRows: Int, levels: Int, seed: UInt64) -> Case {
        var generator = SplitMix(seed)
        // Right keys: a random subset of the levels, each once, in a shuffled order, one missing.
        var keys = (0..<levels).map { "K\(String($0, radix: 36))" }
        keys.shuffle(using: &generator)
        var rightKeys: [String?] = Array(keys.prefix(rightRows)).map { Optional($0) }
        if rightKeys.count > 3 { rightKeys[2] = nil }
        let leftKeys: [String?] = (0..<leftRows).map { i in
            i % 53 == 0 ? nil : "K\(String(Int(generator.next() % UInt64(levels + 3)), radix: 36))"
        }
        return Case(leftKeys: leftKeys, rightKeys: rightKeys,
                    leftValue: (0..<leftRows).map { Int64($0) },
                    rightValue: rightKeys.indices.map { $0 % 7 == 0 ? nil : Int64($0 * 10) },
                    rightLabel: rightKeys.indices.map { $0 % 5 == 0 ? nil : "L\($0 % 4)" })
    }

    private enum KeyType { case categoricalBoth, categoricalAndText, integers }

    private func workspace(_ c: Case, _ type: KeyType) -> Workspace {
        func categorical(_ values: [String?], sorted: Bool) -> ColumnData {
            var levels = Array(Set(values.compactMap { $0 }))
            if sorted { levels.sort() } else { levels.shuffle(using: &SplitMixHolder.shared) }
            let code = Dictionary(uniqueKeysWithValues: levels.enumerated().map { ($1, UInt32($0 + 1)) })
            return .categorical(CategoricalData(codes: Codes(values.map { $0.map { code[$0]! } ?? 0 }, levelCount: levels.count),
                                                levels: levels.map { Level(value: $0) }, levelsSortedByValue: sorted),
                                ordered: false)
        }
        func integers(_ values: [String?]) -> ColumnData {
            .integer(values.map { $0.map { Int64($0.dropFirst(), radix: 36)! } ?? Missing.integer })
        }
        let leftKey: ColumnData, rightKey: ColumnData
        switch type {
        case .categoricalBoth:
            leftKey = categorical(c.leftKeys, sorted: true)
            rightKey = categorical(c.rightKeys, sorted: false)
        case .categoricalAndText:
            leftKey = categorical(c.leftKeys, sorted: false)
            rightKey = .text(c.rightKeys)
        case .integers:
            leftKey = integers(c.leftKeys)
            rightKey = integers(c.rightKeys)
        }
        var workspace = Workspace()
        workspace.add(Table(name: "l", columns: [
            Column(name: "k", data: leftKey),
            Column(name: "v", data: .integer(c.leftValue)),
        ]))
        workspace.add(Table(name: "rt", columns: [
            Column(name: "k", data: rightKey),
            Column(name: "w", data: .integer(c.rightValue.map { $0 ?? Missing.integer })),
            Column(name: "label", data: .text(c.rightLabel)),
            Column(name: "v", data: .decimal(c.rightKeys.indices.map { Double($0) / 2 })),
        ]))
        return workspace
    }

    /// Where each right key is (each once), for the nested loop's inner search.
    private func rightPositions(_ c: Case) -> [String: Int] {
        var position: [String: Int] = [:]
        for (j, key) in c.rightKeys.enumerated() { if let key { position[key] = j } }
        return position
    }

    /// `j / 2` as the test tables print it.
    private func half(_ j: Int) -> String {
        let x = Double(j) / 2
        return x == x.rounded() ? "\(Int64(x))" : "\(x)"
    }

    /// The rows a nested loop gives: left row order, the matched right row's columns.
    private func expected(_ c: Case, left: Bool, keep: (Int) -> Bool) -> [[String]] {
        var out: [[String]] = []
        let position = rightPositions(c)
        for i in c.leftKeys.indices where keep(i) {
            let j = c.leftKeys[i].flatMap { position[$0] }
            guard j != nil || left else { continue }
            out.append([String(c.leftValue[i]),
                        j.flatMap { c.rightValue[$0] }.map(String.init) ?? "NA",
                        j.flatMap { c.rightLabel[$0] } ?? "NA",
                        j.map { half($0) } ?? "NA"])
        }
        return out
    }

    private func check(_ c: Case, _ type: KeyType, allFilters: Bool = true,
                       file: StaticString = #filePath, line: UInt = #line) throws {
        var session = Session(workspace: workspace(c, type))
        // The whole table, a selection of most rows (kept as a selection) and one of few rows
        // (copied before the lookup).
        let filters: [(String, (Int) -> Bool)] = [("", { _ in true }), ("| where v % 3 != 0 ", { $0 % 3 != 0 }),
                                                  ("| where v % 10 == 0 ", { $0 % 10 == 0 })]
        for isLeft in [false, true] {
            let join = isLeft ? "join left" : "join"
            for (filter, keep) in allFilters ? filters : [filters[1]] {
                let statement = "l \(filter)| \(join) rt on k | select v, w, label, v_rt"
                let result = try XCTUnwrap(try session.run(statement).last?.table, file: file, line: line)
                XCTAssertEqual(rows(result), expected(c, left: isLeft, keep: keep), "\(type) \(statement)", file: file, line: line)
            }
        }
        // Grouping on a right column right after the join: the lookup of the group key.
        let grouped = try XCTUnwrap(try session.run("l | join rt on k | group label aggregate n = count(), s = sum(v)").last?.table)
        var counts: [String: (Int, Int64)] = [:]
        let position = rightPositions(c)
        for i in c.leftKeys.indices {
            guard let key = c.leftKeys[i], let j = position[key] else { continue }
            counts[c.rightLabel[j] ?? "NA", default: (0, 0)].0 += 1
            counts[c.rightLabel[j] ?? "NA", default: (0, 0)].1 += c.leftValue[i]
        }
        let got = Dictionary(uniqueKeysWithValues: rows(grouped).map { ($0[0], (Int($0[1])!, Int64($0[2])!)) })
        XCTAssertEqual(got.mapValues { "\($0.0) \($0.1)" }, counts.mapValues { "\($0.0) \($0.1)" }, "\(type) group", file: file, line: line)
    }

    func testSmallJoinsMatchANestedLoopForEveryKeyType() throws {
        for (seed, type) in [(1, KeyType.categoricalBoth), (2, .categoricalAndText), (3, .integers)] {
            try check(makeCase(leftRows: 500, rightRows: 40, levels: 60, seed: UInt64(seed)), type)
        }
    }

    func testLongJoinsSplitBetweenTheCoresMatchANestedLoop() throws {
        // Above `Parallel.minimumRows`, with more levels than fit in one byte of code.
        for (seed, type) in [(4, KeyType.categoricalBoth), (5, .categoricalAndText), (6, .integers)] {
            try check(makeCase(leftRows: 600_011, rightRows: 900, levels: 1000, seed: UInt64(seed)), type, allFilters: false)
        }
    }

    func testARepeatedRightKeyStillMultipliesRows() throws {
        var workspace = Workspace()
        workspace.add(Table(name: "l", columns: [Column(name: "k", data: .text(["a", "b", "c"]))]))
        workspace.add(Table(name: "rt", columns: [Column(name: "k", data: .text(["b", "a", "b"])),
                                                  Column(name: "n", data: .integer([1, 2, 3]))]))
        var session = Session(workspace: workspace)
        let result = try XCTUnwrap(try session.run("l | join rt on k").last?.table)
        XCTAssertEqual(rows(result), [["a", "2"], ["b", "1"], ["b", "3"]])
    }

    func testACancelledJoinStopsWithACancellationAndKeepsTheWorkspace() throws {
        let c = makeCase(leftRows: 700_000, rightRows: 900, levels: 1000, seed: 7)
        let polls = LockedCounter()
        // The flag is set at the third look, so the statement stops inside the join's passes.
        var session = Session(workspace: workspace(c, .categoricalBoth), isCancelled: { polls.next() >= 3 })
        let before = session.workspace.tableNames
        XCTAssertThrowsError(try session.run("let j = l | join rt on k | group label aggregate n = count()")) { error in
            XCTAssertTrue((error as? Diagnostic)?.isCancellation ?? false, "\(error)")
        }
        XCTAssertEqual(session.workspace.tableNames, before)
        XCTAssertEqual(session.workspace.table(named: "l")?.rowCount, 700_000)
    }
}

/// A small seeded generator (SplitMix64), so each case is the same on every run.
private struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    init(_ seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

private enum SplitMixHolder {
    nonisolated(unsafe) static var shared = SplitMix(99)
}
