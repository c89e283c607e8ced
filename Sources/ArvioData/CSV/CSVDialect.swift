/// How a CSV file is written: its delimiter and decimal mark, sniffed from its first lines.
public struct CSVDialect: Sendable, Equatable {
    /// The field delimiter: `,`, `;` or a tab.
    public var delimiter: UInt8
    /// Whether numbers use a decimal comma ("3,5"), as Finnish spreadsheets write them.
    public var decimalComma: Bool

    /// Creates a dialect.
    public init(delimiter: UInt8, decimalComma: Bool) {
        self.delimiter = delimiter
        self.decimalComma = decimalComma
    }

    /// Picks the delimiter that splits the first records into the same number of fields most
    /// often, preferring more fields; a semicolon file is taken to use decimal commas, as
    /// spreadsheets that write semicolons do so because the comma is their decimal mark.
    public static func sniff(_ bytes: [UInt8]) -> CSVDialect {
        bytes.withUnsafeBufferPointer { sniff($0) }
    }

    /// The dialect of the file `bytes`, from its first 20 records, each read with the quoting
    /// rules of `CSVTokenizer` under each candidate delimiter.
    static func sniff(_ bytes: UnsafeBufferPointer<UInt8>) -> CSVDialect {
        let candidates: [UInt8] = [UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "\t")]
        var best = (delimiter: candidates[0], score: -1)
        for delimiter in candidates {
            let counts = CSVTokenizer(bytes: bytes, delimiter: delimiter).fieldCounts(limit: 20)
            guard let first = counts.first, first > 1 else { continue }
            let consistent = counts.filter { $0 == first }.count
            let score = consistent * 1000 + first
            if score > best.score { best = (delimiter, score) }
        }
        return CSVDialect(delimiter: best.delimiter, decimalComma: best.delimiter == UInt8(ascii: ";"))
    }
}
