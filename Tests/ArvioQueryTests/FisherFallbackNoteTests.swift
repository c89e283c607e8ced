import ArvioData
import ArvioStats
@testable import ArvioQuery
import XCTest

/// When Fisher's p is a Monte Carlo estimate, `crosstab` says why in a note, in both languages.
final class FisherFallbackNoteTests: XCTestCase {
    func testEachBudgetIsNamed() {
        let time = CrosstabStatistics.fallbackNote(.time(10))
        XCTAssertEqual(time.en, "Fisher's p is a Monte Carlo estimate, not exact: the exact network ran for its 10 s budget")
        XCTAssertEqual(time.fi, "Fisherin p on Monte Carlo -arvio, ei tarkka: tarkka verkkoalgoritmi käytti 10 s:n aikarajansa")
        XCTAssertTrue(CrosstabStatistics.fallbackNote(.memory(512 << 20)).en.hasSuffix("more than its 512 MB budget"))
        XCTAssertTrue(CrosstabStatistics.fallbackNote(.tooLarge).en.hasSuffix("would take far longer than its budget"))
        XCTAssertTrue(CrosstabStatistics.fallbackNote(.time(0.3)).en.hasSuffix("its 0.3 s budget"))
    }

    /// Through the verb: caith's eye × hair counts (MASS, 4×5, n = 5,387) as a counted table,
    /// which the network sizes at once as far beyond its budget.
    func testCrosstabOfCaithCarriesTheNote() throws {
        let eyes = ["blue", "light", "medium", "dark"], hair = ["fair", "red", "medium", "dark", "black"]
        let counts = [[326, 38, 241, 110, 3], [688, 116, 584, 188, 4], [343, 84, 909, 412, 26], [98, 48, 403, 681, 85]]
        var csv = "eyes,hair,n\n"
        for (i, e) in eyes.enumerated() { for (j, h) in hair.enumerated() { csv += "\(e),\(h),\(counts[i][j])\n" } }
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("caith-\(UUID().uuidString).csv").path
        try csv.write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        var workspace = Workspace()
        workspace.add(try CSVReader.read(path: path, name: "caith"))
        var session = Session(workspace: workspace)
        let table = try XCTUnwrap(try session.run("caith | crosstab eyes by hair weight n").last?.table)
        let independence = try XCTUnwrap(table.statistics.first { $0.title.en == "Tests of independence" })
        XCTAssertTrue(independence.notes.contains { $0.en == "Fisher's p is a Monte Carlo estimate, not exact: the exact network would take far longer than its budget" },
                      "\(independence.notes.map(\.en))")
        let fisher = try XCTUnwrap(independence.entries.first { $0.name.en.hasPrefix("Fisher") })
        XCTAssertTrue(fisher.method?.en.contains("none as extreme, p < 1/(B+1)") == true, fisher.method?.en ?? "")
    }
}
