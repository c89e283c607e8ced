/// Reads UTF-8 CSV bytes held in an array record by record, through `CSVTokenizer`: each
/// record's fields as byte ranges, so that no `String` is made per cell. The codebook reader
/// uses it; a data file goes through `CSVChunking`.
struct CSVParser {
    /// One field of the current record.
    typealias Field = CSVTokenizer.Field

    let bytes: [UInt8]
    let delimiter: UInt8
    let file: String
    private(set) var offset = 0
    /// The line on which the current record starts (1-based).
    private(set) var line = 0
    private var nextLine = 1

    init(bytes: [UInt8], delimiter: UInt8, file: String) {
        self.bytes = bytes
        self.delimiter = delimiter
        self.file = file
    }

    /// Reads the next record into `fields`; false at the end of the input. Blank lines are skipped.
    mutating func next(into fields: inout [Field]) throws(DataError) -> Bool {
        var i = offset, at = nextLine, start = line
        let delimiter = self.delimiter, file = self.file
        let read = bytes.withUnsafeBufferPointer { bytes in
            Result { () throws(DataError) -> Bool in
                try CSVTokenizer(bytes: bytes, delimiter: delimiter)
                    .record(&i, line: &at, recordLine: &start, into: &fields, file: file)
            }
        }
        let found = try read.get()
        offset = i
        nextLine = at
        line = start
        return found
    }

    /// The text of `field`, with doubled quotes collapsed.
    func string(_ field: Field) -> String {
        String(decoding: unescaped(field), as: UTF8.self)
    }

    /// The bytes of `field`, with doubled quotes collapsed.
    func unescaped(_ field: Field) -> [UInt8] {
        bytes.withUnsafeBufferPointer { CSVTokenizer(bytes: $0, delimiter: delimiter).unescaped(field) }
    }
}
