import Foundation
import XCTest

/// Tests/Fixtures/paired/reference.txt, written by reference.R beside it: one line per case,
/// `name key=value ...`.
enum PairedReference {
    static let values: [String: [String: Double]] = {
        let path = TestSupport.root + "/Tests/Fixtures/paired/reference.txt"
        let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
        var result: [String: [String: Double]] = [:]
        for line in text.split(separator: "\n") {
            let parts = line.split(separator: " ")
            guard let name = parts.first else { continue }
            var fields: [String: Double] = [:]
            for part in parts.dropFirst() {
                let pair = part.split(separator: "=")
                if pair.count == 2, let value = Double(pair[1]) { fields[String(pair[0])] = value }
            }
            result[String(name)] = fields
        }
        return result
    }()

    /// The value of `key` in case `name`, or a failure naming what is missing.
    static func value(_ name: String, _ key: String, file: StaticString = #filePath, line: UInt = #line) throws -> Double {
        try XCTUnwrap(values[name]?[key], "reference.txt has no \(name) \(key)", file: file, line: line)
    }
}
