import ArvioData
import XCTest

/// How `freq` prints on the built-in data, in English and Finnish.
final class FreqGoldenTests: XCTestCase {
    func testOrg() {
        assertGolden(output(of: "participants | freq org"), "freq/org.txt")
    }

    func testOrdinalScaleInFinnish() {
        assertGolden(output(of: #"responses | where item == "overall" and phase == "post" | freq score"#, language: .fi),
                     "freq/overall-post-score.fi.txt")
    }

    func testGradeWithMissingAsJSON() {
        assertGolden(output(of: ".format json\nparticipants | freq grade"), "freq/grade.json")
    }
}
