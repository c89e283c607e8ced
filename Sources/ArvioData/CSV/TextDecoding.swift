/// Turns the bytes of a data file into UTF-8: strips a byte-order mark, and re-encodes files
/// that are not valid UTF-8 as Windows-1252, the encoding of Finnish spreadsheet exports.
enum TextDecoding {
    /// Windows-1252's 0x80–0x9F block; 0 marks the five bytes that encode nothing.
    private static let cp1252High: [UInt32] = [
        0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
        0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
        0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
    ]

    /// The file's text as UTF-8 bytes, and whether it had to be re-encoded from Windows-1252.
    static func utf8(_ bytes: [UInt8], file: String) throws(DataError) -> (bytes: [UInt8], wasWindows1252: Bool) {
        if startsWithUTF16ByteOrderMark(bytes) { return (try fromUTF16(bytes, file: file), false) }
        var body = bytes
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body.removeFirst(3) }
        if let bad = firstInvalidUTF8(body) {
            // Only a file with no valid UTF-8 multi-byte sequence before the bad byte is
            // taken for Windows-1252; a UTF-8 file with one stray byte is an error.
            if containsUTF8MultiByte(body, before: bad) {
                throw DataError(position(of: bad, in: body, file: file),
                                "this byte (0x\(hex(body[bad]))) is not valid UTF-8, although the file is UTF-8 before it")
            }
            return (try fromWindows1252(body, file: file), true)
        }
        return (body, false)
    }

    /// Whether `bytes` start with a UTF-16 byte-order mark (FF FE little-endian, FE FF big-endian),
    /// as Excel's "Unicode text" and PowerShell write.
    static func startsWithUTF16ByteOrderMark<C: Collection>(_ bytes: C) -> Bool where C.Element == UInt8 {
        let two = Array(bytes.prefix(2))
        return two == [0xFF, 0xFE] || two == [0xFE, 0xFF]
    }

    /// UTF-16 `bytes` (starting with their byte-order mark) as UTF-8.
    private static func fromUTF16(_ bytes: [UInt8], file: String) throws(DataError) -> [UInt8] {
        let bigEndian = bytes[0] == 0xFE
        guard bytes.count % 2 == 0 else {
            throw DataError(DataPosition(file: file), "the file is UTF-16 (its byte-order mark says so), but it has an odd number of bytes: it was cut short")
        }
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2 - 1)
        for i in stride(from: 2, to: bytes.count, by: 2) {
            let (a, b) = (UInt16(bytes[i]), UInt16(bytes[i + 1]))
            units.append(bigEndian ? a << 8 | b : b << 8 | a)
        }
        var out: [UInt8] = []
        out.reserveCapacity(units.count)
        let broken = transcode(units.makeIterator(), from: UTF16.self, to: UTF8.self, stoppingOnError: true) { out.append($0) }
        if broken {
            let line = out.reduce(1) { $1 == UInt8(ascii: "\n") ? $0 + 1 : $0 }
            throw DataError(DataPosition(file: file, line: line),
                            "the file is UTF-16 (its byte-order mark says so), but here it holds half of a character (an unpaired surrogate)")
        }
        return out
    }

    private static func fromWindows1252(_ bytes: [UInt8], file: String) throws(DataError) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + bytes.count / 8)
        for (i, b) in bytes.enumerated() {
            var scalar = UInt32(b)
            if b >= 0x80 && b < 0xA0 {
                scalar = cp1252High[Int(b) - 0x80]
                if scalar == 0 {
                    throw DataError(position(of: i, in: bytes, file: file),
                                    "this byte (0x\(hex(b))) is neither UTF-8 nor Windows-1252 text")
                }
            }
            if scalar < 0x80 {
                out.append(UInt8(scalar))
            } else {
                out.append(contentsOf: Array(String(Character(Unicode.Scalar(scalar)!)).utf8))
            }
        }
        return out
    }

    /// The index of the first byte that breaks UTF-8, or nil when all is valid.
    static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int? {
        bytes.withUnsafeBufferPointer { firstInvalidUTF8($0) }
    }

    /// Whether `bytes` are UTF-8 and hold no NUL: what a full load checks of every value.
    static func isTextWithoutNUL(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        !bytes.contains(0) && firstInvalidUTF8(bytes) == nil
    }

    /// The index of the first byte of `bytes` that breaks UTF-8, or nil when all is valid.
    static func firstInvalidUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b < 0x80 { i += 1; continue }
            let length: Int
            var minimum: UInt32
            switch b {
            case 0xC2...0xDF: length = 2; minimum = 0x80
            case 0xE0...0xEF: length = 3; minimum = 0x800
            case 0xF0...0xF4: length = 4; minimum = 0x10000
            default: return i
            }
            if i + length > n { return i }
            var scalar = UInt32(b) & (0x7F >> length)
            for k in 1..<length {
                let c = bytes[i + k]
                if c & 0xC0 != 0x80 { return i }
                scalar = scalar << 6 | UInt32(c & 0x3F)
            }
            if scalar < minimum || scalar > 0x10FFFF || (0xD800...0xDFFF).contains(scalar) { return i }
            minimum = 0
            i += length
        }
        return nil
    }

    private static func containsUTF8MultiByte(_ bytes: [UInt8], before end: Int) -> Bool {
        bytes[..<end].contains { $0 >= 0xC2 && $0 <= 0xF4 }
    }

    /// The line (1-based) of byte `index`; the field is not known before the delimiter is.
    static func position(of index: Int, in bytes: [UInt8], file: String) -> DataPosition {
        let line = bytes[..<index].reduce(1) { $1 == UInt8(ascii: "\n") ? $0 + 1 : $0 }
        return DataPosition(file: file, line: line)
    }

    private static func hex(_ b: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return String([digits[Int(b >> 4)], digits[Int(b & 15)]])
    }
}
