import ArvioData

/// The rows `freq` shows for a column's missing values when some have a reason (an SPSS
/// user-missing code, a Stata `.a`, a `.missing` declaration): one row per reason, declared
/// codes nobody used included, then the missing values with no reason.
struct MissingReasonRows {
    /// One level per reason, "missing: no answer".
    var levels: [Level] = []
    /// How many of the frame's rows have each reason.
    var counts: [Int] = []
    /// The missing values with no reason.
    var other: Int
    /// The level of the no-reason row when there are reasons; nil keeps the plain "missing" row.
    var otherLevel: Level?

    /// The reasons of `column` over the rows of `frame`, of which `missing` are missing in all.
    init(frame: Frame, column: String, missing: Int) {
        other = missing
        guard let reasons = frame.table.column(named: column)?.missingReasons else { return }
        counts = reasons.counts(rows: frame.rows)
        levels = reasons.reasons.map { reason in
            Level(value: "missing " + reason.code,
                  label: Localized(en: "missing: \(reason.display(.en))", fi: "puuttuu: \(reason.display(.fi))"))
        }
        other = missing - counts.reduce(0, +)
        otherLevel = Level(value: "missing", label: Localized(en: "missing, no code", fi: "puuttuu, ei koodia"))
    }
}
