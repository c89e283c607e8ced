import Foundation
import XCTest
@testable import ArvioData

/// A file parsed in pieces (one per core) must give the same table, and the same errors at the
/// same lines, as one pass over it: whatever the pieces' cuts fall on.
final class CSVChunkingTests: XCTestCase {
    private func read(_ text: String, pieces: Int, codebook: Codebook? = nil) throws -> Table {
        try CSVReader.read(bytes: Array(text.utf8), file: "test.csv", name: "t", codebook: codebook, pieces: pieces)
    }

    private func failure(_ text: String, pieces: Int, codebook: Codebook? = nil) -> String? {
        do {
            _ = try read(text, pieces: pieces, codebook: codebook)
            return nil
        } catch {
            return (error as? DataError)?.description
        }
    }

    /// The cells of every column as text, to compare two reads.
    private func cells(_ t: Table) -> [[String]] {
        t.columns.map { column in
            (0..<t.rowCount).map { row -> String in
                switch column.data {
                case .integer(let v): return "\(v[row])"
                case .decimal(let v): return "\(v[row])"
                case .text(let v): return v[row] ?? "<missing>"
                case .categorical(let c, _): return c.level(at: row)?.value ?? "<missing>"
                }
            }
        }
    }

    private func rows(_ count: Int, from first: Int) -> String {
        (first..<first + count).map { "P\($0),\($0 % 5 + 1),org\($0 % 3)\n" }.joined()
    }

    func testPiecesGiveTheSameTableAsOnePass() throws {
        let text = "id,score,org\n" + rows(1000, from: 0) + "\n\r\n" + rows(1000, from: 1000)
        let whole = try read(text, pieces: 1)
        XCTAssertEqual(whole.rowCount, 2000)
        for pieces in 2...7 {
            let t = try read(text, pieces: pieces)
            XCTAssertEqual(t.rowCount, 2000)
            XCTAssertEqual(t.columns.map(\.type), whole.columns.map(\.type))
            XCTAssertEqual(cells(t), cells(whole), "\(pieces) pieces")
        }
    }

    func testQuotedFieldSpanningACutIsReadWhole() throws {
        // The middle of the file is one quoted field of many lines that look like records, so
        // a cut lands inside it and the piece after the cut starts out of step.
        let inside = (0..<400).map { "Q\($0),9,orgX" }.joined(separator: "\n")
        let text = "id,score,org\n" + rows(100, from: 0) + "P100,3,\"" + inside + "\"\n" + rows(100, from: 101)
        let whole = try read(text, pieces: 1)
        XCTAssertEqual(whole.rowCount, 201)
        for pieces in 2...5 {
            let t = try read(text, pieces: pieces)
            XCTAssertEqual(t.rowCount, 201, "\(pieces) pieces")
            XCTAssertEqual(cells(t), cells(whole), "\(pieces) pieces")
            guard case .categorical(let org, _) = t.columns[2].data else { return XCTFail("\(t.columns[2].type)") }
            XCTAssertEqual(org.level(at: 100)?.value, inside)
        }
    }

    func testRaggedRowInALaterPieceNamesItsLineInTheFile() {
        let text = "id,score,org\n" + rows(1500, from: 0) + "P9,1\n" + rows(10, from: 2000)
        let expected = "test.csv:1502:3: this row has 2 fields, but the header has 3"
        for pieces in 1...4 {
            XCTAssertEqual(failure(text, pieces: pieces), expected, "\(pieces) pieces")
        }
    }

    func testErrorAfterAQuotedFieldSpanningACutNamesItsLine() {
        let inside = (0..<300).map { "x\($0)" }.joined(separator: "\n")
        let text = "id,score,org\n" + rows(50, from: 0) + "P50,3,\"" + inside + "\"\n" + rows(200, from: 51) + "P9,1,a,b\n"
        // header 1, rows 2–51, the quoted record 52–351, rows 352–551, the bad row 552.
        let expected = "test.csv:552:4: this row has 4 fields, but the header has 3"
        for pieces in 1...4 {
            XCTAssertEqual(failure(text, pieces: pieces), expected, "\(pieces) pieces")
        }
    }

    func testUnclosedQuoteInALaterPieceNamesTheLineItOpensOn() {
        let text = "id,score,org\n" + rows(1000, from: 0) + "P1000,2,\"open\n" + rows(5, from: 1001)
        let expected = "test.csv:1002:3: a quoted field starts here but its closing quote (\") is missing"
        for pieces in 1...3 {
            XCTAssertEqual(failure(text, pieces: pieces), expected, "\(pieces) pieces")
        }
    }

    func testDeclaredTypeErrorFirstSeenInALaterPieceNamesItsLine() throws {
        let book = try Codebook.parse(Array("table,column,type\nt,score,integer\n".utf8), file: "cb.csv")
        let text = "id,score,org\n" + rows(1200, from: 0) + "P7,seven,org1\n" + rows(3, from: 1300) + "P8,seven,org2\n"
        let expected = "test.csv:1202:2: expected a whole number for column \"score\", as the codebook declares, but found \"seven\""
        for pieces in 1...4 {
            XCTAssertEqual(failure(text, pieces: pieces, codebook: book), expected, "\(pieces) pieces")
        }
    }

    func testManyDistinctValuesWidenTheCodesAcrossPieces() throws {
        let text = "id\n" + (0..<140_000).map { "v\($0 % 66_000)\n" }.joined()
        let whole = try read(text, pieces: 1)
        let split = try read(text, pieces: 3)
        guard case .text = whole.columns[0].data else {
            guard case .categorical(let a, _) = whole.columns[0].data, case .categorical(let b, _) = split.columns[0].data else {
                return XCTFail("\(whole.columns[0].type)")
            }
            XCTAssertEqual(a.codes.widened, b.codes.widened)
            XCTAssertEqual(a.levels, b.levels)
            guard case .u32 = a.codes else { return XCTFail("66000 levels need 32-bit codes") }
            return
        }
        XCTAssertEqual(cells(whole), cells(split))
    }

    func testAFileOnDiskIsReadInPiecesLikeItsBytes() throws {
        let text = "\u{FEFF}id,score,org\n" + rows(200_000, from: 0)
        let path = NSTemporaryDirectory() + "arvio-chunking-\(getpid()).csv"
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let fromDisk = try CSVReader.read(path: path, name: "t")
        let fromBytes = try read(text, pieces: 1)
        XCTAssertEqual(fromDisk.columnNames, ["id", "score", "org"])
        XCTAssertEqual(fromDisk.rowCount, 200_000)
        XCTAssertEqual(cells(fromDisk), cells(fromBytes))
    }

    func testANonUTF8FileOnDiskIsStillReadAsWindows1252() throws {
        let bytes = Array("org\nJyv".utf8) + [0xE4] + Array("l".utf8) + [0xE4] + Array("\n".utf8)
        let path = NSTemporaryDirectory() + "arvio-cp1252-\(getpid()).csv"
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let t = try CSVReader.read(path: path, name: "t")
        guard case .categorical(let org, _) = t.columns[0].data else { return XCTFail() }
        XCTAssertEqual(org.levels.first?.value, "Jyvälä")
    }

    func testCancellingALoadKeepsNothing() throws {
        let text = "id,score,org\n" + rows(300_000, from: 0)
        let path = NSTemporaryDirectory() + "arvio-cancel-\(getpid()).csv"
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        XCTAssertThrowsError(try CSVReader.read(path: path, name: "t", isCancelled: { true })) { error in
            XCTAssertEqual((error as? DataError)?.message, "the load was cancelled; nothing was loaded")
        }
    }

    /// The flag set at each of the load's looks in turn, from the first (while parsing) to past
    /// the last (while the columns are typed): every load either stops with the cancellation
    /// or gives the whole table, never a part of it.
    func testAFlagSetAtAnyLookStopsTheLoadOrLeavesItWhole() throws {
        // Two pieces of more than one block (65 536 rows) each, so the typing looks too.
        let text = "id,score,org\n" + rows(140_000, from: 0)
        let path = NSTemporaryDirectory() + "arvio-cancel-late-\(getpid()).csv"
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let whole = try CSVReader.read(path: path, name: "t")
        final class Looks: @unchecked Sendable {
            let lock = NSLock()
            var count = 0
            func next() -> Int { lock.lock(); defer { lock.unlock() }; count += 1; return count }
        }
        var cancelled = 0
        for setAt in 1...400 {
            let looks = Looks()
            do {
                let table = try CSVReader.read(path: path, name: "t", isCancelled: { looks.next() >= setAt })
                XCTAssertEqual(cells(table), cells(whole), "flag at look \(setAt)")
                XCTAssertGreaterThan(cancelled, 1, "the parse and the typing both stopped on it")
                return
            } catch {
                XCTAssertEqual(error.message, "the load was cancelled; nothing was loaded", "look \(setAt)")
                cancelled += 1
            }
        }
        XCTFail("a flag never set should have let the load finish")
    }
}
