import ArvioData
@testable import ArvioQuery
import ArvioStats
import XCTest

/// `delta` and `attrition` reproduce the reference values of survey-small.csv
/// (`/work/shared/reference/survey-small.expected.md`) and of the R fixtures in
/// `Tests/Fixtures/delta/` (reference.R, reference.txt), through the verbs.
final class DeltaTests: XCTestCase {
    static let root: String = {
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)
        return parts.joined(separator: "/")
    }()

    /// A session with `file` loaded as `name`.
    func run(_ source: String, file: String = "Tests/Fixtures/reference/survey-small.csv", name: String = "survey",
             line: UInt = #line) -> Table {
        var workspace = Workspace()
        do {
            workspace.add(try CSVReader.read(path: Self.root + "/" + file, name: name))
            var session = Session(workspace: workspace)
            guard let table = try session.run(source).last?.table else { XCTFail("no table", line: line); return Table(name: "", columns: []) }
            return table
        } catch {
            XCTFail("\(error)", line: line)
            return Table(name: "", columns: [])
        }
    }

    func stat(_ table: Table, _ name: String, block: Int = 0) -> Statistic? {
        table.statistics[block].entries.first { $0.name.en == name }
    }

    /// The normal approximation's p: its own p when it is the test, else (beside an exact W+,
    /// where it is shown only in the method) the two-sided normal p of its z.
    func approximateP(_ table: Table) -> Double? {
        guard let z = stat(table, "Wilcoxon z") else { return nil }
        if z.p != nil { return z.p }
        XCTAssertNotNil(z.method?.en.range(of: "approximate p"), "the approximation says what it is")
        return z.value.map(NormalDistribution.twoSidedP)
    }

    func number(_ table: Table, _ column: String, row: Int = 0) -> Double {
        table.column(named: column)?.data.number(at: row) ?? .nan
    }

    func testDeltaOnWideDataReproducesTheReferencePairedValues() {
        let t = run("survey | delta pre_motiv -> post_motiv on id")
        XCTAssertEqual(number(t, "n"), 12)
        XCTAssertEqual(number(t, "change"), 0.833333, accuracy: 1e-6)
        XCTAssertEqual(number(t, "pre_only"), 4)
        XCTAssertEqual(number(t, "improved"), 8)
        XCTAssertEqual(number(t, "same"), 3)
        XCTAssertEqual(number(t, "worse"), 1)
        XCTAssertEqual(stat(t, "Paired t")?.value ?? 0, 3.079409, accuracy: 1e-6)
        XCTAssertEqual(stat(t, "Paired t")?.p ?? 0, 0.010482, accuracy: 1e-6)
        XCTAssertEqual(stat(t, "Paired t")?.df, 11)
        XCTAssertEqual(stat(t, "95% CI lower")?.value ?? 0, 0.237714, accuracy: 1e-6)
        XCTAssertEqual(stat(t, "95% CI upper")?.value ?? 0, 1.428952, accuracy: 1e-6)
        XCTAssertEqual(stat(t, "Cohen's d_z")?.value ?? 0, 0.888949, accuracy: 1e-6)
        XCTAssertEqual(stat(t, "Rank-biserial r")?.value ?? 0, 0.844444, accuracy: 1e-6)
        XCTAssertEqual(stat(t, "Sign test (up)")?.p ?? 0, 0.039063, accuracy: 1e-6)
        XCTAssertEqual(stat(t, "Wilcoxon W+")?.value, 41.5)
        XCTAssertEqual(stat(t, "Wilcoxon W+")?.p ?? 0, 14.0 / 512, accuracy: 1e-12)
        XCTAssertEqual(stat(t, "Wilcoxon W+")?.method?.en, "exact conditional on ties")
        XCTAssertEqual(stat(t, "Wilcoxon z")?.value ?? 0, 2.332122, accuracy: 1e-6)
        XCTAssertEqual(approximateP(t) ?? 0, 0.019694, accuracy: 1e-6)
    }

    func testDeltaOnTheOtherReferenceItems() {
        let conf = run("survey | delta pre_conf -> post_conf")
        XCTAssertEqual(stat(conf, "Paired t")?.value ?? 0, 3.924283, accuracy: 1e-6)
        XCTAssertEqual(stat(conf, "Wilcoxon W+")?.p ?? 0, 0.015625, accuracy: 1e-6)
        XCTAssertEqual(stat(conf, "Cohen's d_z")?.value ?? 0, 1.132843, accuracy: 1e-6)
        let know = run("survey | delta pre_know -> post_know")
        XCTAssertEqual(stat(know, "Paired t")?.value ?? 0, 8.124038, accuracy: 1e-6)
        XCTAssertEqual(approximateP(know) ?? 0, 0.001341, accuracy: 1e-6)
        XCTAssertEqual(stat(know, "Wilcoxon W+")?.p ?? 0, 0.000977, accuracy: 1e-6)
    }

    func testPrattKeepsTheExactConditionalP() {
        let t = run("survey | delta pre_motiv -> post_motiv with pratt")
        XCTAssertEqual(stat(t, "Wilcoxon W+")?.p ?? 0, 0.027344, accuracy: 1e-6)
        XCTAssertEqual(approximateP(t) ?? 0, 0.017491, accuracy: 1e-6)
    }

    func testDeltaPerGroupGivesOneBlockPerGroup() {
        let t = run("survey | delta pre_motiv -> post_motiv per entry_route")
        XCTAssertEqual(t.rowCount, 2)
        XCTAssertEqual(t.statistics.count, 3, "one block per group and the test between them")
        XCTAssertEqual(t.statistics.last?.title.en.hasPrefix("Between groups"), true)
        XCTAssertEqual(values(t, "n"), ["7", "5"])
    }

    func testDeltaReportsWhoHasNoPostAnswer() {
        let t = run("survey | delta pre_motiv -> post_motiv on id")
        XCTAssertTrue(t.notes.contains { $0.en.contains("4 pre_motiv values with no post_motiv value (mean 3.50") && $0.en.contains("id 4, 9, 13, 16") }, "\(t.notes)")
    }

    func testContinuousDataMatchesR() {
        let t = run("cont | delta pre -> post on id", file: "Tests/Fixtures/delta/continuous.csv", name: "cont")
        XCTAssertEqual(number(t, "change"), 0.98, accuracy: 1e-9)
        XCTAssertEqual(number(t, "median"), 0.375, accuracy: 1e-9)
        XCTAssertEqual(stat(t, "Paired t")?.value ?? 0, 0.835988369324, accuracy: 1e-9)
        XCTAssertEqual(stat(t, "Paired t")?.p ?? 0, 0.418262657682, accuracy: 1e-9)
        XCTAssertEqual(stat(t, "95% CI lower")?.value ?? 0, -1.55252480659, accuracy: 1e-9)
        XCTAssertEqual(stat(t, "95% CI upper")?.value ?? 0, 3.51252480659, accuracy: 1e-9)
        XCTAssertEqual(stat(t, "Cohen's d_z")?.value ?? 0, 0.22342728981, accuracy: 1e-9)
        XCTAssertEqual(stat(t, "Wilcoxon W+")?.value, 64)
        XCTAssertEqual(stat(t, "Wilcoxon W+")?.p ?? 0, 0.491821289062, accuracy: 1e-9)
        XCTAssertEqual(approximateP(t) ?? 0, 0.470228433831, accuracy: 1e-9)
        XCTAssertEqual(stat(t, "Sign test (up)")?.p ?? 0, 0.79052734375, accuracy: 1e-9)
        XCTAssertEqual(stat(t, "Rank-biserial r")?.value ?? 0, 0.219047619048, accuracy: 1e-9)
    }

    func testAboveTheExactLimitWilcoxonUsesTheNormalApproximation() {
        let t = run("big | delta pre -> post", file: "Tests/Fixtures/delta/large.csv", name: "big")
        XCTAssertEqual(number(t, "n"), 160)
        XCTAssertEqual(stat(t, "Paired t")?.value ?? 0, 6.70485676375, accuracy: 1e-9)
        XCTAssertEqual(stat(t, "Paired t")?.p ?? 0, 3.33378008633e-10, accuracy: 1e-15)
        XCTAssertEqual(stat(t, "Wilcoxon W+")?.value, 3026)
        XCTAssertEqual(stat(t, "Wilcoxon W+")?.p ?? 0, 3.1760900313e-09, accuracy: 1e-14)
        XCTAssertEqual(stat(t, "Wilcoxon W+")?.method?.en, "normal approximation, tie-corrected, no continuity correction")
        XCTAssertEqual(stat(t, "Sign test (up)")?.p ?? 0, 8.54234095372e-09, accuracy: 1e-14)
        XCTAssertEqual(stat(t, "Rank-biserial r")?.value ?? 0, 0.695238095238, accuracy: 1e-9)
        XCTAssertEqual(stat(t, "Cohen's d_z")?.value ?? 0, 0.530065468966, accuracy: 1e-9)
    }

    func testAttritionComparesDropOutsWithCompleters() {
        let t = run("survey | attrition pre_motiv -> post_motiv on id")
        XCTAssertEqual(values(t, "variable").first, "pre_motiv")
        XCTAssertEqual(number(t, "left"), 3.5, accuracy: 1e-9)
        XCTAssertEqual(number(t, "completers"), 2.666667, accuracy: 1e-6)
        XCTAssertEqual(number(t, "difference"), 0.833333, accuracy: 1e-6)
        XCTAssertEqual(number(t, "n_left"), 4)
        XCTAssertEqual(number(t, "n_completers"), 12)
        XCTAssertTrue(values(t, "variable").contains("entry_route = employer (%)"))
        XCTAssertFalse(values(t, "variable").contains { $0.hasPrefix("post_") })
    }

    func testAttritionFisherOnEntryRouteIsOne() {
        let t = run("survey | attrition pre_motiv -> post_motiv on id")
        let row = values(t, "variable").firstIndex(of: "entry_route = employer (%)")!
        XCTAssertEqual(number(t, "p", row: row), 1, accuracy: 1e-9)
        XCTAssertEqual(number(t, "left", row: row), 50, accuracy: 1e-9)
        XCTAssertEqual(t.column(named: "p")?.format, .pValue, "printed as a p-value, not a plain decimal")
    }

    func testLongDeltaPairsOnTheKeyMinusThePhase() {
        let t = table("responses | delta score by phase")
        XCTAssertEqual(values(t, "n"), ["7"])
        XCTAssertEqual(values(t, "pre_only"), ["4"])
        XCTAssertEqual(values(t, "post_only"), ["1"])
        XCTAssertTrue(t.notes.contains { $0.en.contains("participant P02 (OH1") || $0.en.contains("P03 (3, dropped_out)") }, "\(t.notes.map(\.en))")
    }

    func testPerParticipantListsEachPersonsChange() {
        let t = table("responses | where item == \"overall\" | delta score by phase per participant")
        XCTAssertEqual(values(t, "participant"), ["P01", "P02", "P03", "P08"])
        XCTAssertEqual(values(t, "change"), ["1", "1", "NA", "0"])
        XCTAssertEqual(t.statistics.count, 1)
    }

    func testPhasesCanBeNamedAndReversed() {
        let t = table("responses | delta score by phase \"post\" -> \"pre\"")
        XCTAssertTrue(t.notes[0].en.hasPrefix("post -> pre (as written)"))
    }

    func testNoKeyAndNoOnIsAnError() {
        let message = diagnostic("participants | select grade, entry_route | delta grade by entry_route")
        XCTAssertTrue(message.contains("no declared key"), message)
    }

    func testUnknownColumnSuggestsTheClosest() {
        let message = diagnostic("responses | delta scor by phase")
        XCTAssertTrue(message.contains("there is no column \"scor\""), message)
        XCTAssertTrue(message.contains("did you mean \"score\"?"), message)
    }

    func testAPhaseColumnWithMoreThanTwoValuesAsksWhichTwo() {
        let message = diagnostic("responses | delta score by item on participant")
        XCTAssertTrue(message.contains("item has 3 values"), message)
        XCTAssertTrue(message.contains("say which"), message)
    }

    func testAnUnorderedValueGivesThePairedTableNotAMean() {
        // area is a property of the item, so no pair changes it: the paired table says so.
        let t = table("responses | delta area by phase")
        XCTAssertNil(t.column(named: "change"), "no mean change of categories")
        XCTAssertTrue(t.notes.map(\.en).joined().contains("area is categorical, so its change is the paired table"))
        XCTAssertTrue(t.statistics.first?.notes.map(\.en).joined().contains("no change to test") ?? false)
        XCTAssertTrue(diagnostic("responses | delta item by phase").contains("\"item\" pairs the rows"))
    }

    func testAPhaseValueThatDoesNotExistSuggestsOne() {
        let message = diagnostic("responses | delta score by phase \"pre\" -> \"pots\"")
        XCTAssertTrue(message.contains("did you mean \"post\"?"), message)
    }

    func testWithoutACodebookPreAndPostAreTakenInTheirKnownOrder() throws {
        // "post" sorts before "pre" and comes first in the file; the change is still post - pre.
        let csv = "id,phase,score\n1,post,5\n1,pre,3\n2,post,4\n2,pre,4\n"
        let table = try CSVReader.read(bytes: Array(csv.utf8), file: "wide.csv", name: "w")
        var workspace = Workspace()
        workspace.add(table)
        var session = Session(workspace: workspace)
        let result = try XCTUnwrap(try session.run("w | delta score by phase on id").first?.table)
        XCTAssertEqual(result.column(named: "change")?.data.number(at: 0), 1)
        XCTAssertTrue(result.notes[0].en.hasPrefix("pre -> post (recognised by name)"), result.notes[0].en)
    }

    func testWithoutACodebookOtherPhaseNamesAreAlphabeticalAndSaySo() throws {
        let csv = "id,wave,score\n1,spring,5\n1,autumn,3\n"
        let table = try CSVReader.read(bytes: Array(csv.utf8), file: "w.csv", name: "w")
        var workspace = Workspace()
        workspace.add(table)
        var session = Session(workspace: workspace)
        let result = try XCTUnwrap(try session.run("w | delta score by wave on id").first?.table)
        XCTAssertTrue(result.notes[0].en.hasPrefix("autumn -> spring (alphabetical order, as no codebook gives one)"), result.notes[0].en)
    }

    func testPerThePhaseColumnIsRefused() {
        XCTAssertTrue(diagnostic("responses | delta score by phase per phase")
            .contains("a pair spans both phases, so it cannot be split per phase"))
    }

    /// Past `PairedChange.tallyThreshold` units a group's tests are counted by unit
    /// (`UnitChangeTally`); they agree with the tests on arrays of the unit means made here.
    func testUnitTallyMatchesTheTestsOnUnitMeans() throws {
        var person: [UInt32] = [], item: [UInt32] = [], area: [UInt32] = [], phase: [UInt32] = [], score: [Int64] = []
        var state: UInt64 = 11
        func next(_ m: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(m))
        }
        // Per area and participant: Σpre, Σpost and pairs, as the reduction takes them.
        var sums: [[Int: (pre: Int, post: Int, k: Int)]] = [[:], [:]]
        let participants = 2500
        for p in 0..<participants {
            for i in 0..<6 {
                let a = i / 3
                let before = next(5) + 1
                let after = min(5, max(1, before + next(3) - 1 + (a == 0 && next(3) == 0 ? 1 : 0)))
                // Some answers are missing after, so units have 1–3 pairs per area.
                let missing = next(5) == 0
                for (ph, value) in [(0, before), (1, after)] {
                    person.append(UInt32(p + 1)); item.append(UInt32(i + 1)); area.append(UInt32(a + 1))
                    phase.append(UInt32(ph + 1))
                    score.append(ph == 1 && missing ? Missing.integer : Int64(value))
                }
                if !missing {
                    let old = sums[a][p] ?? (0, 0, 0)
                    sums[a][p] = (old.pre + before, old.post + after, old.k + 1)
                }
            }
        }
        func categorical(_ codes: [UInt32], _ names: [String]) -> ColumnData {
            .categorical(CategoricalData(codes: Codes(codes, levelCount: names.count), levels: names.map { Level(value: $0) }), ordered: false)
        }
        var workspace = Workspace()
        workspace.add(Table(name: "r", columns: [
            Column(name: "participant", data: categorical(person, (0..<participants).map { "P\($0)" })),
            Column(name: "item", data: categorical(item, (1...6).map { "I\($0)" })),
            Column(name: "area", data: categorical(area, ["a", "b"])),
            Column(name: "phase", data: categorical(phase, ["pre", "post"])),
            Column(name: "score", data: .integer(score)),
        ]))
        var session = Session(workspace: workspace)
        let table = try XCTUnwrap(try session.run("r | delta score by phase per area on participant, item").last?.table)
        for a in 0..<2 {
            let units = sums[a].keys.sorted().map { sums[a][$0]! }
            let pre = units.map { Double($0.pre) / Double($0.k) }, post = units.map { Double($0.post) / Double($0.k) }
            let change = units.map { Double($0.post - $0.pre) / Double($0.k) }
            let w = try WilcoxonSignedRankTest(differences: change)
            let t = try PairedTTest(pre: pre, post: post)
            let s = try SignTest(pre: pre, post: post)
            XCTAssertTrue(table.statistics[a].title.en.hasSuffix("(\(units.count) by participant)"), table.statistics[a].title.en)
            XCTAssertEqual(stat(table, "Wilcoxon W+", block: a)?.value, w.statistic)
            XCTAssertEqual(stat(table, "Wilcoxon W+", block: a)?.p ?? .nan, w.pValue, accuracy: 1e-12 + 1e-9 * w.pValue)
            XCTAssertEqual(stat(table, "Wilcoxon z", block: a)?.value ?? .nan, w.normalApproximation.statistic, accuracy: 1e-9)
            XCTAssertEqual(stat(table, "Paired t", block: a)?.value ?? .nan, t.statistic, accuracy: 1e-9)
            XCTAssertEqual(stat(table, "Paired t", block: a)?.p ?? .nan, t.pValue, accuracy: 1e-12 + 1e-9 * t.pValue)
            XCTAssertEqual(stat(table, "Cohen's d_z", block: a)?.value ?? .nan, t.cohensDz, accuracy: 1e-12)
            XCTAssertEqual(stat(table, "95% CI lower", block: a)?.value ?? .nan, t.confidenceInterval.lowerBound, accuracy: 1e-12)
            XCTAssertEqual(stat(table, "Sign test (up)", block: a)?.value, s.statistic)
            XCTAssertEqual(stat(table, "Sign test (up)", block: a)?.p ?? .nan, s.pValue, accuracy: 1e-12)
            XCTAssertEqual(stat(table, "Rank-biserial r", block: a)?.value ?? .nan, w.rankBiserial, accuracy: 1e-12)
        }
    }

    /// Past half a million rows the two phases are paired on their own cores: the same pairs,
    /// and a duplicate in either phase is still the first one in row order.
    func testLongTablePairsOnBothCoresAndFindsTheFirstDuplicate() throws {
        let participants = 25_000
        var person: [UInt32] = [], item: [UInt32] = [], phase: [UInt32] = [], score: [Int64] = []
        var missing = 0
        for p in 0..<participants {
            for ph in 0..<2 {
                for i in 0..<12 {
                    person.append(UInt32(p + 1)); item.append(UInt32(i + 1)); phase.append(UInt32(ph + 1))
                    let gone = ph == 1 && (p * 12 + i) % 7 == 0
                    if gone { missing += 1 }
                    score.append(gone ? Missing.integer : Int64((p + i * ph) % 5 + 1))
                }
            }
        }
        func workspace(_ item: [UInt32]) -> Workspace {
            func categorical(_ codes: [UInt32], _ names: [String]) -> ColumnData {
                .categorical(CategoricalData(codes: Codes(codes, levelCount: names.count), levels: names.map { Level(value: $0) }), ordered: false)
            }
            var workspace = Workspace()
            workspace.add(Table(name: "r", columns: [
                Column(name: "participant", data: categorical(person, (1...participants).map { "P\($0)" })),
                Column(name: "item", data: categorical(item, (1...12).map { "I\($0)" })),
                Column(name: "phase", data: categorical(phase, ["pre", "post"])),
                Column(name: "score", data: .integer(score)),
            ]))
            return workspace
        }
        XCTAssertGreaterThanOrEqual(person.count, Parallel.minimumRows)
        var session = Session(workspace: workspace(item))
        let table = try XCTUnwrap(try session.run("r | delta score by phase on participant, item").last?.table)
        XCTAssertEqual(number(table, "n"), Double(participants * 12 - missing))
        XCTAssertEqual(number(table, "pre_only"), Double(missing))
        XCTAssertEqual(number(table, "post_only"), 0)
        // P20001's post I2 made a second I1 (row 480 024 + 12 + 1), and P3's pre I5 a second I4
        // (row 24 · 2 + 4): the pre duplicate comes first.
        var twice = item
        twice[20_000 * 24 + 12 + 1] = 1
        twice[2 * 24 + 4] = 4
        var broken = Session(workspace: workspace(twice))
        XCTAssertThrowsError(try broken.run("r | delta score by phase on participant, item")) { error in
            XCTAssertEqual((error as? Diagnostic)?.message,
                           "two rows have participant P3, item I4 in phase pre, so they cannot be paired; pair on more columns with on <column>, ...")
        }
        twice[2 * 24 + 4] = 5
        var late = Session(workspace: workspace(twice))
        XCTAssertThrowsError(try late.run("r | delta score by phase on participant, item")) { error in
            XCTAssertEqual((error as? Diagnostic)?.message,
                           "two rows have participant P20001, item I1 in phase post, so they cannot be paired; pair on more columns with on <column>, ...")
        }
    }

    /// Between groups in a large sample (over 5,000 units, every group at least 30) the
    /// Kruskal–Wallis p is the chi-square approximation, as R's kruskal.test gives it, and the
    /// note and method say so in both languages (not "a seeded Monte Carlo estimate").
    func testBetweenGroupsInALargeSampleUsesTheChiSquareApproximation() throws {
        let participants = 6_300
        var person: [UInt32] = [], org: [UInt32] = [], phase: [UInt32] = [], score: [Int64] = []
        var state: UInt64 = 7
        func next(_ n: UInt64) -> Int64 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int64((state >> 33) % n)
        }
        for p in 0..<participants {
            for ph in 0..<2 {
                person.append(UInt32(p + 1))
                org.append(UInt32(p % 3 + 1))
                phase.append(UInt32(ph + 1))
                score.append(1 + next(5) + (ph == 1 && p % 3 == 0 ? next(2) : 0))
            }
        }
        func categorical(_ codes: [UInt32], _ names: [String]) -> ColumnData {
            .categorical(CategoricalData(codes: Codes(codes, levelCount: names.count), levels: names.map { Level(value: $0) }), ordered: false)
        }
        var workspace = Workspace()
        workspace.add(Table(name: "r", columns: [
            Column(name: "participant", data: categorical(person, (0..<participants).map { "P\($0)" })),
            Column(name: "org", data: categorical(org, ["a", "b", "c"])),
            Column(name: "phase", data: categorical(phase, ["pre", "post"])),
            Column(name: "score", data: .integer(score)),
        ]))
        var session = Session(workspace: workspace)
        let table = try XCTUnwrap(try session.run("r | delta score by phase per org on participant").last?.table)
        let between = try XCTUnwrap(table.statistics.first { $0.title.en.hasPrefix("Between groups") })
        let h = try XCTUnwrap(between.entries.first { $0.name.en == "Kruskal–Wallis H" })
        XCTAssertEqual(h.method?.en, "asymptotic chi-square (n = 6300, smallest group 2100)")
        XCTAssertEqual(h.method?.fi, "asymptoottinen khiin neliö (n = 6300, pienin ryhmä 2100)")
        XCTAssertEqual(h.p ?? .nan, ChiSquaredDistribution.sf(h.value ?? .nan, df: 2), accuracy: 1e-15)
        let note = try XCTUnwrap(between.notes.first { $0.en.hasPrefix("Kruskal–Wallis") })
        XCTAssertEqual(note.en, "Kruskal–Wallis: H tie-corrected; p from the chi-square approximation on 2 df, as R's kruskal.test (a large sample).")
        XCTAssertFalse(note.fi.contains("Monte Carlo"), note.fi)
    }
}
