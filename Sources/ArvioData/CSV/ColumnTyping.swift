/// Decides a read column's type and builds its typed storage from the distinct values.
///
/// A value listed in `missingTokens` (by default `NA`, as R and pandas write a missing value) is
/// missing, like an empty field, unless the codebook lists it as one of the column's values.
struct ColumnTyping {
    let builder: ColumnBuilder
    let dialect: CSVDialect
    let file: String
    /// The distinct values that are not missing tokens, in order of first appearance.
    private let distinct: [String]
    /// For each code - 1, whether its value is a missing token; nil when none is (the common
    /// case), so that a column of a million distinct values is not held twice.
    private let isToken: [Bool]?

    init(builder: ColumnBuilder, dialect: CSVDialect, file: String, missingTokens: Set<String>,
         declared entry: Codebook.Entry? = nil) {
        self.builder = builder
        self.dialect = dialect
        self.file = file
        let tokens = missingTokens.subtracting(entry?.levels.map(\.value) ?? [])
        let all = (0..<builder.dictionary.count).map { builder.dictionary.string(of: $0 + 1) }
        if !tokens.isEmpty, all.contains(where: tokens.contains) {
            isToken = all.map(tokens.contains)
            distinct = all.filter { !tokens.contains($0) }
        } else {
            isToken = nil
            distinct = all
        }
    }

    /// The distinct values by code - 1, each missing token as nil.
    private var values: [String?] {
        guard let isToken else { return distinct.map { Optional($0) } }
        var next = 0
        return isToken.map { token in
            if token { return nil }
            next += 1
            return distinct[next - 1]
        }
    }

    /// A table indexed by code (0 and each missing token give `missing`), from one converted
    /// value per entry of `distinct`, in order.
    private func byCode<T>(_ converted: [T], missing: T) -> [T] {
        guard let isToken else { return [missing] + converted }
        var out = [missing]
        out.reserveCapacity(isToken.count + 1)
        var next = 0
        for token in isToken {
            if token { out.append(missing) } else { out.append(converted[next]); next += 1 }
        }
        return out
    }

    /// The column's data: as the codebook entry declares, or as its values show.
    func data(declared entry: Codebook.Entry?) throws(DataError) -> ColumnData {
        guard let entry else { return inferred() }
        let name = "column \"\(builder.name)\""
        switch entry.type {
        case .integer:
            return .integer(builder.integers(byCode(try parse(NumberSyntax.integer, expected: "a whole number for \(name), as the codebook declares"), missing: Missing.integer)))
        case .decimal:
            let comma = dialect.decimalComma
            return .decimal(builder.gather(byCode(try parse({ NumberSyntax.decimal($0, decimalComma: comma) }, expected: "a number for \(name), as the codebook declares"), missing: Missing.decimal)))
        case .text:
            return .text(builder.gather([nil] + values))
        case .categorical, .ordinal:
            let levels = entry.levels.isEmpty ? sortedLevels() : entry.levels
            let allowed = levels.map(\.value).joined(separator: ", ")
            let codeOf = try parse({ value in levels.firstIndex { $0.value == value }.map { UInt32($0 + 1) } },
                                   expected: "one of the values the codebook lists for \(name): \(allowed)")
            let codes = builder.codes(mappedThrough: byCode(codeOf, missing: 0), levelCount: levels.count)
            return .categorical(CategoricalData(codes: codes, levels: levels, levelsSortedByValue: entry.levels.isEmpty),
                                ordered: entry.type == .ordinal)
        }
    }

    /// Converts each distinct value with `convert`, or fails at the first row that holds one it cannot.
    private func parse<T>(_ convert: (String) -> T?, expected: String) throws(DataError) -> [T] {
        var out: [T] = []
        out.reserveCapacity(builder.dictionary.count)
        var next = 0
        for i in 0..<builder.dictionary.count where isToken?[i] != true {
            let text = distinct[next]
            next += 1
            guard let value = convert(text) else {
                let at = DataPosition(file: file, line: builder.dictionary.firstLine[i], field: builder.index + 1)
                throw DataError(at, "expected \(expected), but found \"\(text)\"")
            }
            out.append(value)
        }
        return out
    }

    private func inferred() -> ColumnData {
        let present = distinct
        if !present.isEmpty {
            if let ints = Self.convertingAll(present, NumberSyntax.integer) {
                return .integer(builder.integers(byCode(ints, missing: Missing.integer)))
            }
            let comma = dialect.decimalComma
            if let decimals = Self.convertingAll(present, { NumberSyntax.decimal($0, decimalComma: comma) }) {
                return .decimal(builder.gather(byCode(decimals, missing: Missing.decimal)))
            }
        }
        if present.count > CSVReader.maximumInferredCategories && present.count * 2 > builder.rowCount {
            return .text(builder.gather([nil] + values))
        }
        // Codes were handed out in order of first appearance; renumber them in sorted order.
        let order = present.indices.sorted { present[$0] < present[$1] }
        var rankOf = [UInt32](repeating: 0, count: present.count)
        for (rank, old) in order.enumerated() { rankOf[old] = UInt32(rank + 1) }
        let newCode = byCode(rankOf, missing: 0)
        let levels = order.map { Level(value: present[$0]) }
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
