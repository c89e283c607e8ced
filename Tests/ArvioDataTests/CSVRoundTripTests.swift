import XCTest
@testable import ArvioData

/// What the CSV reader keeps exactly, what it normalises (docs/reliability.md, "CSV
/// normalisations"), and what it refuses.
final class CSVRoundTripTests: XCTestCase {
    private func read(_ bytes: [UInt8], missing: Set<String> = CSVReader.defaultMissingTokens) throws -> Table {
        try CSVReader.read(bytes: bytes, file: "t.csv", name: "t", missingTokens: missing)
    }

    private func read(_ text: String) throws -> Table { try read(Array(text.utf8)) }

    private func failure(_ bytes: [UInt8]) -> String? {
        do {
            _ = try read(bytes)
            return nil
        } catch let error as DataError {
            return error.description
        } catch {
            return "\(error)"
        }
    }

    private func levels(_ column: Column) -> [String] {
        guard case .categorical(let data, _) = column.data else { return [] }
        return data.levels.map(\.value)
    }

    func testAQuotedEmptyLineIsAMissingValueNotABlankLine() throws {
        let t = try read("c\n1\n\"\"\n2\n")
        XCTAssertEqual(t.rowCount, 3)
        guard case .integer(let values) = t.columns[0].data else { return XCTFail() }
        XCTAssertEqual(values, [1, Missing.integer, 2])
    }

    func testTrailingSpacesAndCarriageReturnsInQuotedFieldsAreKept() throws {
        let t = try read("a,b\ny ,1\n\"p\rq\",2\n\"r\r\ns\",3\n")
        XCTAssertEqual(levels(t.columns[0]).sorted(), ["p\rq", "r\r\ns", "y "])
    }

    func testNullBytesAreRefusedWithTheirLineAndField() {
        XCTAssertEqual(failure(Array("a,b\n1,x\n2,x\0y\n".utf8)),
                       "t.csv:3:2: this field holds a NUL byte (0x00), which no text holds; is this a binary file, or UTF-16 without a byte-order mark?")
        XCTAssertNotNil(failure(Array("a,b\0\n1,2\n".utf8)))
    }

    func testUTF16FilesWithAByteOrderMarkAreRead() throws {
        let text = "nimi,arvo\nÄänekoski,3\nTyö,4\n"
        let units = Array(text.utf16)
        let little: [UInt8] = [0xFF, 0xFE] + units.flatMap { u -> [UInt8] in [UInt8(u & 0xFF), UInt8(u >> 8)] }
        let big: [UInt8] = [0xFE, 0xFF] + units.flatMap { u -> [UInt8] in [UInt8(u >> 8), UInt8(u & 0xFF)] }
        for bytes in [little, big] {
            let t = try read(bytes)
            XCTAssertEqual(t.columns.map(\.name), ["nimi", "arvo"])
            XCTAssertEqual(levels(t.columns[0]), ["Työ", "Äänekoski"])
        }
        XCTAssertEqual(failure([0xFF, 0xFE, 0x61]),
                       "t.csv: the file is UTF-16 (its byte-order mark says so), but it has an odd number of bytes: it was cut short")
    }

    func testNAIsMissingSoANumericColumnStaysNumeric() throws {
        let t = try read("score,org\n3,NA\nNA,A\n5,B\n")
        guard case .integer(let scores) = t.columns[0].data else { return XCTFail("NA keeps the column numeric") }
        XCTAssertEqual(scores, [3, Missing.integer, 5])
        XCTAssertEqual(levels(t.columns[1]), ["A", "B"], "NA is not a category")
    }

    func testOtherMissingTokensCanBeNamedAndNACanBeKept() throws {
        let t = try read(Array("score\n-99\nNA\n4\n".utf8), missing: ["-99"])
        XCTAssertEqual(t.columns[0].type, .categorical, "with -99 as the only token, NA is a value")
        let u = try read(Array("score\n-99\n4\n".utf8), missing: ["-99", "NA"])
        guard case .integer(let scores) = u.columns[0].data else { return XCTFail() }
        XCTAssertEqual(scores, [Missing.integer, 4])
    }

    func testTheSmallestIntegerIsReadAsADecimalBecauseItMarksMissing() throws {
        let t = try read("a\n-9223372036854775808\n5\n")
        XCTAssertEqual(t.columns[0].type, .decimal)
    }

    func testAFileWithTwentyThousandColumnsIsReadWhole() throws {
        let n = 20_000
        let header = (0..<n).map { "c\($0)" }.joined(separator: ",")
        let row = (0..<n).map { "\($0 % 7)" }.joined(separator: ",")
        let t = try read(header + "\n" + row + "\n" + row + "\n")
        XCTAssertEqual(t.columns.count, n)
        XCTAssertEqual(t.rowCount, 2)
        XCTAssertEqual(t.columns[n - 1].name, "c19999")
        guard case .integer(let last) = t.columns[n - 1].data else { return XCTFail() }
        XCTAssertEqual(last, [Int64((n - 1) % 7), Int64((n - 1) % 7)])
        XCTAssertNotNil(failure(Array((header + ",c5\n" + row + ",1\n").utf8)), "a repeated name is still found")
    }
}
