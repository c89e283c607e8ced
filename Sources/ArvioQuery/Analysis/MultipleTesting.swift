import ArvioData
import ArvioStats

/// How a verb that prints several p-values in one result corrects them for multiple testing:
/// `adjust holm` (the default), `adjust bh` or `adjust none`. The adjusted p stands beside the
/// raw one (the "p adj" column), and a note names the method, the family and its size, so a
/// reader of twelve per-item tests knows that one p of 0.03 among them is not a finding.
struct MultipleTesting: Sendable {
    /// The adjustment, or nil for `adjust none`.
    var method: PValueAdjustment? = .holm

    /// The words `adjust` accepts.
    static let words = ["holm", "bh", "none"]

    /// Parses `adjust holm|bh|none` when the parser stands on `adjust`; nil otherwise.
    static func parse(_ parser: inout Parser) throws(Diagnostic) -> MultipleTesting? {
        guard parser.match(word: "adjust") else { return nil }
        let word = parser.current
        guard word.kind == .identifier else {
            throw parser.expected("holm, bh or none after \"adjust\" (how p-values of several tests are corrected)")
        }
        parser.advance()
        switch word.text.lowercased() {
        case "holm": return MultipleTesting(method: .holm)
        case "bh", "fdr": return MultipleTesting(method: .benjaminiHochberg)
        case "none": return MultipleTesting(method: nil)
        default:
            throw Diagnostic(word.position, "there is no adjustment \"\(word.text)\"; adjust takes holm (family-wise error), bh (false discovery rate) or none",
                             suggestion: Suggestion.quoted(word.text, among: words))
        }
    }

    /// The adjusted values of `p` (NaN for tests not run), or nil when there is nothing to
    /// adjust: `adjust none`, or fewer than two tests.
    func adjust(_ p: [Double]) -> [Double]? {
        guard let method, PValueAdjustment.familySize(p) >= 2 else { return nil }
        return method.adjust(p)
    }

    /// Adjusts, across `blocks`, each statistic (matched by name) that has a p-value in at
    /// least two of them: each kind of test is its own family, one test per block. Returns the
    /// note naming what was done, or nil when nothing was adjusted.
    func adjustAcross(_ blocks: inout [StatisticsBlock], family: Localized) -> Localized? {
        guard let method else { return nil }
        var names: [String] = []
        for block in blocks {
            for entry in block.entries where entry.p != nil && !names.contains(entry.name.en) { names.append(entry.name.en) }
        }
        var largest = 0
        var kinds = 0
        for name in names {
            var places: [(Int, Int)] = []
            var p: [Double] = []
            for b in blocks.indices {
                if let e = blocks[b].entries.firstIndex(where: { $0.name.en == name }), let value = blocks[b].entries[e].p {
                    places.append((b, e))
                    p.append(value)
                }
            }
            guard let adjusted = adjust(p) else { continue }
            for (k, (b, e)) in places.enumerated() { blocks[b].entries[e].adjustedP = adjusted[k] }
            largest = max(largest, p.count)
            kinds += 1
        }
        guard kinds > 0 else { return nil }
        return note(method, size: largest, family: family, eachTest: kinds > 1)
    }

    /// "p adj: Holm over 12 tests (one per item; each kind of test on its own), controlling the
    /// family-wise error rate; p is the unadjusted value."
    func note(_ method: PValueAdjustment, size: Int, family: Localized, eachTest: Bool) -> Localized {
        let tests = AnalysisText.tests(size)
        let each = eachTest ? Localized(en: "; each kind of test on its own", fi: "; kukin testilaji erikseen") : Localized("")
        let controls = method == .holm
            ? Localized(en: "the family-wise error rate", fi: "perhekohtaisen virhetason")
            : Localized(en: "the false discovery rate", fi: "väärien löydösten osuuden")
        return Localized(
            en: "p adj: \(method.name) correction over \(tests.en) (\(family.en)\(each.en)), controlling \(controls.en); p is the unadjusted value. adjust bh or adjust none changes this.",
            fi: "p korj: \(method.name)-korjaus \(size) testin yli (\(family.fi)\(each.fi)), hallitsee \(controls.fi); p on korjaamaton arvo. adjust bh tai adjust none muuttaa tämän.")
    }
}
