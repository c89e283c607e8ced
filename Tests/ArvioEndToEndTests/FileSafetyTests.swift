import Foundation
import XCTest

/// The reproductions of damaged or replaced files, run as a user would run them.
final class FileSafetyTests: XCTestCase {
    func testSaveDoesNotReplaceAFileTheUserCouldNotWrite() throws {
        // A 0444 file in a 0777 folder: the rename would succeed, so Arvio must ask first.
        // As root every file is writable, so the run drops to nobody, as in the issue.
        let dir = try ArvioProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        XCTAssertEqual(chmod(dir, 0o777), 0)
        try ArvioProcess.write("keep me\n", to: dir + "/ro.csv")
        XCTAssertEqual(chmod(dir + "/ro.csv", 0o444), 0)
        let arguments = ["-c", ".save participants \(dir)/ro.csv"]
        let result = geteuid() == 0
            ? try ArvioProcess.run(["--reuid=65534", "--regid=65534", "--clear-groups", ArvioProcess.executable] + arguments,
                                   executable: "/usr/bin/setpriv")
            : try ArvioProcess.run(arguments)
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(result.stderr, "\(dir)/ro.csv: error: cannot write the file: permission denied; it was left as it is\n")
        XCTAssertEqual(try String(contentsOfFile: dir + "/ro.csv", encoding: .utf8), "keep me\n")
    }

    func testSaveToStandardOutputWritesTheTableThere() throws {
        let result = try ArvioProcess.run(["-c", ".save participants /dev/stdout"])
        XCTAssertEqual(result.status, 0)
        XCTAssertTrue(result.stdout.hasPrefix("id  "), result.stdout)
    }

    func testLoadingADeviceOrAPipeEndsAtOnceWithAnError() throws {
        let dir = try ArvioProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        XCTAssertEqual(mkfifo(dir + "/p.csv", 0o644), 0)
        let zero = try ArvioProcess.run(["--no-data", "-c", ".load /dev/zero"])
        XCTAssertEqual(zero.status, 1)
        XCTAssertEqual(zero.stderr, "/dev/zero: error: this is a character device, not a regular file; Arvio reads only regular files\n")
        let pipe = try ArvioProcess.run(["--no-data", "-c", ".load \(dir)/p.csv"])
        XCTAssertEqual(pipe.status, 1)
        XCTAssertTrue(pipe.stderr.contains("this is a named pipe (FIFO), not a regular file"), pipe.stderr)
    }

    func testAMissingValueInAOneColumnTableSurvivesSaveAndLoad() throws {
        let dir = try ArvioProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try ArvioProcess.write("c\n1\n\"\"\n2\n", to: dir + "/t.csv")
        let result = try ArvioProcess.run(["--no-data", "-c", ".load t.csv", "-c", ".save t u.csv", "-c", ".load u.csv",
                                           "-c", "u | count"], directory: dir)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stdout, "n\n─\n3\n")
    }

    func testNAIsCountedAsMissingAndOtherTokensCanBeNamed() throws {
        let dir = try ArvioProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try ArvioProcess.write("score\n3\nNA\n4\n-99\n", to: dir + "/na.csv")
        let result = try ArvioProcess.run(["--no-data", "-c", ".load na.csv --na NA,-99", "-c", "na | freq score"], directory: dir)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.contains("missing  2    50.00"), result.stdout)
    }

    func testACodebookOfSeveralTablesWithoutTheLoadedOneIsAnError() throws {
        let dir = try ArvioProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try ArvioProcess.write("table,column,type\na,id,integer\nb,q1,integer\n", to: dir + "/cb.csv")
        try ArvioProcess.write("id,q1\n1,2\n", to: dir + "/s.csv")
        let refused = try ArvioProcess.run(["--no-data", "-c", ".load s.csv --codebook cb.csv"], directory: dir)
        XCTAssertEqual(refused.status, 1)
        XCTAssertEqual(refused.stderr, "cb.csv: error: the codebook describes the tables a, b, but not s; load the file as one of them (.load FILE as NAME)\n")
        let picked = try ArvioProcess.run(["--no-data", "-c", ".load s.csv as a --codebook cb.csv", "-c", ".schema a"], directory: dir)
        XCTAssertEqual(picked.status, 0, picked.stderr)
    }

    func testKnitOfADeviceIsRefusedAndStandardInputCanStillBeLoaded() throws {
        let knit = try ArvioProcess.run(["knit", "/dev/zero"])
        XCTAssertEqual(knit.status, 2)
        XCTAssertEqual(knit.stderr, "/dev/zero: error: this is a character device, not a regular file; Arvio reads only regular files\n")
        let piped = try ArvioProcess.run(["--no-data", "-c", ".load /dev/stdin as s", "-c", "s | count"], input: "a\n1\n2\n")
        XCTAssertEqual(piped.status, 0, piped.stderr)
        XCTAssertEqual(piped.stdout, "n\n─\n2\n")
    }
}
