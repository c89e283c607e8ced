import ArvioData

/// Numbers in the notes and headings of the analysis verbs (`crosstab`, `freq`, `describe`):
/// the query layer cannot use the renderer's formatter, and these texts need only a few places.
enum AnalysisText {
    /// `value` rounded half away from zero to `decimals` places (0...9), point-separated.
    static func fixed(_ value: Double, decimals: Int) -> String {
        guard value.isFinite else { return value.isNaN ? "nan" : (value < 0 ? "-inf" : "inf") }
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let scaled = (abs(value) * scale).rounded(.toNearestOrAwayFromZero)
        guard scaled < 9e15 else { return String(value) }
        let whole = Int64(scaled)
        let sign = value < 0 && whole != 0 ? "-" : ""
        let divisor = Int64(scale)
        let integer = String(whole / divisor)
        guard decimals > 0 else { return sign + integer }
        let fraction = String(whole % divisor)
        return sign + integer + "." + String(repeating: "0", count: decimals - fraction.count) + fraction
    }

    /// A decimal value as a category: whole numbers without a point, others as Swift prints them.
    static func plain(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return String(value)
    }

    /// "1 row" / "4 rows".
    static func rows(_ count: Int) -> Localized {
        Localized(en: "\(count) row\(count == 1 ? "" : "s")", fi: "\(count) rivi\(count == 1 ? "" : "ä")")
    }
}
