@testable import ArvioRemote
import ArvioData
import ArvioQuery
import Foundation
import XCTest

/// The PostgreSQL server the tests use: the one `ARVIO_TEST_PG` names (CI starts one with
/// scripts/pg-test-server.sh), or else a private one this process starts with that script when
/// the server binaries are installed, stopped when the process exits. The built-in pilot is
/// loaded into a database of its own, `arvio_pilot`, once per process.
enum TestDatabase {
    static let root: String = {
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(4)
        return parts.joined(separator: "/")
    }()

    /// The server's connection string, or why there is none.
    static let server: Result<String, TestDatabaseError> = {
        if let given = ProcessInfo.processInfo.environment["ARVIO_TEST_PG"], !given.isEmpty { return .success(given) }
        let hasBinaries = (try? FileManager.default.contentsOfDirectory(atPath: "/usr/lib/postgresql"))?
            .contains { FileManager.default.isExecutableFile(atPath: "/usr/lib/postgresql/\($0)/bin/initdb") } ?? false
        guard hasBinaries else { return .failure(TestDatabaseError(message: "no PostgreSQL server binaries and no ARVIO_TEST_PG")) }
        // The connection string goes through a file, not a pipe (the server the script starts
        // outlives it), and the script runs through posix_spawn and waitpid: Foundation's
        // Process waits on a run loop, which never turns inside this lazy initialiser.
        let outputPath = NSTemporaryDirectory() + "arvio-pg-\(getpid()).txt"
        defer { unlink(outputPath) }
        let status = runScript(["start"], output: outputPath)
        let text = ((try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? "")
            .trimmingCharacters(in: .whitespacesAndNewlines)
        guard status == 0, !text.isEmpty else {
            return .failure(TestDatabaseError(message: "scripts/pg-test-server.sh start failed"))
        }
        if let host = text.split(separator: " ").first(where: { $0.hasPrefix("host=") })?.dropFirst(5) {
            startedDirectory = String(host)
            atexit {
                guard let dir = TestDatabase.startedDirectory else { return }
                _ = TestDatabase.runScript(["stop", dir], output: "/dev/null")
            }
        }
        return .success(text)
    }()

    nonisolated(unsafe) static var startedDirectory: String?

    /// Runs scripts/pg-test-server.sh with `arguments`, its output into the file `output`;
    /// gives its exit status.
    static func runScript(_ arguments: [String], output: String) -> Int32 {
        runScript(at: root + "/scripts/pg-test-server.sh", arguments, output: output)
    }

    /// Runs the script at `script` with `arguments`, its output into the file `output`; gives
    /// its exit status.
    static func runScript(at script: String, _ arguments: [String], output: String) -> Int32 {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        let argv: [UnsafeMutablePointer<CChar>?] = ([script] + arguments).map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var pid: pid_t = 0
        guard posix_spawn(&pid, script, &actions, nil, argv, environ) == 0 else { return -1 }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        // The exit code, when the script exited rather than being killed.
        return (status & 0x7f) == 0 ? (status >> 8) & 0xff : -1
    }

    /// The connection string of the database holding the pilot, loaded on first use.
    static let pilot: Result<String, TestDatabaseError> = {
        switch server {
        case .failure(let error): return .failure(error)
        case .success(let connectionString):
            do {
                let admin = try PostgresConnection(connectionString, readOnly: false)
                _ = try admin.query("DROP DATABASE IF EXISTS arvio_pilot")
                _ = try admin.query("CREATE DATABASE arvio_pilot ENCODING 'UTF8' TEMPLATE template0")
                let target = connectionString + " dbname=arvio_pilot"
                let writer = try PostgresConnection(target, readOnly: false)
                try PilotLoader.load(try DatasetLoader.load(directory: root + "/datasets/wire3"), into: writer)
                return .success(target)
            } catch {
                return .failure(TestDatabaseError(message: "could not load the pilot: \(error)"))
            }
        }
    }()

    /// The pilot database's connection string; fails the test when there is no server.
    static func pilotConnection() throws -> String {
        switch pilot {
        case .success(let text): return text
        case .failure(let error):
            // No skip: the README's install line includes the server, and a suite that passes
            // without running these tests would say nothing about PostgreSQL.
            XCTFail("these tests need PostgreSQL (apt-get install postgresql, or ARVIO_TEST_PG): \(error.message)")
            throw error
        }
    }
}

struct TestDatabaseError: Error {
    let message: String
}

/// Writes a workspace into a database as a person would design it: ordinal columns as enum
/// types (levels in scale order), categories and text as text, keys as primary keys,
/// relations as foreign keys, column labels as comments. Values go as parameters.
enum PilotLoader {
    static func load(_ workspace: Workspace, into connection: PostgresConnection) throws {
        for table in workspace.tables {
            var definitions: [String] = []
            for column in table.columns {
                let type: String
                switch column.data {
                case .integer: type = "bigint"
                case .decimal: type = "double precision"
                case .text: type = "text"
                case .categorical(let c, let ordered):
                    if ordered {
                        let name = SQLText.identifier("\(table.name)_\(column.name)")
                        let labels = c.levels.map { literal($0.value) }.joined(separator: ", ")
                        _ = try connection.query("CREATE TYPE \(name) AS ENUM (\(labels))")
                        type = name
                    } else {
                        type = "text"
                    }
                }
                definitions.append("\(SQLText.identifier(column.name)) \(type)")
            }
            if !table.key.isEmpty {
                definitions.append("PRIMARY KEY (\(table.key.map(SQLText.identifier).joined(separator: ", ")))")
            }
            _ = try connection.query("CREATE TABLE \(SQLText.identifier(table.name)) (\(definitions.joined(separator: ", ")))")
            for column in table.columns {
                if let label = column.label?.en {
                    _ = try connection.query("COMMENT ON COLUMN \(SQLText.identifier(table.name)).\(SQLText.identifier(column.name)) IS \(literal(label))")
                }
            }
            try insert(table, connection)
        }
        for relation in workspace.relations {
            let columns = relation.columns.map(SQLText.identifier).joined(separator: ", ")
            let targets = relation.targetColumns.map(SQLText.identifier).joined(separator: ", ")
            _ = try connection.query("ALTER TABLE \(SQLText.identifier(relation.table)) ADD FOREIGN KEY (\(columns)) REFERENCES \(SQLText.identifier(relation.target)) (\(targets))")
        }
        _ = try connection.query("ANALYZE")
    }

    /// A string literal, for DDL where parameters cannot go (enum labels, comments).
    static func literal(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "''") + "'"
    }

    static func insert(_ table: Table, _ connection: PostgresConnection) throws {
        let columns = table.columns.map { SQLText.identifier($0.name) }.joined(separator: ", ")
        let batch = 100
        var start = 0
        while start < table.rowCount {
            let end = min(table.rowCount, start + batch)
            var parameters: [String?] = []
            var tuples: [String] = []
            for row in start..<end {
                var placeholders: [String] = []
                for column in table.columns {
                    parameters.append(text(column.data, row))
                    let cast: String
                    switch column.data {
                    case .integer: cast = "bigint"
                    case .decimal: cast = "double precision"
                    case .categorical(_, true): cast = SQLText.identifier("\(table.name)_\(column.name)")
                    default: cast = "text"
                    }
                    placeholders.append("$\(parameters.count)::\(cast)")
                }
                tuples.append("(" + placeholders.joined(separator: ", ") + ")")
            }
            _ = try connection.query("INSERT INTO \(SQLText.identifier(table.name)) (\(columns)) VALUES \(tuples.joined(separator: ", "))", parameters)
            start = end
        }
    }

    static func text(_ data: ColumnData, _ row: Int) -> String? {
        switch data {
        case .integer(let v): return Missing.isMissing(v[row]) ? nil : String(v[row])
        case .decimal(let v): return v[row].isNaN ? nil : "\(v[row])"
        case .text(let v): return v[row]
        case .categorical(let c, _): return c.level(at: row)?.value
        }
    }
}
