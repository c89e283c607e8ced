import Foundation
import XCTest

final class NotebookTests: XCTestCase {
    private let notebook = """
        ---
        width: 60
        ---
        # A notebook

        Text stays as it is.

        ```python
        print("not run")
        ```

        ```arvio
        participants | count by entry_route
        ```

        ```arvio error
        items | count by nope
        ```

        """

    private func knitted() throws -> (dir: String, path: String) {
        let dir = try ArvioProcess.temporaryDirectory()
        let path = dir + "/nb.md"
        try ArvioProcess.write(notebook, to: path)
        let r = try ArvioProcess.run(["knit", path])
        XCTAssertEqual(r.status, 0, r.stderr)
        return (dir, path)
    }

    func testKnitWritesEachOutputBeneathItsBlockAndAnErrorIsAnOutput() throws {
        let (_, path) = try knitted()
        let text = try String(contentsOfFile: path, encoding: .utf8)
        XCTAssertEqual(text, """
            ---
            width: 60
            ---
            # A notebook

            Text stays as it is.

            ```python
            print("not run")
            ```

            ```arvio
            participants | count by entry_route
            ```
            ```arvio-output
            entry_route         n
            ─────────────────  ──
            employer-directed  11
            own initiative      5
            ```

            ```arvio error
            items | count by nope
            ```
            ```arvio-output
            block 2:1:18: error: there is no column "nope" in items
            items | count by nope
                             ^~~~
            did you mean "code"?
            ```

            """)
    }

    func testCheckPassesOnAFreshlyKnittedNotebookAndKnitIsIdempotent() throws {
        let (_, path) = try knitted()
        let before = try String(contentsOfFile: path, encoding: .utf8)
        let r = try ArvioProcess.run(["check", path])
        XCTAssertEqual(r.status, 0, r.stdout + r.stderr)
        XCTAssertEqual(r.stdout, "")
        XCTAssertEqual(try ArvioProcess.run(["knit", path]).status, 0)
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), before)
    }

    func testCheckFailsWithADiffWhenAnOutputWasAltered() throws {
        let (_, path) = try knitted()
        let text = try String(contentsOfFile: path, encoding: .utf8)
        try ArvioProcess.write(text.replacingOccurrences(of: "own initiative      5", with: "own initiative      6"), to: path)
        let r = try ArvioProcess.run([path, "--check"])
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.stdout.contains("-own initiative      6\n+own initiative      5\n"), r.stdout)
        XCTAssertTrue(r.stderr.contains("1 of 2 outputs changed"), r.stderr)
    }

    /// CI runs this through `swift test`: every notebook in notebooks/ must check clean.
    func testEveryNotebookInTheRepositoryChecksClean() throws {
        let folder = ArvioProcess.root + "/notebooks"
        let notebooks = try FileManager.default.contentsOfDirectory(atPath: folder)
            .filter { $0.hasSuffix(".md") && $0 != "README.md" }.sorted()
        XCTAssertEqual(notebooks, ["own-survey.md", "report.md", "why-motivation.md"])
        for name in notebooks {
            // own-survey.md loads its workbook by a path from the repository's root, as CI runs it.
            let r = try ArvioProcess.run(["check", folder + "/" + name], directory: ArvioProcess.root)
            XCTAssertEqual(r.status, 0, "\(name) changed:\n\(r.stdout)\(r.stderr)")
        }
    }

    func testCheckFailsWhenABlockHasNoOutputYet() throws {
        let dir = try ArvioProcess.temporaryDirectory()
        let path = dir + "/nb.md"
        try ArvioProcess.write(notebook, to: path)
        XCTAssertEqual(try ArvioProcess.run(["check", path]).status, 1)
    }

    func testABadFrontMatterWidthIsAnErrorNotACrash() throws {
        let dir = try ArvioProcess.temporaryDirectory()
        let path = dir + "/nb.md"
        try ArvioProcess.write("---\nwidth: -5\n---\n```arvio\nitems | count\n```\n", to: path)
        let r = try ArvioProcess.run(["knit", path])
        XCTAssertEqual(r.status, 2)
        XCTAssertEqual(r.stderr, "\(path): error: the front matter's width is \"-5\"; give a number of terminal cells from 20 to 1000\n")
    }

    // MARK: Issue 13: notebooks are never corrupted, and a failing block fails the run

    func testAnUnclosedBlockIsAnErrorAndTheNotebookIsNotWritten() throws {
        let path = try ArvioProcess.temporaryDirectory() + "/nb.md"
        let text = "# t\n\n```arvio\nparticipants | count\n"
        try ArvioProcess.write(text, to: path)
        for verb in ["knit", "check", "knit"] {
            let r = try ArvioProcess.run([verb, path])
            XCTAssertEqual(r.status, 2, verb)
            XCTAssertTrue(r.stderr.hasPrefix("\(path):3:1: error: this block has no closing fence"), r.stderr)
        }
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), text)
    }

    func testANotebookStartingWithAByteOrderMarkKeepsItAndFindsItsBlocks() throws {
        let path = try ArvioProcess.temporaryDirectory() + "/nb.md"
        try ArvioProcess.write("\u{FEFF}```arvio\nparticipants | count\n```\n", to: path)
        XCTAssertEqual(try ArvioProcess.run(["knit", path]).status, 0)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        XCTAssertEqual(Array(bytes.prefix(3)), [0xEF, 0xBB, 0xBF])
        XCTAssertTrue(String(decoding: bytes, as: UTF8.self).contains("```arvio-output\n n\n──\n16\n```"))
        try ArvioProcess.write("\u{FEFF}```arvio\nparticipants | count\n```\n```arvio-output\n 5\n```\n", to: path)
        XCTAssertEqual(try ArvioProcess.run(["check", path]).status, 1, "the altered output is found")
    }

    func testAFailingBlockFailsKnitAndCheckAtTheNotebooksOwnPositionUnlessMarked() throws {
        let path = try ArvioProcess.temporaryDirectory() + "/nb.md"
        try ArvioProcess.write("# t\n\n```arvio\nparticipants | count\nparticipants | count by orgg\n```\n", to: path)
        let knit = try ArvioProcess.run(["knit", path])
        XCTAssertEqual(knit.status, 1)
        XCTAssertTrue(knit.stderr.hasPrefix("\(path):5:25: error: block 1 failed"), knit.stderr)
        let check = try ArvioProcess.run(["check", path])
        XCTAssertEqual(check.status, 1)
        XCTAssertTrue(check.stderr.hasPrefix("\(path):5:25: error: block 1 failed"), check.stderr)
        try ArvioProcess.write("```arvio error\nparticipants | count by orgg\n```\n", to: path)
        XCTAssertEqual(try ArvioProcess.run(["knit", path]).status, 0)
        XCTAssertEqual(try ArvioProcess.run(["check", path]).status, 0)
    }
}
