import XCTest
@testable import ArvioData

/// The one set of quoting rules, seen through the tokenizer itself and through each reader.
final class CSVTokenizerTests: XCTestCase {
    /// Every record of `text` as its fields' text, with the line each starts on.
    private func records(_ text: String, delimiter: Character = ",") throws -> [(line: Int, fields: [String])] {
        let bytes = Array(text.utf8)
        return try bytes.withUnsafeBufferPointer { buffer in
            let tokenizer = CSVTokenizer(bytes: buffer, delimiter: delimiter.asciiValue!)
            var result: [(Int, [String])] = []
            var i = 0, line = 1, start = 0
            var fields: [CSVTokenizer.Field] = []
            while try tokenizer.record(&i, line: &line, recordLine: &start, into: &fields, file: "t.csv") {
                result.append((start, fields.map { String(decoding: tokenizer.unescaped($0), as: UTF8.self) }))
            }
            return result
        }
    }

    func testQuotedFieldsLineEndsAndBlankLines() throws {
        let r = try records("a,b\r\n\n\"x,\n y\",\"say \"\"hi\"\"\"\r\n\r\nz,\n")
        XCTAssertEqual(r.map(\.fields), [["a", "b"], ["x,\n y", "say \"hi\""], ["z", ""]])
        // The quoted line end counts: z is on line 6 of the file.
        XCTAssertEqual(r.map(\.line), [1, 3, 6])
    }

    func testAQuoteInsideAnUnquotedFieldIsText() throws {
        XCTAssertEqual(try records("koko;nimi\n55\";TV\n", delimiter: ";").map(\.fields), [["koko", "nimi"], ["55\"", "TV"]])
    }

    func testBrokenQuotingNamesLineAndField() {
        XCTAssertThrowsError(try records("a,b\n1,\"open\nstill open\n")) { error in
            let e = error as! DataError
            XCTAssertEqual([e.position.line, e.position.field], [2, 2])
            XCTAssertEqual(e.message, "a quoted field starts here but its closing quote (\") is missing")
        }
        XCTAssertThrowsError(try records("a,b\n\"x\ny\"z,1\n")) { error in
            let e = error as! DataError
            XCTAssertEqual([e.position.line, e.position.field], [3, 1])
        }
    }

    func testTheSnifferReadsRecordsAsTheReaderDoes() throws {
        // Under "," the second record breaks the rules (text after a closing quote), under ";"
        // every record has two fields, and the quote in 55" is text.
        let text = "koko;nimi\n55\";\"TV, iso\"\n\"43\";pieni\n"
        XCTAssertEqual(CSVDialect.sniff(Array(text.utf8)), CSVDialect(delimiter: UInt8(ascii: ";"), decimalComma: true))
        let table = try CSVReader.read(bytes: Array(text.utf8), file: "t.csv", name: "t")
        guard case .categorical(let koko, _) = table.columns[0].data else { return XCTFail() }
        XCTAssertEqual((0..<2).map { koko.level(at: $0)?.value }, ["55\"", "43"])
        XCTAssertEqual(table.rowCount, 2)
    }

    func testTheSmallFileParserAndTheChunkedLoaderAgree() throws {
        let text = "id,note\n1,\"a,\nb\"\n2,\"\"\"q\"\"\"\n\n3,plain\n"
        var parser = CSVParser(bytes: Array(text.utf8), delimiter: UInt8(ascii: ","), file: "t.csv")
        var fields: [CSVParser.Field] = []
        var notes: [String] = []
        _ = try parser.next(into: &fields)
        while try parser.next(into: &fields) { notes.append(parser.string(fields[1])) }
        let table = try CSVReader.read(bytes: Array(text.utf8), file: "t.csv", name: "t")
        guard case .categorical(let note, _) = table.columns[1].data else { return XCTFail() }
        XCTAssertEqual(notes, ["a,\nb", "\"q\"", "plain"])
        XCTAssertEqual((0..<3).map { note.level(at: $0)?.value }, notes.map { $0 })
    }
}
