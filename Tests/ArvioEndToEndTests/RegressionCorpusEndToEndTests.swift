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
}
