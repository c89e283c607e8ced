import XCTest
@testable import ArvioData

/// The codes a load writes per cell live in a raw buffer that grows and widens by hand, so it
/// must keep every code through each copy.
final class CodeVectorTests: XCTestCase {
    func testCodesKeepTheirValuesAsTheyGrowAndWiden() {
        // Starts with room for 16 one-byte codes; grows past that, then widens to two bytes at
        // code 256 and to four at 65,536, copying what it holds each time.
        var codes = CodeVector(reservingCapacity: 1)
        var expected: [Int] = []
        for k in 0..<70_000 {
            let code = k < 300 ? k % 7 : k
            codes.append(UInt32(code))
            expected.append(code)
            if k == 200 { XCTAssertEqual(codes.width, 1) }
            if k == 300 { XCTAssertEqual(codes.width, 2) }
        }
        XCTAssertEqual(codes.width, 4)
        XCTAssertEqual(codes.count, expected.count)
        XCTAssertEqual((0..<codes.count).map { codes[$0] }, expected)
        var seen: [Int] = []
        codes.forEach { row, code in
            XCTAssertEqual(row, seen.count)
            seen.append(code)
        }
        XCTAssertEqual(seen, expected)
        let table = (0..<70_000).map { $0 * 2 }
        let mapped = [Int](unsafeUninitializedCapacity: codes.count) { out, initialized in
            table.withUnsafeBufferPointer { codes.map(through: $0, into: out.baseAddress!) }
            initialized = codes.count
        }
        XCTAssertEqual(mapped, expected.map { $0 * 2 })
    }

    func testAOneByteCodeVectorWidensStraightToFourBytes() {
        var codes = CodeVector(reservingCapacity: 4)
        for code: UInt32 in [5, 0, 255, 100_000, 7] { codes.append(code) }
        XCTAssertEqual(codes.width, 4)
        XCTAssertEqual((0..<codes.count).map { codes[$0] }, [5, 0, 255, 100_000, 7])
    }
}
