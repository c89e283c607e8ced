import Foundation
import XCTest
import ArvioData
@testable import ArvioShell

/// A script's `.load` reads only the columns the rest of the script can read (`LoadProjection`),
/// and what the script writes is, byte for byte, what it writes after a load of every column:
/// the same script is run once as a script (the input after each unit known) and once as the
/// shell runs it (nothing known ahead, so every column is read).
final class LoadProjectionTests: XCTestCase {
    /// A long table shaped as the benchmark's responses (more rows than the count note looks
    /// at, so a load may skip columns), with Finnish text in columns that are skipped.
    private static let files: (responses: String, participants: String) = {
        let dir = TestSupport.temporaryDirectory()
        let orgs = ["Katulähetys", "Jyväskylän Nuoret", "Oulun Työpaja", "Åbo Hjälp"]
        let areas = ["hyvinvointi", "osaaminen", "työelämä"]
        var lines = ["participant,org,entry_route,item,area,phase,score"]
        var participants = ["participant,cohort,org"]
        for p in 0..<8_700 {
            let id = String(format: "P%06d", p)
            participants.append("\(id),k\(p % 3 + 1),\(orgs[(p + 1) % 4])")
            for phase in ["pre", "post"] where !(phase == "post" && p % 17 == 0) {
                for item in 0..<6 {
                    let score = (p * 7 + item * 3 + (phase == "post" ? 1 : 0)) % 5 + 1
                    let value = (p + item) % 23 == 0 ? "" : "\(score)"
                    lines.append("\(id),\(orgs[p % 4]),\(p % 2 == 0 ? "oma" : "työnantaja"),I\(item),\(areas[item % 3]),\(phase),\(value)")
                }
            }
        }
        let responses = dir + "/responses.csv", people = dir + "/participants.csv"
        try! (lines.joined(separator: "\n") + "\n").write(toFile: responses, atomically: true, encoding: .utf8)
        try! (participants.joined(separator: "\n") + "\n").write(toFile: people, atomically: true, encoding: .utf8)
        return (responses, people)
    }()

    /// What `script` writes run as a script and in the shell, how each run ended, and the
    /// columns the `.load` of `r` read as a script.
    private func run(_ script: String) -> (script: String, shell: String, loaded: [String]?,
                                            outcomes: (Interpreter.Outcome, Interpreter.Outcome)) {
        let text = script.replacingOccurrences(of: "@R@", with: Self.files.responses)
            .replacingOccurrences(of: "@P@", with: Self.files.participants)
        let (known, knownOut) = TestSupport.interpreter(workspace: Workspace())
        known.following = []
        let knownOutcome = known.run(text, file: "s.arvio")
        let (shell, shellOut) = TestSupport.interpreter(workspace: Workspace())
        let shellOutcome = shell.run(text, file: "s.arvio")
        XCTAssertEqual(shell.loadedColumns["r"]?.count, 7)
        return (knownOut.text, shellOut.text, known.loadedColumns["r"], (knownOutcome, shellOutcome))
    }

    private func assertSame(_ script: String, loads columns: [String], file: StaticString = #filePath, line: UInt = #line) {
        let result = run(script)
        XCTAssertEqual(result.script, result.shell, file: file, line: line)
        XCTAssertEqual(result.loaded, columns, file: file, line: line)
        XCTAssertTrue(result.script.contains("loaded r: 101328 rows, 7 columns"), result.script, file: file, line: line)
    }

    func testT1ReadsOrgPhaseAndScore() {
        assertSame("""
            .load @R@ as r
            .format csv
            let t1_cells = r | where phase == "pre" | count by org, score
            let t1_orgs = t1_cells | group org aggregate total = sum(n)
            t1_cells | join t1_orgs on org | derive pct = round(100 * n / total, 2) | select org, score, n, pct
            """, loads: ["org", "phase", "score"])
    }

    func testT2ReadsWhatDeltaPairsOn() {
        assertSame("""
            .load @R@ as r
            r | delta score by phase per area on participant, item | select area, n, mean_delta = change
            """, loads: ["participant", "item", "area", "phase", "score"])
    }

    func testT3InTextAndFinnish() {
        assertSame("""
            .load @R@ as r
            .lang fi
            r | group org, phase aggregate n = count(score), mean = round(mean(score), 4)
            r | describe score by org
            """, loads: ["org", "phase", "score"])
    }

    func testALetChainReadsWhatItsLastUseNeeds() {
        assertSame("""
            .load @R@ as r
            let a = r | where entry_route == "oma"
            let b = a | derive doubled = score * 2
            let c = b | where phase == "post"
            c | group area aggregate m = mean(doubled) | sort area
            """, loads: ["entry_route", "area", "phase", "score"])
    }

    func testAJoinReadsTheKeyAndTheColumnsThatRenameTheRightOnes() {
        // participants has an `org` too: the joined one is `org_p` only because r has one.
        assertSame("""
            .load @R@ as r
            .load @P@ as p
            r | join p on participant | group cohort, org_p aggregate m = round(mean(score), 3)
            """, loads: ["participant", "org", "score"])
    }

    func testATableJoinedOnTheRightReadsItsKeyAndTheColumnsUsedAfter() {
        // p has an `org` too, so r's joins as `org_r`.
        assertSame("""
            .load @P@ as p
            .load @R@ as r
            p | join r on participant | where phase == "post" | group cohort, org_r aggregate m = round(mean(score), 3)
            """, loads: ["participant", "org", "phase", "score"])
    }

    func testATableShownWholeOrDescribedWithoutColumnsReadsEverything() {
        let all = ["participant", "org", "entry_route", "item", "area", "phase", "score"]
        assertSame(".load @R@ as r\nr | where score == 5 | take 3", loads: all)
        assertSame(".load @R@ as r\nlet x = r | where score == 5\nx | take 2", loads: all)
        assertSame(".load @R@ as r\nr | count by org\n.schema r", loads: all)
        assertSame(".load @R@ as r\nr | count by org\nr | describe", loads: all)
    }

    func testAScriptWithAnErrorLaterReadsEverythingAndSaysTheSame() {
        let all = ["participant", "org", "entry_route", "item", "area", "phase", "score"]
        let result = run(".load @R@ as r\nr | count by org\nr | group ogr aggregate n = count(score)\nr | count by phase")
        XCTAssertEqual(result.script, result.shell)
        XCTAssertEqual(result.loaded, all)
        XCTAssertTrue(result.script.contains("there is no column \"ogr\" in r"), result.script)
        XCTAssertEqual(result.outcomes.0, .failed)
        XCTAssertEqual(result.outcomes.1, .failed)
    }

    func testWhatFollowsQuitIsNotRead() {
        assertSame(".load @R@ as r\nr | count by phase\n.quit\nr | take 1", loads: ["phase"])
    }

    func testALoadNothingReadsReadsEveryColumn() {
        assertSame(".load @R@ as r\n.format csv", loads: ["participant", "org", "entry_route", "item", "area", "phase", "score"])
    }

    /// In a notebook `.quit` ends only its block and the next block runs, so a `.load` before
    /// it reads what the later blocks use too (it read only `phase`, and the next block's
    /// `count by item` found no column `item`).
    func testANotebookBlocksQuitDoesNotHideTheLaterBlocks() throws {
        let path = TestSupport.temporaryDirectory() + "/quit.md"
        try """
            # Quit in a block

            ```arvio
            .load \(Self.files.responses) as r
            r | count by phase
            .quit
            r | count by org
            ```

            ```arvio
            r | count by item
            .quit
            r | count by area
            ```

            ```arvio
            r | count by entry_route
            ```

            """.write(toFile: path, atomically: true, encoding: .utf8)
        let console = CapturingConsole()
        let interpreter = Interpreter(workspace: Workspace(), settings: OutputSettings(), console: console)
        XCTAssertEqual(NotebookRunner(interpreter: interpreter, console: console).knit(path), 0, console.text)
        let knitted = try String(contentsOfFile: path, encoding: .utf8)
        XCTAssertTrue(knitted.contains("I5"), knitted)
        XCTAssertTrue(knitted.contains("työnantaja"), knitted)
        XCTAssertFalse(knitted.contains("Katulähetys"), knitted)
        XCTAssertFalse(knitted.contains("hyvinvointi"), knitted)
        XCTAssertEqual(interpreter.loadedColumns["r"], ["entry_route", "item", "phase"])
    }
}
