/// Labelling a loaded column's values in the shell, as a codebook's `labels_fi` and `labels_en`
/// would: answers stored as numbers (1–5) get the words the questionnaire gave them.
extension Column {
    /// Why labels cannot be given.
    public struct LabelError: Error, Sendable {
        /// What is wrong, in plain words.
        public var message: String
    }

    /// The column with `labels` (a value as it is in the data, its Finnish label and its English
    /// one, the Finnish when nil) on its values. Whole numbers become a scale of their values,
    /// each standing for its number, so `where q2 >= 4` and `describe` still work; categories and
    /// scales keep their order. A value that is not in the column is an error.
    public func labelling(_ labels: [(value: String, fi: String, en: String?)]) throws(LabelError) -> Column {
        var next = self
        var data: CategoricalData
        var ordered = false
        switch self.data {
        case .categorical(let c, let o):
            data = c
            ordered = o
        case .integer(let v):
            let values = Set(v.filter { !Missing.isMissing($0) }).sorted()
            var index: [Int64: UInt32] = [:]
            for (i, x) in values.enumerated() { index[x] = UInt32(i + 1) }
            data = CategoricalData(codes: Codes(v.map { Missing.isMissing($0) ? 0 : index[$0]! }, levelCount: values.count),
                                   levels: values.map { Level(value: String($0), number: Double($0)) })
            // Numbers are ordered, so the labelled numbers are a scale of themselves.
            ordered = true
        case .decimal, .text:
            throw LabelError(message: "\(name) is \(type.rawValue); labels are given to categories, a scale or whole numbers")
        }
        for (value, fi, en) in labels {
            guard let k = data.levels.firstIndex(where: { $0.value == value }) else {
                let values = data.levels.prefix(8).map(\.value).joined(separator: ", ") + (data.levels.count > 8 ? ", …" : "")
                throw LabelError(message: "\(name) has no value \"\(value)\" (its values are \(values))")
            }
            data.levels[k].label = Localized(en: en ?? fi, fi: fi)
        }
        next.data = .categorical(data, ordered: ordered)
        return next
    }
}
