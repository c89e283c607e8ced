/// The check that a table's declared key identifies each row: no two rows share the key's
/// values, and no row lacks one.
extension Table {
    /// Throws, at the codebook entry `position`, if the key columns leave a row unidentified.
    func checkKeyIsUnique(file: String, position: DataPosition) throws(DataError) {
        let columns = key.compactMap { column(named: $0) }
        guard !columns.isEmpty, columns.count == key.count else { return }
        let names = key.joined(separator: ", ")
        var firstRow: [[KeyPart]: Int] = [:]
        firstRow.reserveCapacity(rowCount)
        for row in 0..<rowCount {
            var parts: [KeyPart] = []
            for column in columns {
                guard !column.data.isMissing(row) else {
                    throw DataError(position, "row \(row + 1) of \(file) has no \(column.name), which is part of the key the codebook declares for \(name) (\(names))")
                }
                parts.append(KeyPart(column.data, row: row))
            }
            if let first = firstRow.updateValue(row, forKey: parts) {
                let values = parts.map(\.description).joined(separator: ", ")
                throw DataError(position, "rows \(first + 1) and \(row + 1) of \(file) have the same key \(names) = \(values), but the codebook declares it identifies each row of \(name)")
            }
        }
    }
}

/// One column's value in a row, as a key compares it.
private enum KeyPart: Hashable, CustomStringConvertible {
    case integer(Int64)
    case decimal(Double)
    case text(String)

    init(_ data: ColumnData, row: Int) {
        switch data {
        case .integer(let v): self = .integer(v[row])
        case .decimal(let v): self = .decimal(v[row])
        case .text(let v): self = .text(v[row] ?? "")
        case .categorical(let c, _): self = .text(c.level(at: row)?.value ?? "")
        }
    }

    var description: String {
        switch self {
        case .integer(let v): String(v)
        case .decimal(let v): String(v)
        case .text(let s): s
        }
    }
}
