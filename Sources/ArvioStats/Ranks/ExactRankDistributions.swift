/// Exact permutation distributions of rank statistics, conditional on the observed (tied) ranks,
/// as `coin`'s `distribution = "exact"` and `exactRankTests`. Ranks enter doubled, so midranks
/// are integers and sums are counted without floating-point comparison.
enum ExactRankDistributions {
    /// Probabilities of each doubled sum of the ranks given a + sign, all 2^n sign patterns equally likely.
    static func signedRank(doubledRanks ranks: [Int]) -> [Double] {
        var mass = [Double](repeating: 0, count: ranks.reduce(0, +) + 1)
        mass[0] = 1
        var reach = 0
        for rank in ranks {
            // Each rank is + or - with probability 1/2; walk down so each rank is used once.
            for sum in stride(from: reach, through: 0, by: -1) where mass[sum] > 0 {
                mass[sum + rank] += mass[sum] / 2
                mass[sum] /= 2
            }
            reach += rank
        }
        return mass
    }

    /// Probabilities of each doubled rank sum of a group of `size` drawn from `ranks` without replacement.
    static func rankSum(doubledRanks ranks: [Int], size: Int) -> [Double] {
        let total = ranks.reduce(0, +)
        // ways[k][s]: subsets of k of the ranks seen so far with doubled sum s, as a fraction of C(seen, k).
        var ways = [[Double]](repeating: [Double](repeating: 0, count: total + 1), count: size + 1)
        ways[0][0] = 1
        var reach = 0
        for (seen, rank) in ranks.enumerated() {
            let n = Double(seen + 1)
            for k in stride(from: min(size, seen + 1), through: 0, by: -1) {
                // Counts scaled by 1 / C(n, k) so that they stay probabilities: C(n, k) = C(n-1, k) n/(n-k) = C(n-1, k-1) n/k.
                let keep = Double(seen + 1 - k) / n, take = Double(k) / n
                for sum in stride(from: reach + rank, through: 0, by: -1) {
                    var value = ways[k][sum] * keep
                    if k > 0 && sum >= rank { value += ways[k - 1][sum - rank] * take }
                    ways[k][sum] = value
                }
            }
            reach += rank
        }
        return ways[size]
    }

    /// The two-sided p-value P(|T - μ| ≥ |t - μ|) of an observed doubled sum, μ the distribution's mean.
    static func twoSidedP(_ mass: [Double], observed: Int) -> Double {
        let mean = mass.enumerated().reduce(0.0) { $0 + Double($1.offset) * $1.element }
        // Tolerance far below the 1/2 spacing of doubled sums, only absorbing rounding in the mean.
        let distance = abs(Double(observed) - mean) - 1e-7
        let p = mass.enumerated().reduce(0.0) { abs(Double($1.offset) - mean) >= distance ? $0 + $1.element : $0 }
        return min(1, p)
    }
}
