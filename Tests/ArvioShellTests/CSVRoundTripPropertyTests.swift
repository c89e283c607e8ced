import ArvioData
import ArvioRender
import XCTest

/// Seeded random tables through `.save`'s CSV writer and back through the reader: what comes
/// back writes the same CSV again, so a round trip loses nothing (docs/reliability.md, "CSV
/// normalisations"). Random bytes through the reader end in a table or an error, never a crash.
final class CSVRoundTripPropertyTests: XCTestCase {
    /// SplitMix64, so a failure can be replayed from its seed.
    private struct Random {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
    }

    private static let pieces = ["", "", "x", "y ", " z", "a,b", "say \"hi\"", "p\rq", "r\r\ns", "t\nu", "NA ", "Työ",
                                 "Äänekoski", "12", "-3", "4.5", "0", "1e3", "\"", ",", " "]

    private func csv(_ table: Table) -> String {
        TableRenderer.render(table, format: .csv)
    }

    func testSavedTablesLoadBackToTheSameCSV() throws {
        var random = Random(state: 20_261_202)
        for trial in 0..<300 {
            let columns = 1 + random.below(4), rows = random.below(6)
            var text = (0..<columns).map { "c\($0)" }.joined(separator: ",") + "\n"
            for _ in 0..<rows {
                text += (0..<columns).map { _ in
                    let piece = Self.pieces[random.below(Self.pieces.count)]
                    return "\"" + piece.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"") + "\""
                }.joined(separator: ",") + "\n"
            }
            let first = try CSVReader.read(bytes: Array(text.utf8), file: "t\(trial).csv", name: "t")
            XCTAssertEqual(first.rowCount, rows, "trial \(trial): \(text.debugDescription)")
            let written = csv(first)
            let second = try CSVReader.read(bytes: Array(written.utf8), file: "u\(trial).csv", name: "t")
            XCTAssertEqual(second.rowCount, rows, "trial \(trial)")
            XCTAssertEqual(csv(second), written, "trial \(trial): \(text.debugDescription)")
        }
    }

    func testMutatedFilesGiveATableOrAnErrorNeverACrash() {
        var random = Random(state: 13)
        let seed = Array("id,q1,org\n1,3,\"Tekevä, ry\"\n2,,NA\n3,5,\"a\"\"b\"\n".utf8)
        let alphabet: [UInt8] = [0, 0x0A, 0x0D, 0x22, 0x2C, 0x3B, 0x09, 0x20, 0x80, 0xC3, 0xA4, 0xFE, 0xFF, 0x31]
        var loaded = 0, refused = 0
        for _ in 0..<2_000 {
            var bytes = seed
            for _ in 0..<(1 + random.below(4)) {
                let at = random.below(bytes.count + 1)
                switch random.below(3) {
                case 0: bytes.insert(alphabet[random.below(alphabet.count)], at: at)
                case 1: if at < bytes.count { bytes.remove(at: at) }
                default: if at < bytes.count { bytes[at] = alphabet[random.below(alphabet.count)] }
                }
            }
            do {
                let table = try CSVReader.read(bytes: bytes, file: "m.csv", name: "m")
                XCTAssertTrue(table.columns.allSatisfy { $0.count == table.rowCount })
                loaded += 1
            } catch {
                XCTAssertFalse(error.message.isEmpty)
                refused += 1
            }
        }
        XCTAssertGreaterThan(loaded, 100)
        XCTAssertGreaterThan(refused, 100)
    }
}
