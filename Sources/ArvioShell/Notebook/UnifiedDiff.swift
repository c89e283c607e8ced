/// A unified diff of two texts, line by line, as `diff -u` prints it, for `check` to show what
/// changed in a notebook's output.
enum UnifiedDiff {
    /// The diff from `old` to `new`, with `context` lines around each change; empty if equal.
    static func make(old: String, new: String, oldName: String, newName: String, context: Int = 3) -> String {
        let a = lines(old), b = lines(new)
        if a == b { return "" }
        let script = editScript(a, b)
        var out = "--- \(oldName)\n+++ \(newName)\n"
        let changes = script.indices.filter { script[$0].kind != .same }
        // Changes closer than twice the context share one hunk, as diff -u prints them.
        var groups: [[Int]] = []
        for c in changes {
            if let last = groups.last?.last, c - last <= 2 * context { groups[groups.count - 1].append(c) } else { groups.append([c]) }
        }
        for group in groups {
            let hunk = script[max(0, group.first! - context)..<min(script.count, group.last! + context + 1)]
            let oldCount = hunk.filter { $0.kind != .added }.count
            let newCount = hunk.filter { $0.kind != .removed }.count
            let oldStart = hunk.first!.oldLine + (oldCount == 0 ? 0 : 1)
            let newStart = hunk.first!.newLine + (newCount == 0 ? 0 : 1)
            out += "@@ -\(oldStart),\(oldCount) +\(newStart),\(newCount) @@\n"
            for op in hunk {
                switch op.kind {
                case .same: out += " \(op.text)\n"
                case .removed: out += "-\(op.text)\n"
                case .added: out += "+\(op.text)\n"
                }
            }
        }
        return out
    }

    private struct Operation {
        enum Kind { case same, removed, added }
        var kind: Kind
        var text: String
        /// Lines of the old and new text before this one (0-based positions).
        var oldLine: Int
        var newLine: Int
    }

    private static func lines(_ text: String) -> [String] {
        var parts = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if parts.last == "" { parts.removeLast() }
        return parts
    }

    /// The shortest edit script by the longest common subsequence; outputs are small.
    private static func editScript(_ a: [String], _ b: [String]) -> [Operation] {
        let n = a.count, m = b.count
        var lcs = Array(repeating: Array(repeating: 0, count: m + 1), count: n + 1)
        for i in stride(from: n - 1, through: 0, by: -1) {
            for j in stride(from: m - 1, through: 0, by: -1) {
                lcs[i][j] = a[i] == b[j] ? lcs[i + 1][j + 1] + 1 : max(lcs[i + 1][j], lcs[i][j + 1])
            }
        }
        var ops: [Operation] = []
        var i = 0, j = 0
        while i < n || j < m {
            if i < n && j < m && a[i] == b[j] {
                ops.append(Operation(kind: .same, text: a[i], oldLine: i, newLine: j)); i += 1; j += 1
            } else if i < n && (j == m || lcs[i + 1][j] >= lcs[i][j + 1]) {
                // Removals before additions, as diff prints a changed line.
                ops.append(Operation(kind: .removed, text: a[i], oldLine: i, newLine: j)); i += 1
            } else {
                ops.append(Operation(kind: .added, text: b[j], oldLine: i, newLine: j)); j += 1
            }
        }
        return ops
    }
}
