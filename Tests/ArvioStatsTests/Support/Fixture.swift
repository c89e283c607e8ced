import Foundation
import XCTest

/// Reads a JSON fixture from `Fixtures/`, located from this file's path so no bundle is needed.
func loadFixture(_ name: String, file: StaticString = #filePath) throws -> [String: Any] {
    let url = URL(fileURLWithPath: "\(#filePath)")
        .deletingLastPathComponent()
        .deletingLastPathComponent()
        .appendingPathComponent("Fixtures")
        .appendingPathComponent(name)
    let data = try Data(contentsOf: url)
    guard let object = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
        throw CocoaError(.fileReadCorruptFile)
    }
    return object
}

/// Asserts `actual` is within `tolerance` of `expected`, absolutely or (for large or tiny values) relatively.
func assertClose(_ actual: Double?, _ expected: Double, tolerance: Double = 1e-6, relative: Bool = false,
                 _ message: @autoclosure () -> String = "", file: StaticString = #filePath, line: UInt = #line) {
    guard let actual else {
        XCTFail("nil, expected \(expected) \(message())", file: file, line: line)
        return
    }
    let scale = relative ? max(abs(expected), Double.leastNormalMagnitude) : 1
    XCTAssert(abs(actual - expected) <= tolerance * scale,
              "\(actual) is not within \(tolerance)\(relative ? " (relative)" : "") of \(expected) \(message())",
              file: file, line: line)
}

extension Dictionary where Key == String, Value == Any {
    /// A number field of a fixture row.
    func number(_ key: String) -> Double { (self[key] as? NSNumber)?.doubleValue ?? .nan }
    /// An integer field of a fixture row.
    func integer(_ key: String) -> Int { (self[key] as? NSNumber)?.intValue ?? -1 }
    /// A list of rows.
    func rows(_ key: String) -> [[String: Any]] { self[key] as? [[String: Any]] ?? [] }
    /// A numeric vector field.
    func vector(_ key: String) -> [Double] { (self[key] as? [NSNumber])?.map(\.doubleValue) ?? [] }
    /// A count-matrix field.
    func matrix(_ key: String) -> [[Int]] { (self[key] as? [[NSNumber]])?.map { $0.map(\.intValue) } ?? [] }
}
