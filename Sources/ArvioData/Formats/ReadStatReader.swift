import CReadStat
#if canImport(Glibc)
@preconcurrency import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads SPSS (`.sav`, `.zsav`, `.por`), Stata (`.dta`) and SAS (`.sas7bdat`) files through
/// ReadStat into a table: value labels become categories (or a scale), variable labels become
/// column descriptions, and user-missing codes become missing values that keep their reason.
public enum ReadStatReader {
    /// What the person loading the file says about it.
    public struct Options: Sendable {
        /// The file's character encoding (an iconv name, "WINDOWS-1252"), overriding what the
        /// file says; nil trusts the file, as SPSS and Stata 14+ files name their own.
        public var encoding: String?
        /// Columns to read as ordinal scales in the order of their codes, whatever the file's
        /// measurement level says.
        public var ordinal: Set<String>

        /// Creates options.
        public init(encoding: String? = nil, ordinal: Set<String> = []) {
            self.encoding = encoding
            self.ordinal = ordinal
        }
    }

    /// A table read from a file, and what was learnt about the file on the way.
    public struct Result: Sendable {
        /// The table.
        public var table: Table
        /// The encoding the text was read in, when Arvio chose it (the file named none and its
        /// text was not UTF-8); nil when the file's own or the given one was used.
        public var guessedEncoding: String?
    }

    /// The encoding tried when a file that names none is not UTF-8: what Finnish Windows wrote.
    static let fallbackEncoding = "WINDOWS-1252"

    /// Reads the file at `path` in `format` as table `name`; `isCancelled` is polled while it is read.
    public static func read(path: String, name: String, format: ReadStatFormat, options: Options = Options(),
                            isCancelled: (@Sendable () -> Bool)? = nil) throws(DataError) -> Result {
        try read(bytes: FileIO.read(path), file: path, name: name, format: format, options: options,
                 isCancelled: isCancelled)
    }

    /// Reads `bytes`, the contents of `file` (named for messages), in `format` as table `name`.
    public static func read(bytes: [UInt8], file: String, name: String, format: ReadStatFormat,
                            options: Options = Options(),
                            isCancelled: (@Sendable () -> Bool)? = nil) throws(DataError) -> Result {
        let first = try parse(bytes, file: file, format: format, encoding: options.encoding, isCancelled: isCancelled)
        if !first.invalidText {
            return Result(table: try ReadStatColumns.table(first, name: name, file: file, format: format, options: options))
        }
        guard options.encoding == nil else {
            throw DataError(DataPosition(file: file),
                            "the file's text is not valid \(options.encoding!); give the encoding it was written in, as in .load \(file) encoding WINDOWS-1252")
        }
        // A file that names no encoding (SPSS before 16, Stata before 14) was written in the
        // encoding of the computer it was made on, which for Finnish data was Windows-1252.
        let second = try parse(bytes, file: file, format: format, encoding: fallbackEncoding, isCancelled: isCancelled)
        if second.invalidText {
            throw DataError(DataPosition(file: file),
                            "the file's text is neither UTF-8 nor Windows-1252; give the encoding it was written in, as in .load \(file) encoding ISO-8859-15")
        }
        return Result(table: try ReadStatColumns.table(second, name: name, file: file, format: format, options: options),
                      guessedEncoding: fallbackEncoding)
    }

    /// Runs ReadStat's parser over `bytes`, collecting variables, values and value labels.
    static func parse(_ bytes: [UInt8], file: String, format: ReadStatFormat, encoding: String?,
                      isCancelled: (@Sendable () -> Bool)?) throws(DataError) -> ReadStatCollector {
        if let problem = arvio_readstat_load() {
            throw DataError(DataPosition(file: file), "cannot read the file: \(String(cString: problem))")
        }
        let collector = ReadStatCollector(isCancelled: isCancelled)
        let input = ReadStatMemoryInput(bytes)
        guard let parser = readstat_parser_init() else {
            throw DataError(DataPosition(file: file), "out of memory starting to read the file")
        }
        defer { readstat_parser_free(parser) }
        installHandlers(parser)
        // The parser keeps the pointer, so the name must outlive it (a bridged Swift string would
        // not); ReadStat's own default for what the handlers get is UTF-8.
        let encodingName = encoding.flatMap { strdup($0) }
        defer { free(encodingName) }
        if let encodingName { _ = readstat_set_file_character_encoding(parser, encodingName) }
        let context = Unmanaged.passUnretained(collector).toOpaque()
        let io = Unmanaged.passUnretained(input).toOpaque()
        _ = readstat_set_io_ctx(parser, io)
        let status: readstat_error_t = withExtendedLifetime((collector, input)) {
            switch format {
            case .sav: readstat_parse_sav(parser, file, context)
            case .por: readstat_parse_por(parser, file, context)
            case .dta: readstat_parse_dta(parser, file, context)
            case .sas7bdat: readstat_parse_sas7bdat(parser, file, context)
            }
        }
        if collector.cancelled { throw DataError(DataPosition(file: file), "reading the file was interrupted") }
        if let problem = collector.problem { throw DataError(DataPosition(file: file), problem) }
        if status == READSTAT_ERROR_CONVERT || status == READSTAT_ERROR_CONVERT_BAD_STRING
            || status == READSTAT_ERROR_UNSUPPORTED_CHARSET {
            if encoding == nil { collector.invalidText = true; return collector }
            throw DataError(DataPosition(file: file),
                            "the file's text cannot be read as \(encoding!) (\(message(status))); give the encoding it was written in, as in .load \(file) encoding WINDOWS-1252")
        }
        guard status == READSTAT_OK else {
            let detail = collector.errors.last.map { ": \($0)" } ?? ""
            throw DataError(DataPosition(file: file),
                            "this is not a readable \(format.package) .\(format.rawValue) file (\(message(status))\(detail))")
        }
        try collector.checkShape(file: file)
        return collector
    }

    /// ReadStat's own words for `status`.
    static func message(_ status: readstat_error_t) -> String {
        readstat_error_message(status).map { String(cString: $0) } ?? "error \(status.rawValue)"
    }

    /// Points ReadStat's callbacks at the collector (`ctx`) and its reads at the bytes (`io_ctx`),
    /// so the file is read once by `FileIO`, which refuses devices and notices a changing file.
    private static func installHandlers(_ parser: UnsafeMutablePointer<readstat_parser_t>) {
        _ = readstat_set_open_handler(parser) { _, _ in 0 }
        _ = readstat_set_close_handler(parser) { _ in 0 }
        _ = readstat_set_seek_handler(parser) { offset, whence, io in
            ReadStatMemoryInput.from(io).seek(Int(offset), whence: whence)
        }
        _ = readstat_set_read_handler(parser) { buffer, count, io in
            ReadStatMemoryInput.from(io).read(into: buffer, count: count)
        }
        _ = readstat_set_update_handler(parser) { _, _, _, _ in READSTAT_OK }
        _ = readstat_set_metadata_handler(parser) { metadata, context in
            ReadStatCollector.from(context).metadata(metadata)
        }
        _ = readstat_set_variable_handler(parser) { index, variable, labelSet, context in
            ReadStatCollector.from(context).variable(index: Int(index), variable, labelSet: labelSet)
        }
        _ = readstat_set_value_handler(parser) { row, variable, value, context in
            ReadStatCollector.from(context).value(row: Int(row), variable, value)
        }
        _ = readstat_set_value_label_handler(parser) { labelSet, value, label, context in
            ReadStatCollector.from(context).valueLabel(set: labelSet, value, label: label)
        }
        _ = readstat_set_error_handler(parser) { message, context in
            ReadStatCollector.from(context).error(message)
        }
    }
}

/// The bytes of the file, read by ReadStat through its I/O callbacks.
final class ReadStatMemoryInput {
    let bytes: [UInt8]
    var offset = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    static func from(_ pointer: UnsafeMutableRawPointer?) -> ReadStatMemoryInput {
        Unmanaged<ReadStatMemoryInput>.fromOpaque(pointer!).takeUnretainedValue()
    }

    func seek(_ position: Int, whence: readstat_io_flags_t) -> readstat_off_t {
        let base: Int
        switch whence {
        case READSTAT_SEEK_SET: base = 0
        case READSTAT_SEEK_CUR: base = offset
        default: base = bytes.count
        }
        let (target, overflow) = base.addingReportingOverflow(position)
        guard !overflow, target >= 0, target <= bytes.count else { return -1 }
        offset = target
        return readstat_off_t(target)
    }

    func read(into buffer: UnsafeMutableRawPointer?, count: Int) -> Int {
        guard let buffer else { return -1 }
        let n = min(count, bytes.count - offset)
        if n > 0 {
            bytes.withUnsafeBytes { source in
                buffer.copyMemory(from: source.baseAddress! + offset, byteCount: n)
            }
            offset += n
        }
        return n
    }
}

/// What ReadStat's callbacks report, kept until the whole file has been read: Stata and SAS
/// give the value labels after the data, so no column can be built before the end.
final class ReadStatCollector {
    /// One value as the file holds it.
    enum Cell {
        case number(Double)
        case text(String)
        /// System-missing: no value and no reason.
        case systemMissing
        /// A value the file declares missing (an SPSS user-missing code), and its number.
        case declaredNumber(Double)
        /// A text value the file declares missing.
        case declaredText(String)
        /// A Stata or SAS tagged missing value `.a`–`.z` (`._` too), by its tag.
        case tagged(UInt8)
    }

    /// What a value label labels.
    enum LabelKey: Hashable {
        case number(Double)
        case text(String)
        case tag(UInt8)
    }

    /// One variable of the file.
    struct Variable {
        var name: String
        var label: String?
        var format: String
        var isText: Bool
        var labelSet: String?
        var measure: readstat_measure_t
        /// Declared missing values and ranges of a numeric variable (a value is a one-point range).
        var missingRanges: [ClosedRange<Double>] = []
        /// Declared missing values of a text variable, in order.
        var missingTexts: [String] = []
        var cells: [Cell] = []
    }

    let isCancelled: (@Sendable () -> Bool)?
    var rowCount = -1
    var variables: [Variable] = []
    var labelSets: [String: [(key: LabelKey, label: String)]] = [:]
    var errors: [String] = []
    /// A problem found by a callback, which then stopped the parse.
    var problem: String?
    var cancelled = false
    /// Whether some text was not valid UTF-8 after ReadStat's conversion (no encoding known).
    var invalidText = false

    init(isCancelled: (@Sendable () -> Bool)?) { self.isCancelled = isCancelled }

    static func from(_ pointer: UnsafeMutableRawPointer?) -> ReadStatCollector {
        Unmanaged<ReadStatCollector>.fromOpaque(pointer!).takeUnretainedValue()
    }

    /// `pointer` as a string; nil when it is null, and marks the text invalid when it is not UTF-8.
    func string(_ pointer: UnsafePointer<CChar>?) -> String? {
        guard let pointer else { return nil }
        if let s = String(validatingCString: pointer) { return s }
        invalidText = true
        return String(cString: pointer)
    }

    func metadata(_ metadata: UnsafeMutablePointer<readstat_metadata_t>?) -> Int32 {
        rowCount = Int(readstat_get_row_count(metadata))
        return 0
    }

    func variable(index: Int, _ variable: UnsafeMutablePointer<readstat_variable_t>?, labelSet: UnsafePointer<CChar>?) -> Int32 {
        guard index == variables.count else {
            problem = "the file's variables are out of order (variable \(index + 1) came after \(variables.count))"
            return 1
        }
        let isText = readstat_variable_get_type_class(variable) == READSTAT_TYPE_CLASS_STRING
        var v = Variable(name: string(readstat_variable_get_name(variable)) ?? "v\(index + 1)",
                         label: string(readstat_variable_get_label(variable)).flatMap { $0.isEmpty ? nil : $0 },
                         format: string(readstat_variable_get_format(variable)) ?? "",
                         isText: isText, labelSet: string(labelSet).flatMap { $0.isEmpty ? nil : $0 },
                         measure: readstat_variable_get_measure(variable))
        for i in 0..<readstat_variable_get_missing_ranges_count(variable) {
            let lo = readstat_variable_get_missing_range_lo(variable, i)
            let hi = readstat_variable_get_missing_range_hi(variable, i)
            if isText {
                if let s = string(readstat_string_value(lo)) { v.missingTexts.append(s) }
            } else {
                let a = readstat_double_value(lo), b = readstat_double_value(hi)
                // SPSS writes LO THRU 9 and 9 THRU HI with the largest doubles; both are ordered.
                if a <= b { v.missingRanges.append(a...b) }
            }
        }
        if rowCount > 0 && rowCount < 50_000_000 { v.cells.reserveCapacity(rowCount) }
        variables.append(v)
        return 0
    }

    func value(row: Int, _ variable: UnsafeMutablePointer<readstat_variable_t>?, _ value: readstat_value_t) -> Int32 {
        let index = Int(readstat_variable_get_index(variable))
        guard variables.indices.contains(index) else {
            problem = "the file has a value for variable \(index + 1), which it does not declare"
            return 1
        }
        if index == 0, row % 4096 == 0, isCancelled?() == true { cancelled = true; return 1 }
        guard variables[index].cells.count == row else {
            problem = "the file's rows are out of order at row \(row + 1) of \(variables[index].name)"
            return 1
        }
        let cell: Cell
        if readstat_value_is_tagged_missing(value) != 0 {
            cell = .tagged(UInt8(bitPattern: readstat_value_tag(value)))
        } else if readstat_value_is_system_missing(value) != 0 {
            cell = .systemMissing
        } else if readstat_value_type_class(value) == READSTAT_TYPE_CLASS_STRING {
            let s = string(readstat_string_value(value)) ?? ""
            if readstat_value_is_defined_missing(value, variable) != 0 { cell = .declaredText(s) }
            // A blank is missing, as an empty CSV field is.
            else { cell = s.isEmpty ? .systemMissing : .text(s) }
        } else {
            let x = readstat_double_value(value)
            if x.isNaN { cell = .systemMissing }
            else if readstat_value_is_defined_missing(value, variable) != 0 { cell = .declaredNumber(x) }
            else { cell = .number(x) }
        }
        variables[index].cells.append(cell)
        return 0
    }

    func valueLabel(set: UnsafePointer<CChar>?, _ value: readstat_value_t, label: UnsafePointer<CChar>?) -> Int32 {
        guard let set = string(set), let label = string(label) else { return 0 }
        let key: LabelKey
        if readstat_value_is_tagged_missing(value) != 0 {
            key = .tag(UInt8(bitPattern: readstat_value_tag(value)))
        } else if readstat_value_type_class(value) == READSTAT_TYPE_CLASS_STRING {
            key = .text(string(readstat_string_value(value)) ?? "")
        } else {
            let x = readstat_double_value(value)
            guard !x.isNaN else { return 0 }
            key = .number(x)
        }
        labelSets[set, default: []].append((key, label))
        return 0
    }

    func error(_ message: UnsafePointer<CChar>?) {
        if let message { errors.append(String(cString: message).trimmingTrailingNewlines) }
    }

    /// Every variable must have a value in every row the file says it has.
    func checkShape(file: String) throws(DataError) {
        guard let first = variables.first else { return }
        let rows = first.cells.count
        if let short = variables.first(where: { $0.cells.count != rows }) {
            throw DataError(DataPosition(file: file),
                            "the file is damaged: \(short.name) has \(short.cells.count) values but \(first.name) has \(rows)")
        }
        if rowCount >= 0 && rowCount != rows {
            throw DataError(DataPosition(file: file),
                            "the file is damaged or cut short: it says it has \(rowCount) rows, but \(rows) could be read")
        }
    }
}

extension String {
    fileprivate var trimmingTrailingNewlines: String {
        var s = self
        while s.last == "\n" || s.last == "\r" { s.removeLast() }
        return s
    }
}
