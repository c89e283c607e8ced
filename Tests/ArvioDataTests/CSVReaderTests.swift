import XCTest
@testable import ArvioData

final class CSVReaderTests: XCTestCase {
    private func read(_ text: String, codebook: Codebook? = nil) throws -> Table {
        try CSVReader.read(bytes: Array(text.utf8), file: "test.csv", name: "t", codebook: codebook)
    }

    private func failure(_ bytes: [UInt8], codebook: Codebook? = nil) -> DataError? {
        do {
            _ = try CSVReader.read(bytes: bytes, file: "test.csv", name: "t", codebook: codebook)
            return nil
        } catch {
            return error
        }
    }

    private func failure(_ text: String, codebook: Codebook? = nil) -> DataError? {
        failure(Array(text.utf8), codebook: codebook)
    }

    func testInfersIntegerDecimalAndCategoricalColumns() throws {
        let t = try read("id,score,org\n1,2.5,Tekevä\n2,,Työttömät\n3,4,Tekevä\n")
        XCTAssertEqual(t.rowCount, 3)
        XCTAssertEqual(t.columns.map(\.type), [.integer, .decimal, .categorical])
        guard case .decimal(let scores) = t.columns[1].data else { return XCTFail() }
        XCTAssertEqual(scores[0], 2.5)
        XCTAssertTrue(scores[1].isNaN, "an empty field is missing, not zero")
        guard case .categorical(let org, _) = t.columns[2].data else { return XCTFail() }
        XCTAssertEqual(org.levels.map(\.value), ["Tekevä", "Työttömät"])
        XCTAssertEqual(org.codes.widened, [1, 2, 1])
    }

    func testQuotedFieldsHoldDelimitersNewlinesAndDoubledQuotes() throws {
        let t = try read("a,b\n\"x, y\",\"line1\nline2\"\n\"say \"\"hi\"\"\",z\n")
        guard case .categorical(let a, _) = t.columns[0].data, case .categorical(let b, _) = t.columns[1].data else {
            return XCTFail()
        }
        XCTAssertEqual(a.level(at: 0)?.value, "x, y")
        XCTAssertEqual(a.level(at: 1)?.value, "say \"hi\"")
        XCTAssertEqual(b.level(at: 0)?.value, "line1\nline2")
    }

    func testSniffsSemicolonWithDecimalCommaAndCRLF() throws {
        let t = try read("nimi;arvo\r\nA;3,5\r\nB;4\r\n")
        XCTAssertEqual(t.rowCount, 2)
        guard case .decimal(let v) = t.columns[1].data else { return XCTFail("\(t.columns[1].type)") }
        XCTAssertEqual(v, [3.5, 4])
    }

    func testSniffsTabs() throws {
        let t = try read("a\tb\n1\tx\n2\ty\n")
        XCTAssertEqual(t.columnNames, ["a", "b"])
        XCTAssertEqual(t.columns[0].type, .integer)
    }

    func testStripsUTF8ByteOrderMark() throws {
        let t = try CSVReader.read(bytes: [0xEF, 0xBB, 0xBF] + Array("id\n1\n".utf8), file: "bom.csv", name: "t")
        XCTAssertEqual(t.columnNames, ["id"])
    }

    func testReadsWindows1252WhenBytesAreNotUTF8() throws {
        // "Jyvälä" with ä as the single byte 0xE4, as a Finnish Excel export writes it.
        let bytes = Array("org\nJyv".utf8) + [0xE4] + Array("l".utf8) + [0xE4] + Array("\n".utf8)
        let t = try CSVReader.read(bytes: bytes, file: "win.csv", name: "t")
        guard case .categorical(let org, _) = t.columns[0].data else { return XCTFail() }
        XCTAssertEqual(org.levels.first?.value, "Jyvälä")
    }

    func testUnbalancedQuoteNamesTheLineWhereTheFieldStarts() {
        let error = failure("a,b\n1,2\n3,\"open\n4,5\n")
        XCTAssertEqual(error?.description, "test.csv:3:2: a quoted field starts here but its closing quote (\") is missing")
    }

    func testRaggedRowNamesLineAndFieldCounts() {
        let error = failure("a,b,c\n1,2,3\n4,5\n")
        XCTAssertEqual(error?.description, "test.csv:3:3: this row has 2 fields, but the header has 3")
    }

    func testUndecodableByteIsAnError() {
        // 0x81 encodes nothing in Windows-1252, and the file is not UTF-8 either.
        let error = failure(Array("a\nx".utf8) + [0x81] + Array("\n".utf8))
        XCTAssertEqual(error?.description, "test.csv:2: this byte (0x81) is neither UTF-8 nor Windows-1252 text")
    }

    func testStrayByteInAUTF8FileIsAnError() {
        let error = failure(Array("a\nä\n".utf8) + [0xFF] + Array("\n".utf8))
        XCTAssertEqual(error?.description, "test.csv:3: this byte (0xFF) is not valid UTF-8, although the file is UTF-8 before it")
    }

    func testValueBreakingADeclaredTypeNamesLineAndField() throws {
        let book = try Codebook.parse(Array("table,column,type\nt,age,integer\n".utf8), file: "cb.csv")
        let error = failure("name,age\nA,30\nB,thirty\n", codebook: book)
        XCTAssertEqual(error?.description,
                       "test.csv:3:2: expected a whole number for column \"age\", as the codebook declares, but found \"thirty\"")
    }

    func testValueOutsideADeclaredScaleIsAnError() throws {
        let book = try Codebook.parse(Array("table,column,type,values\nt,score,ordinal,1|2|3\n".utf8), file: "cb.csv")
        let error = failure("score\n1\n3\n7\n", codebook: book)
        XCTAssertEqual(error?.description,
                       "test.csv:4:1: expected one of the values the codebook lists for column \"score\": 1, 2, 3, but found \"7\"")
    }

    func testEmptyFileAndDuplicateHeaderAreErrors() {
        XCTAssertEqual(failure("")?.description,
                       "test.csv: the file is empty; a CSV file starts with a header row naming its columns")
        XCTAssertEqual(failure("a,a\n1,2\n")?.description, "test.csv:1:2: the header names column \"a\" twice")
    }

    func testCodebookOrdinalKeepsScaleOrderAndLabels() throws {
        let book = try Codebook.parse(Array("""
            table,column,type,key,references,values,labels_en,labels_fi,label_en,label_fi
            t,score,ordinal,,,1|2|3,poorly|moderately|well,heikosti|kohtalaisesti|hyvin,Score,Arvio
            t,id,text,yes,,,,,,

            """.utf8), file: "cb.csv")
        let t = try read("id,score\nP01,3\nP02,1\nP03,\n", codebook: book)
        XCTAssertEqual(t.key, ["id"])
        guard case .categorical(let score, let ordered) = t.columns[1].data else { return XCTFail() }
        XCTAssertTrue(ordered)
        XCTAssertEqual(score.codes.widened, [3, 1, 0])
        XCTAssertEqual(score.levels[2].display(.fi), "hyvin")
        XCTAssertEqual(score.levels[2].number, 3)
        XCTAssertEqual(t.columns[1].label, Localized(en: "Score", fi: "Arvio"))
    }

    func testSharedReferenceFixtureLoadsWithTypesAndMissingValues() throws {
        let t = try CSVReader.read(path: Paths.fixtures + "/reference/survey-small.csv", name: "survey")
        XCTAssertEqual(t.rowCount, 16)
        XCTAssertEqual(t.columnNames, ["id", "org", "entry_route", "pre_motiv", "pre_conf", "pre_know", "post_motiv", "post_conf", "post_know"])
        XCTAssertEqual(t.columns.map(\.type), [.integer, .categorical, .categorical] + Array(repeating: .integer, count: 6))
        let post = t.column(named: "post_motiv")!.data
        XCTAssertEqual((0..<16).filter { post.isMissing($0) }.count, 4)
        let pre = t.column(named: "pre_motiv")!.data
        let mean = (0..<16).compactMap { pre.number(at: $0) }.reduce(0, +) / 16
        XCTAssertEqual(mean, 2.875, accuracy: 1e-12)  // survey-small.expected.md: pre_motiv mean 2.875000
    }

    func testTheSmallestInt64IsReadAsADecimalNotAsMissing() throws {
        // Int64.min is the missing sentinel; a file holding it must not lose the value.
        let t = try read("a\n-9223372036854775808\n5\n")
        XCTAssertEqual(t.columns[0].type, .decimal)
        XCTAssertFalse(t.columns[0].data.isMissing(0))
    }
}
