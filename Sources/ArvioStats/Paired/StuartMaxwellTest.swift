/// The Stuart–Maxwell test of marginal homogeneity of a k×k paired table: whether the share of
/// units in each category is the same the first and the second time. With d the differences of
/// the first-time and second-time margins and V their covariance under homogeneity
/// (V_ii = n_i· + n_·i − 2 n_ii, V_ij = −(n_ij + n_ji)), χ² = dᵀ V⁻ d on rank(V) df, as
/// `DescTools::StuartMaxwellTest` and the asymptotic `coin::mh_test` (which leave one category
/// out and invert the rest). For k = 2 it is McNemar's uncorrected χ².
///
/// V is the Laplacian of the graph whose edges are the moves between categories, so it is
/// singular beyond the one dropped category whenever some categories never exchange units
/// (no one left or entered a category; moves only within {1, 2} and within {3, 4}). Each
/// connected set of categories is then tested on its own and the χ² and df are added, which is
/// dᵀ V⁺ d with the Moore–Penrose inverse: a table R's `solve` rejects still gets its answer.
public struct StuartMaxwellTest: HypothesisTest, Equatable {
    /// The χ² statistic.
    public let statistic: Double
    /// rank(V): the moving categories less one per connected set of them.
    public let degreesOfFreedomValue: Int
    /// Always `degreesOfFreedomValue`.
    public var degreesOfFreedom: Double? { Double(degreesOfFreedomValue) }
    /// P(χ² ≥ statistic).
    public let pValue: Double
    /// Always "asymptotic chi-square".
    public let testMethod = TestMethod.asymptoticChiSquare

    /// Tests `table`; throws when no unit changed category.
    public init(_ table: SquareTable) throws {
        let n = table.counts
        let first = table.firstMargins, second = table.secondMargins
        var sum = 0.0, df = 0
        for component in Self.components(table) where component.count >= 2 {
            // One category of each set is left out: V over the whole set has rows summing to 0.
            let kept = Array(component.dropLast())
            let d = kept.map { Double(first[$0] - second[$0]) }
            let v = kept.map { i in
                kept.map { j in
                    i == j ? Double(first[i] + second[i] - 2 * n[i][i]) : -Double(n[i][j] + n[j][i])
                }
            }
            guard let solved = Self.solve(v, d) else { throw StatsError.nonFiniteValue }
            sum += zip(d, solved).reduce(0) { $0 + $1.0 * $1.1 }
            df += kept.count
        }
        guard df > 0 else { throw StatsError.noDiscordantPairs }
        statistic = sum
        degreesOfFreedomValue = df
        pValue = ChiSquaredDistribution.sf(sum, df: Double(df))
    }

    /// The sets of categories joined by moves (n_ij + n_ji > 0), each in category order.
    static func components(_ table: SquareTable) -> [[Int]] {
        let k = table.size, n = table.counts
        var label = [Int](repeating: -1, count: k)
        var result: [[Int]] = []
        for start in 0..<k where label[start] < 0 {
            label[start] = result.count
            var members = [start], stack = [start]
            while let i = stack.popLast() {
                for j in 0..<k where label[j] < 0 && j != i && n[i][j] + n[j][i] > 0 {
                    label[j] = result.count
                    members.append(j)
                    stack.append(j)
                }
            }
            result.append(members.sorted())
        }
        return result
    }

    /// x with a·x = b by Gaussian elimination with partial pivoting; nil when a is singular.
    /// A connected set's reduced Laplacian is positive definite, so nil guards against rounding.
    static func solve(_ a: [[Double]], _ b: [Double]) -> [Double]? {
        let m = b.count
        var a = a, b = b
        let scale = a.joined().map(abs).max() ?? 0
        for column in 0..<m {
            guard let pivot = (column..<m).max(by: { abs(a[$0][column]) < abs(a[$1][column]) }),
                  abs(a[pivot][column]) > 1e-12 * max(scale, 1) else { return nil }
            a.swapAt(column, pivot)
            b.swapAt(column, pivot)
            for row in (column + 1)..<m {
                let factor = a[row][column] / a[column][column]
                guard factor != 0 else { continue }
                for k in column..<m { a[row][k] -= factor * a[column][k] }
                b[row] -= factor * b[column]
            }
        }
        var x = [Double](repeating: 0, count: m)
        for row in stride(from: m - 1, through: 0, by: -1) {
            var sum = b[row]
            for k in (row + 1)..<m { sum -= a[row][k] * x[k] }
            x[row] = sum / a[row][row]
        }
        return x
    }
}
