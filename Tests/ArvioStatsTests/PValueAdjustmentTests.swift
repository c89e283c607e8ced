import XCTest
import ArvioStats

/// Holm and Benjamini–Hochberg against R's p.adjust (Fixtures/paired_categorical.R).
final class PValueAdjustmentTests: XCTestCase {
    func testHolmAndBenjaminiHochbergMatchPAdjust() throws {
        let rows = try loadFixture("paired_categorical.json").rows("adjust")
        XCTAssertEqual(rows.count, 2)
        for row in rows {
            let p = row.vector("p")
            for (method, key) in [(PValueAdjustment.holm, "holm"), (.benjaminiHochberg, "bh")] {
                let adjusted = method.adjust(p)
                let expected = row.vector(key)
                XCTAssertEqual(adjusted.count, expected.count)
                for (a, e) in zip(adjusted, expected) { assertClose(a, e, tolerance: 1e-12, "\(key) \(row["name"] ?? "")") }
            }
        }
    }

    func testTheBenjaminiHochbergPaperRejectsFourAtFivePercent() throws {
        // B&H (1995): the FDR procedure rejects the four smallest of the 15; Holm only three.
        let p = try loadFixture("paired_categorical.json").rows("adjust")[0].vector("p")
        XCTAssertEqual(PValueAdjustment.benjaminiHochberg.adjust(p).filter { $0 <= 0.05 }.count, 4)
        XCTAssertEqual(PValueAdjustment.holm.adjust(p).filter { $0 <= 0.05 }.count, 3)
    }

    func testAnUncomputedTestStaysOutOfTheFamily() {
        let adjusted = PValueAdjustment.holm.adjust([0.01, .nan, 0.04])
        XCTAssertEqual(adjusted[0], 0.02, accuracy: 1e-15)
        XCTAssertTrue(adjusted[1].isNaN)
        XCTAssertEqual(adjusted[2], 0.04, accuracy: 1e-15)
        XCTAssertEqual(PValueAdjustment.familySize([0.01, .nan, 0.04]), 2)
        XCTAssertEqual(PValueAdjustment.benjaminiHochberg.adjust([]), [])
    }
}
