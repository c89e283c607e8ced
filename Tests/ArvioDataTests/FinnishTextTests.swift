import ArvioData
import XCTest

/// The decimal comma and the Finnish message table.
final class FinnishTextTests: XCTestCase {
    func testCommaReplacesOnlyAPointBetweenDigits() {
        XCTAssertEqual(NumberFormat.comma("0.032"), "0,032")
        XCTAssertEqual(NumberFormat.comma("< 0.001"), "< 0,001")
        XCTAssertEqual(NumberFormat.comma("-1.5e-7"), "-1,5e-7")
        XCTAssertEqual(NumberFormat.comma("(pienin 1.56); p."), "(pienin 1,56); p.")
        XCTAssertEqual(NumberFormat.comma("prop.test(correct = FALSE)."), "prop.test(correct = FALSE).")
        XCTAssertEqual(NumberFormat.localized("2.5", .en), "2.5")
    }

    func testMessagesAreTranslatedClauseByClauseKeepingNames() {
        XCTAssertEqual(DiagnosticFinnish.translate(#"there is no column "orgg" in participants"#),
                       #"saraketta "orgg" ei ole taulussa participants"#)
        XCTAssertEqual(DiagnosticFinnish.translate(#"expected a value, but found the end of the statement"#),
                       "odotettiin: arvo, mutta tuli lauseen loppu")
        XCTAssertEqual(DiagnosticFinnish.translate(#"there is no verb "head"; Arvio's verb for that is "take": | take 5"#),
                       #"verbiä "head" ei ole; Arviossa sen tekee verbi "take": | take 5"#)
        // A clause the table does not know stays as it was, the known one beside it translated.
        XCTAssertEqual(DiagnosticFinnish.translate(#"there is no table "x"; something new"#),
                       #"taulua "x" ei ole; something new"#)
        XCTAssertEqual(DiagnosticFinnish.text("saved t: 2 rows to t.csv as csv", .en), "saved t: 2 rows to t.csv as csv")
        XCTAssertEqual(DiagnosticFinnish.text("saved t: 2 rows to t.csv as csv", .fi), "tallennettu t: 2 riviä tiedostoon t.csv (csv)")
    }
}
