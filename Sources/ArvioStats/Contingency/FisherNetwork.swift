import Foundation

/// The exact Fisher–Freeman–Halton p-value by Mehta and Patel's network algorithm (1983; FEXACT,
/// 1986), met in the middle.
///
/// Tables are built a column at a time, smallest column first, along the smaller dimension. A
/// node is the multiset of row totals still to fill (rows sorted, since permuting rows changes no
/// probability), and partial tables reaching a node with the same log weight are merged (past-path
/// hashing). The last K columns are not walked: for each node entering them the log weights of all
/// completions are listed once, sorted, with prefix sums, so a path costs a binary search. K is 2,
/// or more while those lists stay short (a 2×c table lists three or more columns at once).
///
/// Whole subtrees are settled by bounds on the most and least probable completion of a node (the
/// longest and shortest path): when even the most probable completion is no more probable than the
/// observed table, the node's closed-form total is added; when even the least probable is more
/// probable, the path is dropped. Before the lists the bounds are relaxations (columns filled
/// independently of each other, rows likewise); at the lists they are exact — for two columns left
/// the longest path by exchange (the weight is separable and concave) and the shortest at a vertex
/// of the polytope of completions, so most nodes never need their list.
struct FisherNetwork {
    /// Why the network stopped without an answer.
    enum Stop: Sendable, Equatable {
        /// The CPU-time budget, in seconds, was spent.
        case time(Double)
        /// The estimated memory, in bytes, would have passed the budget.
        case memory(Int)
        /// The steps budget (tests) was spent.
        case work(Int)
        /// Estimated at the start to need far more than the budget (or rows too many to key).
        case tooLarge
    }

    private let rows: [Int]
    private let columns: [Int]
    private let logFactorial: [Double]
    /// Trailing columns handled by sorted completion lists.
    private let listed: Int
    private let bitsPerRow: Int

    private let workLimit: Int
    private let memoryLimit: Int
    private let deadline: UInt64
    private let timeLimit: Double
    private let isCancelled: (@Sendable () -> Bool)?
    /// Steps done: a path through an edge, or a listed completion.
    private(set) var workDone = 0
    private var nextPoll = 0
    /// Estimated bytes held now by paths, nodes and lists.
    private var bytes = 0
    private(set) var stop: Stop?

    /// Summaries of nodes entering the listed columns, by packed node.
    private var summaries = SummaryTable()
    private var lists: [Key: Completions] = [:]
    /// Paths whose completions were summed without a list, by node: past `fewPaths`, a list is built.
    private var asked: [Key: Int] = [:]
    private var listBytes = 0

    /// Steps between looks at the clock and the cancel flag: a step is a few to a hundred
    /// nanoseconds, so this is well under a millisecond.
    private static let pollEvery = 4_096
    /// Bytes counted per stored path, per listed completion and per node summary (estimates of
    /// the dictionary and array costs, measured on a 64-bit build).
    private static let pathBytes = 64, entryBytes = 16, summaryBytes = 96
    /// Edges per second assumed by the start-up estimate, above what a release build manages
    /// (1–2·10⁷), and the factor by which the estimate may pass the budget before the network is
    /// not tried at all: together some 25 to 50 times the budget.
    private static let stepsPerSecond = 5e7, hopeless = 10.0
    /// Paths into a two-column node summed one by one (`twoColumnMass`) before its list is built.
    private static let fewPaths = 4
    /// The longest completion list K > 2 may produce per node.
    private static let longestList = 1 << 17

    /// Prepares the network for `table` (empty margins dropped), with the budgets.
    init(_ table: ContingencyTable, workLimit: Int = .max, memoryLimit: Int, timeLimit: Double,
         isCancelled: (@Sendable () -> Bool)? = nil) {
        let reduced = table.droppingEmptyMargins()
        let rowsFirst = reduced.rowCount <= reduced.columnCount
        rows = (rowsFirst ? reduced.rowTotals : reduced.columnTotals).sorted()
        columns = (rowsFirst ? reduced.columnTotals : reduced.rowTotals).sorted()
        logFactorial = Self.logFactorials(upTo: reduced.total)
        self.workLimit = workLimit
        self.memoryLimit = memoryLimit
        self.timeLimit = timeLimit
        self.isCancelled = isCancelled
        deadline = Self.cpuNanoseconds() &+ UInt64(max(0, min(timeLimit, 1e9)) * 1e9)
        bitsPerRow = max(1, Int.bitWidth - (rows.last ?? 1).leadingZeroBitCount)
        // List K columns while the product of their column-vector counts stays short.
        var listed = min(2, columns.count)
        if columns.count >= 2 {
            var estimate = Self.vectorCount(columns[columns.count - 2], caps: rows)
            while listed < columns.count {
                estimate *= Self.vectorCount(columns[columns.count - listed - 1], caps: rows)
                if estimate > Double(Self.longestList) { break }
                listed += 1
            }
        }
        self.listed = listed
    }

    /// ln(k!) for k = 0...n, by summing logs so integer arguments are as exact as they can be.
    static func logFactorials(upTo n: Int) -> [Double] {
        var table = [Double](repeating: 0, count: n + 1)
        for k in stride(from: 2, through: n, by: 1) { table[k] = table[k - 1] + log(Double(k)) }
        return table
    }

    /// The number of vectors of `total` under `caps`, in floating point so it cannot overflow.
    static func vectorCount(_ total: Int, caps: [Int]) -> Double {
        var ways = [Double](repeating: 0, count: total + 1)
        ways[0] = 1
        for cap in caps {
            var next = [Double](repeating: 0, count: total + 1)
            var window = 0.0
            for t in 0...total {
                window += ways[t]
                if t - cap - 1 >= 0 { window -= ways[t - cap - 1] }
                next[t] = max(0, window)
            }
            ways = next
        }
        return ways[total]
    }

    // MARK: Budget

    /// The calling thread's CPU time: the budget is work done, so a busy machine (or a debug
    /// build's test run beside others) gives the same exact-or-Monte-Carlo answer, only later.
    static func cpuNanoseconds() -> UInt64 {
        var now = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now)
        return UInt64(now.tv_sec) * 1_000_000_000 + UInt64(now.tv_nsec)
    }

    /// Throws once cancelled; records and reports a spent budget. Looked at every `pollEvery` steps.
    private mutating func spent() throws -> Bool {
        if stop != nil { return true }
        if workDone >= nextPoll {
            nextPoll = workDone + Self.pollEvery
            if let isCancelled, isCancelled() { throw StatsError.cancelled }
            if Self.cpuNanoseconds() > deadline { stop = .time(timeLimit) }
        }
        if workDone > workLimit { stop = .work(workLimit) }
        if bytes + listBytes > memoryLimit {
            // Lists can be rebuilt: drop them before giving up on memory.
            lists.removeAll(keepingCapacity: false)
            listBytes = 0
            if bytes > memoryLimit { stop = .memory(memoryLimit) }
        }
        return stop != nil
    }

    // MARK: Keys

    /// A sorted node packed into 128 bits, so hashing it is two words.
    private struct Key: Hashable {
        var low: UInt64 = 0, high: UInt64 = 0
    }

    private func key(_ node: UnsafeBufferPointer<Int>) -> Key {
        var key = Key(), shift = 0
        for value in node {
            let v = UInt64(value)
            if shift < 64 {
                key.low |= v << UInt64(shift)
                if shift + bitsPerRow > 64 { key.high |= v >> UInt64(64 - shift) }
            } else {
                key.high |= v << UInt64(shift - 64)
            }
            shift += bitsPerRow
        }
        return key
    }

    // MARK: The p-value

    /// Σ P(table) over tables with P ≤ P(observed)(1 + 1e-7), R's tolerance; nil with `stop` set
    /// when a budget is spent. Weights are -Σ ln x_ij!; P = exp(weight + log constant).
    mutating func pValue(observedLogWeight: Double) throws -> Double? {
        let n = rows.reduce(0, +)
        let logConstant = rows.reduce(0) { $0 + logFactorial[$1] } + columns.reduce(0) { $0 + logFactorial[$1] }
            - logFactorial[n]
        let threshold = observedLogWeight + log1p(1e-7)
        guard rows.count > 1 else { return 1 }
        guard rows.count * bitsPerRow <= 128 else { stop = .tooLarge; return nil }
        let middle = columns.count - listed
        // Sizing before any work. An edge is a path times a column vector; the paths at a level
        // are at most the product of the earlier vector counts (no merging) and, when no path is
        // pruned, at least about the nodes there (sorted vectors of what is left): the smaller,
        // times the level's vector count, is an estimate from below of the work without pruning.
        var product = 1.0, edges = 0.0, left = n
        let orderings = (1...rows.count).reduce(1.0) { $0 * Double($1) }
        for k in 0..<middle {
            let vectors = Self.vectorCount(columns[k], caps: rows)
            let nodes = k == 0 ? 1 : max(1, Self.vectorCount(left, caps: rows) / orderings)
            edges += min(product, nodes) * vectors
            product *= vectors
            left -= columns[k]
        }
        if edges > Self.hopeless * Self.stepsPerSecond * timeLimit || product > 1_000 * Double(workLimit) {
            stop = .tooLarge
            return nil
        }
        if middle == 0 {
            let summary = try rows.withUnsafeBufferPointer { try summarise($0) }
            guard let summary, let list = try list(for: summary, rows) else { return nil }
            let mass = list.mass(atMost: threshold)
            return min(1, exp(mass.logScale + logConstant) * mass.sum)
        }

        let r = rows.count
        let child = UnsafeMutablePointer<Int>.allocate(capacity: r)
        let cell = UnsafeMutablePointer<Int>.allocate(capacity: r)
        defer { child.deallocate(); cell.deallocate() }
        var p = 0.0
        var level: [Key: Level] = [:]
        rows.withUnsafeBufferPointer { level[key($0)] = Level(node: rows, paths: [0: (0, 1)]) }
        for k in 0..<middle {
            let intoLists = k == middle - 1
            var next: [Key: Level] = [:]
            bytes = level.reduce(0) { $0 + Self.summaryBytes + Self.pathBytes * $1.value.paths.count }
            for (_, entry) in level {
                if try spent() { return nil }
                let node = entry.node
                let (most, least) = bounds(node, from: k)
                let total = logTotal(node, from: k)
                var pending: [(logWeight: Double, paths: Double)] = []
                for (_, path) in entry.paths {
                    if path.logWeight + most <= threshold {
                        p += path.paths * exp(path.logWeight + total + logConstant)
                    } else if path.logWeight + least <= threshold {
                        pending.append(path)
                    }
                }
                guard !pending.isEmpty else { continue }
                // Into the lists, paths sorted by weight with prefix sums of their scaled probability.
                let sorted = intoLists ? pending.sorted { $0.logWeight < $1.logWeight } : []
                let top = sorted.last?.logWeight ?? 0
                var prefix = [Double](repeating: 0, count: sorted.count + 1)
                for (index, path) in sorted.enumerated() { prefix[index + 1] = prefix[index] + path.paths * exp(path.logWeight - top) }
                var failure: Error?
                var stopped = false
                node.withUnsafeBufferPointer { caps in
                    forEachVector(caps, total: columns[k], cell: cell) { step in
                        // Into the lists an edge is one binary search whatever the paths; merging costs each path.
                        workDone += intoLists ? 1 : pending.count
                        // The child: caps minus the column, sorted by insertion (r is small).
                        for i in 0..<r {
                            var v = caps[i] - cell[i], j = i
                            while j > 0 && child[j - 1] > v { child[j] = child[j - 1]; j -= 1 }
                            child[j] = v
                        }
                        let childNode = UnsafeBufferPointer(start: child, count: r)
                        let childKey = key(childNode)
                        do {
                            if intoLists {
                                guard let summary = try summarise(childNode, key: childKey) else { stopped = true; return false }
                                // Paths up to `addUpTo` have every completion at most as probable
                                // as the observed table: their total is closed-form, in one product.
                                let base = step + summary.most
                                var low = 0, high = sorted.count
                                while low < high {
                                    let middle = (low + high) / 2
                                    if sorted[middle].logWeight + base <= threshold { low = middle + 1 } else { high = middle }
                                }
                                if low > 0 { p += exp(top + step + summary.logTotal + logConstant) * prefix[low] }
                                var end = low
                                while end < sorted.count, sorted[end].logWeight + step + summary.least <= threshold { end += 1 }
                                if end > low, end - low <= Self.fewPaths, listed == 2, lists[childKey] == nil,
                                   asked[childKey, default: 0] < Self.fewPaths {
                                    // A few paths into a node met a few times: summing its completions
                                    // in closed form and by tails is cheaper than listing and sorting
                                    // them (a 3×3 has one level before the lists).
                                    asked[childKey, default: 0] += end - low
                                    for i in low..<end {
                                        let weight = sorted[i].logWeight + step
                                        let mass = twoColumnMass(childNode, atMost: threshold - weight, scale: summary.most)
                                        p += sorted[i].paths * exp(weight + summary.most + logConstant) * mass
                                    }
                                } else if end > low {
                                    guard let list = try list(for: summary, childNode, key: childKey) else { stopped = true; return false }
                                    for i in low..<end {
                                        let weight = sorted[i].logWeight + step
                                        let mass = list.mass(atMost: threshold - weight)
                                        p += sorted[i].paths * exp(weight + mass.logScale + logConstant) * mass.sum
                                    }
                                }
                                workDone += end - low
                            } else {
                                let before: Int
                                if var existing = next[childKey] {
                                    next[childKey] = nil
                                    before = existing.paths.count
                                    merge(pending, step: step, into: &existing.paths)
                                    bytes += Self.pathBytes * (existing.paths.count - before)
                                    next[childKey] = existing
                                } else {
                                    var fresh = Level(node: Array(childNode), paths: [:])
                                    merge(pending, step: step, into: &fresh.paths)
                                    bytes += Self.summaryBytes + Self.pathBytes * fresh.paths.count
                                    next[childKey] = fresh
                                }
                            }
                            if try spent() { stopped = true; return false }
                        } catch { failure = error; return false }
                        return true
                    }
                }
                if let failure { throw failure }
                if stopped { return nil }
            }
            level = next
        }
        return min(1, p)
    }

    /// A node of a forward level: its rows and the merged paths into it, by quantised log weight.
    private struct Level {
        var node: [Int]
        var paths: [Int64: (logWeight: Double, paths: Double)]
    }

    private func merge(_ pending: [(logWeight: Double, paths: Double)], step: Double,
                       into paths: inout [Int64: (logWeight: Double, paths: Double)]) {
        for path in pending {
            let weight = path.logWeight + step
            // Weights equal to 1e-9 are the same table up to a permutation of rows or rounding.
            paths[Int64((weight * 1e9).rounded()), default: (weight, 0)].paths += path.paths
        }
    }

    /// Calls `body` with each vector x in `cell`, Σ x = `total`, x_i ≤ caps_i, and its log weight
    /// -Σ ln x_i!, until `body` returns false.
    private func forEachVector(_ caps: UnsafeBufferPointer<Int>, total: Int, cell: UnsafeMutablePointer<Int>,
                               _ body: (Double) -> Bool) {
        let r = caps.count
        var suffix = [Int](repeating: 0, count: r + 1)
        for i in stride(from: r - 1, through: 0, by: -1) { suffix[i] = suffix[i + 1] + caps[i] }
        guard suffix[0] >= total else { return }
        logFactorial.withUnsafeBufferPointer { lf in
            suffix.withUnsafeBufferPointer { suffix in
                func place(_ i: Int, _ left: Int, _ weight: Double) -> Bool {
                    if i == r - 1 {
                        cell[i] = left
                        return body(weight - lf[left])
                    }
                    let low = max(0, left - suffix[i + 1]), high = min(caps[i], left)
                    guard low <= high else { return true }
                    for x in low...high {
                        cell[i] = x
                        if !place(i + 1, left - x, weight - lf[x]) { return false }
                    }
                    return true
                }
                _ = place(0, total, 0)
            }
        }
    }

    // MARK: Nodes entering the lists

    /// Open addressing with a multiplicative hash: the summary is looked up once per edge into
    /// the lists, tens of millions of times, where a `Dictionary`'s SipHash was most of the cost.
    private struct SummaryTable {
        private var keys = [Key](repeating: Key(), count: 1024)
        private var values = [Summary](repeating: Summary(most: 0, least: 0, logTotal: 0), count: 1024)
        private var filled = [Bool](repeating: false, count: 1024)
        private var count = 0

        private func slot(_ key: Key) -> Int {
            let mixed = (key.low &* 0x9E37_79B9_7F4A_7C15) ^ (key.high &* 0xC2B2_AE3D_27D4_EB4F)
            return Int(truncatingIfNeeded: (mixed ^ (mixed >> 29)) & UInt64(keys.count - 1))
        }

        func find(_ key: Key) -> Summary? {
            var i = slot(key)
            while filled[i] {
                if keys[i] == key { return values[i] }
                i = (i + 1) & (keys.count - 1)
            }
            return nil
        }

        mutating func insert(_ key: Key, _ value: Summary) {
            if 2 * (count + 1) > keys.count { grow() }
            var i = slot(key)
            while filled[i] { i = (i + 1) & (keys.count - 1) }
            keys[i] = key; values[i] = value; filled[i] = true
            count += 1
        }

        private mutating func grow() {
            let oldKeys = keys, oldValues = values, oldFilled = filled
            keys = [Key](repeating: Key(), count: 2 * oldKeys.count)
            values = [Summary](repeating: Summary(most: 0, least: 0, logTotal: 0), count: 2 * oldKeys.count)
            filled = [Bool](repeating: false, count: 2 * oldKeys.count)
            count = 0
            for i in oldKeys.indices where oldFilled[i] { insert(oldKeys[i], oldValues[i]) }
        }
    }

    /// Exact bounds and the closed-form total of a node entering the listed columns.
    private struct Summary {
        var most: Double
        var least: Double
        var logTotal: Double
    }

    private mutating func summarise(_ node: UnsafeBufferPointer<Int>) throws -> Summary? {
        try summarise(node, key: key(node))
    }

    private mutating func summarise(_ node: UnsafeBufferPointer<Int>, key: Key) throws -> Summary? {
        if let known = summaries.find(key) { return known }
        let k = columns.count - listed
        var summary = Summary(most: 0, least: 0, logTotal: logTotal(Array(node), from: k))
        if listed == 2 {
            summary.most = longestTwoColumn(node)
            summary.least = node.count <= 6 ? shortestTwoColumn(node) : bounds(Array(node), from: k).least
            workDone += node.count * node.count
        } else {
            guard let list = try list(for: summary, node, key: key) else { return nil }
            summary.most = list.largest
            summary.least = list.smallest
        }
        summaries.insert(key, summary)
        bytes += Self.summaryBytes
        return summary
    }

    private mutating func list(for summary: Summary, _ node: [Int]) throws -> Completions? {
        try node.withUnsafeBufferPointer { try list(for: summary, $0, key: key($0)) }
    }

    /// The sorted completions of a node entering the listed columns, built on first need.
    private mutating func list(for summary: Summary, _ node: UnsafeBufferPointer<Int>, key: Key) throws -> Completions? {
        if let known = lists[key] { return known }
        var weights: [Double] = []
        let k = columns.count - listed
        var failed: Error?
        let scratch = UnsafeMutablePointer<Int>.allocate(capacity: node.count * listed)
        defer { scratch.deallocate() }
        // Columns k..C-2 by enumeration; the last column is what the rows have left.
        func fill(_ caps: UnsafeBufferPointer<Int>, _ j: Int, _ weight: Double) -> Bool {
            let cell = scratch + (j - k) * caps.count
            var going = true
            forEachVector(caps, total: columns[j], cell: cell) { step in
                if j == columns.count - 2 {
                    var w = weight + step
                    for i in 0..<caps.count { w -= logFactorial[caps[i] - cell[i]] }
                    weights.append(w)
                    if weights.count & 4_095 == 0 {
                        workDone += 4_096
                        do { if try spent() { going = false } } catch { failed = error; going = false }
                    }
                    return going
                }
                let rest = UnsafeMutablePointer<Int>.allocate(capacity: caps.count)
                defer { rest.deallocate() }
                for i in 0..<caps.count { rest[i] = caps[i] - cell[i] }
                going = fill(UnsafeBufferPointer(start: rest, count: caps.count), j + 1, weight + step)
                return going
            }
            return going
        }
        if listed == 1 {
            var w = 0.0
            for value in node { w -= logFactorial[value] }
            weights = [w]
        } else {
            _ = fill(node, k, 0)
        }
        if let failed { throw failed }
        if stop != nil { return nil }
        let list = Completions(weights: weights)
        lists[key] = list
        listBytes += Self.entryBytes * list.count
        if try spent() { return nil }
        return list
    }

    /// Σ exp(w − scale) over the two-column completions of `node` with log weight w ≤ `limit`,
    /// without visiting most of them. The first r − 2 rows of the second-last column are
    /// enumerated; over the last two rows, with s units left for them, the weights are those of a
    /// hypergeometric distribution (x of s drawn from U + V): their total is closed-form
    /// (Vandermonde: C(U+V, s) / (U! V!)), and they rise to the mode and fall after it, so the
    /// part at most `limit` is two tails found by bisection. A tail is summed outward until what
    /// is left is below 1e-17 of it: the terms are log-concave, so once a term is ρ times the one
    /// before, all the rest are at most ρ/(1 − ρ) times it.
    private mutating func twoColumnMass(_ node: UnsafeBufferPointer<Int>, atMost limit: Double, scale: Double) -> Double {
        let r = node.count, a = columns[columns.count - 2]
        var sum = 0.0, steps = 0
        logFactorial.withUnsafeBufferPointer { lf in
            // The two largest rows last: x of `left` in row r − 2 (cap u), the rest in row r − 1 (cap v).
            let u = node[r - 2], v = node[r - 1]
            func lastTwo(_ left: Int, _ prefix: Double) {
                let low = max(0, left - v), high = min(u, left)
                guard low <= high else { return }
                @inline(__always) func g(_ x: Int) -> Double {
                    prefix - lf[x] - lf[u - x] - lf[left - x] - lf[v - left + x]
                }
                func tail(from start: Int, through end: Int, by step: Int) -> Double {
                    guard (end - start) * step >= 0 else { return 0 }
                    var part = 0.0, previous = 0.0
                    var x = start
                    while true {
                        let term = exp(g(x) - scale)
                        part += term
                        steps += 1
                        if x == end { break }
                        if previous > 0 {
                            let ratio = term / previous
                            if ratio < 1, term * ratio / (1 - ratio) <= 1e-17 * part { break }
                        }
                        previous = term
                        x += step
                    }
                    return part
                }
                let total = prefix + lf[u + v] - lf[left] - lf[u + v - left] - lf[u] - lf[v]
                let mode = min(high, max(low, (left + 1) * (u + 1) / (u + v + 2)))
                steps += 1
                if g(mode) <= limit {
                    sum += exp(total - scale)
                    return
                }
                // Where g crosses the limit on each side of the mode, by bisection on a monotone run.
                var lo = low, hi = mode
                while lo < hi {
                    let middle = (lo + hi) / 2
                    if g(middle) <= limit { lo = middle + 1 } else { hi = middle }
                    steps += 1
                }
                sum += tail(from: lo - 1, through: low, by: -1)
                lo = mode; hi = high + 1
                while lo < hi {
                    let middle = (lo + hi) / 2
                    if g(middle) > limit { lo = middle + 1 } else { hi = middle }
                    steps += 1
                }
                sum += tail(from: lo, through: high, by: 1)
            }
            // Rows 0..r−3 of the second-last column by enumeration, the other two as above.
            func place(_ i: Int, _ left: Int, _ weight: Double, _ restCaps: Int) {
                if i == r - 2 {
                    lastTwo(left, weight)
                    return
                }
                let capsAfter = restCaps - node[i]
                let low = max(0, left - capsAfter), high = min(node[i], left)
                guard low <= high else { return }
                for x in low...high {
                    place(i + 1, left - x, weight - lf[x] - lf[node[i] - x], capsAfter)
                }
            }
            place(0, a, 0, node.reduce(0, +))
        }
        workDone += steps
        bytes += 24
        return sum
    }

    /// Σ exp(w − scale) over the two-column completions of `node` with log weight w ≤ `limit`.
    private mutating func directMass(_ node: UnsafeBufferPointer<Int>, atMost limit: Double, scale: Double) -> Double {
        let cell = UnsafeMutablePointer<Int>.allocate(capacity: node.count)
        defer { cell.deallocate() }
        var sum = 0.0, count = 0
        logFactorial.withUnsafeBufferPointer { lf in
            forEachVector(node, total: columns[columns.count - 2], cell: cell) { step in
                var w = step
                for i in 0..<node.count { w -= lf[node[i] - cell[i]] }
                if w <= limit { sum += exp(w - scale) }
                count += 1
                return true
            }
        }
        workDone += count
        bytes += 24
        return sum
    }

    /// The largest -Σ ln x_i! - Σ ln (u_i - x_i)! with Σ x = the second-last column: the weight is
    /// separable and concave in x, so a filling no exchange of one unit improves is optimal.
    private func longestTwoColumn(_ node: UnsafeBufferPointer<Int>) -> Double {
        let a = columns[columns.count - 2], total = node.reduce(0, +), r = node.count
        var x = [Int](repeating: 0, count: r)
        var placed = 0
        for i in 0..<r {
            x[i] = min(node[i], Int(Double(a) * Double(node[i]) / Double(max(total, 1))))
            placed += x[i]
        }
        // Gain of one more unit in row i, and loss of one fewer.
        func gain(_ i: Int) -> Double { x[i] < node[i] ? log(Double(node[i] - x[i])) - log(Double(x[i] + 1)) : -.infinity }
        func loss(_ i: Int) -> Double { x[i] > 0 ? log(Double(node[i] - x[i] + 1)) - log(Double(x[i])) : .infinity }
        while placed < a {
            let i = (0..<r).max { gain($0) < gain($1) }!
            x[i] += 1; placed += 1
        }
        while placed > a {
            let i = (0..<r).min { loss($0) < loss($1) }!
            x[i] -= 1; placed -= 1
        }
        while true {
            let up = (0..<r).max { gain($0) < gain($1) }!
            let down = (0..<r).min { loss($0) < loss($1) }!
            guard up != down, gain(up) > loss(down) + 1e-12 else { break }
            x[up] += 1; x[down] -= 1
        }
        var weight = 0.0
        for i in 0..<r { weight -= logFactorial[x[i]] + logFactorial[node[i] - x[i]] }
        return weight
    }

    /// The smallest such weight: a concave function's minimum over the polytope of completions is
    /// at a vertex, where every row but one is empty or full in the second-last column.
    private func shortestTwoColumn(_ node: UnsafeBufferPointer<Int>) -> Double {
        let a = columns[columns.count - 2], r = node.count
        var best = Double.infinity
        for subset in 0..<(1 << r) {
            var full = 0
            for i in 0..<r where subset & (1 << i) != 0 { full += node[i] }
            guard full <= a else { continue }
            let rest = a - full
            // With nothing left over the vertex has no partial row; count it once.
            for f in 0..<r where (rest == 0 && f == 0) || (rest > 0 && subset & (1 << f) == 0 && rest <= node[f]) {
                var weight = 0.0
                for i in 0..<r {
                    let x = subset & (1 << i) != 0 ? node[i] : (i == f && rest > 0 ? rest : 0)
                    weight -= logFactorial[x] + logFactorial[node[i] - x]
                }
                best = min(best, weight)
            }
        }
        return best
    }

    /// ln Σ over completions of Π 1/x_ij! = ln(N! / (Π R_i! Π c_j!)), N the cells left.
    private func logTotal(_ node: [Int], from k: Int) -> Double {
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
    private func bounds(_ node: [Int], from k: Int) -> (most: Double, least: Double) {
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
    /// The most and least probable completion's log weight.
    var largest: Double { weights.last ?? -.infinity }
    var smallest: Double { weights.first ?? .infinity }
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
