import ArvioData
@testable import ArvioQuery
import Foundation
import XCTest

/// `reliability` through the language, on psych::bfi (Tests/Fixtures/reliability, computed by
/// R psych 2.2.9 in reference.R) and on small ordinal tables for the declared scale points.
final class ReliabilityTests: XCTestCase {
    static let folder = DeltaTests.root + "/Tests/Fixtures/reliability/"

    private func session() throws -> Session {
        var workspace = Workspace()
        workspace.add(try CSVReader.read(path: Self.folder + "bfi-agreeableness.csv", name: "bfi"))
        workspace.add(try CSVReader.read(path: Self.folder + "bfi-agreeableness-long.csv", name: "bfi_long"))
        workspace.add(Table(name: "answers", columns: [
            Column(name: "id", data: .integer([1, 2, 3, 4, 5, 6])),
            Fixtures.categorical("q1", ["2", "3", "5", "4", "3", "5"], levels: Fixtures.likert, ordered: true),
            Fixtures.categorical("q2", ["5", "3", "2", "2", "4", "2"], levels: Fixtures.likert, ordered: true),
            Fixtures.categorical("q3", ["2", "2", "4", "5", "3", "4"], levels: Fixtures.likert, ordered: true),
            Fixtures.categorical("org", ["a", "b", "a", "b", "a", "b"]),
            Column(name: "k", data: .integer([1, 1, 1, 1, 1, 1])),
        ]))
        return Session(workspace: workspace)
    }

    private func run(_ source: String) throws -> Table {
        var session = try session()
        let results = try session.run(source)
        return try XCTUnwrap(results.last?.table)
    }

    private func error(_ source: String) -> String {
        do { _ = try run(source); return "" } catch { return "\(error)" }
    }

    private func reference(_ index: Int) throws -> [String: Any] {
        let data = try Data(contentsOf: URL(fileURLWithPath: Self.folder + "reference.json"))
        let root = try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
        return try XCTUnwrap((root["cases"] as? [[String: Any]])?[index])
    }

    private func value(_ table: Table, _ name: String, block: Int = 0) -> Double? {
        table.statistics[block].entries.first { $0.name.en == name }?.value
    }

    private func checkAgreeableness(_ t: Table, file: StaticString = #filePath, line: UInt = #line) throws {
        let expected = try reference(0)
        func number(_ key: String) -> Double { (expected[key] as? NSNumber)?.doubleValue ?? .nan }
        func vector(_ key: String) -> [Double] { (expected[key] as? [NSNumber])?.map(\.doubleValue) ?? [] }
        XCTAssertEqual(t.statistics.count, 1, file: file, line: line)
        XCTAssertEqual(t.statistics[0].title.en, "5 items, n = 118, 2 incomplete left out", file: file, line: line)
        for (name, key) in [("Cronbach's α", "alpha"), ("95% CI lower", "feldtLower"), ("95% CI upper", "feldtUpper"),
                            ("Standardized α", "standardizedAlpha"), ("McDonald's ω total", "omegaTotal"), ("Mean inter-item r", "meanR")] {
            XCTAssertEqual(value(t, name) ?? .nan, number(key), accuracy: 1e-6, name, file: file, line: line)
        }
        let itemRest = (0..<5).map { t.column(named: "item_rest")?.data.number(at: $0) ?? .nan }
        let dropped = (0..<5).map { t.column(named: "alpha_if_dropped")?.data.number(at: $0) ?? .nan }
        let means = (0..<5).map { t.column(named: "mean")?.data.number(at: $0) ?? .nan }
        for i in 0..<5 {
            XCTAssertEqual(itemRest[i], vector("itemRest")[i], accuracy: 1e-9, file: file, line: line)
            XCTAssertEqual(dropped[i], vector("alphaIfDropped")[i], accuracy: 1e-9, file: file, line: line)
            XCTAssertEqual(means[i], vector("itemMean")[i], accuracy: 1e-9, file: file, line: line)
        }
        XCTAssertTrue(t.statistics[0].notes.contains { $0.en.contains("A1 (7 − answer)") }, file: file, line: line)
    }

    func testWideItemsWithAReversedItemMatchPsych() throws {
        try checkAgreeableness(run("bfi | where row <= 120 | reliability A1, A2, A3, A4, A5 reverse A1 scale 1 to 6"))
    }

    func testLongDataIsPivotedPerRespondentAndMatchesTheWideResult() throws {
        let t = try run("bfi_long | reliability answer by item on row reverse A1 scale 1 to 6")
        try checkAgreeableness(t)
        XCTAssertTrue(t.notes.contains { $0.en.contains("respondents (row)") })
    }

    func testAnUnreversedNegativeItemIsNamedAsPsychWarns() throws {
        let t = try run("bfi | where row <= 120 | reliability A1, A2, A3, A4, A5")
        XCTAssertEqual(value(t, "Cronbach's α") ?? .nan, (try reference(1)["alpha"] as? NSNumber)?.doubleValue ?? .nan, accuracy: 1e-9)
        XCTAssertTrue(t.statistics[0].notes.contains { $0.en.contains("not reversed: A1 (r = -0.314)") }, "\(t.statistics[0].notes)")
    }

    func testAZeroVarianceItemIsLeftOutWithANoteAndNoNaN() throws {
        let t = try run("bfi | where A2 == 6 | reliability A1, A2, A3, A4, A5 reverse A1 scale 1 to 6")
        XCTAssertEqual(value(t, "Cronbach's α") ?? .nan, (try reference(2)["alpha"] as? NSNumber)?.doubleValue ?? .nan, accuracy: 1e-9)
        XCTAssertEqual(t.statistics[0].title.en.prefix(7), "4 items")
        XCTAssertTrue(t.statistics[0].notes.contains { $0.en.hasPrefix("A2: every respondent gave the same answer") })
        XCTAssertNil(value(t, "McDonald's ω total"), "a Heywood case here")
        XCTAssertEqual(t.column(named: "sd")?.data.number(at: 1), 0)
        for entry in t.statistics[0].entries { XCTAssertFalse(entry.value?.isNaN ?? false, entry.name.en) }
    }

    func testTwoItemsGiveAlphaAndExplainWhyThereIsNoOmega() throws {
        let t = try run("bfi | where row <= 120 | reliability A2, A3")
        XCTAssertEqual(value(t, "Cronbach's α") ?? .nan, (try reference(3)["alpha"] as? NSNumber)?.doubleValue ?? .nan, accuracy: 1e-9)
        XCTAssertNil(value(t, "McDonald's ω total"))
        XCTAssertTrue(t.statistics[0].notes.contains { $0.en.hasPrefix("ω needs at least three items") })
    }

    func testOrdinalItemsReverseOnTheirDeclaredPointsNotTheObservedRange() throws {
        // q1 is answered 2..5 only; its scale is 1..5, so reversed answers are 6 − x, not 7 − x.
        let t = try run("answers | reliability q1, q2, q3 reverse q1")
        XCTAssertEqual(t.column(named: "mean")?.data.number(at: 0) ?? .nan, 6 - 22.0 / 6, accuracy: 1e-12)
        XCTAssertTrue(t.statistics[0].notes.contains { $0.en.contains("q1 (6 − answer)") })
    }

    func testPerGivesOneBlockPerGroup() throws {
        let t = try run("answers | reliability q1, q2, q3 per org")
        XCTAssertEqual(t.statistics.map { String($0.title.en.prefix(8)) }, ["org = a:", "org = b:"])
        XCTAssertEqual(t.rowCount, 6)
    }

    func testBadInputIsAClearError() {
        XCTAssertTrue(error("answers | reliability q1, org").contains("\"org\" is categorical"))
        XCTAssertTrue(error("bfi | reliability A1, A2, A3 reverse A1").contains("no declared scale points"))
        XCTAssertTrue(error("answers | reliability q1, q2 reverse q3").contains("\"q3\" is not one of the items"))
        XCTAssertTrue(error("answers | reliability q1, k").contains("fewer than two"))
        XCTAssertTrue(error("bfi_long | reliability answer by item").contains("no declared key"))
        XCTAssertTrue(error("bfi_long | reliability answer by item on item").contains("cannot also identify"))
        XCTAssertTrue(error("answers | reliability q1").contains("more item columns"))
    }
}
