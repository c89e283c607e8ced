/// The one error type of the query language: where the problem is, what was wrong and what was
/// expected in plain words, and a "did you mean ...?" when a name is close to a known one.
public struct Diagnostic: Error, Sendable, Hashable, CustomStringConvertible {
    /// Where the problem is.
    public var position: SourcePosition
    /// What went wrong, in a sentence a non-programmer understands.
    public var message: String
    /// A close known name or value, offered as "did you mean ...?".
    public var suggestion: String?
    /// The text of the offending line, so the diagnostic can be shown without the source.
    public var sourceLine: String?
    /// Whether the statement was stopped by the user (Ctrl-C) rather than by a mistake.
    public var isCancellation: Bool

    /// Creates a diagnostic.
    public init(_ position: SourcePosition, _ message: String, suggestion: String? = nil,
                sourceLine: String? = nil, isCancellation: Bool = false) {
        self.position = position
        self.message = message
        self.suggestion = suggestion
        self.sourceLine = sourceLine
        self.isCancellation = isCancellation
    }

    /// The full rendering: position and message, the line with a caret, and the suggestion.
    public var description: String { rendered() }
}
