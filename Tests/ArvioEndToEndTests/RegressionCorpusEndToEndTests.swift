import Foundation
import XCTest

/// Issue 13's reproductions that go through the `arvio` command itself, each with the
/// behaviour it must show: a clear error or the right answer, never a crash.
final class RegressionCorpusEndToEndTests: XCTestCase {
    private func script(_ text: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("arvio-corpus-\(UUID().uuidString).arvio")
        try text.write(to: url, atomically: true, encoding: .utf8)
        addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        return url
    }

    func testAGeneratedFilterOf1700OrsRunsAsAScript() throws {
        let filter = (0..<1700).map { "grade == \($0)" }.joined(separator: " or ")
        let r = try ArvioProcess.run(["-f", try script("participants | where \(filter) | count\n").path])
        XCTAssertEqual(r.status, 0, r.stderr)
        let expected = try ArvioProcess.run(["-c", "participants | where grade between 0 and 1699 | count"])
        XCTAssertEqual(r.stdout, expected.stdout)
    }

    func testDeepNestingIsAnErrorWithPositionNotACrash() throws {
        for (open, close) in [("(", ")"), ("[", "]"), ("round(", ")"), ("not ", ""), ("- ", "")] {
            let count = open == "not " || open == "- " ? 2100 : 1160
            let body = String(repeating: open, count: count) + "1" + String(repeating: close, count: count)
            let r = try ArvioProcess.run(["-c", "participants | where \(body)"])
            XCTAssertEqual(r.status, 1, open)
            XCTAssertTrue(r.stderr.hasPrefix("<command>:1:"), String(r.stderr.prefix(200)))
            XCTAssertTrue(r.stderr.contains("nests more than 200 levels deep"), String(r.stderr.prefix(200)))
        }
    }

    func testAStatementStartingWithADashIsAStatementNotAnOption() throws {
        let r = try ArvioProcess.run(["-c", "-x"])
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.stderr.hasPrefix("<command>:1:1: error: expected a table name, but found \"-\""), r.stderr)
    }

    private func csv(_ name: String, _ text: String) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("arvio-corpus-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent(name + ".csv")
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    func testABarChartOfValuesNearTheLargestDoubleDrawsInsteadOfTrapping() throws {
        let path = try csv("big", "g,v\na,1.01e308\nb,1.5e308\n")
        let r = try ArvioProcess.run(["--no-data", "-c", ".load \(path)", "-c", "big | chart bar v by g"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let bars = r.stdout.split(separator: "\n").filter { $0.hasPrefix("a ") || $0.hasPrefix("b ") }
        XCTAssertEqual(bars.count, 2, r.stdout)
        XCTAssertTrue(bars.last?.contains("██████████") ?? false, r.stdout)
    }

    func testAHistogramOfTheLargestDoubleFinishes() throws {
        let path = try csv("top", "v\n1\n1.7976931348623157e308\n3\n")
        let r = try ArvioProcess.run(["--no-data", "-c", ".load \(path)", "-c", "top | chart hist v", "-c", "top | chart bar v"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertFalse(r.stdout.contains("nan") || r.stdout.contains("inf"), r.stdout)
    }

    func testATinyBinWidthIsRefusedNamingTheSizes() throws {
        let path = try csv("small", "v\n1\n2\n3\n")
        let tiny = "0." + String(repeating: "0", count: 99) + "1"
        let r = try ArvioProcess.run(["--no-data", "-c", ".load \(path)", "-c", "small | chart hist v binwidth \(tiny)"])
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.stderr.contains("gives more than 10000 bins for values from 1 to 3"), r.stderr)
        XCTAssertFalse(r.stdout.contains("nan"), r.stdout)
    }

    func testALineThatIsNoStatementCommentOrMetaCommandFailsTheScript() throws {
        for (line, message) in [("\\d", "meta-commands start with a dot"), ("?", "for help, type .help"),
                                ("!ls", "arvio runs no shell commands")] {
            let path = try script("\(line)\nparticipants | count\n").path
            let r = try ArvioProcess.run(["-f", path])
            XCTAssertEqual(r.status, 1, line)
            XCTAssertEqual(r.stdout, "", line)
            XCTAssertTrue(r.stderr.hasPrefix("\(path):1:1: error:") && r.stderr.contains(message), r.stderr)
            let piped = try ArvioProcess.run([], input: "\(line)\nparticipants | count\n")
            XCTAssertEqual(piped.status, 1, line)
        }
    }

    func testBackslashQAndDotExitQuitAsInPsql() throws {
        for quit in ["\\q", ".exit", "  \\q  "] {
            let r = try ArvioProcess.run(["-f", try script("participants | count\n\(quit)\nparticipants | count by org\n").path])
            XCTAssertEqual(r.status, 0, r.stderr)
            XCTAssertFalse(r.stdout.contains("org"), r.stdout)
        }
    }
}
