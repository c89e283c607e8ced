@testable import ArvioQuery
import XCTest

/// Every construct of the grammar, shown as the parenthesised tree the parser builds.
final class ParserTests: XCTestCase {
    private func condition(_ text: String) throws -> String {
        let statements = try Parser.statements(in: "t | where \(text)")
        guard case .show(let pipeline) = statements.first?.kind, let verb = pipeline.steps.first?.verb as? Where else {
            XCTFail("not a where")
            return ""
        }
        return verb.condition.description
    }

    func testArithmeticBindsTighterThanComparisonAndLogic() throws {
        XCTAssertEqual(try condition("a + b * 2 > 3 and not c or d"), "(or (and (> (+ a (* b 2)) 3) (not c)) d)")
    }

    func testUnaryMinusAndParentheses() throws {
        XCTAssertEqual(try condition("-(a - 1) / 2 <= 0.5"), "(<= (/ (- (- a 1)) 2) 0.5)")
    }

    func testInAndNotIn() throws {
        XCTAssertEqual(try condition(#"item in ["OH1", "OH2"] and phase not in ["pre"]"#),
                       #"(and (in item ["OH1" "OH2"]) (not-in phase ["pre"]))"#)
    }

    func testIsMissingAndIsNotMissing() throws {
        XCTAssertEqual(try condition("score is missing or grade is not missing"),
                       "(or (is-missing score) (is-not-missing grade))")
    }

    func testBetweenTakesItsOwnAnd() throws {
        XCTAssertEqual(try condition("grade between 7 and 8 and x"), "(and (between grade 7 8) x)")
    }

    func testCallsWithZeroOneAndTwoArguments() throws {
        XCTAssertEqual(try condition("round(mean(x), 2) > count()"), "(> (round (mean x) 2) (count))")
    }

    func testLiteralsAndQuotedNames() throws {
        XCTAssertEqual(try condition("`työ tunnit` == true or y == missing"), "(or (== `työ tunnit` true) (== y missing))")
    }

    func testListsMaySpanLines() throws {
        XCTAssertEqual(try condition("a in [1,\n 2]"), "(in a [1 2])")
    }

    func testEveryVerbParses() throws {
        let source = """
            let x = t | where a > 1 | select a, b = c | derive d = a * 2, e = a < 3
            t | group a, b aggregate mean(c), n = count() | count by a | count | sort a desc, b asc, c
            t | take 5 | distinct | distinct a, b | join u | join left u on a = b, c | join inner u on a
            """
        let statements = try Parser.statements(in: source)
        XCTAssertEqual(statements.count, 3)
        let verbs = statements.map { statement -> [String] in
            switch statement.kind {
            case .show(let p), .bind(_, let p): p.steps.map(\.keyword.text)
            }
        }
        XCTAssertEqual(verbs, [["where", "select", "derive"], ["group", "count", "count", "sort"],
                               ["take", "distinct", "distinct", "join", "join", "join"]])
    }

    func testJoinReadsKindTableAndKeys() throws {
        let statements = try Parser.statements(in: "t | join left u on a = b, c")
        guard case .show(let p) = statements[0].kind, let join = p.steps[0].verb as? Join else { return XCTFail() }
        XCTAssertTrue(join.isLeft)
        XCTAssertEqual(join.table.text, "u")
        XCTAssertEqual(join.on.map { "\($0.left.text)=\($0.right.text)" }, ["a=b", "c=c"])
    }

    func testUnnamedAggregatesAreNamedAfterTheirText() throws {
        let statements = try Parser.statements(in: #"t | group a aggregate mean(score), pct(score >= "hyvin")"#)
        guard case .show(let p) = statements[0].kind, let group = p.steps[0].verb as? Group else { return XCTFail() }
        XCTAssertEqual(group.aggregates.map(\.name), ["mean(score)", #"pct(score >= "hyvin")"#])
    }

    func testALineEndingInPipeContinuesAndCommentsAreIgnored() throws {
        let statements = try Parser.statements(in: "# first\nt |  # keep going\n\n  where a > 1 |\n  take 2\n-- done\nu")
        XCTAssertEqual(statements.count, 2)
        XCTAssertEqual(statements[1].start.line, 7)
    }

    func testLetBindsAName() throws {
        let statements = try Parser.statements(in: "let `my table` = t")
        guard case .bind(let name, let p) = statements[0].kind else { return XCTFail() }
        XCTAssertEqual(name.text, "my table")
        XCTAssertEqual(p.source.text, "t")
    }

    func testABareTableNameIsAStatement() throws {
        let statements = try Parser.statements(in: "participants")
        guard case .show(let p) = statements[0].kind else { return XCTFail() }
        XCTAssertEqual(p.source.text, "participants")
        XCTAssertTrue(p.steps.isEmpty)
    }

    func testATrailingSemicolonEndsAStatement() throws {
        let statements = try Parser.statements(in: "t;\nt | count;  # done\nlet x = t | where a > 1 | count by a ;\nt | distinct;")
        XCTAssertEqual(statements.count, 4)
        guard case .show(let p) = statements[3].kind else { return XCTFail() }
        XCTAssertEqual(p.steps.map(\.keyword.text), ["distinct"])
    }

    func testASecondStatementAfterASemicolonOnTheSameLineIsAnError() {
        XCTAssertThrowsError(try Parser.statements(in: "t; u")) { error in
            let d = error as! Diagnostic
            XCTAssertEqual(d.message, "one statement per line: after \";\" start the next statement on a new line")
            XCTAssertEqual(d.position.column, 4)
        }
        XCTAssertThrowsError(try Parser.statements(in: "t | count;;"))
    }

    func testLetReplaceIsAWordOnlyBeforeAName() throws {
        let statements = try Parser.statements(in: "let replace x = t\nlet replace = t\nlet x = t")
        XCTAssertEqual(statements.map(\.replaces), [true, false, false])
        guard case .bind(let name, _) = statements[1].kind else { return XCTFail() }
        XCTAssertEqual(name.text, "replace")
    }

    func testAggregateParsesAsAVerb() throws {
        let statements = try Parser.statements(in: "t | aggregate n = count(), mean(a)")
        guard case .show(let p) = statements[0].kind, let verb = p.steps[0].verb as? Aggregate else { return XCTFail() }
        XCTAssertEqual(verb.aggregates.map(\.name), ["n", "mean(a)"])
    }
}
