import XCTest
import ArvioData
@testable import ArvioShell

/// `.save T FILE.csv` writes raw values and a codebook beside them, so `.load` reads the same
/// table back and the same statements give the same answers.
final class SaveLoadBackTests: XCTestCase {
    /// The output of `statement` on the built-in `table`, and on the same table saved and
    /// loaded back as `back`, with `back` spelled as `table` so the two can be compared.
    private func answers(_ table: String, _ statements: [String], lang: String = "en") throws -> [(String, String)] {
        let dir = TestSupport.temporaryDirectory()
        let (shell, out) = TestSupport.interpreter()
        XCTAssertEqual(shell.run(".lang \(lang)\n.save \(table) \(dir)/saved.csv\n.load \(dir)/saved.csv as back", file: "t"), .succeeded, out.text)
        let rows = TestSupport.builtIn.table(named: table)!.rowCount
        // The confirmations are in the session's language; the paths and counts are the same.
        let expected = lang == "fi"
            ? ["koodikirja tiedostoon \(dir)/saved.codebook.csv", "ladattu back: \(rows) riviä", "koodikirja \(dir)/saved.codebook.csv"]
            : ["with its codebook in \(dir)/saved.codebook.csv", "loaded back: \(rows) rows", "with the codebook \(dir)/saved.codebook.csv"]
        for phrase in expected { XCTAssertTrue(out.text.contains(phrase), "\(phrase) in \(out.text)") }
        return statements.map { statement in
            let (original, a) = TestSupport.interpreter(workspace: shell.session.workspace)
            _ = original.run(".lang \(lang)\n" + statement, file: "t")
            let (reloaded, b) = TestSupport.interpreter(workspace: shell.session.workspace)
            _ = reloaded.run(".lang \(lang)\n" + statement.replacingFirst(table, with: "back"), file: "t")
            return (a.text, b.text.replacingAll("back", with: table))
        }
    }

    func testSavedParticipantsLoadBackWithTheSameAnswers() throws {
        let statements = [
            "participants | where post_status == \"responded\" | count",
            "participants | freq post_status",
            "participants | crosstab entry_route by post_status",
            "participants | describe experience_years",
            ".schema participants",
        ]
        for (original, reloaded) in try answers("participants", statements, lang: "fi") {
            XCTAssertEqual(reloaded, original)
        }
        let (shell, out) = TestSupport.interpreter()
        _ = shell.run("participants | where post_status == \"responded\" | count", file: "t")
        XCTAssertTrue(out.text.contains("12"), out.text)
    }

    func testSavedResponsesKeepTheirScaleAndKey() throws {
        let statements = [
            "responses | where score >= \"hyvin\" | count",
            "responses | where phase == \"post\" | freq score",
            "responses | delta score by phase",
        ]
        for (original, reloaded) in try answers("responses", statements) {
            XCTAssertFalse(original.contains("error"), original)
            // References to other tables are not saved, so delta's note on the unpaired rows
            // cannot name why participants left; every number before it is the same.
            let cut = { (text: String) in text.components(separatedBy: "Note: 48 pre values")[0] }
            XCTAssertEqual(cut(reloaded), cut(original))
        }
    }

    func testTheCSVHoldsValuesNotLabelsAndTheCodebookReadsBack() throws {
        let dir = TestSupport.temporaryDirectory()
        let (shell, out) = TestSupport.interpreter()
        XCTAssertEqual(shell.run(".lang fi\n.save participants \(dir)/p.csv", file: "t"), .succeeded, out.text)
        let csv = String(decoding: try FileIO.read(dir + "/p.csv"), as: UTF8.self)
        XCTAssertTrue(csv.contains(",Tekevä,"), csv)
        XCTAssertFalse(csv.contains("Työvalmennussäätiö Tekevä"), "labels are not written: \(csv)")
        let book = try Codebook.parse(FileIO.read(dir + "/p.codebook.csv"), file: "p.codebook.csv")
        let org = try XCTUnwrap(book.entry(table: "participants", column: "org"))
        XCTAssertEqual(org.type, .categorical)
        XCTAssertEqual(org.levels.map(\.value), ["Katulähetys", "Työttömät", "Tekevä", "Setlementti"])
        XCTAssertEqual(org.levels[2].label?.fi, "Työvalmennussäätiö Tekevä")
        XCTAssertEqual(book.entry(table: "participants", column: "id")?.isKey, true)
        XCTAssertEqual(book.entry(table: "participants", column: "grade")?.type, .integer)
        XCTAssertEqual(book.entry(table: "participants", column: "grade")?.label?.en,
                       "Overall grade given to the pilot, school scale 4–10 (missing where none was given)")
    }

    func testLabelsOptionWritesLabelsAndNoCodebook() throws {
        let dir = TestSupport.temporaryDirectory()
        let (shell, out) = TestSupport.interpreter()
        XCTAssertEqual(shell.run(".lang fi\n.save participants \(dir)/p.csv labels", file: "t"), .succeeded, out.text)
        let csv = String(decoding: try FileIO.read(dir + "/p.csv"), as: UTF8.self)
        XCTAssertTrue(csv.contains("Työvalmennussäätiö Tekevä"), csv)
        XCTAssertFalse(FileIO.exists(dir + "/p.codebook.csv"))
        XCTAssertEqual(shell.run(".save participants \(dir)/q.csv tarrat", file: "t"), .failed)
        XCTAssertTrue(out.text.contains("ylimääräinen \"tarrat\"; käyttö: .save TAULU TIEDOSTO [labels]"), out.text)
    }

    func testAnInferredTableStaysInferredAndAValueWithABarIsRefused() throws {
        let dir = TestSupport.temporaryDirectory()
        try FileIO.writeAtomically(Array("a,b\nx|y,1\nz,2\n".utf8), to: dir + "/t.csv")
        let (shell, out) = TestSupport.interpreter()
        XCTAssertEqual(shell.run(".load \(dir)/t.csv as t\n.save t \(dir)/u.csv", file: "t"), .succeeded, out.text)
        let book = String(decoding: try FileIO.read(dir + "/u.codebook.csv"), as: UTF8.self)
        XCTAssertTrue(book.contains("\nt,a,categorical,,,,,,,\n"), "sorted levels are not declared: \(book)")
        let workspace = shell.session.workspace
        var table = try XCTUnwrap(workspace.table(named: "t"))
        guard case .categorical(var data, _) = table.columns[0].data else { return XCTFail("a is categorical") }
        data.levelsSortedByValue = false
        table.columns[0].data = .categorical(data, ordered: false)
        XCTAssertThrowsError(try Codebook(describing: table).csv(file: "u.codebook.csv")) { error in
            XCTAssertTrue("\(error)".contains("\"x|y\" of t.a holds a |"), "\(error)")
        }
    }
}

private extension String {
    func replacingFirst(_ target: String, with replacement: String) -> String {
        guard let r = range(of: target) else { return self }
        return replacingCharacters(in: r, with: replacement)
    }

    func replacingAll(_ target: String, with replacement: String) -> String {
        components(separatedBy: target).joined(separator: replacement)
    }
}

/// `.codebook T` shows what T says of its columns; `.codebook T FILE` keeps it as a codebook.
final class CodebookCommandTests: XCTestCase {
    func testCodebookPrintsTypesKeysScalesAndLabelsInTheSessionsLanguage() {
        let (shell, out) = TestSupport.interpreter()
        XCTAssertEqual(shell.run(".lang fi\n.format csv\n.codebook responses", file: "t"), .succeeded, out.text)
        XCTAssertTrue(out.text.hasPrefix("column,type,key,values,meaning\r\n"), out.text)
        XCTAssertTrue(out.text.contains("participant,text,yes,,Osallistujan tunniste\r\n"), out.text)
        XCTAssertTrue(out.text.contains("phase,ordinal,yes,pre = alku < post = loppu,Arvioinnin ajankohta\r\n"), out.text)
        XCTAssertTrue(out.text.contains("score,ordinal,,1 = heikosti < 2 = kohtalaisesti < 3 = jonkin verran < 4 = hyvin < 5 = erinomaisesti,Oma-arvio osaamisesta\r\n"), out.text)
    }

    func testCodebookWritesTheFormatLoadReads() throws {
        let dir = TestSupport.temporaryDirectory()
        let (shell, out) = TestSupport.interpreter()
        XCTAssertEqual(shell.run(".codebook motivation \(dir)/m.csv\n.save motivation \(dir)/data.csv labels", file: "t"), .succeeded, out.text)
        XCTAssertTrue(out.text.contains("wrote the codebook of motivation: 8 columns to \(dir)/m.csv"), out.text)
        let text = String(decoding: try FileIO.read(dir + "/m.csv"), as: UTF8.self)
        XCTAssertTrue(text.hasPrefix("table,column,type,key,references,values,labels_en,labels_fi,label_en,label_fi\n"), text)
        XCTAssertTrue(text.contains("\nmotivation,reason,ordinal,,,instructed|encouraged|own_wish,instructed by the employer|encouraged by the employer|own wish,työnantaja ohjasi|työnantaja kehotti|oma halu,Reason for coming to the training,Koulutukseen hakeutumisen syy\n"), text)
        let book = try Codebook.parse(FileIO.read(dir + "/m.csv"), file: "m.csv")
        XCTAssertEqual(book.entries.count, 8)
        XCTAssertEqual(book.entry(table: "motivation", column: "motivation_start")?.levels.map(\.number), [1, 2, 3, 4, 5])
    }

    func testCodebookOfATableThatIsNotThereOrWithTooManyArgumentsFails() {
        let (shell, out) = TestSupport.interpreter()
        XCTAssertEqual(shell.run(".codebook nope", file: "t"), .failed)
        XCTAssertTrue(out.text.contains("there is no table \"nope\""), out.text)
        XCTAssertEqual(shell.run(".codebook items a.csv b", file: "t"), .failed)
        XCTAssertTrue(out.text.contains("unexpected \"b\"; usage: .codebook TABLE [FILE.csv]"), out.text)
        XCTAssertEqual(shell.run(".codebook", file: "t"), .failed)
        XCTAssertTrue(out.text.contains("missing argument; usage: .codebook TABLE [FILE.csv]"), out.text)
    }
}
