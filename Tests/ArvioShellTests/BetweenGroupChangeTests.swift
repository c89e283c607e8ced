import ArvioData
import ArvioQuery
import XCTest

/// `delta V by PHASE per G` tests whether the change differs between the groups, on one change
/// per participant (the mean over its items), against R (Tests/Fixtures/paired/reference.R:
/// coin's exact wilcox_test, kruskal.test and an exact count of rearrangements in R).
final class BetweenGroupChangeTests: XCTestCase {
    private func between(_ source: String, file: StaticString = #filePath, line: UInt = #line) throws -> StatisticsBlock {
        var session = Session(workspace: TestSupport.builtIn)
        let table = try XCTUnwrap(try session.run(source).last?.table, file: file, line: line)
        return try XCTUnwrap(table.statistics.first { $0.title.en.hasPrefix("Between groups") }, file: file, line: line)
    }

    func testEntryRouteIsComparedOnTwelvePeopleByExactMannWhitney() throws {
        let block = try between("responses | join participants | delta score by phase per entry_route")
        XCTAssertEqual(block.title.en, "Between groups: score change, one per participant, 12 in 2 groups")
        let u = try XCTUnwrap(block.entries.first { $0.name.en == "Mann–Whitney U" })
        XCTAssertEqual(u.value, try PairedReference.value("between_route", "U"))
        XCTAssertEqual(try XCTUnwrap(u.p), try PairedReference.value("between_route", "p"), accuracy: 1e-9)
        XCTAssertEqual(u.method?.en, "exact conditional on ties")
        let r = try XCTUnwrap(block.entries.first { $0.name.en == "Rank-biserial r" })
        XCTAssertEqual(try XCTUnwrap(r.value), try PairedReference.value("between_route", "rb"), accuracy: 1e-9)
        XCTAssertEqual(r.method?.en, "> 0: employer-directed changed more than own initiative")
        let notes = block.notes.map(\.en).joined(separator: "\n")
        XCTAssertTrue(notes.contains("Each participant's change is the mean of its 12 pairs' changes (post − pre); employer-directed 7, own initiative 5."), notes)
    }

    func testFourOrganisationsGetAnExactKruskalWallis() throws {
        let block = try between("responses | join participants | delta score by phase per org")
        let h = try XCTUnwrap(block.entries.first { $0.name.en == "Kruskal–Wallis H" })
        XCTAssertEqual(try XCTUnwrap(h.value), try PairedReference.value("between_org", "H"), accuracy: 1e-9)
        XCTAssertEqual(h.df, try PairedReference.value("between_org", "df"))
        XCTAssertEqual(try XCTUnwrap(h.p), try PairedReference.value("between_org", "p_exact"), accuracy: 1e-9)
        XCTAssertEqual(h.method?.en, "exact conditional on ties (277200 rearrangements)")
        let epsilon = try XCTUnwrap(block.entries.first { $0.name.en == "Epsilon²" })
        XCTAssertEqual(try XCTUnwrap(epsilon.value), try PairedReference.value("between_org", "eps2"), accuracy: 1e-9)
        XCTAssertTrue(block.notes.map(\.en).joined().contains("the chi-square approximation gives p ≈ 0.815"))
    }

    func testPerItemHasNoBetweenGroupTestBecauseEveryoneIsInEveryGroup() throws {
        var session = Session(workspace: TestSupport.builtIn)
        let table = try XCTUnwrap(try session.run("responses | delta score by phase per item").last?.table)
        XCTAssertFalse(table.statistics.contains { $0.title.en.hasPrefix("Between groups") })
        XCTAssertTrue(table.notes.map(\.en).contains { $0.hasPrefix("No test between the groups: the same participant is in several groups") })
    }

    func testTheBetweenGroupTestIsNotPartOfTheHolmFamily() throws {
        let block = try between("responses | join participants | delta score by phase per entry_route")
        XCTAssertTrue(block.entries.allSatisfy { $0.adjustedP == nil }, "one test, nothing to adjust")
    }
}
