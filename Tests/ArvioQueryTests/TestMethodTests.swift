import ArvioData
@testable import ArvioQuery
import ArvioStats
import XCTest

/// Statistics name their method from the typed value ArvioStats gives, in both languages.
final class TestMethodTests: XCTestCase {
    func testTheMethodOfAResultIsATypedValue() throws {
        let small = try WilcoxonSignedRankTest(differences: [1, 2, 2, 3, -1, 4])
        XCTAssertEqual(small.testMethod, .exactConditionalOnTies)
        let large = try WilcoxonSignedRankTest(differences: (1...80).map { Double($0 % 7) - 2 }, exactLimit: 50)
        XCTAssertEqual(large.testMethod, .normalApproximationTieCorrected)
        XCTAssertEqual(try MannWhitneyUTest([1, 2, 3], [4, 5, 6]).testMethod, .exactConditionalOnTies)
    }

    func testEveryMethodHasAFinnishNameAndItsEnglishIsTheDescription() {
        let estimate = MonteCarloEstimate(replicates: 10000, asExtreme: 120, seed: 7)
        let methods: [TestMethod] = [
            .studentT, .studentTPaired, .tApproximation, .welchT, .oneWayANOVA, .asymptoticChiSquare,
            .asymptoticChiSquareUncorrected, .asymptoticChiSquareContinuityCorrected,
            .asymptoticChiSquareScores, .exactBinomial, .exactConditionalOnTies, .normalApproximationTieCorrected,
            .normalApproximationNullASE0, .exactNetwork, .monteCarloTables(estimate), .permutation(estimate),
        ]
        for method in methods {
            XCTAssertEqual(method.localized.en, method.description)
            XCTAssertNotEqual(method.localized.fi, method.localized.en, method.description)
        }
        let fi = TestMethod.monteCarloTables(estimate).localized.fi
        XCTAssertTrue(fi.hasPrefix("Monte Carlo (Patefield), 10000 taulukkoa, siemen 7, SE "), fi)
        XCTAssertTrue(fi.contains(", 99 %:n väli "), fi)
        let none = TestMethod.monteCarloTables(MonteCarloEstimate(replicates: 100, asExtreme: 0, seed: 1)).localized
        XCTAssertTrue(none.fi.contains(": yksikään ei yhtä poikkeava, p < 1/(B+1) = "), none.fi)
        XCTAssertTrue(none.en.contains(": none as extreme, p < 1/(B+1) = "), none.en)
    }

    func testDeltaNamesTheWilcoxonMethodInFinnishFromTheValue() throws {
        var session = Session(workspace: Fixtures.workspace, language: .fi)
        let table = try XCTUnwrap(session.run(#"responses | where item == "overall" | delta score by phase"#).last?.table)
        let entries = table.statistics.flatMap(\.entries)
        let wilcoxon = try XCTUnwrap(entries.first { $0.name.en == "Wilcoxon W+" })
        XCTAssertEqual(wilcoxon.method?.fi, "tarkka, ehdollinen sidoksille")
        XCTAssertEqual(wilcoxon.method?.en, "exact conditional on ties")
    }
}
