import ArvioData
import ArvioQuery
import XCTest

/// `delta` tests one pair per participant (the mean of its items before and after) when the
/// pairs are participant × item, so 144 answers do not count as 144 independent people; `pairs`
/// keeps every pair. Against R (Tests/Fixtures/paired/reference.R: coin's exact
/// wilcoxsign_test, t.test and binom.test on the participants' means).
final class DeltaUnitTests: XCTestCase {
    private func run(_ source: String) throws -> Table {
        var session = Session(workspace: TestSupport.builtIn)
        return try XCTUnwrap(try session.run(source).last?.table)
    }

    private func p(_ block: StatisticsBlock, _ name: String) -> Double? {
        block.entries.first { $0.name.en == name }?.p
    }

    func testAllItemsAreTestedOnTwelveParticipants() throws {
        let table = try run("responses | delta score by phase")
        let block = try XCTUnwrap(table.statistics.first)
        XCTAssertEqual(block.title.en, "score: pre → post, 144 pairs (12 by participant)")
        XCTAssertEqual(try XCTUnwrap(p(block, "Wilcoxon W+")), try PairedReference.value("unit_all", "wilcoxon_p"), accuracy: 1e-9)
        XCTAssertEqual(try XCTUnwrap(p(block, "Paired t")), try PairedReference.value("unit_all", "t_p"), accuracy: 1e-9)
        XCTAssertEqual(block.entries.first { $0.name.en == "Paired t" }?.df, 11, "12 participants, not 144 pairs")
        XCTAssertEqual(try XCTUnwrap(p(block, "Sign test (up)")), try PairedReference.value("unit_all", "sign_p"), accuracy: 1e-9)
        guard case .integer(let n)? = table.column(named: "n")?.data else { return XCTFail("no n") }
        XCTAssertEqual(n, [144], "the table still describes the pairs")
        XCTAssertTrue(table.notes.map(\.en).contains { $0.hasPrefix("The 144 pairs come from 12 participant values, several pairs each, so the tests use one pair per participant") })
    }

    func testEachAreaIsTestedOnItsParticipantsMeans() throws {
        let table = try run("responses | delta score by phase per area")
        let areas = ["Työvalmentajuus", "Ammatillinen osaaminen", "Suunnittelutaidot", "Arviointikyky", "Asiakkaan ohjaus"]
        for (block, area) in zip(table.statistics, areas) {
            let key = "unit_" + area.replacingOccurrences(of: " ", with: "_")
            XCTAssertEqual(try XCTUnwrap(p(block, "Wilcoxon W+")), try PairedReference.value(key, "wilcoxon_p"), accuracy: 1e-9, area)
            XCTAssertEqual(try XCTUnwrap(p(block, "Paired t")), try PairedReference.value(key, "t_p"), accuracy: 1e-9, area)
        }
        XCTAssertEqual(table.statistics[1].title.en, "area = Professional competence: score pre → post, 36 pairs (12 by participant)")
    }

    func testHolmOverTheAreasIsRsPAdjust() throws {
        let table = try run("responses | delta score by phase per area")
        let areas = ["Työvalmentajuus", "Ammatillinen osaaminen", "Suunnittelutaidot", "Arviointikyky", "Asiakkaan ohjaus"]
        for (block, area) in zip(table.statistics, areas) {
            let key = "holm_" + area.replacingOccurrences(of: " ", with: "_")
            let w = try XCTUnwrap(block.entries.first { $0.name.en == "Wilcoxon W+" }?.adjustedP, area)
            XCTAssertEqual(w, try PairedReference.value(key, "wilcoxon_p_adj"), accuracy: 1e-9, area)
            let t = try XCTUnwrap(block.entries.first { $0.name.en == "Paired t" }?.adjustedP, area)
            XCTAssertEqual(t, try PairedReference.value(key, "t_p_adj"), accuracy: 1e-9, area)
        }
    }

    func testPairsTestsEveryPairAsBefore() throws {
        let table = try run("responses | delta score by phase pairs")
        let block = try XCTUnwrap(table.statistics.first)
        XCTAssertEqual(block.title.en, "score: pre → post, 144 pairs")
        XCTAssertEqual(block.entries.first { $0.name.en == "Paired t" }?.df, 143)
        XCTAssertTrue(table.notes.map(\.en).contains { $0.contains("as asked (pairs), the tests treat the pairs as independent") })
    }
}
