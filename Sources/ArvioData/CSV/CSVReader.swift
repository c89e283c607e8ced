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
    public static func read(path: String, name: String, codebook: Codebook? = nil,
                            missingTokens: Set<String> = defaultMissingTokens,
                            isCancelled: (@Sendable () -> Bool)? = nil) throws(DataError) -> Table {
        guard let file = try MappedFile.map(path) else {
            return try read(bytes: FileIO.read(path), file: path, name: name, codebook: codebook, missingTokens: missingTokens)
        }
        if TextDecoding.startsWithUTF16ByteOrderMark(file.bytes) {
            let copy = Array(file.bytes)
            try file.checkUnchanged()
            return try read(bytes: copy, file: path, name: name, codebook: codebook, missingTokens: missingTokens)
        }
        var body = file.bytes
        if body.count >= 3 && body[0] == 0xEF && body[1] == 0xBB && body[2] == 0xBF {
            body = UnsafeBufferPointer(rebasing: body[3...])
        }
        let parsed: CSVChunking.Parsed
        do {
            parsed = try CSVChunking.parse(body, file: path, pieces: CSVChunking.pieces(for: body.count),
                                           isCancelled: isCancelled, release: file.release)
        } catch {
            // Bytes that changed under the parser explain its error better than the error does.
            try file.checkUnchanged()
            throw error
        }
        try file.checkUnchanged()
        guard parsed.isValidUTF8 else {
            let copy = Array(file.bytes)
            try file.checkUnchanged()
            return try read(bytes: copy, file: path, name: name, codebook: codebook, missingTokens: missingTokens)
        }
        return try table(consume parsed, file: path, name: name, codebook: codebook, missingTokens: missingTokens)
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
                              codebook: Codebook?, missingTokens: Set<String>) throws(DataError) -> Table {
        if let at = parsed.firstNUL(file: file) {
            throw DataError(at, "this field holds a NUL byte (0x00), which no text holds; is this a binary file, or UTF-16 without a byte-order mark?")
        }
        var pending: [ColumnBuilder?] = parsed.columns
        parsed.columns = []
        let entries = codebook?.entries(for: name) ?? []
        let names = Set(pending.compactMap { $0?.name })
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
                let entry = entryOf[builder.name]
                return Result { () throws(DataError) -> Column in
                    let data = try ColumnTyping(builder: builder, dialect: dialect, file: file, missingTokens: missingTokens, declared: entry)
                        .data(declared: entry)
                    return Column(name: builder.name, data: data, label: entry?.label)
                }
            }
        }
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
