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

    /// The scale score is a mean of 11 answers, so its changes are 11ths; as fractions 8 distinct
    /// |d| where binary differences make 11 (Tests/Fixtures/paired/scale_delta.R).
    func testScaleScoreChangesTieAsTheFractionsTheyAre() throws {
        let text = try String(contentsOfFile: TestSupport.root + "/Tests/Fixtures/paired/scale_delta.txt", encoding: .utf8)
        var r: [String: Double] = [:]
        for line in text.split(separator: "\n") {
            let parts = line.split(separator: " ")
            if parts.count == 2 { r[String(parts[0])] = Double(parts[1]) }
        }
        let table = try run("responses | where item != \"overall\" | scale score by item into competence | delta competence by phase")
        let block = try XCTUnwrap(table.statistics.first)
        let w = try XCTUnwrap(block.entries.first { $0.name.en == "Wilcoxon W+" })
        XCTAssertEqual(w.value, try XCTUnwrap(r["wplus"]))
        XCTAssertEqual(try XCTUnwrap(w.p), try XCTUnwrap(r["exact_p"]), accuracy: 1e-9)
        let z = try XCTUnwrap(block.entries.first { $0.name.en == "Wilcoxon z" })
        XCTAssertEqual(try XCTUnwrap(z.value), try XCTUnwrap(r["z"]), accuracy: 1e-6)
        XCTAssertNotEqual(try XCTUnwrap(r["normal_p"]), try XCTUnwrap(r["normal_p_float"]), accuracy: 1e-6)

        // Between groups, on the same fractions: kruskal.test and coin's exact Mann–Whitney.
        let byMotivation = try run("responses | where item != \"overall\" | scale score by item into competence | join motivation on participant = participant | delta competence by phase per motivation_start")
        let between = try XCTUnwrap(byMotivation.statistics.first { $0.title.en.hasPrefix("Between groups") })
        let h = try XCTUnwrap(between.entries.first { $0.name.en == "Kruskal–Wallis H" })
        XCTAssertEqual(try XCTUnwrap(h.value), try XCTUnwrap(r["kw_motivation_H"]), accuracy: 1e-6)
        XCTAssertGreaterThan(abs(try XCTUnwrap(r["kw_motivation_H"]) - (try XCTUnwrap(r["kw_motivation_H_float"]))), 0.1)
        let byRoute = try run("responses | where item != \"overall\" | scale score by item into competence | join participants on participant = id | delta competence by phase per entry_route")
        let route = try XCTUnwrap(byRoute.statistics.first { $0.title.en.hasPrefix("Between groups") })
        let u = try XCTUnwrap(route.entries.first { $0.name.en == "Mann–Whitney U" })
        XCTAssertEqual(u.value, try XCTUnwrap(r["mw_route_U"]))
        XCTAssertEqual(try XCTUnwrap(u.p), try XCTUnwrap(r["mw_route_exact_p"]), accuracy: 1e-6)
    }

    func testPairsTestsEveryPairAsBefore() throws {
        let table = try run("responses | delta score by phase pairs")
        let block = try XCTUnwrap(table.statistics.first)
        XCTAssertEqual(block.title.en, "score: pre → post, 144 pairs")
        XCTAssertEqual(block.entries.first { $0.name.en == "Paired t" }?.df, 143)
        XCTAssertTrue(table.notes.map(\.en).contains { $0.contains("as asked (pairs), the tests treat the pairs as independent") })
    }
}
