import ArvioData
import ArvioQuery

/// `.load` and `.save` of SPSS, Stata and SAS files, which carry their own codebook: value
/// labels, variable labels and missing codes.
extension Interpreter {
    /// Loads an SPSS, Stata or SAS file as a table.
    func loadStatisticsFile(_ arguments: LoadArguments, format: ReadStatFormat) -> Outcome {
        do {
            try arguments.refuseCSVOptions(format)
            let options = ReadStatReader.Options(encoding: arguments.encoding, ordinal: Set(arguments.ordinal))
            let result = try ReadStatReader.read(path: arguments.file, name: arguments.name, format: format,
                                                 options: options, isCancelled: session.isCancelled)
            let table = result.table
            var workspace = session.workspace
            workspace.add(table)
            session.workspace = workspace
            let coded = table.columns.filter { $0.missingReasons != nil }.count
            var details = ""
            if coded > 0 { details += ", missing codes in \(coded) \(coded == 1 ? "column" : "columns")" }
            if let encoding = result.guessedEncoding {
                details += "; the file names no encoding, and its text was read as \(encoding) (--encoding NAME to choose another)"
            }
            confirm("loaded \(arguments.name) from \(format.package): \(table.rowCount) rows, \(table.columns.count) columns\(details)\(countHint(table))")
            return .succeeded
        } catch {
            report(error)
            return .failed
        }
    }

    /// Writes `table` as an SPSS or Stata file with its labels and missing codes.
    func saveStatisticsFile(_ table: Table, to path: String, format: ReadStatFormat, labels: Bool) -> Outcome {
        do {
            guard format.isWritable else {
                throw DataError(DataPosition(file: path),
                                "Arvio reads .\(format.rawValue) files but writes only .sav and .dta; save as one of them, or as .csv")
            }
            guard !labels else {
                throw DataError(DataPosition(file: path),
                                "a .\(format.rawValue) file keeps both the codes and their labels; save it without \"labels\"")
            }
            let written = try ReadStatWriter.write(table, format: format, file: path, language: settings.language,
                                                   isCancelled: session.isCancelled)
            try FileIO.writeAtomically(written.bytes, to: path)
            let notes = written.notes.isEmpty ? "" : "; " + written.notes.map { $0.text(settings.language) }.joined(separator: "; ")
            confirm("saved \(table.name): \(table.rowCount) rows to \(path) as \(format.package) .\(format.rawValue)\(notes)")
            return .succeeded
        } catch {
            report(error)
            return .failed
        }
    }
}

extension LoadArguments {
    /// How `.load` is spelt, for errors.
    static let usage = ".load FILE [as NAME] [--codebook FILE] [--na TOKENS] [--encoding NAME] [--ordinal COLS] [sheet NAME]"

    /// `--codebook` and `--na` are for CSV files: an SPSS, Stata or SAS file has its own labels and codes.
    func refuseCSVOptions(_ format: ReadStatFormat) throws(Diagnostic) {
        if let i = optionIndex["--codebook"] {
            throw command.error(at: i, "\(format.aPackage) file carries its own value labels and types; --codebook is for CSV files (.scale and .missing change a loaded column)")
        }
        if let i = optionIndex["sheet"] {
            throw command.error(at: i, "\(format.aPackage) file has one table; sheet is for Excel workbooks (.xlsx)")
        }
        if let i = optionIndex["--na"] {
            throw command.error(at: i, "\(format.aPackage) file says which values are missing; --na is for CSV files (.missing declares more codes)")
        }
    }

    /// `--encoding` and `--ordinal` are for SPSS, Stata and SAS files.
    func refuseStatisticsOptions() throws(Diagnostic) {
        for option in ["--encoding", "--ordinal"] {
            if let i = optionIndex[option] {
                throw command.error(at: i, "\(option) is for SPSS, Stata and SAS files (.sav, .zsav, .por, .dta, .sas7bdat); a CSV file is read as UTF-8 (or Windows-1252), and its scales come from the codebook or .scale")
            }
        }
        if let i = optionIndex["sheet"] {
            throw command.error(at: i, "sheet is for Excel workbooks (.xlsx); a CSV file has one table")
        }
    }
}
