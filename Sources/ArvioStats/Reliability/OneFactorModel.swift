import Foundation

/// A one-factor model of a correlation matrix by unweighted least squares ("minres", as R's
/// `psych::fa(fm = "minres")`), found as the fixed point of iterated principal axes: start from
/// the squared multiple correlations, put the communalities on the diagonal, take the first
/// eigenvector, repeat until the communalities change by less than 1e-14. The converged fixed point
/// is the minres solution; psych's optimiser stops near it (loadings within about 1e-5).
public struct OneFactorModel: Sendable, Equatable {
    /// Why a one-factor model could not be estimated.
    public enum Failure: Error, Sendable, Equatable {
        /// With fewer than three items a one-factor model has as many parameters as correlations.
        case notIdentified(items: Int)
        /// The communality of this item (index) reached 1 or more: a Heywood case, no unique variance left.
        case heywoodCase(item: Int)
        /// The communalities still changed after the iteration limit.
        case notConverged
    }

    /// The loadings, signed so that their sum is positive.
    public let loadings: [Double]
    /// The iterations the fixed point took.
    public let iterations: Int

    /// Fits one factor to `correlations` (a full symmetric matrix with ones on the diagonal).
    public init(correlations r: [[Double]]) throws(Failure) {
        let k = r.count
        guard k >= 3 else { throw Failure.notIdentified(items: k) }
        var communality = Self.squaredMultipleCorrelations(r)
            ?? r.indices.map { i in r[i].indices.filter { $0 != i }.map { abs(r[i][$0]) }.max() ?? 0 }
        var loadings = [Double](repeating: 0, count: k)
        for iteration in 1...10_000 {
            var reduced = r
            for i in 0..<k { reduced[i][i] = communality[i] }
            let eigen = SymmetricEigen(reduced)
            let scale = max(eigen.values[0], 0).squareRoot()
            loadings = eigen.vectors[0].map { $0 * scale }
            let next = loadings.map { $0 * $0 }
            let change = zip(next, communality).map { abs($0 - $1) }.max() ?? 0
            communality = next
            if change < 1e-14 {
                if loadings.reduce(0, +) < 0 { loadings = loadings.map { -$0 } }
                if let item = communality.firstIndex(where: { $0 >= 1 }) { throw Failure.heywoodCase(item: item) }
                self.loadings = loadings
                self.iterations = iteration
                return
            }
        }
        throw Failure.notConverged
    }

    /// 1 − 1/(R⁻¹)ᵢᵢ by Gauss–Jordan elimination; nil when R is singular (an item is a linear
    /// combination of others), where the largest absolute correlation is the usual start instead.
    static func squaredMultipleCorrelations(_ r: [[Double]]) -> [Double]? {
        let k = r.count
        var a = r
        var inverse = (0..<k).map { i in (0..<k).map { $0 == i ? 1.0 : 0.0 } }
        for column in 0..<k {
            guard let pivot = (column..<k).max(by: { abs(a[$0][column]) < abs(a[$1][column]) }),
                  abs(a[pivot][column]) > 1e-12 else { return nil }
            a.swapAt(column, pivot)
            inverse.swapAt(column, pivot)
            let divisor = a[column][column]
            for j in 0..<k { a[column][j] /= divisor; inverse[column][j] /= divisor }
            for row in 0..<k where row != column {
                let factor = a[row][column]
                guard factor != 0 else { continue }
                for j in 0..<k {
                    a[row][j] -= factor * a[column][j]
                    inverse[row][j] -= factor * inverse[column][j]
                }
            }
        }
        return (0..<k).map { 1 - 1 / inverse[$0][$0] }
    }
}
