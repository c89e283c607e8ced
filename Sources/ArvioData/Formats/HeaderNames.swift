/// Short column names for headers that are question texts, by one documented rule
/// (docs/formats.md, "Headers that are questions"):
///
/// 1. A header that is already a name (letters, digits and `_`, starting with a letter or `_`,
///    at most 32 characters) is kept as it is.
/// 2. Otherwise its words (runs of letters and digits) are lower-cased and the first ones joined
///    with `_`, at most four words and 32 characters (one more word may be added by rule 3): "Kuinka hyvin osaat hakea töitä? (alku)"
///    becomes `kuinka_hyvin_osaat_hakea`. A name that would start with a digit gets `q` before it;
///    a header with no words is named by its column letter, `column_c`.
/// 3. Headers whose names come out the same each get their own last word added
///    (`kuinka_hyvin_osaat_hakea_alku`, `kuinka_hyvin_osaat_hakea_loppu`); names still the same
///    get `_2`, `_3` … in order.
///
/// The header itself becomes the column's description whenever the name is not the header.
public enum HeaderNames {
    /// The longest name the rule makes.
    static let maximumLength = 32

    /// Whether `text` can be used as a column name as it is.
    public static func isName(_ text: String) -> Bool {
        guard let first = text.first, first.isLetter || first == "_", text.count <= maximumLength else { return false }
        return text.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" }
    }

    /// The names for `headers`, in order, all different.
    public static func names(for headers: [String]) -> [String] {
        let words = headers.map(Self.words)
        var names = headers.enumerated().map { i, header in
            isName(header) ? header : base(words[i], column: i)
        }
        let kept = Set(headers.indices.filter { isName(headers[$0]) }.map { headers[$0] })
        // Rule 3: a name shared by several made names (or with a header kept as it is) takes each one's last word.
        var count: [String: Int] = [:]
        for name in names { count[name, default: 0] += 1 }
        for i in names.indices where !isName(headers[i]) && (count[names[i]]! > 1 || kept.contains(names[i])) {
            if let last = words[i].last, names[i] != last, !names[i].hasSuffix("_" + last) {
                names[i] = truncated(names[i] + "_" + last)
            }
        }
        var seen: [String: Int] = [:]
        for i in names.indices {
            let name = names[i]
            if let n = seen[name] {
                var k = n + 1
                while names.contains(name + "_\(k)") { k += 1 }
                names[i] = name + "_\(k)"
                seen[name] = k
            } else {
                seen[name] = 1
            }
        }
        return names
    }

    private static func words(_ header: String) -> [String] {
        var words: [String] = []
        var current = ""
        for c in header {
            if c.isLetter || c.isNumber {
                current.append(c)
            } else if !current.isEmpty {
                words.append(current.lowercased())
                current = ""
            }
        }
        if !current.isEmpty { words.append(current.lowercased()) }
        return words
    }

    private static func base(_ words: [String], column: Int) -> String {
        guard !words.isEmpty else { return "column_" + columnLetters(column).lowercased() }
        var name = ""
        for word in words.prefix(4) {
            let next = name.isEmpty ? word : name + "_" + word
            if next.count > maximumLength && !name.isEmpty { break }
            name = next
        }
        if name.first!.isNumber { name = "q" + name }
        return truncated(name)
    }

    private static func truncated(_ name: String) -> String {
        name.count <= maximumLength + 8 ? name : String(name.prefix(maximumLength + 8))
    }

    /// `0` -> `A`, `25` -> `Z`, `26` -> `AA`: a spreadsheet's column letters.
    public static func columnLetters(_ index: Int) -> String {
        var n = index + 1
        var letters = ""
        while n > 0 {
            let r = (n - 1) % 26
            letters = String(UnicodeScalar(UInt8(65 + r))) + letters
            n = (n - 1) / 26
        }
        return letters
    }
}
