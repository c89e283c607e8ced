/// Parses a CSV file in pieces, one per core. The body after the header is cut at line ends
/// near equal shares, and each piece is parsed on its own, counting lines from its start.
/// A cut can fall inside a quoted field that spans lines, so the pieces are then joined in
/// order: a piece is kept only if it starts exactly where the piece before it ended, and is
/// parsed again from there otherwise. Line numbers in values and errors are then shifted to
/// the file's, so a piece reports the same file, line and field as a single pass would.
enum CSVChunking {
    /// The columns of a parsed file, before they are typed.
    struct Parsed {
        var dialect: CSVDialect
        /// The columns read: every column of the header, or those asked for.
        var columns: [ColumnBuilder]
        var rowCount: Int
        /// The header's column names, read or not.
        var header: [String]

        /// Whether the header and every distinct value are valid UTF-8 (then so is the file:
        /// every byte outside them is a delimiter, a quote or a line end).
        /// Where the first NUL byte is (in the header, or the earliest line of any column's
        /// values), or nil; found through the distinct values, not a pass over the file.
        func firstNUL(file: String) -> DataPosition? {
            var first: DataPosition?
            for column in columns {
                if column.rawName.contains(0) { return DataPosition(file: file, line: 1, field: column.index + 1) }
                guard let code = column.dictionary.firstCode(containing: 0) else { continue }
                let line = column.dictionary.firstLine[code - 1]
                if first.map({ line < $0.line }) ?? true { first = DataPosition(file: file, line: line, field: column.index + 1) }
            }
            return first
        }

        var isValidUTF8: Bool {
            columns.allSatisfy { column in
                TextDecoding.firstInvalidUTF8(column.rawName) == nil && column.dictionary.isValidUTF8
            }
        }
    }

    /// Files smaller than this are parsed in one piece.
    static let minimumPieceBytes = 1 << 21

    /// How many pieces a body of `size` bytes is worth.
    static func pieces(for size: Int) -> Int {
        max(1, min(Parallel.coreCount, size / minimumPieceBytes))
    }

    /// Parses `bytes` (UTF-8, without a byte-order mark) in `pieces` pieces. With `only`, the
    /// columns of other names are skipped: every field's structure is checked, and its bytes
    /// for what makes a full read fail or read the file as Windows-1252 (a NUL, bytes that are
    /// not UTF-8), the file being then parsed again with every column; nothing else of it is read.
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>, file: String, pieces: Int,
                      isCancelled: (@Sendable () -> Bool)?, release: (@Sendable (Range<Int>) -> Void)?,
                      only: Set<String>? = nil) throws(DataError) -> Parsed {
        let dialect = CSVDialect.sniff(bytes)
        let tokenizer = CSVTokenizer(bytes: bytes, delimiter: dialect.delimiter)
        var fields: [CSVTokenizer.Field] = []
        var bodyStart = 0, bodyLine = 1, headerLine = 1
        guard try tokenizer.record(&bodyStart, line: &bodyLine, recordLine: &headerLine, into: &fields, file: file) else {
            throw DataError(DataPosition(file: file), "the file is empty; a CSV file starts with a header row naming its columns")
        }
        var columns = try header(fields, tokenizer: tokenizer, line: headerLine, file: file)
        let names = columns.map(\.name)
        var slots: [Int]?
        if let only, !columns.allSatisfy({ only.contains($0.name) }) {
            let skipped = columns.filter { !only.contains($0.name) }
            // A skipped name with a NUL or bytes that are not UTF-8 is the full read's to report.
            if skipped.allSatisfy({ !$0.rawName.contains(0) && TextDecoding.firstInvalidUTF8($0.rawName) == nil }) {
                var next = 0
                slots = columns.map { column in
                    guard only.contains(column.name) else { return -1 }
                    next += 1
                    return next - 1
                }
                columns = columns.filter { only.contains($0.name) }
            }
        }

        let starts = cuts(bytes, from: bodyStart, pieces: pieces)
        let stops = Array(starts.dropFirst()) + [bytes.count]
        let lineLength = max(1, bodyStart > 0 ? bodyStart : 16)
        let parser = ChunkParser(bytes: bytes, delimiter: dialect.delimiter, columnCount: names.count,
                                 file: file, isCancelled: isCancelled, passed: nil, slots: slots)
        var results = Parallel.map(starts.count) { k in
            var piece = parser
            if let release {
                let from = starts[k]
                // A little behind the parser: the cell above, compared with the next, stays mapped.
                piece.passed = { offset in release(from..<(offset - (1 << 18))) }
            }
            return piece.parse(from: starts[k], line: k == 0 ? bodyLine : 1, until: stops[k],
                               expectedRows: (stops[k] - starts[k]) / lineLength + 16)
        }
        var shifts: [Int] = []
        for k in results.indices {
            var shift = 0
            if k > 0 {
                let previous = results[k - 1]
                if results[k].firstRecord == previous.end {
                    shift = previous.endLine - results[k].firstLine
                } else {
                    results[k] = parser.parse(from: previous.end, line: previous.endLine, until: max(stops[k], previous.end),
                                              expectedRows: 16)
                }
                results[k].endLine += shift
            }
            if results[k].cancelled { throw DataError.loadCancelled(file) }
            if results[k].skippedNeedFullRead {
                results = []
                return try parse(bytes, file: file, pieces: pieces, isCancelled: isCancelled, release: release)
            }
            if var error = results[k].error {
                error.position.line += shift
                throw error
            }
            shifts.append(shift)
        }
        let rowCount = results.reduce(0) { $0 + $1.rows }
        let chunks = results.map(\.columns)
        results = []
        let unmerged = columns
        columns = Parallel.map(unmerged.count) { c in
            var column = unmerged[c]
            for (k, piece) in chunks.enumerated() { column.add(piece[c], lineShift: shifts[k]) }
            return column
        }
        return Parsed(dialect: dialect, columns: columns, rowCount: rowCount, header: names)
    }

    /// Where the pieces start: the body's start, then just after the first line end at or
    /// after each equal share.
    static func cuts(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, pieces: Int) -> [Int] {
        var starts = [start]
        let size = bytes.count - start
        for k in 1..<max(1, pieces) {
            var i = max(start + size / pieces * k, starts[starts.count - 1])
            while i < bytes.count && bytes[i] != UInt8(ascii: "\n") { i += 1 }
            starts.append(min(i + 1, bytes.count))
        }
        return starts
    }

    private static func header(_ fields: [CSVTokenizer.Field], tokenizer: CSVTokenizer, line: Int,
                               file: String) throws(DataError) -> [ColumnBuilder] {
        var builders: [ColumnBuilder] = []
        // A set, not a search of the names so far: a file with 100k columns is read in linear time.
        var seen = Set<String>()
        for (i, field) in fields.enumerated() {
            let raw = tokenizer.unescaped(field)
            let name = String(decoding: raw, as: UTF8.self).trimmed
            let at = DataPosition(file: file, line: line, field: i + 1)
            if name.isEmpty { throw DataError(at, "column \(i + 1) has no name in the header row") }
            if !seen.insert(name).inserted {
                throw DataError(at, "the header names column \"\(name)\" twice")
            }
            var builder = ColumnBuilder(name: name, index: i)
            builder.rawName = raw
            builders.append(builder)
        }
        return builders
    }
}
