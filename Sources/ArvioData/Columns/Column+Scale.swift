/// Declaring a scale on a loaded column: its answers become the points of an ordinal scale in
/// the order a person names them, as a codebook's `ordinal` row would make them.
extension Column {
    /// Why a scale cannot be declared: the message, and which of the named points it is about.
    public struct ScaleError: Error, Sendable {
        /// What is wrong, in plain words.
        public var message: String
        /// The index of the named point at fault, if one is.
        public var point: Int?
    }

    /// The column as an ordinal scale of `points`, low to high. A point names a value as it is
    /// in the data, or a category's label; every value in the data must be one of them.
    /// Points that are numbers stand for those numbers, as in a codebook.
    public func declaringScale(_ points: [String]) throws(ScaleError) -> Column {
        let raw: [String?]
        var labels: [String: Localized] = [:]
        var known: [Level] = []
        switch data {
        case .text(let v): raw = v
        case .integer(let v): raw = v.map { Missing.isMissing($0) ? nil : String($0) }
        case .categorical(let c, _):
            raw = (0..<c.codes.count).map { c.level(at: $0)?.value }
            known = c.levels
            for level in c.levels { labels[level.value] = level.label }
        case .decimal:
            throw ScaleError(message: "\(name) holds decimals; a scale is declared on answers written as text, categories or whole numbers", point: nil)
        }
        guard points.count >= 2 else {
            throw ScaleError(message: "a scale has at least two points, low to high, separated by <", point: nil)
        }
        // A point may be a category's label (in either language) instead of its value.
        var values: [String] = []
        for (i, point) in points.enumerated() {
            let folded = point.lowercased()
            let value = known.first { $0.value == point }?.value
                ?? known.first { $0.label?.en.lowercased() == folded || $0.label?.fi.lowercased() == folded }?.value
                ?? point
            if let first = values.firstIndex(of: value) {
                throw ScaleError(message: "\"\(point)\" is on the scale twice (point \(first + 1) and point \(i + 1))", point: i)
            }
            values.append(value)
        }
        var codeOf: [String: UInt32] = [:]
        for (i, value) in values.enumerated() { codeOf[value] = UInt32(i + 1) }
        var unknown: [String: Int] = [:]
        var order: [String] = []
        let codes = raw.map { value -> UInt32 in
            guard let value else { return 0 }
            if let code = codeOf[value] { return code }
            if unknown[value] == nil { order.append(value) }
            unknown[value, default: 0] += 1
            return 0
        }
        if !order.isEmpty {
            let listed = order.prefix(5).map { "\"\($0)\" (\(unknown[$0]!) \(unknown[$0]! == 1 ? "row" : "rows"))" }
            let more = order.count > 5 ? " and \(order.count - 5) more" : ""
            throw ScaleError(message: "\(name) holds \(listed.joined(separator: ", "))\(more), not on the scale \(points.joined(separator: " < ")); name every answer on the scale, or declare it missing with .missing", point: nil)
        }
        let levels = values.map { Level(value: $0, label: labels[$0], number: Double($0)) }
        var declared = self
        declared.data = .categorical(CategoricalData(codes: Codes(codes, levelCount: levels.count), levels: levels), ordered: true)
        return declared
    }
}
