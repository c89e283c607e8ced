import XCTest

/// Compares rendered output with a golden file under `Golden/`, or writes the file when the
/// environment has `ARVIO_RECORD=1`. Recorded files must be read by a person before commit.
enum Golden {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Golden")

    static func check(_ actual: String, _ name: String, file: StaticString = #filePath, line: UInt = #line) {
        let url = directory.appendingPathComponent(name + ".txt")
        if ProcessInfo.processInfo.environment["ARVIO_RECORD"] == "1" {
            try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            XCTAssertNoThrow(try Data(actual.utf8).write(to: url), file: file, line: line)
            return
        }
        guard let data = try? Data(contentsOf: url), let expected = String(data: data, encoding: .utf8) else {
            XCTFail("missing golden file \(name).txt; run with ARVIO_RECORD=1 and read it", file: file, line: line)
            return
        }
        if actual != expected {
            XCTFail("\(name).txt differs:\n--- expected\n\(expected)\n--- actual\n\(actual)", file: file, line: line)
        }
        XCTAssertFalse(actual.split(separator: "\n").contains { $0.hasSuffix(" ") || $0.hasSuffix(" \r") },
                       "\(name): a line ends in a space", file: file, line: line)
    }
}
