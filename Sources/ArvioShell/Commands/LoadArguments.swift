import ArvioData
import ArvioQuery

/// The words of `.load FILE [as NAME] [--codebook FILE] [--na TOKENS]`.
struct LoadArguments {
    var file: String
    var name: String
    var codebook: String?
    /// The values read as missing: `NA` unless `--na` lists others (comma-separated; "" for none).
    var missingTokens = CSVReader.defaultMissingTokens

    init(_ c: MetaCommand) throws(Diagnostic) {
        var rest = c.arguments[...]
        guard let file = rest.popFirst() else { throw c.error(at: 0, "name the CSV file to load; usage: .load FILE [as NAME] [--codebook FILE] [--na TOKENS]") }
        self.file = file
        var name: String?
        var index = 1
        while let word = rest.popFirst() {
            switch word {
            case "as":
                guard let n = rest.popFirst() else { throw c.error(at: index + 1, "a table name follows \"as\"") }
                guard n.first.map({ $0.isLetter || $0 == "_" }) == true, n.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) else {
                    throw c.error(at: index + 1, "\"\(n)\" cannot be a table name: use letters, digits and _, starting with a letter")
                }
                name = n
                index += 2
            case "--codebook":
                guard let path = rest.popFirst() else { throw c.error(at: index + 1, "a codebook file follows --codebook") }
                codebook = path
                index += 2
            case "--na":
                guard let list = rest.popFirst() else {
                    throw c.error(at: index + 1, "the values to read as missing follow --na, separated by commas (\"\" for none)")
                }
                missingTokens = Set(list.split(separator: ",").map { String($0) })
                index += 2
            default:
                throw c.error(at: index, "unexpected \"\(word)\"; usage: .load FILE [as NAME] [--codebook FILE] [--na TOKENS]")
            }
        }
        self.name = name ?? Self.tableName(fromPath: file)
    }

    /// `data/Kysely 2024.csv` -> `Kysely_2024`.
    static func tableName(fromPath path: String) -> String {
        var base = String(path.split(separator: "/").last ?? Substring(path))
        if let dot = base.lastIndex(of: "."), dot != base.startIndex { base = String(base[..<dot]) }
        var name = String(base.map { $0.isLetter || $0.isNumber ? $0 : "_" })
        if name.first?.isNumber ?? true { name = "t_" + name }
        return name
    }
}
