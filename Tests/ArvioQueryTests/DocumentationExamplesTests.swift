import ArvioQuery
import Foundation
import XCTest

/// Every ```arvio example in docs/language.md runs on the fixtures without a diagnostic, so the
/// reference cannot drift from the language.
final class DocumentationExamplesTests: XCTestCase {
    func testEveryExampleInTheLanguageReferenceRuns() throws {
        let url = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("docs/language.md")
        let text = try String(contentsOf: url, encoding: .utf8)
        var examples: [(line: Int, source: String)] = []
        var current: [String]?
        var start = 0
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if current == nil, line == "```arvio" {
                current = []
                start = index + 2
            } else if current != nil, line == "```" {
                examples.append((start, current?.joined(separator: "\n") ?? ""))
                current = nil
            } else {
                current?.append(String(line))
            }
        }
        XCTAssertGreaterThan(examples.count, 15)
        for example in examples {
            var session = Session(workspace: Fixtures.workspace)
            do {
                _ = try session.run(example.source, file: "language.md", firstLine: example.line)
            } catch {
                XCTFail("example fails:\n\(error.rendered())")
            }
        }
    }
}
