/// Why some values of a column are missing, when the data file says: SPSS user-missing codes
/// (`9` = "no answer", `6` = "en osaa sanoa"), Stata's `.a`–`.z`, or codes declared with
/// `.missing`. The column's data holds an ordinary missing value at those rows, so every
/// statistic leaves them out; only `freq` and the writers look here, to count each reason on a
/// row of its own and to write the codes back.
public struct MissingReasons: Sendable {
    /// One reason: the code as written in the file ("9", ".a"), what it means, and the number
    /// the code stands for (nil for a text code or a Stata tag).
    public struct Reason: Sendable, Hashable {
        /// The code as in the data ("9", ".a", "EOS").
        public var code: String
        /// What the code means, from the file's value labels or as declared ("no answer").
        public var label: Localized?
        /// The number the code is, for numeric columns; nil for text codes and Stata tags.
        public var number: Double?

        /// Creates a reason.
        public init(code: String, label: Localized? = nil, number: Double? = nil) {
            self.code = code
            self.label = label
            self.number = number
        }

        /// The text `freq` shows for the reason in `language`: its label, or the code.
        public func display(_ language: Language) -> String { label?.text(language) ?? code }
    }

    /// The reasons, in the order the file or the declaration gives them.
    public var reasons: [Reason]
    /// Per row: 0 when the row has a value or is missing for no stated reason, k for `reasons[k-1]`.
    public var codes: Codes
    /// The numeric ranges the file declares missing (SPSS `MISSING VALUES x (997 THRU 999)`),
    /// kept so a file written back declares the same ranges rather than only the codes seen.
    public var ranges: [ClosedRange<Double>]

    /// Creates the reasons of a column.
    public init(reasons: [Reason], codes: Codes, ranges: [ClosedRange<Double>] = []) {
        self.reasons = reasons
        self.codes = codes
        self.ranges = ranges
    }

    /// The reason of row `row`, or nil.
    public func reason(at row: Int) -> Reason? {
        let code = codes[row]
        return code == 0 ? nil : reasons[code - 1]
    }

    /// The reasons of the rows in `rows`, in that order.
    public func gathering(_ rows: [Int]) -> MissingReasons {
        MissingReasons(reasons: reasons, codes: codes.gathering(rows), ranges: ranges)
    }

    /// How many rows have each reason, in the order of `reasons`, among `rows` (all when nil).
    public func counts(rows: [Int]?) -> [Int] {
        var counts = [Int](repeating: 0, count: reasons.count)
        if let rows {
            for row in rows where codes[row] != 0 { counts[codes[row] - 1] += 1 }
        } else {
            for row in 0..<codes.count where codes[row] != 0 { counts[codes[row] - 1] += 1 }
        }
        return counts
    }
}
