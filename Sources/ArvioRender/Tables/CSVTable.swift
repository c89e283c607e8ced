import ArvioData

/// A table as RFC 4180 CSV: a header of column names, CRLF line ends, fields quoted when they
/// hold a comma, quote, CR or LF or start or end with a space, numbers at full precision,
/// missing as an empty field (`""` when it is a row's only field).
/// `lines` is the table only, so every spreadsheet and `read.csv` reads it as one rectangle;
/// the statistics and notes are a CSV of their own (`statisticsLines`), which `.format csv`
/// prints after a blank line and `.save` writes beside the table (docs/formats.md).
enum CSVTable {
    /// The header and one record per row.
    static func lines(_ table: Table, options: RenderOptions) -> [String] {
        var out = [table.columns.map { field($0.name) }.joined(separator: ",")]
        for row in 0..<table.rowCount {
            let line = table.columns.map { field(Cell($0.data, row: row, language: options.language)) }
                .joined(separator: ",")
            // A blank line is skipped by readers (Arvio's too): a row whose one field is
            // missing is written as a quoted empty field, so it is not lost on the way back.
            out.append(line.isEmpty && !table.columns.isEmpty ? "\"\"" : line)
        }
        return out
    }

    /// `lines(table)` joined with CRLF (each line trimmed, as `TableRenderer.join` does) and
    /// streamed to `writer`; see `TableRenderer.writeTableCSV`.
    static func write(_ table: Table, rawValues: Bool, options: RenderOptions, to writer: ByteWriter,
                      isCancelled: (() -> Bool)?) -> Bool {
        /// Ends the line in `block`, which began at `start`.
        func end(_ block: inout [UInt8], from start: Int) {
            // A quoted field keeps a line from ending in a space, so this is only a safeguard
            // that the bytes stay those of the trimmed lines.
            if block.last == 0x20 {
                let trimmed = String(decoding: block[start...], as: UTF8.self).trimmingTrailingSpaces
                block.removeSubrange(start...)
                block.append(contentsOf: trimmed.utf8)
            }
            block.append(0x0D)
            block.append(0x0A)
        }
        var header = Array(table.columns.map { field($0.name) }.joined(separator: ",").utf8)
        end(&header, from: 0)
        writer.append(header)
        let specs = table.columns.map { CSVCells($0, rawValues: rawValues, language: options.language) }
        // The cells are read through plain pointers: an array bound per cell would be retained
        // and released per cell, from both cores at once, and that was most of a save's time.
        return CSVCells.withColumns(specs) { columns in
            // Blocks of rows spelt on both cores and written in order; the flag is looked at
            // between pairs of blocks (a few milliseconds of work).
            let rows = 1 << 13
            let cores = table.rowCount >= 1 << 16 ? 2 : 1
            var start = 0
            while start < table.rowCount {
                if writer.failed || isCancelled?() == true { return false }
                let blocks = Parallel.map(cores) { k -> [UInt8] in
                    let range = min(table.rowCount, start + k * rows)..<min(table.rowCount, start + (k + 1) * rows)
                    var block: [UInt8] = []
                    block.reserveCapacity(range.count * 64)
                    columns.withUnsafeBufferPointer { columns in
                        for row in range {
                            let lineStart = block.count
                            for c in columns.indices {
                                if c > 0 { block.append(UInt8(ascii: ",")) }
                                columns[c].append(row, to: &block)
                            }
                            if block.count == lineStart && !columns.isEmpty { block.append(contentsOf: [0x22, 0x22]) }
                            end(&block, from: lineStart)
                        }
                    }
                    return block
                }
                for block in blocks { writer.append(block) }
                start += cores * rows
            }
            return !writer.failed && isCancelled?() != true
        }
    }

    /// The statistics and notes of `table` as a CSV: block, statistic, value, df, p,
    /// p_adjusted (when any entry has an adjusted p), method, note. A statistic fills the
    /// columns up to method; a note fills only block (its block's title, empty for a note on
    /// the whole table) and note. Empty when the table has neither.
    static func statisticsLines(_ table: Table, options: RenderOptions) -> [String] {
        let language = options.language
        guard !table.statistics.isEmpty || !table.notes.isEmpty else { return [] }
        let adjusted = table.statistics.contains { $0.entries.contains { $0.adjustedP != nil } }
        var out = [adjusted ? "block,statistic,value,df,p,p_adjusted,method,note" : "block,statistic,value,df,p,method,note"]
        let empty = adjusted ? ",,,,,,," : ",,,,,,"
        for block in table.statistics {
            let title = field(block.title.text(language))
            for entry in block.entries {
                var fields = [
                    title, field(entry.name.text(language)),
                    entry.value.map(NumberFormat.full) ?? "", entry.df.map(NumberFormat.full) ?? "",
                    entry.p.map(NumberFormat.full) ?? "",
                ]
                if adjusted { fields.append(entry.adjustedP.map(NumberFormat.full) ?? "") }
                fields.append(field(entry.method?.text(language) ?? ""))
                out.append(fields.joined(separator: ",") + ",")
            }
            for note in block.notes { out.append(title + empty + field(note.text(language))) }
        }
        for note in table.notes { out.append(empty + field(note.text(language))) }
        return out
    }

    static func field(_ cell: Cell) -> String {
        switch cell {
        case .missing: ""
        case .integer(let v): NumberFormat.integer(v)
        case .decimal(let v): NumberFormat.full(v)
        case .text(let s): field(s)
        }
    }

    /// `text` quoted (with inner quotes doubled) when RFC 4180 requires it, and when it starts
    /// or ends with a space or tab, which lines are trimmed of and some readers drop.
    static func field(_ text: String) -> String {
        let padded = text.first.map { $0 == " " || $0 == "\t" } == true || text.last.map { $0 == " " || $0 == "\t" } == true
        guard padded || text.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

/// One column's CSV fields as bytes, each spelled as `CSVTable.field(Cell(...))` spells it
/// (of `Table.withRawValues` when raw): a category's fields are made once per level, a whole
/// number's digits without a string, and text is copied unless it may need quotes.
private struct CSVCells {
    enum Kind {
        case integer(IntegerValues)
        case decimal([Double])
        case text([String?])
        case categorical(CategoricalData, levels: [[UInt8]])
    }

    let kind: Kind
    /// The field of each missing-value reason (raw values only): a missing value is its code.
    let reasons: (MissingReasons, [[UInt8]])?

    init(_ column: Column, rawValues: Bool, language: Language) {
        switch column.data {
        case .integer(let v): kind = .integer(v)
        case .decimal(let v): kind = .decimal(v)
        case .text(let v): kind = .text(v)
        case .categorical(let c, _):
            kind = .categorical(c, levels: c.levels.map { Array(CSVTable.field(rawValues ? $0.value : $0.display(language)).utf8) })
        }
        if rawValues, let r = column.missingReasons {
            reasons = (r, r.reasons.map { Array(CSVTable.field($0.code).utf8) })
        } else {
            reasons = nil
        }
    }

    /// Fields laid end to end, the `k`-th (from 0) at `bytes[starts[k]..<starts[k + 1]]`.
    private static func flat(_ fields: [[UInt8]]) -> (bytes: [UInt8], starts: [Int]) {
        var starts = [0]
        for field in fields { starts.append(starts[starts.count - 1] + field.count) }
        return (fields.flatMap { $0 }, starts)
    }

    /// Calls `body` with every column of `specs` as a `CSVColumn`, whose pointers are valid there.
    static func withColumns<R>(_ specs: [CSVCells], _ body: ([CSVColumn]) -> R) -> R {
        var columns: [CSVColumn] = []
        func open(_ i: Int) -> R {
            if i == specs.count { return body(columns) }
            return specs[i].withColumn { column in
                columns.append(column)
                return open(i + 1)
            }
        }
        return open(0)
    }

    /// This column as plain pointers, valid inside `body`.
    private func withColumn<R>(_ body: (CSVColumn) -> R) -> R {
        let levelFields: [[UInt8]]
        if case .categorical(_, let levels) = kind { levelFields = levels } else { levelFields = [] }
        let levels = Self.flat(levelFields)
        let reasonFields = Self.flat(reasons?.1 ?? [])
        let reasonCodes = reasons?.0.codes ?? .u8([])
        return levels.bytes.withUnsafeBufferPointer { levelBytes in
            levels.starts.withUnsafeBufferPointer { levelStarts in
                reasonFields.bytes.withUnsafeBufferPointer { reasonBytes in
                    reasonFields.starts.withUnsafeBufferPointer { reasonStarts in
                        reasonCodes.withBuffer { reasonCodes in
                            let missing = CSVColumn.Fields(bytes: levelBytes, starts: levelStarts)
                            let reasons = self.reasons == nil ? nil
                                : CSVColumn.Reasons(codes: reasonCodes, fields: CSVColumn.Fields(bytes: reasonBytes, starts: reasonStarts))
                            switch kind {
                            case .integer(let v):
                                return v.withBuffer { body(CSVColumn(values: .integer($0), levels: missing, reasons: reasons)) }
                            case .decimal(let v):
                                return v.withUnsafeBufferPointer { body(CSVColumn(values: .decimal($0), levels: missing, reasons: reasons)) }
                            case .text(let v):
                                return v.withUnsafeBufferPointer { body(CSVColumn(values: .text($0), levels: missing, reasons: reasons)) }
                            case .categorical(let c, _):
                                return c.codes.withBuffer { body(CSVColumn(values: .codes($0), levels: missing, reasons: reasons)) }
                            }
                        }
                    }
                }
            }
        }
    }

    /// The decimal digits of `value`, as `String(value)` writes them.
    static func digits(_ value: Int64, _ line: inout [UInt8]) {
        if value < 0 { line.append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        var reversed: (UInt64, UInt64, UInt64) = (0, 0, 0)
        var count = 0
        withUnsafeMutableBytes(of: &reversed) { digits in
            repeat {
                digits[count] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
                count += 1
            } while magnitude > 0
            for i in stride(from: count - 1, through: 0, by: -1) { line.append(digits[i]) }
        }
    }

    /// `CSVTable.field(text)`: copied as it is when no byte could make it need quotes (no comma,
    /// quote, line break or a byte that may start one beyond ASCII; no space or tab at either
    /// end); anything else goes through `field`, which decides by characters.
    static func text(_ text: String, _ line: inout [UInt8]) {
        var text = text
        let plain = text.withUTF8 { bytes -> Bool in
            guard let first = bytes.first, let last = bytes.last else { return true }
            if first == 0x20 || first == 0x09 || last == 0x20 || last == 0x09 { return false }
            for b in bytes {
                switch b {
                // , " LF VT FF CR; 0xC2 starts U+0085 (NEL), 0xE2 U+2028/U+2029 (line and paragraph separators).
                case 0x2C, 0x22, 0x0A, 0x0B, 0x0C, 0x0D, 0xC2, 0xE2: return false
                default: continue
                }
            }
            line.append(contentsOf: bytes)
            return true
        }
        if !plain { line.append(contentsOf: CSVTable.field(text).utf8) }
    }
}

/// One column's cells as plain pointers into its data (valid inside `CSVCells.withColumns`),
/// so reading a cell costs no reference counting.
private struct CSVColumn {
    enum Values {
        case integer(IntegerBuffer)
        case decimal(UnsafeBufferPointer<Double>)
        case text(UnsafeBufferPointer<String?>)
        case codes(CodeBuffer)
    }

    /// Fields laid end to end: field `k` (from 0) is `bytes[starts[k]..<starts[k + 1]]`.
    struct Fields {
        var bytes: UnsafeBufferPointer<UInt8>
        var starts: UnsafeBufferPointer<Int>

        @inline(__always)
        func append(_ k: Int, to line: inout [UInt8]) {
            line.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[starts[k]..<starts[k + 1]]))
        }
    }

    /// The codes of the rows' missing-value reasons and the field of each reason.
    struct Reasons {
        var codes: CodeBuffer
        var fields: Fields
    }

    var values: Values
    /// A category's field by level (from 0), for `codes`.
    var levels: Fields
    var reasons: Reasons?

    @inline(__always)
    func append(_ row: Int, to line: inout [UInt8]) {
        switch values {
        case .integer(let v):
            // Each width's own minimum marks a missing value (`IntegerValues`).
            let value: Int64?
            switch v {
            case .i8(let b): value = b[row] == .min ? nil : Int64(b[row])
            case .i16(let b): value = b[row] == .min ? nil : Int64(b[row])
            case .i32(let b): value = b[row] == .min ? nil : Int64(b[row])
            case .i64(let b): value = b[row] == .min ? nil : b[row]
            }
            guard let value else { return missing(row, &line) }
            CSVCells.digits(value, &line)
        case .decimal(let v):
            if v[row].isNaN { return missing(row, &line) }
            line.append(contentsOf: NumberFormat.full(v[row]).utf8)
        case .text(let v):
            guard let text = v[row] else { return missing(row, &line) }
            CSVCells.text(text, &line)
        case .codes(let codes):
            let code: Int
            switch codes {
            case .u8(let c): code = Int(c[row])
            case .u16(let c): code = Int(c[row])
            case .u32(let c): code = Int(c[row])
            }
            if code == 0 { return missing(row, &line) }
            levels.append(code - 1, to: &line)
        }
    }

    private func missing(_ row: Int, _ line: inout [UInt8]) {
        guard let reasons else { return }
        let code: Int
        switch reasons.codes {
        case .u8(let c): code = Int(c[row])
        case .u16(let c): code = Int(c[row])
        case .u32(let c): code = Int(c[row])
        }
        if code != 0 { reasons.fields.append(code - 1, to: &line) }
    }
}

private extension String {
    func replacingOccurrences(of target: String, with replacement: String) -> String {
        split(separator: Character(target), omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
