/// Reads a CSV file into a table: sniffs the dialect, decodes UTF-8 or Windows-1252, and gives
/// each column the type its codebook entry declares or, without one, the type its values show.
/// A file with any error yields no table at all, so a failed load changes nothing.
public enum CSVReader {
    /// A column with more distinct values than this (and than half its rows) is read as text
    /// rather than dictionary-encoded categories.
    static let maximumInferredCategories = 1000

    /// Reads the file at `path` as table `name`.
    public static func read(path: String, name: String, codebook: Codebook? = nil) throws(DataError) -> Table {
        try read(bytes: FileIO.read(path), file: path, name: name, codebook: codebook)
    }

    /// Reads CSV `bytes` (from `file`, for messages) as table `name`.
    public static func read(bytes raw: [UInt8], file: String, name: String, codebook: Codebook? = nil) throws(DataError) -> Table {
        let bytes = try TextDecoding.utf8(raw, file: file).bytes
        let dialect = CSVDialect.sniff(bytes)
        var parser = CSVParser(bytes: bytes, delimiter: dialect.delimiter, file: file)
        var fields: [CSVParser.Field] = []
        guard try parser.next(into: &fields) else {
            throw DataError(DataPosition(file: file), "the file is empty; a CSV file starts with a header row naming its columns")
        }
        var builders = try header(fields, parser: parser)
        var row = 0
        while try parser.next(into: &fields) {
            guard fields.count == builders.count else {
                throw DataError(DataPosition(file: file, line: parser.line, field: min(fields.count, builders.count) + 1),
                                "this row has \(fields.count) fields, but the header has \(builders.count)")
            }
            for (i, field) in fields.enumerated() {
                if field.hasEscapedQuotes {
                    builders[i].append(parser.unescaped(field), row: row)
                } else {
                    builders[i].append(bytes[field.start..<field.end], row: row)
                }
            }
            row += 1
        }
        let entries = codebook?.entries(for: name) ?? []
        for entry in entries where !builders.contains(where: { $0.name == entry.column }) {
            throw DataError(entry.position, "the codebook describes column \"\(entry.column)\" of \(name), but \(file) has no such column")
        }
        let lines = LineFinder(bytes: bytes, delimiter: dialect.delimiter, file: file)
        var columns: [Column] = []
        for builder in builders {
            let entry = entries.first { $0.column == builder.name }
            let data = try ColumnTyping(builder: builder, dialect: dialect, lines: lines).data(declared: entry)
            columns.append(Column(name: builder.name, data: data, label: entry?.label))
        }
        return Table(name: name, columns: columns, rowCount: row,
                     key: entries.filter(\.isKey).map(\.column))
    }

    private static func header(_ fields: [CSVParser.Field], parser: CSVParser) throws(DataError) -> [ColumnBuilder] {
        var builders: [ColumnBuilder] = []
        for (i, field) in fields.enumerated() {
            let name = parser.string(field).trimmed
            let at = DataPosition(file: parser.file, line: parser.line, field: i + 1)
            if name.isEmpty { throw DataError(at, "column \(i + 1) has no name in the header row") }
            if builders.contains(where: { $0.name == name }) {
                throw DataError(at, "the header names column \"\(name)\" twice")
            }
            builders.append(ColumnBuilder(name: name, index: i))
        }
        return builders
    }
}

/// Finds the line of a data row again, for an error found after the whole file was read;
/// errors are rare, so the file is scanned again rather than every row's line kept.
struct LineFinder {
    let bytes: [UInt8]
    let delimiter: UInt8
    let file: String

    /// The position of `field` (0-based) of data row `row` (0-based, after the header).
    func position(row: Int, field: Int) -> DataPosition {
        var parser = CSVParser(bytes: bytes, delimiter: delimiter, file: file)
        var fields: [CSVParser.Field] = []
        var seen = -1
        while (try? parser.next(into: &fields)) == true {
            if seen == row { return DataPosition(file: file, line: parser.line, field: field + 1) }
            seen += 1
        }
        return DataPosition(file: file, field: field + 1)
    }
}
