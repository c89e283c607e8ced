import Foundation

/// Differences post − pre on the data's own decimal precision, so decimal ties stay ties.
///
/// Values read as decimals with at most k digits after the point are differenced as integers
/// ×10^k and divided back: 80.2 − 79.5 and 82.1 − 82.8 are then exactly +0.7 and −0.7, where
/// binary floating point gives 0.70000000000000284 and −0.69999999999998863 and a rank test
/// would break the tie. k is the most decimals any value needs to be read back exactly (that is the
/// text a CSV held). Values that are not short decimals but fractions with a small common
/// denominator q (means of answers: 17/6) are differenced as whole numbers of 1/q the same way;
/// otherwise, or when a scaled value passes 2^53, the plain differences are used.
public enum DecimalDifferences {
    /// The most decimals looked for; values needing more are not decimal data.
    public static let maximumDecimals = 9

    /// post[i] − pre[i] on the shared decimal precision of all the values.
    public static func of(pre: [Double], post: [Double]) -> [Double] {
        let (scaled, scale) = scaled(pre: pre, post: post)
        return scale == 1 ? scaled : scaled.map { $0 / scale }
    }

    /// The differences as whole numbers of 10^−k units, with 10^k: sums and means of them are
    /// exact (a mean is one division of two whole numbers, so equal means are equal doubles),
    /// where summing decimal differences in binary would depend on the order. Scale 1 and the
    /// plain differences when the values are whole numbers or not short decimals.
    public static func scaled(pre: [Double], post: [Double]) -> (differences: [Double], scale: Double) {
        let plain = zip(post, pre).map { $0 - $1 }
        guard pre.allSatisfy(\.isFinite), post.allSatisfy(\.isFinite) else { return (plain, 1) }
        var k: Int? = 0
        for value in pre + post where !isDecimal(value, places: k ?? 0) {
            k = decimals(value)
            if k == nil { break }
        }
        guard k != 0 else { return (plain, 1) }
        // Not short decimals: perhaps means of them (a scale score is its items' mean, in 11ths).
        guard let scale = k.map({ powersOfTen[$0] }) ?? commonDenominator(pre + post) else { return (plain, 1) }
        let limit = 9_007_199_254_740_992.0
        var result: [Double] = []
        result.reserveCapacity(plain.count)
        for (a, b) in zip(post, pre) {
            let x = (a * scale).rounded(), y = (b * scale).rounded()
            guard abs(x) < limit, abs(y) < limit else { return (plain, 1) }
            result.append(x - y)
        }
        return (result, scale)
    }

    /// The largest denominator looked for in values that are not short decimals.
    public static let maximumDenominator = 1000

    /// The least q ≤ `maximumDenominator` such that every value is a whole number of 1/q to
    /// within 1e-9 of 1/q (17/6 and 2.8333333333333335 are both 17 sixths), or nil: means of
    /// whole numbers or of short decimals are such fractions, and their differences, taken in
    /// sixths, tie when the fractions are equal, as a mean(post) − mean(pre) in binary may not
    /// (0.909090909090909 and 0.9090909090909092 for 10/11). Random reals pass with a chance
    /// of about 2·10^−6 per value, so it takes all of a sample to be fractions.
    static func commonDenominator(_ values: [Double]) -> Double? {
        var q = 1
        for value in values where !isFraction(value, over: q) {
            guard let d = (2...maximumDenominator).first(where: { isFraction(value, over: $0) }) else { return nil }
            q = q / gcd(q, d) * d
            guard q <= maximumDenominator, isFraction(value, over: q) else { return nil }
        }
        return q > 1 ? Double(q) : nil
    }

    /// Whether `value` is within 1e-9/q of a multiple of 1/q, with the multiple below 10^6 (beyond
    /// that binary rounding of the value itself reaches the tolerance).
    private static func isFraction(_ value: Double, over q: Int) -> Bool {
        let x = value * Double(q)
        return abs(x) < 1e6 && abs(x - x.rounded()) <= 1e-9
    }

    private static func gcd(_ a: Int, _ b: Int) -> Int { b == 0 ? a : gcd(b, a % b) }

    /// x[i] + y[i] (or x[i] − y[i]) on the shared decimal precision of the finite values, so a
    /// derived difference of decimals is the decimal it stands for (80.2 − 79.5 is 0.7, the double
    /// a CSV's "0.7" reads as) and ranks of it keep its ties. NaN (missing) stays NaN; when the
    /// values are whole numbers or not short decimals, the plain binary result.
    public static func combining(_ x: [Double], _ y: [Double], subtracting: Bool) -> [Double] {
        let sign: Double = subtracting ? -1 : 1
        let plain = zip(x, y).map { $0 + sign * $1 }
        var k = 0
        for values in [x, y] {
            for value in values where value.isFinite && !isDecimal(value, places: k) {
                guard let places = decimals(value) else { return plain }
                k = places
            }
        }
        guard k > 0 else { return plain }
        let scale = powersOfTen[k]
        let limit = 9_007_199_254_740_992.0
        var result = [Double](repeating: .nan, count: plain.count)
        for i in result.indices {
            let a = (x[i] * scale).rounded(), b = (y[i] * scale).rounded()
            if a.isNaN || b.isNaN { continue }
            guard abs(a) < limit, abs(b) < limit else { return plain }
            result[i] = (a + sign * b) / scale
        }
        return result
    }

    /// The fewest digits after the decimal point that give back `value` exactly (80.7 → 1,
    /// 5 → 0); nil when more than `maximumDecimals` would be needed or it is not finite.
    static func decimals(_ value: Double) -> Int? {
        guard value.isFinite else { return nil }
        return (0...maximumDecimals).first { isDecimal(value, places: $0) }
    }

    /// Whether `value` is the double nearest some decimal with `places` digits after the point.
    private static func isDecimal(_ value: Double, places: Int) -> Bool {
        let scale = powersOfTen[places]
        return (value * scale).rounded() / scale == value
    }

    private static let powersOfTen: [Double] = (0...maximumDecimals).map { pow(10, Double($0)) }
}
