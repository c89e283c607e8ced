import ArvioData
import ArvioQuery
import XCTest

/// Small groups (issue 14): a group of one pair shows no p-values and says so once, plurals read
/// right, and where the exact p is the test the normal approximation gives no second p.
final class SmallGroupTests: XCTestCase {
    private func run(_ source: String, file: StaticString = #filePath, line: UInt = #line) throws -> Table {
        var session = Session(workspace: TestSupport.builtIn)
        return try XCTUnwrap(try session.run(source).last?.table, file: file, line: line)
    }

    private static let perMotivation = """
        responses | where item != "overall" | scale score by item into competence |
        join motivation on participant = participant | delta competence by phase per motivation_start
        """

    func testAGroupOfOnePairHasNoTestsAndOneNote() throws {
        let table = try run(Self.perMotivation)
        let single = try XCTUnwrap(table.statistics.first { $0.title.en.hasPrefix("motivation_start = very low") })
        XCTAssertEqual(single.title.en, "motivation_start = very low: competence pre → post, 1 pair")
        XCTAssertTrue(single.entries.isEmpty, "no Wilcoxon, z or sign-test p for one pair")
        XCTAssertEqual(single.notes.map(\.en), ["1 pair: too few for tests"])
    }

    func testAtFourPairsTheExactPIsTheOnlyWilcoxonP() throws {
        let table = try run(Self.perMotivation)
        let four = try XCTUnwrap(table.statistics.first { $0.title.en.hasSuffix(", 4 pairs") })
        let w = try XCTUnwrap(four.entries.first { $0.name.en == "Wilcoxon W+" })
        XCTAssertEqual(try XCTUnwrap(w.p), 0.125, accuracy: 1e-12, "4 of 4 up: 2/16, exact")
        let z = try XCTUnwrap(four.entries.first { $0.name.en == "Wilcoxon z" })
        XCTAssertNil(z.p, "the approximation's p is not shown as a p beside the exact one")
        // 0.0633 as R on the 11ths that tie (Tests/Fixtures/paired/scale_delta.R: four_pairs_normal_p).
        XCTAssertEqual(z.method?.en, "approximate p ≈ 0.063; W+ p is exact")
    }

    func testTheOnePairGroupIsLeftOutOfTheCorrection() throws {
        let table = try run(Self.perMotivation)
        let tested = table.statistics.filter { !$0.entries.isEmpty && !$0.title.en.hasPrefix("Between groups") }
        XCTAssertEqual(tested.count, 4)
        XCTAssertTrue(table.notes.map(\.en).contains { $0.hasPrefix("p adj: Holm correction over 4 tests (one per motivation_start") })
        let four = try XCTUnwrap(tested.first { $0.title.en.hasSuffix(", 4 pairs") })
        XCTAssertEqual(four.entries.first { $0.name.en == "Wilcoxon W+" }?.adjustedP ?? 0, 0.5, accuracy: 1e-12,
                       "the smallest of the four exact p-values (0.125) × 4")
    }
}
