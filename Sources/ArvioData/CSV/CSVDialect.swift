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

    /// Picks the delimiter that splits the first lines into the same number of fields most
    /// often, preferring more fields; a semicolon file is taken to use decimal commas, as
    /// spreadsheets that write semicolons do so because the comma is their decimal mark.
    public static func sniff(_ bytes: [UInt8]) -> CSVDialect {
        let candidates: [UInt8] = [UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "\t")]
        let lines = firstLines(bytes, count: 20)
        var best = (delimiter: candidates[0], score: -1)
        for delimiter in candidates {
            let counts = lines.map { countOutsideQuotes(delimiter, in: $0) }
            guard let first = counts.first, first > 0 else { continue }
            let consistent = counts.filter { $0 == first }.count
            let score = consistent * 1000 + first
            if score > best.score { best = (delimiter, score) }
        }
        return CSVDialect(delimiter: best.delimiter, decimalComma: best.delimiter == UInt8(ascii: ";"))
    }

    private static func firstLines(_ bytes: [UInt8], count: Int) -> [ArraySlice<UInt8>] {
        var lines: [ArraySlice<UInt8>] = []
        var start = 0
        var inQuotes = false
        for i in bytes.indices {
            let b = bytes[i]
            if b == UInt8(ascii: "\"") { inQuotes.toggle() }
            if b == UInt8(ascii: "\n") && !inQuotes {
                lines.append(bytes[start..<i])
                start = i + 1
                if lines.count == count { return lines }
            }
        }
        if start < bytes.count { lines.append(bytes[start...]) }
        return lines
    }

    private static func countOutsideQuotes(_ delimiter: UInt8, in line: ArraySlice<UInt8>) -> Int {
        var n = 0
        var inQuotes = false
        for b in line {
            if b == UInt8(ascii: "\"") { inQuotes.toggle() } else if b == delimiter && !inQuotes { n += 1 }
        }
        return n
    }
}
