/// Projection pushdown for `join`: a join gathers every column of both tables, which is most of
/// its cost when the right table is wide and a later step uses a few columns. When a later step
/// narrows the table to named columns, the join only needs what the steps up to it name.
extension Pipeline {
    /// Verbs whose result holds only columns they name: past them, no earlier column is read.
    private static func narrows(_ verb: any Verb) -> Bool {
        verb is Group || verb is Count || verb is Select || verb is Crosstab || verb is Freq || verb is Describe
    }

    /// Verbs that read only the columns they name and keep the others as they are. A join
    /// without `on` is not one: it reads the relation's columns, which it does not name.
    private static func passes(_ verb: any Verb) -> Bool {
        if let join = verb as? Join { return !join.on.isEmpty }
        return verb is Where || verb is Derive || verb is Sort || verb is Take
    }

    /// The steps with `Join.keep` set on each join that can be pruned, or nil when none can.
    var pruningJoins: [Step]? {
        var result = steps
        var pruned = false
        for (i, step) in steps.enumerated() {
            guard var join = step.verb as? Join else { continue }
            guard let keep = Self.namesNeeded(after: i, in: steps) else { continue }
            join.keep = keep
            result[i].verb = join
            pruned = true
        }
        return pruned ? result : nil
    }

    /// The names the steps after `index` write up to a narrowing verb, or nil (keep every
    /// column) when a verb that may read unnamed columns, or the end, comes first.
    private static func namesNeeded(after index: Int, in steps: [Step]) -> Set<String>? {
        var names: Set<String> = []
        // Joins rename a clashing right column to `name_table`; each may be one we pass.
        var joined = [(steps[index].verb as? Join)?.table.text].compactMap { $0 }
        for step in steps[(index + 1)...] {
            names.formUnion(step.names)
            if let join = step.verb as? Join { joined.append(join.table.text) }
            if narrows(step.verb) {
                // `org_participants` may come from `org`, which must then be kept to clash.
                for name in names {
                    for table in joined where name.hasSuffix("_\(table)") {
                        names.insert(String(name.dropLast(table.count + 1)))
                    }
                }
                return names
            }
            if !passes(step.verb) { return nil }
        }
        return nil
    }
}
