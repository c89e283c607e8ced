import Foundation
import XCTest
import ArvioStats

/// psych::bfi agreeableness items against `Tests/Fixtures/reliability/reference.R` (R psych 2.2.9).
final class ScaleReliabilityTests: XCTestCase {
    private static let folder = URL(fileURLWithPath: "\(#filePath)").deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Tests/Fixtures/reliability")

    private func reference() throws -> [String: Any] {
        let data = try Data(contentsOf: Self.folder.appendingPathComponent("reference.json"))
        return try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    /// The fixture CSV: column name → values, NaN where the respondent did not answer.
    private func bfi() throws -> [String: [Double]] {
        let text = try String(contentsOf: Self.folder.appendingPathComponent("bfi-agreeableness.csv"), encoding: .utf8)
        let lines = text.split(separator: "\n")
        let names = lines[0].split(separator: ",", omittingEmptySubsequences: false).map { $0.replacingOccurrences(of: "\"", with: "") }
        var columns: [String: [Double]] = [:]
        for line in lines.dropFirst() {
            for (name, cell) in zip(names, line.split(separator: ",", omittingEmptySubsequences: false)) {
                columns[name, default: []].append(Double(cell) ?? .nan)
            }
        }
        return columns
    }

    private func items(of reference: [String: Any]) throws -> [[Double]] {
        let data = try bfi()
        let rows = reference.vector("rows").map { Int($0) - 1 }
        let reversed = reference["reversed"] as? [String] ?? []
        return (reference["items"] as? [String] ?? []).map { name in
            let column = data[name] ?? []
            return rows.map { reversed.contains(name) ? 7 - column[$0] : column[$0] }
        }
    }

    private func check(_ result: ScaleReliability, against expected: [String: Any], file: StaticString = #filePath, line: UInt = #line) {
        let name = expected["name"] as? String ?? ""
        XCTAssertEqual(result.count, expected.integer("n"), name, file: file, line: line)
        assertClose(result.alpha, expected.number("alpha"), tolerance: 1e-10, name, file: file, line: line)
        assertClose(result.standardizedAlpha, expected.number("standardizedAlpha"), tolerance: 1e-10, name, file: file, line: line)
        assertClose(result.meanInterItemCorrelation, expected.number("meanR"), tolerance: 1e-10, name, file: file, line: line)
        assertClose(result.alphaInterval.lowerBound, expected.number("feldtLower"), tolerance: 1e-9, name, file: file, line: line)
        assertClose(result.alphaInterval.upperBound, expected.number("feldtUpper"), tolerance: 1e-9, name, file: file, line: line)
        let itemRest = expected.vector("itemRest"), means = expected.vector("itemMean"), sds = expected.vector("itemSD")
        XCTAssertEqual(result.items.count, itemRest.count, name, file: file, line: line)
        for (item, (r, (mean, sd))) in zip(result.items, zip(itemRest, zip(means, sds))) {
            XCTAssertEqual(item.count, expected.integer("n"), file: file, line: line)
            assertClose(item.itemRestCorrelation, r, tolerance: 1e-10, name, file: file, line: line)
            assertClose(item.mean, mean, tolerance: 1e-10, name, file: file, line: line)
            assertClose(item.standardDeviation, sd, tolerance: 1e-10, name, file: file, line: line)
        }
    }

    func testAgreeablenessWithA1ReversedMatchesPsychAlphaAndOmega() throws {
        let expected = try reference().rows("cases")[0]
        let result = try ScaleReliability(items: items(of: expected))
        check(result, against: expected)
        XCTAssertEqual(result.incompleteCount, 2, "two of the 120 respondents skipped an item")
        for (item, dropped) in zip(result.items, expected.vector("alphaIfDropped")) {
            assertClose(item.alphaIfDropped, dropped, tolerance: 1e-10)
        }
        let omega = try result.omega.get()
        assertClose(omega.total, expected.number("omegaTotal"), tolerance: 1e-6)
        for (ours, theirs) in zip(omega.model.loadings, expected.vector("loadings")) { assertClose(ours, theirs, tolerance: 1e-9) }
        for (ours, theirs) in zip(omega.model.loadings, expected.vector("minresLoadings")) { assertClose(ours, theirs, tolerance: 2e-5) }
    }

    func testUnreversedItemGivesNegativeItemRestAndPsychsOmega() throws {
        let expected = try reference().rows("cases")[1]
        let result = try ScaleReliability(items: items(of: expected))
        check(result, against: expected)
        XCTAssertLessThan(result.items[0].itemRestCorrelation ?? 0, 0)
        assertClose(try result.omega.get().total, expected.number("omegaTotal"), tolerance: 1e-6)
    }

    func testZeroVarianceItemIsLeftOutAndTheRestMatchesPsych() throws {
        let cases = try reference().rows("cases")
        let expected = cases[2]
        let data = try bfi()
        let rows = expected.vector("rows").map { Int($0) - 1 }
        var columns = try items(of: expected)
        columns.insert(rows.map { data["A2"]![$0] }, at: 1)
        let result = try ScaleReliability(items: columns)
        XCTAssertEqual(result.constantItems, [1])
        XCTAssertEqual(result.items.map(\.index), [0, 2, 3, 4])
        check(result, against: expected)
        XCTAssertFalse(result.alpha.isNaN)
        // psych's pa loading of A5 here is 1.011: no unique variance, so ω is not reported.
        XCTAssertEqual(result.omega.failure, .heywoodCase(item: 4))
    }

    func testTwoItemsHaveAlphaButNoOmega() throws {
        let expected = try reference().rows("cases")[3]
        let result = try ScaleReliability(items: items(of: expected))
        check(result, against: expected)
        XCTAssertEqual(result.omega.failure, .notIdentified(items: 2))
        XCTAssertNil(result.items[0].alphaIfDropped)
    }

    func testFewerThanTwoVaryingItemsOrThreeRowsIsAnError() {
        XCTAssertThrowsError(try ScaleReliability(items: [[1, 2, 3], [4, 4, 4]])) { XCTAssertEqual($0 as? StatsError, .zeroVariance) }
        XCTAssertThrowsError(try ScaleReliability(items: [[1, 2, .nan], [2, 3, 4]])) {
            XCTAssertEqual($0 as? StatsError, .tooFewObservations(needed: 3, got: 2))
        }
    }

    func testFQuantileMatchesR() {
        // qf(0.975, 117, 468) and qf(0.025, 10, 3) in R 4.2.2
        assertClose(FDistribution.quantile(0.975, d1: 117, d2: 468), 1.3166055724301, tolerance: 1e-9)
        assertClose(FDistribution.quantile(0.025, d1: 10, d2: 3), 0.2072271937131, tolerance: 1e-9)
    }
}

private extension Result {
    var failure: Failure? { if case .failure(let error) = self { return error } else { return nil } }
}
