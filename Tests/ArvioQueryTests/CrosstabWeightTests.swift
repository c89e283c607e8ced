import ArvioData
@testable import ArvioQuery
import XCTest

/// `crosstab ... weight n` on R's Titanic as a table of counts (Tests/Fixtures/titanic: titanic.R
/// writes the CSV and R's chisq.test / fisher.test on xtabs(n ~ Sex + Survived)).
final class CrosstabWeightTests: XCTestCase {
    private static let root: String = {
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)
        return parts.joined(separator: "/")
    }()

    private func run(_ source: String) throws -> Table {
        var workspace = Workspace()
        workspace.add(try CSVReader.read(path: Self.root + "/Tests/Fixtures/titanic/titanic.csv", name: "titanic"))
        var session = Session(workspace: workspace)
        let results = try session.run(source)
        return try XCTUnwrap(results.last?.table)
    }

    private func stat(_ table: Table, _ name: String) -> Statistic? {
        table.statistics.flatMap(\.entries).first { $0.name.en == name }
    }

    func testCountsAreWeightedAndTheTestsMatchR() throws {
        let t = try run("titanic | crosstab Sex by Survived weight n")
        let total = try XCTUnwrap(t.column(named: "total"))
        XCTAssertEqual((0..<t.rowCount).map { total.data.number(at: $0) }, [470, 1731, 2201])
        XCTAssertEqual(t.column(named: "No")?.data.number(at: 0), 126)
        XCTAssertEqual(t.column(named: "Yes")?.data.number(at: 1), 367)
        let pearson = try XCTUnwrap(stat(t, "Pearson chi-square"))
        XCTAssertEqual(try XCTUnwrap(pearson.value), 456.87415626, accuracy: 1e-6)
        XCTAssertEqual(try XCTUnwrap(pearson.p) / 2.30215117836e-101, 1, accuracy: 1e-6)
        let fisher = try XCTUnwrap(stat(t, "Fisher's exact test"))
        XCTAssertEqual(try XCTUnwrap(fisher.p) / 2.69069374686e-96, 1, accuracy: 1e-6)
        XCTAssertTrue(t.notes.contains { $0.en.contains("weighted by n") }, "\(t.notes)")
    }

    func testUnweightedCountsRows() throws {
        let t = try run("titanic | crosstab Sex by Survived")
        XCTAssertEqual(t.column(named: "total")?.data.number(at: 2), 8)
    }

    func testAFractionalOrTextWeightIsAClearError() throws {
        XCTAssertThrowsError(try run("titanic | derive w = n / 2 | crosstab Sex by Survived weight w")) { error in
            XCTAssertTrue("\(error)".contains("must be a whole number"), "\(error)")
        }
        XCTAssertThrowsError(try run("titanic | crosstab Sex by Survived weight Age")) { error in
            XCTAssertTrue("\(error)".contains("is not a number column"), "\(error)")
        }
    }
}
