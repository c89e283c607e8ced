import Foundation

/// Random two-way tables with fixed margins, drawn from their exact null (multiple
/// hypergeometric) distribution by Patefield's (1981, AS 159; R's `r2dtable`) cell-by-cell
/// construction: each cell is hypergeometric given the cells drawn before it.
///
/// A sampler owns its scratch column totals, so drawing a table allocates nothing.
struct RandomTable {
    private let rowTotals: [Int]
    private let columnTotals: [Int]
    private let logFactorial: [Double]
    private var columnsLeft: [Int]

    /// A sampler for tables with these margins; `logFactorial` must reach the grand total.
    init(rowTotals: [Int], columnTotals: [Int], logFactorial: [Double]) {
        self.rowTotals = rowTotals
        self.columnTotals = columnTotals
        self.logFactorial = logFactorial
        columnsLeft = columnTotals
    }

    /// The log weight -Σ ln x_ij! of one random table (all a Fisher test needs of it).
    mutating func sampleLogWeight(using generator: inout SeededGenerator) -> Double {
        let rows = rowTotals, logFactorial = logFactorial
        var totalLeft = rows.reduce(0, +)
        var weight = 0.0
        columnsLeft.withUnsafeMutableBufferPointer { left in
            for j in 0..<left.count { left[j] = columnTotals[j] }
            logFactorial.withUnsafeBufferPointer { lf in
                let last = left.count - 1
                for r in 0..<(rows.count - 1) {
                    var rowLeft = rows[r]
                    var populationLeft = totalLeft
                    for j in 0..<last where rowLeft > 0 {
                        let x = Self.hypergeometric(draws: rowLeft, successes: left[j], population: populationLeft,
                                                    logFactorial: lf, using: &generator)
                        weight -= lf[x]
                        populationLeft -= left[j]
                        left[j] -= x
                        rowLeft -= x
                    }
                    weight -= lf[rowLeft]
                    left[last] -= rowLeft
                    totalLeft -= rows[r]
                }
                for j in 0..<left.count { weight -= lf[left[j]] }
            }
        }
        return weight
    }

    /// One hypergeometric draw by inversion, searching outwards from the mode so a draw costs
    /// about one standard deviation of steps rather than the width of the support.
    private static func hypergeometric(draws: Int, successes: Int, population: Int,
                                       logFactorial: UnsafeBufferPointer<Double>,
                                       using generator: inout SeededGenerator) -> Int {
        let failures = population - successes
        let low = max(0, draws - failures), high = min(draws, successes)
        guard low < high else { return low }
        let mode = min(high, max(low, (draws + 1) * (successes + 1) / (population + 2)))
        let pMode = exp(logFactorial[successes] - logFactorial[mode] - logFactorial[successes - mode]
                        + logFactorial[failures] - logFactorial[draws - mode] - logFactorial[failures - draws + mode]
                        - logFactorial[population] + logFactorial[draws] + logFactorial[population - draws])
        var u = generator.nextUnit() - pMode
        var down = mode, up = mode, pDown = pMode, pUp = pMode
        // Neighbours' probabilities by the pmf's ratio recurrences; each is recomputed only when
        // its side moves, and the likelier one is taken next.
        @inline(__always) func belowDown() -> Double {
            down > low ? pDown * Double(down) * Double(failures - draws + down) / (Double(successes - down + 1) * Double(draws - down + 1)) : -1
        }
        @inline(__always) func aboveUp() -> Double {
            up < high ? pUp * Double(successes - up) * Double(draws - up) / (Double(up + 1) * Double(failures - draws + up + 1)) : -1
        }
        var nextDown = belowDown(), nextUp = aboveUp()
        while u >= 0 && (nextDown >= 0 || nextUp >= 0) {
            if nextUp >= nextDown {
                up += 1; pUp = nextUp; u -= pUp
                if u < 0 { return up }
                nextUp = aboveUp()
            } else {
                down -= 1; pDown = nextDown; u -= pDown
                if u < 0 { return down }
                nextDown = belowDown()
            }
        }
        // Only reached when rounding leaves u a hair above zero after the whole support.
        return mode
    }
}
