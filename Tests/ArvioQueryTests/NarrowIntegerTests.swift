import ArvioData
@testable import ArvioQuery
import XCTest

/// Whole-number columns stored in one, two, four or eight bytes give the answers they gave at
/// eight: the hot verbs read each width with its own missing value, arithmetic is done in 64
/// bits whatever the operands' width, and a result takes the width its values need.
final class NarrowIntegerTests: XCTestCase {
    private let m = Missing.integer

    /// `t`: an id and columns `a`, `b` (one byte), `s` (two), `w` (four) and `l` (eight), each
    /// with a missing value; `u`: ids of two widths with a value of four bytes.
    private func session() -> Session {
        var workspace = Workspace()
        workspace.add(Table(name: "t", columns: [
            Fixtures.integers("id", [1, 2, 3, 4, 5]),
            Fixtures.integers("a", [100, 127, -127, nil, 3]),
            Fixtures.integers("b", [100, 127, 2, 5, nil]),
            Fixtures.integers("s", [300, -32767, nil, 32767, 3]),
            Fixtures.integers("w", [70_000, nil, -2_147_483_647, 3, 3]),
            Fixtures.integers("l", [nil, 5_000_000_000, -5_000_000_000, 3, 3]),
            Fixtures.categorical("g", ["x", "x", "y", "y", "z"]),
        ]))
        workspace.add(Table(name: "u", columns: [
            Fixtures.integers("id", [5, 3, 1, 70_000]),
            Fixtures.integers("v", [nil, 2_000_000, -1, 9]),
        ]))
        return Session(workspace: workspace)
    }

    private func run(_ statements: String, file: StaticString = #filePath, line: UInt = #line) -> Table {
        var s = session()
        do {
            return try XCTUnwrap(try s.run(statements).last?.table, file: file, line: line)
        } catch {
            XCTFail("unexpected error:\n\(error)", file: file, line: line)
            return Table(name: "none", columns: [])
        }
    }

    private func width(_ table: Table, _ column: String) -> IntegerValues.Width? {
        guard case .integer(let v)? = table.column(named: column)?.data else { return nil }
        return v.width
    }

    func testTheFixtureColumnsTakeEachWidth() {
        let t = run("t")
        XCTAssertEqual(["a", "b", "s", "w", "l"].map { width(t, $0) }, [.i8, .i8, .i16, .i32, .i64])
    }

    func testAProductOfOneByteColumnsIsComputedIn64BitsAndStoredWider() {
        let t = run("t | derive p = a * b, q = a + b, r = a - b, n = -a")
        XCTAssertEqual(values(t, "p"), ["10000", "16129", "-254", "NA", "NA"])
        XCTAssertEqual(values(t, "q"), ["200", "254", "-125", "NA", "NA"])
        XCTAssertEqual(values(t, "r"), ["0", "0", "-129", "NA", "NA"])
        XCTAssertEqual(values(t, "n"), ["-100", "-127", "127", "NA", "-3"])
        XCTAssertEqual(width(t, "p"), .i16)
        XCTAssertEqual(width(t, "r"), .i16, "-129 does not fit a byte")
        XCTAssertEqual(width(t, "n"), .i8)
    }

    func testAnOverflowIsStillAnErrorAt64Bits() {
        var s = session()
        XCTAssertThrowsError(try s.run("t | derive x = l * l * l")) { error in
            XCTAssertTrue("\(error)".contains("5000000000 * 5000000000 is beyond the range of whole numbers"), "\(error)")
        }
    }

    func testAColumnWhoseValuesSpanWidthsAfterLetDeriveAndLonger() {
        let t = run("""
            let wide = t | derive big = a * 100000000, small = a - a
            wide | select id, big, small
            """)
        XCTAssertEqual(values(t, "big"), ["10000000000", "12700000000", "-12700000000", "NA", "300000000"])
        XCTAssertEqual(width(t, "big"), .i64)
        XCTAssertEqual(width(t, "small"), .i8)
        let long = run("t | longer a, w into column, value | select id, column, value")
        XCTAssertEqual(values(long, "value"), ["100", "70000", "127", "NA", "-127", "-2147483647", "NA", "3", "3", "3"])
        XCTAssertEqual(width(long, "value"), .i32)
    }

    func testWhereComparesEachWidthWithAConstantAndLeavesMissingOut() {
        XCTAssertEqual(values(run("t | where a > 99 | select id"), "id"), ["1", "2"])
        XCTAssertEqual(values(run("t | where 99 < a | select id"), "id"), ["1", "2"])
        XCTAssertEqual(values(run("t | where a == -127 | select id"), "id"), ["3"])
        XCTAssertEqual(values(run("t | where a != 3 | select id"), "id"), ["1", "2", "3"])
        XCTAssertEqual(values(run("t | where a <= 500 | select id"), "id"), ["1", "2", "3", "5"])
        XCTAssertEqual(values(run("t | where s >= -32767 | select id"), "id"), ["1", "2", "4", "5"])
        XCTAssertEqual(values(run("t | where w < 0 | select id"), "id"), ["3"])
        XCTAssertEqual(values(run("t | where l > 4999999999 | select id"), "id"), ["2"])
        XCTAssertEqual(values(run("t | where a > 200 | select id"), "id"), [])
        XCTAssertEqual(values(run("t | where a > 2.5 | select id"), "id"), ["1", "2", "5"])
        XCTAssertEqual(values(run("t | where w is missing | select id"), "id"), ["2"])
        XCTAssertEqual(values(run("t | where a in [3, 127] | select id"), "id"), ["2", "5"])
        // -128 is the one-byte missing value and 128 does not fit a byte: neither matches a row.
        XCTAssertEqual(values(run("t | where a in [-127, 128, -128] | select id"), "id"), ["3"])
        XCTAssertEqual(values(run("t | where a not in [-128] | select id"), "id"), ["1", "2", "3", "5"])
        XCTAssertEqual(values(run("t | where s in [-32767, 300, -32768] | select id"), "id"), ["1", "2"])
        XCTAssertEqual(values(run("t | where w in [70000, 3.0] | select id"), "id"), ["1", "4", "5"])
        XCTAssertEqual(values(run("t | where l in [3, -5000000000] | select id"), "id"), ["3", "4", "5"])
    }

    func testSumsMeansCountsAndExtremesAtEachWidth() {
        let t = run("t | group g aggregate n = count(w), sw = sum(w), ml = mean(l), ss = sum(s), top = max(a), low = min(l)")
        XCTAssertEqual(rows(t), [["x", "1", "70000", "5000000000", "-32467", "127", "5000000000"],
                                 ["y", "2", "-2147483644", "-2499999998.5", "32767", "-127", "-5000000000"],
                                 ["z", "1", "3", "3", "3", "3", "3"]])
    }

    func testSortPutsMissingLastAtEachWidth() {
        XCTAssertEqual(values(run("t | sort a | select id"), "id"), ["3", "5", "1", "2", "4"])
        XCTAssertEqual(values(run("t | sort s | select id"), "id"), ["2", "5", "1", "4", "3"])
        XCTAssertEqual(values(run("t | sort w desc | select id"), "id"), ["1", "4", "5", "3", "2"])
        XCTAssertEqual(values(run("t | sort l | select id"), "id"), ["3", "4", "5", "2", "1"])
    }

    func testCountsByAWholeNumberAndFreqReadEachWidth() {
        XCTAssertEqual(rows(run("t | count by l")), [["-5000000000", "1"], ["3", "2"], ["5000000000", "1"], ["NA", "1"]])
        XCTAssertEqual(rows(run("t | count by a")), [["-127", "1"], ["3", "1"], ["100", "1"], ["127", "1"], ["NA", "1"]])
    }

    func testJoinsKeepMissingValuesAndTheRightColumnsWidth() {
        let inner = run("t | join u on id | select id, a, v")
        XCTAssertEqual(rows(inner), [["1", "100", "-1"], ["3", "-127", "2000000"], ["5", "3", "NA"]])
        XCTAssertEqual(width(inner, "v"), .i32)
        XCTAssertEqual(width(inner, "a"), .i8)
        let left = run("t | join left u on id | select id, v")
        XCTAssertEqual(values(left, "v"), ["-1", "NA", "2000000", "NA", "NA"])
        XCTAssertEqual(width(left, "v"), .i32)
        let back = run("u | join t on id | select id, v, l")
        XCTAssertEqual(rows(back), [["5", "NA", "3"], ["3", "2000000", "-5000000000"], ["1", "-1", "NA"]])
    }

    func testDescribeReadsEachWidth() {
        let t = run("t | describe a, w")
        XCTAssertEqual(values(t, "n"), ["4", "4"])
        XCTAssertEqual(values(t, "missing"), ["1", "1"])
        XCTAssertEqual(t.column(named: "mean")?.data.number(at: 0), 25.75)
        XCTAssertEqual(t.column(named: "mean")?.data.number(at: 1), (70_000 - 2_147_483_647 + 3 + 3) / 4)
    }
}
