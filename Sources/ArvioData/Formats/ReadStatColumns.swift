import CReadStat

/// How a variable of an SPSS, Stata or SAS file becomes a column: the rules in one place, so
/// `docs/formats.md` can state them and the writer can invert them.
enum ReadStatColumns {
    /// At most this many distinct values without a label may sit among labelled codes before
    /// the variable is taken for a measurement with a few labelled special values (income with
    /// `0 = "none"`) rather than a set of categories.
    static let unlabelledLimit = 20

    static func table(_ collected: ReadStatCollector, name: String, file: String, format: ReadStatFormat,
                      options: ReadStatReader.Options) throws(DataError) -> Table {
        var seen: Set<String> = []
        for v in collected.variables where !seen.insert(v.name).inserted {
            throw DataError(DataPosition(file: file), "the file has two variables named \(v.name)")
        }
        if let unknown = options.ordinal.subtracting(seen).sorted().first {
            throw DataError(DataPosition(file: file), "the file has no variable \(unknown) to read as ordinal")
        }
        let rows = collected.variables.first?.cells.count ?? 0
        var columns: [Column] = []
        for v in collected.variables {
            let labels = v.labelSet.flatMap { collected.labelSets[$0] } ?? []
            columns.append(try column(v, labels: labels, ordinal: options.ordinal.contains(v.name), format: format, file: file))
        }
        return Table(name: name, columns: columns, rowCount: rows)
    }

    /// The column variable `v` becomes, with the value labels of its label set.
    static func column(_ v: ReadStatCollector.Variable, labels: [(key: ReadStatCollector.LabelKey, label: String)],
                       ordinal: Bool, format: ReadStatFormat, file: String) throws(DataError) -> Column {
        var labelOf: [ReadStatCollector.LabelKey: String] = [:]
        for (key, label) in labels where labelOf[key] == nil { labelOf[key] = label }
        let reasons = missingReasons(v, labelOf: labelOf)
        var column: Column
        if v.isText {
            column = textColumn(v, labels: labels, ordinal: ordinal || (!labels.isEmpty && v.measure == READSTAT_MEASURE_ORDINAL))
        } else if let kind = DateKind(format: v.format, package: format) {
            column = Column(name: v.name, data: .text(v.cells.map { cell in
                if case .number(let x) = cell { return kind.text(x) }
                return nil
            }))
        } else {
            column = try numberColumn(v, labels: labels, ordinal: ordinal, file: file)
        }
        column.label = v.label.map { Localized($0) }
        column.missingReasons = reasons
        return column
    }

    /// A text variable: categories when it has value labels, free text otherwise.
    private static func textColumn(_ v: ReadStatCollector.Variable, labels: [(key: ReadStatCollector.LabelKey, label: String)],
                                   ordinal: Bool) -> Column {
        let texts: [String?] = v.cells.map { if case .text(let s) = $0 { s } else { nil } }
        let labelled = labels.compactMap { entry -> (String, String)? in
            if case .text(let s) = entry.key, !v.missingTexts.contains(s) { return (s, entry.label) }
            return nil
        }
        guard !labelled.isEmpty || ordinal else { return Column(name: v.name, data: .text(texts)) }
        var levels: [Level] = []
        var index: [String: UInt32] = [:]
        for (value, label) in labelled where index[value] == nil {
            // A category labelled with its own value has no label of its own (the writer labels
            // every category so SPSS keeps them as categories).
            levels.append(Level(value: value, label: label == value ? nil : Localized(label)))
            index[value] = UInt32(levels.count)
        }
        // Values without a label follow the labelled ones, in sorted order.
        for value in Set(texts.compactMap { $0 }).subtracting(index.keys).sorted() {
            levels.append(Level(value: value))
            index[value] = UInt32(levels.count)
        }
        let codes = texts.map { $0.map { index[$0]! } ?? 0 }
        return Column(name: v.name, data: .categorical(
            CategoricalData(codes: Codes(codes, levelCount: levels.count), levels: levels), ordered: ordinal))
    }

    /// A numeric variable: categories (or a scale) when its values carry labels, whole numbers or decimals otherwise.
    private static func numberColumn(_ v: ReadStatCollector.Variable, labels: [(key: ReadStatCollector.LabelKey, label: String)],
                                     ordinal: Bool, file: String) throws(DataError) -> Column {
        let numbers: [Double?] = v.cells.map { if case .number(let x) = $0 { x } else { nil } }
        var labelled: [Double: String] = [:]
        for entry in labels {
            if case .number(let x) = entry.key, !isDeclaredMissing(x, v), labelled[x] == nil { labelled[x] = entry.label }
        }
        let present = Set(numbers.compactMap { $0 })
        let whole = present.allSatisfy { $0 == $0.rounded() && abs($0) < 9_007_199_254_740_992 }
        if ordinal && !whole {
            // As `.scale` says: scale points are codes, and codes are whole numbers.
            throw DataError(DataPosition(file: file),
                            "\(v.name) holds decimals; an ordinal scale is read from a variable of whole-number codes")
        }
        let unlabelled = present.subtracting(labelled.keys)
        let coded = (!labelled.isEmpty || ordinal)
            && unlabelled.count <= max(labelled.count, unlabelledLimit)
            && !(ordinal && present.count > 1000)
        if coded {
            let values = Set(labelled.keys).union(present).sorted()
            var index: [Double: UInt32] = [:]
            let levels = values.enumerated().map { i, x -> Level in
                index[x] = UInt32(i + 1)
                return Level(value: NumberFormat.plain(x), label: labelled[x].map { Localized($0) }, number: x)
            }
            let codes = numbers.map { $0.map { index[$0]! } ?? 0 }
            // SPSS says which variables are ordinal; Stata and SAS do not, so there it is the user's word.
            let ordered = ordinal || v.measure == READSTAT_MEASURE_ORDINAL
            return Column(name: v.name, data: .categorical(
                CategoricalData(codes: Codes(codes, levelCount: levels.count), levels: levels), ordered: ordered))
        }
        if ordinal {
            throw DataError(DataPosition(file: file),
                            "\(v.name) has \(present.count) different values; an ordinal scale is read from a variable of coded answers")
        }
        if whole {
            return Column(name: v.name, data: .integer(numbers.map { $0.map { Int64($0) } ?? Missing.integer }))
        }
        return Column(name: v.name, data: .decimal(numbers.map { $0 ?? Missing.decimal }))
    }

    private static func isDeclaredMissing(_ x: Double, _ v: ReadStatCollector.Variable) -> Bool {
        v.missingRanges.contains { $0.contains(x) }
    }

    /// The reasons of the variable's declared-missing and tagged values: every declared code,
    /// seen or not (so `freq` shows "no answer 0"), then codes seen inside declared ranges.
    static func missingReasons(_ v: ReadStatCollector.Variable,
                               labelOf: [ReadStatCollector.LabelKey: String]) -> MissingReasons? {
        var reasons: [MissingReasons.Reason] = []
        var index: [ReadStatCollector.LabelKey: Int] = [:]
        func add(_ key: ReadStatCollector.LabelKey) -> Int {
            if let i = index[key] { return i }
            let reason: MissingReasons.Reason
            switch key {
            case .number(let x): reason = .init(code: NumberFormat.plain(x), label: labelOf[key].map { Localized($0) }, number: x)
            case .text(let s): reason = .init(code: s, label: labelOf[key].map { Localized($0) })
            case .tag(let t): reason = .init(code: "." + String(UnicodeScalar(t)), label: labelOf[key].map { Localized($0) })
            }
            reasons.append(reason)
            index[key] = reasons.count
            return reasons.count
        }
        for range in v.missingRanges where range.lowerBound == range.upperBound { _ = add(.number(range.lowerBound)) }
        for text in v.missingTexts { _ = add(.text(text)) }
        // Stata's labelled tags are its declared codes.
        let tags = labelOf.keys.compactMap { key -> UInt8? in if case .tag(let t) = key { t } else { nil } }
        if !v.isText { for tag in tags.sorted() { _ = add(.tag(tag)) } }
        // Labelled codes inside a declared range are reasons too, as SPSS shows them.
        let labelledNumbers = labelOf.keys.compactMap { key -> Double? in if case .number(let x) = key { x } else { nil } }
        for x in labelledNumbers.sorted()
        where v.missingRanges.contains(where: { $0.lowerBound != $0.upperBound && $0.contains(x) }) {
            _ = add(.number(x))
        }
        var codes = [UInt32](repeating: 0, count: v.cells.count)
        var any = !reasons.isEmpty
        for (row, cell) in v.cells.enumerated() {
            switch cell {
            case .declaredNumber(let x): codes[row] = UInt32(add(.number(x))); any = true
            case .declaredText(let s): codes[row] = UInt32(add(.text(s))); any = true
            case .tagged(let t): codes[row] = UInt32(add(.tag(t))); any = true
            default: break
            }
        }
        guard any else { return nil }
        return MissingReasons(reasons: reasons, codes: Codes(codes, levelCount: reasons.count), ranges: v.missingRanges)
    }
}

/// The date and time display formats of SPSS, Stata and SAS, whose numbers count from an epoch:
/// they are read as ISO 8601 text (`2024-03-01`, `2024-03-01 14:05:00`), which sorts as dates do.
enum DateKind {
    /// SPSS: seconds since 1582-10-14, with or without the time of day.
    case spssDate, spssDateTime
    /// Stata `%td`: days since 1960-01-01; `%tc`: milliseconds since then.
    case stataDate, stataDateTime
    /// SAS: days or seconds since 1960-01-01.
    case sasDate, sasDateTime

    /// The kind of `format` in a file of `package`, whose epoch it counts from; nil for formats that are not dates.
    init?(format: String, package: ReadStatFormat) {
        let f = format.uppercased()
        let letters = String(f.prefix { $0.isLetter || $0 == "%" })
        switch package {
        case .sav, .por:
            switch letters {
            case "DATE", "ADATE", "EDATE", "SDATE", "JDATE": self = .spssDate
            case "DATETIME", "YMDHMS": self = .spssDateTime
            default: return nil
            }
        case .dta:
            switch letters {
            case "%TD", "%D": self = .stataDate
            case "%TC": self = .stataDateTime
            default: return nil
            }
        case .sas7bdat:
            switch letters {
            case "DATE", "YYMMDD", "MMDDYY", "DDMMYY", "E8601DA", "B8601DA", "WORDDATE", "WEEKDATE": self = .sasDate
            case "DATETIME", "E8601DT", "B8601DT": self = .sasDateTime
            default: return nil
            }
        }
    }

    /// The seconds from the format's epoch to 1970-01-01.
    private var epochOffset: Double {
        switch self {
        case .spssDate, .spssDateTime: 12_219_379_200
        case .stataDate, .stataDateTime, .sasDate, .sasDateTime: 315_619_200
        }
    }

    /// `value` in the format as ISO 8601 text; nil for a value out of any calendar's range.
    func text(_ value: Double) -> String? {
        let seconds: Double
        switch self {
        case .spssDate, .spssDateTime, .sasDateTime: seconds = value
        case .stataDate, .sasDate: seconds = value * 86_400
        case .stataDateTime: seconds = value / 1000
        }
        let unix = seconds - epochOffset
        guard unix.isFinite, abs(unix) < 1e14 else { return nil }
        let whole = Int64(unix.rounded(.down))
        let days = whole >= 0 ? whole / 86_400 : (whole - 86_399) / 86_400
        let inDay = whole - days * 86_400
        let date = Self.civil(days: days)
        let ymd = "\(Self.pad(date.year, 4))-\(Self.pad(date.month, 2))-\(Self.pad(date.day, 2))"
        switch self {
        case .spssDate, .stataDate, .sasDate: return ymd
        case .spssDateTime, .stataDateTime, .sasDateTime:
            return ymd + " \(Self.pad(inDay / 3600, 2)):\(Self.pad(inDay / 60 % 60, 2)):\(Self.pad(inDay % 60, 2))"
        }
    }

    private static func pad(_ n: Int64, _ width: Int) -> String {
        let s = String(abs(n))
        return (n < 0 ? "-" : "") + String(repeating: "0", count: max(0, width - s.count)) + s
    }

    /// The proleptic Gregorian date `days` after 1970-01-01 (Howard Hinnant's `civil_from_days`).
    static func civil(days: Int64) -> (year: Int64, month: Int64, day: Int64) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}
