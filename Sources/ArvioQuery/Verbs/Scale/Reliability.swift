import ArvioData
import ArvioStats

/// `reliability A1, A2, A3 [reverse A1] [scale 1 to 6] [per G]` (wide) or
/// `reliability score by item [on K] [reverse AO1] [per area]` (long): Cronbach's α with Feldt's
/// interval, standardized α, McDonald's ω total, the mean inter-item correlation and an item
/// table, over the respondents who answered every item (listwise, as SPSS and PSPP).
public struct Reliability: Verb {
    static let name = "reliability"
    public var spec: ScaleItemsSpec

    static func parse(_ parser: inout Parser, keyword: Token) throws(Diagnostic) -> Reliability {
        Reliability(spec: try ScaleItemsSpec.parse(&parser, verb: name))
    }

    func bind(_ input: BindInput) throws(Diagnostic) -> PlanNode {
        try spec.bind(input, verb: Self.name)
        return input.analysisNode(.reliability(self), verb: self, reads: nil)
    }

    func apply(to frame: Frame, in context: EvaluationContext, keyword: Token) throws(Diagnostic) -> Frame {
        let reader = try ScaleItemsReader(spec: spec, frame: frame, context: context, verb: Self.name)
        let grouping = spec.per.isEmpty ? Grouping.single(rowCount: frame.rowCount)
            : try Grouping.make(frame: frame, keys: spec.per, context: context)
        try context.checkCancelled(at: keyword.position)
        var blocks: [StatisticsBlock] = []
        var notes: [Localized] = []
        var rows: [ItemRow] = []
        for (group, members) in grouping.rowsByGroup().enumerated() where !members.isEmpty {
            let items = try reader.items(rows: members)
            let label = Delta.groupLabel(grouping, group)
            let prefix = label.en.isEmpty ? Localized("") : Localized(en: "\(label.en): ", fi: "\(label.fi): ")
            let analysis: ScaleReliability
            do {
                guard items.names.count >= 2 else { throw StatsError.tooFewObservations(needed: 2, got: items.names.count) }
                analysis = try ScaleReliability(items: items.values)
            } catch {
                let why = Self.refusal(error, items)
                if spec.per.isEmpty { throw Diagnostic(keyword.position, why.en) }
                notes.append(Localized(en: prefix.en + why.en, fi: prefix.fi + why.fi))
                continue
            }
            blocks.append(block(analysis, items, prefix: prefix))
            for item in items.names.indices {
                let row = analysis.items.first { $0.index == item }
                let values = items.values[item].enumerated().filter { unit, _ in items.values.allSatisfy { $0[unit].isFinite } }.map(\.1)
                rows.append(ItemRow(group: group, name: items.names[item], reversed: items.reversed[item], count: analysis.count,
                                    mean: row?.mean ?? values.first ?? .nan, sd: row?.standardDeviation ?? 0,
                                    itemRest: row?.itemRestCorrelation ?? .nan, alphaIfDropped: row?.alphaIfDropped ?? .nan))
            }
        }
        var columns = grouping.keyColumns.map { Column(name: $0.name, data: $0.data.gathering(rows.map(\.group)), label: $0.label) }
        columns += ItemRow.columns(rows)
        var next = frame.replacingColumns(columns, rowCount: rows.count, keepOrigin: false)
        next.table.key = spec.per.map(\.text) + ["item"]
        next.table.statistics = blocks
        let unit = reader.unitKey.isEmpty ? ("rows", "rivien") : ("respondents (\(reader.unitKey.joined(separator: " × ")))", "vastaajien (\(reader.unitKey.joined(separator: " × ")))")
        next.table.notes = frame.table.notes + notes + [Localized(
            en: "n counts the \(unit.0) with every item answered (listwise, as SPSS and PSPP); item_rest is the correlation of an item with the sum of the others, alpha_if_dropped the raw α without it.",
            fi: "n on niiden \(unit.1) määrä, jotka vastasivat jokaiseen osioon (listwise, kuten SPSS ja PSPP); osio–muut r (item_rest) on osion korrelaatio muiden osioiden summan kanssa, α ilman osiota (alpha_if_dropped) raaka α, kun osio jätetään pois.")]
        return next
    }

    /// The block of one scale: the statistics, then what was reversed, left out or not estimable.
    private func block(_ a: ScaleReliability, _ items: ScaleItems, prefix: Localized) -> StatisticsBlock {
        let k = a.itemCount - a.constantItems.count
        let left = a.incompleteCount == 0 ? ("", "") : (", \(a.incompleteCount) incomplete left out", ", \(a.incompleteCount) puutteellista pois")
        let title = Localized(en: "\(prefix.en)\(k) items, n = \(a.count)\(left.0)", fi: "\(prefix.fi)\(k) osiota, n = \(a.count)\(left.1)")
        let omega = try? a.omega.get()
        var entries = [
            Statistic(name: Localized(en: "Cronbach's α", fi: "Cronbachin α"), value: a.alpha,
                      method: Localized(en: "raw, from the covariances", fi: "raaka, kovariansseista")),
            Statistic(name: Localized(en: "95% CI lower", fi: "95 %:n LV alaraja"), value: a.alphaInterval.lowerBound,
                      method: Localized(en: "Feldt, F(\(a.count - 1), \((a.count - 1) * (k - 1)))", fi: "Feldt, F(\(a.count - 1), \((a.count - 1) * (k - 1)))")),
            Statistic(name: Localized(en: "95% CI upper", fi: "95 %:n LV yläraja"), value: a.alphaInterval.upperBound),
            Statistic(name: Localized(en: "Standardized α", fi: "Standardoitu α"), value: a.standardizedAlpha,
                      method: Localized(en: "from the mean inter-item r", fi: "osioiden keskikorrelaatiosta")),
        ]
        entries.append(Statistic(name: Localized(en: "McDonald's ω total", fi: "McDonaldin ω (kokonais)"), value: omega?.total,
                                 method: omega == nil ? Localized(en: "not estimable, see the note", fi: "ei estimoitavissa, ks. huomautus")
                                     : Localized(en: "one factor, minres (as psych::omega)", fi: "yksi faktori, minres (kuten psych::omega)")))
        entries.append(Statistic(name: Localized(en: "Mean inter-item r", fi: "Osioiden keskikorrelaatio"), value: a.meanInterItemCorrelation,
                                 method: Localized(en: k == 2 ? "Pearson, one pair of items" : "Pearson, \(k * (k - 1) / 2) pairs of items",
                                                  fi: k == 2 ? "Pearson, yksi osiopari" : "Pearson, \(k * (k - 1) / 2) osioparia")))
        return StatisticsBlock(title: title, entries: entries, notes: Self.notes(a, items))
    }

    private static func notes(_ a: ScaleReliability, _ items: ScaleItems) -> [Localized] {
        var notes: [Localized] = []
        let reversed = items.names.indices.filter { items.reversed[$0] }.map { i -> String in
            let p = items.reversal[items.names[i]]!
            return "\(items.names[i]) (\(NumberFormat.plain(p.low + p.high)) − answer)"
        }
        if !reversed.isEmpty {
            let list = reversed.joined(separator: ", ")
            notes.append(Localized(en: "Reversed on the declared scale points, in every statistic: \(list).",
                                   fi: "Käännetty asteikon ilmoitettujen pisteiden mukaan kaikissa tunnusluvuissa: \(list.replacingOccurrences(of: "answer", with: "vastaus"))."))
        }
        for i in a.constantItems {
            notes.append(Localized(
                en: "\(items.names[i]): every respondent gave the same answer (zero variance), so it has no correlation; left out of α, ω and r.",
                fi: "\(items.names[i]): kaikki vastasivat samoin (varianssi nolla), joten sillä ei ole korrelaatiota; jätetty pois α:sta, ω:sta ja r:stä."))
        }
        let negative = a.items.filter { ($0.itemRestCorrelation ?? 0) < 0 && !items.reversed[$0.index] }
        if !negative.isEmpty {
            let list = negative.map { "\(items.names[$0.index]) (r = \(NumberFormat.statistic($0.itemRestCorrelation ?? 0)))" }.joined(separator: ", ")
            let names = negative.map { items.names[$0.index] }.joined(separator: ", ")
            notes.append(Localized(
                en: "Negatively correlated with the rest of the scale but not reversed: \(list); if reverse keyed, add reverse \(names).",
                fi: "Korreloi negatiivisesti muun asteikon kanssa, mutta ei käännetty: \(list); jos osio on käänteinen, lisää reverse \(names)."))
        }
        let turnedNegative = a.items.filter { ($0.itemRestCorrelation ?? 0) < 0 && items.reversed[$0.index] }
        if !turnedNegative.isEmpty {
            let names = turnedNegative.map { items.names[$0.index] }.joined(separator: ", ")
            notes.append(Localized(
                en: "Reversed but still negatively correlated with the rest of the scale: \(names); check that it is reverse keyed.",
                fi: "Käännetty, mutta korreloi yhä negatiivisesti muun asteikon kanssa: \(names); tarkista, onko osio käänteinen."))
        }
        if a.alpha < 0 {
            notes.append(Localized(
                en: "α is below 0: the items covary negatively on the whole, so they do not measure one thing in one direction.",
                fi: "α on alle 0: osiot kovarioivat kaikkiaan negatiivisesti, joten ne eivät mittaa yhtä asiaa samaan suuntaan."))
        }
        if case .failure(let failure) = a.omega {
            switch failure {
            case .notIdentified(let count):
                notes.append(Localized(
                    en: "ω needs at least three items: with \(count) a one-factor model has as many loadings as correlations, so they are not identified; α is given.",
                    fi: "ω tarvitsee vähintään kolme osiota: \(count) osiolla yhden faktorin mallissa on yhtä monta latausta kuin korrelaatiota, joten ne eivät ole identifioituja; α annetaan."))
            case .heywoodCase(let item):
                notes.append(Localized(
                    en: "ω not given: the one-factor model leaves \(items.names[item]) no unique variance (communality ≥ 1, a Heywood case), usually too few respondents or an item that repeats another.",
                    fi: "ω:ta ei anneta: yhden faktorin malli ei jätä osiolle \(items.names[item]) omaa varianssia (kommunaliteetti ≥ 1, Heywood-tapaus), yleensä liian vähän vastaajia tai toista toistava osio."))
            case .notConverged:
                notes.append(Localized(en: "ω not given: the one-factor model did not converge.",
                                       fi: "ω:ta ei anneta: yhden faktorin malli ei konvergoinut."))
            }
        }
        return notes
    }

    /// Why a group has no reliability, in words.
    private static func refusal(_ error: any Error, _ items: ScaleItems) -> Localized {
        let list = items.names.joined(separator: ", ")
        switch error as? StatsError {
        case .tooFewObservations(needed: 2, let got) where items.names.count < 2:
            return Localized(en: "\(got) item (\(list)); a scale needs at least two for reliability.",
                             fi: "\(got) osio (\(list)); luotettavuus vaatii vähintään kaksi osiota.")
        case .tooFewObservations(let needed, let got):
            return Localized(en: "only \(got) respondents answered every item of \(list); reliability needs at least \(needed).",
                             fi: "vain \(got) vastaajaa vastasi kaikkiin osioihin \(list); luotettavuus vaatii vähintään \(needed).")
        case .zeroVariance:
            return Localized(en: "fewer than two of \(list) vary among the respondents, so there is no reliability to estimate.",
                             fi: "alle kaksi osioista \(list) vaihtelee vastaajien kesken, joten luotettavuutta ei voi arvioida.")
        default:
            return Localized("\(error)")
        }
    }
}

/// One row of the item table.
private struct ItemRow {
    var group: Int
    var name: String
    var reversed: Bool
    var count: Int
    var mean: Double
    var sd: Double
    var itemRest: Double
    var alphaIfDropped: Double

    static func columns(_ rows: [ItemRow]) -> [Column] {
        let yes = Level(value: "yes", label: Localized(en: "yes", fi: "kyllä"))
        let no = Level(value: "no", label: Localized(en: "no", fi: "ei"))
        return [
            Column(name: "item", data: .text(rows.map(\.name))),
            Column(name: "reversed", data: .categorical(CategoricalData(
                codes: Codes(rows.map { $0.reversed ? 1 : 2 }, levelCount: 2), levels: [yes, no]), ordered: false)),
            Column(name: "n", data: .integer(rows.map { Int64($0.count) })),
            Column(name: "mean", data: .decimal(rows.map(\.mean))),
            Column(name: "sd", data: .decimal(rows.map(\.sd))),
            Column(name: "item_rest", data: .decimal(rows.map(\.itemRest))),
            Column(name: "alpha_if_dropped", data: .decimal(rows.map(\.alphaIfDropped))),
        ].map(Headings.headed)
    }
}
