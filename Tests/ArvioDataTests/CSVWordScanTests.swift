import XCTest
@testable import ArvioData

/// The chunked loader finds field ends eight bytes at a time (`ChunkParser`), while the record
/// reader (`CSVParser`) reads one byte at a time through `CSVTokenizer`. They must agree on every
/// cell, and on every error, wherever the delimiters, quotes and line ends fall in a word and
/// however close to the end of the input.
final class CSVWordScanTests: XCTestCase {
    /// What a reading gave: each record's cells, or the error's text.
    private enum Outcome: Equatable {
        case records([[String]])
        case failure(String)
    }

    /// The records by the byte-at-a-time reader, each padded or cut to `columns` cells the way
    /// the loader stores them (it stops at a ragged row with an error, as this does).
    private func reference(_ bytes: [UInt8], columns: Int) -> Outcome {
        var parser = CSVParser(bytes: bytes, delimiter: UInt8(ascii: ","), file: "t.csv")
        var fields: [CSVParser.Field] = []
        var records: [[String]] = []
        do {
            while try parser.next(into: &fields) {
                if fields.count != columns {
                    return .failure("t.csv:\(parser.line):\(min(fields.count, columns) + 1): this row has \(fields.count) fields, but the header has \(columns)")
                }
                records.append(fields.map(parser.string))
            }
        } catch {
            return .failure(error.description)
        }
        return .records(records)
    }

    /// The records by the word-at-a-time parser, from its per-column dictionaries and codes.
    private func chunked(_ bytes: [UInt8], columns: Int) -> Outcome {
        bytes.withUnsafeBufferPointer { buffer in
            let parser = ChunkParser(bytes: buffer, delimiter: UInt8(ascii: ","), columnCount: columns, file: "t.csv")
            let result = parser.parse(from: 0, line: 1, until: buffer.count, expectedRows: 4)
            if let error = result.error { return .failure(error.description) }
            return .records((0..<result.rows).map { row in
                result.columns.map { column in
                    let code = column.codes[row]
                    return code == 0 ? "" : column.dictionary.string(of: code)
                }
            })
        }
    }

    private func assertAgree(_ text: String, columns: Int, file: StaticString = #filePath, line: UInt = #line) {
        let bytes = Array(text.utf8)
        XCTAssertEqual(chunked(bytes, columns: columns), reference(bytes, columns: columns),
                       "\(text.debugDescription)", file: file, line: line)
    }

    func testCellsOfEveryLengthAroundAWordAtEveryOffset() {
        // Cells of 0…18 bytes after a lead of 0…8 bytes put each delimiter and line end at
        // every position in a word, and a cell's end exactly on a word's end.
        for lead in 0...8 {
            for length in 0...18 {
                let cell = String(repeating: "x", count: length)
                let first = String(repeating: "a", count: lead)
                assertAgree("\(first),\(cell),z\n\(cell),\(first),\(cell)\n", columns: 3)
                assertAgree("\(first),\(cell),z\r\n\(cell),\(first),\(cell)", columns: 3)
                assertAgree("\(first),\(cell)\r\(cell),\(first)\r", columns: 2)
            }
        }
    }

    func testTheLastCellsOfTheInputAreReadWithFewerThanEightBytesLeft() {
        assertAgree("a", columns: 1)
        assertAgree("a,b", columns: 2)
        assertAgree("abcdefgh,", columns: 2)
        assertAgree("abcdefghi,j", columns: 2)
        assertAgree("abcdefg,hijklmnopq,", columns: 3)
        assertAgree("abcdefghijklmnop,q\n", columns: 2)
        assertAgree(",,,\n", columns: 4)
        assertAgree("12345678901234567\n,", columns: 1)
    }

    func testQuotedFieldsSpanningWordsAndLines() {
        assertAgree("\"ab,c\ndef\"\"gh, ij\",k\nlm,\"n\"\n", columns: 2)
        assertAgree("x,\"a very long quoted cell, with \"\"quotes\"\", commas\r\nand lines\"\r\ny,z\r\n", columns: 2)
        assertAgree("\"\",\"\"\"\"\n\"12345678\",\"123456789\"\n", columns: 2)
        // A quote inside an unquoted cell is plain text, also past the first word.
        assertAgree("abcdefghij\"k,l\"m\nn,o\n", columns: 2)
    }

    func testBlankLinesAndFinnishText() {
        assertAgree("\n\r\nJyväskylä,Työelämä\n\n\r\rÄänekoski,ö\n\n", columns: 2)
        assertAgree("Jyvässeudun Työttömät,hyvinvointi,työelämä\nTekevä,ä,\n", columns: 3)
    }

    func testErrorsNameTheSameLineAndField() {
        assertAgree("a,b\nc\nd,e\n", columns: 2)
        assertAgree("abcdefghijk,b\nc,d,e\n", columns: 2)
        assertAgree("a,\"open\nb,c\n", columns: 2)
        assertAgree("a,\"closed\"text\nb,c\n", columns: 2)
        assertAgree("a,b\n\"x\nyz\",q,r\n", columns: 2)
    }

    func testRandomInputsAgree() {
        // Deterministic (SplitMix64), so a failure names an input that can be run again.
        var state: UInt64 = 20_261_204
        func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        let pieces = ["a", "bc", "12345678", "P0000001", "hyvinvointi", "ä", ",", ",", ",", "\n", "\r\n", "\r",
                      "\"", "\"q,\n\"", "\"\"", "", "NA", "Jyvässeudun Työttömät"]
        for _ in 0..<3000 {
            let columns = Int(next() % 4) + 1
            let count = Int(next() % 40)
            let text = (0..<count).map { _ in pieces[Int(next() % UInt64(pieces.count))] }.joined()
            assertAgree(text, columns: columns)
        }
    }

    func testZeroBytesOfAWordAreFoundExactly() {
        // Every single byte value, in every position, against the three bytes that end a cell:
        // a carry between bytes would make a byte next to a match look like one.
        let delimiters = ChunkParser.broadcast(UInt8(ascii: ";"))
        for position in 0..<8 {
            for value in 0...255 {
                var bytes = [UInt8](repeating: UInt8(ascii: "x"), count: 8)
                bytes[position] = UInt8(value)
                let word = bytes.withUnsafeBufferPointer { ChunkParser.load($0.baseAddress!) }
                let ends = ChunkParser.ends(word, delimiters)
                let isEnd = value == 0x3B || value == 0x0A || value == 0x0D
                XCTAssertEqual(ends, isEnd ? 0x80 << UInt64(8 * position) : 0, "byte \(value) at \(position)")
            }
        }
        XCTAssertEqual(ChunkParser.zeroBytes(0x0001_0000_FF00_0100), 0x8000_8080_0080_0080)
    }
}
