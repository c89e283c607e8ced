/// The words a step of each verb takes besides column names and expressions, as the grammar
/// in docs/language.md writes them: what the shell's completion offers inside a step.
public enum VerbWords {
    /// The option words of `verb` (`by`, `cells`, `rows` …); empty for a verb without any.
    public static func options(of verb: String) -> [String] { options[verb] ?? [] }

    /// The kinds written after `chart`.
    public static var chartKinds: [String] { Chart.Kind.allCases.map(\.rawValue) }

    /// The kinds written after `crosstab ... cells`.
    public static var cellKinds: [String] { CrosstabCell.words }

    /// The corrections written after `adjust`.
    public static var adjustments: [String] { MultipleTesting.words }

    /// Whether a step of `verb` is made of expressions, so that functions belong in it.
    public static func takesExpressions(_ verb: String) -> Bool {
        ["where", "derive", "group", "aggregate"].contains(verb)
    }

    /// Every verb of `VerbRegistry` has its entry (a test checks), so a new verb is offered too.
    static let options: [String: [String]] = [
        "where": [], "select": [], "derive": [], "aggregate": [], "take": [], "distinct": [],
        "group": ["aggregate"],
        "count": ["by"],
        "sort": ["asc", "desc"],
        "join": ["left", "inner", "on"],
        "longer": ["into"],
        "wider": ["from"],
        "stack": ["as"],
        "crosstab": ["by", "cells", "weight", "rows", "ci", "paired", "on", "per", "adjust"],
        "freq": ["weight", "rows", "ci"],
        "describe": ["by", "quartiles", "weight", "rows"],
        "delta": ["by", "per", "on", "with", "pratt", "adjust", "pairs"],
        "attrition": ["by", "on"],
        "associate": ["seed", "weight", "rows", "adjust"],
        "reliability": ["by", "reverse", "scale", "to", "per", "on"],
        "scale": ["by", "into", "reverse", "scale", "to", "per", "on", "mean", "sum", "min"],
        "chart": ["by", "per", "title", "width", "percent", "sorted", "binwidth"],
    ]

    /// The verbs without an entry in `options`; empty when every verb is covered.
    static var verbsWithoutEntry: [String] { VerbRegistry.names.filter { options[$0] == nil } }
}
