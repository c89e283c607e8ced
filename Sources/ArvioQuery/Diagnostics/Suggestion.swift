/// Finds the known name closest to a mistyped one, for "did you mean ...?".
public enum Suggestion {
    /// The candidate closest to `word` by edit distance (case and Finnish letters folded), when
    /// it is close enough to be a likely typo; nil otherwise.
    public static func closest(to word: String, among candidates: [String]) -> String? {
        let target = fold(word)
        var best: (name: String, distance: Int)?
        for candidate in candidates where candidate != word {
            let distance = editDistance(target, fold(candidate))
            if let current = best, current.distance <= distance { continue }
            best = (candidate, distance)
        }
        guard let best else { return nil }
        let limit = max(1, min(3, (target.count + 2) / 3))
        return best.distance <= limit ? best.name : nil
    }

    /// Whether `text` starts with `prefix` of at least 3 letters, case and Finnish letters
    /// folded: a first word typed for a longer label ("vastasi" for "vastasi loppuarviointiin").
    public static func starts(_ text: String, with prefix: String) -> Bool {
        let p = fold(prefix)
        guard p.count >= 3 else { return false }
        return fold(text).starts(with: p)
    }

    /// `closest`, quoted for a message: `"org"`.
    public static func quoted(_ word: String, among candidates: [String]) -> String? {
        closest(to: word, among: candidates).map { "\"\($0)\"" }
    }

    /// Lowercase, with ä, ö and å read as a, o and a, so `Tekeva` finds `Tekevä`.
    private static func fold(_ text: String) -> [Character] {
        Array(text.lowercased().map { c -> Character in
            switch c {
            case "ä", "å": "a"
            case "ö": "o"
            default: c
            }
        })
    }

    /// Levenshtein distance between two character arrays; `fold` makes `ä`/`a` free.
    private static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = Array(repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
