import Foundation
import XCTest

/// The history file holds one entry per statement (issue 13): a new shell's Up recalls the last
/// statement, not the whole file, and a multi-line statement comes back as one entry.
final class HistoryFileTests: XCTestCase {
    func testANewShellRecallsOneStatementPerEntryAndSkipsRepeats() throws {
        let first = try TerminalSession()
        try first.send("participants | count", "Enter")
        try first.waitFor("16")
        try first.send("items |", "Enter")
        try first.waitFor("  ...>")
        try first.send("count", "Enter")
        try first.waitFor("12")
        try first.send("participants | take 1 | count", "Enter")
        try first.waitFor("\n1\narvio>")
        try first.send("participants | take 1 | count", "Enter")
        try first.waitFor("\n1\narvio>\n")
        try first.send("C-d")
        try first.waitFor("ARVIO-EXITED=0")
        let file = try String(contentsOfFile: first.home + "/.arvio_history", encoding: .utf8)
        XCTAssertEqual(file.components(separatedBy: "participants | take 1 | count").count - 1, 1, file)
        let second = try TerminalSession(home: first.home)
        try second.send("Up")
        try second.waitFor("arvio> participants | take 1 | count")
        try second.send("Up")
        try second.waitFor("arvio> items |\ncount")
        try second.send("Up")
        try second.waitFor("arvio> participants | count")
        try second.send("Enter")
        try second.waitFor("16")
        let screen = try second.screen()
        XCTAssertFalse(screen.contains("12\n"), screen)
    }
}
