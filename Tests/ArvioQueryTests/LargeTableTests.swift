import ArvioData
@testable import ArvioQuery
import XCTest

/// Tables long enough that `where`, `group` and the aggregates split their scans between the
/// cores and group on codes: their answers must be those a plain row-by-row count gives.
final class LargeTableTests: XCTestCase {
    private static let rowCount = 700_003

    /// Row `i`: an org (4 levels, some missing), a phase, a score 1–5 (some missing), a wide-range
    /// whole number (some missing) and a decimal (some missing).
    private static let large: (table: Table, org: [Int], phase: [Int], score: [Int64?], wide: [Int64?], decimal: [Double?]) = {
        let n = rowCount
        var org: [Int] = [], phase: [Int] = [], score: [Int64?] = [], wide: [Int64?] = [], decimal: [Double?] = []
        for i in 0..<n {
            org.append(i % 97 == 0 ? 0 : (i / 7) % 4 + 1)
            phase.append((i / 12) % 2 + 1)
            let s: Int64 = Int64((i * 7919) % 5 + 1)
            score.append(i % 101 == 0 ? nil : s)
            let w: Int64 = Int64((i * 104_729) % 3_000_000) - 1_500_000
            wide.append(i % 89 == 0 ? nil : w)
            let x: Double = Double(i % 1000) / 8
            decimal.append(i % 83 == 0 ? nil : x)
        }
        let orgLevels = ["A", "B", "C", "D"].map { Level(value: $0) }
        let table = Table(name: "big", columns: [
            Column(name: "org", data: .categorical(CategoricalData(codes: Codes(org.map(UInt32.init), levelCount: 4),
                                                                   levels: orgLevels), ordered: false)),
            Column(name: "phase", data: .categorical(CategoricalData(codes: Codes(phase.map(UInt32.init), levelCount: 2),
                                                                     levels: [Level(value: "pre"), Level(value: "post")]), ordered: false)),
            Column(name: "score", data: .integer(score.map { $0 ?? Missing.integer })),
            Column(name: "wide", data: .integer(wide.map { $0 ?? Missing.integer })),
            Column(name: "x", data: .decimal(decimal.map { $0 ?? .nan })),
        ])
        return (table, org, phase, score, wide, decimal)
    }()

    private func run(_ source: String) throws -> Table {
        var workspace = Workspace()
        workspace.add(Self.large.table)
        var session = Session(workspace: workspace)
        return try XCTUnwrap(try session.run(source).last?.table, "the statement gave no table")
    }

    func testWhereThenCountByCategoryAndWholeNumberMatchesARowByRowCount() throws {
        let t = try run(#"big | where phase == "pre" | count by org, score"#)
        var expected: [String: Int64] = [:]
        let d = Self.large
        for i in 0..<Self.rowCount where d.phase[i] == 1 {
            let org = d.org[i] == 0 ? "NA" : ["A", "B", "C", "D"][d.org[i] - 1]
            expected["\(org) \(d.score[i].map(String.init) ?? "NA")", default: 0] += 1
        }
        let got = rows(t).map { ($0[0] + " " + $0[1], Int64($0[2])!) }
        XCTAssertEqual(Dictionary(uniqueKeysWithValues: got), expected)
        // Key order: org in level order, missing last; within it, scores ascending, missing last.
        XCTAssertEqual(got.first?.0, "A 1")
        XCTAssertEqual(got.last?.0, "NA NA")
    }

    func testMeanSumAndCountSkipMissingPerGroup() throws {
        let t = try run("big | group org, phase aggregate n = count(score), m = mean(score), s = sum(score), w = sum(wide), mx = mean(x)")
        let d = Self.large
        for row in rows(t) {
            let org = ["A", "B", "C", "D"].firstIndex(of: row[0]).map { $0 + 1 } ?? 0
            let phase = row[1] == "pre" ? 1 : 2
            let members = (0..<Self.rowCount).filter { d.org[$0] == org && d.phase[$0] == phase }
            let scores = members.compactMap { d.score[$0] }
            let wides = members.compactMap { d.wide[$0] }
            let xs = members.compactMap { d.decimal[$0] }
            XCTAssertEqual(row[2], "\(scores.count)")
            XCTAssertEqual(Double(row[3])!, Double(scores.reduce(0, +)) / Double(scores.count), accuracy: 1e-4)
            XCTAssertEqual(row[4], "\(scores.reduce(0, +))")
            XCTAssertEqual(row[5], "\(wides.reduce(0, +))")
            XCTAssertEqual(Double(row[6])!, xs.reduce(0, +) / Double(xs.count), accuracy: 1e-4)
        }
        XCTAssertEqual(t.rowCount, 10)  // 4 orgs and missing, two phases each
    }

    func testGroupingByAWideRangeOfWholeNumbersKeepsAscendingOrder() throws {
        let t = try run("big | where org == \"A\" | group wide aggregate n = count()")
        let keys = values(t, "wide").filter { $0 != "NA" }.map { Int64($0)! }
        XCTAssertEqual(keys, keys.sorted())
        XCTAssertEqual(values(t, "wide").last, "NA")
        XCTAssertEqual(values(t, "n").map { Int($0)! }.reduce(0, +),
                       (0..<Self.rowCount).filter { Self.large.org[$0] == 1 }.count)
    }

    func testWhereKeepsRowsInOrderAcrossTheSplit() throws {
        let t = try run(#"big | where score == 5 | select wide"#)
        let d = Self.large
        let expected = (0..<Self.rowCount).filter { d.score[$0] == 5 }.map { d.wide[$0].map(String.init) ?? "NA" }
        XCTAssertEqual(values(t, "wide"), expected)
    }
}
