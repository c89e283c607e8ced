/// Parses the records of one stretch of a CSV file straight into per-column dictionaries and
/// codes (RFC 4180: quoted fields, doubled quotes, CRLF or LF line ends; blank lines skipped).
/// No `String` or array is made per cell. Several stretches of one file are parsed at once,
/// each by its own parser; `CSVChunking` checks that they join up.
struct ChunkParser {
    /// What parsing one stretch gave.
    struct Result {
        /// The cells of each column.
        var columns: [ColumnChunk]
        /// How many records.
        var rows = 0
        /// Where the first record starts, after any blank lines, and its line.
        var firstRecord = 0
        var firstLine = 0
        /// Where the record after the last one starts (at or after the stretch's end), and its line.
        var end = 0
        var endLine = 0
        /// The first problem found; parsing stops there. Lines are counted from the stretch's start line.
        var error: DataError?
        /// Whether the user asked to stop.
        var cancelled = false
    }

    let bytes: UnsafeBufferPointer<UInt8>
    let delimiter: UInt8
    let columnCount: Int
    let file: String
    var isCancelled: (@Sendable () -> Bool)?
    /// Called with a byte offset the parser has passed, so the file's pages before it can be released.
    var passed: (@Sendable (Int) -> Void)?

    /// Parses the records that start in `start..<stop` (a record that starts there may run past
    /// `stop`); `start` must be the start of a line, which is line `line`.
    func parse(from start: Int, line startLine: Int, until stop: Int, expectedRows: Int) -> Result {
        var columns = (0..<columnCount).map { _ in ColumnChunk(reservingCapacity: expectedRows) }
        var result = columns.withUnsafeMutableBufferPointer { columns in
            parse(from: start, line: startLine, until: stop, into: columns)
        }
        swap(&result.columns, &columns)
        return result
    }

    private func parse(from start: Int, line startLine: Int, until stop: Int,
                       into columns: UnsafeMutableBufferPointer<ColumnChunk>) -> Result {
        let quote = UInt8(ascii: "\""), lf = UInt8(ascii: "\n"), cr = UInt8(ascii: "\r")
        let delimiter = self.delimiter
        var result = Result(columns: [])
        guard let p = bytes.baseAddress else { return result }
        let n = bytes.count
        var scratch: [UInt8] = []
        var i = start
        var line = startLine
        var first = true
        var nextRelease = start + (1 << 23)
        while true {
            while i < n && (p[i] == lf || p[i] == cr) {
                if p[i] == lf { line += 1 }
                i += 1
            }
            if first {
                result.firstRecord = i
                result.firstLine = line
                first = false
            }
            if i >= n || i >= stop { break }
            if result.rows & 0xFFFF == 0 {
                if let isCancelled, isCancelled() {
                    result.cancelled = true
                    break
                }
                if i >= nextRelease, let passed {
                    passed(i)
                    nextRelease = i + (1 << 23)
                }
            }
            let recordLine = line
            var field = 0
            while true {
                if i < n && p[i] == quote {
                    let openLine = line
                    var escaped = false
                    var j = i + 1
                    while true {
                        guard j < n else {
                            result.error = DataError(DataPosition(file: file, line: openLine, field: field + 1),
                                                     "a quoted field starts here but its closing quote (\") is missing")
                            return finish(result, at: i, line: line)
                        }
                        let b = p[j]
                        if b == quote {
                            if j + 1 < n && p[j + 1] == quote { escaped = true; j += 2; continue }
                            break
                        }
                        if b == lf { line += 1 }
                        j += 1
                    }
                    if field < columnCount {
                        if escaped {
                            Self.unescape(p + i + 1, j - i - 1, into: &scratch)
                            scratch.withUnsafeBufferPointer { columns[field].append($0, readable: $0.count, line: recordLine, stable: false) }
                        } else {
                            columns[field].append(UnsafeBufferPointer(start: p + i + 1, count: j - i - 1), readable: n - i - 1,
                                                 line: recordLine, stable: true)
                        }
                    }
                    field += 1
                    i = j + 1
                    if i < n && p[i] != delimiter && p[i] != lf && p[i] != cr {
                        result.error = DataError(DataPosition(file: file, line: line, field: field),
                                                 "a quoted field must end at a delimiter or the end of the line, but text follows its closing quote")
                        return finish(result, at: i, line: line)
                    }
                } else {
                    var j = i
                    while j < n {
                        let b = p[j]
                        if b == delimiter || b == lf || b == cr { break }
                        j += 1
                    }
                    if field < columnCount {
                        columns[field].append(UnsafeBufferPointer(start: p + i, count: j - i), readable: n - i,
                                             line: recordLine, stable: true)
                    }
                    field += 1
                    i = j
                }
                if i < n && p[i] == delimiter { i += 1; continue }
                if i < n && p[i] == cr { i += 1 }
                if i < n && p[i] == lf { i += 1; line += 1 }
                break
            }
            if field != columnCount {
                result.error = DataError(DataPosition(file: file, line: recordLine, field: min(field, columnCount) + 1),
                                         "this row has \(field) fields, but the header has \(columnCount)")
                return finish(result, at: i, line: line)
            }
            result.rows += 1
        }
        return finish(result, at: i, line: line)
    }

    private func finish(_ result: Result, at offset: Int, line: Int) -> Result {
        var result = result
        result.end = offset
        result.endLine = line
        return result
    }

    /// The `count` bytes at `start` with each doubled quote collapsed to one.
    private static func unescape(_ start: UnsafePointer<UInt8>, _ count: Int, into out: inout [UInt8]) {
        out.removeAll(keepingCapacity: true)
        var i = 0
        while i < count {
            out.append(start[i])
            i += start[i] == UInt8(ascii: "\"") ? 2 : 1
        }
    }
}
