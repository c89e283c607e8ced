import XCTest

/// Issue 18's rows in Finnish at a real terminal (tmux, 80 columns), started as a steering-group
/// member would start it (`--lang fi`, or `ARVIO_LANG=fi`); and the Likert chart's colours.
final class FinnishTerminalTests: XCTestCase {
    /// An error wider than the screen is wrapped, its later lines indented: read as one line.
    private func unwrapped(_ screen: String) -> String {
        screen.replacingOccurrences(of: "\n    ", with: " ")
    }

    private func waitForUnwrapped(_ t: TerminalSession, _ text: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let deadline = Date().addingTimeInterval(15)
        var screen = ""
        while Date() < deadline {
            screen = unwrapped(try t.screen())
            if screen.contains(text) { return }
            Thread.sleep(forTimeInterval: 0.05)
        }
        XCTFail("the screen never showed \(text.debugDescription):\n\(screen)", file: file, line: line)
    }

    func testFirstGuessesAreAnsweredInFinnish() throws {
        for start in [(arguments: "--lang fi", environment: ""), (arguments: "", environment: "ARVIO_LANG=fi")] {
            let t = try TerminalSession(arguments: start.arguments, width: 80, environment: start.environment)
            try t.waitFor("Kirjoita .help tai kokeile:")
            let answers: [(typed: String, shown: String)] = [
                ("count by org", "lause alkaa taulun nimellä, ja sen verbit erotetaan merkillä \"|\": participants | count by org"),
                ("participants | limit 5", "Arviossa sen tekee verbi \"take\": | take 5"),
                ("participants | group by org aggregate mean(grade)", "ilman sanaa \"by\": group org aggregate"),
                ("participants | aggregate mean(grade)", "8,00\n\nHuom.: mean(grade) ohitti 4 puuttuvaa arvoa"),
                (".mode csv", "komentoa .mode ei ole; Arviossa vastaava on .format"),
                ("participants | where post_status != \"vastasi\"", "tarkoititko \"vastasi loppuarviointiin\" (\"responded\")?"),
                ("participants | where entry_route == \"työnantaja\"", "tarkoititko \"työnantajan ohjaamana\" (\"employer\")?"),
                ("responses | stack", "odotettiin: taulut, joiden rivit tulevat perään"),
                (".lang", "lang: fi (vaihtoehdot en, fi)"),
                (".width", "width: auto, nyt 80 merkkipaikkaa (luku 20–1000 tai auto)"),
                (".show", "format: text (vaihtoehdot text, markdown, csv, json)\nlang: fi"),
            ]
            for answer in answers {
                try t.send(answer.typed, "Enter")
                try waitForUnwrapped(t, answer.shown)
            }
            for line in try t.screen().split(separator: "\n") {
                XCTAssertLessThanOrEqual(line.count, 80, String(line))
            }
        }
    }

    func testFinnishHelpAndAttritionFitEightyColumns() throws {
        let t = try TerminalSession(arguments: "--lang fi", width: 80)
        try t.send(".help", "Enter")
        var screen = try t.waitFor("Aiheiden tekstit ovat englanniksi")
        XCTAssertTrue(screen.contains("Komennot:") && screen.contains("  .show  "), screen)
        for line in screen.split(separator: "\n") { XCTAssertLessThanOrEqual(line.count, 80, String(line)) }
        try t.send("C-l")
        try t.send("participants | join motivation | select id, sessions_attended, post_status | attrition", "Enter")
        screen = try t.waitFor("Ei verrattu")
        // The test's name takes two lines of its column, as Fisher's does; the note says the rest.
        XCTAssertTrue(screen.contains("Mann–Whitney,") && screen.contains("tarkka"), screen)
        let table = screen.split(separator: "\n").prefix { !$0.hasPrefix("Huom.:") }
        XCTAssertFalse(table.contains { $0.contains("ehdollinen") || $0.contains("sidoksille") }, screen)
    }

    func testTheAttritionTestNameTakesTwoLinesAtEightyColumns() throws {
        let t = try TerminalSession(width: 80)
        try t.send("participants | join motivation | select id, sessions_attended, post_status | attrition", "Enter")
        let screen = try t.waitFor("Not compared")
        let lines = screen.split(separator: "\n").map(String.init)
        let row = try XCTUnwrap(lines.firstIndex { $0.hasPrefix("sessions_attended") }, screen)
        XCTAssertTrue(lines[row].contains("Mann–Whitney,"), screen)
        XCTAssertEqual(lines[row + 1].trimmingCharacters(in: .whitespaces), "exact", screen)
    }

    /// The Likert chart in colour (no NO_COLOR): warm and cool segments coloured, the neutral
    /// one in the terminal's own foreground, and nothing in black or white, which vanish on a
    /// dark or a light projector background.
    func testLikertColoursShowOnLightAndDarkBackgrounds() throws {
        let t = try TerminalSession(colour: true)
        try t.send("responses | where item == \"overall\" | chart likert score by phase", "Enter")
        try t.waitFor("excellent")
        let screen = try t.screenWithColours()
        var foreground: Int?
        var coloured: [Character: Set<Int>] = [:]
        var codes: Set<Int> = []
        var rest = Substring(screen)
        while let c = rest.first {
            if c == "\u{1B}", rest.dropFirst().first == "[", let end = rest.firstIndex(of: "m") {
                let parameters = rest[rest.index(rest.startIndex, offsetBy: 2)..<end].split(separator: ";").compactMap { Int($0) }
                for p in parameters.isEmpty ? [0] : parameters {
                    codes.insert(p)
                    if p == 0 || p == 39 { foreground = nil } else if (30...37).contains(p) || (90...97).contains(p) { foreground = p }
                }
                rest = rest[rest.index(after: end)...]
                continue
            }
            if "█▓░▒▚".contains(c) { coloured[c, default: []].insert(foreground ?? 39) }
            rest = rest.dropFirst()
        }
        XCTAssertEqual(coloured["░"], [39], "the neutral segment is drawn in the terminal's own colour:\n\(screen)")
        for segment in "█▓▒▚" {
            let colours = try XCTUnwrap(coloured[segment], "no \(segment) on the screen:\n\(screen)")
            XCTAssertFalse(colours.contains(39), "\(segment) has no colour:\n\(screen)")
        }
        for blackOrWhite in [30, 37, 90, 97, 40, 47, 100, 107] {
            XCTAssertFalse(codes.contains(blackOrWhite), "SGR \(blackOrWhite) on the screen:\n\(screen)")
        }
    }

    func testNoColourWithNO_COLOR() throws {
        let t = try TerminalSession()
        try t.send("responses | where item == \"overall\" | chart likert score by phase", "Enter")
        try t.waitFor("excellent")
        let screen = try t.screenWithColours()
        XCTAssertFalse(screen.contains("\u{1B}["), screen)
    }
}
