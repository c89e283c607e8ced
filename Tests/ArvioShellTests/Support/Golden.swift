import XCTest
import ArvioData

/// Compares text with a golden file under `Tests/ArvioShellTests/Golden/`; with
/// `ARVIO_RECORD=1` in the environment it writes the file instead (read it before committing).
func assertGolden(_ text: String, _ name: String, file: StaticString = #filePath, line: UInt = #line) {
    let path = TestSupport.root + "/Tests/ArvioShellTests/Golden/" + name
    if ProcessInfo.processInfo.environment["ARVIO_RECORD"] == "1" {
        let folder = String(path[..<path.lastIndex(of: "/")!])
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        XCTAssertNoThrow(try FileIO.writeAtomically(Array(text.utf8), to: path), file: file, line: line)
        return
    }
    guard let bytes = try? FileIO.read(path) else {
        return XCTFail("no golden file \(name); record it with ARVIO_RECORD=1 and read it", file: file, line: line)
    }
    let expected = String(decoding: bytes, as: UTF8.self)
    XCTAssertEqual(text, expected, "differs from golden file \(name)", file: file, line: line)
}

/// What running `source` on the built-in data prints (results and diagnostics), at width 80.
func output(of source: String, width: Int = 80, language: Language = .en) -> String {
    let (shell, console) = TestSupport.interpreter()
    shell.settings.width = width
    shell.settings.language = language
    shell.session.language = language
    shell.run(source, file: "<test>", keepGoing: true)
    return console.text
}
