/// Why a statistic could not be computed from the data it was given.
///
/// Every case describes input a user can produce (an empty group, a constant column), so callers
/// turn it into a message instead of crashing.
public enum StatsError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Fewer observations than the statistic needs.
    case tooFewObservations(needed: Int, got: Int)
    /// The data have no spread, so a ratio with the variance in its denominator is undefined.
    case zeroVariance
    /// Two arrays that must be paired element by element have different lengths.
    case mismatchedLengths(Int, Int)
    /// A count matrix whose rows differ in length, or that has fewer than two rows or columns.
    case notATable(rows: Int, columns: Int)
    /// A count below zero in a contingency table.
    case negativeCount(row: Int, column: Int)
    /// A value that is NaN or infinite.
    case nonFiniteValue
    /// A probability or level outside the open interval (0, 1).
    case invalidProbability(Double)
    /// A table too large for the test to be worth its cost (other tests suit it better).
    case tooLarge(total: Int, limit: Int)
    /// A paired table that is not square (the same categories both times), or smaller than 2×2.
    case notASquareTable(rows: Int, columns: Int)
    /// A paired table in which no unit changed category, so a test of change has nothing to test.
    case noDiscordantPairs
    /// A count of successes below zero or above the number of trials.
    case countOutOfRange(Int, Int)
    /// The user asked to stop (Ctrl-C) while a long computation was running.
    case cancelled

    public var description: String {
        switch self {
        case let .tooFewObservations(needed, got):
            return "needs at least \(needed) observations, got \(got)"
        case .zeroVariance:
            return "the values do not vary"
        case let .mismatchedLengths(a, b):
            return "paired values differ in length (\(a) and \(b))"
        case let .notATable(rows, columns):
            return "a \(rows)×\(columns) table needs at least two non-empty rows and columns"
        case let .negativeCount(row, column):
            return "negative count in row \(row + 1), column \(column + 1)"
        case .nonFiniteValue:
            return "a value is not a finite number"
        case let .invalidProbability(p):
            return "\(p) is not a probability strictly between 0 and 1"
        case let .notASquareTable(rows, columns):
            return "a paired table needs the same categories both times (at least 2), got \(rows)×\(columns)"
        case .noDiscordantPairs:
            return "no unit changed category, so there is no change to test"
        case let .countOutOfRange(x, n):
            return "\(x) successes of \(n) trials is not a count between 0 and \(n)"
        case .cancelled:
            return "stopped: the computation was cancelled"
        case let .tooLarge(total, limit):
            return "n = \(total) is above \(limit), the largest table this test is computed for"
        }
    }
}
