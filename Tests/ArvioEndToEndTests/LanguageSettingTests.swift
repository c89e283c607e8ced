import Foundation
import XCTest

/// The four ways of asking for Finnish (`--lang fi`, `ARVIO_LANG=fi`, `.lang fi`, a notebook's
/// `lang: fi`) give the same output byte for byte, since every text but the column names is
/// chosen when the result is shown.
final class LanguageSettingTests: XCTestCase {
    /// Verbs whose output holds headings, labels, reasons, statistics, notes and a chart.
    private let script = """
        participants | freq org
        participants | crosstab entry_route by prior_guidance_training
        participants | describe grade, sessions_attended by entry_route
        responses | where item == "overall" | delta score by phase
        participants | attrition
        responses | where item == "overall" | chart likert score by phase
        participants | join motivation | associate motivation_start
        participants | where post_status != "responded" | select id, org, post_status
        """

    func testFourWaysOfSettingFinnishGiveTheSameBytes() throws {
        let flag = try ArvioProcess.run(["--lang", "fi", "--width", "80"], input: script + "\n")
        XCTAssertEqual(flag.status, 0, flag.stderr)
        let environment = try ArvioProcess.run(["--width", "80"], input: script + "\n", environment: ["ARVIO_LANG": "fi"])
        XCTAssertEqual(environment.status, 0, environment.stderr)
        let command = try ArvioProcess.run(["--width", "80"], input: ".lang fi\n" + script + "\n")
        XCTAssertEqual(command.status, 0, command.stderr)

        let dir = try ArvioProcess.temporaryDirectory()
        let path = dir + "/fi.md"
        try ArvioProcess.write("---\nwidth: 80\nlang: fi\n---\n```arvio\n\(script)\n```\n", to: path)
        let knit = try ArvioProcess.run(["knit", path])
        XCTAssertEqual(knit.status, 0, knit.stderr)
        let knitted = try String(contentsOfFile: path, encoding: .utf8)
        let start = try XCTUnwrap(knitted.range(of: "```arvio-output\n"))
        let end = try XCTUnwrap(knitted.range(of: "\n```", range: start.upperBound..<knitted.endIndex))
        let notebook = String(knitted[start.upperBound..<end.lowerBound]) + "\n"

        XCTAssertEqual(flag.stdout, environment.stdout)
        XCTAssertEqual(flag.stdout, command.stdout)
        XCTAssertEqual(flag.stdout, notebook)
        // And it is Finnish: a heading, a label, a reason, a statistic and a decimal comma.
        for finnish in ["kertymä-%", "työnantajan ohjaamana", "siirtyi muihin tehtäviin", "Pearsonin khiin neliö", "0,094", "yhteensä"] {
            XCTAssertTrue(flag.stdout.contains(finnish), "no \"\(finnish)\" in:\n\(flag.stdout)")
        }
    }

    func testFinnishErrorsListLabelsAndSuggestFromTheirStart() throws {
        let r = try ArvioProcess.run(["--lang", "fi", "-c", #"participants | where post_status != "vastasi""#])
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.stderr.contains(#""responded" (vastasi loppuarviointiin)"#), r.stderr)
        XCTAssertTrue(r.stderr.contains(#"tarkoititko "vastasi loppuarviointiin" ("responded")?"#), r.stderr)
        let route = try ArvioProcess.run(["-c", ".lang fi\nparticipants | where entry_route == \"työnantaja\""])
        XCTAssertTrue(route.stderr.contains(#"tarkoititko "työnantajan ohjaamana" ("employer")?"#), route.stderr)
        // In English the value is found by the start of its Finnish label too, and of its English one.
        let english = try ArvioProcess.run(["-c", #"participants | where entry_route == "työnantaja""#])
        XCTAssertTrue(english.stderr.contains(#"did you mean "työnantajan ohjaamana" ("employer")?"#), english.stderr)
        XCTAssertTrue(english.stderr.contains(#"(its values are "employer" (employer-directed), "own" (own initiative))"#), english.stderr)
        let start = try ArvioProcess.run(["-c", #"participants | where entry_route == "employer-dir""#])
        XCTAssertTrue(start.stderr.contains(#"did you mean "employer-directed" ("employer")?"#), start.stderr)
    }
}
