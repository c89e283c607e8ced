import ArvioQuery
import XCTest

final class StatementSplitterTests: XCTestCase {
    func testALineEndingInPipeIsIncomplete() {
        XCTAssertTrue(StatementSplitter.isIncomplete("participants |"))
        XCTAssertTrue(StatementSplitter.isIncomplete("participants | # more to come"))
        XCTAssertTrue(StatementSplitter.isIncomplete("participants | where id in [\"P01\","))
        XCTAssertFalse(StatementSplitter.isIncomplete("participants | count"))
        XCTAssertFalse(StatementSplitter.isIncomplete(""))
    }

    func testSplitGivesStatementsWithTheirFirstLinesAndMetaCommandsApart() {
        let parts = StatementSplitter.split("""
            # setup
            .lang fi
            let c = participants |
              where grade > 7

            c | count
            """, firstLine: 10)
        XCTAssertEqual(parts, [
            StatementSource(text: ".lang fi", firstLine: 11, isMetaCommand: true),
            StatementSource(text: "let c = participants |\n  where grade > 7", firstLine: 12, isMetaCommand: false),
            StatementSource(text: "c | count", firstLine: 15, isMetaCommand: false),
        ])
    }

    func testAnUnfinishedLastStatementIsStillReturned() {
        XCTAssertEqual(StatementSplitter.split("participants |").map(\.text), ["participants |"])
    }
}
