import ArvioData
import XCTest

/// How `describe` prints on the built-in data.
final class DescribeGoldenTests: XCTestCase {
    func testScoreByAreaAtTheStart() {
        assertGolden(output(of: #"responses | where phase == "pre" | describe score by area"#, width: 132),
                     "describe/pre-score-by-area.txt")
    }

    func testGradeAndSessionsByEntryRouteInFinnish() {
        assertGolden(output(of: "participants | describe grade, sessions_attended by entry_route", width: 100, language: .fi),
                     "describe/grade-sessions-by-entry-route.fi.txt")
    }

    func testAsJSON() {
        assertGolden(output(of: ".format json\nparticipants | describe experience_years by prior_guidance_training"),
                     "describe/experience-by-prior-training.json")
    }
}
