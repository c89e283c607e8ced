/// A place in a statement's source text: the file, the line and column (both from 1) where a
/// token starts, and how many characters it covers on that line.
public struct SourcePosition: Sendable, Hashable, CustomStringConvertible {
    /// The file as the user named it, or `<stdin>` for typed input.
    public var file: String
    /// The line, counting from 1.
    public var line: Int
    /// The column in characters (grapheme clusters), counting from 1.
    public var column: Int
    /// How many characters the offending text covers; at least 1 when rendered.
    public var length: Int

    /// Creates a position.
    public init(file: String, line: Int, column: Int, length: Int = 1) {
        self.file = file
        self.line = line
        self.column = column
        self.length = length
    }

    /// `file:line:column`.
    public var description: String { "\(file):\(line):\(column)" }

    /// The span from the start of `self` to the end of `other`, when both are on one line.
    func through(_ other: SourcePosition) -> SourcePosition {
        guard other.line == line, other.column >= column else { return self }
        var span = self
        span.length = other.column + other.length - column
        return span
    }
}
