import XCTest

final class CommandLineTests: XCTestCase {
    func testAShellThatNeverConnectsDoesNotLoadLibpq() throws {
        // libpq (with its OpenSSL/Kerberos/LDAP chain) and ReadStat are opened on the first
        // .connect or SPSS/Stata file, not at start: glibc's loader lists every file it maps
        // when LD_DEBUG=files.
        let result = try ArvioProcess.run(["-c", "participants | count"], environment: ["LD_DEBUG": "files"])
        XCTAssertEqual(result.status, 0)
        XCTAssertTrue(result.stderr.contains("file="), "the loader printed nothing; is this glibc?")
        for library in ["libpq.so", "libssl.so", "libkrb5.so", "libldap", "libreadstat.so"] {
            XCTAssertFalse(result.stderr.contains(library), "\(library) was loaded at start")
        }
    }

    func testDashCPrintsTheParticipantsByOrganisation() throws {
        let r = try ArvioProcess.run(["-c", "participants | count by org"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(r.stdout, """
            org                        n
            ─────────────────────────  ─
            Jyväskylän Katulähetys ry  4
            Jyvässeudun Työttömät ry   3
            Työvalmennussäätiö Tekevä  5
            Jyvälän Setlementti        4

            """)
    }

    func testDashCErrorGoesToStderrWithCaretAndExitsOne() throws {
        let r = try ArvioProcess.run(["-c", "participants | count by orgg"])
        XCTAssertEqual(r.status, 1)
        XCTAssertEqual(r.stdout, "")
        XCTAssertEqual(r.stderr, """
            <command>:1:25: error: there is no column "orgg" in participants
            participants | count by orgg
                                    ^~~~
            did you mean "org"?

            """)
    }

    func testFormatAndLangOptions() throws {
        let r = try ArvioProcess.run(["--format", "csv", "--lang", "fi", "-c", "participants | count by entry_route"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(r.stdout.replacingOccurrences(of: "\r\n", with: "\n"),
                       "entry_route,n\ntyönantajan ohjaamana,11\nomasta halusta,5\n")
    }

    func testBadOptionValueIsRejectedWithUsage() throws {
        let r = try ArvioProcess.run(["--format", "xml", "-c", "items"])
        XCTAssertNotEqual(r.status, 0)
        // The message comes from the option's type, OutputFormat, so it lists the values there are.
        XCTAssertTrue(r.stderr.contains("The value 'xml' is invalid for '--format <format>'. Please provide one of 'text', 'markdown', 'csv' or 'json'."), r.stderr)
    }

    func testVersion() throws {
        let r = try ArvioProcess.run(["--version"])
        XCTAssertEqual(r.stdout, "arvio 0.1\n")
    }

    func testMissingDataFolderIsAClearError() throws {
        let r = try ArvioProcess.run(["--data", "/nonexistent", "-c", "items"])
        XCTAssertEqual(r.status, 2)
        XCTAssertEqual(r.stderr, "/nonexistent/codebook.csv: error: cannot open the file: no such file or directory\n")
    }

    func testNoDataStartsEmpty() throws {
        let r = try ArvioProcess.run(["--no-data", "-c", ".tables"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.hasPrefix("table  rows  columns  key"), r.stdout)
    }

    func testLangAndCharsetValuesComeFromTheirEnums() throws {
        let lang = try ArvioProcess.run(["--lang", "sv", "-c", "items"])
        XCTAssertEqual(lang.status, 64)
        XCTAssertTrue(lang.stderr.contains("Please provide one of 'en' and 'fi'."), lang.stderr)
        let charset = try ArvioProcess.run(["--charset", "latin1", "-c", "items"])
        XCTAssertEqual(charset.status, 64)
        XCTAssertTrue(charset.stderr.contains("Please provide one of 'unicode' and 'ascii'."), charset.stderr)
        let help = try ArvioProcess.run(["--help"])
        XCTAssertTrue(help.stdout.contains("(values: text, markdown, csv, json)"), help.stdout)
        XCTAssertTrue(help.stdout.contains("knit") && help.stdout.contains("check"), help.stdout)
    }

    func testKnitAndCheckAreSubcommandsThatTakeTheOptionsBeforeOrAfterTheirName() throws {
        let dir = try ArvioProcess.temporaryDirectory()
        let path = dir + "/nb.md"
        try ArvioProcess.write("# t\n\n```arvio\nparticipants | count by entry_route\n```\n", to: path)
        XCTAssertEqual(try ArvioProcess.run(["knit", path]).status, 0)
        XCTAssertEqual(try ArvioProcess.run(["check", path]).status, 0)
        // A notebook fixes its own output settings (front matter), but the data is the command
        // line's: with none loaded, the block fails, whichever side of "check" the option is on.
        for arguments in [["--no-data", "check", path], ["check", "--no-data", path]] {
            let r = try ArvioProcess.run(arguments)
            XCTAssertEqual(r.status, 1, arguments.joined(separator: " "))
            XCTAssertTrue(r.stderr.contains("block 1 failed"), r.stderr)
        }
        let bare = try ArvioProcess.run(["knit"])
        XCTAssertEqual(bare.status, 64)
        XCTAssertTrue(bare.stderr.contains("Missing expected argument '<notebook>'"), bare.stderr)
    }
}
