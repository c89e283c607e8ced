/// Collects one column's cells while a CSV file is read: each cell becomes a dictionary code,
/// so the type can be decided once from the distinct values, without a second pass.
struct ColumnBuilder {
    let name: String
    let index: Int
    var dictionary = ByteDictionary()
    /// Row codes, 1-based into `dictionary`; 0 is an empty (missing) cell.
    var codes: [UInt32] = []

    init(name: String, index: Int) {
        self.name = name
        self.index = index
    }

    mutating func append<C: Collection>(_ cell: C, row: Int) where C.Element == UInt8 {
        codes.append(cell.isEmpty ? 0 : dictionary.code(for: cell, row: row))
    }

    /// Maps every row through `values` (indexed by code, 0 = missing).
    func gather<T>(_ values: [T]) -> [T] {
        codes.map { values[Int($0)] }
    }
}

/// Reads numbers the way survey files write them.
enum NumberSyntax {
    /// The whole number in `text`, if it is one (optional sign, digits, surrounding spaces).
    static func integer(_ text: String) -> Int64? {
        Int64(text.trimmed)
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
