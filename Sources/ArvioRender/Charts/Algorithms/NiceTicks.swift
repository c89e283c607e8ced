/// Round axis ticks: steps of 1, 2 or 5 × 10^k, whole steps for counts, covering a range with
/// as few ticks as fit. Ticks are computed as k × step from integers, so 0.1 + 0.2 drift never
/// shows up in a label.
public enum NiceTicks {
    /// The ticks, from a multiple of the step at or below `lower` to one at or above `upper`,
    /// at most `maxTicks` of them (at least 2, or 3 when the range crosses zero). An empty range
    /// is widened to one unit.
    public static func ticks(lower: Double, upper: Double, maxTicks: Int, integer: Bool = false) -> [Double] {
        let (step, first, last) = layout(lower: lower, upper: upper, maxTicks: maxTicks, integer: integer)
        return (first...last).map { value(step: step, times: $0) }
    }

    /// The step the ticks of `ticks(lower:upper:maxTicks:integer:)` use.
    public static func step(lower: Double, upper: Double, maxTicks: Int, integer: Bool = false) -> Double {
        let s = layout(lower: lower, upper: upper, maxTicks: maxTicks, integer: integer).step
        return value(step: s, times: 1)
    }

    /// A step as mantissa (1, 2, 5) and power of ten, kept apart so multiples are exact.
    struct Step { var mantissa: Int; var power: Int }

    static func layout(lower: Double, upper: Double, maxTicks: Int, integer: Bool)
        -> (step: Step, first: Int, last: Int) {
        var lower = lower.isFinite ? lower : 0
        var upper = upper.isFinite ? upper : 1
        if lower > upper { swap(&lower, &upper) }
        // Values far from zero with a tiny spread (1e20 and 1e20 + 1) cannot be ticked in
        // steps of their spread: widen the spread so a tick index stays a small whole number.
        let floor = max(1e-12, max(abs(lower), abs(upper)) * 1e-12)
        if upper - lower < floor { upper = lower + max(1, floor) }
        // A range across zero needs a tick below, at and above zero: at least two intervals.
        let intervals = max(lower < 0 && upper > 0 ? 2 : 1, maxTicks - 1)
        let span = min(upper - lower, .greatestFiniteMagnitude)
        var power = Int((log10(span / Double(intervals))).rounded(.down)) - 1
        if integer { power = max(power, 0) }
        while true {
            for mantissa in [1, 2, 5] {
                let step = Step(mantissa: mantissa, power: power)
                let size = value(step: step, times: 1)
                let first = (lower / size + 1e-9).rounded(.down)
                let last = (upper / size - 1e-9).rounded(.up)
                // A step too fine for the values' size gives tick indexes no Int holds: go coarser.
                guard abs(first) < 1e15, abs(last) < 1e15 else { continue }
                if last - first <= Double(intervals) { return (step, Int(first), Int(last)) }
            }
            power += 1
        }
    }

    /// `times` × step, computed so that the result is the double nearest the exact decimal.
    static func value(step: Step, times: Int) -> Double {
        let whole = Double(times * step.mantissa)
        return step.power >= 0 ? whole * pow10(step.power) : whole / pow10(-step.power)
    }

    static func pow10(_ n: Int) -> Double {
        var result = 1.0
        for _ in 0..<n { result *= 10 }
        return result
    }

    private static func log10(_ x: Double) -> Double {
        // The standard library has no log10 without Foundation; count decades instead, which
        // is all a tick step needs.
        guard x > 0, x.isFinite else { return 0 }
        var exponent = 0.0
        var v = x
        while v >= 10 { v /= 10; exponent += 1 }
        while v < 1 { v *= 10; exponent -= 1 }
        return exponent
    }
}
