import XCTest
@testable import ArvioData

/// Whole numbers packed into the narrowest width: which width a range takes (each width's
/// `min` is its missing value, so it holds one value fewer below zero), and that the values and
/// the missing ones read back the same through every operation that keeps the width.
final class IntegerValuesTests: XCTestCase {
    private let m = Missing.integer

    private func width(_ values: [Int64]) -> IntegerValues.Width { IntegerValues(values).width }

    func testPackingTakesTheNarrowestWidthAtEachBoundary() {
        XCTAssertEqual(width([127, -127]), .i8)
        XCTAssertEqual(width([-128]), .i16, "-128 is Int8's missing value")
        XCTAssertEqual(width([128]), .i16)
        XCTAssertEqual(width([32767, -32767]), .i16)
        XCTAssertEqual(width([-32768]), .i32)
        XCTAssertEqual(width([32768]), .i32)
        XCTAssertEqual(width([Int64(Int32.max), -Int64(Int32.max)]), .i32)
        XCTAssertEqual(width([Int64(Int32.min)]), .i64)
        XCTAssertEqual(width([Int64(Int32.max) + 1]), .i64)
        XCTAssertEqual(width([Int64.max, Int64.min + 1]), .i64)
    }

    func testMissingValuesDoNotWidenAndAnAllMissingColumnTakesOneByte() {
        XCTAssertEqual(width([m, 3, m]), .i8)
        XCTAssertEqual(width([m, m]), .i8)
        XCTAssertEqual(width([]), .i8)
        XCTAssertEqual(IntegerValues(repeatingMissing: 3).width, .i8)
        XCTAssertEqual(Array(IntegerValues(repeatingMissing: 3)), [m, m, m])
    }

    /// One column of each width, with a missing value between its extremes.
    private var columns: [[Int64]] {
        [[127, m, -127, 0], [32767, m, -32767, 5], [Int64(Int32.max), m, -Int64(Int32.max), 7],
         [Int64.max, m, Int64.min + 1, 9]]
    }

    func testValuesAndMissingReadBackAtEveryWidth() {
        for (values, expected) in zip(columns, [IntegerValues.Width.i8, .i16, .i32, .i64]) {
            let packed = IntegerValues(values)
            XCTAssertEqual(packed.width, expected)
            XCTAssertEqual(packed.count, 4)
            XCTAssertEqual(packed.widened, values)
            XCTAssertEqual(Array(packed), values)
            XCTAssertEqual(packed[1], m)
            XCTAssertTrue(ColumnData.integer(packed).isMissing(1))
            XCTAssertNil(ColumnData.integer(packed).number(at: 1))
        }
    }

    func testGatheringKeepsTheWidthAndTheMissingValues() {
        for values in columns {
            let packed = IntegerValues(values)
            let gathered = packed.gathering([1, 0, 1, 3])
            XCTAssertEqual(gathered.width, packed.width)
            XCTAssertEqual(gathered.widened, [m, values[0], m, values[3]])
            let outer = packed.gathering(orMissing: [2, -1, 1])
            XCTAssertEqual(outer.width, packed.width)
            XCTAssertEqual(outer.widened, [values[2], m, m])
            let column = ColumnData.integer(packed).gathering([3, 1])
            guard case .integer(let v) = column else { return XCTFail() }
            XCTAssertEqual(v.width, packed.width)
            XCTAssertEqual(v.widened, [values[3], m])
        }
    }

    func testConcatenatingTakesTheWidestWidth() {
        let joined = IntegerValues.concatenating([IntegerValues([1, m]), IntegerValues([40_000, -3])])
        XCTAssertEqual(joined.width, .i32)
        XCTAssertEqual(joined.widened, [1, m, 40_000, -3])
    }

    func testARepeatedValueTakesItsOwnWidth() {
        XCTAssertEqual(IntegerValues(repeating: 100, count: 2).width, .i8)
        XCTAssertEqual(IntegerValues(repeating: -200, count: 2).widened, [-200, -200])
        XCTAssertEqual(IntegerValues(repeating: m, count: 2).widened, [m, m])
    }

    func testTheCSVReaderStoresAScoreInOneByteAndWiderNumbersWider() throws {
        let csv = "score,small,mid,big\n3,-127,-32767,-2147483648\n,127,32767,5\nNA,0,0,1\n"
        let t = try CSVReader.read(bytes: Array(csv.utf8), file: "t.csv", name: "t",
                                   missingTokens: CSVReader.defaultMissingTokens)
        let widths = t.columns.map { column -> IntegerValues.Width? in
            guard case .integer(let v) = column.data else { return nil }
            return v.width
        }
        XCTAssertEqual(widths, [.i8, .i8, .i16, .i64])
        guard case .integer(let score) = t.columns[0].data, case .integer(let big) = t.columns[3].data else { return XCTFail() }
        XCTAssertEqual(score.widened, [3, m, m])
        XCTAssertEqual(big.widened, [-2_147_483_648, 5, 1])
    }

    func testDeclaringAMissingCodeKeepsTheOtherValues() throws {
        let column = Column(name: "x", data: .integer([9, 300, 9, m]))
        let (declared, counts) = try column.declaringMissing([(code: "9", reason: "ei vastausta")])
        XCTAssertEqual(counts, [2])
        guard case .integer(let v) = declared.data else { return XCTFail() }
        XCTAssertEqual(v.widened, [m, 300, m, m])
        XCTAssertEqual(declared.missingReasons?.codes.widened, [1, 0, 1, 0])
    }
}
