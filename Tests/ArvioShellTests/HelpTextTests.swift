import XCTest
import ArvioData
import ArvioQuery
import ArvioRender
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
                       ".load FILE [as NAME] [OPTIONS]\n    read .csv .xlsx .sav .dta .sas7bdat, DIR\n")
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
        // The Finnish summaries are longer: one that does not fit wraps in its own column.
        var finnish = OutputSettings()
        finnish.language = .fi
        finnish.width = 80
        let lines = HelpText.text(for: nil, settings: finnish).split(separator: "\n").map(String.init)
        for line in lines { XCTAssertLessThanOrEqual(line.count, 80, line) }
        let load = try? XCTUnwrap(lines.firstIndex { $0.hasPrefix("  .load TIEDOSTO [as NIMI] [VALINNAT] ") })
        if let load, load + 1 < lines.count {
            let column = lines[load].distance(from: lines[load].startIndex, to: lines[load].range(of: "lue ")!.lowerBound)
            XCTAssertEqual(lines[load + 1], String(repeating: " ", count: column) + "kansio", lines.joined(separator: "\n"))
        }
        XCTAssertTrue(text.split(separator: "\n").contains {
            $0.hasPrefix("  .load FILE [as NAME] [OPTIONS] ") && $0.hasSuffix(" read .csv .xlsx .sav .dta .sas7bdat, DIR")
        }, text)
    }

    func testEveryTopicIsRenderedForTheTerminalWithinTheWidth() {
        for width in [60, 80, 100] {
            var settings = OutputSettings()
            settings.width = width
            for topic in HelpText.topics.map(\.name) {
                let text = HelpText.text(for: topic, settings: settings)
                for line in text.split(separator: "\n").map(String.init) {
                    XCTAssertFalse(line.hasPrefix("```") || line.contains("**") || line.hasPrefix("| ---"), "\(topic): \(line)")
                    // Examples keep their lines, so they can be copied as they are.
                    if line.hasPrefix("    ") { continue }
                    XCTAssertLessThanOrEqual(DisplayWidth.of(line), width, "\(topic) at \(width): \(line)")
                }
            }
        }
    }

    func testAPipeTableIsAlignedAndItsLastColumnWrapped() {
        var settings = OutputSettings()
        settings.width = 60
        let text = HelpText.text(for: "crosstab", settings: settings)
        XCTAssertTrue(text.contains("""
            kind             shows
            ───────────────  ───────────────────────────────────────────
            count            the number of rows
            """), text)
        XCTAssertTrue(text.contains("""
            adjresid         adjusted standardized residual (O −
                             E)/√(E(1 − r/n)(1 − c/n)), as R stdres and
                             PSPP
            """), text)
        XCTAssertTrue(text.contains("\n    participants | crosstab entry_route by post_status\n"), text)
        settings.format = .markdown
        XCTAssertTrue(HelpText.text(for: "crosstab", settings: settings).contains("| kind | shows |"))
    }

    func testALongExampleIsBrokenAfterAPipeSoThatItStillRunsWhenPasted() throws {
        let line = "participants | join motivation | crosstab motivation_start by entry_route cells count, row"
        let lines = HelpRenderer.example(line, width: 60)
        XCTAssertEqual(lines, ["    participants | join motivation |",
                               "      crosstab motivation_start by entry_route cells count, row"])
        // What is pasted runs as the one-line statement does.
        let (whole, wholeOut) = TestSupport.interpreter()
        let (broken, brokenOut) = TestSupport.interpreter()
        XCTAssertEqual(whole.run(line, file: "t"), .succeeded, wholeOut.text)
        XCTAssertEqual(broken.run(lines.joined(separator: "\n"), file: "t"), .succeeded, brokenOut.text)
        XCTAssertEqual(wholeOut.text, brokenOut.text)
        // A pipe inside quotes is not a step's end; a line without steps stays whole.
        XCTAssertEqual(HelpRenderer.example("t | where a == \"x | y\" | count", width: 20),
                       ["    t |", "      where a == \"x | y\" |", "      count"])
        XCTAssertEqual(HelpRenderer.example(".load " + String(repeating: "d/", count: 40), width: 40).count, 1)
    }

    func testEveryMetaCommandIsInTheOverviewWithItsDeclaredUsage() {
        let overview = HelpText.text(for: nil, settings: OutputSettings())
        for command in MetaCommand.all {
            XCTAssertTrue(overview.contains(command.usage + "  "), command.usage)
            XCTAssertEqual(HelpText.text(for: "." + command.name, settings: OutputSettings()),
                           "\(command.usage)\n    \(command.summary)\n")
        }
    }
}
