import Foundation

/// Random two-way tables with fixed margins, drawn from their exact null (multiple
/// hypergeometric) distribution by Patefield's (1981, AS 159; R's `r2dtable`) cell-by-cell
/// construction: each cell is hypergeometric given the cells drawn before it.
struct RandomTable {
    private let rowTotals: [Int]
    private let columnTotals: [Int]
    private let logFactorial: [Double]

    /// A sampler for tables with these margins; `logFactorial` must reach the grand total.
    init(rowTotals: [Int], columnTotals: [Int], logFactorial: [Double]) {
        self.rowTotals = rowTotals
        self.columnTotals = columnTotals
        self.logFactorial = logFactorial
    }

    /// The log weight -Σ ln x_ij! of one random table (all a Fisher test needs of it).
    func sampleLogWeight(using generator: inout SeededGenerator) -> Double {
        var columnsLeft = columnTotals
        var totalLeft = rowTotals.reduce(0, +)
        var weight = 0.0
        for rowTotal in rowTotals.dropLast() {
            var rowLeft = rowTotal
            var populationLeft = totalLeft
            for j in columnsLeft.indices.dropLast() {
                let x = hypergeometric(draws: rowLeft, successes: columnsLeft[j], population: populationLeft,
                                       using: &generator)
                weight -= logFactorial[x]
                populationLeft -= columnsLeft[j]
                columnsLeft[j] -= x
                rowLeft -= x
            }
            let last = columnsLeft.count - 1
            weight -= logFactorial[rowLeft]
            columnsLeft[last] -= rowLeft
            totalLeft -= rowTotal
        }
        return weight - columnsLeft.reduce(0) { $0 + logFactorial[$1] }
    }

    /// One hypergeometric draw by inversion from the lower end of the support.
    private func hypergeometric(draws: Int, successes: Int, population: Int,
                                using generator: inout SeededGenerator) -> Int {
        let low = max(0, draws - (population - successes)), high = min(draws, successes)
        guard low < high else { return low }
        let logDenominator = logFactorial[population] - logFactorial[draws] - logFactorial[population - draws]
        func pmf(_ x: Int) -> Double {
            exp(logFactorial[successes] - logFactorial[x] - logFactorial[successes - x]
                + logFactorial[population - successes] - logFactorial[draws - x]
                - logFactorial[population - successes - draws + x] - logDenominator)
        }
        var u = generator.nextUnit()
        for x in low..<high {
            u -= pmf(x)
            if u < 0 { return x }
        }
        return high
    }
}
