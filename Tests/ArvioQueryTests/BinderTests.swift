import ArvioData
import ArvioQuery
import XCTest

/// Every name and type error is raised by binding, at its position, before any row is read.
/// Each statement is run in a session whose cancel button is already pressed: execution stops
/// at its first operator, so an error other than "stopped" can only have come from binding.
/// The same error must come from `Session.plans`, which binds without running anything.
final class BinderTests: XCTestCase {
    /// The error binding `source` gives: message, `line:column` and suggestion, checked to be
    /// the same whether the statement is planned or run.
    private func bindError(_ source: String, file: StaticString = #filePath, line: UInt = #line) -> (message: String, at: String, suggestion: String?) {
        let planned: Diagnostic
        do {
            _ = try Session(workspace: Fixtures.workspace).plans(source)
            XCTFail("expected a bind error for: \(source)", file: file, line: line)
            return ("", "", nil)
        } catch {
            planned = error
        }
        var session = Session(workspace: Fixtures.workspace, isCancelled: { true })
        do {
            _ = try session.run(source)
            XCTFail("expected an error for: \(source)", file: file, line: line)
        } catch {
            XCTAssertFalse(error.isCancellation, "the statement ran before the error: \(error.message)", file: file, line: line)
            XCTAssertEqual(error.message, planned.message, file: file, line: line)
            XCTAssertEqual(error.position, planned.position, file: file, line: line)
        }
        return (planned.message, "\(planned.position.line):\(planned.position.column)", planned.suggestion)
    }

    private func assertBindError(_ source: String, _ message: String, at position: String, suggestion: String? = nil,
                                 file: StaticString = #filePath, line: UInt = #line) {
        let error = bindError(source, file: file, line: line)
        XCTAssertEqual(error.message, message, source, file: file, line: line)
        XCTAssertEqual(error.at, position, source, file: file, line: line)
        if let suggestion { XCTAssertEqual(error.suggestion, suggestion, source, file: file, line: line) }
    }

    func testAStatementThatBindsIsStoppedOnlyWhenItRuns() {
        var session = Session(workspace: Fixtures.workspace, isCancelled: { true })
        XCTAssertNoThrow(try session.plans("participants | count by org"))
        XCTAssertThrowsError(try session.run("participants | count by org")) { error in
            XCTAssertTrue((error as? Diagnostic)?.isCancellation ?? false)
        }
    }

    func testUnknownTablesAndColumns() {
        assertBindError("participantz | count", "there is no table \"participantz\"", at: "1:1", suggestion: "\"participants\"")
        assertBindError("participants | join motivatoin", "there is no table \"motivatoin\"", at: "1:21", suggestion: "\"motivation\"")
        assertBindError("participants | count by orgg", "there is no column \"orgg\" in participants", at: "1:25", suggestion: "\"org\"")
        assertBindError("participants | where grde > 7", "there is no column \"grde\" in participants", at: "1:22", suggestion: "\"grade\"")
        assertBindError("participants | select id, tittle", "there is no column \"tittle\" in participants", at: "1:27", suggestion: "\"title\"")
        assertBindError("participants | derive g = grade + sessions", "there is no column \"sessions\" in participants", at: "1:35")
        assertBindError("participants | group org aggregate mean(grde)", "there is no column \"grde\" in participants", at: "1:41")
        assertBindError("participants | sort experience desc", "there is no column \"experience\" in participants", at: "1:21")
        assertBindError("participants | distinct org, titel", "there is no column \"titel\" in participants", at: "1:30")
        assertBindError("participants | join motivation on idd = participant", "there is no column \"idd\" in participants", at: "1:35")
    }

    func testNamesAreResolvedAgainstTheSchemaAfterEachStep() {
        // After `select`, only the selected columns are there; after `count by`, the keys and n.
        assertBindError("participants | select id, org | where grade > 7", "there is no column \"grade\" in participants", at: "1:39")
        assertBindError("participants | count by org | sort nn", "there is no column \"nn\" in participants", at: "1:36", suggestion: "\"n\"")
        assertBindError("participants | derive g = grade * 2 | group org aggregate m = mean(g) | where g > 1",
                        "there is no column \"g\" in participants", at: "1:79", suggestion: "\"m\"")
        // A joined column is known after the join, under its clash name when it clashes.
        XCTAssertNoThrow(try Session(workspace: Fixtures.workspace).plans("responses | join participants | where org == \"Tekevä\""))
        assertBindError("responses | join participants | crosstab orgg by phase", "there is no column \"orgg\" in responses", at: "1:42", suggestion: "\"org\"")
    }

    func testTypeErrors() {
        assertBindError("participants | where grade", "where needs a condition that is true or false, but \"grade\" is a number", at: "1:22")
        assertBindError("participants | where org == \"Tekeva\"",
                        "\"Tekeva\" is not a value of \"org\" (its values are \"Katulähetys\" (Jyväskylän Katulähetys ry), \"Työttömät\" (Jyvässeudun Työttömät ry), \"Tekevä\" (Työvalmennussäätiö Tekevä), \"Setlementti\" (Jyvälän Setlementti))",
                        at: "1:29", suggestion: "\"Tekevä\"")
        assertBindError("participants | where org < \"Tekevä\"",
                        "\"<\" needs an ordered scale, but \"org\" is categorical (its values have no order)", at: "1:26")
        assertBindError("participants | derive x = -org", "\"-\" needs a number, but \"org\" is categorical", at: "1:27")
        assertBindError("participants | where not grade", "\"not\" needs a condition, but \"grade\" is a number", at: "1:22")
        assertBindError("participants | where grade == missing", "a comparison with missing is never true; write \"is missing\" or \"is not missing\"", at: "1:31")
        assertBindError("participants | group org aggregate mean(title)", "mean() needs numbers, but \"title\" is categorical", at: "1:41")
        assertBindError("participants | group org aggregate m = grade", "\"grade\" is not a group key; use it inside an aggregate such as count(grade) or n_distinct(grade), or add it after \"group\"", at: "1:40")
        assertBindError("participants | derive x = meen(grade)", "there is no function \"meen\"", at: "1:27", suggestion: "\"mean\"")
        // An aggregate of the whole table has its type at bind time, not "missing".
        XCTAssertNoThrow(try Session(workspace: Fixtures.workspace).plans("participants | where grade > mean(grade) | derive c = grade - mean(grade)"))
    }

    func testStepRulesAndKeys() {
        assertBindError("participants | select id, id", "the column \"id\" is selected twice", at: "1:27")
        assertBindError("participants | count by org, org", "\"org\" is listed twice", at: "1:30")
        assertBindError("participants | group org aggregate org = count()", "the result already has a column \"org\"; give this one a name, as in n2 = count()", at: "1:36")
        assertBindError("motivation | join responses",
                        "no relation is declared between motivation and responses; say which columns match, as in join responses on <column> = <column of responses>", at: "1:19")
        assertBindError("responses | select score, item | join participants",
                        "the relation between responses and participants uses the column \"participant\", which this result no longer has; keep it in select, or use join participants on ...", at: "1:39")
        assertBindError("let where = participants", "\"where\" is a verb; give the table another name", at: "1:5")
    }

    func testAnalysisVerbsCheckTheirColumnsAndTypes() {
        assertBindError("participants | crosstab org by org", "\"org\" is cross-tabulated with itself; name two different columns", at: "1:32")
        assertBindError("participants | crosstab org by post_statu", "there is no column \"post_statu\" in participants", at: "1:32", suggestion: "\"post_status\"")
        assertBindError("participants | crosstab org by title weight titl", "there is no column \"titl\" in participants", at: "1:45")
        assertBindError("participants | crosstab org by title weight org",
                        "the weight \"org\" is not a number column; a frequency weight counts cases, as in weight n", at: "1:45")
        assertBindError("participants | freq orgg", "there is no column \"orgg\" in participants", at: "1:21")
        assertBindError("participants | describe title", "describe needs numbers or an ordinal scale, but \"title\" is categorical; try freq title", at: "1:25")
        assertBindError("participants | describe grade by orgg", "there is no column \"orgg\" in participants", at: "1:34")
        assertBindError("responses | delta scor by phase", "there is no column \"scor\" in responses", at: "1:19", suggestion: "\"score\"")
        assertBindError("responses | delta item by phase", "\"item\" pairs the rows (the pairing key is participant, item), so it is the same at both phases; delta compares an answer, such as score", at: "1:19")
        assertBindError("responses | delta score by phase per phase",
                        "a pair spans both phases, so it cannot be split per phase; per takes another column, such as area or participant", at: "1:38")
        assertBindError("participants | associate motivation", "there is no column \"motivation\" in participants", at: "1:26")
        assertBindError("responses | reliability score by itm", "there is no column \"itm\" in responses", at: "1:34")
        assertBindError("participants | reliability grade, title", "reliability needs items that are numbers or an ordinal scale, but \"title\" is categorical; give it a scale in the codebook, or leave it out", at: "1:35")
        assertBindError("participants | chart bar orgg", "there is no column \"orgg\" in participants", at: "1:26")
    }

    func testErrorsOnLaterLinesKeepTheirLines() {
        let error = bindError("participants |\n  where grade > 7 |\n  count by orgg")
        XCTAssertEqual(error.at, "3:12")
    }

    func testLetOverABuiltInTableAndAggregateAloneAreCheckedAtBindTime() {
        assertBindError("let participants = participants | take 3",
                        "there is already a table \"participants\" (built in or loaded); to replace it, write let replace participants = ..., or give the new table another name", at: "1:5")
        assertBindError("participants | aggregate m = mean(grad)", "there is no column \"grad\" in participants", at: "1:35", suggestion: "\"grade\"")
        assertBindError("participants | aggregate org",
                        "\"org\" is not a group key; use it inside an aggregate such as count(org) or n_distinct(org), or group by it, as in group org aggregate ...", at: "1:26")
    }
}
