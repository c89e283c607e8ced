import ArvioData
import ArvioQuery

/// `.scale`: what a codebook would say of a column, declared in the shell.
extension Interpreter {
    /// `.scale T.col a < b < c` makes the column an ordinal scale in that order.
    func declareScale(_ c: MetaCommand) throws(Diagnostic) -> Outcome {
        guard c.arguments.count >= 2 else { try expect(c, count: 3); return .failed }
        let (table, index) = try tableColumn(c)
        // `a<b<c` and `a < b < c` read alike; each point remembers its argument for errors.
        var points: [String] = []
        var argumentOf: [Int] = []
        for (i, word) in c.arguments.enumerated().dropFirst() {
            for part in word.split(separator: "<") where !part.isEmpty {
                points.append(String(part))
                argumentOf.append(i)
            }
        }
        var changed = table
        do {
            changed.columns[index] = try table.columns[index].declaringScale(points)
        } catch {
            throw c.error(at: error.point.map { argumentOf[$0] } ?? 0, error.message)
        }
        var workspace = session.workspace
        let relations = workspace.relations.filter { $0.table == table.name }
        workspace.add(changed, madeByLet: workspace.isMadeByLet(table.name))
        for relation in relations { workspace.add(relation) }
        session.workspace = workspace
        confirm("\(table.name).\(table.columns[index].name) is ordinal: \(points.joined(separator: " < "))")
        return .succeeded
    }

    /// The table and column index named `T.col` by the first argument.
    func tableColumn(_ c: MetaCommand) throws(Diagnostic) -> (Table, Int) {
        let parts = c.arguments[0].split(separator: ".", maxSplits: 1).map(String.init)
        guard parts.count == 2 else {
            throw c.error(at: 0, "name the column as TABLE.COLUMN, as in responses.score; usage: \(MetaCommand.all.first { $0.name == c.name }?.usage ?? "")")
        }
        guard let table = session.workspace.table(named: parts[0]) else {
            throw c.error(at: 0, "there is no table \"\(parts[0])\"; .tables lists them",
                          suggestion: Suggestion.closest(to: parts[0], among: session.workspace.tableNames).map { "\"\($0)\"" })
        }
        guard let index = table.columnIndex(named: parts[1]) else {
            throw c.error(at: 0, "\(table.name) has no column \"\(parts[1])\"; .schema \(table.name) lists them",
                          suggestion: Suggestion.closest(to: parts[1], among: table.columnNames).map { "\"\(table.name).\($0)\"" })
        }
        return (table, index)
    }
}
