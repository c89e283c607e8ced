import ArvioData

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
    /// The message in Finnish, where the place that found the problem wrote one; otherwise
    /// `DiagnosticFinnish` translates the English when a Finnish session shows it.
    public var finnishMessage: String?
    /// The suggestion in Finnish, where it differs (a value's Finnish label).
    public var finnishSuggestion: String?

    /// Creates a diagnostic.
    public init(_ position: SourcePosition, _ message: String, suggestion: String? = nil,
                sourceLine: String? = nil, isCancellation: Bool = false) {
        self.position = position
        self.message = message
        self.suggestion = suggestion
        self.sourceLine = sourceLine
        self.isCancellation = isCancellation
    }

    /// Creates a diagnostic whose message (and suggestion) the place that found it wrote in
    /// both languages.
    public init(_ position: SourcePosition, _ message: Localized, suggestion: Localized? = nil) {
        self.init(position, message.en, suggestion: suggestion?.en)
        finnishMessage = message.fi
        finnishSuggestion = suggestion?.fi
    }

    /// The message in `language`.
    public func message(_ language: Language) -> String {
        guard language == .fi else { return message }
        return finnishMessage ?? DiagnosticFinnish.translate(message)
    }

    /// The suggestion in `language`.
    public func suggestion(_ language: Language) -> String? {
        language == .fi ? (finnishSuggestion ?? suggestion) : suggestion
    }

    /// The full rendering: position and message, the line with a caret, and the suggestion.
    public var description: String { rendered() }
}
