/// Parses the records of one stretch of a CSV file straight into per-column dictionaries and
/// codes, with the quoting rules of `CSVTokenizer`.
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
        let tokenizer = CSVTokenizer(bytes: bytes, delimiter: delimiter)
        var result = Result(columns: [])
        guard let p = bytes.baseAddress else { return result }
        let n = bytes.count
        var scratch: [UInt8] = []
        var i = start
        var line = startLine
        var first = true
        var nextRelease = start + (1 << 23)
        let delimiters = Self.broadcast(delimiter)
        while true {
            tokenizer.skipBlankLines(&i, line: &line)
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
                if i + 8 <= n && p[i] != CSVTokenizer.quote {
                    // An unquoted field with a word of the file ahead: its end is found eight
                    // bytes at a time, and a short cell's bytes are that word.
                    let word = UInt64(littleEndian: UnsafeRawPointer(p + i).loadUnaligned(as: UInt64.self))
                    let ends = Self.ends(word, delimiters)
                    if ends != 0 {
                        let length = ends.trailingZeroBitCount >> 3
                        if field < columnCount {
                            let cell = length == 0 ? 0 : word & (UInt64.max >> UInt64(64 - 8 * length))
                            columns[field].appendShort(cell, count: length, at: p + i, line: recordLine)
                        }
                        i += length
                    } else {
                        var j = i + 8
                        var found = false
                        while j + 8 <= n {
                            let ends = Self.ends(UInt64(littleEndian: UnsafeRawPointer(p + j).loadUnaligned(as: UInt64.self)), delimiters)
                            if ends != 0 {
                                j += ends.trailingZeroBitCount >> 3
                                found = true
                                break
                            }
                            j += 8
                        }
                        if !found {
                            while j < n && p[j] != delimiter && p[j] != CSVTokenizer.lf && p[j] != CSVTokenizer.cr { j += 1 }
                        }
                        if field < columnCount {
                            if j - i == 8 {
                                columns[field].appendShort(word, count: 8, at: p + i, line: recordLine)
                            } else {
                                columns[field].appendLong(p + i, count: j - i, line: recordLine, stable: true)
                            }
                        }
                        i = j
                    }
                } else {
                    let cell: CSVTokenizer.Field
                    do {
                        cell = try tokenizer.field(&i, line: &line)
                    } catch {
                        result.error = error.dataError(file: file, field: field + 1)
                        return finish(result, at: i, line: line)
                    }
                    if field < columnCount {
                        let raw = UnsafeBufferPointer(start: p + cell.start, count: cell.end - cell.start)
                        if cell.hasEscapedQuotes {
                            CSVTokenizer.unescape(raw, into: &scratch)
                            scratch.withUnsafeBufferPointer { columns[field].append($0, readable: $0.count, line: recordLine, stable: false) }
                        } else {
                            // The cell is read in place: the file's bytes after it may be read in words.
                            columns[field].append(raw, readable: n - cell.start, line: recordLine, stable: true)
                        }
                    }
                }
                field += 1
                if !tokenizer.nextField(&i, line: &line) { break }
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

    /// `byte` in every byte of a word.
    @inline(__always)
    static func broadcast(_ byte: UInt8) -> UInt64 { UInt64(byte) &* 0x0101_0101_0101_0101 }

    /// 0x80 in each byte of `word` that ends an unquoted field (the delimiter, whose copies
    /// fill `delimiters`, LF or CR) and 0 in the others: exact per byte, with no carries
    /// between bytes, so the lowest set bit is the first such byte (little-endian).
    @inline(__always)
    static func ends(_ word: UInt64, _ delimiters: UInt64) -> UInt64 {
        zeroBytes(word ^ delimiters) | zeroBytes(word ^ 0x0A0A_0A0A_0A0A_0A0A) | zeroBytes(word ^ 0x0D0D_0D0D_0D0D_0D0D)
    }

    /// 0x80 in each zero byte of `x`, 0 in the others. Each byte's low seven bits plus 0x7F
    /// carry into its high bit exactly when they are not all zero, and stay within the byte.
    @inline(__always)
    static func zeroBytes(_ x: UInt64) -> UInt64 {
        let low: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        return ~(((x & low) &+ low) | x | low)
    }

    private func finish(_ result: Result, at offset: Int, line: Int) -> Result {
        var result = result
        result.end = offset
        result.endLine = line
        return result
    }
}
