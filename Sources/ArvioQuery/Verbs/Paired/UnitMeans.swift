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

extension UnitMeans {
    /// The same reduction as `make`, counted: one `UnitChangeTally` per group, built through
    /// dense per-(group, unit) sums on the unit's category code and then dense counters of
    /// (pairs, Σpre, Σpost), so no array of means is made and no mean is sorted. nil when the
    /// values are not whole numbers in a small range, the units have no codes, a group has
    /// fewer than `PairedChange.tallyThreshold` units (small data keeps the arrays, as
    /// before), or no unit has more than one pair in a group (nothing to reduce); and when
    /// `isCancelled` turns true (the caller then throws the cancellation).
    static func tallies(_ pairing: Pairing, units: PairingUnits, groupCount: Int, groupOfRow: [Int32]?,
                        isCancelled: (@Sendable () -> Bool)? = nil) -> [UnitChangeTally]? {
        guard units.name != nil, pairing.keyNames.count > 1, let codes = units.codes, groupCount > 0 else { return nil }
        let pairs = pairing.pre.count
        guard pairs >= PairedChange.tallyThreshold * groupCount, pairs < Int(Int32.max),
              let range = pairing.wholeRange else { return nil }
        let idCount = units.idCount
        let slots = groupCount.multipliedReportingOverflow(by: idCount)
        guard !slots.overflow, slots.partialValue <= max(1 << 20, 4 * pairs) else { return nil }
        let low = range.low
        // Per slot: its pairs, and the sums of value − low before and after (under 64 · pairs).
        // The counts in 32 bits (a slot has fewer pairs than there are), the sums in 64: a
        // unit's sums can pass 32 bits where the pairs do not (over 34 million pairs).
        var k = [Int32](repeating: 0, count: slots.partialValue)
        var preSum = [Int](repeating: 0, count: slots.partialValue), postSum = preSum
        let chunk = EvaluationContext.chunk
        let noGroups = [Int32](repeating: 0, count: 1)
        /// The pass over the pairs for one width of codes; false when cancelled.
        func accumulate<C: FixedWidthInteger>(_ unitOf: UnsafeBufferPointer<C>) -> Bool {
            k.withUnsafeMutableBufferPointer { k in
                preSum.withUnsafeMutableBufferPointer { preSum in
                    postSum.withUnsafeMutableBufferPointer { postSum in
                        pairing.pre.withUnsafeBufferPointer { pre in
                            pairing.post.withUnsafeBufferPointer { post in
                                pairing.preRows.withUnsafeBufferPointer { preRows in
                                    (groupOfRow ?? noGroups).withUnsafeBufferPointer { groupOf in
                                        let grouped = groupOfRow != nil
                                        for i in 0..<pairs {
                                            if i % chunk == 0, isCancelled?() == true { return false }
                                            let row = preRows[i]
                                            let g = grouped ? Int(groupOf[row]) : 0
                                            let slot = g * idCount + Int(unitOf[row])
                                            k[slot] &+= 1
                                            preSum[slot] &+= Int(pre[i]) - low
                                            postSum[slot] &+= Int(post[i]) - low
                                        }
                                        return true
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        let completed = codes.withBuffer { buffer in
            switch buffer {
            case .u8(let b): accumulate(b)
            case .u16(let b): accumulate(b)
            case .u32(let b): accumulate(b)
            }
        }
        let stopped = !completed
        guard !stopped, let most = k.max(), most > 1 else { return nil }
        // Dense counters of (pairs, Σpre, Σpost) per group when they are few; else a dictionary.
        let w = range.width
        let sumSpan = (w - 1) * Int(most) + 1
        let cells = (Int(most) + 1).multipliedReportingOverflow(by: sumSpan * sumSpan)
        var tallies = [UnitChangeTally](repeating: UnitChangeTally(), count: groupCount)
        for g in 0..<groupCount {
            if isCancelled?() == true { return nil }
            let base = g * idCount
            if !cells.overflow, cells.partialValue <= 1 << 20 {
                var counts = [Int](repeating: 0, count: cells.partialValue)
                counts.withUnsafeMutableBufferPointer { counts in
                    k.withUnsafeBufferPointer { k in
                        preSum.withUnsafeBufferPointer { preSum in
                            postSum.withUnsafeBufferPointer { postSum in
                                for slot in base..<(base + idCount) where k[slot] > 0 {
                                    counts[(Int(k[slot]) * sumSpan + Int(preSum[slot])) * sumSpan + Int(postSum[slot])] += 1
                                }
                            }
                        }
                    }
                }
                for (cell, count) in counts.enumerated() where count > 0 {
                    let n = cell / (sumSpan * sumSpan), a = cell / sumSpan % sumSpan, b = cell % sumSpan
                    tallies[g].add(pairs: n, preSum: a + n * low, postSum: b + n * low, count: count)
                }
            } else {
                for slot in base..<(base + idCount) where k[slot] > 0 {
                    let n = Int(k[slot])
                    tallies[g].add(pairs: n, preSum: Int(preSum[slot]) + n * low, postSum: Int(postSum[slot]) + n * low)
                }
            }
        }
        guard tallies.allSatisfy({ $0.total >= PairedChange.tallyThreshold }) else { return nil }
        return tallies
    }
}
