/// Missing codes in a codebook: the CSV holds the codes (`9`), and the codebook says they mean
/// missing, so a table saved with `.missing` or SPSS codes loads back with its reasons.
extension Codebook {
    /// The codebook the CSV reader reads the data with: a category column's missing codes are
    /// among its values, so rows holding them read, and `applyingMissingCodes` then moves them out.
    public var readingMissingCodes: Codebook {
        var book = self
        book.entries = entries.map { entry in
            guard !entry.missing.isEmpty, entry.type.isCoded, !entry.levels.isEmpty else { return entry }
            var reading = entry
            reading.levels += entry.missing.map { Level(value: $0.code, number: entry.type == .ordinal ? Double($0.code) : nil) }
            return reading
        }
        return book
    }
}

extension Table {
    /// The table with the missing codes `codebook` declares for its columns made missing values with their reasons.
    public func applyingMissingCodes(of codebook: Codebook, file: String) throws(DataError) -> Table {
        var table = self
        for entry in codebook.entries(for: name) where !entry.missing.isEmpty {
            guard let index = columnIndex(named: entry.column) else { continue }
            var column = columns[index]
            // Only codes the column holds can be moved out of a category column; the others are kept for writing.
            let present: [MissingReasons.Reason]
            if case .categorical(let c, _) = column.data {
                present = entry.missing.filter { r in c.levels.contains { $0.value == r.code } }
            } else {
                present = entry.missing
            }
            do {
                if !present.isEmpty {
                    column = try column.declaringMissing(present.map { ($0.code, nil) }).0
                }
            } catch {
                throw DataError(entry.position, "the missing codes of \(entry.column): \(error.message)")
            }
            // The reasons in the codebook's order, with its labels, every code listed even when unused.
            let used = column.missingReasons
            let codes = (0..<column.count).map { row -> UInt32 in
                guard let code = used?.reason(at: row)?.code else { return 0 }
                return UInt32((entry.missing.firstIndex { $0.code == code } ?? 0) + 1)
            }
            column.missingReasons = MissingReasons(reasons: entry.missing, codes: Codes(codes, levelCount: entry.missing.count))
            table.columns[index] = column
        }
        return table
    }
}
