import ArvioData
@testable import ArvioQuery
import XCTest

/// A number compared with a category reads as the category's name does (`NumberFormat.plain`):
/// 3.0 and 6 / 2 are the category "3", as 3 is.
final class NumberAsCategoryTests: XCTestCase {
    private func count(_ condition: String) throws -> [[String]] {
        var workspace = Workspace()
        workspace.add(Table(name: "t", columns: [Fixtures.categorical("code", ["1", "2", "3", "3", "10"])]))
        var session = Session(workspace: workspace)
        let results = try session.run("t | where \(condition) | count")
        return try rows(XCTUnwrap(results.last?.table))
    }

    func testAWholeDecimalMatchesTheCategoryOfItsWholeNumber() throws {
        XCTAssertEqual(try count("code == 3"), [["2"]])
        XCTAssertEqual(try count("code == 3.0"), [["2"]])
        XCTAssertEqual(try count("code == 6 / 2"), [["2"]])
        XCTAssertEqual(try count("code != 1.0"), [["4"]])
        XCTAssertEqual(try count("code == 1e1"), [["1"]])
    }

    func testADecimalThatIsNoCategoryIsAnErrorNamingTheColumn() {
        XCTAssertThrowsError(try count("code == 2.5")) { error in
            XCTAssertTrue((error as! Diagnostic).message.hasPrefix("\"code\" is categorical; compare it with one of its values in quotes"),
                          (error as! Diagnostic).message)
        }
    }
}
