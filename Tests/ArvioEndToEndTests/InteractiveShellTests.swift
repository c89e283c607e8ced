import XCTest

/// The shell under a real terminal: completion, history, Ctrl-C, Ctrl-D and errors.
final class InteractiveShellTests: XCTestCase {
    func testWelcomeSaysWhatIsLoadedAndWhatToTry() throws {
        let t = try TerminalSession()
        let screen = try t.waitFor("Type .help")
        XCTAssertTrue(screen.contains("Arvio 0.1 — WIRE 3 job-coaching pilot (2007)\nLoaded: participants 16, motivation 16, items 12, responses 336."), screen)
    }

    func testTabCompletesAVerbAColumnOfThePipedTableAndACategoryValueWithUmlaut() throws {
        let t = try TerminalSession()
        try t.send("participants | cou", "Tab")
        try t.waitFor("arvio> participants | count")
        try t.send("by entry_r", "Tab")
        try t.waitFor("participants | count by entry_route")
        try t.send("C-c")
        try t.waitFor("entry_route ^C\narvio>")
        try t.send("participants | where org == \"Tek", "Tab")
        try t.waitFor("participants | where org == \"Tekevä\"")
        try t.send(" | count", "Enter")
        try t.waitFor("n\n─\n5\narvio>")
    }

    func testHistorySurvivesARestartIncludingAMultiLineStatement() throws {
        let first = try TerminalSession()
        try first.send("items |", "Enter")
        try first.waitFor("  ...>")
        try first.send("count", "Enter")
        try first.waitFor("12")
        try first.send("C-d")
        try first.waitFor("ARVIO-EXITED=0")
        let second = try TerminalSession(home: first.home)
        try second.send("Up")
        try second.waitFor("arvio> items |\ncount")
        try second.send("Enter")
        try second.waitFor("12")
    }

    func testCtrlCAtThePromptClearsTheLineAndTheShellGoesOn() throws {
        let t = try TerminalSession()
        try t.send("participants | where", "C-c")
        try t.send("items | count", "Enter")
        let screen = try t.waitFor("12")
        XCTAssertFalse(screen.contains("ARVIO-EXITED"), screen)
    }

    func testCtrlCAtAContinuationPromptDropsTheUnfinishedStatement() throws {
        let t = try TerminalSession()
        try t.send("participants |", "Enter")
        try t.waitFor("  ...>")
        try t.send("C-c")
        try t.send("items | count", "Enter")
        try t.waitFor("12")
    }

    func testCtrlCDuringALongStatementCancelsItAndKeepsTheWorkspace() throws {
        let t = try TerminalSession()
        try t.send("let r2 = responses | take 200 | derive k = 1", "Enter")
        try t.waitFor("r2: 200 rows")
        // 200³ = 8 million joined rows: seconds of work, checked for Ctrl-C between chunks.
        try t.send("let big = r2 | join r2 on k = k | join r2 on k = k", "Enter")
        Thread.sleep(forTimeInterval: 0.5)
        try t.send("C-c")
        try t.waitFor("(cancelled; the workspace is as it was)", seconds: 5)
        try t.send(".tables", "Enter")
        let screen = try t.waitFor("\nr2 ")
        XCTAssertFalse(screen.contains("\nbig "), "no table big was kept: \(screen)")
        try t.send("r2 | count", "Enter")
        try t.waitFor("200\narvio>")
    }

    func testCtrlDOnAnEmptyLineQuits() throws {
        let t = try TerminalSession()
        try t.send("C-d")
        try t.waitFor("ARVIO-EXITED=0")
    }

    func testAnErrorIsShownAndTheNextStatementWorks() throws {
        let t = try TerminalSession()
        try t.send("participants | count by orgg", "Enter")
        try t.waitFor("did you mean \"org\"?")
        try t.send("participants | count by org", "Enter")
        try t.waitFor("Työvalmennussäätiö Tekevä  5")
    }

    func testInATerminalALongErrorIsWrappedAtTheWidthAndTheCaretStaysUnderItsText() throws {
        let t = try TerminalSession()
        try t.send(".width 40", "Enter")
        try t.send("participants | group org aggregate title", "Enter")
        try t.waitFor("""
            error: "title" is not
                a group key; use it inside an
                aggregate such as count(title) or
                n_distinct(title), or add it after
                "group"
            participants | group org aggregate title
                                               ^~~~~
            """)
    }

    func testInATerminalAConfirmationIsWrappedAtTheWidthKeepingAPathWhole() throws {
        let dir = "/tmp/arvio-c\(getpid())"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let t = try TerminalSession()
        try t.send(".width 40", "Enter")
        try t.send(".save participants \(dir)/autumn_course.csv", "Enter")
        // At 40 cells the path moves whole to the next line, indented as an error's would be.
        try t.waitFor("""
            saved participants: 16 rows to
                \(dir)/autumn_course.csv
            """)
    }
}
