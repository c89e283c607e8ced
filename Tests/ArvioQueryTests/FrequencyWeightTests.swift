import ArvioData
@testable import ArvioQuery
import XCTest

/// `freq`, `describe` and `associate` with `weight n` against R on the counts expanded with
/// rep() (Tests/Fixtures/weights/weights.R writes the CSVs and reference.txt): R's own
/// UCBAdmissions data frame of counts, and MASS::survey's heights counted by sex and height.
final class FrequencyWeightTests: XCTestCase {
    private static let fixtures: String = {
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)
        return parts.joined(separator: "/") + "/Tests/Fixtures/weights/"
    }()

    private static let reference: [String: Double] = {
        let text = (try? String(contentsOfFile: fixtures + "reference.txt", encoding: .utf8)) ?? ""
        var values: [String: Double] = [:]
        for line in text.split(separator: "\n") {
            let parts = line.split(separator: " ")
            if parts.count == 2, let v = Double(parts[1]) { values[String(parts[0])] = v }
        }
        return values
    }()

    private func r(_ name: String) throws -> Double { try XCTUnwrap(Self.reference[name], "reference.txt has no \(name)") }

    private func run(_ source: String) throws -> Table {
        var workspace = Workspace()
        workspace.add(try CSVReader.read(path: Self.fixtures + "ucb.csv", name: "ucb"))
        workspace.add(try CSVReader.read(path: Self.fixtures + "survey_height.csv", name: "heights"))
        var session = Session(workspace: workspace)
        let results = try session.run(source)
        return try XCTUnwrap(results.last?.table)
    }

    private func numbers(_ table: Table, _ column: String) throws -> [Double?] {
        let c = try XCTUnwrap(table.column(named: column), "no column \(column)")
        return (0..<table.rowCount).map { c.data.number(at: $0) }
    }

    func testFreqCountsCasesAsRsXtabs() throws {
        let t = try run("ucb | freq Dept weight Freq")
        let n = try numbers(t, "n")
        for (i, dept) in ["A", "B", "C", "D", "E", "F"].enumerated() {
            XCTAssertEqual(n[i], try r("ucb.freq.\(dept)"), dept)
        }
        XCTAssertEqual(n.last, 4526)
        XCTAssertTrue(t.notes.contains { $0.en.contains("weighted by Freq") && $0.en.contains("4526 cases from 24 rows") }, "\(t.notes)")
    }

    func testFreqWithWeightAndIntervalsInAnyOrder() throws {
        let t = try run("ucb | freq Admit ci weight Freq rows")
        XCTAssertEqual(try numbers(t, "n").first ?? nil, 1755)
        XCTAssertNotNil(t.column(named: "ci_low"))
    }

    func testCrosstabOnRsDataFrameOfCounts() throws {
        let t = try run("ucb | crosstab Admit by Gender weight Freq")
        let entries = t.statistics.flatMap(\.entries)
        let pearson = try XCTUnwrap(entries.first { $0.name.en == "Pearson chi-square" })
        XCTAssertEqual(try XCTUnwrap(pearson.value), try r("ucb.pearson"), accuracy: 1e-6)
        XCTAssertEqual(try XCTUnwrap(pearson.p) / (try r("ucb.pearsonP")), 1, accuracy: 1e-6)
        let fisher = try XCTUnwrap(entries.first { $0.name.en == "Fisher's exact test" })
        XCTAssertEqual(try XCTUnwrap(fisher.p) / (try r("ucb.fisherP")), 1, accuracy: 1e-6)
    }

    func testDescribeOfCountedHeightsIsDescribeOfTheStudents() throws {
        let t = try run("heights | describe Height by Sex weight n")
        for (row, sex) in ["Female", "Male"].enumerated() {
            XCTAssertEqual(try numbers(t, "n")[row], try r("height.\(sex).n"))
            for name in ["mean", "sd", "q1", "median", "q3"] {
                XCTAssertEqual(try XCTUnwrap(try numbers(t, name)[row]), try r("height.\(sex).\(name)"), accuracy: 1e-6, "\(sex) \(name)")
            }
        }
        let six = try run("heights | describe Height by Sex quartiles 6 weight n")
        XCTAssertEqual(try XCTUnwrap(try numbers(six, "q1")[0]), try r("height.Female.q1type6"), accuracy: 1e-6)
        XCTAssertEqual(try XCTUnwrap(try numbers(six, "q1")[1]), try r("height.Male.q1type6"), accuracy: 1e-6)
    }

    func testUnweightedDescribeCountsRows() throws {
        let t = try run("heights | describe Height by Sex")
        XCTAssertEqual(try numbers(t, "n").reduce(0) { $0 + ($1 ?? 0) }, 84)
    }

    func testAssociateWeighsAndLeavesTheWeightOut() throws {
        let t = try run("heights | associate Sex weight n")
        let column = try XCTUnwrap(t.column(named: "column"))
        XCTAssertEqual(t.rowCount, 1, "only Height: the weight is not associated")
        guard case .text(let names) = column.data else { return XCTFail("column is \(column.type)") }
        XCTAssertEqual(names[0], "Height")
        XCTAssertEqual(try numbers(t, "n")[0], 208)
        XCTAssertEqual(abs(try XCTUnwrap(try numbers(t, "value")[0])), try r("height.rankBiserial.MaleVsFemale"), accuracy: 1e-6)
    }

    func testBadWeightsAreClearErrors() throws {
        XCTAssertThrowsError(try run("heights | derive w = n / 2 | describe Height weight w")) { error in
            XCTAssertTrue("\(error)".contains("must be a whole number"), "\(error)")
        }
        XCTAssertThrowsError(try run("ucb | freq Dept weight Gender")) { error in
            XCTAssertTrue("\(error)".contains("is not a number column"), "\(error)")
        }
        XCTAssertThrowsError(try run("ucb | freq Dept weight")) { error in
            XCTAssertTrue("\(error)".contains("a count column after \"weight\""), "\(error)")
        }
        XCTAssertThrowsError(try run("ucb | derive w = Freq * 100000 | freq Dept weight w")) { error in
            XCTAssertTrue("\(error)".contains("more than"), "\(error)")
        }
        // Whole, but past what an Int or a Double counts exactly: too large, not "not whole".
        for big in ["9e18", "1e300"] {
            XCTAssertThrowsError(try run("ucb | derive w = Freq * \(big) | freq Dept weight w")) { error in
                let message = (error as? Diagnostic)?.message ?? "\(error)"
                XCTAssertTrue(message.contains("in row 1, which is too large; a frequency weight counts cases, fewer than 10^15 for one row"), message)
                XCTAssertFalse(message.contains("whole number"), message)
                XCTAssertEqual(DiagnosticFinnish.translate(message).components(separatedBy: "; ").last,
                               "frekvenssipaino laskee tapauksia, alle 10^15 yhdelle riville")
                let finnish = DiagnosticFinnish.translate(message)
                XCTAssertTrue(finnish.hasPrefix("paino \"w\" on ") && finnish.contains(" rivillä 1, mikä on liian suuri; "), finnish)
            }
        }
    }
}
