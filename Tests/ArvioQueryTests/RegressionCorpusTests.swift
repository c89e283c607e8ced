import ArvioData
@testable import ArvioQuery
import XCTest

/// The inputs of issue 13 that crashed, hung or gave a wrong number, at the sizes that broke,
/// each with the behaviour it must show now. Long flat chains run; true nesting stops at
/// `Parser.nestingLimit` with an error at the level that goes too deep.
final class RegressionCorpusTests: XCTestCase {
    /// The first column's values, which must be decimals.
    private func decimals(_ table: Table) -> [Double] {
        guard case .decimal(let v) = table.columns.first?.data else { return [] }
        return v
    }

    private func repeated(_ part: String, _ count: Int, separator: String) -> String {
        Array(repeating: part, count: count).joined(separator: separator)
    }

    // MARK: Long flat chains: parsed and evaluated without recursing per operand

    func testAGeneratedFilterOf1700OrsRuns() {
        let filter = (0..<1700).map { "grade == \($0)" }.joined(separator: " or ")
        XCTAssertEqual(rows(table("participants | where \(filter) | count")), [["11"]])
    }

    func testAChainOf2380AdditionsRunsAndIsExact() {
        let sum = repeated("1", 2380, separator: "+")
        XCTAssertEqual(values(table("participants | derive x = \(sum) | take 1 | select x"), "x"), ["2380"])
    }

    func testAChainOf5000AndsRuns() {
        let condition = repeated("grade > 7", 5000, separator: " and ")
        XCTAssertEqual(rows(table("participants | where \(condition) | count")), [["9"]])
    }

    func testAChainOf20000MultiplicationsAndMixedOperatorsRuns() {
        let product = repeated("1", 20000, separator: " * ")
        XCTAssertEqual(values(table("participants | derive x = \(product) - 1 + grade % 2 | take 2 | select x"), "x"),
                       ["1", "0"])
    }

    func testALongChainStillNamesTheBadOperand() {
        let chain = repeated("grade > 1", 3000, separator: " or ") + " or org"
        XCTAssertTrue(diagnostic("participants | where \(chain)").contains("\"or\" joins conditions, but \"org\" is categorical"))
    }

    func testALongChainDescribesLeftNestedWithoutRecursion() throws {
        let statements = try Parser.statements(in: "t | where " + repeated("a", 4000, separator: " or "))
        guard case .show(let pipeline) = statements[0].kind, let verb = pipeline.steps[0].verb as? Where else {
            return XCTFail("not a where")
        }
        let text = verb.condition.description
        XCTAssertTrue(text.hasPrefix(String(repeating: "(or ", count: 3999) + "a a) a) a)"), String(text.prefix(100)))
        XCTAssertTrue(text.hasSuffix(" a) a) a)"))
    }

    // MARK: True nesting: a documented limit and a clear error at the level that is too deep

    private func assertTooDeep(_ source: String, column: Int, file: StaticString = #filePath, line: UInt = #line) {
        let message = diagnostic(source)
        XCTAssertTrue(message.contains("<stdin>:1:\(column): error: this expression nests more than \(Parser.nestingLimit) levels deep"),
                      message.prefix(300) + "", file: file, line: line)
    }

    func testParenthesesNested1160DeepAreAnErrorAtThe201st() {
        let prefix = "participants | derive x = "
        assertTooDeep(prefix + String(repeating: "(", count: 1160) + "1" + String(repeating: ")", count: 1160),
                      column: prefix.count + Parser.nestingLimit + 1)
    }

    func testListsNested950DeepAreAnError() {
        let prefix = "participants | where grade in "
        assertTooDeep(prefix + String(repeating: "[", count: 950) + "1" + String(repeating: "]", count: 950),
                      column: prefix.count + Parser.nestingLimit + 1)
    }

    func testCallsNested940DeepAreAnError() {
        let prefix = "participants | derive x = "
        assertTooDeep(prefix + String(repeating: "round(", count: 940) + "grade" + String(repeating: ")", count: 940),
                      column: prefix.count + Parser.nestingLimit * 6 + 1)
    }

    func testNot2100TimesIsAnError() {
        let prefix = "participants | where "
        assertTooDeep(prefix + String(repeating: "not ", count: 2100) + "grade > 3", column: prefix.count + Parser.nestingLimit * 4 + 1)
    }

    func testUnaryMinus2100TimesIsAnError() {
        let prefix = "participants | derive x = "
        // "--" starts a comment, so the minus signs are spaced.
        assertTooDeep(prefix + String(repeating: "- ", count: 2100) + "grade", column: prefix.count + Parser.nestingLimit * 2 + 1)
    }

    func testNestingUpToTheLimitRuns() {
        let depth = Parser.nestingLimit
        let parens = String(repeating: "(", count: depth) + "grade" + String(repeating: ")", count: depth)
        XCTAssertEqual(values(table("participants | derive x = \(parens) | take 1 | select x"), "x"), ["9"])
        let calls = String(repeating: "abs(", count: depth) + "grade" + String(repeating: ")", count: depth)
        XCTAssertEqual(values(table("participants | derive x = \(calls) | take 1 | select x"), "x"), ["9"])
        let minus = String(repeating: "- ", count: depth) + "grade"
        XCTAssertEqual(values(table("participants | derive x = \(minus) | take 1 | select x"), "x"), ["9"])
        let nots = String(repeating: "not ", count: depth) + "grade > 8"
        XCTAssertEqual(rows(table("participants | where \(nots) | count")), [["4"]])
    }

    func testDeepNestingOnASmallStackThreadIsAnErrorNotACrash() {
        // Test runners and dispatch workers have 512 KiB stacks, and a debug build spends about
        // 24 KiB per level: there the stack guard stops before the limit, with an error.
        let depth = Parser.nestingLimit / 3
        let expression = String(repeating: "round(-(", count: depth) + "grade" + String(repeating: "))", count: depth)
        let done = expectation(description: "evaluated")
        let thread = Thread {
            var session = Session(workspace: Fixtures.workspace)
            for source in ["participants | derive x = \(expression) | take 1 | select x",
                           "participants | derive x = " + String(repeating: "(", count: 5000) + "1",
                           "participants | where " + String(repeating: "not ", count: 2100) + "grade > 3"] {
                do throws(Diagnostic) {
                    let results = try session.run(source)
                    XCTAssertEqual(results.last?.table.map { Self.cell($0.columns[0].data, 0) }, "9")
                } catch {
                    XCTAssertTrue(error.message.contains("nests"), error.message)
                }
            }
            done.fulfill()
        }
        thread.stackSize = 512 * 1024
        thread.start()
        wait(for: [done], timeout: 120)
    }

    // MARK: Numbers: exact or an error naming the value

    func testIntegerLiteralsAbove2To53AreExact() {
        XCTAssertEqual(values(table("participants | derive x = 9007199254740993 - 9007199254740992 | take 1 | select x"), "x"), ["1"])
        XCTAssertEqual(rows(table("participants | where 9007199254740993 == 9007199254740992 | count")), [["0"]])
        XCTAssertEqual(rows(table("participants | derive big = grade + 9007199254740992 | where big == 9007199254740993 | count")),
                       [["0"]])
        XCTAssertEqual(rows(table("participants | derive big = grade + 9007199254740992 | where big == 9007199254741001 | count")),
                       [["4"]])
    }

    func testA400DigitLiteralIsAnErrorNamingIt() {
        let message = diagnostic("participants | derive x = " + String(repeating: "9", count: 400))
        XCTAssertTrue(message.contains("999999999999… (a number of 400 digits) is too large to be a number"), message)
        let decimal = diagnostic("participants | derive x = " + String(repeating: "9", count: 400) + ".5")
        XCTAssertTrue(decimal.contains("is too large to be a number"), decimal)
    }

    func testAWholeNumberBeyondInt64IsAnErrorSuggestingADecimal() {
        let message = diagnostic("participants | derive x = 9223372036854775808")
        XCTAssertTrue(message.contains("9223372036854775808 is too large for a whole number (at most 9223372036854775807); write it with a decimal point, as 9223372036854775808.0"), message)
        XCTAssertEqual(decimals(table("participants | derive x = 9223372036854775808.0 | take 1 | select x")), [9223372036854775808.0])
    }

    func testIntegerOverflowIsAnErrorNamingTheValues() {
        XCTAssertTrue(diagnostic("participants | derive x = 9223372036854775807 + grade")
            .contains("9223372036854775807 + 9 is beyond the range of whole numbers"))
        XCTAssertTrue(diagnostic("participants | derive x = 4611686018427387904 * 2")
            .contains("4611686018427387904 * 2 is beyond the range of whole numbers"))
        // -9223372036854775807 - 1 would be Int64.min, which marks a missing value.
        XCTAssertTrue(diagnostic("participants | derive x = -9223372036854775807 - 1").contains("beyond the range of whole numbers"))
        XCTAssertEqual(decimals(table("participants | derive x = 9223372036854775807 * 1.0 + grade | take 1 | select x")),
                       [9223372036854775807.0 + 9])
    }

    func testDecimalOverflowIsAnErrorNotInfinity() {
        let big = "1" + String(repeating: "0", count: 300) + ".0"
        let message = diagnostic("participants | derive x = \(big) * \(big)")
        XCTAssertTrue(message.contains("1e+300 * 1e+300 is too large to represent"), message)
        XCTAssertTrue(diagnostic("participants | derive x = grade * \(big) * \(big)").contains("is too large to represent"))
        XCTAssertTrue(diagnostic("participants | derive x = \(big) / 0.0000000000000000000001").contains("too large to represent"))
    }

    /// A session over one table `t` of a key `k` and the given columns.
    private func session(_ columns: [Column]) -> Session {
        var workspace = Workspace()
        let rows = columns.first.map { Table(name: "x", columns: [$0]).rowCount } ?? 0
        workspace.add(Table(name: "t", columns: [Fixtures.categorical("k", Array(repeating: "a", count: rows))] + columns))
        return Session(workspace: workspace)
    }

    private func outcome(_ session: inout Session, _ source: String) -> String {
        do {
            guard let table = try session.run(source).last?.table else { return "no table" }
            return rows(table).map { $0.joined(separator: ",") }.joined(separator: ";")
        } catch {
            return error.rendered()
        }
    }

    func testWholeSumsBeyond2To53AreExactAndBeyondInt64AreAnError() {
        // Through decimals 9007199254740993 + 1 rounds to 9007199254740992, and the sum below to 0.
        var s = session([Fixtures.integers("i", [9007199254740993, 1, -9007199254740992])])
        XCTAssertEqual(outcome(&s, "t | group k aggregate sum(i), max(i), min(i)"), "a,2,9007199254740993,-9007199254740992")
        var one = session([Fixtures.integers("i", [9007199254740993])])
        XCTAssertEqual(outcome(&one, "t | group k aggregate sum(i), sum(i + 1)"), "a,9007199254740993,9007199254740994")
        // Two halves of 2^63 make one more than the largest whole number: an error, not a missing sum.
        var big = session([Fixtures.integers("i", [4611686018427387904, 4611686018427387904])])
        let message = outcome(&big, "t | group k aggregate sum(i)")
        XCTAssertTrue(message.contains("sum(i) is beyond the largest whole number (9223372036854775807)"), message)
        XCTAssertTrue(message.contains("sum(i * 1.0)"), message)
        guard let table = try? big.run("t | group k aggregate sum(i * 1.0)").last?.table else { return XCTFail("no sum") }
        XCTAssertEqual(decimals(Table(name: "s", columns: [table.columns[1]])), [9223372036854775808.0])
    }

    func testADecimalSumBeyondTheLargestDoubleIsAnErrorAndItsMeanIsRight() {
        var s = session([Column(name: "x", data: .decimal([1e308, 1e308]))])
        let message = outcome(&s, "t | group k aggregate sum(x)")
        XCTAssertTrue(message.contains("sum(x) is beyond the largest decimal number"), message)
        // The sum overflows but the mean does not: it is taken as a running mean instead.
        var m = session([Column(name: "x", data: .decimal([1e308, 1e308]))])
        guard let table = try? m.run("t | group k aggregate mean(x)").last?.table,
              case .decimal(let means) = table.column(named: "mean(x)")?.data else { return XCTFail("no mean") }
        XCTAssertEqual(means, [1e308])
    }

    func testExponentLiteralsAreDecimalsAndOutOfRangeOnesAreErrors() {
        XCTAssertEqual(decimals(table("participants | derive x = 1e3 | take 1 | select x")), [1000])
        XCTAssertEqual(decimals(table("participants | derive x = 2.5E-3 | take 1 | select x")), [0.0025])
        XCTAssertEqual(decimals(table("participants | derive x = 1e+2 + grade | take 1 | select x")), [109])
        XCTAssertEqual(rows(table("participants | where grade * 1.0 > 7e0 | count")), [["9"]])
        XCTAssertTrue(diagnostic("participants | derive x = 1e400").contains("1e400 is too large to be a number"))
        XCTAssertTrue(diagnostic("participants | derive x = 1e-400").contains("1e-400 is too small to be a number"))
        // "e" with no digits after it stays a name, so a number is never glued to one.
        XCTAssertTrue(diagnostic("participants | derive x = 1e").contains("\"e\""))
    }

    func testAWholeNumberAbove2To53InAListIsMatchedExactly() {
        var s = session([Fixtures.integers("i", [9007199254740993, 9007199254740992])])
        XCTAssertEqual(outcome(&s, "t | where i in [9007199254740993] | select i"), "9007199254740993")
        XCTAssertEqual(outcome(&s, "t | where i in [9007199254740992] | select i"), "9007199254740992")
    }

    func testNaNAndInfinityInQuotesAreUnknownScaleValuesLikeAnyOtherText() {
        let zzz = diagnostic(#"responses | where score >= "zzz""#)
        XCTAssertTrue(zzz.contains("\"zzz\" is not a value of \"score\""), zzz)
        for text in ["NaN", "nan", "inf", "-Infinity"] {
            let message = diagnostic("responses | where score >= \"\(text)\"")
            XCTAssertTrue(message.contains("\"\(text)\" is not a value of \"score\""), message)
        }
        XCTAssertEqual(rows(table(#"responses | where score >= "4" | count"#)), rows(table(#"responses | where score >= 4 | count"#)))
    }

    // MARK: Result sizes: estimated first, refused beyond a documented limit

    func testACartesianJoinOf50000EqualKeysEachSideIsRefusedNamingTheSizes() {
        var workspace = Workspace()
        workspace.add(Table(name: "a", columns: [Fixtures.integers("k", Array(repeating: 1, count: 50_000))]))
        workspace.add(Table(name: "b", columns: [Fixtures.integers("k", Array(repeating: 1, count: 50_000)),
                                                 Fixtures.integers("v", Array(repeating: 2, count: 50_000))]))
        var session = Session(workspace: workspace)
        do {
            _ = try session.run("a | join b on k = k | count")
            XCTFail("the join ran")
        } catch {
            XCTAssertTrue(error.message.contains("this join would make 2500000000 rows (50000 rows here, 50000 in b"), error.message)
            XCTAssertTrue(error.message.contains("more than the limit of \(Join.rowLimit)"), error.message)
        }
        // Below the limit the same join runs.
        XCTAssertEqual(rows(table("participants | join participants on org = org | count")), [["66"]])
    }

    func testAHeatMapOf100kBy63kCategoriesIsRefusedNamingTheSizes() {
        var workspace = Workspace()
        workspace.add(Table(name: "t", columns: [
            Column(name: "a", data: .text((0..<100_000).map { "a\($0)" })),
            Column(name: "b", data: .text((0..<100_000).map { "b\($0 % 63_000)" })),
        ]))
        var session = Session(workspace: workspace)
        do {
            _ = try session.run("t | chart heat a by b")
            XCTFail("the heat map was drawn")
        } catch {
            XCTAssertTrue(error.message.contains("chart heat would draw 100000 rows (a) × 63000 columns (b); it draws at most 1000 rows and 100 columns"),
                          error.message)
        }
    }
}
