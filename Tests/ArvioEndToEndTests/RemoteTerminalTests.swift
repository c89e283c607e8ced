import Foundation
import XCTest

/// The shell connected to PostgreSQL in a real pseudo-terminal (tmux), as a person uses it:
/// Ctrl-C stops a statement on the server and the prompt is back at once with the workspace
/// intact, a connection the server ends is an error the shell survives, and a password typed in
/// `.connect` reaches neither the screen nor the history file. The server is the one
/// `ARVIO_TEST_PG` names (.ci/run starts one), or one started here with
/// scripts/pg-test-server.sh; these tests fail, never skip, without one.
final class RemoteTerminalTests: XCTestCase {
    static let root: String = {
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)
        return parts.joined(separator: "/")
    }()

    /// The server's connection string, and the folder to stop when this test started it.
    private static func server() throws -> (conninfo: String, started: String?) {
        if let given = ProcessInfo.processInfo.environment["ARVIO_TEST_PG"], !given.isEmpty { return (given, nil) }
        let text = try shell("\(root)/scripts/pg-test-server.sh start").trimmingCharacters(in: .whitespacesAndNewlines)
        guard text.hasPrefix("host=") else {
            XCTFail("these tests need PostgreSQL (apt-get install postgresql, or ARVIO_TEST_PG)")
            throw CancellationError()
        }
        let dir = String(text.split(separator: " ")[0].dropFirst(5))
        return (text, dir)
    }

    @discardableResult
    private static func shell(_ command: String) throws -> String {
        guard let output = ShellCommand.output(command + " 2>&1") else { throw CancellationError() }
        return output
    }

    private static func quoted(_ text: String) -> String { ShellCommand.quoted(text) }

    /// Runs SQL as the server's owner (not through Arvio, whose sessions are read-only).
    private static func psql(_ conninfo: String, _ sql: String) throws -> String {
        try shell("psql \(quoted(conninfo)) -XAtq -v ON_ERROR_STOP=1 -c \(quoted(sql))")
    }

    func testCtrlCCancelsOnTheServerAndALostConnectionIsSurvived() throws {
        let (server, started) = try Self.server()
        defer { if let started { _ = try? Self.shell("\(Self.root)/scripts/pg-test-server.sh stop \(started)") } }
        _ = try Self.psql(server, "DROP DATABASE IF EXISTS arvio_tty")
        _ = try Self.psql(server, "CREATE DATABASE arvio_tty")
        let database = server + " dbname=arvio_tty"
        // A view that sleeps for minutes: only the server can end the statement early.
        _ = try Self.psql(database, """
            CREATE TABLE t (id bigint PRIMARY KEY, x bigint); INSERT INTO t SELECT g, g % 3 FROM generate_series(1, 30) g;
            CREATE VIEW slow AS SELECT g::int8 AS n FROM generate_series(1, 3) g WHERE pg_sleep(60) IS NOT NULL;
            """)
        // `--db` starts without the built-in pilot, whose tables would take the database's names.
        let once = try ArvioProcess.run(["--db", database, "-c", "t | count"])
        XCTAssertEqual(once.status, 0, once.stderr)
        XCTAssert(once.stderr.contains("(read-only): 2 tables, slow, t"), once.stderr)
        XCTAssertFalse(once.stderr.contains("left out"), once.stderr)
        XCTAssert(once.stdout.contains("30"), once.stdout)

        let secret = "s3kret-Pässw0rd"
        let typed = database + " password=" + secret
        let terminal = try TerminalSession(arguments: "--no-data")
        try terminal.send(".connect \"\(typed)\"", "Enter")
        try terminal.waitFor("(read-only): 2 tables")
        try terminal.send("let kept = t | count by x", "Enter")
        try terminal.waitFor("kept: 3 rows")

        try terminal.send("slow | count", "Enter")
        // Wait until the server is running the statement, then press Ctrl-C.
        var running = false
        for _ in 0..<100 where !running {
            running = try Self.psql(server, "SELECT count(*) FROM pg_stat_activity WHERE datname = 'arvio_tty' AND state = 'active' AND application_name = 'arvio'")
                .trimmingCharacters(in: .whitespacesAndNewlines) == "1"
            if !running { Thread.sleep(forTimeInterval: 0.05) }
        }
        XCTAssert(running, "the statement never started on the server")
        let pressed = Date()
        try terminal.send("C-c")
        try terminal.waitFor("cancelled; the workspace is as it was", seconds: 5)
        let back = Date().timeIntervalSince(pressed)
        // 100 ms is the goal on an idle machine (the wait polls every 20 ms, then one round trip
        // for the cancel request); the bound leaves room for a loaded CI machine and the screen
        // polling of tmux, and is still far below the minutes the statement would take.
        print("Ctrl-C to the prompt, as the screen showed it: \(Int(back * 1000)) ms")
        XCTAssertLessThan(back, 2.0)
        let idle = try Self.psql(server, "SELECT count(*) FROM pg_stat_activity WHERE datname = 'arvio_tty' AND state = 'active' AND application_name = 'arvio'")
        XCTAssertEqual(idle.trimmingCharacters(in: .whitespacesAndNewlines), "0", "the server stopped the statement")

        // The workspace is intact and the connection still works.
        try terminal.send("kept | derive marker = \"intact-ok\" | take 1", "Enter")
        try terminal.waitFor("intact-ok")
        try terminal.send("t | group x aggregate s = sum(id)", "Enter")
        try terminal.waitFor("165")

        // The server ends the session: the next statement says so, and the shell goes on.
        _ = try Self.psql(server, "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = 'arvio_tty' AND application_name = 'arvio'")
        try terminal.send("t | count by x", "Enter")
        try terminal.waitFor("the connection to the database was lost")
        try terminal.send(".connect \"\(typed)\"", "Enter")
        try terminal.waitFor("(read-only): 2 tables", seconds: 10)
        try terminal.send("t | where x == 1 | group x aggregate s = sum(id)", "Enter")
        try terminal.waitFor("145")
        try terminal.send(".connect", "Enter")
        try terminal.waitFor("connected to arvio@")

        // The password was shown nowhere but where it was typed, and the history holds none.
        try terminal.send(".quit", "Enter")
        try terminal.waitFor("ARVIO-EXITED=0")
        let history = try String(contentsOfFile: terminal.home + "/.arvio_history", encoding: .utf8)
        XCTAssert(history.contains(".connect"), history)
        XCTAssertFalse(history.contains(secret), history)
        XCTAssert(history.contains("password=********"), history)
        let screen = try terminal.screen()
        let said = screen.split(separator: "\n").filter { $0.contains("connected to") }
        XCTAssertGreaterThanOrEqual(said.count, 2, screen)
        for line in said { XCTAssertFalse(line.contains("s3kret"), "\(line)") }
    }
}
