import CReadStat
#if canImport(Glibc)
@preconcurrency import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a table as an SPSS `.sav` or Stata `.dta` file through ReadStat, with its value
/// labels, column descriptions, scale order (SPSS's ordinal measurement level) and missing codes,
/// so what `ReadStatReader` reads back is the same table.
public enum ReadStatWriter {
    /// The file's bytes, and what could not be kept as it was (said when the file is saved).
    public struct Written: Sendable {
        /// The whole file.
        public var bytes: [UInt8]
        /// What was changed to fit the format ("org written as codes 1–3 with its values as labels").
        public var notes: [Localized]
    }

    /// How one column goes into the file.
    struct Plan {
        enum Cell {
            case number(Double)
            case text(String)
            case missing
            case tagged(UInt8)
        }

        var name: String
        var isText: Bool
        /// The widest text in bytes, for a text variable.
        var width = 1
        var label: String?
        var measure: readstat_measure_t
        var numberLabels: [(Double, String)] = []
        var textLabels: [(String, String)] = []
        var tagLabels: [(UInt8, String)] = []
        var missingNumbers: [Double] = []
        var missingRanges: [ClosedRange<Double>] = []
        var missingTexts: [String] = []
        var cells: [Cell]
        var isWhole = false
    }

    /// The bytes of `table` as a `format` file (`file` names it in errors); labels that differ
    /// between Finnish and English are written in `language`, as the file keeps one.
    /// `isCancelled` is looked at between columns and every 4096 rows (Ctrl-C of a `.save`).
    public static func write(_ table: Table, format: ReadStatFormat, file: String,
                             language: Language = .en, isCancelled: (@Sendable () -> Bool)? = nil) throws(DataError) -> Written {
        let cancelled = DataError.saveCancelled(file)
        guard format.isWritable else {
            throw DataError(DataPosition(file: file), "Arvio writes SPSS .sav and Stata .dta files, not .\(format.rawValue)")
        }
        var notes: [Localized] = []
        let plans = try table.columns.map { column throws(DataError) in
            if isCancelled?() == true { throw cancelled }
            return try plan(column, format: format, language: language, file: file, notes: &notes)
        }
        if table.columns.contains(where: { column in Self.hasTwoLanguages(column) }) {
            notes.append(Localized(en: "labels in \(language == .fi ? "Finnish" : "English") (\(format.aPackage) file keeps one language)",
                                   fi: "nimiöt \(language == .fi ? "suomeksi" : "englanniksi") (\(format.package)-tiedostossa on yksi kieli)"))
        }
        let bytes = try emit(plans, rows: table.rowCount, format: format, file: file, isCancelled: isCancelled)
        return Written(bytes: bytes, notes: notes)
    }

    private static func hasTwoLanguages(_ column: Column) -> Bool {
        if let l = column.label, l.en != l.fi { return true }
        if case .categorical(let c, _) = column.data, c.levels.contains(where: { $0.label.map { $0.en != $0.fi } ?? false }) { return true }
        return column.missingReasons?.reasons.contains { $0.label.map { $0.en != $0.fi } ?? false } ?? false
    }

    /// Decides how `column` is stored: numbers, text, or codes with value labels.
    static func plan(_ column: Column, format: ReadStatFormat, language: Language, file: String,
                     notes: inout [Localized]) throws(DataError) -> Plan {
        let rows = column.count
        var plan: Plan
        switch column.data {
        case .integer(let v):
            plan = Plan(name: column.name, isText: false, measure: READSTAT_MEASURE_SCALE,
                        cells: v.map { Missing.isMissing($0) ? .missing : .number(Double($0)) })
            plan.isWhole = true
        case .decimal(let v):
            plan = Plan(name: column.name, isText: false, measure: READSTAT_MEASURE_SCALE,
                        cells: v.map { $0.isNaN ? .missing : .number($0) })
        case .text(let v):
            plan = Plan(name: column.name, isText: true, measure: READSTAT_MEASURE_NOMINAL,
                        cells: v.map { $0.map { .text($0) } ?? .missing })
        case .categorical(let c, let ordered):
            let measure = ordered ? READSTAT_MEASURE_ORDINAL : READSTAT_MEASURE_NOMINAL
            let numbers = c.levels.map { Double($0.value) }
            let numeric = numbers.allSatisfy { $0 != nil && $0! == $0!.rounded() && abs($0!) < 1e15 }
            // A file orders a scale by its numbers, so numbers out of scale order cannot stay.
            let inOrder = !ordered || (numeric && zip(numbers, numbers.dropFirst()).allSatisfy { $0! < $1! })
            if numeric && inOrder {
                // Codes that are numbers stay those numbers, labelled as the levels are.
                plan = Plan(name: column.name, isText: false, measure: measure,
                            cells: (0..<rows).map { row in c.codes[row] == 0 ? .missing : .number(numbers[c.codes[row] - 1]!) })
                plan.numberLabels = zip(numbers, c.levels).compactMap { x, level in level.label.map { (x!, $0.text(language)) } }
                plan.isWhole = true
            } else if format == .sav && !numeric
                        && !(column.missingReasons?.reasons.contains { $0.code.utf8.count > 8 } ?? false) {
                plan = Plan(name: column.name, isText: true, measure: measure,
                            cells: (0..<rows).map { row in c.level(at: row).map { .text($0.value) } ?? .missing })
                // Every category is labelled (with its value if it has no label), so the variable
                // reads back as categories, and a scale's order is the order of its labels.
                plan.textLabels = c.levels.map { ($0.value, $0.label?.text(language) ?? $0.value) }
            } else {
                // Stata labels only numbers, and SPSS orders a scale by its numbers: the levels
                // become codes 1, 2, 3 … in order, labelled with their labels (or values).
                plan = Plan(name: column.name, isText: false, measure: measure,
                            cells: (0..<rows).map { row in c.codes[row] == 0 ? .missing : .number(Double(c.codes[row])) })
                plan.numberLabels = c.levels.enumerated().map { i, level in (Double(i + 1), level.display(language)) }
                plan.isWhole = true
                notes.append(Localized(en: "\(column.name) written as codes 1–\(c.levels.count) in scale order, labelled",
                                       fi: "\(column.name) kirjoitettiin koodeina 1–\(c.levels.count) asteikon järjestyksessä, nimiöitynä"))
            }
        }
        plan.label = column.label?.text(language)
        if var reasons = column.missingReasons {
            if format == .sav, !plan.isText, case .categorical = column.data, reasons.reasons.contains(where: { $0.number == nil }) {
                reasons = numbered(reasons, above: plan.numberLabels.map(\.0).max() ?? 0, column: column.name, notes: &notes)
            }
            try addMissing(reasons, to: &plan, column: column.name, format: format, language: language, file: file, notes: &notes)
        }
        if plan.isText {
            plan.width = max(1, plan.cells.reduce(0) { width, cell in
                if case .text(let s) = cell { return max(width, s.utf8.count) }
                return width
            })
            plan.width = max(plan.width, plan.missingTexts.map(\.utf8.count).max() ?? 0)
        }
        return plan
    }

    /// Text missing codes of a column written as numeric codes get numbers as SPSS users give
    /// them, all nines (9, 8 … or 99, 98 …) above the scale's codes; each keeps its text as its label.
    private static func numbered(_ reasons: MissingReasons, above top: Double, column: String,
                                 notes: inout [Localized]) -> MissingReasons {
        var numbered = reasons
        let count = reasons.reasons.filter { $0.number == nil }.count
        var nines = 9.0
        let taken = Set(reasons.reasons.compactMap(\.number))
        while nines - Double(count - 1) <= top || (0..<count).contains(where: { taken.contains(nines - Double($0)) }) {
            nines = nines * 10 + 9
        }
        var next = nines
        var listed: [String] = []
        for i in numbered.reasons.indices where numbered.reasons[i].number == nil {
            let reason = numbered.reasons[i]
            numbered.reasons[i] = MissingReasons.Reason(code: NumberFormat.plain(next), label: reason.label ?? Localized(reason.code),
                                                        number: next)
            listed.append("\(reason.code) as \(NumberFormat.plain(next))")
            next -= 1
        }
        notes.append(Localized(en: "\(column): missing codes written as numbers (\(listed.joined(separator: ", ")))",
                               fi: "\(column): puuttuvien koodit kirjoitettiin lukuina (\(listed.joined(separator: ", ")))"))
        return numbered
    }

    /// Writes the column's missing codes back: SPSS declares them missing and labels them;
    /// Stata has no such codes, so each reason becomes a tagged missing value `.a`, `.b` … with
    /// the reason as its label.
    private static func addMissing(_ reasons: MissingReasons, to plan: inout Plan, column: String, format: ReadStatFormat,
                                   language: Language, file: String, notes: inout [Localized]) throws(DataError) {
        var tags: [UInt8] = []
        var used = Set<UInt8>()
        for reason in reasons.reasons {
            let wanted: UInt8? = reason.code.count == 2 && reason.code.hasPrefix(".") ? reason.code.utf8.last : nil
            let tag = wanted.flatMap { (0x61...0x7A).contains($0) && !used.contains($0) ? $0 : nil }
                ?? (0x61...0x7A).first { !used.contains($0) }
            guard let tag else {
                throw DataError(DataPosition(file: file), "\(column) has \(reasons.reasons.count) missing codes; a Stata file keeps at most 26 (.a to .z)")
            }
            used.insert(tag)
            tags.append(tag)
        }
        for row in 0..<plan.cells.count {
            let k = reasons.codes[row]
            guard k > 0 else { continue }
            let reason = reasons.reasons[k - 1]
            switch format {
            case .dta: plan.cells[row] = .tagged(tags[k - 1])
            default:
                if plan.isText { plan.cells[row] = .text(reason.code) }
                else if let x = reason.number { plan.cells[row] = .number(x) }
            }
        }
        if format == .dta {
            plan.tagLabels = zip(tags, reasons.reasons).map { ($0, $1.display(language)) }
            let moved = reasons.reasons.enumerated().filter { "." + String(UnicodeScalar(tags[$0.offset])) != $0.element.code }
            if !moved.isEmpty {
                let list = moved.map { "\($0.element.code) as .\(String(UnicodeScalar(tags[$0.offset])))" }.joined(separator: ", ")
                notes.append(Localized(en: "\(column): missing codes written as Stata's tagged missing values (\(list))",
                                       fi: "\(column): puuttuvien koodit kirjoitettiin Statan merkittyinä puuttuvina (\(list))"))
            }
            return
        }
        if plan.isText {
            let codes = reasons.reasons.map(\.code)
            guard codes.count <= 3 else {
                throw DataError(DataPosition(file: file), "\(column) has \(codes.count) missing codes; an SPSS text variable keeps at most 3")
            }
            if let long = codes.first(where: { $0.utf8.count > 8 }) {
                throw DataError(DataPosition(file: file),
                                "SPSS keeps missing codes of text up to 8 bytes, and \(column)'s \"\(long)\" is \(long.utf8.count); save as .dta or .csv, or declare a shorter code in the data")
            }
            plan.missingTexts = codes
            plan.textLabels += reasons.reasons.compactMap { r in r.label.map { (r.code, $0.text(language)) } }
            return
        }
        let untagged = reasons.reasons.filter { $0.number == nil }
        if !untagged.isEmpty {
            notes.append(Localized(en: "\(column): \(untagged.map(\.code).joined(separator: ", ")) written as system-missing (SPSS has no such codes)",
                                   fi: "\(column): \(untagged.map(\.code).joined(separator: ", ")) kirjoitettiin järjestelmäpuuttuvina"))
        }
        let numbers = reasons.reasons.compactMap(\.number)
        let ranges = reasons.ranges.filter { $0.lowerBound != $0.upperBound }
        let singles = numbers.filter { x in !ranges.contains { $0.contains(x) } }
        // SPSS keeps three codes, or one range and one code.
        if ranges.count > 1 || (ranges.count == 1 && singles.count > 1) || singles.count > 3 {
            throw DataError(DataPosition(file: file),
                            "\(column) has more missing codes than SPSS keeps (three codes, or one range and one code)")
        }
        plan.missingRanges = ranges
        plan.missingNumbers = singles
        plan.numberLabels += reasons.reasons.compactMap { r in r.number.flatMap { x in r.label.map { (x, $0.text(language)) } } }
    }

    /// Hands the plans to ReadStat's writer and collects the bytes it writes.
    private static func emit(_ plans: [Plan], rows: Int, format: ReadStatFormat, file: String,
                             isCancelled: (@Sendable () -> Bool)?) throws(DataError) -> [UInt8] {
        let cancelled = DataError.saveCancelled(file)
        if let problem = arvio_readstat_load() {
            throw DataError(DataPosition(file: file), "cannot write the file: \(String(cString: problem))")
        }
        guard let writer = readstat_writer_init() else { throw DataError(DataPosition(file: file), "out of memory starting to write the file") }
        var keptStrings: [UnsafeMutablePointer<CChar>] = []
        defer {
            readstat_writer_free(writer)
            for string in keptStrings { free(string) }
        }
        let sink = ReadStatByteSink()
        _ = readstat_set_data_writer(writer) { data, count, context in
            let sink = Unmanaged<ReadStatByteSink>.fromOpaque(context!).takeUnretainedValue()
            if let data, count > 0 { sink.bytes.append(contentsOf: UnsafeRawBufferPointer(start: data, count: count)) }
            return count
        }
        func check(_ status: readstat_error_t, _ what: String) throws(DataError) {
            guard status == READSTAT_OK else {
                throw DataError(DataPosition(file: file), "\(what): \(ReadStatReader.message(status))")
            }
        }
        if format == .dta { try check(readstat_writer_set_file_format_version(writer, 118), "the Stata version") }
        if format == .sav {
            let zsav = file.lowercased().hasSuffix(".zsav")
            try check(readstat_writer_set_compression(writer, zsav ? READSTAT_COMPRESS_BINARY : READSTAT_COMPRESS_ROWS), "compression")
        }
        var variables: [UnsafeMutablePointer<readstat_variable_t>] = []
        for (i, p) in plans.enumerated() {
            let type = p.isText ? READSTAT_TYPE_STRING : READSTAT_TYPE_DOUBLE
            guard let variable = readstat_add_variable(writer, p.name, type, p.isText ? p.width : 0) else {
                throw DataError(DataPosition(file: file), "column \(p.name) could not be added")
            }
            if let label = p.label { readstat_variable_set_label(variable, label) }
            if format == .sav {
                readstat_variable_set_measure(variable, p.measure)
                if p.isWhole { readstat_variable_set_format(variable, "F8.0") }
            }
            if !p.numberLabels.isEmpty || !p.textLabels.isEmpty || !p.tagLabels.isEmpty {
                // Stata label-set names are variable names; SPSS ties each set to its variable.
                guard let set = readstat_add_label_set(writer, p.isText ? READSTAT_TYPE_STRING : READSTAT_TYPE_DOUBLE,
                                                       format == .dta ? p.name : "labels\(i)") else {
                    throw DataError(DataPosition(file: file), "the labels of \(p.name) could not be added")
                }
                for (x, label) in p.numberLabels { readstat_label_double_value(set, x, label) }
                for (s, label) in p.textLabels { readstat_label_string_value(set, s, label) }
                for (tag, label) in p.tagLabels { readstat_label_tagged_value(set, CChar(bitPattern: tag), label) }
                readstat_variable_set_label_set(variable, set)
            }
            for x in p.missingNumbers { try check(readstat_variable_add_missing_double_value(variable, x), "the missing codes of \(p.name)") }
            for r in p.missingRanges {
                try check(readstat_variable_add_missing_double_range(variable, r.lowerBound, r.upperBound), "the missing codes of \(p.name)")
            }
            for s in p.missingTexts {
                // ReadStat keeps the pointer until the file is written, so it gets a copy that lives as long.
                guard let copy = strdup(s) else { throw DataError(DataPosition(file: file), "out of memory") }
                keptStrings.append(copy)
                try check(readstat_variable_add_missing_string_value(variable, copy), "the missing codes of \(p.name)")
            }
            variables.append(variable)
        }
        let context = Unmanaged.passUnretained(sink).toOpaque()
        let begun = withExtendedLifetime(sink) {
            format == .dta ? readstat_begin_writing_dta(writer, context, rows) : readstat_begin_writing_sav(writer, context, rows)
        }
        try check(begun, "\(format.package) cannot hold this table")
        for (p, variable) in zip(plans, variables) {
            let status = readstat_validate_variable(writer, variable)
            guard status == READSTAT_OK else {
                throw DataError(DataPosition(file: file),
                                "column \(p.name) cannot be a \(format.package) variable: \(ReadStatReader.message(status)); rename it with select")
            }
        }
        try check(readstat_validate_metadata(writer), "\(format.package) cannot hold this table")
        for row in 0..<rows {
            if row % 4096 == 0, isCancelled?() == true { throw cancelled }
            try check(readstat_begin_row(writer), "row \(row + 1)")
            for (p, variable) in zip(plans, variables) {
                let status: readstat_error_t
                switch p.cells[row] {
                case .number(let x): status = readstat_insert_double_value(writer, variable, x)
                case .text(let s): status = readstat_insert_string_value(writer, variable, s)
                case .missing: status = readstat_insert_missing_value(writer, variable)
                case .tagged(let tag): status = readstat_insert_tagged_missing_value(writer, variable, CChar(bitPattern: tag))
                }
                try check(status, "row \(row + 1) of \(p.name)")
            }
            try check(readstat_end_row(writer), "row \(row + 1)")
        }
        try check(readstat_end_writing(writer), "finishing the file")
        return sink.bytes
    }
}

/// Where ReadStat's writer puts the file's bytes, so the file is written once, atomically, by `FileIO`.
final class ReadStatByteSink {
    var bytes: [UInt8] = []
}
