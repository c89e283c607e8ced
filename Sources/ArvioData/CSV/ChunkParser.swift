/// Parses the records of one stretch of a CSV file straight into per-column dictionaries and
/// codes, with the quoting rules of `CSVTokenizer`.
/// No `String` or array is made per cell. An unquoted field's end is found eight bytes at a
/// time (`Scan`, `ends`); a quoted field and the last bytes of the input go through
/// `CSVTokenizer`, and `CSVWordScanTests` holds the two to the same cells and errors. Several stretches of one file are parsed at once,
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
        /// Whether a skipped field held a NUL byte or bytes that are not UTF-8: what a full read
        /// reports or reads as Windows-1252, so the file must be read with every column.
        var skippedNeedFullRead = false
    }

    let bytes: UnsafeBufferPointer<UInt8>
    let delimiter: UInt8
    let columnCount: Int
    let file: String
    var isCancelled: (@Sendable () -> Bool)?
    /// Called with a byte offset the parser has passed, so the file's pages before it can be released.
    var passed: (@Sendable (Int) -> Void)?
    /// For each field of a record, the index of its column among those kept, or -1 for a field
    /// that is skipped: its end is found and its bytes checked, but nothing is stored. Nil keeps every field.
    var slots: [Int]?

    /// How far the parser goes between releases of the file's pages behind it.
    static let releaseStep = 1 << 21

    /// How many columns a parse yields.
    var keptCount: Int { slots.map { $0.reduce(0) { $0 + ($1 >= 0 ? 1 : 0) } } ?? columnCount }

    /// Parses the records that start in `start..<stop` (a record that starts there may run past
    /// `stop`); `start` must be the start of a line, which is line `line`.
    func parse(from start: Int, line startLine: Int, until stop: Int, expectedRows: Int) -> Result {
        var columns = (0..<keptCount).map { _ in ColumnChunk(reservingCapacity: expectedRows) }
        let slots = self.slots ?? Array(0..<columnCount)
        var result = columns.withUnsafeMutableBufferPointer { columns in
            slots.withUnsafeBufferPointer { slots in
                parse(from: start, line: startLine, until: stop, into: columns, slots: slots)
            }
        }
        swap(&result.columns, &columns)
        return result
    }

    private func parse(from start: Int, line startLine: Int, until stop: Int,
                       into columns: UnsafeMutableBufferPointer<ColumnChunk>, slots: UnsafeBufferPointer<Int>) -> Result {
        let tokenizer = CSVTokenizer(bytes: bytes, delimiter: delimiter)
        var result = Result(columns: [])
        guard let p = bytes.baseAddress else { return result }
        let n = bytes.count
        var scratch: [UInt8] = []
        var i = start
        var line = startLine
        var first = true
        var nextRelease = start + Self.releaseStep
        let delimiters = Self.broadcast(delimiter)
        var scan = Scan()
        // The last skipped value of each field found to be UTF-8 (its address and length), so a
        // repeated value (an organisation on consecutive rows) is not validated again.
        var checked = [(address: Int, count: Int)](repeating: (0, -1), count: columnCount)
        while true {
            tokenizer.skipBlankLines(&i, line: &line)
            if first {
                result.firstRecord = i
                result.firstLine = line
                first = false
            }
            if i >= n || i >= stop { break }
            if result.rows & 0x3FFF == 0 {
                if result.rows & 0xFFFF == 0, let isCancelled, isCancelled() {
                    result.cancelled = true
                    break
                }
                // Every 2 MB or so: the pages parsed stay resident until released, and with
                // a piece per core they were most of a load's memory above its columns'.
                if i >= nextRelease, let passed {
                    passed(i)
                    nextRelease = i + Self.releaseStep
                }
            }
            let recordLine = line
            var field = 0
            Self.sync(&scan, at: i, bytes: p, count: n, delimiters: delimiters)
            while true {
                if scan.inWords && i < n && p[i] != CSVTokenizer.quote {
                    // An unquoted field: its end is the next set bit of the word masks, which are
                    // made eight bytes at a time ahead of the fields, so finding one field's end
                    // does not wait on the field before it.
                    while scan.pending == 0 && scan.at + 16 <= n {
                        scan.at += 8
                        scan.pending = Self.ends(Self.load(p + scan.at), delimiters)
                    }
                    var end: Int
                    if scan.pending != 0 {
                        end = scan.at + scan.pending.trailingZeroBitCount >> 3
                        scan.pending &= scan.pending &- 1
                    } else {
                        // Fewer than eight bytes follow the last word: read them one at a time.
                        end = scan.at + 8
                        while end < n && p[end] != delimiter && p[end] != CSVTokenizer.lf && p[end] != CSVTokenizer.cr { end += 1 }
                        scan.inWords = false
                    }
                    if field < columnCount {
                        let length = end - i
                        let slot = slots[field]
                        if slot < 0 {
                            if !Self.isPlain(p + i, length, readable: n - i),
                               !Self.skippedIsText(p + i, length, field: field, checked: &checked) {
                                result.skippedNeedFullRead = true
                                return finish(result, at: i, line: line)
                            }
                        } else if length <= 8 {
                            // A cell of 1…8 bytes is the low bytes of the word at its start.
                            let word = i + 8 <= n ? Self.load(p + i) & (UInt64.max &>> UInt64(truncatingIfNeeded: 64 &- 8 &* length))
                                : ColumnChunk.word(p + i, length, readable: n - i)
                            columns[slot].appendShort(word, count: length, at: p + i, line: recordLine)
                        } else {
                            columns[slot].appendLong(p + i, count: length, line: recordLine, stable: true)
                        }
                    }
                    field += 1
                    // What ends the cell is known to be a delimiter, CR or LF (or the input's end):
                    // the step of `CSVTokenizer.nextField`, without testing for each again.
                    i = end &+ 1
                    if end < n {
                        let terminator = p[end]
                        if terminator == delimiter { continue }
                        if terminator == CSVTokenizer.lf {
                            line += 1
                        } else if i < n && p[i] == CSVTokenizer.lf {
                            i += 1
                            line += 1
                        }
                    } else {
                        i = n
                    }
                    break
                }
                let cell: CSVTokenizer.Field
                do {
                    cell = try tokenizer.field(&i, line: &line)
                } catch {
                    result.error = error.dataError(file: file, field: field + 1)
                    return finish(result, at: i, line: line)
                }
                if field < columnCount {
                    let raw = UnsafeBufferPointer(start: p + cell.start, count: cell.end - cell.start)
                    let slot = slots[field]
                    if slot < 0 {
                        // Unescaped first: a doubled quote can sit inside what would be one character.
                        if cell.hasEscapedQuotes { CSVTokenizer.unescape(raw, into: &scratch) }
                        let text = cell.hasEscapedQuotes ? scratch.withUnsafeBufferPointer { TextDecoding.isTextWithoutNUL($0) }
                            : TextDecoding.isTextWithoutNUL(raw)
                        if !text {
                            result.skippedNeedFullRead = true
                            return finish(result, at: i, line: line)
                        }
                    } else if cell.hasEscapedQuotes {
                        CSVTokenizer.unescape(raw, into: &scratch)
                        scratch.withUnsafeBufferPointer { columns[slot].append($0, readable: $0.count, line: recordLine, stable: false) }
                    } else {
                        // The cell is read in place: the file's bytes after it may be read in words.
                        columns[slot].append(raw, readable: n - cell.start, line: recordLine, stable: true)
                    }
                }
                field += 1
                if !tokenizer.nextField(&i, line: &line) { break }
                Self.sync(&scan, at: i, bytes: p, count: n, delimiters: delimiters)
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

    /// Whether the `count` bytes at `p` are all ASCII and none is NUL: the test a skipped field
    /// costs, a word at a time. `readable` bytes may be read from `p`.
    @inline(__always)
    static func isPlain(_ p: UnsafePointer<UInt8>, _ count: Int, readable: Int) -> Bool {
        var at = 0
        var flags: UInt64 = 0
        while at + 8 <= count {
            let word = load(p + at)
            flags |= word | ~(((word & 0x7F7F_7F7F_7F7F_7F7F) &+ 0x7F7F_7F7F_7F7F_7F7F) | 0x7F7F_7F7F_7F7F_7F7F)
            at += 8
        }
        let rest = count - at
        if rest > 0 {
            let word = ColumnChunk.word(p + at, rest, readable: readable - at)
            // The bytes past the field are zero in `word`: only the field's own count as NUL.
            let mask: UInt64 = 0x8080_8080_8080_8080 & (UInt64.max &>> UInt64(truncatingIfNeeded: 64 &- 8 &* rest))
            flags |= word | (zeroBytes(word) & mask)
        }
        return flags & 0x8080_8080_8080_8080 == 0
    }

    /// Whether a skipped field that is not plain ASCII is UTF-8 without NUL; the last such value
    /// of each field is remembered in `checked`, so repeats cost a comparison.
    @inline(never)
    static func skippedIsText(_ p: UnsafePointer<UInt8>, _ count: Int, field: Int,
                              checked: inout [(address: Int, count: Int)]) -> Bool {
        let last = checked[field]
        if last.count == count, let base = UnsafePointer<UInt8>(bitPattern: last.address), ColumnChunk.equal(base, p, count) {
            return true
        }
        guard TextDecoding.isTextWithoutNUL(UnsafeBufferPointer(start: p, count: count)) else { return false }
        checked[field] = (Int(bitPattern: p), count)
        return true
    }

    /// Where the word-at-a-time search for field ends is: `pending` holds the ends (as `ends`
    /// gives them) not yet used in the word at `at`; every byte from the parser's position up to
    /// `at + 8` that is not in it ends no field. `inWords` is false near the end of the input,
    /// where no whole word is left, and fields are then read a byte at a time.
    struct Scan {
        var at = 0
        var pending: UInt64 = 0
        var inWords = false
    }

    /// Makes `scan` describe the bytes from `i`: the ends before `i` are dropped, and a new word
    /// is read when `i` is past the current one.
    @inline(__always)
    static func sync(_ scan: inout Scan, at i: Int, bytes p: UnsafePointer<UInt8>, count n: Int, delimiters: UInt64) {
        if scan.inWords && i >= scan.at && i < scan.at + 8 {
            scan.pending &= UInt64.max << UInt64(8 * (i - scan.at))
        } else if i + 8 <= n {
            scan = Scan(at: i, pending: ends(load(p + i), delimiters), inWords: true)
        } else {
            scan = Scan(at: i, pending: 0, inWords: false)
        }
    }

    /// The eight bytes at `p` as a little-endian word.
    @inline(__always)
    static func load(_ p: UnsafePointer<UInt8>) -> UInt64 {
        UInt64(littleEndian: UnsafeRawPointer(p).loadUnaligned(as: UInt64.self))
    }

    /// `byte` in every byte of a word.
    @inline(__always)
    static func broadcast(_ byte: UInt8) -> UInt64 { UInt64(byte) &* 0x0101_0101_0101_0101 }

    /// 0x80 in each byte of `word` that ends an unquoted field (the delimiter, whose copies
    /// fill `delimiters`, LF or CR) and 0 in the others: exact per byte, with no carries
    /// between bytes, so the lowest set bit is the first such byte (little-endian).
    @inline(__always)
    static func ends(_ word: UInt64, _ delimiters: UInt64) -> UInt64 {
        // `zeroBytes` of the three comparisons, or-ed, with the complement and the low bits
        // taken once for all three (de Morgan): the innermost step of a load, once per word.
        let low: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        let d = word ^ delimiters, l = word ^ 0x0A0A_0A0A_0A0A_0A0A, c = word ^ 0x0D0D_0D0D_0D0D_0D0D
        let nonzero = (((d & low) &+ low) | d) & (((l & low) &+ low) | l) & (((c & low) &+ low) | c)
        return ~(nonzero | low)
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
