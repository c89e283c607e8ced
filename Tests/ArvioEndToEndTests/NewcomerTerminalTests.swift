import XCTest

/// The indent of an error's wrapped lines (`DiagnosticRenderer.continuationIndent`).
private enum DiagnosticIndent { static let continuation = "    " }

/// Issue 18's first tries, at a real terminal (tmux, 100 columns): the rows about tables that
/// use the width, `.help` rendered for the terminal, completion that follows the pipe and CSV
/// output that keeps the statistics.
final class NewcomerTerminalTests: XCTestCase {
    func testAttritionRowsThatShareTheirStartCanBeToldApartAt80And100Columns() throws {
        for width in [80, 100] {
            let t = try TerminalSession()
            try t.send(".width \(width)", "Enter")
            try t.send("participants | join motivation | select id, prior_guidance_training, post_status | attrition", "Enter")
            let screen = try t.waitFor("Not compared")
            XCTAssertFalse(screen.contains("prior_guidance_tra…"), screen)
            XCTAssertFalse(screen.contains("Fisher, exa…") || screen.contains("Mann–Whitne…"), screen)
            XCTAssertTrue(screen.contains("= yes (%)") && screen.contains("= no (%)"), screen)
            for line in screen.split(separator: "\n") where !line.hasPrefix("arvio>") {
                XCTAssertLessThanOrEqual(line.count, width, String(line))
            }
        }
    }

    func testASingleTextColumnUsesTheWholeScreen() throws {
        let t = try TerminalSession()
        try t.send("participants | where post_reason is not missing | select post_reason", "Enter")
        // 46 cells, cut at 40 before.
        try t.waitFor("did not find the time and motivation to answer\n")
    }

    func testCrosstabStatisticsKeepTheirWholeNamesAt80Columns() throws {
        let t = try TerminalSession()
        try t.send(".width 80", "Enter")
        try t.send("participants | crosstab entry_route by prior_guidance_training", "Enter")
        let screen = try t.waitFor("Contingency coefficient C")
        XCTAssertTrue(screen.contains("Fisher's exact, one-sided (OR < 1)") && screen.contains("Fisher's exact, one-sided (OR > 1)"),
                      screen)
        XCTAssertFalse(screen.contains("…"), screen)
    }

    func testHelpIsRenderedForTheTerminal() throws {
        let t = try TerminalSession()
        try t.send(".width 80", "Enter")
        try t.send(".help operators", "Enter")
        let screen = try t.waitFor("between a and b")
        // The table is aligned: each operator's meaning and example start in the same columns.
        let lines = screen.split(separator: "\n").map(String.init)
        func column(of text: String, inLineStarting start: String) -> Int? {
            lines.first { $0.hasPrefix(start) }.flatMap { line in line.range(of: text).map { line.distance(from: line.startIndex, to: $0.lowerBound) } }
        }
        XCTAssertEqual(column(of: "remainder", inLineStarting: "%  "), column(of: "negation", inLineStarting: "-x  "), screen)
        XCTAssertEqual(column(of: "experience_years % 5", inLineStarting: "%  "), column(of: "-grade", inLineStarting: "-x  "), screen)
        XCTAssertNotNil(column(of: "org == \"Tekevä\"", inLineStarting: "== !=  "), screen)
        XCTAssertFalse(screen.contains("```") || screen.contains("| `") || screen.contains("|---"), screen)
        for line in screen.split(separator: "\n") where !line.hasPrefix("arvio>") {
            XCTAssertLessThanOrEqual(line.count, 80, String(line))
        }
    }

    func testTabCompletesTheColumnsThePipeMadeChartKindsAndPaths() throws {
        let t = try TerminalSession()
        // Ctrl-C clears the line; the next is typed once the new prompt is there.
        func clear() throws {
            let prompts = try t.count("arvio>")
            try t.send("C-c")
            let deadline = Date().addingTimeInterval(10)
            while try t.count("arvio>") <= prompts, Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        }
        try t.send("participants | derive newbie = experience_years < 1 | select new", "Tab")
        try t.waitFor("| select newbie")
        try clear()
        try t.send("participants | count by org | sort ", "Tab", "Tab")
        let listed = try t.waitFor("desc")
        let offered = listed.split(separator: "\n").first { $0.contains("desc") }?.split(separator: " ").map(String.init)
        XCTAssertEqual(offered.map(Set.init), ["asc", "desc", "n", "org"], "count's n is offered after sort:\n" + listed)
        try clear()
        try t.send("responses | chart lik", "Tab")
        try t.waitFor("responses | chart likert")
        try clear()
        try t.send(".load \(ArvioProcess.root)/datasets/wire3/parti", "Tab")
        try t.waitFor("datasets/wire3/participants.csv")
        try clear()
        try t.send("participants | crosstab org by post_status cells count, ro", "Tab")
        try t.waitFor("cells count, row")
    }

    func testCSVOutputKeepsTheStatisticsAndNotes() throws {
        let t = try TerminalSession()
        try t.send(".format csv", "Enter")
        try t.send("participants | crosstab entry_route by post_status", "Enter")
        let screen = try t.waitFor("Contingency coefficient C")
        XCTAssertTrue(screen.contains("Total,12,1,1,2,16\n\nblock,statistic,value,df,p,method,note\n"), screen)
        XCTAssertTrue(screen.contains("Cochran's rule is not met"), screen)
    }

    /// The first guesses of issue 18's table that come from SQL, R, dplyr, sqlite and psql, as
    /// typed at the prompt: each is answered with the Arvio form, and the shell goes on.
    func testFirstGuessesFromOtherToolsAreAnsweredWithTheArvioForm() throws {
        let t = try TerminalSession()
        let answers: [(typed: String, shown: String)] = [
            ("count by org", "then its verbs joined by \"|\": participants | count by org"),
            ("participants | head 5", "Arvio's verb for that is \"take\": | take 5"),
            ("participants | mean(grade) by org", "write: | group org aggregate mean(grade)"),
            ("participants | group by org aggregate mean(grade)", "without \"by\": group org aggregate"),
            ("participants | aggregate mean(grade)", "8.00\n\nNote: mean(grade) skipped 4 missing values"),
            ("SELECT * FROM participants;", "not as SQL: participants"),
            ("participants | count;", "\n16\n"),
            ("exit", "to leave Arvio, type .quit"),
            (".mode csv", "Arvio's is .format text|markdown|csv|json"),
            (".read f.arvio", "Arvio's is .run FILE"),
            (".format", "format: text (one of text, markdown, csv, json)"),
            (".width", "width: auto, 100 cells now"),
            ("let participants = participants | take 3", "to replace it, write let replace participants = ..."),
        ]
        // An error wider than the screen is wrapped, its later lines indented: read it as one line.
        func waitForUnwrapped(_ text: String) throws {
            let deadline = Date().addingTimeInterval(15)
            var screen = ""
            while Date() < deadline {
                screen = try t.screen().replacingOccurrences(of: "\n" + DiagnosticIndent.continuation, with: " ")
                if screen.contains(text) { return }
                Thread.sleep(forTimeInterval: 0.05)
            }
            XCTFail("the screen never showed \(text.debugDescription):\n\(screen)")
        }
        for answer in answers {
            try t.send(answer.typed, "Enter")
            try waitForUnwrapped(answer.shown)
        }
        try t.send(".q", "Enter")
        try t.waitFor("Arvio's is .quit")
        try t.send(".quit", "Enter")
        try t.waitFor("ARVIO-EXITED=0")
    }
}
