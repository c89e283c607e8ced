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
    /// With `poll`, the passes over the rows are polled; a stopped read is unfinished and the
    /// caller throws with `poll.check`.
    init(_ column: Column, frame: Frame, allLevels: Bool, missingShown: Bool, poll: CancelPoll? = nil) {
        let data = frame.data(of: column)
        let rowCount = frame.rowCount
        var labels: [Localized] = []
        var index: [Int?] = []
        switch data {
        case .categorical(let c, _):
            var used = [Bool](repeating: allLevels, count: c.levels.count + 1)
            CancelPoll.blocks(poll, 0..<rowCount) { for row in $0 { used[c.codes[row]] = true } }
            var position = [Int?](repeating: nil, count: c.levels.count + 1)
            for (k, level) in c.levels.enumerated() where used[k + 1] {
                position[k + 1] = labels.count
                labels.append(level.label ?? Localized(level.value))
            }
            index = CancelPoll.array(poll, rowCount) { position[c.codes[$0]] }
        case .integer, .decimal:
            let numbers = CancelPoll.array(poll, rowCount) { data.number(at: $0) }
            var seen = Set<Double>()
            CancelPoll.blocks(poll, 0..<rowCount) { for row in $0 { if let v = numbers[row] { seen.insert(v) } } }
            let distinct = Array(seen).sorted()
            labels = distinct.map { Localized(NumberFormat.plain($0)) }
            let position = Dictionary(uniqueKeysWithValues: distinct.enumerated().map { ($1, $0) })
            index = CancelPoll.array(poll, rowCount) { numbers[$0].flatMap { position[$0] } }
        case .text(let texts):
            var seen = Set<String>()
            CancelPoll.blocks(poll, 0..<rowCount) { for row in $0 { if let v = texts[row] { seen.insert(v) } } }
            let distinct = Array(seen).sorted()
            labels = distinct.map { Localized($0) }
            let position = Dictionary(uniqueKeysWithValues: distinct.enumerated().map { ($1, $0) })
            index = CancelPoll.array(poll, rowCount) { texts[$0].flatMap { position[$0] } }
        }
        if missingShown, index.contains(where: { $0 == nil }) {
            let k = labels.count
            labels.append(ChartCategories.missingLabel)
            let shown = index
            index = CancelPoll.array(poll, rowCount) { shown[$0] ?? k }
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
    init(frame: Frame, excluding named: [String], poll: CancelPoll? = nil) {
        if !named.contains("n"), let column = frame.table.column(named: "n"), case .integer = column.data {
            let data = frame.data(of: column)
            weights = CancelPoll.array(poll, frame.rowCount) { data.number(at: $0) ?? 0 }
            self.column = "n"
        } else {
            weights = CancelPoll.array(poll, frame.rowCount) { _ in 1 }
            column = nil
        }
    }

    /// Counts per category of `categories`, weighted; rows without a category are left out.
    func counts(_ categories: ChartCategories, poll: CancelPoll? = nil) -> [Double] {
        var result = [Double](repeating: 0, count: categories.count)
        CancelPoll.blocks(poll, categories.index.indices) { block in
            for row in block { if let k = categories.index[row] { result[k] += weights[row] } }
        }
        return result
    }

    /// Counts per cell of `rows` × `columns`, weighted.
    func counts(_ rows: ChartCategories, by columns: ChartCategories, poll: CancelPoll? = nil) -> [[Double]] {
        var result = [[Double]](repeating: [Double](repeating: 0, count: columns.count), count: rows.count)
        CancelPoll.blocks(poll, rows.index.indices) { block in
            for row in block {
                if let r = rows.index[row], let c = columns.index[row] { result[r][c] += weights[row] }
            }
        }
        return result
    }

    /// The weighted number of rows whose category is missing (not shown) in `categories`.
    func missing(_ categories: ChartCategories) -> Int {
        Int(zip(categories.index, weights).filter { $0.0 == nil }.map(\.1).reduce(0, +))
    }
}
