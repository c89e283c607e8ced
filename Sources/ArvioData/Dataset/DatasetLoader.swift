/// Loads a data set folder: a `codebook.csv` and one `TABLE.csv` per table it describes,
/// with the keys and references it declares.
public enum DatasetLoader {
    /// The workspace holding every table of the data set in `directory`.
    public static func load(directory: String) throws(DataError) -> Workspace {
        let codebookPath = directory + "/codebook.csv"
        let codebook = try Codebook.parse(FileIO.read(codebookPath), file: codebookPath)
        var workspace = Workspace()
        workspace.title = codebook.title
        for name in codebook.tableNames {
            let path = "\(directory)/\(name).csv"
            workspace.add(try CSVReader.read(path: path, name: name, codebook: codebook.readingMissingCodes)
                .applyingMissingCodes(of: codebook, file: path))
        }
        try declareRelations(codebook, in: &workspace)
        return workspace
    }

    /// Adds the references `codebook` declares between tables that `workspace` holds.
    public static func declareRelations(_ codebook: Codebook, in workspace: inout Workspace) throws(DataError) {
        for entry in codebook.entries {
            guard let ref = entry.references, workspace.table(named: entry.table) != nil else { continue }
            guard let target = workspace.table(named: ref.table), target.column(named: ref.column) != nil else {
                throw DataError(entry.position, "\(entry.table).\(entry.column) refers to \(ref.table).\(ref.column), which is not loaded")
            }
            workspace.add(Relation(table: entry.table, columns: [entry.column], target: ref.table, targetColumns: [ref.column]))
        }
    }
}
