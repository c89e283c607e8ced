import Foundation

/// The one place that words the `method` of a resampled p-value, so every test reports the
/// count, the seed and the standard error the same way.
enum MethodText {
    /// E.g. "Monte Carlo, 100000 tables, seed 20070116, SE 0.0012".
    static func resampled(_ name: String, count: Int, unit: String, seed: UInt64, standardError: Double) -> String {
        "\(name), \(count) \(unit), seed \(seed), SE \(String(format: "%.4f", standardError))"
    }
}
