import XCTest
@testable import ArvioData

/// A codebook that contradicts itself or the data is an error at its own file, line and field
/// (docs/reliability.md, "Codebooks").
final class CodebookCheckTests: XCTestCase {
    private func parseFailure(_ text: String) -> String? {
        do {
            _ = try Codebook.parse(Array(text.utf8), file: "cb.csv")
            return nil
        } catch {
            return error.description
        }
    }

    func testAMisspelledOrRepeatedHeaderFieldIsAnError() {
        XCTAssertEqual(parseFailure("table,column,tpye\n"),
                       "cb.csv:1:3: the codebook's header names an unknown field \"tpye\"; the fields are table, column, type, key, references, values, labels_en, labels_fi, label_en, label_fi, missing, missing_en, missing_fi")
        XCTAssertEqual(parseFailure("table,column,type,type\n"), "cb.csv:1:4: the codebook's header names \"type\" twice")
    }

    func testRepeatedAndEmptyValuesAreErrors() {
        XCTAssertEqual(parseFailure("table,column,type,values\ns,q,categorical,x|x|y\n"),
                       "cb.csv:2:4: the value \"x\" is listed twice in \"x|x|y\"")
        XCTAssertEqual(parseFailure("table,column,type,values\ns,q,categorical,x||y\n"),
                       "cb.csv:2:4: value 2 of \"x||y\" is empty; list the values separated by single |")
    }

    func testASecondRowForOneColumnIsAnError() {
        XCTAssertEqual(parseFailure("table,column,type\ns,q,integer\nt,q,text\ns,q,decimal\n"),
                       "cb.csv:4:2: column \"q\" of s is described twice; the first row for it is line 2")
    }

    func testAKeyFieldThatIsNeitherYesNorNoIsAnError() {
        XCTAssertEqual(parseFailure("table,column,type,key\ns,id,integer,yse\n"),
                       "cb.csv:2:4: the key field says yes or no (or is empty), not \"yse\"")
    }

    func testARowWithMoreFieldsThanTheHeaderIsAnError() {
        XCTAssertEqual(parseFailure("table,column,type\ns,q,integer,extra\n"),
                       "cb.csv:2:4: this row has more fields than the codebook's header (3): \"extra\"")
        XCTAssertNil(parseFailure("table,column,type\ns,q,integer,,\n"), "empty trailing fields, as spreadsheets write them, are fine")
    }

    func testAKeyThatDoesNotIdentifyEachRowIsAnError() throws {
        let book = try Codebook.parse(Array("table,column,type,key\ns,id,text,yes\ns,wave,integer,yes\n".utf8), file: "cb.csv")
        func load(_ text: String) -> String? {
            do {
                _ = try CSVReader.read(bytes: Array(text.utf8), file: "s.csv", name: "s", codebook: book)
                return nil
            } catch {
                return error.description
            }
        }
        XCTAssertNil(load("id,wave\nA,1\nA,2\nB,1\n"), "the pair (id, wave) is the key")
        XCTAssertEqual(load("id,wave\nA,1\nB,1\nA,1\n"),
                       "cb.csv:2:2: rows 1 and 3 of s.csv have the same key id, wave = A, 1, but the codebook declares it identifies each row of s")
        XCTAssertEqual(load("id,wave\nA,1\n,2\n"),
                       "cb.csv:2:2: row 2 of s.csv has no id, which is part of the key the codebook declares for s (id, wave)")
    }

    func testTheBuiltInCodebookPassesEveryCheck() throws {
        XCTAssertNoThrow(try DatasetLoader.load(directory: Paths.builtInDataset))
    }

    func testMutatedCodebooksGiveACodebookOrAnErrorNeverACrash() throws {
        let seed = try FileIO.read(Paths.builtInDataset + "/codebook.csv")
        let alphabet: [UInt8] = [0, 0x0A, 0x0D, 0x22, 0x2C, 0x7C, 0x20, 0x2E, 0x2A, 0x80, 0xC3, 0xFF, 0x79]
        var state: UInt64 = 850
        func below(_ n: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(n))
        }
        var parsed = 0, refused = 0
        for _ in 0..<850 {
            var bytes = seed
            for _ in 0..<(1 + below(3)) {
                let at = below(bytes.count)
                switch below(3) {
                case 0: bytes.insert(alphabet[below(alphabet.count)], at: at)
                case 1: bytes.remove(at: at)
                default: bytes[at] = alphabet[below(alphabet.count)]
                }
            }
            do {
                _ = try Codebook.parse(bytes, file: "cb.csv")
                parsed += 1
            } catch {
                XCTAssertTrue(error.position.file == "cb.csv" && !error.message.isEmpty)
                refused += 1
            }
        }
        XCTAssertGreaterThan(parsed, 50)
        XCTAssertGreaterThan(refused, 50)
    }
}
