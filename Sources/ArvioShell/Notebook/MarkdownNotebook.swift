/// A Markdown notebook split into what `knit` keeps byte for byte and what it runs: the
/// ```` ```arvio ```` fenced blocks, each with the output block that follows it, if any.
struct MarkdownNotebook {
    /// The info string that marks a block of statements.
    static let codeInfo = "arvio"
    /// The info string that marks the output written beneath a block.
    static let outputInfo = "arvio-output"

    /// One ```` ```arvio ```` block.
    struct CodeBlock {
        /// The statements, joined with "\n".
        var source: String
        /// The 1-based line of the first statement line in the file, for error positions.
        var firstLine: Int
        /// The index in `lines` just after the closing fence.
        var end: Int
        /// The existing output block's lines (fences included), if one follows directly.
        var output: Range<Int>?
        /// The existing output's text, as `knit` would have written it.
        var outputText: String?
        /// Whether the info string says the block is meant to fail (```` ```arvio error ````).
        var expectsError = false
    }

    /// The file's lines, each with its line ending.
    let lines: [Substring]
    /// The line ending the file uses ("\r\n" if its first line ends so).
    let newline: String
    /// The settings from the front matter.
    let frontMatter: [String: String]
    /// The runnable blocks, in order.
    let blocks: [CodeBlock]
    /// The 1-based line of an ```` ```arvio ```` (or output) fence that is never closed: running
    /// such a notebook and writing it back would append a broken block on every knit.
    let unclosedFence: Int?

    /// Splits `text` into lines and finds its blocks.
    init(_ text: String) {
        var lines: [Substring] = []
        var start = text.startIndex
        var i = text.startIndex
        while i < text.endIndex {
            // "\r\n" is one Character in Swift, so one test covers both endings.
            if text[i] == "\n" || text[i] == "\r\n" {
                let next = text.index(after: i)
                lines.append(text[start..<next])
                start = next
                i = next
            } else {
                i = text.index(after: i)
            }
        }
        if start < text.endIndex { lines.append(text[start...]) }
        self.lines = lines
        self.newline = lines.first.map { $0.hasSuffix("\r\n") ? "\r\n" : "\n" } ?? "\n"
        self.frontMatter = Self.frontMatter(lines)
        (self.blocks, self.unclosedFence) = Self.blocks(lines)
    }

    /// The document with each block's output replaced by `outputs[i]` (nil keeps it as is).
    func replacingOutputs(_ outputs: [String?]) -> String {
        var result = ""
        var cursor = 0
        for (block, output) in zip(blocks, outputs) {
            guard let output else { continue }
            for line in lines[cursor..<block.end] { result += line }
            if block.end > 0, !String(lines[block.end - 1]).endsWithNewline { result += newline }
            result += Self.outputBlock(output, newline: newline)
            cursor = block.output?.upperBound ?? block.end
        }
        for line in lines[cursor...] { result += line }
        return result
    }

    /// The fenced output block for `output`, with a fence longer than any backtick run inside.
    static func outputBlock(_ output: String, newline: String) -> String {
        var longest = 0, run = 0
        for c in output { run = c == "`" ? run + 1 : 0; longest = max(longest, run) }
        let fence = String(repeating: "`", count: max(3, longest + 1))
        var text = fence + outputInfo + newline
        var body = output
        if body.endsWithNewline { body.removeLast() }
        if !body.isEmpty {
            text += body.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
                .map { $0 + newline }.joined()
        }
        return text + fence + newline
    }

    private struct Fence {
        var character: Character
        var length: Int
        var info: String
    }

    private static func fence(_ line: Substring) -> Fence? {
        // A byte-order mark before the first fence is not part of it (and stays in the file).
        var s = line.drop { $0 == " " || $0 == "\u{FEFF}" }
        guard line.count - s.count <= 3, let c = s.first, c == "`" || c == "~" else { return nil }
        let length = s.prefix { $0 == c }.count
        guard length >= 3 else { return nil }
        s = s.dropFirst(length)
        let info = String(s).trimmingWhitespace
        if c == "`" && info.contains("`") { return nil }
        return Fence(character: c, length: length, info: info)
    }

    private static func closes(_ line: Substring, _ open: Fence) -> Bool {
        guard let f = fence(line) else { return false }
        return f.character == open.character && f.length >= open.length && f.info.isEmpty
    }

    private static func blocks(_ lines: [Substring]) -> ([CodeBlock], unclosed: Int?) {
        var blocks: [CodeBlock] = []
        var unclosed: Int?
        var i = 0
        while i < lines.count {
            guard let open = fence(lines[i]) else { i += 1; continue }
            var j = i + 1
            while j < lines.count && !closes(lines[j], open) { j += 1 }
            let body = lines[(i + 1)..<min(j, lines.count)].map { String($0).strippingLineEnding }
            let end = min(j + 1, lines.count)
            let words = open.info.split(separator: " ").map(String.init)
            if words.first == codeInfo {
                if j >= lines.count, unclosed == nil { unclosed = i + 1 }
                var block = CodeBlock(source: body.joined(separator: "\n"), firstLine: i + 2, end: end)
                block.expectsError = words.dropFirst().contains("error")
                if end < lines.count, let out = fence(lines[end]), out.info == outputInfo {
                    var k = end + 1
                    while k < lines.count && !closes(lines[k], out) { k += 1 }
                    if k >= lines.count, unclosed == nil { unclosed = end + 1 }
                    block.output = end..<min(k + 1, lines.count)
                    let text = lines[(end + 1)..<min(k, lines.count)].map { String($0).strippingLineEnding + "\n" }
                    block.outputText = text.joined()
                }
                blocks.append(block)
                i = block.output?.upperBound ?? end
            } else {
                i = end
            }
        }
        return (blocks, unclosed)
    }

    private static func frontMatter(_ lines: [Substring]) -> [String: String] {
        guard let first = lines.first, String(first).strippingLineEnding == "---" else { return [:] }
        var settings: [String: String] = [:]
        for line in lines.dropFirst() {
            let text = String(line).strippingLineEnding
            if text == "---" { return settings }
            let parts = text.split(separator: ":", maxSplits: 1)
            if parts.count == 2 {
                settings[String(parts[0]).trimmingWhitespace] = String(parts[1]).trimmingWhitespace
            }
        }
        return [:]
    }
}

extension String {
    /// The string without its final "\n" or "\r\n".
    var strippingLineEnding: String {
        var s = self
        if s.hasSuffix("\r\n") || s.hasSuffix("\n") { s.removeLast() }
        return s
    }
}
