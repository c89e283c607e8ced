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

    /// The reduction of `pairing`, pair i in group `groupOf(i)` of `groupCount`; nil when no
    /// unit has more than one pair in a group (nothing to reduce) or the pairs have no unit
    /// (wide data). Entries are in the order their unit and group first occur among the pairs.
    static func make(_ pairing: Pairing, units: PairingUnits, groupCount: Int, groupOf: (Int) -> Int) -> UnitMeans? {
        guard units.name != nil, pairing.keyNames.count > 1 else { return nil }
        var result = UnitMeans()
        var counts: [Int] = []
        let (scaled, scale) = DecimalDifferences.scaled(pre: pairing.pre, post: pairing.post)
        /// Adds pair `i` to entry `id`, or makes the entry when `id` is nil; the new entry's id.
        func add(_ i: Int, _ g: Int, to id: Int?) -> Int {
            if let id {
                result.pre[id] += pairing.pre[i]
                result.post[id] += pairing.post[i]
                result.change[id] += scaled[i]
                counts[id] += 1
                return id
            }
            result.pre.append(pairing.pre[i])
            result.post.append(pairing.post[i])
            result.change.append(scaled[i])
            result.group.append(g)
            counts.append(1)
            return counts.count - 1
        }
        if let idOf = units.idOf {
            // Units by their category code: a dense table of entries per group and code when it
            // is no larger than a few arrays of the pairs, else a hash of integers.
            let slots = max(groupCount, 1).multipliedReportingOverflow(by: units.idCount)
            if !slots.overflow, slots.partialValue <= max(1 << 20, 4 * pairing.preRows.count) {
                var entry = [Int32](repeating: -1, count: slots.partialValue)
                for i in pairing.preRows.indices {
                    let g = groupOf(i)
                    let slot = g * units.idCount + idOf(pairing.preRows[i])
                    let id = add(i, g, to: entry[slot] < 0 ? nil : Int(entry[slot]))
                    entry[slot] = Int32(id)
                }
            } else {
                var entry: [Int: Int] = [:]
                for i in pairing.preRows.indices {
                    let g = groupOf(i)
                    let slot = g * units.idCount + idOf(pairing.preRows[i])
                    entry[slot] = add(i, g, to: entry[slot])
                }
            }
        } else {
            var index: [String: Int] = [:]
            for i in pairing.preRows.indices {
                let g = groupOf(i)
                let key = "\(g)\u{1F}\(units.unitOf(pairing.preRows[i]))"
                index[key] = add(i, g, to: index[key])
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
