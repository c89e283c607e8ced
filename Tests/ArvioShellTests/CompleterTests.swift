import XCTest
import ArvioData
import ArvioQuery
@testable import ArvioShell

final class CompleterTests: XCTestCase {
    private let completer = Completer(workspace: TestSupport.builtIn, language: .en, verbs: verbNames,
                                      functions: functionNames, metaCommands: MetaCommand.names)

    func testCompletesMetaCommandsAfterADot() {
        XCTAssertEqual(completer.candidates(before: "", word: ".sch"), [".schema"])
        XCTAssertEqual(completer.candidates(before: "", word: ".sc"), [".schema", ".scale"])
    }

    func testCompletesTablesAtTheStartOfAPipelineAndAfterJoin() {
        XCTAssertEqual(completer.candidates(before: "", word: "par"), ["participants"])
        XCTAssertEqual(completer.candidates(before: "responses | join ", word: "mo"), ["motivation"])
        XCTAssertEqual(completer.candidates(before: "let x = ", word: "it"), ["items"])
    }

    func testCompletesVerbsAfterAPipe() {
        XCTAssertEqual(completer.candidates(before: "participants | ", word: "whe"), ["where"])
    }

    func testCompletesColumnsOfThePipedTable() {
        XCTAssertEqual(completer.candidates(before: "participants | count by ", word: "entry"), ["entry_route"])
        XCTAssertEqual(completer.candidates(before: "responses | where ", word: "sco"), ["score"])
        XCTAssertEqual(completer.candidates(before: "responses | join participants | where ", word: "post_s"), ["post_status"])
    }

    func testCompletesCategoryValuesWithFinnishLettersInsideQuotes() {
        // Readline breaks words at a quote, so the quote is before the word being completed.
        XCTAssertEqual(completer.candidates(before: "participants | where org == \"", word: "Tek"), ["Tekevä\""])
        XCTAssertEqual(completer.candidates(before: "responses | where phase == \"", word: "p"), ["pre\"", "post\""])
        XCTAssertEqual(completer.candidates(before: "responses | where item in [\"OH1\", \"", word: "O"),
                       ["overall\"", "OH1\"", "OH2\"", "OH3\"", "OH4\""], "in the codebook's order")
    }

    func testCompletesMetaCommandArguments() {
        XCTAssertEqual(completer.candidates(before: ".schema ", word: "resp"), ["responses"])
        XCTAssertEqual(completer.candidates(before: ".format ", word: "m"), ["markdown"])
    }

    func testCompletesFilePathsAfterLoad() {
        let paths = completer.candidates(before: ".load ", word: TestSupport.root + "/datasets/wire3/part")
        XCTAssertEqual(paths, [TestSupport.root + "/datasets/wire3/participants.csv"])
    }
}
