import ArvioData
@testable import ArvioQuery
import Foundation
import XCTest

/// Scale scores: `scale_mean`/`scale_sum` row by row on wide data against R's rowMeans/rowSums
/// (Tests/Fixtures/reliability/reference.R), and the `scale` verb per respondent on long data.
final class ScaleScoreTests: XCTestCase {
    private func run(_ source: String, builtIn: Bool = false) throws -> Table {
        var workspace = Workspace()
        if builtIn {
            workspace = try DatasetLoader.load(directory: DeltaTests.root + "/datasets/wire3")
        } else {
            workspace.add(try CSVReader.read(path: ReliabilityTests.folder + "bfi-agreeableness.csv", name: "bfi"))
            workspace.add(try CSVReader.read(path: ReliabilityTests.folder + "bfi-agreeableness-long.csv", name: "bfi_long"))
        }
        var session = Session(workspace: workspace)
        let results = try session.run(source)
        return try XCTUnwrap(results.last?.table)
    }

    private func error(_ source: String) -> String {
        do { _ = try run(source); return "" } catch { return "\(error)" }
    }

    private func reference(_ key: String) throws -> [Double] {
        let data = try Data(contentsOf: URL(fileURLWithPath: ReliabilityTests.folder + "reference.json"))
        let root = try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
        return try XCTUnwrap(root[key] as? [Any]).map { ($0 as? NSNumber)?.doubleValue ?? .nan }
    }

    private func column(_ t: Table, _ name: String) -> [Double] {
        (0..<t.rowCount).map { t.column(named: name)?.data.number(at: $0) ?? .nan }
    }

    private func assertSame(_ ours: [Double], _ theirs: [Double], file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(ours.count, theirs.count, file: file, line: line)
        for (a, b) in zip(ours, theirs) {
            if b.isNaN { XCTAssertTrue(a.isNaN, "\(a) should be missing", file: file, line: line) }
            else { XCTAssertEqual(a, b, accuracy: 1e-12, file: file, line: line) }
        }
    }

    func testScaleMeanAndSumWithAMinimumMatchR() throws {
        let t = try run("bfi | where row <= 120 | derive m = scale_mean(reverse(A1, 1, 6), A2, A3, A4, A5, at_least(4)), s = scale_sum(reverse(A1, 1, 6), A2, A3, A4, A5, at_least(4))")
        assertSame(column(t, "m"), try reference("scaleMeanMin4"))
        assertSame(column(t, "s"), try reference("scaleSumMin4"))
    }

    func testTheNoteSaysHowManyRowsWereLeftMissing() throws {
        let t = try run("bfi | where row <= 120 | derive m = scale_mean(reverse(A1, 1, 6), A2, A3, A4, A5)")
        XCTAssertEqual(column(t, "m").filter(\.isNaN).count, 2, "every item by default")
        XCTAssertTrue(t.notes.contains { $0.en.contains("where all 5 items are answered; reversed: A1; 2 of 120 (rows) left missing") }, "\(t.notes)")
    }

    func testTheScaleVerbOnLongDataGivesTheSameScoresPerRespondent() throws {
        let t = try run("bfi_long | scale answer by item on row into m min 4 reverse A1 scale 1 to 6")
        XCTAssertEqual(t.key, ["row"])
        assertSame(column(t, "m"), try reference("scaleMeanMin4"))
    }

    func testALongScaleScoreGoesStraightIntoDelta() throws {
        let t = try run("responses | where area == \"Asiakkaan ohjaus\" | scale score by item into guidance | delta guidance by phase", builtIn: true)
        XCTAssertEqual(t.column(named: "n")?.data.number(at: 0), 12)
        XCTAssertEqual(t.statistics[0].title.en, "guidance: pre → post, 12 pairs")
        let scores = try run("responses | where area == \"Asiakkaan ohjaus\" | scale score by item into guidance per area", builtIn: true)
        XCTAssertEqual(scores.key, ["participant", "phase", "area"])
        XCTAssertEqual(scores.rowCount, 28)
    }

    func testTheScaleVerbOnWideDataAddsTheScoreColumn() throws {
        let t = try run("bfi | where row <= 120 | scale A1, A2, A3, A4, A5 into s sum min 4 reverse A1 scale 1 to 6")
        XCTAssertEqual(t.rowCount, 120)
        XCTAssertNotNil(t.column(named: "A3"), "the items stay")
        assertSame(column(t, "s"), try reference("scaleSumMin4"))
    }

    func testBadScaleInputIsAClearError() {
        XCTAssertTrue(error("bfi | scale A1, A2 into s extra").contains("\"into\", \"mean\", \"sum\", \"min\", \"reverse\""))
        XCTAssertTrue(error("bfi | scale A1, A2 into s min 3").contains("min 3 is more than the 2 items"))
        XCTAssertTrue(error("bfi | derive m = scale_mean(A1, reverse(A2))").contains("no declared scale points"))
        XCTAssertTrue(error("bfi | derive m = scale_mean(A1, A1)").contains("listed twice"))
        XCTAssertTrue(error("bfi | derive m = scale_mean(A1, A2 + 1)").contains("takes item columns"))
        XCTAssertTrue(error("bfi | derive m = scale_mean(A1, A2, at_least(3))").contains("more than the 2 items"))
        XCTAssertTrue(error("bfi_long | scale answer by item on row").contains("into <name>"))
    }
}
