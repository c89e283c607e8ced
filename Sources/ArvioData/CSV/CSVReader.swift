/// Reads a CSV file into a table: sniffs the dialect, decodes UTF-8 or Windows-1252, and gives
/// each column the type its codebook entry declares or, without one, the type its values show.
/// A file with any error yields no table at all, so a failed load changes nothing.
///
/// A file is parsed where it lies (mapped, not copied), in as many pieces as there are cores
/// (`CSVChunking`), straight into per-column dictionaries; only the distinct values become
/// `String`s. A UTF-8 file is checked through its distinct values; a file that is not UTF-8 is
/// read again through `TextDecoding`.
public enum CSVReader {
    /// A column with more distinct values than this (and than half its rows) is read as text
    /// rather than dictionary-encoded categories.
    static let maximumInferredCategories = 1000

    /// The values read as missing by default, besides the empty field: R's and pandas' `NA`.
    public static let defaultMissingTokens: Set<String> = ["NA"]

    /// Reads the file at `path` as table `name`; `isCancelled` is polled while the file is parsed.
    /// A value in `missingTokens` is missing, as an empty field is.
    ///
    /// With `only`, the table has just the columns of those names, in the file's order, and the
    /// others are skipped: their fields' structure is checked, and a NUL or bytes that are not
    /// UTF-8 in them make the whole file read (as a full read reports or decodes them), but
    /// their types are not worked out. A codebook that describes the table, or a file that is
    /// not UTF-8, is read with every column. The table's columns are then a superset of `only`.
    public static func read(path: String, name: String, codebook: Codebook? = nil,
                            missingTokens: Set<String> = defaultMissingTokens,
                            isCancelled: (@Sendable () -> Bool)? = nil, only: Set<String>? = nil) throws(DataError) -> Table {
        try readColumns(path: path, name: name, codebook: codebook, missingTokens: missingTokens,
                        isCancelled: isCancelled, only: only).table
    }

    /// `read(path:…)`, with the names of every column of the file's header, read or not.
    public static func readColumns(path: String, name: String, codebook: Codebook? = nil,
                                   missingTokens: Set<String> = defaultMissingTokens,
                                   isCancelled: (@Sendable () -> Bool)? = nil,
                                   only: Set<String>? = nil) throws(DataError) -> (table: Table, header: [String]) {
        let only = codebook?.entries(for: name).isEmpty ?? true ? only : nil
        func full(_ table: Table) -> (table: Table, header: [String]) { (table, table.columnNames) }
        guard let file = try MappedFile.map(path) else {
            return full(try read(bytes: FileIO.read(path), file: path, name: name, codebook: codebook, missingTokens: missingTokens))
        }
        if TextDecoding.startsWithUTF16ByteOrderMark(file.bytes) {
            let copy = Array(file.bytes)
            try file.checkUnchanged()
            return full(try read(bytes: copy, file: path, name: name, codebook: codebook, missingTokens: missingTokens))
        }
        var body = file.bytes
        if body.count >= 3 && body[0] == 0xEF && body[1] == 0xBB && body[2] == 0xBF {
            body = UnsafeBufferPointer(rebasing: body[3...])
        }
        let parsed: CSVChunking.Parsed
        do {
            parsed = try CSVChunking.parse(body, file: path, pieces: CSVChunking.pieces(for: body.count),
                                           isCancelled: isCancelled, release: file.release, only: only)
        } catch {
            // Bytes that changed under the parser explain its error better than the error does.
            try file.checkUnchanged()
            throw error
        }
        try file.checkUnchanged()
        guard parsed.isValidUTF8 else {
            let copy = Array(file.bytes)
            try file.checkUnchanged()
            return full(try read(bytes: copy, file: path, name: name, codebook: codebook, missingTokens: missingTokens))
        }
        // The columns hold copies of their distinct values, so the file's pages (up to the last
        // release of each piece, megabytes of them) are let go before the typed columns are
        // built, where a load's memory peaks.
        file.release(0..<file.bytes.count)
        let header = parsed.header
        return (try table(consume parsed, file: path, name: name, codebook: codebook, missingTokens: missingTokens,
                          isCancelled: isCancelled), header)
    }

    /// The first records of the file at `path` (about `bytes` bytes of it, cut at a line end)
    /// read as table `name`, and the file's size; nil when the file cannot be mapped or its
    /// start does not read. The column types are the sample's, which the whole file may not
    /// share: a guess, for working out what a script reads before the file is loaded.
    public static func sample(path: String, name: String, bytes limit: Int = 1 << 16,
                              missingTokens: Set<String> = defaultMissingTokens) -> (table: Table, fileSize: Int)? {
        guard let file = try? MappedFile.map(path) else { return nil }
        let all = file.bytes
        var end = min(all.count, limit)
        if end < all.count {
            while end > 0 && all[end - 1] != CSVTokenizer.lf { end -= 1 }
        }
        guard end > 0, let table = try? read(bytes: Array(all[..<end]), file: path, name: name, codebook: nil,
                                                pieces: 1, missingTokens: missingTokens) else { return nil }
        return (table, all.count)
    }

    /// Reads CSV `bytes` (from `file`, for messages) as table `name`.
    public static func read(bytes raw: [UInt8], file: String, name: String, codebook: Codebook? = nil,
                            missingTokens: Set<String> = defaultMissingTokens) throws(DataError) -> Table {
        try read(bytes: raw, file: file, name: name, codebook: codebook, pieces: nil, missingTokens: missingTokens)
    }

    /// Reads CSV `bytes` in `pieces` pieces (by default, as many as the size is worth).
    static func read(bytes raw: [UInt8], file: String, name: String, codebook: Codebook?,
                     pieces: Int?, missingTokens: Set<String> = defaultMissingTokens) throws(DataError) -> Table {
        let bytes = try TextDecoding.utf8(raw, file: file).bytes
        let parsed: Result<CSVChunking.Parsed, DataError> = bytes.withUnsafeBufferPointer { buffer in
            Result { () throws(DataError) -> CSVChunking.Parsed in
                try CSVChunking.parse(buffer, file: file, pieces: pieces ?? CSVChunking.pieces(for: buffer.count),
                                      isCancelled: nil, release: nil)
            }
        }
        return try table(parsed.get(), file: file, name: name, codebook: codebook, missingTokens: missingTokens)
    }

    /// Types the parsed columns as the codebook declares or as their values show, a column per
    /// core at a time. Each column's parsed codes are let go as soon as it is typed, so the file
    /// is never held twice; an error is the first column's, as in a single pass.
    private static func table(_ parsed: consuming CSVChunking.Parsed, file: String, name: String,
                              codebook: Codebook?, missingTokens: Set<String>,
                              isCancelled: (@Sendable () -> Bool)? = nil) throws(DataError) -> Table {
        let cancelled = DataError.loadCancelled(file)
        if let at = parsed.firstNUL(file: file) {
            throw DataError(at, "this field holds a NUL byte (0x00), which no text holds; is this a binary file, or UTF-16 without a byte-order mark?")
        }
        var pending: [ColumnBuilder?] = parsed.columns
        parsed.columns = []
        for c in pending.indices { pending[c]?.isCancelled = isCancelled }
        let entries = codebook?.entries(for: name) ?? []
        let names = Set(parsed.header)
        var entryOf: [String: Codebook.Entry] = [:]
        for entry in entries where entryOf[entry.column] == nil { entryOf[entry.column] = entry }
        for entry in entries where !names.contains(entry.column) {
            throw DataError(entry.position, "the codebook describes column \"\(entry.column)\" of \(name), but \(file) has no such column")
        }
        let dialect = parsed.dialect
        let typed = pending.withUnsafeMutableBufferPointer { slots in
            Parallel.map(slots.count) { c -> Result<Column, DataError> in
                guard let builder = slots[c] else { return .failure(DataError(DataPosition(file: file), "internal: column \(c) missing")) }
                slots[c] = nil
                if isCancelled?() == true { return .failure(cancelled) }
                let entry = entryOf[builder.name]
                return Result { () throws(DataError) -> Column in
                    let data = try ColumnTyping(builder: builder, dialect: dialect, file: file, missingTokens: missingTokens, declared: entry)
                        .data(declared: entry)
                    return Column(name: builder.name, data: data, label: entry?.label)
                }
            }
        }
        // A column typed while the flag was set may be unfinished: none of them is kept.
        if isCancelled?() == true { throw cancelled }
        var columns: [Column] = []
        for result in typed { columns.append(try result.get()) }
        let table = Table(name: name, columns: columns, rowCount: parsed.rowCount,
                          key: entries.filter(\.isKey).map(\.column))
        if let keyEntry = entries.first(where: \.isKey) {
            try table.checkKeyIsUnique(file: file, position: keyEntry.position)
        }
        return table
    }
}
