import XCTest
import ArvioData
@testable import ArvioShell

/// Whole numbers of every stored width, with missing values, saved and loaded back: the values,
/// the missing rows and the narrowest width all come back, whatever the file format.
final class NarrowIntegerSaveTests: XCTestCase {
    private let m = Missing.integer
    /// Columns that take one, two, four and eight bytes, each with a missing value.
    private let csv = "a,s,w,l\n127,-32767,70000,5000000000\n,32767,,-5000000000\n-127,,-2147483647,\n3,3,3,3\n"
    private var expected: [[Int64]] {
        [[127, m, -127, 3], [-32767, 32767, m, 3], [70_000, m, -2_147_483_647, 3], [5_000_000_000, -5_000_000_000, m, 3]]
    }

    private func integers(_ table: Table?) -> [(IntegerValues.Width, [Int64])] {
        (table?.columns ?? []).compactMap { column in
            guard case .integer(let v) = column.data else { return nil }
            return (v.width, v.widened)
        }
    }

    func testEveryWidthAndItsMissingValuesSurviveSaveAndLoad() throws {
        let dir = TestSupport.temporaryDirectory()
        try csv.write(toFile: "\(dir)/n.csv", atomically: true, encoding: .utf8)
        for ext in ["csv", "sav", "xlsx"] {
            let (shell, out) = TestSupport.interpreter()
            XCTAssertEqual(shell.run(".load \(dir)/n.csv as t\n.save t \(dir)/out.\(ext)\n.load \(dir)/out.\(ext) as back", file: "t"),
                           .succeeded, out.text)
            let original = integers(shell.session.workspace.table(named: "t"))
            let back = integers(shell.session.workspace.table(named: "back"))
            XCTAssertEqual(original.map(\.0), [.i8, .i16, .i32, .i64])
            XCTAssertEqual(original.map(\.1), expected)
            XCTAssertEqual(back.map(\.0), [.i8, .i16, .i32, .i64], ext)
            XCTAssertEqual(back.map(\.1), expected, ext)
        }
    }
}
