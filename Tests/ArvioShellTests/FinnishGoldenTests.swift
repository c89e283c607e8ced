import ArvioData
import XCTest

/// Every verb's output in Finnish on the built-in data, at 80 columns: headings, labels,
/// statistic and method names, notes and errors in Finnish, decimals with a comma. Each golden
/// file under `Golden/fi/` was read by a Finnish-speaking reader before it was committed.
final class FinnishGoldenTests: XCTestCase {
    private func assertFinnish(_ source: String, _ name: String, file: StaticString = #filePath, line: UInt = #line) {
        assertGolden(output(of: source, language: .fi), "fi/\(name).txt", file: file, line: line)
    }

    func testRelationalVerbs() {
        assertFinnish("""
            participants | where grade > 8 | select id, org, grade | sort grade desc | take 3
            participants | derive missed = 10 - sessions_attended | select id, missed | take 2
            participants | group org aggregate mean(grade), n = count()
            participants | aggregate mean(grade)
            participants | count by entry_route
            participants | distinct entry_route
            """, "relational")
    }

    func testJoinAndReshaping() {
        assertFinnish("""
            responses | join participants | where item == "overall" and phase == "post" | count by org
            let pre = responses | where item == "overall" and phase == "pre" | select participant, overall_pre = score
            let post = responses | where item == "overall" and phase == "post" | select participant, overall_post = score
            let wide = pre | join post on participant
            wide | longer overall_pre, overall_post into question, answer | take 4
            responses | where item == "overall" | select participant, item, phase, score | wider item, phase from score | take 3
            let alku = responses | where item == "overall" and phase == "pre"
            let loppu = responses | where item == "overall" and phase == "post"
            alku | stack loppu as vaihe | count by vaihe
            """, "join-reshape")
    }

    func testFreqWithIntervals() {
        assertFinnish("participants | freq post_status ci", "freq")
    }

    func testCrosstabWithCellsAndTests() {
        assertFinnish("participants | crosstab entry_route by prior_guidance_training cells count, column", "crosstab")
    }

    func testPairedCrosstab() {
        assertFinnish(#"responses | where item == "overall" | crosstab score by phase paired"#, "crosstab-paired")
    }

    func testDescribeOrdinal() {
        assertFinnish(#"responses | where item == "overall" | describe score by phase"#, "describe")
    }

    func testDeltaPerGroup() {
        assertFinnish(#"responses | join participants | where item == "overall" | delta score by phase per entry_route"#, "delta")
    }

    func testAttrition() {
        assertFinnish("participants | attrition", "attrition")
    }

    func testAssociate() {
        assertFinnish("participants | join motivation | associate motivation_start", "associate")
    }

    func testReliabilityAndScale() {
        assertFinnish("""
            responses | where item in ["AO1", "AO2", "AO3"] | reliability score by item
            responses | where item in ["AO1", "AO2", "AO3"] | scale score by item into ao | take 4
            """, "reliability-scale")
    }

    func testCharts() {
        assertFinnish("""
            participants | chart bar org
            responses | where item == "overall" | chart likert score by phase
            responses | where item == "overall" | chart dumbbell score by phase per participant
            participants | chart hist experience_years binwidth 5
            """, "chart")
    }

    func testErrors() {
        assertFinnish("""
            participants | where post_status != "vastasi"
            participants | where entry_route == "työnantaja"
            participants | count by orgg
            participants | head 5
            participants | mean(grade) by org
            participants | where grade > "x"
            participants | take
            """, "errors")
    }

    /// What a verb says when its arguments are missing, for every verb, and the shell's own
    /// errors: all in Finnish, the names and code kept as typed.
    func testEveryVerbsErrorsAndTheCommandsErrors() {
        let verbs = ["where", "select", "derive x", "group org", "group org aggregate", "aggregate", "count by", "sort",
                     "take x", "distinct nope", "join", "responses | longer", "responses | wider", "responses | stack",
                     "crosstab org", "freq", "describe", "delta", "attrition score", "associate", "reliability",
                     "scale", "chart", "chart bar", "chart hist grade binwidth", "describe org", "group by org aggregate mean(grade)"]
        let statements = verbs.map { $0.contains("|") ? $0 : "participants | " + $0 }
        let mistakes = ["participants | stack motivation", "responses | longer score into x", "responses | wider item from participant",
                        "responses | chart dumbbell score by item", "participants | crosstab org by title cells count ci",
                        "participants | join items", "responses | delta score by phase per phase", "responses | scale score by item",
                        "participants | group org aggregate n = count(), n = count()"]
        let commands = [".mode csv", ".read f", ".width 5", ".save", ".load nope.csv", ".lang xx"]
        let text = output(of: (statements + mistakes + commands).joined(separator: "\n"), language: .fi)
        assertGolden(text, "fi/errors-verbs.txt")
        // The examples in a message are code; its words around them are Finnish.
        for line in text.split(separator: "\n") where line.hasPrefix("<test>:") || line.hasPrefix("nope.csv:") {
            for english in [" the ", " after ", "expected", " as in ", " such as ", " but ", " is not ", "Arvio's", "usage"] {
                XCTAssertFalse(line.contains(english), "English \"\(english)\" in: \(line)")
            }
        }
    }

    func testMarkdownStatistics() {
        assertFinnish(".format markdown\nparticipants | crosstab entry_route by prior_guidance_training", "crosstab-markdown")
    }

    func testHelpOverview() {
        assertFinnish(".help", "help")
    }
}
