import ArvioData
@testable import ArvioQuery
import XCTest

/// Every diagnostic as a person reads it: position, message, the line with a caret, and the
/// suggestion. Reviewed by hand before being committed.
final class DiagnosticGoldenTests: XCTestCase {
    func testUnknownColumnSuggestsClosest() {
        XCTAssertEqual(diagnostic("participants | count by orgg", file: "<stdin>"), """
            <stdin>:1:25: error: there is no column "orgg" in participants
            participants | count by orgg
                                    ^~~~
            did you mean "org"?
            """)
    }

    func testUnknownTableSuggestsClosest() {
        XCTAssertEqual(diagnostic("participantz | count", file: "<stdin>"), """
            <stdin>:1:1: error: there is no table "participantz"
            participantz | count
            ^~~~~~~~~~~~
            did you mean "participants"?
            """)
    }

    func testUnknownVerbSuggestsClosest() {
        XCTAssertEqual(diagnostic("participants | wher org == \"Tekevä\"", file: "<stdin>"), """
            <stdin>:1:16: error: there is no verb "wher"
            participants | wher org == "Tekevä"
                           ^~~~
            did you mean "where"?
            """)
    }

    func testUnknownCategoryValueSuggestsFinnishSpelling() {
        XCTAssertEqual(diagnostic("participants | where org == \"Tekeva\"", file: "<stdin>"), """
            <stdin>:1:29: error: "Tekeva" is not a value of "org" (its values are "Katulähetys" (Jyväskylän Katulähetys ry), "Työttömät" (Jyvässeudun Työttömät ry), "Tekevä" (Työvalmennussäätiö Tekevä), "Setlementti" (Jyvälän Setlementti))
            participants | where org == "Tekeva"
                                        ^~~~~~~~
            did you mean "Tekevä"?
            """)
    }

    func testUnknownScaleLabelListsTheScale() {
        XCTAssertEqual(diagnostic("responses | where score >= \"hyvinn\"", file: "<stdin>"), """
            <stdin>:1:28: error: "hyvinn" is not a value of "score" (its values are 1 = "poorly", 2 = "moderately", 3 = "to some extent", 4 = "well", 5 = "excellently")
            responses | where score >= "hyvinn"
                                       ^~~~~~~~
            did you mean "hyvin"?
            """)
    }

    func testUnknownValueInsideListIsReportedAtThatValue() {
        XCTAssertEqual(diagnostic("participants | where org in [\"Tekevä\", \"Setlementi\"]", file: "<stdin>"), """
            <stdin>:1:40: error: "Setlementi" is not a value of "org" (its values are "Katulähetys" (Jyväskylän Katulähetys ry), "Työttömät" (Jyvässeudun Työttömät ry), "Tekevä" (Työvalmennussäätiö Tekevä), "Setlementti" (Jyvälän Setlementti))
            participants | where org in ["Tekevä", "Setlementi"]
                                                   ^~~~~~~~~~~~
            did you mean "Setlementti"?
            """)
    }

    func testMeanOfCategoricalColumnIsATypeError() {
        XCTAssertEqual(diagnostic("participants | group org aggregate mean(org)", file: "<stdin>"), """
            <stdin>:1:41: error: mean() needs numbers, but "org" is categorical
            participants | group org aggregate mean(org)
                                                    ^~~
            """)
    }

    func testSingleEqualsInConditionExplainsDoubleEquals() {
        XCTAssertEqual(diagnostic("participants | where org = \"Tekevä\"", file: "<stdin>"), """
            <stdin>:1:26: error: "=" names a new column; to compare, write "=="
            participants | where org = "Tekevä"
                                     ^
            """)
    }

    func testWhereWithoutConditionSaysWhatIsExpected() {
        XCTAssertEqual(diagnostic("participants | where", file: "<stdin>"), """
            <stdin>:1:21: error: expected a condition after "where", such as org == "Tekevä", but found the end of the statement
            participants | where
                                ^
            """)
    }

    func testUnclosedParenthesisIsReportedAtTheEnd() {
        XCTAssertEqual(diagnostic("participants | where (grade > 3", file: "<stdin>"), """
            <stdin>:1:32: error: expected ")" to close the parenthesis, but found the end of the statement
            participants | where (grade > 3
                                           ^
            """)
    }

    func testMissingRightOperand() {
        XCTAssertEqual(diagnostic("participants | where grade >", file: "<stdin>"), """
            <stdin>:1:29: error: expected a value after ">", but found the end of the statement
            participants | where grade >
                                        ^
            """)
    }

    func testUnterminatedStringPointsAtItsStart() {
        XCTAssertEqual(diagnostic("participants | where org == \"Tekevä", file: "<stdin>"), """
            <stdin>:1:29: error: this text has no closing "; a string must end on the line it starts
            participants | where org == "Tekevä
                                        ^~~~~~~
            """)
    }

    func testTrailingCommaInSelect() {
        XCTAssertEqual(diagnostic("participants | select id,", file: "<stdin>"), """
            <stdin>:1:26: error: expected a column name after "select", but found the end of the statement
            participants | select id,
                                     ^
            """)
    }

    func testTakeNeedsANumber() {
        XCTAssertEqual(diagnostic("participants | take x", file: "<stdin>"), """
            <stdin>:1:21: error: expected a whole number of rows after "take", as in take 5, but found "x"
            participants | take x
                                ^
            """)
    }

    func testCountWithoutBy() {
        XCTAssertEqual(diagnostic("participants | count org", file: "<stdin>"), """
            <stdin>:1:22: error: expected "by" and a column, or nothing, after "count", but found "org"
            participants | count org
                                 ^~~
            """)
    }

    func testOrderingAnUnorderedCategoryIsATypeError() {
        XCTAssertEqual(diagnostic("participants | where org < \"Tekevä\"", file: "<stdin>"), """
            <stdin>:1:26: error: "<" needs an ordered scale, but "org" is categorical (its values have no order)
            participants | where org < "Tekevä"
                                     ^
            """)
    }

    func testComparingWithMissingSuggestsIsMissing() {
        XCTAssertEqual(diagnostic("participants | where grade == missing", file: "<stdin>"), """
            <stdin>:1:31: error: a comparison with missing is never true; write "is missing" or "is not missing"
            participants | where grade == missing
                                          ^~~~~~~
            """)
    }

    func testUnknownFunctionSuggestsClosest() {
        XCTAssertEqual(diagnostic("participants | where mea(grade) > 3", file: "<stdin>"), """
            <stdin>:1:22: error: there is no function "mea"
            participants | where mea(grade) > 3
                                 ^~~
            did you mean "mean"?
            """)
    }

    func testArithmeticOnCategoricalIsATypeError() {
        XCTAssertEqual(diagnostic("participants | derive x = org + 1", file: "<stdin>"), """
            <stdin>:1:27: error: "+" needs numbers, but "org" is categorical
            participants | derive x = org + 1
                                      ^~~
            """)
    }

    func testWhereOnANumberIsNotACondition() {
        XCTAssertEqual(diagnostic("participants | where grade", file: "<stdin>"), """
            <stdin>:1:22: error: where needs a condition that is true or false, but "grade" is a number
            participants | where grade
                                 ^~~~~
            """)
    }

    func testUngroupedColumnInAggregate() {
        XCTAssertEqual(diagnostic("participants | group org aggregate grade", file: "<stdin>"), """
            <stdin>:1:36: error: "grade" is not a group key; use it inside an aggregate such as count(grade) or n_distinct(grade), or add it after "group"
            participants | group org aggregate grade
                                               ^~~~~
            """)
    }

    func testJoinWithUnknownTable() {
        XCTAssertEqual(diagnostic("participants | join items", file: "<stdin>"), """
            <stdin>:1:21: error: there is no table "items"
            participants | join items
                                ^~~~~
            """)
    }

    func testJoinOnUnknownColumnSuggestsClosest() {
        XCTAssertEqual(diagnostic("participants | join responses on idd = participant", file: "<stdin>"), """
            <stdin>:1:34: error: there is no column "idd" in participants
            participants | join responses on idd = participant
                                             ^~~
            did you mean "id"?
            """)
    }

    func testLetCannotUseAVerbName() {
        XCTAssertEqual(diagnostic("let where = participants", file: "<stdin>"), """
            <stdin>:1:5: error: "where" is a verb; give the table another name
            let where = participants
                ^~~~~
            """)
    }

    func testSortWithoutKey() {
        XCTAssertEqual(diagnostic("participants | sort", file: "<stdin>"), """
            <stdin>:1:20: error: expected a column to sort by, but found the end of the statement
            participants | sort
                               ^
            """)
    }

    func testExtraTokenAfterAStep() {
        XCTAssertEqual(diagnostic("participants | where grade > 3 3", file: "<stdin>"), """
            <stdin>:1:32: error: expected "|" or the end of the line after the where step, but found the number 3
            participants | where grade > 3 3
                                           ^
            """)
    }

    func testLineStartingWithPipeExplainsContinuation() {
        XCTAssertEqual(diagnostic("participants\n| count", file: "<stdin>"), """
            <stdin>:2:1: error: a statement starts with a table name, not "|"; to continue the line before, end that line with "|"
            | count
            ^
            """)
    }

    func testListWithMixedTypes() {
        XCTAssertEqual(diagnostic("participants | where grade in [1, \"a\"]", file: "<stdin>"), """
            <stdin>:1:35: error: "grade" holds numbers, but this is text
            participants | where grade in [1, "a"]
                                              ^~~
            """)
    }

    func testMetaCommandIsNotAStatement() {
        XCTAssertEqual(diagnostic(".tables", file: "<stdin>"), """
            <stdin>:1:1: error: meta-commands such as .tables are for the shell; they cannot be part of a statement
            .tables
            ^
            """)
    }

    func testAmpersandSuggestsAnd() {
        XCTAssertEqual(diagnostic("participants | where grade & 3", file: "<stdin>"), """
            <stdin>:1:28: error: "&" cannot start a name, number or operator; write "and"
            participants | where grade & 3
                                       ^
            """)
    }

    func testWrongArgumentCount() {
        XCTAssertEqual(diagnostic("participants | where round(grade, 1, 2) > 1", file: "<stdin>"), """
            <stdin>:1:22: error: round() takes 1 or 2 arguments, but was given 3; write round(x) or round(x, digits)
            participants | where round(grade, 1, 2) > 1
                                 ^~~~~
            """)
    }

    func testNotOnANumber() {
        XCTAssertEqual(diagnostic("participants | where not grade", file: "<stdin>"), """
            <stdin>:1:22: error: "not" needs a condition, but "grade" is a number
            participants | where not grade
                                 ^~~
            """)
    }

    func testBacktickedUnknownColumn() {
        XCTAssertEqual(diagnostic("participants | where `bad name` > 1", file: "<stdin>"), """
            <stdin>:1:22: error: there is no column "bad name" in participants
            participants | where `bad name` > 1
                                 ^~~~~~~~~~
            """)
    }

    func testColumnSelectedTwice() {
        XCTAssertEqual(diagnostic("participants | select id, id", file: "<stdin>"), """
            <stdin>:1:27: error: the column "id" is selected twice
            participants | select id, id
                                      ^~
            """)
    }

    func testDuplicateAggregateName() {
        XCTAssertEqual(diagnostic("participants | group org aggregate n = count(), n = count()", file: "<stdin>"), """
            <stdin>:1:49: error: the result already has a column "n"; give this one a name, as in n2 = count()
            participants | group org aggregate n = count(), n = count()
                                                            ^
            """)
    }

    func testPipeAtEndOfSourceWantsAVerb() {
        XCTAssertEqual(diagnostic("participants | where grade > 3 |", file: "<stdin>"), """
            <stdin>:1:33: error: expected a verb such as where, select or count, but found the end of the statement
            participants | where grade > 3 |
                                            ^
            """)
    }

    func testReservedWordAsColumnNeedsBackticks() {
        XCTAssertEqual(diagnostic("participants | select in", file: "<stdin>"), """
            <stdin>:1:23: error: expected a column name after "select", but "in" is a reserved word; write it in backticks (`in`) if it is a name
            participants | select in
                                  ^~
            """)
    }

    func testRelationColumnDroppedBeforeJoin() {
        XCTAssertEqual(diagnostic("responses | select item | join participants", file: "<stdin>"), """
            <stdin>:1:32: error: the relation between responses and participants uses the column "participant", which this result no longer has; keep it in select, or use join participants on ...
            responses | select item | join participants
                                           ^~~~~~~~~~~~
            """)
    }

    func testNoRelationBetweenTables() {
        XCTAssertEqual(diagnostic("motivation | count by participant | join responses", file: "<stdin>"), """
            <stdin>:1:42: error: no relation is declared for this result and responses; say which columns match, as in join responses on <column> = <column of responses>
            motivation | count by participant | join responses
                                                     ^~~~~~~~~
            """)
    }

    func testErrorOnSecondLineOfAScript() {
        XCTAssertEqual(diagnostic("participants |\n  where experience_years > \"x\"", file: "script.arvio"), """
            script.arvio:2:26: error: cannot compare "experience_years" (a number) with "x" (text) using ">"
              where experience_years > "x"
                                     ^
            """)
    }

    func testPercentNeedsACondition() {
        XCTAssertEqual(diagnostic("participants | group org aggregate pct(grade)", file: "<stdin>"), """
            <stdin>:1:40: error: pct() needs a condition such as pct(score >= "hyvin"), but "grade" is a number
            participants | group org aggregate pct(grade)
                                                   ^~~~~
            """)
    }

    func testStrayClosingBracket() {
        XCTAssertEqual(diagnostic("participants | where grade > 3)", file: "<stdin>"), """
            <stdin>:1:31: error: expected "|" or the end of the line after the where step, but found ")"
            participants | where grade > 3)
                                          ^
            """)
    }

    func testIndentedMetaCommandIsStillRecognised() {
        XCTAssertEqual(diagnostic("  .schema participants", file: "<stdin>"), """
            <stdin>:1:3: error: meta-commands such as .tables are for the shell; they cannot be part of a statement
              .schema participants
              ^
            """)
    }

    func testGroupKeyListedTwice() {
        XCTAssertEqual(diagnostic("participants | count by org, org", file: "<stdin>"), """
            <stdin>:1:30: error: "org" is listed twice
            participants | count by org, org
                                         ^~~
            """)
    }
}
