import ArvioData

/// A column read as the categories of a chart: the categories in order, and which one each
/// row of the frame falls in. Categorical and ordinal columns keep codebook (scale) order;
/// text and numbers are ordered by value. Missing values are a category of their own at the
/// end when `missingShown`, otherwise rows without a category.
struct ChartCategories {
    /// The categories' labels, in both languages.
    var labels: [Localized]
    /// The category of each frame row; nil for a missing value that is not shown.
    var index: [Int?]

    /// How many categories there are.
    var count: Int { labels.count }

    /// The label of the category for missing values.
    static let missingLabel = Localized(en: "missing", fi: "puuttuu")

    /// Reads `column` over `frame`'s rows. `allLevels` keeps the levels of a categorical
    /// column that no row has (the points of a scale); otherwise only the values that occur.
    init(_ column: Column, frame: Frame, allLevels: Bool, missingShown: Bool) {
        let data = frame.data(of: column)
        let rowCount = frame.rowCount
        var labels: [Localized] = []
        var index: [Int?] = []
        switch data {
        case .categorical(let c, _):
            var used = [Bool](repeating: allLevels, count: c.levels.count + 1)
            for row in 0..<rowCount { used[c.codes[row]] = true }
            var position = [Int?](repeating: nil, count: c.levels.count + 1)
            for (k, level) in c.levels.enumerated() where used[k + 1] {
                position[k + 1] = labels.count
                labels.append(level.label ?? Localized(level.value))
            }
            index = (0..<rowCount).map { position[c.codes[$0]] }
        case .integer, .decimal:
            let numbers = (0..<rowCount).map { data.number(at: $0) }
            let distinct = Array(Set(numbers.compactMap { $0 })).sorted()
            labels = distinct.map { Localized(NumberFormat.plain($0)) }
            let position = Dictionary(uniqueKeysWithValues: distinct.enumerated().map { ($1, $0) })
            index = numbers.map { $0.flatMap { position[$0] } }
        case .text(let values):
            let texts = values
            let distinct = Array(Set(texts.compactMap { $0 })).sorted()
            labels = distinct.map { Localized($0) }
            let position = Dictionary(uniqueKeysWithValues: distinct.enumerated().map { ($1, $0) })
            index = texts.map { $0.flatMap { position[$0] } }
        }
        if missingShown, index.contains(where: { $0 == nil }) {
            let k = labels.count
            labels.append(ChartCategories.missingLabel)
            index = index.map { $0 ?? k }
        }
        self.labels = labels
        self.index = index
    }

}

/// How much each row of a frame counts: 1, or the value of its count column `n` when the
/// table is already counted (the output of `count by`), so a chart of counts draws the same
/// as a chart of the rows they came from.
struct ChartWeights {
    /// The weight of each frame row.
    var weights: [Double]
    /// The name of the column the weights came from, if any.
    var column: String?
    /// The largest count a row may carry.
    static let largest = 1e9

    /// The weights of `frame`'s rows; `n` is used unless the chart names it itself.
    init(frame: Frame, excluding named: [String]) {
        if !named.contains("n"), let column = frame.table.column(named: "n"), case .integer = column.data {
            let data = frame.data(of: column)
            weights = (0..<frame.rowCount).map { data.number(at: $0) ?? 0 }
            self.column = "n"
        } else {
            weights = [Double](repeating: 1, count: frame.rowCount)
            column = nil
        }
    }

    /// Counts per category of `categories`, weighted; rows without a category are left out.
    func counts(_ categories: ChartCategories) -> [Double] {
        var result = [Double](repeating: 0, count: categories.count)
        for (row, k) in categories.index.enumerated() { if let k { result[k] += weights[row] } }
        return result
    }

    /// Counts per cell of `rows` × `columns`, weighted.
    func counts(_ rows: ChartCategories, by columns: ChartCategories) -> [[Double]] {
        var result = [[Double]](repeating: [Double](repeating: 0, count: columns.count), count: rows.count)
        for row in rows.index.indices {
            if let r = rows.index[row], let c = columns.index[row] { result[r][c] += weights[row] }
        }
        return result
    }

    /// The weighted number of rows whose category is missing (not shown) in `categories`.
    func missing(_ categories: ChartCategories) -> Int {
        Int(zip(categories.index, weights).filter { $0.0 == nil }.map(\.1).reduce(0, +))
    }
}
