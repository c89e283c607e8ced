/// One column of a read file: the distinct values (a dictionary over the whole file) and the
/// rows' codes, kept as the pieces the file was parsed in, so the type can be decided once
/// from the distinct values and the typed column is written in one pass, without a second
/// pass over the file.
struct ColumnBuilder {
    /// The codes of one parsed piece, and what each of its codes is in `dictionary`
    /// (nil when they are the same).
    struct Segment {
        var codes: CodeVector
        var global: [UInt32]?
    }

    let name: String
    let index: Int
    /// The header's bytes for this column, as written.
    var rawName: [UInt8] = []
    /// The distinct values, 1-based codes; 0 is an empty (missing) cell.
    var dictionary = ByteDictionary()
    var segments: [Segment] = []
    /// The user's cancel flag while the column is typed: `gather` looks at it between blocks of
    /// rows and leaves the rest undone once it is set (the load then throws the column away).
    var isCancelled: (@Sendable () -> Bool)?

    init(name: String, index: Int) {
        self.name = name
        self.index = index
    }

    /// How many rows.
    var rowCount: Int { segments.reduce(0) { $0 + $1.codes.count } }

    /// Adds the cells of a piece parsed after the ones already added, whose lines are
    /// `lineShift` short of the file's.
    mutating func add(_ chunk: ColumnChunk, lineShift: Int) {
        if segments.isEmpty && lineShift == 0 {
            dictionary = chunk.dictionary
            segments.append(Segment(codes: chunk.codes, global: nil))
            return
        }
        let local = chunk.dictionary
        var global: [UInt32] = [0]
        global.reserveCapacity(local.count + 1)
        for code in stride(from: 1, through: local.count, by: 1) {
            let line = local.firstLine[code - 1] + lineShift
            global.append(local.withBytes(of: code) { dictionary.code(for: $0, line: line) })
        }
        segments.append(Segment(codes: chunk.codes, global: global))
    }

    /// Maps every row through `values` (indexed by code, 0 = missing).
    func gather<T>(_ values: [T]) -> [T] {
        let total = rowCount
        var offsets: [Int] = []
        var at = 0
        for segment in segments { offsets.append(at); at += segment.codes.count }
        return [T](unsafeUninitializedCapacity: total) { out, initialized in
            let destination = UncheckedBox(out.baseAddress)
            Parallel.forEach(segments.count) { s in
                let segment = segments[s]
                let table = segment.global.map { $0.map { values[Int($0)] } } ?? values
                guard let base = destination.value?.advanced(by: offsets[s]) else { return }
                table.withUnsafeBufferPointer { t in
                    // Only plain values may be left unwritten by a stopped pass; a column of
                    // texts is written whole, the flag looked at before it.
                    guard let isCancelled, _isPOD(T.self) else { return segment.codes.map(through: t, into: base) }
                    var start = 0
                    while start < segment.codes.count, !isCancelled() {
                        let end = min(start + (1 << 16), segment.codes.count)
                        segment.codes.map(through: t, into: base, rows: start..<end)
                        start = end
                    }
                }
            }
            initialized = total
        }
    }

    /// The rows' whole numbers from `values` (indexed by code, 0 = missing), gathered straight
    /// into the narrowest width that holds the distinct values, so no row is held at 8 bytes.
    func integers(_ values: [Int64]) -> IntegerValues {
        switch IntegerValues.Width(of: values) {
        case .i8: .i8(gather(values.map { IntegerValues.narrow($0) as Int8 }))
        case .i16: .i16(gather(values.map { IntegerValues.narrow($0) as Int16 }))
        case .i32: .i32(gather(values.map { IntegerValues.narrow($0) as Int32 }))
        case .i64: .i64(gather(values))
        }
    }

    /// The rows' codes mapped through `newCode` (indexed by code, 0 = missing), in the narrowest
    /// width that holds `levelCount` levels.
    func codes(mappedThrough newCode: [UInt32], levelCount: Int) -> Codes {
        switch levelCount {
        case ..<256: .u8(gather(newCode.map { UInt8(truncatingIfNeeded: $0) }))
        case ..<65536: .u16(gather(newCode.map { UInt16(truncatingIfNeeded: $0) }))
        default: .u32(gather(newCode))
        }
    }
}

/// Reads numbers the way survey files write them.
enum NumberSyntax {
    /// The whole number in `text`, if it is one (optional sign, digits, surrounding spaces).
    /// Int64.min is the missing sentinel, so it is not taken as a whole number (the column is
    /// read as decimals instead) rather than silently becoming missing.
    static func integer(_ text: String) -> Int64? {
        guard let value = Int64(text.trimmed), value != Missing.integer else { return nil }
        return value
    }

    /// The decimal in `text`, if it is one; a decimal comma is accepted when `decimalComma`.
    static func decimal(_ text: String, decimalComma: Bool) -> Double? {
        var t = text.trimmed
        if decimalComma { t = t.replacingAll(",", with: ".") }
        guard !t.isEmpty, t.allSatisfy({ $0.isASCII && ($0.isNumber || "+-.eE".contains($0)) }),
              let value = Double(t), value.isFinite else { return nil }
        return value
    }
}

extension String {
    /// The string with every `target` character replaced by `replacement`.
    func replacingAll(_ target: Character, with replacement: Character) -> String {
        String(map { $0 == target ? replacement : $0 })
    }
}
