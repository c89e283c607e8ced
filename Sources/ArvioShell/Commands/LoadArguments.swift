import ArvioData
import ArvioQuery

/// The words of `.load FILE [as NAME] [--codebook FILE] [--na TOKENS] [--encoding NAME] [--ordinal COLS]`.
struct LoadArguments {
    var file: String
    var name: String
    var codebook: String?
    /// The values read as missing: `NA` unless `--na` lists others (comma-separated; "" for none).
    var missingTokens = CSVReader.defaultMissingTokens
    /// Whether `--na` was given, so a file with missing codes of its own can refuse it.
    var missingTokensGiven = false
    /// `--encoding NAME`: the encoding of an SPSS, Stata or SAS file that names none or the wrong one.
    var encoding: String?
    /// `--ordinal a,b`: coded columns of an SPSS, Stata or SAS file to read as ordinal scales.
    var ordinal: [String] = []
    /// `sheet NAME`: the sheet of an Excel workbook to load; nil loads the first.
    var sheet: String?
    /// Where each option is, for errors about options that do not fit the file.
    var optionIndex: [String: Int] = [:]
    /// The command, for errors found after parsing.
    let command: MetaCommand

    init(_ c: MetaCommand) throws(Diagnostic) {
        command = c
        var rest = c.arguments[...]
        guard let file = rest.popFirst() else { throw c.error(at: 0, "name the file to load; usage: \(Self.usage)") }
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
                optionIndex[word] = index
                index += 2
            case "sheet":
                guard let n = rest.popFirst() else { throw c.error(at: index + 1, "a sheet's name follows \"sheet\", in quotes when it has spaces") }
                sheet = n
                optionIndex[word] = index
                index += 2
            case "--codebook":
                guard let path = rest.popFirst() else { throw c.error(at: index + 1, "a codebook file follows --codebook") }
                codebook = path
                optionIndex[word] = index
                index += 2
            case "--na":
                guard let list = rest.popFirst() else {
                    throw c.error(at: index + 1, "the values to read as missing follow --na, separated by commas (\"\" for none)")
                }
                missingTokens = Set(list.split(separator: ",").map { String($0) })
                missingTokensGiven = true
                optionIndex[word] = index
                index += 2
            case "--encoding":
                guard let name = rest.popFirst() else {
                    throw c.error(at: index + 1, "an encoding follows --encoding, as in --encoding WINDOWS-1252")
                }
                encoding = name
                optionIndex[word] = index
                index += 2
            case "--ordinal":
                guard let list = rest.popFirst() else {
                    throw c.error(at: index + 1, "the columns to read as ordinal scales follow --ordinal, separated by commas")
                }
                ordinal += list.split(separator: ",").map { String($0) }
                optionIndex[word] = index
                index += 2
            default:
                throw c.error(at: index, "unexpected \"\(word)\"; usage: \(Self.usage)")
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
