import XCTest
import ArvioData
@testable import ArvioShell

/// The first guesses of a newcomer who knows SQL, R, dplyr, pandas, sqlite or psql (issue 18's
/// table), each answered with the Arvio form that works, written out so it can be copied.
final class HabitTests: XCTestCase {
    /// The first line of what `source` prints: the error itself.
    private func error(_ source: String) -> String {
        let text = output(of: source)
        return text.split(separator: "\n").first.map(String.init) ?? ""
    }

    func testAStatementThatStartsWithAVerbNamesTheTableWhoseColumnsItUses() {
        XCTAssertEqual(error("count by org"),
                       "<test>:1:1: error: a statement starts with a table name, then its verbs joined by \"|\": participants | count by org")
        // The suggestion runs as written.
        XCTAssertTrue(output(of: "participants | count by org").contains("Katulähetys"))
        XCTAssertEqual(error("freq score"),
                       "<test>:1:1: error: a statement starts with a table name, then its verbs joined by \"|\": responses | freq score")
        XCTAssertEqual(error("count"),
                       "<test>:1:1: error: there is no table \"count\"; a statement starts with a table name, then its verbs joined by \"|\", as in participants | count")
    }

    func testVerbsOfOtherToolsMapToTheArvioVerbWithTheUsersOwnArguments() {
        let cases = [
            ("participants | head 5", "there is no verb \"head\"; Arvio's verb for that is \"take\": | take 5"),
            ("participants | limit 5", "there is no verb \"limit\"; Arvio's verb for that is \"take\": | take 5"),
            ("participants | head", "there is no verb \"head\"; Arvio's verb for that is \"take\": | take 10"),
            ("participants | filter grade > 8", "there is no verb \"filter\"; Arvio's verb for that is \"where\": | where grade > 8"),
            ("participants | summary", "there is no verb \"summary\"; Arvio's verb for that is \"describe\": | describe (.help describe shows its form)"),
            ("participants | arrange by grade", "there is no verb \"arrange\"; Arvio's verb for that is \"sort\": | sort grade"),
            ("participants | mutate g2 = grade * 2", "there is no verb \"mutate\"; Arvio's verb for that is \"derive\": | derive g2 = grade * 2"),
        ]
        for (source, message) in cases {
            XCTAssertEqual(error(source), "<test>:1:16: error: " + message, source)
        }
    }

    func testAnAggregateWrittenAsAVerbBecomesGroupAggregate() {
        XCTAssertEqual(error("participants | mean(grade) by org"),
                       "<test>:1:16: error: there is no verb \"mean\"; to compute it for each org, write: | group org aggregate mean(grade)")
        XCTAssertEqual(error("participants | average grade by org, title"),
                       "<test>:1:16: error: there is no verb \"average\"; to compute it for each org, title, write: | group org, title aggregate mean(grade)")
        XCTAssertEqual(error("participants | group by org aggregate mean(grade)"),
                       "<test>:1:22: error: \"group\" takes its columns directly, without \"by\": group org aggregate …")
    }

    func testSQLIsAnsweredWithTheSamePipeline() {
        XCTAssertEqual(error("SELECT * FROM participants"),
                       "<test>:1:1: error: Arvio reads a statement as a table, then its verbs joined by \"|\", not as SQL: participants")
        XCTAssertEqual(error("select id, grade from participants where org = 'Tekevä' order by experience_years desc limit 3"),
                       "<test>:1:1: error: Arvio reads a statement as a table, then its verbs joined by \"|\", not as SQL: participants | where org == \"Tekevä\" | sort experience_years desc | take 3 | select id, grade")
        XCTAssertEqual(error("SELECT org, AVG(grade), COUNT(*) FROM participants GROUP BY org"),
                       "<test>:1:1: error: Arvio reads a statement as a table, then its verbs joined by \"|\", not as SQL: participants | group org aggregate mean(grade), count()")
        // The pipeline it offers runs.
        XCTAssertTrue(output(of: "participants | where org == \"Tekevä\" | sort experience_years desc | take 3 | select id, grade").contains("P12"))
    }

    func testWordsOfOtherShellsPointToTheDotCommand() {
        XCTAssertEqual(error("exit"), "<test>:1:1: error: there is no table \"exit\"; to leave Arvio, type .quit (or Ctrl-D)")
        XCTAssertEqual(error("quit"), "<test>:1:1: error: there is no table \"quit\"; to leave Arvio, type .quit (or Ctrl-D)")
        XCTAssertEqual(error("help"), "<test>:1:1: error: there is no table \"help\"; .help lists the commands and the verbs; .help VERB shows one")
        XCTAssertEqual(error(".mode csv"), "<test>:1:1: error: there is no command .mode; Arvio's is .format text|markdown|csv|json")
        XCTAssertEqual(error(".read f.arvio"), "<test>:1:1: error: there is no command .read; Arvio's is .run FILE")
        XCTAssertEqual(error(".q"), "<test>:1:1: error: there is no command .q; Arvio's is .quit")
    }

    func testASettingWithoutAValueShowsItsValue() {
        XCTAssertEqual(output(of: ".format\n.lang\n.charset\n.timer\n.width 100\n.width"), """
            format: text (one of text, markdown, csv, json)
            lang: en (one of en, fi)
            charset: unicode (one of unicode, ascii)
            timer: off (on or off)
            width: 100 cells (a number from 20 to 1000, or auto)

            """)
    }
}

/// Issue 18: the language is one setting, whichever way it is given.
final class LanguageSettingTests: XCTestCase {
    func testLangOnTheCommandLineAndLangInTheShellGiveTheSameBytes() {
        let statements = """
            participants | crosstab org by entry_route
            responses | join participants | delta score by phase per entry_route
            participants | join motivation | attrition
            """
        // --lang fi and ARVIO_LANG=fi both reach the interpreter as its starting settings.
        var settings = OutputSettings()
        settings.width = 80
        settings.language = .fi
        let startedOut = CapturingConsole()
        let started = Interpreter(workspace: TestSupport.builtIn, settings: settings, console: startedOut)
        started.run(statements, file: "t", keepGoing: true)
        let (switched, switchedOut) = TestSupport.interpreter()
        switched.run(".lang fi\n" + statements, file: "t", keepGoing: true)
        XCTAssertEqual(startedOut.text, switchedOut.text)
        XCTAssertTrue(startedOut.text.contains("yhteensä"), startedOut.text)
    }
}
