import XCTest

final class ScriptTests: XCTestCase {
    func testAScriptStopsAtItsFirstErrorWithFileLineAndColumn() throws {
        let dir = try ArvioProcess.temporaryDirectory()
        let script = dir + "/s.arvio"
        try ArvioProcess.write("# counts\nitems | count\n\nparticipants |\n  count by orgg\nitems\n", to: script)
        let r = try ArvioProcess.run([script])
        XCTAssertEqual(r.status, 1)
        XCTAssertEqual(r.stdout, " n\n──\n12\n")
        XCTAssertTrue(r.stderr.hasPrefix("\(script):5:12: error: there is no column \"orgg\" in participants\n  count by orgg\n           ^~~~\n"), r.stderr)
    }

    func testKeepGoingRunsOnAndStillExitsOne() throws {
        let dir = try ArvioProcess.temporaryDirectory()
        let script = dir + "/s.arvio"
        try ArvioProcess.write("items | count by nope\nitems | count\n", to: script)
        let r = try ArvioProcess.run(["-f", script, "--keep-going"])
        XCTAssertEqual(r.status, 1)
        XCTAssertEqual(r.stdout, " n\n──\n12\n")
    }

    func testAShebangScriptRunsAsAnExecutable() throws {
        let dir = try ArvioProcess.temporaryDirectory()
        let script = dir + "/count.arvio"
        try ArvioProcess.write("#!/usr/bin/env arvio\nitems | count\n", to: script, executable: true)
        let path = ArvioProcess.productsDirectory + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
        let r = try ArvioProcess.run([], environment: ["PATH": path], executable: script)
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(r.stdout, " n\n──\n12\n")
    }

    func testStatementsOnStandardInputRunWithoutPromptAndContinueOverLines() throws {
        let r = try ArvioProcess.run([], input: "items |\n  count\n.format csv\nitems | count\n")
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(r.stdout.replacingOccurrences(of: "\r\n", with: "\n"), " n\n──\n12\nn\n12\n")
        XCTAssertFalse(r.stdout.contains("arvio>"))
    }

    /// `--format csv > file` is one rectangle a CSV reader takes as it is; the statistics and
    /// notes come on standard error as their own CSV (docs/formats.md).
    func testCSVOutputKeepsStatisticsOnStandardError() throws {
        let r = try ArvioProcess.run(["--format", "csv", "-c", "participants | crosstab entry_route by prior_guidance_training"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let table = r.stdout.replacingOccurrences(of: "\r\n", with: "\n")
        XCTAssertEqual(table, "entry_route,yes,no,total\nemployer-directed,2,9,11\nown initiative,3,2,5\nTotal,5,11,16\n")
        XCTAssertTrue(r.stderr.contains("block,statistic,value,df,p,method,note"), r.stderr)
        XCTAssertTrue(r.stderr.contains("Fisher"), r.stderr)
    }

    func testStandardInputStopsAtAnErrorWithExitOne() throws {
        let r = try ArvioProcess.run([], input: "items | count\nnope\nitems | count\n")
        XCTAssertEqual(r.status, 1)
        XCTAssertEqual(r.stdout, " n\n──\n12\n")
        XCTAssertTrue(r.stderr.hasPrefix("<stdin>:2:1: error:"), r.stderr)
    }

    func testAMissingScriptFileIsAClearError() throws {
        let r = try ArvioProcess.run(["/nonexistent/s.arvio"])
        XCTAssertEqual(r.status, 1)
        XCTAssertEqual(r.stderr, "/nonexistent/s.arvio: error: cannot open the file: no such file or directory\n")
    }
}
