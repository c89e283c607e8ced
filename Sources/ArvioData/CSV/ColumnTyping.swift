/// Decides a read column's type and builds its typed storage from the distinct values.
struct ColumnTyping {
    let builder: ColumnBuilder
    let dialect: CSVDialect
    let file: String

    private var distinct: [String] {
        (0..<builder.dictionary.count).map { builder.dictionary.string(of: $0 + 1) }
    }

    /// The column's data: as the codebook entry declares, or as its values show.
    func data(declared entry: Codebook.Entry?) throws(DataError) -> ColumnData {
        guard let entry else { return inferred() }
        let name = "column \"\(builder.name)\""
        switch entry.type {
        case .integer:
            return .integer(builder.gather([Missing.integer] + (try parse(NumberSyntax.integer, expected: "a whole number for \(name), as the codebook declares"))))
        case .decimal:
            let comma = dialect.decimalComma
            return .decimal(builder.gather([Missing.decimal] + (try parse({ NumberSyntax.decimal($0, decimalComma: comma) }, expected: "a number for \(name), as the codebook declares"))))
        case .text:
            return .text(builder.gather([nil] + distinct.map { Optional($0) }))
        case .categorical, .ordinal:
            let levels = entry.levels.isEmpty ? sortedLevels() : entry.levels
            let allowed = levels.map(\.value).joined(separator: ", ")
            let codeOf = try parse({ value in levels.firstIndex { $0.value == value }.map { UInt32($0 + 1) } },
                                   expected: "one of the values the codebook lists for \(name): \(allowed)")
            let codes = builder.codes(mappedThrough: [0] + codeOf, levelCount: levels.count)
            return .categorical(CategoricalData(codes: codes, levels: levels, levelsSortedByValue: entry.levels.isEmpty),
                                ordered: entry.type == .ordinal)
        }
    }

    /// Converts each distinct value with `convert`, or fails at the first row that holds one it cannot.
    private func parse<T>(_ convert: (String) -> T?, expected: String) throws(DataError) -> [T] {
        var out: [T] = []
        out.reserveCapacity(builder.dictionary.count)
        for (i, text) in distinct.enumerated() {
            guard let value = convert(text) else {
                let at = DataPosition(file: file, line: builder.dictionary.firstLine[i], field: builder.index + 1)
                throw DataError(at, "expected \(expected), but found \"\(text)\"")
            }
            out.append(value)
        }
        return out
    }

    private func inferred() -> ColumnData {
        let values = distinct
        if !values.isEmpty {
            if let ints = Self.convertingAll(values, NumberSyntax.integer) {
                return .integer(builder.gather([Missing.integer] + ints))
            }
            let comma = dialect.decimalComma
            if let decimals = Self.convertingAll(values, { NumberSyntax.decimal($0, decimalComma: comma) }) {
                return .decimal(builder.gather([Missing.decimal] + decimals))
            }
        }
        if values.count > CSVReader.maximumInferredCategories && values.count * 2 > builder.rowCount {
            return .text(builder.gather([nil] + values.map { Optional($0) }))
        }
        // Codes were handed out in order of first appearance; renumber them in sorted order.
        let order = values.indices.sorted { values[$0] < values[$1] }
        var newCode = [UInt32](repeating: 0, count: values.count + 1)
        for (rank, old) in order.enumerated() { newCode[old + 1] = UInt32(rank + 1) }
        let levels = order.map { Level(value: values[$0]) }
        return .categorical(CategoricalData(codes: builder.codes(mappedThrough: newCode, levelCount: levels.count), levels: levels,
                                            levelsSortedByValue: true),
                            ordered: false)
    }

    /// Every value converted, or nil as soon as one does not convert.
    private static func convertingAll<T>(_ values: [String], _ convert: (String) -> T?) -> [T]? {
        var out: [T] = []
        out.reserveCapacity(values.count)
        for value in values {
            guard let converted = convert(value) else { return nil }
            out.append(converted)
        }
        return out
    }

    private func sortedLevels() -> [Level] {
        distinct.sorted().map { Level(value: $0) }
    }
}
