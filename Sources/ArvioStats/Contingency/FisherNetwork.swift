import Foundation

/// The exact Fisher–Freeman–Halton p-value by a network algorithm in the spirit of Mehta and
/// Patel (1983): tables are built a column at a time, a node is the multiset of row totals still
/// to be filled, and paths reaching a node with the same probability so far are merged.
///
/// At each node, bounds on the most and least probable completion decide whole subtrees at once:
/// when every completion is at most as probable as the observed table, the node contributes its
/// closed-form total; when none is, it is dropped. Nodes with two columns left list their
/// completions once, sorted, so each path into them costs a binary search.
struct FisherNetwork {
    /// A node: the remaining row totals, sorted, since permuting rows changes no probability.
    private typealias Node = [Int]
    /// A set of partial tables reaching a node with the same log weight.
    private typealias Path = (logWeight: Double, paths: Double)
    /// Paths into a node, keyed by their quantised log weight so equal weights merge.
    private typealias Paths = [Int64: Path]

    private let rows: [Int]
    private let columns: [Int]
    private let logFactorial: [Double]
    /// Work done so far, in (path, column vector) pairs and listed completions.
    private(set) var workDone = 0
    private let workLimit: Int
    /// Partial paths and listed completions held now, against `memoryLimit`.
    private var stored = 0
    private let memoryLimit: Int
    private let isCancelled: (@Sendable () -> Bool)?
    /// The `workDone` at which cancellation is next looked at.
    private var nextPoll = 0
    private var completionCache: [Node: Completions] = [:]

    /// Prepares the network for `table`, putting the larger dimension along the columns.
    init(_ table: ContingencyTable, workLimit: Int, memoryLimit: Int = .max, isCancelled: (@Sendable () -> Bool)? = nil) {
        let reduced = table.droppingEmptyMargins()
        let rowsFirst = reduced.rowCount <= reduced.columnCount
        rows = (rowsFirst ? reduced.rowTotals : reduced.columnTotals).sorted()
        // Small columns first: the last two (largest) are handled by the sorted completion lists.
        columns = (rowsFirst ? reduced.columnTotals : reduced.rowTotals).sorted()
        logFactorial = Self.logFactorials(upTo: reduced.total)
        self.workLimit = workLimit
        self.memoryLimit = memoryLimit
        self.isCancelled = isCancelled
    }

    /// Whether the budget is spent; throws once the user has cancelled (looked at every 2^16 steps).
    private mutating func overBudget() throws -> Bool {
        if workDone >= nextPoll {
            nextPoll = workDone + 65_536
            if let isCancelled, isCancelled() { throw StatsError.cancelled }
        }
        return workDone > workLimit || stored > memoryLimit
    }

    /// The number of column vectors of `total` under the caps `rows`, saturating at `limit`:
    /// the first level of the network has that many nodes, so past the work limit it cannot finish.
    private static func vectorCount(_ total: Int, caps: [Int], limit: Int) -> Int {
        var ways = [Int](repeating: 0, count: total + 1)
        ways[0] = 1
        for cap in caps {
            var next = [Int](repeating: 0, count: total + 1)
            var window = 0
            for t in 0...total {
                window = min(limit, window + ways[t])
                if t - cap - 1 >= 0 { window -= ways[t - cap - 1] }
                next[t] = window
            }
            ways = next
        }
        return ways[total]
    }

    /// ln(k!) for k = 0...n, by summing logs so integer arguments are as exact as they can be.
    static func logFactorials(upTo n: Int) -> [Double] {
        var table = [Double](repeating: 0, count: n + 1)
        for k in stride(from: 2, through: n, by: 1) { table[k] = table[k - 1] + log(Double(k)) }
        return table
    }

    /// Σ P(table) over tables with P ≤ P(observed)(1 + 1e-7), R's tolerance; nil past the work limit.
    ///
    /// Weights are -Σ ln x_ij!; a table's probability is exp(weight + log constant).
    /// Throws `StatsError.cancelled` when `isCancelled` says so.
    mutating func pValue(observedLogWeight: Double) throws -> Double? {
        let n = rows.reduce(0, +)
        let logConstant = rows.reduce(0) { $0 + logFactorial[$1] } + columns.reduce(0) { $0 + logFactorial[$1] }
            - logFactorial[n]
        let threshold = observedLogWeight + log1p(1e-7)
        var p = 0.0
        guard columns.count > 2 else {
            guard let mass = try completions(of: rows)?.mass(atMost: threshold) else { return nil }
            return min(1, exp(mass.logScale + logConstant) * mass.sum)
        }
        // The first level alone lists every vector of the first column, and the second at most
        // that many paths times the second column's vectors: an estimate a hundred times the
        // budget (caith: ~1e12 against 1e9) goes to Monte Carlo at once rather than after the budget.
        let first = Self.vectorCount(columns[0], caps: rows, limit: workLimit + 1)
        if first > workLimit { return nil }
        if columns.count > 3 {
            let second = Self.vectorCount(columns[1], caps: rows, limit: 100 * workLimit + 1)
            if first.multipliedReportingOverflow(by: second).overflow || first * second > 100 * workLimit { return nil }
        }
        var level: [Node: Paths] = [rows: [0: (0, 1)]]
        for k in 0..<(columns.count - 2) {
            let intoLastTwo = k == columns.count - 3
            var next: [Node: Paths] = [:]
            stored = level.reduce(0) { $0 + $1.value.count } + completionCache.reduce(0) { $0 + $1.value.count }
            for (node, paths) in level {
                if try overBudget() { return nil }
                let (most, least) = bounds(node, from: k)
                let total = logTotal(node, from: k)
                var pending: [Path] = []
                for (_, path) in paths {
                    if path.logWeight + most <= threshold {
                        p += path.paths * exp(path.logWeight + total + logConstant)
                    } else if path.logWeight + least <= threshold {
                        pending.append(path)
                    }
                }
                guard !pending.isEmpty else { continue }
                var failure: Error?
                forEachColumn(of: node, total: columns[k]) { cell, step in
                    workDone += pending.count
                    let child = child(of: node, after: cell)
                    if intoLastTwo {
                        let found: Completions?
                        do { found = try completions(of: child) } catch { failure = error; return false }
                        guard let list = found else { return false }
                        for path in pending {
                            let mass = list.mass(atMost: threshold - path.logWeight - step)
                            p += path.paths * exp(path.logWeight + step + mass.logScale + logConstant) * mass.sum
                        }
                    } else {
                        var paths = next.removeValue(forKey: child) ?? [:]
                        let before = paths.count
                        for path in pending {
                            let logWeight = path.logWeight + step
                            paths[Int64((logWeight * 1e9).rounded()), default: (logWeight, 0)].paths += path.paths
                        }
                        stored += paths.count - before
                        next[child] = paths
                    }
                    do { return try !overBudget() } catch { failure = error; return false }
                }
                if let failure { throw failure }
                if try overBudget() { return nil }
            }
            level = next
        }
        return min(1, p)
    }

    /// Calls `body` with each column vector x, Σ x = `total`, x_i ≤ node_i, and its log weight
    /// -Σ ln x_i!, until `body` returns false (the work budget is spent).
    private func forEachColumn(of node: Node, total: Int, _ body: ([Int], Double) -> Bool) {
        var cell = [Int](repeating: 0, count: node.count)
        var suffixCapacity = [Int](repeating: 0, count: node.count + 1)
        for i in stride(from: node.count - 1, through: 0, by: -1) { suffixCapacity[i] = suffixCapacity[i + 1] + node[i] }
        func place(_ i: Int, _ left: Int, _ weight: Double) -> Bool {
            let low = max(0, left - suffixCapacity[i + 1]), high = min(node[i], left)
            guard low <= high else { return true }
            for x in low...high {
                cell[i] = x
                let going = i < node.count - 1
                    ? place(i + 1, left - x, weight - logFactorial[x])
                    : body(cell, weight - logFactorial[x])
                if !going { return false }
            }
            return true
        }
        _ = place(0, total, 0)
    }

    /// The node reached from `node` by filling the column `cell`.
    private func child(of node: Node, after cell: [Int]) -> Node {
        var child = node
        for r in child.indices { child[r] -= cell[r] }
        child.sort()
        return child
    }

    /// The completions of a node with two columns left, listed and sorted once; nil past the budget.
    private mutating func completions(of node: Node) throws -> Completions? {
        if let cached = completionCache[node] { return cached }
        if try overBudget() { return nil }
        var weights: [Double] = []
        let budget = min(workLimit - workDone, memoryLimit - stored)
        forEachColumn(of: node, total: columns[columns.count - 2]) { cell, step in
            var weight = step
            for r in node.indices { weight -= logFactorial[node[r] - cell[r]] }
            weights.append(weight)
            return weights.count <= budget
        }
        workDone += weights.count
        stored += weights.count
        guard try !overBudget() else { return nil }
        let list = Completions(weights: weights)
        completionCache[node] = list
        return list
    }

    /// ln Σ over completions of Π 1/x_ij! = ln(N! / (Π R_i! Π c_j!)), N the cells left.
    private func logTotal(_ node: Node, from k: Int) -> Double {
        let left = node.reduce(0, +)
        return logFactorial[left] - node.reduce(0) { $0 + logFactorial[$1] }
            - columns[k...].reduce(0) { $0 + logFactorial[$1] }
    }

    /// Upper and lower bounds on the log weight of any completion of `node` by columns k....
    ///
    /// Two relaxations, each dropping one set of margins: filling each column on its own with
    /// the row totals as caps, and each row on its own with the column totals as caps. Within a
    /// relaxation, spreading evenly maximises Π 1/x! and piling into the largest caps minimises
    /// it (those vectors are majorised by, or majorise, every other); the tighter of the two
    /// relaxations is kept.
    private func bounds(_ node: Node, from k: Int) -> (most: Double, least: Double) {
        let remaining = Array(columns[k...])
        var byColumn = (most: 0.0, least: 0.0), byRow = (most: 0.0, least: 0.0)
        for column in remaining {
            byColumn.most += evenSpread(column, ascendingCaps: node)
            byColumn.least += piledUp(column, ascendingCaps: node)
        }
        for row in node {
            byRow.most += evenSpread(row, ascendingCaps: remaining)
            byRow.least += piledUp(row, ascendingCaps: remaining)
        }
        return (min(byColumn.most, byRow.most), max(byColumn.least, byRow.least))
    }

    /// -Σ ln x_i! for `total` spread as evenly as the caps allow.
    private func evenSpread(_ total: Int, ascendingCaps caps: [Int]) -> Double {
        var left = total, weight = 0.0
        for (index, cap) in caps.enumerated() {
            // Caps ascend, so once a cell takes its share the later cells can absorb the rest.
            let x = min(cap, left / (caps.count - index))
            weight -= logFactorial[x]
            left -= x
        }
        return weight
    }

    /// -Σ ln x_i! for `total` piled into the largest caps first.
    private func piledUp(_ total: Int, ascendingCaps caps: [Int]) -> Double {
        var left = total, weight = 0.0
        for cap in caps.reversed() where left > 0 {
            let x = min(cap, left)
            weight -= logFactorial[x]
            left -= x
        }
        return weight
    }
}

/// The sorted log weights of a node's completions, with prefix sums of their (scaled) weights.
private struct Completions {
    /// How many completions there are.
    var count: Int { weights.count }
    private let weights: [Double]
    private let prefix: [Double]
    private let top: Double

    init(weights unsorted: [Double]) {
        weights = unsorted.sorted()
        top = weights.last ?? 0
        var prefix = [Double](repeating: 0, count: weights.count + 1)
        for (index, weight) in weights.enumerated() { prefix[index + 1] = prefix[index] + exp(weight - top) }
        self.prefix = prefix
    }

    /// Σ exp(w) over completions with w ≤ limit, as `exp(logScale) * sum` so it cannot underflow.
    func mass(atMost limit: Double) -> (sum: Double, logScale: Double) {
        var low = 0, high = weights.count
        while low < high {
            let middle = (low + high) / 2
            if weights[middle] <= limit { low = middle + 1 } else { high = middle }
        }
        return (prefix[low], top)
    }
}
