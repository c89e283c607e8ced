import ArvioData
@testable import ArvioQuery
import XCTest

/// Decimal data keeps its ties through the verbs: between-group changes, derived differences
/// and paired hand spans, against R and coin on the decimals as written
/// (Tests/Fixtures/anorexia/between.R writes between.txt and survey_hands.csv).
final class DecimalTiesQueryTests: XCTestCase {
    private static let fixtures: String = {
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)
        return parts.joined(separator: "/") + "/Tests/Fixtures/anorexia/"
    }()

    private static let reference: [String: Double] = {
        let text = (try? String(contentsOfFile: fixtures + "between.txt", encoding: .utf8)) ?? ""
        var values: [String: Double] = [:]
        for line in text.split(separator: "\n") {
            let parts = line.split(separator: " ")
            if parts.count == 2, let v = Double(parts[1]) { values[String(parts[0])] = v }
        }
        return values
    }()

    private func r(_ name: String) throws -> Double { try XCTUnwrap(Self.reference[name], "between.txt has no \(name)") }

    private func run(_ source: String) throws -> Table {
        var workspace = Workspace()
        workspace.add(try CSVReader.read(path: Self.fixtures + "anorexia.csv", name: "anorexia"))
        workspace.add(try CSVReader.read(path: Self.fixtures + "survey_hands.csv", name: "hands"))
        var session = Session(workspace: workspace)
        let results = try session.run(source)
        return try XCTUnwrap(results.last?.table)
    }

    private func entry(_ table: Table, block title: String, _ name: String) throws -> Statistic {
        let block = try XCTUnwrap(table.statistics.first { $0.title.en.hasPrefix(title) }, "no block \(title): \(table.statistics.map(\.title.en))")
        return try XCTUnwrap(block.entries.first { $0.name.en == name }, "no \(name) in \(title)")
    }

    func testTheDataReallyHasFloatingPointBrokenTies() throws {
        // The premise: as binary differences, 70 distinct changes; as the decimals written, 68.
        XCTAssertEqual(try r("distinct_float"), 70)
        XCTAssertEqual(try r("distinct_decimal"), 68)
        let t = try run("anorexia | derive d = Postwt - Prewt | distinct d")
        XCTAssertEqual(t.rowCount, 68)
    }

    func testBetweenTreatmentsMannWhitneyAsCoinExactOnTheDecimals() throws {
        let t = try run("anorexia | where Treat != \"Cont\" | delta Prewt -> Postwt per Treat")
        let u = try entry(t, block: "Between groups", "Mann–Whitney U")
        XCTAssertEqual(u.value, try r("mw_cbt_ft_U_decimal"))
        XCTAssertEqual(try XCTUnwrap(u.p), try r("mw_cbt_ft_exact_p_decimal"), accuracy: 1e-6)
        XCTAssertNotEqual(try r("mw_cbt_ft_U_decimal"), try r("mw_cbt_ft_U_float"), "the float ties would give another U")
    }

    func testBetweenTreatmentsKruskalWallisAsR() throws {
        let t = try run("anorexia | delta Prewt -> Postwt per Treat")
        let h = try entry(t, block: "Between groups", "Kruskal–Wallis H")
        XCTAssertEqual(try XCTUnwrap(h.value), try r("kw_H_decimal"), accuracy: 1e-6)
        XCTAssertGreaterThan(abs(try r("kw_H_decimal") - (try r("kw_H_float"))), 1e-3)
    }

    func testDerivedDifferencesRankAsTheDecimals() throws {
        let t = try run("anorexia | derive d = Postwt - Prewt | where Treat != \"Cont\" | select Treat, d | associate Treat")
        guard case .text(let names)? = t.column(named: "column")?.data else { return XCTFail("no column names") }
        let row = try XCTUnwrap(names.firstIndex(of: "d"))
        // rank-biserial r = 2U/(n1 n2) − 1 with R's U for CBT (29) against FT (17).
        let expected = abs(2 * (try r("mw_cbt_ft_U_decimal")) / (29 * 17) - 1)
        XCTAssertEqual(abs(try XCTUnwrap(t.column(named: "value")?.data.number(at: row))), expected, accuracy: 1e-9)
        XCTAssertEqual(try XCTUnwrap(t.column(named: "p")?.data.number(at: row)), try r("mw_cbt_ft_exact_p_decimal"), accuracy: 1e-6)
    }

    func testDerivedSumsAreTheDecimalsWritten() throws {
        let t = try run("anorexia | derive d = Postwt - Prewt, s = 0.1 + 0.2 | where d == 0.7 | select d, s")
        XCTAssertEqual(t.rowCount, 1)
        XCTAssertEqual(t.column(named: "d")?.data.number(at: 0), 0.7)
        XCTAssertEqual(t.column(named: "s")?.data.number(at: 0), 0.3)
    }

    func testSurveyHandSpansAsRDigitsRankAndCoin() throws {
        XCTAssertEqual(try r("hand_distinct_abs_decimal"), 16)
        XCTAssertEqual(try r("hand_distinct_abs_float"), 26)
        let t = try run("hands | delta `Wr.Hnd` -> `NW.Hnd`")
        let w = try entry(t, block: "Wr.Hnd → NW.Hnd", "Wilcoxon W+")
        XCTAssertEqual(w.value, try r("hand_wplus_digits7"))
        XCTAssertEqual(try XCTUnwrap(w.p), try r("hand_p_digits7"), accuracy: 1e-6)
        XCTAssertEqual(try XCTUnwrap(w.p), try r("hand_coin_asymptotic_p_decimal"), accuracy: 1e-6)
        XCTAssertEqual(t.statistics[0].title.en, "Wr.Hnd → NW.Hnd, 236 pairs", "the arrow is said once")
    }

    func testAStudentWithNoSexIsInNoGroupAsRDropsNA() throws {
        let t = try run("hands | delta `Wr.Hnd` -> `NW.Hnd` per Sex")
        // Two groups: Mann–Whitney, normal approximation above 80 (its p is kruskal.test's).
        let u = try entry(t, block: "Between groups", "Mann–Whitney U")
        XCTAssertEqual(u.value, try r("hand_mw_sex_U"))
        XCTAssertEqual(try XCTUnwrap(u.p), try r("hand_mw_sex_p"), accuracy: 1e-6)
        let block = try XCTUnwrap(t.statistics.first { $0.title.en.hasPrefix("Between groups") })
        XCTAssertTrue(block.title.en.contains("235 in 2 groups"), block.title.en)
        XCTAssertTrue(block.notes.contains { $0.en.hasPrefix("1 with Sex missing is in no group") }, "\(block.notes)")
    }
}
