import CLibPQ
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What went wrong talking to the database: a message for people, with any password removed.
public struct RemoteError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Why it failed.
    public enum Kind: Sendable, Hashable {
        /// The server could not be reached or refused the login.
        case connection
        /// The server rejected a statement (its SQLSTATE, when it gave one).
        case server(sqlState: String?)
        /// The connection broke while a statement ran.
        case connectionLost
        /// The user pressed Ctrl-C and the server was asked to stop.
        case cancelled
        /// The rows that came back did not fit the columns the catalog declared.
        case data
    }

    /// Why it failed.
    public let kind: Kind
    /// The message, one or more lines, without a password.
    public let message: String

    /// Creates an error.
    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    /// The message.
    public var description: String { message }
}

/// The rows of one query, every value as PostgreSQL's text output (nil for NULL).
public struct QueryResult: Sendable {
    /// The column names, in order.
    public let columns: [String]
    /// The type of each column (a `pg_type` oid).
    public let types: [UInt32]
    /// The rows; each has one value per column.
    public let rows: [[String?]]
}

/// A connection to a PostgreSQL server through libpq, used synchronously: the shell runs one
/// statement at a time and waits for it, so a blocking client is the simple and right model.
/// A query is sent asynchronously inside libpq only so that the wait can poll the user's Ctrl-C
/// and send the server a cancel request (`PQcancel`) within a poll interval.
///
/// The connection string goes to `PQconnectdbParams` as `dbname` with expansion on, exactly as
/// `psql` passes it: a URL or `key=value` words, with the `PG*` environment variables,
/// `~/.pgpass` and service files filling in what it leaves out.
public final class PostgresConnection: @unchecked Sendable {
    // The libpq handle is touched only while `lock` is held, which is what makes the class
    // safe to share: a connection runs one query at a time.
    private let lock = Mutex(())
    private nonisolated(unsafe) let handle: OpaquePointer
    /// Texts that must never appear in a message: the password from the connection string and
    /// the one libpq used (from `~/.pgpass` or `PGPASSWORD`).
    private let secrets: [String]
    /// How often a waiting query looks at the cancel flag, in milliseconds.
    static let pollInterval: Int32 = 20

    /// Connects with `connectionString` (`postgresql://user@host/db`, `host=... dbname=...`, or
    /// empty for the environment's defaults). The session is made read-only unless `readOnly`
    /// is false, so a statement cannot change the database by accident.
    public init(_ connectionString: String, readOnly: Bool = true) throws(RemoteError) {
        if let problem = arvio_pq_load() {
            throw RemoteError(.connection, "could not connect: \(String(cString: problem))")
        }
        var secrets = Self.passwords(in: connectionString)
        let keywords = ["dbname", "fallback_application_name", "client_encoding"]
        let values = [connectionString, "arvio", "UTF8"]
        let connection: OpaquePointer? = withCStrings(keywords) { keys in
            withCStrings(values) { vals in PQconnectdbParams(keys, vals, 1) }
        }
        guard let connection else {
            throw RemoteError(.connection, "could not connect: libpq is out of memory")
        }
        if let used = PQpass(connection).map({ String(cString: $0) }), !used.isEmpty { secrets.append(used) }
        guard PQstatus(connection) == CONNECTION_OK else {
            let message = Self.scrub(String(cString: PQerrorMessage(connection)), secrets)
            PQfinish(connection)
            throw RemoteError(.connection, "could not connect to the database: \(message.trimmingTrailingNewlines)")
        }
        self.secrets = secrets
        handle = connection
        // Counting and sorting must agree with the in-memory engine: UTF-8 text, ISO dates,
        // and floats printed with every digit they need to round-trip (the default since 12).
        var setup = "SELECT set_config('extra_float_digits', '1', false), set_config('DateStyle', 'ISO, YMD', false), set_config('IntervalStyle', 'iso_8601', false)"
        if readOnly { setup += ", set_config('default_transaction_read_only', 'on', false)" }
        // The server's default work_mem (4 MB) makes a hash aggregate of many groups spill in
        // batches: `.connect`'s SELECT DISTINCT of 416,667 participants at 10M rows took over 90 s
        // with it and 1.7 s with 64 MB (PostgreSQL 15). Raised only where nobody has set it
        // (the server's configuration, the role, PGOPTIONS or the connection string win).
        setup += ", set_config('work_mem', CASE WHEN (SELECT source FROM pg_settings WHERE name = 'work_mem') = 'default' THEN '64MB' ELSE current_setting('work_mem') END, false)"
        // A failure here leaves a whole object, so deinit closes the connection.
        _ = try execute(setup, [], isCancelled: nil)
    }

    deinit { PQfinish(handle) }

    /// Who is connected to what, for `.show` and messages: `user@host:port/database`, never a
    /// password.
    public var displayName: String {
        lock.withLock { _ in
            func text(_ value: UnsafeMutablePointer<CChar>?) -> String { value.map { String(cString: $0) } ?? "" }
            let host = text(PQhost(handle))
            let shownHost = host.hasPrefix("/") ? "local socket \(host)" : host
            return "\(text(PQuser(handle)))@\(shownHost):\(text(PQport(handle)))/\(text(PQdb(handle)))"
        }
    }

    /// The server's version number (150018 for 15.18).
    public var serverVersion: Int { lock.withLock { _ in Int(PQserverVersion(handle)) } }

    /// Runs `sql` with `parameters` for `$1`, `$2`, ... (sent apart from the statement text, so
    /// a value can never be read as SQL) and returns its rows. While the server works, the wait
    /// asks `isCancelled` every few milliseconds; once it says yes, the server is asked to stop
    /// and the call throws `.cancelled`.
    public func query(_ sql: String, _ parameters: [String?] = [],
                      isCancelled: (@Sendable () -> Bool)? = nil) throws(RemoteError) -> QueryResult {
        try execute(sql, parameters, isCancelled: isCancelled)
    }

    private func execute(_ sql: String, _ parameters: [String?],
                         isCancelled: (@Sendable () -> Bool)?) throws(RemoteError) -> QueryResult {
        let outcome: Result<QueryResult, RemoteError> = lock.withLock { _ in
            do throws(RemoteError) {
                return .success(try send(sql, parameters, isCancelled: isCancelled))
            } catch {
                return .failure(error)
            }
        }
        return try outcome.get()
    }

    /// Sends the query and waits for its results; called with the lock held.
    private func send(_ sql: String, _ parameters: [String?],
                      isCancelled: (@Sendable () -> Bool)?) throws(RemoteError) -> QueryResult {
        let sent: Int32 = withOptionalCStrings(parameters) { values in
            PQsendQueryParams(handle, sql, Int32(parameters.count), nil, values, nil, nil, 0)
        }
        guard sent == 1 else { throw failure(nil) }
        var cancelled = false
        while PQisBusy(handle) == 1 {
            if !cancelled, let isCancelled, isCancelled() {
                cancelled = true
                requestCancel()
            }
            var descriptor = pollfd(fd: PQsocket(handle), events: Int16(POLLIN), revents: 0)
            _ = poll(&descriptor, 1, Self.pollInterval)
            guard PQconsumeInput(handle) == 1 else { throw failure(nil) }
        }
        var last: QueryResult?
        var error: RemoteError?
        while let result = PQgetResult(handle) {
            defer { PQclear(result) }
            switch PQresultStatus(result) {
            case PGRES_TUPLES_OK, PGRES_COMMAND_OK, PGRES_EMPTY_QUERY:
                last = Self.rows(of: result)
            default:
                if error == nil { error = failure(result) }
            }
        }
        if cancelled, error != nil || last == nil {
            throw RemoteError(.cancelled, "stopped: the statement was cancelled on the server")
        }
        if let error {
            // The server ending the session (shutdown, an administrator) or a broken link:
            // say that the connection is gone, not just that a statement failed.
            if case .server(let state?) = error.kind, state.hasPrefix("08") || state.hasPrefix("57P") || PQstatus(handle) != CONNECTION_OK {
                throw RemoteError(.connectionLost, "the connection to the database was lost (\(error.message.dropFirst("the database reported: ".count))); use .connect to connect again")
            }
            throw error
        }
        guard let last else { throw failure(nil) }
        return last
    }

    /// Asks the server to stop the running statement, on a separate short connection.
    private func requestCancel() {
        guard let cancel = PQgetCancel(handle) else { return }
        var buffer = [CChar](repeating: 0, count: 256)
        _ = PQcancel(cancel, &buffer, Int32(buffer.count))
        PQfreeCancel(cancel)
    }

    /// The error of `result`, or of the connection when there is no result.
    private func failure(_ result: OpaquePointer?) -> RemoteError {
        if PQstatus(handle) != CONNECTION_OK {
            let message = Self.scrub(String(cString: PQerrorMessage(handle)), secrets).trimmingTrailingNewlines
            return RemoteError(.connectionLost, "the connection to the database was lost (\(message)); use .connect to connect again")
        }
        guard let result else {
            let message = Self.scrub(String(cString: PQerrorMessage(handle)), secrets).trimmingTrailingNewlines
            return RemoteError(.server(sqlState: nil), "the database reported: \(message)")
        }
        let message = Self.scrub(String(cString: PQresultErrorMessage(result)), secrets).trimmingTrailingNewlines
        let state = PQresultErrorField(result, Int32(UInt8(ascii: "C"))).map { String(cString: $0) }
        return RemoteError(.server(sqlState: state), "the database reported: \(message)")
    }

    /// The rows of a successful result, values as text.
    private static func rows(of result: OpaquePointer) -> QueryResult {
        let columnCount = PQnfields(result)
        let rowCount = PQntuples(result)
        var columns: [String] = []
        var types: [UInt32] = []
        for column in 0..<columnCount {
            columns.append(String(cString: PQfname(result, column)))
            types.append(UInt32(PQftype(result, column)))
        }
        var rows: [[String?]] = []
        rows.reserveCapacity(Int(rowCount))
        for row in 0..<rowCount {
            var values: [String?] = []
            values.reserveCapacity(Int(columnCount))
            for column in 0..<columnCount {
                if PQgetisnull(result, row, column) == 1 {
                    values.append(nil)
                } else {
                    values.append(String(cString: PQgetvalue(result, row, column)))
                }
            }
            rows.append(values)
        }
        return QueryResult(columns: columns, types: types, rows: rows)
    }

    /// The passwords a connection string carries (`password=` or a URL's `user:password@`).
    static func passwords(in connectionString: String) -> [String] {
        // Without libpq nothing connects, so nothing can leak; the parse needs the library.
        guard arvio_pq_load() == nil else { return [] }
        var error: UnsafeMutablePointer<CChar>?
        guard let options = PQconninfoParse(connectionString, &error) else {
            if let error { PQfreemem(error) }
            return []
        }
        defer { PQconninfoFree(options) }
        var found: [String] = []
        var option = options
        while let keyword = option.pointee.keyword {
            if String(cString: keyword) == "password", let value = option.pointee.val {
                let text = String(cString: value)
                if !text.isEmpty { found.append(text) }
            }
            option += 1
        }
        return found
    }

    /// `text` with every secret (and its URL-encoded form) replaced by asterisks.
    static func scrub(_ text: String, _ secrets: [String]) -> String {
        var result = text
        for secret in secrets where !secret.isEmpty {
            result = result.replacingAll(secret, with: "********")
            let encoded = percentEncoded(secret)
            if encoded != secret { result = result.replacingAll(encoded, with: "********") }
        }
        return result
    }

    /// The text (a connection string, or a command line such as `.connect "host=… password=…"`
    /// or `arvio --db URL`) with every password replaced by asterisks, for history and messages.
    /// Each argument of a command line is read as a connection string of its own, and a
    /// `password=` or URL `user:password@` that libpq cannot parse (a malformed string) is found
    /// by its shape, so what is typed wrong does not leak either.
    public static func redacted(_ text: String) -> String {
        var secrets = passwords(in: text)
        for word in arguments(of: text) { secrets += passwords(in: word) }
        secrets += passwordsByShape(in: text)
        return scrub(text, secrets.sorted { $0.count > $1.count })
    }

    /// The words of a command line, a double-quoted part being one word.
    static func arguments(of text: String) -> [String] {
        var words: [String] = []
        var current = ""
        var quoted = false
        for c in text {
            if c == "\"" {
                quoted.toggle()
                if !quoted { words.append(current); current = "" }
            } else if !quoted && (c == " " || c == "\t") {
                if !current.isEmpty { words.append(current); current = "" }
            } else {
                current.append(c)
            }
        }
        if !current.isEmpty { words.append(current) }
        return words
    }

    /// Passwords found by their shape: the value after `password=` (to a space or quote, or a
    /// single-quoted value), and the part after the colon of a URL's `user:password@`.
    static func passwordsByShape(in text: String) -> [String] {
        var found: [String] = []
        let characters = Array(text)
        let key = Array("password=")
        var i = 0
        while i + key.count <= characters.count {
            guard Array(characters[i..<(i + key.count)]).map({ Character($0.lowercased()) }) == key else { i += 1; continue }
            var j = i + key.count
            var value = ""
            if j < characters.count, characters[j] == "'" {
                j += 1
                while j < characters.count, characters[j] != "'" {
                    if characters[j] == "\\", j + 1 < characters.count { j += 1 }
                    value.append(characters[j])
                    j += 1
                }
            } else {
                while j < characters.count, !" \t\"&".contains(characters[j]) {
                    value.append(characters[j])
                    j += 1
                }
            }
            if !value.isEmpty { found.append(value) }
            i = j
        }
        var rest = text[...]
        while let scheme = rest.range(of: "://") {
            let after = rest[scheme.upperBound...]
            let authority = after.prefix { !"/?# \"".contains($0) }
            if let at = authority.lastIndex(of: "@"), let colon = authority[..<at].firstIndex(of: ":") {
                let secret = String(authority[authority.index(after: colon)..<at])
                if !secret.isEmpty { found.append(secret) }
            }
            rest = after
        }
        return found
    }

    private static func percentEncoded(_ text: String) -> String {
        var result = ""
        for byte in text.utf8 {
            let c = Character(Unicode.Scalar(byte))
            if byte < 0x80, c.isLetter || c.isNumber || "-._~".contains(c) {
                result.append(c)
            } else {
                let hex = Array("0123456789ABCDEF")
                result += "%\(hex[Int(byte >> 4)])\(hex[Int(byte & 15)])"
            }
        }
        return result
    }
}

extension String {
    var trimmingTrailingNewlines: String {
        var result = self
        while result.last?.isNewline == true { result.removeLast() }
        return result
    }

    /// Every occurrence of `target` replaced, without Foundation.
    func replacingAll(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty else { return self }
        var result = ""
        var rest = self[...]
        while let range = rest.range(of: target) {
            result += rest[..<range.lowerBound]
            result += replacement
            rest = rest[range.upperBound...]
        }
        return result + rest
    }
}

extension Substring {
    /// The first range where `target` occurs, comparing characters.
    func range(of target: String) -> Range<Index>? {
        let needle = Array(target)
        guard !needle.isEmpty else { return nil }
        var start = startIndex
        while start < endIndex {
            var i = start
            var j = 0
            while j < needle.count, i < endIndex, self[i] == needle[j] {
                i = index(after: i)
                j += 1
            }
            if j == needle.count { return start..<i }
            start = index(after: start)
        }
        return nil
    }
}

/// Calls `body` with a NUL-terminated C array of C strings (valid only during the call).
private func withCStrings<R>(_ strings: [String], _ body: (UnsafePointer<UnsafePointer<CChar>?>) -> R) -> R {
    withOptionalCStrings(strings.map { Optional($0) } + [nil], body)
}

/// Calls `body` with a C array of optional C strings (nil for SQL NULL).
private func withOptionalCStrings<R>(_ strings: [String?], _ body: (UnsafePointer<UnsafePointer<CChar>?>) -> R) -> R {
    var storage: [UnsafeMutablePointer<CChar>?] = strings.map { $0.map { strdup($0) } ?? nil }
    defer { for pointer in storage { free(pointer) } }
    if storage.isEmpty { storage = [nil] }
    let pointers = storage.map { UnsafePointer($0) }
    return pointers.withUnsafeBufferPointer { body($0.baseAddress!) }
}
