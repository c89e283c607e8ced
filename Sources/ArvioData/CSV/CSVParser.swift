/// Splits UTF-8 CSV bytes into records and fields (RFC 4180: quoted fields, doubled quotes,
/// CRLF or LF line ends), reporting each record's fields as byte ranges so that no `String`
/// is made per cell.
struct CSVParser {
    /// One field of the current record: where its bytes are, and whether it held doubled quotes
    /// that must be collapsed before use.
    struct Field {
        var start: Int
        var end: Int
        var hasEscapedQuotes: Bool
    }

    let bytes: [UInt8]
    let delimiter: UInt8
    let file: String
    private(set) var offset = 0
    /// The line on which the current record starts (1-based).
    private(set) var line = 0
    private var nextLine = 1

    init(bytes: [UInt8], delimiter: UInt8, file: String) {
        self.bytes = bytes
        self.delimiter = delimiter
        self.file = file
    }

    /// Reads the next record into `fields`; false at the end of the input. Blank lines are skipped.
    mutating func next(into fields: inout [Field]) throws(DataError) -> Bool {
        fields.removeAll(keepingCapacity: true)
        let quote = UInt8(ascii: "\""), lf = UInt8(ascii: "\n"), cr = UInt8(ascii: "\r")
        let n = bytes.count
        // Skip blank lines, so a trailing newline or an empty line is not a ragged record.
        while offset < n && (bytes[offset] == lf || bytes[offset] == cr) {
            if bytes[offset] == lf { nextLine += 1 }
            offset += 1
        }
        if offset >= n { return false }
        line = nextLine
        var i = offset
        while true {
            if i < n && bytes[i] == quote {
                let openLine = nextLine
                var escaped = false
                var j = i + 1
                while true {
                    guard j < n else {
                        throw DataError(DataPosition(file: file, line: openLine, field: fields.count + 1),
                                        "a quoted field starts here but its closing quote (\") is missing")
                    }
                    if bytes[j] == quote {
                        if j + 1 < n && bytes[j + 1] == quote { escaped = true; j += 2; continue }
                        break
                    }
                    if bytes[j] == lf { nextLine += 1 }
                    j += 1
                }
                fields.append(Field(start: i + 1, end: j, hasEscapedQuotes: escaped))
                i = j + 1
                if i < n && bytes[i] != delimiter && bytes[i] != lf && bytes[i] != cr {
                    throw DataError(DataPosition(file: file, line: nextLine, field: fields.count),
                                    "a quoted field must end at a delimiter or the end of the line, but text follows its closing quote")
                }
            } else {
                var j = i
                while j < n && bytes[j] != delimiter && bytes[j] != lf && bytes[j] != cr { j += 1 }
                fields.append(Field(start: i, end: j, hasEscapedQuotes: false))
                i = j
            }
            if i < n && bytes[i] == delimiter { i += 1; continue }
            // End of record: consume CR, LF or CRLF.
            if i < n && bytes[i] == cr { i += 1 }
            if i < n && bytes[i] == lf { i += 1; nextLine += 1 }
            offset = i
            return true
        }
    }

    /// The text of `field`, with doubled quotes collapsed.
    func string(_ field: Field) -> String {
        String(decoding: unescaped(field), as: UTF8.self)
    }

    /// The bytes of `field`, with doubled quotes collapsed.
    func unescaped(_ field: Field) -> ArraySlice<UInt8> {
        guard field.hasEscapedQuotes else { return bytes[field.start..<field.end] }
        var out: [UInt8] = []
        var i = field.start
        while i < field.end {
            out.append(bytes[i])
            i += bytes[i] == UInt8(ascii: "\"") ? 2 : 1
        }
        return out[...]
    }
}
