import Foundation
import XCTest
@testable import ArvioData

/// A load of some columns (`CSVReader.read(path:…, only:)`) gives the columns a full load gives,
/// and every error a full load reports: the skipped fields are checked for their structure,
/// NUL bytes and UTF-8, in every piece of a file parsed in pieces.
final class CSVProjectionTests: XCTestCase {
    /// A file large enough to be parsed in pieces, whose skipped columns hold what the word scan
    /// must step over: quoted fields with delimiters, line ends and doubled quotes, Finnish text,
    /// long and empty fields.
    private static func text(rows: Int) -> String {
        var lines = ["id,org,note,score,phase,comment"]
        let orgs = ["Katulähetys", "Jyväskylän seurakunta", "Oulu", "Työpaja Åbo"]
        for r in 0..<rows {
            let note: String
            switch r % 7 {
            case 0: note = "\"says \"\"hi\"\", then, leaves\""
            case 1: note = "\"two\nlines\""
            case 2: note = ""
            case 3: note = "pitkä teksti joka on yli kahdeksan tavua"
            default: note = "n\(r % 11)"
            }
            let score = r % 13 == 0 ? "" : "\(r % 5 + 1)"
            lines.append("P\(r),\(orgs[r % 4]),\(note),\(score),\(r % 2 == 0 ? "pre" : "post"),c\(r % 3)ä")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func write(_ bytes: [UInt8]) throws -> String {
        let path = NSTemporaryDirectory() + "arvio-projection-\(getpid())-\(UUID().uuidString).csv"
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        addTeardownBlock { try? FileManager.default.removeItem(atPath: path) }
        return path
    }

    /// Each column's type and cells as text, to compare two reads.
    private func cells(_ column: Column, rows: Int) -> [String] {
        (0..<rows).map { row -> String in
            switch column.data {
            case .integer(let v): return "i\(v[row])"
            case .decimal(let v): return "d\(v[row])"
            case .text(let v): return "t" + (v[row] ?? "<missing>")
            case .categorical(let c, let ordered): return "c\(ordered)" + (c.level(at: row)?.value ?? "<missing>")
            }
        }
    }

    private func failure(_ path: String, only: Set<String>?) -> String? {
        do {
            _ = try CSVReader.read(path: path, name: "t", only: only)
            return nil
        } catch {
            return error.description
        }
    }

    func testSomeColumnsAreThoseOfAFullLoad() throws {
        let path = try write(Array(Self.text(rows: 150_000).utf8))
        let full = try CSVReader.read(path: path, name: "t")
        for only: Set<String> in [["score", "phase"], ["org"], ["id", "comment"], ["note", "score"]] {
            let (some, header) = try CSVReader.readColumns(path: path, name: "t", only: only)
            XCTAssertEqual(header, full.columnNames)
            XCTAssertEqual(some.columnNames, full.columnNames.filter(only.contains))
            XCTAssertEqual(some.rowCount, full.rowCount)
            for column in some.columns {
                let whole = try XCTUnwrap(full.column(named: column.name))
                XCTAssertEqual(cells(column, rows: some.rowCount), cells(whole, rows: full.rowCount), column.name)
            }
        }
    }

    func testARaggedRowInASkippedPartIsReportedAsByAFullLoad() throws {
        var text = Self.text(rows: 150_000)
        // Deep in a later piece: a record with a field too many, after the columns that are read.
        let at = try XCTUnwrap(text.range(of: "\nP120001,"))
        text.insert(contentsOf: "\nP9,Oulu,x,1,pre,c,extra", at: at.lowerBound)
        let path = try write(Array(text.utf8))
        let expected = try XCTUnwrap(failure(path, only: nil))
        XCTAssertTrue(expected.contains("fields, but the header has 6"), expected)
        XCTAssertEqual(failure(path, only: ["score"]), expected)
    }

    func testAnUnclosedQuoteInASkippedColumnIsReportedAsByAFullLoad() throws {
        let text = Self.text(rows: 1000) + "P1,Oulu,\"never closed,1,pre,c\n"
        let path = try write(Array(text.utf8))
        let expected = try XCTUnwrap(failure(path, only: nil))
        XCTAssertEqual(failure(path, only: ["score", "phase"]), expected)
    }

    func testANULInASkippedColumnIsReportedAsByAFullLoad() throws {
        let bytes = Array((Self.text(rows: 1000) + "P1,Oulu,x").utf8) + [0] + Array("y,1,pre,c\n".utf8)
        let path = try write(bytes)
        let expected = try XCTUnwrap(failure(path, only: nil))
        XCTAssertTrue(expected.contains("NUL"), expected)
        XCTAssertEqual(failure(path, only: ["score"]), expected)
    }

    func testBytesThatAreNotUTF8InASkippedColumnAreReadAsByAFullLoad() throws {
        // A Windows-1252 file whose only other non-ASCII text is in a read column: decoded the same.
        let cp1252 = Array("org,note,score\nJyv".utf8) + [0xE4] + Array("l".utf8) + [0xE4] + Array(",a,1\nOulu,p".utf8)
            + [0xE4] + Array("iv".utf8) + [0xE4] + Array(",2\n".utf8)
        let path = try write(cp1252)
        let full = try CSVReader.read(path: path, name: "t")
        let some = try CSVReader.read(path: path, name: "t", only: ["org", "score"])
        let org = try XCTUnwrap(some.column(named: "org"))
        XCTAssertEqual(cells(org, rows: some.rowCount), ["cfalseJyvälä", "cfalseOulu"])
        XCTAssertEqual(cells(org, rows: some.rowCount), cells(try XCTUnwrap(full.column(named: "org")), rows: full.rowCount))
        // UTF-8 up to a byte that is not, in the skipped column: the same error.
        let mixed = Array("org,note,score\nJyväskylä,a,1\nOulu,Jyv".utf8) + [0xE4] + Array("l,2\n".utf8)
        let mixedPath = try write(mixed)
        let expected = try XCTUnwrap(failure(mixedPath, only: nil))
        XCTAssertEqual(failure(mixedPath, only: ["org", "score"]), expected)
    }

    func testABadValueOfTheLengthOfAGoodOneBeforeItIsStillFound() throws {
        // "Jyväl" (6 bytes, UTF-8) many times in the skipped column, then "Jyv\u{E4}lx" (6 bytes,
        // Windows-1252), short and long: a remembered good value must not vouch for a bad one.
        for good in ["Jyväl", "Jyväskylän seutu"] {
            var bytes = Array("org,note,score\n".utf8)
            for r in 0..<500 { bytes += Array("Oulu,\(good),\(r % 5)\n".utf8) }
            let bad = Array(good.utf8).map { $0 == 0xC3 ? 0xE4 : $0 == 0xA4 ? UInt8(ascii: "x") : $0 }
            bytes += Array("Oulu,".utf8) + bad + Array(",1\n".utf8)
            let path = try write(bytes)
            let expected = try XCTUnwrap(failure(path, only: nil))
            XCTAssertEqual(failure(path, only: ["org", "score"]), expected)
        }
    }

    func testAFieldWithADoubledQuoteBetweenTheBytesOfOneCharacterIsUTF8AsAFullLoadSeesIt() throws {
        // C3 "" A4 is not UTF-8 as written, but "ä" once the doubled quote is collapsed.
        let bytes = Array("a,b\n1,\"x".utf8) + [0xC3, 0x22, 0x22, 0xA4] + Array("\"\n2,y\n".utf8)
        let path = try write(bytes)
        let full = try CSVReader.read(path: path, name: "t")
        let some = try CSVReader.read(path: path, name: "t", only: ["a"])
        XCTAssertEqual(cells(some.columns[0], rows: 2), cells(full.columns[0], rows: 2))
    }

    func testACodebookThatDescribesTheTableReadsEveryColumn() throws {
        let path = try write(Array("id,score\nA,1\nB,2\n".utf8))
        let codebook = try Codebook.parse(Array(("table,column,type,key,references,values,labels_en,labels_fi,label_en,label_fi\n"
            + "t,id,text,yes,,,,,,\nt,score,integer,,,,,,,\n").utf8), file: "c.csv")
        let table = try CSVReader.read(path: path, name: "t", codebook: codebook, only: ["score"])
        XCTAssertEqual(table.columnNames, ["id", "score"])
    }
}
