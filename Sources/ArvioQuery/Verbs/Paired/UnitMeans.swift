import ArvioStats

/// The pairs of a `delta` reduced to one per unit within each group: a participant who answered
/// twelve items at both phases is one pair, their mean before and their mean after, so the
/// tests count the 12 people and not their 144 answers as independent (issue 14). The table's
/// descriptives stay over the pairs; only the tests use these.
struct UnitMeans {
    /// The unit's mean before and after, one entry per unit and group.
    var pre: [Double] = []
    var post: [Double] = []
    /// The unit's mean change: its changes summed on the data's decimal precision and divided
    /// once, so two units whose changes add up alike have the same double and tie in the ranks
    /// (17/6 − 14/6 taken as two rounded means need not equal 20/6 − 17/6).
    var change: [Double] = []
    /// The group of each entry.
    var group: [Int] = []
    /// The fewest and most pairs a unit had in a group.
    var pairsPerUnit: ClosedRange<Int> = 1...1

    /// The reduction of `pairing`, pair i in group `groupOf(i)`; nil when no unit has more than
    /// one pair in a group (nothing to reduce) or the pairs have no unit (wide data).
    static func make(_ pairing: Pairing, units: PairingUnits, groupOf: (Int) -> Int) -> UnitMeans? {
        guard units.name != nil, pairing.keyNames.count > 1 else { return nil }
        var index: [String: Int] = [:]
        var result = UnitMeans()
        var counts: [Int] = []
        let (scaled, scale) = DecimalDifferences.scaled(pre: pairing.pre, post: pairing.post)
        for i in pairing.preRows.indices {
            let g = groupOf(i)
            let key = "\(g)\u{1F}\(units.unitOf(pairing.preRows[i]))"
            if let id = index[key] {
                result.pre[id] += pairing.pre[i]
                result.post[id] += pairing.post[i]
                result.change[id] += scaled[i]
                counts[id] += 1
            } else {
                index[key] = counts.count
                result.pre.append(pairing.pre[i])
                result.post.append(pairing.post[i])
                result.change.append(scaled[i])
                result.group.append(g)
                counts.append(1)
            }
        }
        guard let most = counts.max(), most > 1, let least = counts.min() else { return nil }
        for id in counts.indices {
            result.pre[id] /= Double(counts[id])
            result.post[id] /= Double(counts[id])
            result.change[id] /= Double(counts[id]) * scale
        }
        result.pairsPerUnit = least...most
        return result
    }

    /// "12" or "1–12".
    var pairsText: String {
        pairsPerUnit.lowerBound == pairsPerUnit.upperBound ? "\(pairsPerUnit.lowerBound)"
            : "\(pairsPerUnit.lowerBound)–\(pairsPerUnit.upperBound)"
    }
}
