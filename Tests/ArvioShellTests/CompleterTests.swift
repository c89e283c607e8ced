import XCTest
import ArvioData
import ArvioQuery
@testable import ArvioShell

final class CompleterTests: XCTestCase {
    private let completer = Completer(workspace: TestSupport.builtIn, language: .en)

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

    // Issue 18: Tab after select, count by, sort following derive or count offered the base
    // table's columns, not the piped table's.
    func testOffersTheColumnsThePipeHasMadeSoFar() {
        XCTAssertEqual(completer.candidates(before: "participants | derive newbie = experience_years < 1 | select ", word: "new"),
                       ["newbie"])
        XCTAssertEqual(completer.candidates(before: "participants | count by org | sort ", word: ""),
                       ["org", "n", "asc", "desc"])
        XCTAssertEqual(completer.candidates(before: "participants | group org aggregate avg = mean(grade) | where ", word: "a"),
                       ["avg", "abs"])
        XCTAssertEqual(completer.candidates(before: "participants | select id, org | count by ", word: ""), ["id", "org", "by"])
        XCTAssertEqual(completer.candidates(before: "let x = participants | derive late = grade > 8 | sort ", word: "la"), ["late"])
        // Across the lines of an unfinished statement (a line that ends in "|" goes on).
        XCTAssertEqual(completer.candidates(before: "participants |\n  derive newbie = experience_years < 1 |\n  where ", word: "newb"),
                       ["newbie"])
    }

    func testColumnsOfAStepThatDoesNotBindYetComeFromItsTables() {
        XCTAssertEqual(completer.candidates(before: "responses | join participants | where nosuch > 1 | where ", word: "post_s"),
                       ["post_status"])
    }

    func testOffersChartKindsCellKindsAndTheStepsWords() {
        XCTAssertEqual(completer.candidates(before: "responses | chart ", word: ""), ["bar", "stacked", "likert", "hist", "dumbbell", "heat"])
        XCTAssertEqual(completer.candidates(before: "participants | crosstab org by post_status cells ", word: "r"),
                       ["row", "resid"])
        XCTAssertEqual(completer.candidates(before: "participants | crosstab org by post_status cells count, ", word: "co"),
                       ["count", "column", "col"])
        XCTAssertEqual(completer.candidates(before: "participants | crosstab org by post_status ", word: "ce"), ["cells"])
        XCTAssertEqual(completer.candidates(before: "responses | delta score by phase adjust ", word: ""), ["holm", "bh", "none"])
        XCTAssertEqual(completer.candidates(before: "participants | freq org ", word: "r"), ["rows"])
        XCTAssertEqual(completer.candidates(before: "participants | freq org ", word: "w"), ["weight"])
    }

    func testCategoryValuesComeFromThePipedTable() {
        XCTAssertEqual(completer.candidates(before: "responses | join participants | where post_status == \"", word: "mo"),
                       ["moved\"", "moved to other duties\""], "the code, then its label")
    }

    func testEveryVerbHasItsWords() {
        XCTAssertEqual(VerbWords.options(of: "nosuch"), [])
        for verb in verbNames where !["where", "select", "derive", "aggregate", "take", "distinct"].contains(verb) {
            XCTAssertFalse(VerbWords.options(of: verb).isEmpty, "\(verb) has no words for completion")
        }
    }

    func testMetaCommandArgumentsFollowTheirDeclaration() {
        XCTAssertEqual(completer.candidates(before: ".save ", word: "par"), ["participants"])
        XCTAssertEqual(completer.candidates(before: ".save participants ", word: TestSupport.root + "/datasets/wire3/part"),
                       [TestSupport.root + "/datasets/wire3/participants.csv"])
        XCTAssertEqual(completer.candidates(before: ".save participants out.csv ", word: ""), ["labels"])
        XCTAssertEqual(completer.candidates(before: ".run ", word: TestSupport.root + "/notebooks/"),
                       completer.candidates(before: ".load ", word: TestSupport.root + "/notebooks/"))
        XCTAssertEqual(completer.candidates(before: ".codebook participants ", word: TestSupport.root + "/datasets/wire3/participants.c"),
                       [TestSupport.root + "/datasets/wire3/participants.csv"])
        XCTAssertEqual(completer.candidates(before: ".scale ", word: "resp"), ["responses."])
        XCTAssertEqual(completer.candidates(before: ".scale ", word: "responses.sc"), ["responses.score"])
        XCTAssertEqual(completer.candidates(before: ".help ", word: "cross"), ["crosstab"])
        XCTAssertEqual(completer.candidates(before: ".lang ", word: ""), ["en", "fi"])
        XCTAssertEqual(completer.candidates(before: ".explain participants | count by ", word: "entry"), ["entry_route"])
        XCTAssertEqual(completer.candidates(before: "", word: ".ex"), [".explain", ".exit"])
    }
}
