import XCTest
import ArvioData
import ArvioQuery
@testable import ArvioShell

final class HelpTextTests: XCTestCase {
    func testTheEmbeddedReferenceIsDocsLanguageMdAsItIsNow() throws {
        let onDisk = String(decoding: try FileIO.read(TestSupport.root + "/docs/language.md"), as: UTF8.self)
        XCTAssertEqual(languageReference + "\n", onDisk, "run scripts/generate-help.sh after editing docs/language.md")
    }

    func testEveryVerbHasAHelpTopicWithAnExample() {
        for verb in verbNames {
            let text = HelpText.text(for: verb, settings: OutputSettings())
            XCTAssertFalse(text.hasPrefix("There is no help topic"), verb)
            XCTAssertTrue(text.contains("```arvio") || text.contains("    \(verb)") || text.contains("| \(verb)"), "\(verb): \(text)")
        }
    }

    func testHelpForACommandGivesItsUsage() {
        XCTAssertEqual(HelpText.text(for: ".load", settings: OutputSettings()),
                       ".load FILE [as NAME] [OPTIONS]\n    read .csv, .xlsx, .sav, .dta, .sas7bdat\n")
    }

    func testAnUnknownTopicSuggestsACloseOne() {
        XCTAssertEqual(HelpText.text(for: "wher", settings: OutputSettings()),
                       "There is no help topic \"wher\". Did you mean \"where\"? .help lists the topics.\n")
    }

    func testTheOverviewFitsAnEightyColumnTerminal() {
        let text = HelpText.text(for: nil, settings: OutputSettings())
        for line in text.split(separator: "\n") {
            XCTAssertLessThanOrEqual(line.count, 80, String(line))
        }
        XCTAssertTrue(text.split(separator: "\n").contains {
            $0.hasPrefix("  .load FILE [as NAME] [OPTIONS] ") && $0.hasSuffix(" read .csv, .xlsx, .sav, .dta, .sas7bdat")
        }, text)
    }
}
