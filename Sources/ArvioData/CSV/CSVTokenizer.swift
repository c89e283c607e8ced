/// The CSV quoting rules (RFC 4180), in one place for every reader: a field that starts with a
/// quote runs to the next lone quote and may hold delimiters, line ends and doubled quotes; any
/// other field runs to the next delimiter or line end, a quote in it being plain text; a record
/// ends at LF, CR or CRLF, and blank lines between records are skipped. The small-file parser
/// (`CSVParser`), the chunked loader (`ChunkParser`, `CSVChunking`) and the dialect sniffer
/// (`CSVDialect`) all read through it, so they cannot disagree on where a field ends; the one
/// exception, `ChunkParser`'s word-at-a-time search for the end of an unquoted field, is
/// checked against it cell by cell (`CSVWordScanTests`).
///
/// Fields are byte ranges of the input, so no `String` or array is made per cell; the scanning
/// functions are inlined into the loaders' loops, which are the hot path of loading a file.
struct CSVTokenizer {
    /// One field: where its bytes are (inside the quotes, for a quoted field), and whether it
    /// held doubled quotes that must be collapsed before use.
    struct Field {
        var start: Int
        var end: Int
        var hasEscapedQuotes: Bool
    }

    /// A break of the quoting rules, with the line it is on.
    enum Failure: Error {
        /// A quoted field opened on `line` never closes.
        case unclosedQuote(line: Int)
        /// Text follows a closing quote on `line`, where a delimiter or line end must be.
        case textAfterQuote(line: Int)

        /// The loader's message for it, at field `field` (from 1) of the record.
        func dataError(file: String, field: Int) -> DataError {
            switch self {
            case .unclosedQuote(let line):
                DataError(DataPosition(file: file, line: line, field: field),
                          "a quoted field starts here but its closing quote (\") is missing")
            case .textAfterQuote(let line):
                DataError(DataPosition(file: file, line: line, field: field),
                          "a quoted field must end at a delimiter or the end of the line, but text follows its closing quote")
            }
        }
    }

    static let quote = UInt8(ascii: "\""), lf = UInt8(ascii: "\n"), cr = UInt8(ascii: "\r")

    let bytes: UnsafeBufferPointer<UInt8>
    let delimiter: UInt8

    /// Moves `i` past any line ends, counting each LF in `line`.
    @inline(__always)
    func skipBlankLines(_ i: inout Int, line: inout Int) {
        let n = bytes.count
        while i < n && (bytes[i] == Self.lf || bytes[i] == Self.cr) {
            if bytes[i] == Self.lf { line += 1 }
            i += 1
        }
    }

    /// The field that starts at `i`; `i` moves to what ends it (a delimiter, a line end or the
    /// end of the input) and `line` counts the LFs inside quotes. On a failure neither moves.
    @inline(__always)
    func field(_ i: inout Int, line: inout Int) throws(Failure) -> Field {
        let n = bytes.count
        let delimiter = self.delimiter
        if i < n && bytes[i] == Self.quote {
            var lines = line
            var escaped = false
            var j = i + 1
            while true {
                guard j < n else { throw .unclosedQuote(line: line) }
                let b = bytes[j]
                if b == Self.quote {
                    if j + 1 < n && bytes[j + 1] == Self.quote { escaped = true; j += 2; continue }
                    break
                }
                if b == Self.lf { lines += 1 }
                j += 1
            }
            let after = j + 1
            if after < n && bytes[after] != delimiter && bytes[after] != Self.lf && bytes[after] != Self.cr {
                throw .textAfterQuote(line: lines)
            }
            let field = Field(start: i + 1, end: j, hasEscapedQuotes: escaped)
            i = after
            line = lines
            return field
        }
        var j = i
        while j < n {
            let b = bytes[j]
            if b == delimiter || b == Self.lf || b == Self.cr { break }
            j += 1
        }
        let field = Field(start: i, end: j, hasEscapedQuotes: false)
        i = j
        return field
    }

    /// Moves past what ends a field at `i`: true after a delimiter (another field follows),
    /// false at the end of the record (its CR, LF or CRLF consumed, an LF counted in `line`).
    @inline(__always)
    func nextField(_ i: inout Int, line: inout Int) -> Bool {
        let n = bytes.count
        if i < n && bytes[i] == delimiter { i += 1; return true }
        if i < n && bytes[i] == Self.cr { i += 1 }
        if i < n && bytes[i] == Self.lf { i += 1; line += 1 }
        return false
    }

    /// Reads the record after any blank lines at `i` into `fields`; false at the end of the
    /// input. `recordLine` is set to the line the record starts on.
    func record(_ i: inout Int, line: inout Int, recordLine: inout Int, into fields: inout [Field],
                file: String) throws(DataError) -> Bool {
        fields.removeAll(keepingCapacity: true)
        skipBlankLines(&i, line: &line)
        if i >= bytes.count { return false }
        recordLine = line
        repeat {
            do {
                fields.append(try field(&i, line: &line))
            } catch {
                throw error.dataError(file: file, field: fields.count + 1)
            }
        } while nextField(&i, line: &line)
        return true
    }

    /// How many fields each of the first `limit` records has, stopping early where the input
    /// breaks the quoting rules (so a delimiter that would make the file invalid scores low).
    func fieldCounts(limit: Int) -> [Int] {
        var counts: [Int] = []
        var i = 0, line = 1
        while counts.count < limit {
            skipBlankLines(&i, line: &line)
            if i >= bytes.count { break }
            var count = 0
            do {
                repeat {
                    _ = try field(&i, line: &line)
                    count += 1
                } while nextField(&i, line: &line)
            } catch {
                break
            }
            counts.append(count)
        }
        return counts
    }

    /// The bytes of `field`, with doubled quotes collapsed.
    func unescaped(_ field: Field) -> [UInt8] {
        var out: [UInt8] = []
        Self.unescape(UnsafeBufferPointer(rebasing: bytes[field.start..<field.end]), escaped: field.hasEscapedQuotes, into: &out)
        return out
    }

    /// `raw` with each doubled quote collapsed to one (when `escaped`; a copy otherwise), in `out`.
    static func unescape(_ raw: UnsafeBufferPointer<UInt8>, escaped: Bool = true, into out: inout [UInt8]) {
        out.removeAll(keepingCapacity: true)
        guard escaped else {
            out.append(contentsOf: raw)
            return
        }
        var i = 0
        while i < raw.count {
            out.append(raw[i])
            i += raw[i] == quote ? 2 : 1
        }
    }
}
