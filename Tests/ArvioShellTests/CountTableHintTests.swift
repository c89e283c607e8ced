import XCTest
import ArvioData
@testable import ArvioShell

/// `.load` of a table of counts says how it was read and suggests `weight n`; with it the
/// counts are cases, as R's xtabs(Freq ~ Sex, as.data.frame(Titanic))
/// (Tests/Fixtures/weights/weights.R, reference.txt).
final class CountTableHintTests: XCTestCase {
    private static let fixtures = TestSupport.root + "/Tests/Fixtures/"

    private func run(_ script: String) -> (Interpreter.Outcome, String) {
        let (shell, out) = TestSupport.interpreter()
        let outcome = shell.run(script, file: "t")
        return (outcome, out.text)
    }

    private func reference(_ name: String) throws -> String {
        let text = try String(contentsOfFile: Self.fixtures + "weights/reference.txt", encoding: .utf8)
        let line = try XCTUnwrap(text.split(separator: "\n").first { $0.hasPrefix(name + " ") })
        return String(line.split(separator: " ")[1])
    }

    func testTitanicCountsAreNamedOnLoadAndCountedWithWeight() throws {
        let (outcome, text) = run(".load \(Self.fixtures)titanic/titanic.csv\ntitanic | freq Sex weight n")
        XCTAssertEqual(outcome, .succeeded, text)
        XCTAssertTrue(text.contains("loaded titanic: 8 rows, 4 columns; n looks like a count (the only number column, whole numbers, one row per Sex × Age × Survived); each row is read as one case: add weight n to crosstab, freq, describe or associate to count its 2201 cases"), text)
        let male = try XCTUnwrap(text.split(separator: "\n").first { $0.hasPrefix("Male ") })
        XCTAssertTrue(male.split(separator: " ").contains(Substring(try reference("titanic.freq.Male"))), String(male))
        let female = try XCTUnwrap(text.split(separator: "\n").first { $0.hasPrefix("Female ") })
        XCTAssertTrue(female.split(separator: " ").contains(Substring(try reference("titanic.freq.Female"))), String(female))
    }

    func testRsDataFrameOfUCBAdmissionsIsNamedByItsFreqColumn() {
        let (_, text) = run(".load \(Self.fixtures)weights/ucb.csv")
        XCTAssertTrue(text.contains("Freq looks like a count") && text.contains("its 4526 cases"), text)
    }

    func testAFolderWithATableOfCountsNamesIt() throws {
        let dir = TestSupport.temporaryDirectory()
        try String(contentsOfFile: Self.fixtures + "titanic/titanic.csv", encoding: .utf8)
            .write(toFile: dir + "/titanic.csv", atomically: true, encoding: .utf8)
        let codebook = "table,column,type,key,references,values,labels_en,labels_fi,label_en,label_fi\n"
            + "titanic,,,,,,,,Titanic,Titanic\ntitanic,Sex,text,,,,,,Sex,Sukupuoli\ntitanic,Age,text,,,,,,Age,Ikä\n"
            + "titanic,Survived,text,,,,,,Survived,Selvisi\ntitanic,n,integer,,,,,,Count,Lukumäärä\n"
        try codebook.write(toFile: dir + "/codebook.csv", atomically: true, encoding: .utf8)
        let (outcome, text) = run(".load \(dir)")
        XCTAssertEqual(outcome, .succeeded, text)
        XCTAssertTrue(text.contains("titanic (8 rows); titanic: n looks like a count (the only number column, whole numbers, one row per Sex × Age × Survived)"), text)
    }

    func testTablesOfMeasurementsGetNoNote() {
        // Two number columns (heights and counts), and decimals with no count (anorexia).
        let (_, text) = run(".load \(Self.fixtures)weights/survey_height.csv\n.load \(Self.fixtures)anorexia/anorexia.csv")
        XCTAssertFalse(text.contains("looks like a count"), text)
    }

    func testTheRuleItself() {
        func table(_ columns: [Column]) -> Table { Table(name: "t", columns: columns) }
        let ids = Column(name: "id", data: .text(["a", "b", "c"]))
        let group = Column(name: "g", data: .text(["x", "x", "y"]))
        let age = Column(name: "age", data: .integer([30, 41, 30]))
        // An identifier and an age: not counts (the age is not named as one, and id is all distinct).
        XCTAssertNil(CountTableHint.note(for: table([ids, group, age])))
        // A repeated combination is not a table of counts.
        XCTAssertNil(CountTableHint.note(for: table([group, Column(name: "n", data: .integer([1, 2, 3]))])))
        // One factor and a column called n: counts.
        XCTAssertNotNil(CountTableHint.note(for: table([ids, Column(name: "n", data: .integer([4, 0, 2]))])))
        // A negative or missing count is not a count.
        XCTAssertNil(CountTableHint.note(for: table([ids, Column(name: "n", data: .integer([4, -1, 2]))])))
        XCTAssertNil(CountTableHint.note(for: table([ids, Column(name: "n", data: .integer([4, Missing.integer, 2]))])))
        // Counts whose sum passes Int64 (a hostile file) give the note, not a trap.
        let huge = CountTableHint.note(for: table([ids, Column(name: "n", data: .integer([Int64.max - 1, Int64.max - 1, 2]))]))
        XCTAssertTrue(huge?.en.contains("more than \(Int64.max) cases") ?? false, huge?.en ?? "no note")
    }
}
