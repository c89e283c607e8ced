import ArvioData
import ArvioQuery
import Foundation
import XCTest

/// `crosstab V by PHASE paired` and the corrections for many tests (`adjust`) on the built-in
/// data, against R (Tests/Fixtures/paired/reference.R: mcnemar.test, binom.test, p.adjust,
/// coin's exact wilcoxsign_test, the Bowker and Stuart–Maxwell formulas with MASS::ginv).
final class PairedCrosstabTests: XCTestCase {
    private func run(_ source: String, file: StaticString = #filePath, line: UInt = #line) throws -> Table {
        var session = Session(workspace: TestSupport.builtIn)
        let results = try session.run(source)
        return try XCTUnwrap(results.last?.table, file: file, line: line)
    }

    private func expected(_ name: String, _ key: String, file: StaticString = #filePath, line: UInt = #line) throws -> Double {
        try PairedReference.value(name, key, file: file, line: line)
    }

    private func entry(_ block: StatisticsBlock, _ prefix: String) -> Statistic? {
        block.entries.first { $0.name.en.hasPrefix(prefix) }
    }

    private func notes(_ table: Table) -> String { table.notes.map(\.en).joined(separator: "\n") }

    func testAllPairsMatchBowkerAndStuartMaxwellInR() throws {
        let table = try run("responses | crosstab score by phase paired")
        XCTAssertEqual(table.statistics.count, 1)
        let block = table.statistics[0]
        XCTAssertEqual(block.title.en, "score: pre → post, 144 pairs")
        let bowker = try XCTUnwrap(entry(block, "Bowker"))
        XCTAssertEqual(try XCTUnwrap(bowker.value), try expected("all", "bowker"), accuracy: 1e-9)
        XCTAssertEqual(bowker.df, try expected("all", "bowker_df"))
        XCTAssertEqual(try XCTUnwrap(bowker.p), try expected("all", "bowker_p"), accuracy: 1e-15)
        let stuart = try XCTUnwrap(entry(block, "Stuart"))
        XCTAssertEqual(try XCTUnwrap(stuart.value), try expected("all", "stuart"), accuracy: 1e-9)
        XCTAssertEqual(stuart.df, try expected("all", "stuart_df"))
        // The square table: first time in rows, second in columns, 144 pairs in the corner.
        guard case .integer(let total)? = table.column(named: "total")?.data else { return XCTFail("no total column") }
        XCTAssertEqual(total.last, 144)
        XCTAssertEqual(table.columns.first?.name, "score_pre")
        let text = notes(table)
        XCTAssertTrue(text.contains("The 144 pairs come from 12 participant values, several pairs each"), text)
        XCTAssertTrue(text.contains("48 with an answer at pre and none at post are left out: participant P04"), text)
    }

    func testPerItemTestsEachItemAndAdjustsTheTwelvePValuesByHolm() throws {
        let table = try run("responses | crosstab score by phase paired per item")
        XCTAssertEqual(table.statistics.count, 12)
        for block in table.statistics {
            let item = try XCTUnwrap(block.title.en.split(separator: ":").first?.split(separator: " ").last.map(String.init))
            XCTAssertTrue(block.title.en.hasSuffix("12 pairs"), block.title.en)
            let bowker = try XCTUnwrap(entry(block, "Bowker"))
            let stuart = try XCTUnwrap(entry(block, "Stuart"))
            XCTAssertEqual(try XCTUnwrap(bowker.value), try expected(item, "bowker"), accuracy: 1e-9, item)
            XCTAssertEqual(try XCTUnwrap(bowker.p), try expected(item, "bowker_p"), accuracy: 1e-9, item)
            XCTAssertEqual(try XCTUnwrap(bowker.adjustedP), try expected(item, "bowker_holm"), accuracy: 1e-9, item)
            XCTAssertEqual(try XCTUnwrap(stuart.value), try expected(item, "stuart"), accuracy: 1e-9, item)
            XCTAssertEqual(stuart.df, try expected(item, "stuart_df"), item)
            XCTAssertEqual(try XCTUnwrap(stuart.adjustedP), try expected(item, "stuart_holm"), accuracy: 1e-9, item)
        }
        let text = notes(table)
        XCTAssertTrue(text.contains("p adj: Holm correction over 12 tests (one per item; each kind of test on its own)"), text)
        XCTAssertFalse(text.contains("several pairs each"), "per item has one pair per participant in each test")
    }

    func testAdjustBHGivesTheFalseDiscoveryRateCorrection() throws {
        let table = try run("responses | crosstab score by phase paired per item adjust bh")
        for block in table.statistics {
            let item = try XCTUnwrap(block.title.en.split(separator: ":").first?.split(separator: " ").last.map(String.init))
            let stuart = try XCTUnwrap(entry(block, "Stuart"))
            XCTAssertEqual(try XCTUnwrap(stuart.adjustedP), try expected(item, "stuart_bh"), accuracy: 1e-9, item)
        }
        XCTAssertTrue(notes(table).contains("Benjamini–Hochberg correction over 12 tests"), notes(table))
        let none = try run("responses | crosstab score by phase paired per item adjust none")
        XCTAssertTrue(none.statistics.allSatisfy { $0.entries.allSatisfy { $0.adjustedP == nil } })
        XCTAssertFalse(notes(none).contains("p adj"))
    }

    func testTwoCategoriesGiveMcNemarWithTheExactPFirst() throws {
        let table = try run("responses | where item == \"OH1\" | derive high = score >= \"hyvin\" | crosstab high by phase paired")
        let block = try XCTUnwrap(table.statistics.first)
        let exact = try XCTUnwrap(block.entries.first)
        XCTAssertEqual(exact.name.en, "McNemar, exact")
        XCTAssertEqual(exact.value, try expected("OH1_high", "b"))
        XCTAssertEqual(try XCTUnwrap(exact.p), try expected("OH1_high", "exact_p"), accuracy: 1e-12)
        let corrected = try XCTUnwrap(entry(block, "McNemar chi-square, corrected"))
        XCTAssertEqual(try XCTUnwrap(corrected.value), try expected("OH1_high", "corrected"), accuracy: 1e-9)
        XCTAssertEqual(try XCTUnwrap(corrected.p), try expected("OH1_high", "corrected_p"), accuracy: 1e-9)
        let plain = try XCTUnwrap(block.entries.first { $0.name.en == "McNemar chi-square" })
        XCTAssertEqual(try XCTUnwrap(plain.value), try expected("OH1_high", "chisq"), accuracy: 1e-9)
        XCTAssertEqual(try XCTUnwrap(plain.p), try expected("OH1_high", "chisq_p"), accuracy: 1e-9)
        XCTAssertTrue(block.notes.map(\.en).joined().contains("5 changed false → true, 1 changed true → false, 6 stayed"))
    }

    func testDeltaOfACategoricalAnswerIsThePairedTable() throws {
        let source = "responses | where item == \"OH1\" | derive high = score >= \"hyvin\" | "
        let delta = try run(source + "delta high by phase")
        let crosstab = try run(source + "crosstab high by phase paired")
        let exact = try XCTUnwrap(delta.statistics.first?.entries.first)
        XCTAssertEqual(exact.name.en, "McNemar, exact")
        XCTAssertEqual(try XCTUnwrap(exact.p), try expected("OH1_high", "exact_p"), accuracy: 1e-12)
        XCTAssertEqual(delta.statistics.first?.entries.map(\.p), crosstab.statistics.first?.entries.map(\.p))
        XCTAssertTrue(notes(delta).hasPrefix("high is categorical, so its change is the paired table of its categories"), notes(delta))
    }

    func testAGroupOfOnePairHasNoTestsAndSaysSo() throws {
        let table = try run("responses | where participant == \"P01\" | crosstab score by phase paired per item")
        XCTAssertEqual(table.statistics.count, 12)
        for block in table.statistics {
            XCTAssertTrue(block.entries.isEmpty, block.title.en)
            XCTAssertEqual(block.notes.map(\.en), ["1 pair: too few for tests"])
            XCTAssertTrue(block.title.en.hasSuffix(", 1 pair"), block.title.en)
        }
        XCTAssertFalse(notes(table).contains("p adj"), "nothing to adjust")
    }

    func testNoChangeIsNotTested() throws {
        let table = try run("responses | where item == \"OH1\" and participant in [\"P01\", \"P02\"] | derive any = score >= 1 | crosstab any by phase paired")
        let block = try XCTUnwrap(table.statistics.first)
        XCTAssertTrue(block.entries.isEmpty)
        XCTAssertTrue(block.notes.map(\.en).joined().contains("no change to test"), block.notes.map(\.en).joined())
    }

    func testMistakesAreClearErrors() {
        let cases: [(String, String)] = [
            ("responses | crosstab score by phase paired adjust maybe", "there is no adjustment \"maybe\""),
            ("responses | crosstab score by phase paired per phase", "a pair spans both phases"),
            ("participants | crosstab org by entry_route paired", "does not include \"entry_route\""),
            ("responses | crosstab score by score paired", "cross-tabulated with itself"),
            ("responses | crosstab score by phase paired weight n", "\"on\", \"per\", \"adjust\" or the end of the step"),
        ]
        for (source, message) in cases {
            var session = Session(workspace: TestSupport.builtIn)
            XCTAssertThrowsError(try session.run(source), source) { error in
                XCTAssertTrue("\(error)".contains(message), "\(source): \(error)")
            }
        }
    }

    func testDeltaPerItemAdjustsEachTestAcrossTheItems() throws {
        let table = try run("responses | delta score by phase per item")
        XCTAssertEqual(table.statistics.count, 12, "per item tests each item: one pair per participant")
        for block in table.statistics {
            let item = try XCTUnwrap(block.title.en.split(separator: ":").first?.split(separator: " ").last.map(String.init))
            let w = try XCTUnwrap(entry(block, "Wilcoxon W+"))
            XCTAssertEqual(try XCTUnwrap(w.p), try expected("delta_" + item, "wilcoxon_p"), accuracy: 1e-9, item)
            XCTAssertEqual(try XCTUnwrap(w.adjustedP), try expected("delta_" + item, "wilcoxon_holm"), accuracy: 1e-9, item)
            let sign = try XCTUnwrap(entry(block, "Sign test"))
            XCTAssertEqual(try XCTUnwrap(sign.adjustedP), try expected("delta_" + item, "sign_holm"), accuracy: 1e-9, item)
        }
        XCTAssertTrue(notes(table).contains("p adj: Holm correction over 12 tests (one per item"), notes(table))
        let bh = try run("responses | delta score by phase per item adjust bh")
        for block in bh.statistics {
            let item = try XCTUnwrap(block.title.en.split(separator: ":").first?.split(separator: " ").last.map(String.init))
            let w = try XCTUnwrap(entry(block, "Wilcoxon W+"))
            XCTAssertEqual(try XCTUnwrap(w.adjustedP), try expected("delta_" + item, "wilcoxon_bh"), accuracy: 1e-9, item)
        }
    }

    func testDeltaPerParticipantStillTestsOnceOverAllPairs() throws {
        let table = try run("responses | where item == \"overall\" | delta score by phase per participant")
        XCTAssertEqual(table.statistics.count, 1)
        XCTAssertTrue(table.statistics[0].entries.allSatisfy { $0.adjustedP == nil })
    }

    func testAssociateAdjustsItsRankedPValuesByHolm() throws {
        // select keeps the test fast: permutation p-values of every column take seconds in debug.
        let table = try run("""
            motivation | join participants | select participant, entry_route, experience_years, grade, motivation_start | associate motivation_start
            """)
        guard case .decimal(let p)? = table.column(named: "p")?.data,
              case .decimal(let adjusted)? = table.column(named: "p_adj")?.data else { return XCTFail("no p or p_adj") }
        XCTAssertEqual(p.count, 3)
        // Holm's step-down on three p-values, by hand: sorted p × (3, 2, 1), kept non-decreasing.
        let order = p.indices.sorted { p[$0] < p[$1] }
        var running = 0.0
        for (rank, i) in order.enumerated() {
            running = max(running, min(1, Double(3 - rank) * p[i]))
            XCTAssertEqual(adjusted[i], running, accuracy: 1e-15)
        }
        XCTAssertTrue(notes(table).contains("p_adj: Holm correction over 3 tests (one per column associated with motivation_start)"), notes(table))
        let none = try run("motivation | join participants | select participant, entry_route, motivation_start | associate motivation_start adjust none")
        XCTAssertNil(none.column(named: "p_adj"))
    }
}
