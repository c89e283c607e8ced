import XCTest
import ArvioData
@testable import ArvioShell

final class MetaCommandTests: XCTestCase {
    func testTablesListsTheFourBuiltInTablesWithSizesAndReferences() {
        let (shell, out) = TestSupport.interpreter()
        XCTAssertEqual(shell.run(".tables", file: "t"), .succeeded)
        XCTAssertEqual(out.text, """
            table         rows  columns  key
            ────────────  ────  ───────  ────────────────────────
            participants    16       12  id
            motivation      16        8  participant
            items           12        4  code
            responses      336        5  participant, item, phase

            Note: motivation.participant refers to participants.id
            Note: responses.participant refers to participants.id
            Note: responses.item refers to items.code

            """)
    }

    func testSchemaShowsTypesScaleAndLabelsInTheSessionsLanguage() {
        let (shell, out) = TestSupport.interpreter()
        XCTAssertEqual(shell.run(".lang fi\n.schema responses", file: "t"), .succeeded)
        let lines = out.text.split(separator: "\n")
        XCTAssertTrue(lines.contains { $0.hasPrefix("score        järjestysasteikko  ") && $0.hasSuffix(" 0  Oma-arvio osaamisesta") }, out.text)
        XCTAssertTrue(lines.contains { $0.hasPrefix("participant  teksti, avain  ") }, out.text)
        XCTAssertTrue(out.text.contains("score: 1 = heikosti < 2 = kohtalaisesti < 3 = jonkin verran < 4 = hyvin"), out.text)
    }

    func testSchemaSaysWhatOneRowIsAndWhichUnitTheAnalysesCount() {
        let (shell, out) = TestSupport.interpreter()
        XCTAssertEqual(shell.run(".schema responses\n.schema participants", file: "t"), .succeeded)
        let text = out.text.replacingOccurrences(of: "\n  ", with: " ")
        XCTAssertTrue(text.contains("Note: One row per participant × item × phase; the unit is participant, 16 participants with 12–24 rows each"), text)
        XCTAssertTrue(text.contains("Note: One row per id."), text)
    }

    func testUnknownCommandSaysWhereAndSuggests() {
        let (shell, out) = TestSupport.interpreter()
        XCTAssertEqual(shell.run("\n.tabels", file: "s.arvio"), .failed)
        XCTAssertEqual(out.text, """
            s.arvio:2:1: error: there is no command .tabels; .help lists the commands
            .tabels
            ^~~~~~~
            did you mean ".tables"?

            """)
    }

    func testSettingCommandsRejectValuesTheyDoNotKnow() {
        let (shell, out) = TestSupport.interpreter()
        XCTAssertEqual(shell.run(".format markdwn", file: "t"), .failed)
        XCTAssertEqual(out.text, """
            t:1:9: error: "markdwn" is not one of text, markdown, csv, json
            .format markdwn
                    ^~~~~~~
            did you mean "markdown"?

            """)
        XCTAssertEqual(shell.settings.format, .text)
    }

    func testFormatLangWidthCharsetAndTimerChangeTheSettings() {
        let (shell, _) = TestSupport.interpreter()
        XCTAssertEqual(shell.run(".format csv\n.lang fi\n.width 60\n.charset ascii\n.timer on", file: "t"), .succeeded)
        XCTAssertEqual(shell.settings.format, .csv)
        XCTAssertEqual(shell.settings.language, .fi)
        XCTAssertEqual(shell.session.language, .fi)
        XCTAssertEqual(shell.settings.width, 60)
        XCTAssertEqual(shell.settings.charset, .ascii)
        XCTAssertTrue(shell.settings.timer)
    }

    func testLoadAddsATableAndABadFileChangesNothing() throws {
        let dir = TestSupport.temporaryDirectory()
        try FileIO.writeAtomically(Array("nimi;arvo\nA;3,5\nB;4\n".utf8), to: dir + "/hyvä.csv")
        try FileIO.writeAtomically(Array("a,b\n1,2\n3\n".utf8), to: dir + "/bad.csv")
        let (shell, out) = TestSupport.interpreter()
        XCTAssertEqual(shell.run(".load \(dir)/hyvä.csv as kysely", file: "t"), .succeeded)
        XCTAssertEqual(shell.session.workspace.table(named: "kysely")?.rowCount, 2)
        XCTAssertEqual(shell.session.workspace.table(named: "kysely")?.columns[1].type, .decimal)
        let before = shell.session.workspace.tableNames
        XCTAssertEqual(shell.run(".load \(dir)/bad.csv", file: "t"), .failed)
        XCTAssertEqual(shell.session.workspace.tableNames, before)
        XCTAssertTrue(out.text.hasSuffix("\(dir)/bad.csv:3:2: error: this row has 1 fields, but the header has 2\n"), out.text)
    }

    func testLoadWithACodebookAppliesItsScale() throws {
        let dir = TestSupport.temporaryDirectory()
        try FileIO.writeAtomically(Array("id,q1\n1,2\n2,5\n".utf8), to: dir + "/s.csv")
        try FileIO.writeAtomically(Array("table,column,type,values,labels_en,labels_fi\nsurvey,q1,ordinal,1|2|3|4|5,,\n".utf8),
                                   to: dir + "/cb.csv")
        let (shell, _) = TestSupport.interpreter()
        XCTAssertEqual(shell.run(".load \(dir)/s.csv as s --codebook \(dir)/cb.csv", file: "t"), .succeeded)
        XCTAssertEqual(shell.session.workspace.table(named: "s")?.column(named: "q1")?.type, .ordinal)
    }

    func testSaveWritesTheFormatItsExtensionNames() throws {
        let dir = TestSupport.temporaryDirectory()
        let (shell, _) = TestSupport.interpreter()
        XCTAssertEqual(shell.run(".save items \(dir)/items.csv\n.save items \(dir)/items.json", file: "t"), .succeeded)
        let csv = String(decoding: try FileIO.read(dir + "/items.csv"), as: UTF8.self)
        XCTAssertTrue(csv.hasPrefix("code,area,text_fi,text_en\r\n"), "RFC 4180 line ends: \(csv)")
        XCTAssertEqual(csv.split(whereSeparator: \.isNewline).count, 13)
        let json = String(decoding: try FileIO.read(dir + "/items.json"), as: UTF8.self)
        XCTAssertTrue(json.contains("Työprosessien vaatimat ammatilliset taidot ja työtavat ovat hallinnassa."))
    }

    func testSaveToAFolderThatDoesNotExistFailsAndSaysWhy() {
        let (shell, out) = TestSupport.interpreter()
        XCTAssertEqual(shell.run(".save items /nonexistent/dir/items.csv", file: "t"), .failed)
        XCTAssertEqual(out.text, "/nonexistent/dir/items.csv: error: cannot write the file: no such file or directory\n")
    }

    func testRunStopsAtTheFirstErrorWithTheScriptsLine() throws {
        let dir = TestSupport.temporaryDirectory()
        try FileIO.writeAtomically(Array("# a script\nitems | count\nitems | count by nope\nitems\n".utf8), to: dir + "/s.arvio")
        let (shell, out) = TestSupport.interpreter()
        XCTAssertEqual(shell.run(".run \(dir)/s.arvio", file: "t"), .failed)
        XCTAssertTrue(out.text.contains("\(dir)/s.arvio:3:"), out.text)
        XCTAssertFalse(out.text.contains("text_fi"), "the statement after the error did not run")
    }

    func testQuitEndsTheInput() {
        let (shell, out) = TestSupport.interpreter()
        XCTAssertEqual(shell.run(".quit\nitems", file: "t"), .quit)
        XCTAssertEqual(out.text, "")
    }

    func testEveryMalformedFileFailsWithItsPlaceAndLeavesTheWorkspaceAsItWas() throws {
        let dir = TestSupport.temporaryDirectory()
        let cases: [(name: String, bytes: [UInt8], message: String)] = [
            ("quote.csv", Array("a,b\n1,\"open\n".utf8), "quote.csv:2:2: error: a quoted field starts here but its closing quote (\") is missing"),
            ("ragged.csv", Array("a,b\n1,2,3\n".utf8), "ragged.csv:2:3: error: this row has 3 fields, but the header has 2"),
            ("bytes.csv", Array("a\nx".utf8) + [0x81] + [10], "bytes.csv:2: error: this byte (0x81) is neither UTF-8 nor Windows-1252 text"),
            ("empty.csv", [], "empty.csv: error: the file is empty; a CSV file starts with a header row naming its columns"),
            ("typed.csv", Array("id,q1\n1,2\n2,kuusi\n".utf8), "typed.csv:3:2: error: expected a whole number for column \"q1\", as the codebook declares, but found \"kuusi\""),
        ]
        try FileIO.writeAtomically(Array("table,column,type\ntyped,q1,integer\n".utf8), to: dir + "/cb.csv")
        for c in cases {
            try FileIO.writeAtomically(c.bytes, to: dir + "/" + c.name)
            let (shell, out) = TestSupport.interpreter()
            let before = shell.session.workspace.tables.map { "\($0.name):\($0.rowCount)" }
            let codebook = c.name == "typed.csv" ? " --codebook \(dir)/cb.csv" : ""
            XCTAssertEqual(shell.run(".load \(dir)/\(c.name)\(codebook)", file: "t"), .failed, c.name)
            XCTAssertEqual(out.text, dir + "/" + c.message + "\n")
            XCTAssertEqual(shell.session.workspace.tables.map { "\($0.name):\($0.rowCount)" }, before, "\(c.name) changed the workspace")
        }
    }

    func testEachCommandIsDeclaredOnceAndItsDeclarationRunsIt() {
        let names = MetaCommand.all.flatMap { [$0.name] + $0.aliases }
        XCTAssertEqual(names.count, Set(names).count, "a name declared twice: \(names)")
        XCTAssertEqual(MetaCommand.names, names.map { "." + $0 }, "completion offers exactly the declared names")
        let (shell, out) = TestSupport.interpreter()
        // An alias runs its command; a wrong argument count names the declared usage.
        XCTAssertEqual(shell.run(".exit", file: "t"), .quit)
        XCTAssertEqual(shell.run(".schema", file: "t"), .failed)
        XCTAssertTrue(out.text.contains("missing argument; usage: .schema TABLE"), out.text)
    }

    func testExplainTakesTheRestOfTheLineQuotesAndAll() {
        let (shell, out) = TestSupport.interpreter()
        XCTAssertEqual(shell.run(#".explain participants | where org == "Tekevä" | count"#, file: "t"), .succeeded, out.text)
        XCTAssertTrue(out.text.contains("runs in memory"), out.text)
        XCTAssertEqual(shell.run(".lang fi\n.explain participants | count", file: "t"), .succeeded, out.text)
        XCTAssertTrue(out.text.hasSuffix("lasketaan muistissa: ei tietokantayhteyttä\n"), out.text)
    }

    func testASettingWithoutItsValueShowsTheValueFromItsDeclaration() {
        for command in MetaCommand.all where command.current != nil {
            let (shell, out) = TestSupport.interpreter()
            XCTAssertEqual(shell.run("." + command.name, file: "t"), .succeeded)
            XCTAssertTrue(out.text.hasPrefix(command.name + ": "), out.text)
        }
    }

    func testShowListsEverySettingAsItsCommandWithoutAnArgumentShowsIt() {
        let (shell, out) = TestSupport.interpreter()
        XCTAssertEqual(shell.run(".width 100\n.timer on\n.show", file: "t"), .succeeded)
        XCTAssertEqual(out.text, """
            format: text (one of text, markdown, csv, json)
            lang: en (one of en, fi)
            width: 100 cells (a number from 20 to 1000, or auto)
            charset: unicode (one of unicode, ascii)
            timer: on (on or off)

            """)
    }

    func testASettingShowsItsValueInTheSessionsLanguage() {
        let (shell, out) = TestSupport.interpreter()
        XCTAssertEqual(shell.run(".lang fi\n.show\n.width 90\n.width", file: "t"), .succeeded)
        XCTAssertEqual(out.text, """
            format: text (vaihtoehdot text, markdown, csv, json)
            lang: fi (vaihtoehdot en, fi)
            width: 80 merkkipaikkaa (luku 20–1000 tai auto)
            charset: unicode (vaihtoehdot unicode, ascii)
            timer: off (on tai off)
            width: 90 merkkipaikkaa (luku 20–1000 tai auto)

            """)
    }
}
