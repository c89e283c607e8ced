@testable import ArvioQuery
import XCTest

final class ScannerTests: XCTestCase {
    private func kinds(_ source: String) throws -> [String] {
        try Scanner.tokens(in: source).map { token in
            switch token.kind {
            case .identifier: "id:\(token.text)"
            case .quotedIdentifier: "q:\(token.text)"
            case .number: "num:\(token.text)"
            case .string: "str:\(token.text)"
            case .symbol: token.text
            case .newline: "NL"
            case .end: "END"
            }
        }
    }

    func testTokensOfAPipelineWithOperators() throws {
        XCTAssertEqual(try kinds(#"participants | where grade >= 8 and org != "Tekevä""#),
                       ["id:participants", "|", "id:where", "id:grade", ">=", "num:8", "id:and", "id:org", "!=", "str:Tekevä", "END"])
    }

    func testPositionsCountCharactersNotBytes() throws {
        let tokens = try Scanner.tokens(in: "työ == \"ä\" | x", file: "f.arvio", firstLine: 4)
        XCTAssertEqual(tokens[0].position, SourcePosition(file: "f.arvio", line: 4, column: 1, length: 3))
        XCTAssertEqual(tokens[2].position.column, 8)
        XCTAssertEqual(tokens[3].position.column, 12)
    }

    func testCommentsWithHashAndDoubleDashAreSkipped() throws {
        XCTAssertEqual(try kinds("a # comment | b\nc -- another\n"), ["id:a", "NL", "id:c", "NL", "END"])
    }

    func testDoubleDashBeforeALetterIsAnOptionMistakeNotASilentComment() {
        XCTAssertThrowsError(try Scanner.tokens(in: "participants | crosstab a by b --cells row")) { error in
            XCTAssertEqual((error as? Diagnostic)?.rendered(), """
                <stdin>:1:32: error: options are words without dashes here; a comment starts with # or with -- and a space
                did you mean "cells"?
                """)
        }
        XCTAssertEqual(try? kinds("items -- note\n"), ["id:items", "NL", "END"])
    }

    func testBackticksQuoteNamesWithSpacesAndKeywords() throws {
        XCTAssertEqual(try kinds("`työ tunnit` `in`"), ["q:työ tunnit", "q:in", "END"])
    }

    func testStringsTakeEitherQuoteAndEscapes() throws {
        XCTAssertEqual(try kinds(#"'it''s' "say \"hi\"""#), ["str:it", "str:s", #"str:say "hi""#, "END"])
    }

    func testDecimalNumbersAndMinusAreSeparateTokens() throws {
        XCTAssertEqual(try kinds("-3.5 % 2"), ["-", "num:3.5", "%", "num:2", "END"])
    }

    func testNewlinesAdvanceTheLineNumber() throws {
        let tokens = try Scanner.tokens(in: "a |\n  b")
        XCTAssertEqual(tokens[3].position, SourcePosition(file: "<stdin>", line: 2, column: 3, length: 1))
    }

    func testTolerantTokensStopAtAnErrorWithoutThrowing() {
        XCTAssertEqual(Scanner.tolerantTokens(in: "participants | where org == \"Tek").map(\.text),
                       ["participants", "|", "where", "org", "=="])
    }
}
