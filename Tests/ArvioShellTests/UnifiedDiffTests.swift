import XCTest
@testable import ArvioShell

final class UnifiedDiffTests: XCTestCase {
    func testEqualTextsHaveNoDiff() {
        XCTAssertEqual(UnifiedDiff.make(old: "a\nb\n", new: "a\nb\n", oldName: "x", newName: "y"), "")
    }

    func testAChangedLineShowsWithItsContextAsDiffDoes() {
        let old = (1...10).map { "line \($0)" }.joined(separator: "\n") + "\n"
        let new = old.replacingOccurrences(of: "line 5\n", with: "line five\n")
        XCTAssertEqual(UnifiedDiff.make(old: old, new: new, oldName: "a", newName: "b"), """
            --- a
            +++ b
            @@ -2,7 +2,7 @@
             line 2
             line 3
             line 4
            -line 5
            +line five
             line 6
             line 7
             line 8

            """)
    }

    func testChangesFarApartMakeTwoHunksAsDiffUPrintsThem() {
        // Expected hunk headers from GNU diff -u on the same two files.
        let old = (1...20).map(String.init).joined(separator: "\n")
        var lines = (1...20).map(String.init)
        lines[1] = "two"
        lines.append("21")
        let diff = UnifiedDiff.make(old: old, new: lines.joined(separator: "\n"), oldName: "a", newName: "b")
        XCTAssertEqual(diff.components(separatedBy: "\n").filter { $0.hasPrefix("@@") },
                       ["@@ -1,5 +1,5 @@", "@@ -18,3 +18,4 @@"])
    }
}
