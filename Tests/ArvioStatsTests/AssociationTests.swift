import XCTest
import ArvioStats

final class AssociationTests: XCTestCase {
    private let preConf: [Double] = [3, 3, 2, 4, 2, 2, 4, 3, 1, 3, 5, 2, 4, 2, 4, 3]

    func testSpearmanAndPearsonOfPreAndPostMotivation() throws {
        let (pre, post) = SurveySmall.pairedMotiv
        let spearman = try Correlation(pre, post, kind: .spearman)
        assertClose(spearman.coefficient, 0.685299)
        assertClose(spearman.statistic, 2.975726)
        assertClose(spearman.pValue, 0.013909)
        let pearson = try Correlation(pre, post)
        assertClose(pearson.coefficient, 0.709063)
        assertClose(pearson.statistic, 3.179846)
        assertClose(pearson.pValue, 0.009822)
        assertClose(pearson.confidenceInterval?.lowerBound, 0.227902)
        assertClose(pearson.confidenceInterval?.upperBound, 0.911888)
        assertClose(try Correlation(SurveySmall.pairedConf.pre, SurveySmall.pairedConf.post).coefficient, 0.866926)
        assertClose(try Correlation(SurveySmall.pairedKnow.pre, SurveySmall.pairedKnow.post).coefficient, 0.884615)
    }

    func testPairwiseAndListwiseCorrelationDiffer() throws {
        assertClose(try Correlation(SurveySmall.preMotiv, preConf).coefficient, 0.741653)
        assertClose(try Correlation(SurveySmall.pairedMotiv.pre, SurveySmall.pairedConf.pre).coefficient, 0.737014)
    }

    func testSpearmanOfTheOrdinalTableMatchesRCorTest() throws {
        let fixture = try loadFixture("reference.json")["ordinal"] as? [String: Any] ?? [:]
        var x: [Double] = [], y: [Double] = []
        for (i, row) in fixture.matrix("counts").enumerated() {
            for (j, count) in row.enumerated() {
                x += Array(repeating: Double(i), count: count)
                y += Array(repeating: Double(j), count: count)
            }
        }
        let spearman = try Correlation(x, y, kind: .spearman)
        assertClose(spearman.coefficient, fixture.number("spearman"), tolerance: 1e-12)
        assertClose(spearman.pValue, fixture.number("spearmanP"), tolerance: 1e-12)
    }

    func testEtaMatchesRSquaredOfALinearModel() throws {
        let fixture = try loadFixture("reference.json")["descriptive"] as? [String: Any] ?? [:]
        let groups = fixture["groups"] as? [String] ?? []
        let eta = try CorrelationRatio(values: fixture.vector("values"), groups: groups)
        assertClose(eta.eta, fixture.number("eta"), tolerance: 1e-12)
        XCTAssertEqual(eta.degreesOfFreedom, 2)
        XCTAssertEqual(eta.denominatorDegreesOfFreedom, 8)
    }

    func testSeededPermutationIsReproducibleAndAgreesWithTheExactTest() throws {
        let measure: ([Double], [Double]) throws -> Double = { try Correlation($0, $1, kind: .spearman).coefficient }
        let (pre, post) = SurveySmall.pairedMotiv
        let first = try PermutationTest(x: pre, y: post, permutations: 2_000, measure: measure)
        let again = try PermutationTest(x: pre, y: post, permutations: 2_000, measure: measure)
        XCTAssertEqual(first.pValue, again.pValue)
        XCTAssertEqual(first.statistic, try measure(pre, post))
        // Near 0.01 after 2,000 shuffles, so the doubling rule drew more.
        XCTAssertGreaterThan(first.estimate.replicates, 2_000)
        XCTAssertTrue(first.method.hasPrefix("permutation, \(first.estimate.replicates) shuffles, seed 20070116, SE "), first.method)
        XCTAssertLessThan(first.pValue, 0.05)
    }

    func testDegenerateInputsAreErrors() {
        XCTAssertThrowsError(try Correlation([1, 2, 3], [4, 4, 4]))
        XCTAssertThrowsError(try Correlation([1, 2], [3, 4]))
        XCTAssertThrowsError(try CorrelationRatio(values: [1, 2, 3], groups: ["a", "a", "a"]))
        XCTAssertThrowsError(try CorrelationRatio(values: [1, 1, 1, 1], groups: ["a", "a", "b", "b"]))
    }
}
