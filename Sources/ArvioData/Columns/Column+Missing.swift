/// Declaring missing codes on a loaded column, as SPSS's MISSING VALUES does: the rows holding
/// a code become missing values that keep the code and its reason, for `freq` to count.
extension Column {
    /// Why missing codes cannot be declared.
    public struct MissingError: Error, Sendable {
        /// What is wrong, in plain words.
        public var message: String
    }

    /// The column with each of `codes` (a value as it is in the data, or a category's label)
    /// declared missing for its reason (nil: the code is its own reason), and how many rows each
    /// code made missing. Codes declared before keep their rows; declaring one again changes its reason.
    public func declaringMissing(_ codes: [(code: String, reason: String?)]) throws(MissingError) -> (Column, [Int]) {
        guard !codes.isEmpty else { throw MissingError(message: "name the values that mean missing, as in 9 as \"ei vastausta\"") }
        var reasons = missingReasons?.reasons ?? []
        var rowReason = missingReasons?.codes.widened ?? [UInt32](repeating: 0, count: count)
        var next = self
        var counts: [Int] = []
        for (code, reason) in codes {
            let label = reason.map { Localized($0) }
            var index: Int
            if let existing = reasons.firstIndex(where: { $0.code == code }) {
                index = existing
                if label != nil { reasons[existing].label = label }
            } else {
                reasons.append(MissingReasons.Reason(code: code, label: label, number: Double(code)))
                index = reasons.count - 1
            }
            let marked = UInt32(index + 1)
            var n = 0
            switch next.data {
            case .integer(let stored):
                var v = stored.widened
                guard let x = Int64(code) else {
                    throw MissingError(message: "\(name) holds whole numbers, and \"\(code)\" is not one")
                }
                for row in v.indices where v[row] == x { v[row] = Missing.integer; rowReason[row] = marked; n += 1 }
                next.data = .integer(IntegerValues(v, width: stored.width))
            case .decimal(var v):
                guard let x = Double(code) else {
                    throw MissingError(message: "\(name) holds numbers, and \"\(code)\" is not one")
                }
                for row in v.indices where v[row] == x { v[row] = Missing.decimal; rowReason[row] = marked; n += 1 }
                next.data = .decimal(v)
            case .text(var v):
                for row in v.indices where v[row] == code { v[row] = nil; rowReason[row] = marked; n += 1 }
                next.data = .text(v)
            case .categorical(let c, let ordered):
                // A code may name a category by its value or its label; the category leaves the levels.
                guard let k = c.code(matching: code) else {
                    // The categories are known, so a code that is none of them is a slip, not a code for later.
                    let folded = code.lowercased()
                    let near = c.levels.first { $0.value.lowercased() == folded }.map { "; did you mean \"\($0.value)\"?" } ?? ""
                    let values = c.levels.prefix(8).map { "\"\($0.value)\"" }.joined(separator: ", ") + (c.levels.count > 8 ? ", …" : "")
                    throw MissingError(message: "\(name) has no value \"\(code)\" (its values are \(values))\(near)")
                }
                let level = c.levels[k - 1]
                reasons[index].code = level.value
                reasons[index].number = level.number ?? Double(level.value)
                if reasons[index].label == nil { reasons[index].label = level.label }
                var codes = c.codes.widened
                for row in codes.indices {
                    if codes[row] == UInt32(k) { codes[row] = 0; rowReason[row] = marked; n += 1 }
                    else if codes[row] > UInt32(k) { codes[row] -= 1 }
                }
                var levels = c.levels
                levels.remove(at: k - 1)
                next.data = .categorical(CategoricalData(codes: Codes(codes, levelCount: levels.count), levels: levels,
                                                         scale: c.scale, levelsSortedByValue: c.levelsSortedByValue),
                                         ordered: ordered)
            }
            counts.append(n)
        }
        next.missingReasons = MissingReasons(reasons: reasons, codes: Codes(rowReason, levelCount: reasons.count),
                                             ranges: missingReasons?.ranges ?? [])
        return (next, counts)
    }
}
