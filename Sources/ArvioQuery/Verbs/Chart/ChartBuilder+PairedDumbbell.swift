import ArvioData

/// `chart dumbbell V by PHASE per R` on long data pairs the answers as `delta` does when a row
/// averages several people: the table's key without the phase names who answered, and only
/// those with both answers enter the two means, so a row's change is the paired change (Setlementti +1.33, not the +1.00 that the
/// drop-outs' pre answers make of it), with n pairs per row and a note naming who was left out.
extension ChartBuilder {
    /// The two means per row from pairs, the pairs per row, and the note; nil when the rows
    /// cannot be paired (no key with the phase in it, or two rows of one key and phase).
    func pairedDumbbellMeans(value: Column, phase: Token, phases: ChartCategories,
                             rows: ChartCategories) -> (sums: [[Double]], n: [Int], note: Localized)? {
        let key = frame.table.key
        guard key.contains(phase.text) else { return nil }
        let rest = key.filter { $0 != phase.text }
        let keyColumns = rest.compactMap { frame.table.column(named: $0) }
        guard !rest.isEmpty, keyColumns.count == rest.count else { return nil }
        let ids = OrderedKeys.ids(for: keyColumns.map { frame.data(of: $0) }, rowCount: frame.rowCount)
        let data = frame.data(of: value)
        var sides = [[Int]](repeating: [-1, -1], count: ids.count)
        for row in 0..<frame.rowCount {
            guard let p = phases.index[row], data.number(at: row) != nil else { continue }
            let id = Int(ids.ids[row])
            guard sides[id][p] < 0 else { return nil }
            sides[id][p] = row
        }
        // A row that is one pair (per participant) shows that person's two answers, or the one
        // they gave: nothing is averaged, so nothing needs pairing.
        var idOfRow = [Int](repeating: -1, count: rows.count)
        var severalPerRow = false
        for row in 0..<frame.rowCount {
            guard let r = rows.index[row], phases.index[row] != nil else { continue }
            let id = Int(ids.ids[row])
            if idOfRow[r] < 0 { idOfRow[r] = id } else if idOfRow[r] != id { severalPerRow = true; break }
        }
        guard severalPerRow else { return nil }
        var sums = [[Double]](repeating: [0, 0], count: rows.count)
        var n = [Int](repeating: 0, count: rows.count)
        var alone: [[Int]] = [[], []]
        for side in sides {
            switch (side[0] >= 0, side[1] >= 0) {
            case (true, true):
                guard let r = rows.index[side[0]], let a = data.number(at: side[0]), let b = data.number(at: side[1]) else { continue }
                sums[r][0] += a
                sums[r][1] += b
                n[r] += 1
            case (true, false): alone[0].append(side[0])
            case (false, true): alone[1].append(side[1])
            case (false, false): break
            }
        }
        let units = PairingUnits.make(frame: frame, keyNames: rest, context: context)
        let names = phases.labels.map { $0.en }, namesFi = phases.labels.map { $0.fi }
        var en = "Paired on \(rest.joined(separator: " × ")): each row's two means are of the \(n.reduce(0, +)) pairs with both answers (n per row)"
        var fi = "Parit avaimella \(rest.joined(separator: " × ")): kunkin rivin keskiarvot ovat \(n.reduce(0, +)) parista, joilla on kumpikin vastaus (n riveittäin)"
        for (p, rowsAlone) in alone.enumerated() where !rowsAlone.isEmpty {
            let who = units.name.map { "\($0) " } ?? "", listing = units.listing(rowsAlone).text
            en += "; left out \(rowsAlone.count) \(names[p]) answer\(rowsAlone.count == 1 ? "" : "s") with no \(names[1 - p]) answer: \(who)\(listing.en)"
            fi += "; pois jätettiin \(rowsAlone.count) \(namesFi[p])-vastausta ilman \(namesFi[1 - p])-vastausta: \(who)\(listing.fi)"
        }
        return (sums, n, Localized(en: en + ".", fi: fi + "."))
    }
}
